import type { SeedModel } from '../types.js';
import { field as f, magicFields } from './infer.js';

/** ir.model.data: the external ids every seed has. */
export function irModelData(): SeedModel {
  return {
    description: 'Model Data',
    order: 'module, model, name',
    recName: 'complete_name',
    fields: {
      ...magicFields(),
      module: f('char', 'Module', { required: true }),
      name: f('char', 'External Identifier', { required: true }),
      model: f('char', 'Model Name', { required: true }),
      res_id: f('many2one_reference', 'Record ID'),
      noupdate: f('boolean', 'Non Updatable'),
      complete_name: f('char', 'Complete ID', { readonly: true }),
    },
    defaults: { noupdate: false },
    unique: [{ fields: ['module', 'name'], message: 'External ID must be unique per module.' }],
  };
}

export function resUsers(version: number): SeedModel {
  const groups = version >= 19 ? 'group_ids' : 'groups_id';
  return {
    description: 'User',
    order: 'name, login',
    fields: {
      ...magicFields(),
      name: f('char', 'Name', { required: true }),
      login: f('char', 'Login', { required: true }),
      partner_id: f('many2one', 'Related Partner', { relation: 'res.partner', required: true }),
      email: f('char', 'Email'),
      active: f('boolean', 'Active'),
      share: f('boolean', 'Share User', { readonly: true }),
      lang: f('selection', 'Language', { selection: [['en_US', 'English (US)']] }),
      tz: f('selection', 'Timezone', { selection: [['Europe/Brussels', 'Europe/Brussels'], ['UTC', 'UTC']] }),
      [groups]: f('many2many', 'Groups', { relation: 'res.groups' }),
      company_id: f('many2one', 'Company', { relation: 'res.company' }),
    },
    defaults: { active: true, share: false, lang: 'en_US', tz: 'Europe/Brussels' },
    unique: [{ fields: ['login'], message: 'You can not have two users with the same login!' }],
  };
}

export function resPartner(): SeedModel {
  return {
    description: 'Contact',
    // Odoo orders by complete_name; name is the same for the companies and people seeded here.
    order: 'name ASC, id DESC',
    fields: {
      ...magicFields(),
      name: f('char', 'Name'),
      complete_name: f('char', 'Complete Name', { readonly: true }),
      email: f('char', 'Email'),
      phone: f('char', 'Phone'),
      is_company: f('boolean', 'Is a Company'),
      active: f('boolean', 'Active'),
      parent_id: f('many2one', 'Related Company', { relation: 'res.partner' }),
      child_ids: f('one2many', 'Contact', { relation: 'res.partner' }),
      user_ids: f('one2many', 'Users', { relation: 'res.users' }),
      company_id: f('many2one', 'Company', { relation: 'res.company' }),
    },
    defaults: { active: true, is_company: false },
  };
}

/** knowledge.article (Enterprise), served only when `knowledge` is among the modules. */
export function knowledgeArticle(): SeedModel {
  return {
    description: 'Knowledge Article',
    order: 'sequence, id',
    mailThread: true,
    fields: {
      ...magicFields(),
      name: f('char', 'Title'),
      body: f('html', 'Body'),
      parent_id: f('many2one', 'Parent Article', { relation: 'knowledge.article' }),
      child_ids: f('one2many', 'Child Articles', { relation: 'knowledge.article' }),
      sequence: f('integer', 'Sequence'),
      is_article_item: f('boolean', 'Is Item?'),
      internal_permission: f('selection', 'Internal Permission', {
        selection: [['write', 'Can edit'], ['read', 'Can read'], ['none', 'No access']],
      }),
      article_member_ids: f('one2many', 'Members Information', { relation: 'knowledge.article.member' }),
      active: f('boolean', 'Active'),
    },
    defaults: { active: true, sequence: 0, body: false, is_article_item: false },
  };
}
