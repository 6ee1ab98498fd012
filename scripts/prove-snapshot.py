# Run by scripts/prove.mjs through `odoo-bin shell` (stdin): prints one line "PROVE-SNAPSHOT <json>"
# describing the customizations of the database: the ir_model / ir_model_fields rows of the custom
# models and fields (found by name the first time, by id afterwards, so renames are followed), every
# stored value of those fields, many2many links, messages/followers/activities/attachments/filters
# per model, what a non-admin user sees, what copying a record produces (automations and computes
# run), and the records of the given modules. Read-only: everything is rolled back.
import json

P = json.loads(PARAMS)  # noqa: F821 (PARAMS is prepended by prove.mjs as a JSON string literal)
cr = env.cr  # noqa: F821 (env is given by odoo-bin shell)
out = {'studio_left': [], 'models': {}, 'fields': {}, 'rows': {}, 'links': {}, 'counts': {}, 'visible': {}, 'copies': {}, 'records': {}}
FIELD_COLUMNS = ['model', 'name', 'ttype', 'state', 'relation', 'relation_field', 'relation_table', 'column1', 'column2',
                 'required', 'readonly', 'store', 'index', 'copied', 'translate', 'related', 'depends', 'compute',
                 'on_delete', 'domain', 'size', 'tracking']


def table_of(model):
    return model.replace('.', '_')


def existing_columns(table):
    cr.execute("SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = %s", (table,))
    return {r[0] for r in cr.fetchall()}


cr.execute("SELECT id, model, state FROM ir_model WHERE model = ANY(%s) OR id = ANY(%s)", (P['models'], P['model_ids']))
for mid, model, state in cr.fetchall():
    out['models'][str(mid)] = {'model': model, 'state': state}
have = existing_columns('ir_model_fields')
cols = [c for c in FIELD_COLUMNS if c in have]
wanted = [m + '.' + f for m, f in P['fields']]
cr.execute(
    "SELECT id, field_description::text, " + ', '.join('%s::text' % c for c in cols) + " FROM ir_model_fields "
    "WHERE model || '.' || name = ANY(%s) OR id = ANY(%s)",
    (wanted, P['field_ids']),
)
for row in cr.fetchall():
    out['fields'][str(row[0])] = dict(zip(['label'] + cols, row[1:]))

by_model = {}
for fid, f in out['fields'].items():
    by_model.setdefault(f['model'], []).append((fid, f))
for model, fields in sorted(by_model.items()):
    table = table_of(model)
    present = existing_columns(table)
    stored = [(fid, f['name']) for fid, f in fields if f['name'] in present]
    if stored:
        cr.execute('SELECT id, %s FROM "%s" ORDER BY id' % (', '.join('"%s"::text' % n for _, n in stored), table))
        for row in cr.fetchall():
            out['rows']['%s#%s' % (model, row[0])] = {fid: value for (fid, _), value in zip(stored, row[1:])}
    for fid, f in fields:
        rel = f.get('relation_table')
        if f['ttype'] == 'many2many' and rel and existing_columns(rel):
            cr.execute('SELECT "%s", "%s" FROM "%s" ORDER BY 1, 2' % (f['column1'], f['column2'], rel))
            out['links'][fid] = cr.fetchall()

models_now = sorted({m['model'] for m in out['models'].values()} | set(by_model))
for table, column in [('mail_message', 'model'), ('mail_followers', 'res_model'), ('mail_activity', 'res_model'),
                      ('ir_attachment', 'res_model'), ('ir_filters', 'model_id')]:
    if column in existing_columns(table):
        cr.execute('SELECT "%s", count(*) FROM "%s" WHERE "%s" = ANY(%%s) GROUP BY 1' % (column, table, column), (models_now,))
        for model, n in cr.fetchall():
            out['counts']['%s %s' % (table, model)] = n

user = env['res.users'].search([('login', '=', P['user'])], limit=1)  # noqa: F821
for model in models_now:
    if model not in env:  # noqa: F821
        continue
    try:
        out['visible'][model] = env[model].with_user(user).search([]).ids if user else 'no user %s' % P['user']  # noqa: F821
    except Exception as e:  # an access error is a result to compare, too
        out['visible'][model] = 'error: %s' % type(e).__name__

for model in sorted(set(P['copy_models']) | {m['model'] for m in out['models'].values()}):
    if model not in env:  # noqa: F821
        continue
    record = env[model].search([], limit=1, order='id')  # noqa: F821
    if not record:
        continue
    try:
        with cr.savepoint():
            copy = record.copy()
            env.flush_all()  # noqa: F821
            mine = [(fid, f['name']) for fid, f in out['fields'].items() if f['model'] == model and f['name'] in copy._fields]
            values = copy.read([n for _, n in mine])[0]
            out['copies'][model] = {fid: json.dumps(values[n], default=str) for fid, n in mine}
            raise RuntimeError('rollback')
    except RuntimeError:
        pass
    except Exception as e:
        out['copies'][model] = 'error: %s: %s' % (type(e).__name__, e)

cr.execute("SELECT module, name, model, res_id FROM ir_model_data WHERE module = ANY(%s) ORDER BY module, name", (P['modules'],))
for module, name, model, res_id in cr.fetchall():
    value = {'model': model, 'res_id': res_id}
    if model in env:  # noqa: F821
        record = env[model].browse(res_id).exists()  # noqa: F821
        names = [n for n, f in record._fields.items() if f.store and n not in ('write_date', 'write_uid', 'create_date', 'create_uid')]
        value['values'] = json.dumps(record.read(names)[0], default=str, sort_keys=True) if record else 'missing'
    out['records']['%s.%s' % (module, name)] = value

cr.execute("SELECT name FROM ir_model_data WHERE module = 'studio_customization' AND name = ANY(%s) ORDER BY name", (P.get('studio_ids', []),))
out['studio_left'] = [r[0] for r in cr.fetchall()]

cr.rollback()
print('PROVE-SNAPSHOT ' + json.dumps(out, sort_keys=True, default=str))
