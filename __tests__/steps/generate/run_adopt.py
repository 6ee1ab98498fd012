"""Runs the _adopt step of a generated hooks.py against SQLite, then loads data/records.xml the way
Odoo's loader treats external ids on install (an id that exists updates its record, a missing one
creates a record), and prints what happened as JSON, for the tests.

Usage: run_adopt.py <hooks.py> <records.xml> <state.json>. state.json: {"table": name or null,
"rows": [[id, x_name]], "ir_model_data": [[module, name, model, res_id]]}"""
import json
import sqlite3
import sys
import xml.etree.ElementTree as ET

import psycopg2_stub  # noqa: F401  (installs the psycopg2.sql stand-in)

hooks_path, records_path, state_path = sys.argv[1:4]
with open(state_path, encoding='utf-8') as f:
    state = json.load(f)
db = sqlite3.connect(':memory:')
db.execute('CREATE TABLE ir_model_data (id INTEGER PRIMARY KEY, module TEXT, name TEXT, model TEXT, res_id INTEGER, noupdate BOOLEAN, UNIQUE (module, name))')
table = state['table']
if table:
    db.execute('CREATE TABLE "%s" (id INTEGER PRIMARY KEY, x_name TEXT)' % table)
    db.executemany('INSERT INTO "%s" (id, x_name) VALUES (?, ?)' % table, state['rows'])
db.executemany('INSERT INTO ir_model_data (module, name, model, res_id) VALUES (?, ?, ?, ?)', state['ir_model_data'])


class Cursor:
    def __init__(self):
        self.cur = db.cursor()
        self.rowcount = 0

    def execute(self, query, params=()):
        self.cur.execute(str(query).replace('%s', '?'), tuple(params))
        self.rowcount = self.cur.rowcount

    def fetchone(self):
        return self.cur.fetchone()


namespace = {'__name__': 'hooks'}
with open(hooks_path, encoding='utf-8') as f:
    exec(compile(f.read(), hooks_path, 'exec'), namespace)
namespace['_column_type'] = lambda cr, t, c: 'text' if any(r[1] == c for r in db.execute('PRAGMA table_info("%s")' % t)) else None
namespace['_table_exists'] = lambda cr, t: bool(db.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (t,)).fetchone())
namespace['_adopt'](Cursor())

module = namespace['MODULE']
created, updated, seen = [], [], set()
for rec in ET.parse(records_path).getroot().iter('record'):
    xid = rec.get('id')
    if xid in seen:
        continue
    seen.add(xid)
    row = db.execute('SELECT res_id FROM ir_model_data WHERE module = ? AND name = ?', (module, xid)).fetchone()
    if row:
        updated.append(xid)
        continue
    name = next((f.text for f in rec.iter('field') if f.get('name') == 'x_name'), None)
    if table is None:
        table = rec.get('model').replace('.', '_')
        db.execute('CREATE TABLE "%s" (id INTEGER PRIMARY KEY, x_name TEXT)' % table)
    new_id = db.execute('INSERT INTO "%s" (x_name) VALUES (?)' % table, (name,)).lastrowid
    db.execute('INSERT INTO ir_model_data (module, name, model, res_id) VALUES (?, ?, ?, ?)', (module, xid, rec.get('model'), new_id))
    created.append(xid)
has_adopted = db.execute("SELECT 1 FROM sqlite_temp_master WHERE name = 'odoo_project_sync_adopted'").fetchone()
adopted = db.execute('SELECT model, res_id FROM odoo_project_sync_adopted ORDER BY res_id').fetchall() if has_adopted else []
print(json.dumps({
    'adopted': adopted,
    'created': created,
    'updated': updated,
    'rows': db.execute('SELECT id, x_name FROM "%s" ORDER BY id' % table).fetchall(),
    'ir_model_data': db.execute('SELECT module, name, res_id FROM ir_model_data ORDER BY module, name').fetchall(),
}))
