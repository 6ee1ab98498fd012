/**
 * Field definitions of res.lang, ir.actions.report, ir.filters, mail.template, ir.cron and
 * ir.sequence per version, after Odoo's own models (17.0 and 19.0 sources): ir.cron
 * numbercall/doall up to 17, mail.template report_template (16) / report_template_ids (17+),
 * ir.filters user_id (<=18) / user_ids (19, sort becomes a char), report groups_id / group_ids (19).
 */
import type { SeedModel } from '../types.js';
import { field as f, magicFields } from './infer.js';

export function kindModels(version: number): Record<string, SeedModel> {
  const groups = version >= 19 ? 'group_ids' : 'groups_id';
  const users: Record<string, SeedModel['fields'][string]> = version >= 19
    ? { user_ids: f('many2many', 'Users', { relation: 'res.users' }) }
    : { user_id: f('many2one', 'User', { relation: 'res.users' }) };
  const reports: Record<string, SeedModel['fields'][string]> = version >= 17
    ? { report_template_ids: f('many2many', 'Dynamic Reports', { relation: 'ir.actions.report' }) }
    : { report_template: f('many2one', 'Optional report to print and attach', { relation: 'ir.actions.report' }) };
  const numbercall: Record<string, SeedModel['fields'][string]> = version <= 17
    ? { numbercall: f('integer', 'Number of Calls'), doall: f('boolean', 'Repeat Missed') }
    : {};
  return {
    'res.lang': {
      description: 'Languages',
      order: 'active desc,name',
      fields: {
        ...magicFields(),
        name: f('char', 'Name', { required: true }),
        code: f('char', 'Locale Code', { required: true }),
        iso_code: f('char', 'ISO code'),
        active: f('boolean', 'Active'),
      },
      defaults: { active: false },
    },
    'ir.actions.report': {
      description: 'Report Action',
      order: 'name, id',
      fields: {
        ...magicFields(),
        name: f('char', 'Action Name', { required: true }),
        type: f('char', 'Action Type'),
        model: f('char', 'Model Name', { required: true }),
        report_type: f('selection', 'Report Type', {
          required: true, selection: [['qweb-html', 'HTML'], ['qweb-pdf', 'PDF'], ['qweb-text', 'Text']],
        }),
        report_name: f('char', 'Template Name', { required: true }),
        report_file: f('char', 'Report File'),
        binding_model_id: f('many2one', 'Binding Model', { relation: 'ir.model' }),
        binding_type: f('selection', 'Binding Type', { selection: [['action', 'Action'], ['report', 'Report']] }),
        multi: f('boolean', 'On Multiple Doc.'),
        paperformat_id: f('many2one', 'Paper Format', { relation: 'report.paperformat' }),
        print_report_name: f('char', 'Printed Report Name'),
        attachment_use: f('boolean', 'Reload from Attachment'),
        attachment: f('char', 'Save as Attachment Prefix'),
        [groups]: f('many2many', 'Groups', { relation: 'res.groups' }),
      },
      defaults: { type: 'ir.actions.report', binding_type: 'report', report_type: 'qweb-pdf' },
    },
    'ir.filters': {
      description: 'Filters',
      order: 'model_id, name, id desc',
      fields: {
        ...magicFields(),
        name: f('char', 'Filter Name', { required: true }),
        ...users,
        domain: f('text', 'Domain', { required: true }),
        context: f('text', 'Context', { required: true }),
        sort: f(version >= 19 ? 'char' : 'text', 'Sort', { required: true }),
        // Odoo's model_id is a selection of every model name; a char carries the same values.
        model_id: f('char', 'Model', { required: true }),
        is_default: f('boolean', 'Default Filter'),
        // Odoo points at ir.actions.actions; the emulator's window actions stand in for it.
        action_id: f('many2one', 'Action', { relation: 'ir.actions.act_window' }),
        active: f('boolean', 'Active'),
      },
      defaults: { domain: '[]', context: '{}', sort: '[]', active: true, is_default: false },
    },
    'mail.template': {
      description: 'Email Templates',
      order: 'name',
      fields: {
        ...magicFields(),
        name: f('char', 'Name'),
        model_id: f('many2one', 'Applies to', { relation: 'ir.model' }),
        model: f('char', 'Related Document Model', { readonly: true }),
        subject: f('char', 'Subject'),
        body_html: f('html', 'Body'),
        email_from: f('char', 'From'),
        email_to: f('char', 'To (Emails)'),
        email_cc: f('char', 'Cc'),
        partner_to: f('char', 'To (Partners)'),
        reply_to: f('char', 'Reply To'),
        lang: f('char', 'Language'),
        scheduled_date: f('char', 'Scheduled Date'),
        auto_delete: f('boolean', 'Auto Delete'),
        use_default_to: f('boolean', 'Default Recipients'),
        active: f('boolean', 'Active'),
        ...reports,
      },
      defaults: { active: true, auto_delete: true, use_default_to: false },
    },
    'ir.cron': {
      description: 'Scheduled Actions',
      order: 'cron_name, id',
      fields: {
        ...magicFields(),
        ir_actions_server_id: f('many2one', 'Server action', { relation: 'ir.actions.server', required: true }),
        cron_name: f('char', 'Name', { readonly: true }),
        // Delegated to the server action in Odoo (_inherits); stored on the row here.
        name: f('char', 'Action Name', { required: true }),
        model_id: f('many2one', 'Model', { relation: 'ir.model', required: true }),
        model_name: f('char', 'Model Name', { readonly: true }),
        state: f('selection', 'Type', { selection: [['code', 'Execute Code'], ['object_write', 'Update Record'], ['multi', 'Execute Existing Actions']] }),
        code: f('text', 'Python Code'),
        user_id: f('many2one', 'Scheduler User', { relation: 'res.users', required: true }),
        active: f('boolean', 'Active'),
        interval_number: f('integer', 'Interval Number'),
        interval_type: f('selection', 'Interval Unit', {
          selection: [['minutes', 'Minutes'], ['hours', 'Hours'], ['days', 'Days'], ['weeks', 'Weeks'], ['months', 'Months']],
        }),
        ...numbercall,
        nextcall: f('datetime', 'Next Execution Date', { required: true }),
        lastcall: f('datetime', 'Last Execution Date'),
        priority: f('integer', 'Priority'),
      },
      defaults: { active: true, interval_number: 1, interval_type: 'months', priority: 5, state: 'code', ...(version <= 17 ? { numbercall: 1, doall: false } : {}) },
    },
    'ir.sequence': {
      description: 'Sequence',
      order: 'name, id',
      fields: {
        ...magicFields(),
        name: f('char', 'Name', { required: true }),
        code: f('char', 'Sequence Code'),
        implementation: f('selection', 'Implementation', { required: true, selection: [['standard', 'Standard'], ['no_gap', 'No gap']] }),
        active: f('boolean', 'Active'),
        prefix: f('char', 'Prefix'),
        suffix: f('char', 'Suffix'),
        number_next: f('integer', 'Next Number', { required: true }),
        number_next_actual: f('integer', 'Actual Next Number'),
        number_increment: f('integer', 'Step', { required: true }),
        padding: f('integer', 'Sequence Size', { required: true }),
        company_id: f('many2one', 'Company', { relation: 'res.company' }),
        use_date_range: f('boolean', 'Use subsequences per date_range'),
      },
      defaults: { active: true, implementation: 'standard', number_next: 1, number_increment: 1, padding: 0, use_date_range: false },
    },
  };
}
