/** Wording helpers for titles and stories. Everything here is deterministic. */
import type { ModuleAnalysis } from '../../analysis/types.js';

/**
 * The _description Odoo 17 gives the standard models custom modules extend most, for when the
 * module that declares one is not among the analysed modules (a folder of custom modules over a
 * stock Odoo): "Job Position", not "Hr job". The same words as when that module is analysed.
 */
const KNOWN_MODELS: Record<string, string> = {
  'res.partner': 'Contact',
  'res.users': 'User',
  'res.company': 'Company',
  'res.country': 'Country',
  'res.currency': 'Currency',
  'res.partner.bank': 'Bank Accounts',
  'crm.lead': 'Lead/Opportunity',
  'crm.team': 'Sales Team',
  'sale.order': 'Sales Order',
  'sale.order.line': 'Sales Order Line',
  'purchase.order': 'Purchase Order',
  'purchase.order.line': 'Purchase Order Line',
  'account.move': 'Journal Entry',
  'account.move.line': 'Journal Item',
  'account.payment': 'Payments',
  'account.payment.term': 'Payment Terms',
  'account.journal': 'Journal',
  'account.account': 'Account',
  'account.tax': 'Tax',
  'account.analytic.account': 'Analytic Account',
  'account.analytic.line': 'Analytic Line',
  'project.project': 'Project',
  'project.task': 'Task',
  'stock.picking': 'Transfer',
  'stock.picking.type': 'Picking Type',
  'stock.move': 'Stock Move',
  'stock.move.line': 'Product Moves (Stock Move Line)',
  'stock.quant': 'Quants',
  'stock.location': 'Inventory Locations',
  'stock.warehouse': 'Warehouse',
  'stock.lot': 'Lot/Serial',
  'product.template': 'Product',
  'product.product': 'Product Variant',
  'product.category': 'Product Category',
  'product.pricelist': 'Pricelist',
  'uom.uom': 'Product Unit of Measure',
  'mrp.production': 'Production Order',
  'mrp.bom': 'Bill of Material',
  'mrp.workcenter': 'Work Center',
  'mrp.workorder': 'Work Order',
  'hr.employee': 'Employee',
  'hr.department': 'Department',
  'hr.job': 'Job Position',
  'hr.applicant': 'Applicant',
  'hr.contract': 'Contract',
  'hr.leave': 'Time Off',
  'hr.expense': 'Expense',
  'hr.expense.sheet': 'Expense Report',
  'hr.recruitment.source': 'Source of Applicants',
  'maintenance.equipment': 'Maintenance Equipment',
  'maintenance.request': 'Maintenance Request',
  'fleet.vehicle': 'Vehicle',
  'calendar.event': 'Calendar Event',
  'event.event': 'Event',
  'event.registration': 'Event Registration',
  'pos.order': 'Point of Sale Orders',
  'pos.config': 'Point of Sale Configuration',
  'repair.order': 'Repair Order',
  'website': 'Website',
  'mail.message': 'Message',
  'mail.activity': 'Activity',
  'ir.attachment': 'Attachment',
  'ir.config_parameter': 'System Parameter',
  'res.config.settings': 'Settings',
  'resource.calendar': 'Resource Working Time',
  'resource.calendar.leaves': 'Resource Time Off Detail',
  'resource.resource': 'Resources',
  'hr.departure.wizard': 'Departure Wizard',
  'hr.employee.base': 'Basic Employee',
  'hr.employee.public': 'Public Employee',
  'hr.employee.category': 'Employee Category',
  'hr.leave.allocation': 'Time Off Allocation',
  'hr.leave.type': 'Time Off Type',
  'hr.attendance': 'Attendance',
  'mail.activity.type': 'Activity Type',
  'account.bank.statement.line': 'Bank Statement Line',
};

export function humanize(technical: string): string {
  return technical
    .replace(/^(action_|button_|_check_|_cron_|_compute_|x_studio_|x_)/, '')
    .split(/[._]/)
    .filter(Boolean)
    .map((w, i) => (i === 0 ? w[0].toUpperCase() + w.slice(1) : w))
    .join(' ');
}

/** A model's human name: its _description anywhere in the analysed modules, else a known or humanized name. */
export function modelLabeler(modules: readonly ModuleAnalysis[]): (model: string) => string {
  const labels = new Map<string, string>();
  for (const m of modules) for (const c of m.models) if (c.name && c.description) labels.set(c.name, c.description);
  return (model) => labels.get(model) ?? KNOWN_MODELS[model] ?? humanize(model.replace(/\./g, '_'));
}

export const lcfirst = (s: string): string => (/^[A-Z][a-z]/.test(s) ? s[0].toLowerCase() + s.slice(1) : s);

/** "a, b and c". */
export function listing(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** "a, b or c". */
export function orListing(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

export const VIEW_NAMES: Record<string, string> = { tree: 'list', list: 'list' };

const INTERVALS: Record<string, string> = { minutes: 'minute', hours: 'hour', days: 'day', weeks: 'week', months: 'month' };

/** A scheduled action's interval ("1 days", "2 hours") as a reader says it: "every day", "every 2 hours". */
export function every(interval: string): string {
  const [n, unit] = interval.split(' ');
  const u = INTERVALS[unit] ?? unit;
  return n === '1' ? `every ${u}` : `every ${n} ${u}s`;
}

/** The fields every model has (models.py's magic columns), as a form labels them. */
export const MAGIC_LABELS: Readonly<Record<string, string>> = { create_uid: 'Created by', create_date: 'Created on', write_uid: 'Last Updated by', write_date: 'Last Updated on', display_name: 'Display Name' };
