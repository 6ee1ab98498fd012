"""Runs a generated hooks.py against a small in-memory stand-in for the Odoo tables it touches, for the
tests: take_over, then give_back, printing the rows after each as JSON. The stand-in enforces Odoo's
check constraint ir_model_fields_name_manual_field (a manual field's name starts with x_).

Usage: run_hooks.py <hooks.py> <state.json>. state.json: {"columns": {table: [column, ...]},
"ir_model": [[model, state]], "ir_model_fields": [[model, name, state, relation]],
"ir_model_data": [[module, name]], "texts": {"table.column": [[id, text, model]]}}"""
import json
import re
import sys

import psycopg2_stub  # noqa: F401  (installs the psycopg2.sql stand-in)

hooks_path, state_path = sys.argv[1], sys.argv[2]
with open(state_path, encoding='utf-8') as f:
    db = json.load(f)
log = []


class Cursor:
    def __init__(self):
        self.rows = []

    def fetchone(self):
        return self.rows[0] if self.rows else None

    def fetchall(self):
        return self.rows

    def execute(self, query, params=()):
        q = ' '.join(str(query).split())
        self.rows = []
        log.append(q)
        cols = db['columns']
        if q.startswith('SELECT data_type FROM information_schema.columns'):
            table, column = params
            self.rows = [('jsonb' if column == 'arch_db' else 'text',)] if column in cols.get(table, []) else []
        elif q.startswith('SELECT 1 FROM information_schema.tables'):
            self.rows = [(1,)] if params[0] in cols else []
        elif q.startswith('ALTER TABLE'):
            m = re.match(r'ALTER TABLE "([^"]+)" RENAME COLUMN "([^"]+)" TO "([^"]+)"', q)
            if m:
                cols[m[1]] = [m[3] if c == m[2] else c for c in cols[m[1]]]
            else:
                m = re.match(r'ALTER TABLE "([^"]+)" RENAME TO "([^"]+)"', q)
                cols[m[2]] = cols.pop(m[1])
        elif q.startswith('UPDATE ir_model_fields SET name = %s, state = %s'):
            name, state, model, old = params
            for row in db['ir_model_fields']:
                if row[0] == model and row[1] == old:
                    if state == 'manual' and not name.startswith('x_'):
                        raise Exception('violates check constraint "ir_model_fields_name_manual_field"')
                    row[1], row[2] = name, state
        elif q.startswith('UPDATE ir_model SET model = %s, state = %s'):
            new, state, old = params
            for row in db['ir_model']:
                if row[0] == old:
                    row[0], row[1] = new, state
        elif q.startswith('UPDATE "ir_model_fields" SET "model"') or q.startswith('UPDATE "ir_model_fields" SET "relation"'):
            new, old = params
            index = 0 if '"model"' in q.split('WHERE')[0] else 3
            for row in db['ir_model_fields']:
                if row[index] == old:
                    row[index] = new
        elif q.startswith('SELECT 1 FROM ir_model_data'):
            self.rows = [(1,)] if list(params) in db['ir_model_data'] else []
        elif q.startswith("UPDATE ir_model_data SET module = %s, name = %s"):
            module, name, studio = params
            for row in db['ir_model_data']:
                if row == ['studio_customization', studio]:
                    row[0], row[1] = module, name
        elif q.startswith("UPDATE ir_model_data d SET module = 'studio_customization'"):
            studio = {r[1] for r in db['ir_model_data'] if r[0] == 'studio_customization'}
            for row in db['ir_model_data']:
                if row[0] == params[0]:
                    row[1] = row[1] + '_' + row[0] if row[1] in studio else row[1]
                    row[0] = 'studio_customization'
        elif q.startswith('SELECT id, '):
            m = re.match(r'SELECT id, "([^"]+)"::text, .* FROM "([^"]+)"', q)
            self.rows = [tuple(r) for r in db['texts'].get('%s.%s' % (m[2], m[1]), [])]
        elif q.startswith('UPDATE "') and ' WHERE id = %s' in q:
            m = re.match(r'UPDATE "([^"]+)" SET "([^"]+)"', q)
            for row in db['texts'].get('%s.%s' % (m[1], m[2]), []):
                if row[0] == params[1]:
                    row[1] = params[0]


class Registry:
    def setup_models(self, cr):
        log.append('SETUP')

    _setup_models__ = setup_models


class Env:
    cr = Cursor()
    registry = Registry()

    def invalidate_all(self):
        log.append('INVALIDATE')


namespace = {'__name__': 'hooks'}
with open(hooks_path, encoding='utf-8') as f:
    exec(compile(f.read(), hooks_path, 'exec'), namespace)
out = {}
try:
    namespace['pre_init_hook'](Env())
    out['after_install'] = json.loads(json.dumps(db))
    out['install_log'] = log[:]
    del log[:]
    namespace['uninstall_hook'](Env())
    out['after_uninstall'] = db
    out['uninstall_log'] = log
except Exception as e:  # the test prints what failed
    out['error'] = str(e)
print(json.dumps(out))
