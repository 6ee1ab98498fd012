/**
 * hooks.py: the take-over of a Studio database (pre_init_hook) and the way back (uninstall_hook).
 *
 * Why it is shaped like this (read in Odoo 17.0 and 19.0): the pre_init_hook runs after a first
 * registry setup, before the module's classes are loaded. A field row may only get a name without
 * x_ in the same UPDATE that stops it being 'manual' (check constraint
 * ir_model_fields_name_manual_field). After the SQL, the registry still holds the manual models and
 * the manual fields that point at them (19 sets models up incrementally), so the hook asks for a
 * full setup from the database. Uninstalling deletes what the module's external ids own; the
 * uninstall_hook renames back, makes the models and fields 'manual' again and hands every external
 * id to studio_customization, so nothing is deleted and Studio owns it all again.
 *
 * Every name is data: Python literals, passed to psycopg2 as parameters or sql.Identifier.
 */
import type { AnyRecord, FieldRec, ModelRec } from '../extract/schema.js';
import { STUDIO_MODULE } from '../extract/refs.js';
import type { GenContext } from './context.js';
import { writesField } from './models-py.js';
import { pyLiteral, pyStr } from './py.js';

export interface TakeOver {
  module: string;
  /** [Studio local name, local name in the module] of every Studio record the module defines. */
  studioIds: [string, string][];
  /** [old, new] of every model the module defines (new = old under keep naming). */
  models: [string, string][];
  /** [old model, old field, new field] of every field the module defines. */
  fields: [string, string, string][];
  /** [old, new] identifiers renamed inside texts (arch, domains, contexts, code), longest first. */
  texts: [string, string][];
  /**
   * [local name, model, table, database id, column, value] of records made outside Studio (no
   * external id: a report, filter, template, cron or sequence made in Settings). In the database
   * they came from, the module adopts the row that still has that id and that name.
   */
  adopt: [string, string, string, number, string, string][];
  /**
   * [local name, number] of the module's sequences whose records are carried as data: those
   * records hold numbers up to the source's counter, so numbering goes on from there (never back).
   */
  numbers: [string, number][];
  /** Odoo major version: hook signatures and the registry setup call differ. */
  major: number;
}

const STATIC = String.raw`
_logger = logging.getLogger(__name__)

# Columns that hold a model name. Tables of modules that are not installed are skipped.
MODEL_COLUMNS = [
    ('ir_model_data', 'model'), ('ir_ui_view', 'model'), ('ir_act_window', 'res_model'),
    ('ir_act_server', 'model_name'), ('ir_act_report_xml', 'model'), ('ir_act_client', 'res_model'),
    ('ir_filters', 'model_id'), ('ir_exports', 'resource'), ('ir_attachment', 'res_model'),
    ('mail_message', 'model'), ('mail_followers', 'res_model'), ('mail_activity', 'res_model'),
    ('mail_activity_type', 'res_model'), ('mail_message_subtype', 'res_model'), ('mail_template', 'model'),
    ('rating_rating', 'res_model'), ('rating_rating', 'parent_res_model'),
    # Studio gives a model's sequence the model's name as code, and code calls next_by_code(<model>).
    ('ir_sequence', 'code'),
    ('ir_model_fields', 'model'), ('ir_model_fields', 'relation'),
]
# Columns that hold model and field names inside text, with the SQL that names each row's model.
TEXT_COLUMNS = [
    ('ir_ui_view', 'arch_db', 'model'),
    ('ir_act_window', 'domain', 'res_model'), ('ir_act_window', 'context', 'res_model'),
    ('ir_act_server', 'code', '(SELECT model FROM ir_model WHERE id = model_id)'),
    ('ir_filters', 'domain', 'model_id'), ('ir_filters', 'context', 'model_id'), ('ir_filters', 'sort', 'model_id'),
    ('base_automation', 'filter_domain', '(SELECT model FROM ir_model WHERE id = model_id)'),
    ('base_automation', 'filter_pre_domain', '(SELECT model FROM ir_model WHERE id = model_id)'),
    ('ir_rule', 'domain_force', '(SELECT model FROM ir_model WHERE id = model_id)'),
    ('ir_model_fields', 'related', 'model'), ('ir_model_fields', 'depends', 'model'),
    ('ir_model_fields', 'compute', 'model'), ('ir_model_fields', 'domain', 'model'),
    ('mail_template', 'body_html', '(SELECT model FROM ir_model WHERE id = model_id)'),
    ('mail_template', 'subject', '(SELECT model FROM ir_model WHERE id = model_id)'),
]
CODE_COLUMNS = {('ir_act_server', 'code'), ('ir_model_fields', 'compute')}


def _table(model):
    return model.replace('.', '_')


def _column_type(cr, table, column):
    cr.execute(
        'SELECT data_type FROM information_schema.columns '
        'WHERE table_schema = current_schema() AND table_name = %s AND column_name = %s',
        (table, column),
    )
    row = cr.fetchone()
    return row and row[0]


def _table_exists(cr, table):
    cr.execute(
        'SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = %s',
        (table,),
    )
    return bool(cr.fetchone())


def _renamer(old, new):
    # The same rule as the generator: whole identifiers, and context keys default_<name>.
    pattern = re.compile(r'(?<![A-Za-z0-9_])((?:search_)?default_)?' + re.escape(old) + r'(?![A-Za-z0-9_])')
    return lambda text: pattern.sub(lambda m: (m.group(1) or '') + new, text)


def _rename_texts(cr, pairs, models=None):
    pairs = sorted(pairs, key=lambda p: -len(p[0]))
    renames = [_renamer(old, new) for old, new in pairs if old != new]
    if not renames:
        return
    likes = ['%' + old.replace('\\', '\\\\').replace('%', '\\%') + '%' for old, new in pairs if old != new]
    for table, column, model_sql in TEXT_COLUMNS:
        kind = _column_type(cr, table, column)
        if not kind or not (model_sql.startswith('(') or _column_type(cr, table, model_sql)):
            continue
        query = sql.SQL('SELECT id, {col}::text, {model} FROM {table} WHERE {col}::text LIKE ANY(%s)').format(
            col=sql.Identifier(column), model=sql.SQL(model_sql), table=sql.Identifier(table))
        cr.execute(query, (likes,))
        for rid, text, model in cr.fetchall():
            if models is not None and model not in models:
                continue
            new_text = text
            for rename in renames:
                new_text = rename(new_text)
            if new_text == text:
                continue
            cast = '::jsonb' if kind == 'jsonb' else ''
            cr.execute(sql.SQL('UPDATE {table} SET {col} = %s' + cast + ' WHERE id = %s').format(
                table=sql.Identifier(table), col=sql.Identifier(column)), (new_text, rid))
            if (table, column) in CODE_COLUMNS:
                _logger.warning('%s %s (model %s): names renamed in its %s; check that code by hand', table, rid, model, column)


def _rename(cr, models, fields, texts, state, text_models=None):
    """fields: (current model, old, new); models: (old, new). Rows take the given state in the same UPDATE."""
    for model, old, new in fields:
        table = _table(model)
        if old != new and _column_type(cr, table, old) and not _column_type(cr, table, new):
            cr.execute(sql.SQL('ALTER TABLE {} RENAME COLUMN {} TO {}').format(
                sql.Identifier(table), sql.Identifier(old), sql.Identifier(new)))
        cr.execute('UPDATE ir_model_fields SET name = %s, state = %s WHERE model = %s AND name = %s', (new, state, model, old))
        if old != new:
            cr.execute('UPDATE ir_model_fields SET relation_field = %s WHERE relation = %s AND relation_field = %s', (new, model, old))
            if _column_type(cr, 'ir_model_fields', 'currency_field'):
                cr.execute('UPDATE ir_model_fields SET currency_field = %s WHERE model = %s AND currency_field = %s', (new, model, old))
            cr.execute('UPDATE ir_attachment SET res_field = %s WHERE res_model = %s AND res_field = %s', (new, model, old))
    for old, new in models:
        if old != new:
            if _table_exists(cr, _table(old)) and not _table_exists(cr, _table(new)):
                cr.execute(sql.SQL('ALTER TABLE {} RENAME TO {}').format(sql.Identifier(_table(old)), sql.Identifier(_table(new))))
            for table, column in MODEL_COLUMNS:
                if _column_type(cr, table, column):
                    cr.execute(sql.SQL('UPDATE {} SET {} = %s WHERE {} = %s').format(
                        sql.Identifier(table), sql.Identifier(column), sql.Identifier(column)), (new, old))
            if _column_type(cr, 'ir_property', 'res_id'):
                for column in ('res_id', 'value_reference'):
                    cr.execute(sql.SQL('UPDATE ir_property SET {c} = %s || substr({c}, %s) WHERE {c} LIKE %s').format(
                        c=sql.Identifier(column)), (new, len(old) + 1, old.replace('_', '\\_') + ',%'))
        cr.execute('UPDATE ir_model SET model = %s, state = %s WHERE model = %s', (new, state, old))
    _rename_texts(cr, texts, text_models)


def _setup_registry(env):
    # The SQL above changed what the registry was built from: rebuild every model from the database.
    env.invalidate_all()
    __SETUP__


def _adopt(cr):
    # Records made outside Studio have no external id. In the database they came from, the module
    # takes the row it was generated from (same id, same name; records of a custom model carried as
    # data: same id, and same x_name when they have one): installing updates it in place instead of
    # adding a second filter, cron, sequence or record. Elsewhere nothing matches: Odoo creates them.
    for name, model, table, res_id, column, value in ADOPT:
        if column:
            kind = _column_type(cr, table, column)
            if not kind:
                continue
            col = sql.SQL("{}->>'en_US'" if kind == 'jsonb' else '{}').format(sql.Identifier(column))
            cr.execute(sql.SQL('SELECT 1 FROM {} WHERE id = %s AND {} = %s').format(sql.Identifier(table), col), (res_id, value))
        else:
            if not _table_exists(cr, table):
                continue
            cr.execute(sql.SQL('SELECT 1 FROM {} WHERE id = %s').format(sql.Identifier(table)), (res_id,))
        if not cr.fetchone():
            continue
        if model in dict(MODELS):
            # A record of the module's own model: the data file must not write its extracted values
            # over what the row holds now (see adopted()).
            cr.execute('CREATE TEMP TABLE IF NOT EXISTS odoo_project_sync_adopted (model varchar, res_id integer)')
            cr.execute('INSERT INTO odoo_project_sync_adopted (model, res_id) VALUES (%s, %s)', (dict(MODELS)[model], res_id))
        # Uninstalling handed the module's ids to Studio under the same names: take them back.
        cr.execute(
            "UPDATE ir_model_data SET module = %s WHERE module = 'studio_customization' AND name = %s AND model = %s AND res_id = %s",
            (MODULE, name, model, res_id),
        )
        if cr.rowcount:
            continue
        cr.execute("SELECT 1 FROM ir_model_data WHERE model = %s AND res_id = %s AND module != '__export__'", (model, res_id))
        if cr.fetchone():
            continue
        cr.execute(
            'INSERT INTO ir_model_data (module, name, model, res_id, noupdate) VALUES (%s, %s, %s, %s, false) '
            'ON CONFLICT DO NOTHING',
            (MODULE, name, model, res_id),
        )


def adopted(records):
    """True when the pre_init_hook of this install adopted these records (they were in the database already)."""
    cr = records.env.cr
    cr.execute("SELECT to_regclass('pg_temp.odoo_project_sync_adopted')")
    if not cr.fetchone()[0]:
        return False
    cr.execute('SELECT 1 FROM odoo_project_sync_adopted WHERE model = %s AND res_id = ANY(%s)', (records._name, list(records.ids)))
    return bool(cr.fetchone())


def take_over(env):
    cr = env.cr
    _adopt(cr)
    for studio_name, name in STUDIO_IDS:
        cr.execute('SELECT 1 FROM ir_model_data WHERE module = %s AND name = %s', (MODULE, name))
        if cr.fetchone():
            cr.execute("DELETE FROM ir_model_data WHERE module = 'studio_customization' AND name = %s", (studio_name,))
        else:
            cr.execute(
                "UPDATE ir_model_data SET module = %s, name = %s, noupdate = false "
                "WHERE module = 'studio_customization' AND name = %s",
                (MODULE, name, studio_name),
            )
    # Installing rewrites the labels of the module's fields in English only: keep the other languages.
    cr.execute('CREATE TEMP TABLE IF NOT EXISTS odoo_project_sync_labels (id integer PRIMARY KEY, label jsonb)')
    cr.execute(
        "INSERT INTO odoo_project_sync_labels SELECT id, to_jsonb(field_description) FROM ir_model_fields "
        "WHERE model || '.' || name = ANY(%s) ON CONFLICT (id) DO UPDATE SET label = EXCLUDED.label",
        ([model + '.' + old for model, old, new in FIELDS],),
    )
    _rename(cr, MODELS, FIELDS, TEXTS, 'base')
    _setup_registry(env)


def restore_labels(env):
    cr = env.cr
    cr.execute('DROP TABLE IF EXISTS odoo_project_sync_adopted')
    cr.execute("SELECT to_regclass('pg_temp.odoo_project_sync_labels')")
    if not cr.fetchone()[0]:
        return
    cr.execute(
        "UPDATE ir_model_fields f SET field_description = s.label || f.field_description "
        "FROM odoo_project_sync_labels s WHERE f.id = s.id AND jsonb_typeof(s.label) = 'object'"
    )
    cr.execute('DROP TABLE odoo_project_sync_labels')
    env.invalidate_all()


def continue_numbers(env):
    """The records carried as data hold numbers up to the source's counter: go on from there, never back."""
    for local, number in NUMBERS:
        seq = env.ref('%s.%s' % (MODULE, local), raise_if_not_found=False)
        if seq and seq.number_next_actual < number:
            seq.write({'number_next': number})


def give_back(env):
    """Hands the models and fields back to Studio (manual, x_ names) with their data, views, menus and actions."""
    cr = env.cr
    fields = [(dict(MODELS).get(model, model), new, old) for model, old, new in FIELDS]
    models = [(new, old) for old, new in MODELS]
    text_models = {new for old, new in MODELS} | {model for model, old, new in fields} | {old for old, new in MODELS}
    _rename(cr, models, fields, [(new, old) for old, new in TEXTS], 'manual', text_models)
    cr.execute(
        "UPDATE ir_model_data d SET module = 'studio_customization', name = CASE WHEN EXISTS ("
        "SELECT 1 FROM ir_model_data s WHERE s.module = 'studio_customization' AND s.name = d.name"
        ") THEN d.name || '_' || d.module ELSE d.name END WHERE d.module = %s",
        (MODULE,),
    )
    # Relations and constraints the module reflected would be dropped with it (many2many tables).
    for table in ('ir_model_relation', 'ir_model_constraint'):
        cr.execute(sql.SQL('DELETE FROM {} WHERE module = (SELECT id FROM ir_module_module WHERE name = %s)').format(
            sql.Identifier(table)), (MODULE,))
`;

const tableOf = (model: string): string => model.replace(/\./g, '_');

/** What the hooks of one module take over: its Studio external ids, models, fields and renames. */
export function takeOverOf(ctx: GenContext, module: string, recs: readonly AnyRecord[], models: ModelRec[], fields: FieldRec[], files: ReadonlyMap<string, string>): TakeOver {
  // Only ids of records the module's data files define: an id the module owns but does not load
  // is deleted, with its record, at the end of the install.
  const defined = new Set<string>();
  for (const [path, text] of files) {
    if (path.endsWith('.xml')) for (const m of text.matchAll(/<(?:record|menuitem)\s+id="([^"]+)"/g)) defined.add(m[1]);
    if (path.endsWith('.csv')) for (const line of text.split('\n').slice(1)) defined.add(line.slice(0, line.indexOf(',')));
  }
  const written = fields.filter((f) => writesField(ctx, f));
  const target = (r: AnyRecord): string => {
    const kind = r.key.slice(0, r.key.indexOf(':'));
    // Odoo's own names for model and field ids, so reflection updates them instead of adding a second id.
    if (kind === 'model') return `model_${tableOf(ctx.modelName(r.model))}`;
    if (kind === 'field') return `field_${tableOf(ctx.modelName(r.model))}__${ctx.fieldName(r.model, (r as FieldRec).name)}`;
    return ctx.localId(r);
  };
  const studioIds: [string, string][] = [];
  for (const r of recs) {
    if (r.origin !== 'studio' || !r.xmlid?.startsWith(`${STUDIO_MODULE}.`)) continue;
    const kind = r.key.slice(0, r.key.indexOf(':'));
    if (kind === 'field' && !written.includes(r as FieldRec)) continue;
    const to = target(r);
    if (kind !== 'field' && kind !== 'model' && !defined.has(to)) continue;
    studioIds.push([r.xmlid.slice(STUDIO_MODULE.length + 1), to]);
    // After an uninstall handed the records back to Studio, they carry the module's names.
    if (to !== studioIds[studioIds.length - 1][0]) studioIds.push([to, to]);
  }
  const renamed = new Set([...models.map((m) => m.model), ...written.map((f) => f.name)]);
  const adopt: TakeOver['adopt'] = [];
  for (const r of recs) {
    const how = ADOPTABLE[r.key.slice(0, r.key.indexOf(':'))];
    if (r.origin !== 'manual' || r.xmlid || !how || !defined.has(ctx.localId(r))) continue;
    adopt.push([ctx.localId(r), how[0], how[1], r.id, how[2], (r as unknown as { name: string }).name]);
  }
  return {
    module,
    studioIds: studioIds.sort((a, b) => (a.join() < b.join() ? -1 : 1)),
    models: models.map((m) => [m.model, ctx.modelName(m.model)] as [string, string]).sort(),
    fields: written.map((f) => [f.model, f.name, ctx.fieldName(f.model, f.name)] as [string, string, string]).sort((a, b) => (a.join() < b.join() ? -1 : 1)),
    texts: ctx.renamePairs.filter(([o]) => renamed.has(o)),
    adopt: adopt.sort((a, b) => (a[0] < b[0] ? -1 : 1)),
    numbers: [],
    major: ctx.major,
  };
}

/** Record kind -> [model, table, column that names the row] for adopting records without external id. */
const ADOPTABLE: Record<string, [string, string, string]> = {
  filter: ['ir.filters', 'ir_filters', 'name'],
  report: ['ir.actions.report', 'ir_act_report_xml', 'name'],
  mail_template: ['mail.template', 'mail_template', 'name'],
  cron: ['ir.cron', 'ir_cron', 'cron_name'],
  server_action: ['ir.actions.server', 'ir_act_server', 'name'],
  automation: ['base.automation', 'base_automation', 'name'],
  sequence: ['ir.sequence', 'ir_sequence', 'name'],
  view: ['ir.ui.view', 'ir_ui_view', 'name'],
  action: ['ir.actions.act_window', 'ir_act_window', 'name'],
  menu: ['ir.ui.menu', 'ir_ui_menu', 'name'],
};

/** The whole hooks.py of one module. */
export function hooksPy(t: TakeOver): string {
  const setup = t.major >= 19 ? 'env.registry._setup_models__(env.cr)' : 'env.registry.setup_models(env.cr)';
  const entry = t.major >= 17
    ? ['def pre_init_hook(env):', '    take_over(env)', '', '', 'def post_init_hook(env):', '    restore_labels(env)', '    continue_numbers(env)', '', '', 'def uninstall_hook(env):', '    give_back(env)']
    : [
      'def pre_init_hook(cr):',
      '    take_over(api.Environment(cr, SUPERUSER_ID, {}))',
      '',
      '',
      'def post_init_hook(cr, registry):',
      '    env = api.Environment(cr, SUPERUSER_ID, {})',
      '    restore_labels(env)',
      '    continue_numbers(env)',
      '',
      '',
      'def uninstall_hook(cr, registry):',
      '    give_back(api.Environment(cr, SUPERUSER_ID, {}))',
    ];
  return [
    'import logging',
    'import re',
    '',
    'from psycopg2 import sql',
    ...(t.major >= 17 ? [] : ['', 'from odoo import SUPERUSER_ID, api']),
    '',
    `MODULE = ${pyStr(t.module)}`,
    `STUDIO_IDS = ${pyLiteral(t.studioIds)}`,
    `MODELS = ${pyLiteral(t.models)}`,
    `FIELDS = ${pyLiteral(t.fields)}`,
    `TEXTS = ${pyLiteral(t.texts)}`,
    `ADOPT = ${pyLiteral(t.adopt)}`,
    `NUMBERS = ${pyLiteral(t.numbers)}`,
    STATIC.replace('__SETUP__', setup),
    '',
    ...entry,
    '',
  ].join('\n');
}
