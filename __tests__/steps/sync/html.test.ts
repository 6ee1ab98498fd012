import { markdownToHtml, taskDescription } from '../../../src/steps/sync/html.js';
import type { PlanTask } from '../../../src/steps/sync/parse/types.js';

const task: PlanTask = {
  id: 'crm.build',
  explicitId: true,
  title: 'Build <b>CRM</b>',
  status: 'in_progress',
  statusFrom: 'legend',
  owner: 'Ana <ana@example.com>',
  estimate: 6.5,
  complexity: 'high',
  evidence: '`models/crm.py:12` <img src=x onerror=alert(1)>',
  tags: [],
  line: 3,
};

describe('HTML from untrusted Markdown', () => {
  test('raw HTML in evidence, notes and owners is escaped, never passed through', () => {
    const html = taskDescription({ ...task, description: 'Note <script>alert(1)</script> and <iframe src="x">' }, undefined, undefined);
    expect(html).not.toMatch(/<(script|img|iframe)\b/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('Owner in plan: Ana &lt;ana@example.com&gt;');
    expect(html).toContain('<code>models/crm.py:12</code>');
  });

  test('estimate, complexity, status and the plan id are in the description', () => {
    const html = taskDescription(task, undefined, undefined);
    expect(html).toContain('<li>Estimate: 6.5 h</li>');
    expect(html).toContain('<li>Complexity: high</li>');
    expect(html).toContain('<li>Status in plan: In Progress</li>');
    expect(html).toContain('<code>crm.build</code>');
  });

  test('user stories with acceptance criteria and the article link', () => {
    const html = taskDescription(
      task,
      { id: 'crm', name: 'CRM & leads', stories: [{ title: 'As a seller, I want leads', acceptance: ['A lead has a *stage*'] }] },
      { title: 'CRM & leads', href: '/knowledge/article/7' },
    );
    expect(html).toContain('<h3>User stories: CRM &amp; leads</h3>');
    expect(html).toContain('<li>A lead has a <em>stage</em></li>');
    expect(html).toContain('<a href="/knowledge/article/7">CRM &amp; leads</a>');
  });

  test('javascript: links lose their href; web links keep it', () => {
    expect(markdownToHtml('[x](javascript:alert(1))')).toBe('<p>x</p>');
    expect(markdownToHtml('[docs](https://odoo.com/doc)')).toBe('<p><a href="https://odoo.com/doc">docs</a></p>');
  });
});
