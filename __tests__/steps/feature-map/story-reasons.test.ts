/**
 * Reasons read from real Odoo 17 texts (module descriptions and help texts), as the map shows them
 * after "so that": the first reason the text states, by the persona ("I", "our"), never running on
 * into the next section of a description, and never cut at "e.g.".
 */
import { reasonIn } from '../../../src/steps/feature-map/story.js';

test('hr_expense: the first reason of the description, not the "so that" of a later note, said by the persona', () => {
  const description = `
Manage expenses by Employees
============================

This application allows you to manage your employees' daily expenses. It gives you access to your employees' fee notes.

This module also uses analytic accounting and is compatible with the invoice on timesheet module so that you are able to automatically re-invoice your customers' expenses if your work by project.
`;
  expect(reasonIn(description)).toBe("I can manage our employees' daily expenses");
});

test('account: "you" becomes the persona', () => {
  expect(reasonIn('Invoicing & Payments\n====================\nThe specific and easy-to-use Invoicing system in Odoo allows you to keep track of your accounting, even when you are not an accountant.')).toBe(
    'I can keep track of our accounting, even when I am not an accountant',
  );
});

test('stock_account: a clause ends with its paragraph, not in the "Key Features" list after it', () => {
  const description = `WMS Accounting module
======================
This module makes the link between the 'stock' and 'account' modules and allows you to create accounting entries to value your stock movements

Key Features
------------
* Stock Valuation (periodical or automatic)
* Invoice from Picking
`;
  expect(reasonIn(description)).toBe('I can create accounting entries to value our stock movements');
});

test('project: "e.g." does not end the sentence', () => {
  expect(reasonIn('Stages allow you to organize your workflow (e.g. plan, design, in progress, done, …).')).toBe('I can organize our workflow (e.g. plan, design, in progress, done, …)');
});

test('a "so that" inside the "lets" clause is the reason', () => {
  expect(reasonIn('Lets customers open tickets from the portal so that they need not send an email.')).toBe('they need not send an email');
});

test('a passive purpose speaks of the record, not of the user: no reason', () => {
  // sale_project's Sales Order Item: "... will be added in order to be invoiced to your customer".
  expect(reasonIn('Sales Order Item to which the time spent on this task will be added in order to be invoiced to your customer.')).toBeUndefined();
  expect(reasonIn('Used in order to be able to track the hours.')).toBe('I can track the hours');
});
