/**
 * A raise message is told as a user reads it: Odoo fills its placeholders in (seen raw on Odoo 17's
 * hr_contract: "...\n\nEmployee: %(employee_name)s").
 */
import { asShown } from '../../src/analysis/python-effects.js';

test.each([
  ['An employee can only have one contract at the same time.\n\nEmployee: %(employee_name)s', 'An employee can only have one contract at the same time. Employee: <employee name>'],
  ['The quantity %s is not valid for %(product)r', 'The quantity … is not valid for <product>'],
  ['Amount %(amount).2f exceeds {limit} for {}', 'Amount <amount> exceeds <limit> for …'],
  ['Progress is 100%% done', 'Progress is 100% done'],
  ['No placeholder here.', 'No placeholder here.'],
])('%j', (raw, shown) => {
  expect(asShown(raw)).toBe(shown);
});
