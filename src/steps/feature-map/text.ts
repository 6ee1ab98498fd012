/** Wording helpers for titles and stories. Everything here is deterministic. */
import type { ModuleAnalysis } from '../../analysis/types.js';

const KNOWN_MODELS: Record<string, string> = {
  'res.partner': 'Contact',
  'res.users': 'User',
  'res.company': 'Company',
  'crm.lead': 'Lead/Opportunity',
  'sale.order': 'Sales Order',
  'sale.order.line': 'Sales Order Line',
  'purchase.order': 'Purchase Order',
  'account.move': 'Journal Entry',
  'project.project': 'Project',
  'project.task': 'Task',
  'stock.picking': 'Transfer',
  'product.template': 'Product',
  'product.product': 'Product Variant',
  'hr.employee': 'Employee',
  'ir.config_parameter': 'System Parameter',
  'res.config.settings': 'Settings',
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

export const VIEW_NAMES: Record<string, string> = { tree: 'list', list: 'list' };

const INTERVALS: Record<string, string> = { minutes: 'minute', hours: 'hour', days: 'day', weeks: 'week', months: 'month' };

/** A scheduled action's interval ("1 days", "2 hours") as a reader says it: "every day", "every 2 hours". */
export function every(interval: string): string {
  const [n, unit] = interval.split(' ');
  const u = INTERVALS[unit] ?? unit;
  return n === '1' ? `every ${u}` : `every ${n} ${u}s`;
}
