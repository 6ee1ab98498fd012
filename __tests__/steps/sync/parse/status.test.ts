/** Status resolution: the document's legend in any shape first, then common words and symbols, never a failure. */
import { allTasks } from '../../../../src/steps/sync/parse/index.js';
import { statusFromWord, statusInText } from '../../../../src/steps/sync/parse/status-words.js';
import { parsed } from './plan-rows.js';

test.each([
  ['Erledigt', 'done'], ['terminé', 'done'], ['Completado', 'done'], ['完了', 'done'], ['완료', 'done'], ['已完成', 'done'],
  ['In Bearbeitung', 'in_progress'], ['en cours', 'in_progress'], ['進行中', 'in_progress'], ['진행 중', 'in_progress'], ['WIP', 'in_progress'],
  ['Offen', 'pending'], ['à faire', 'pending'], ['pendiente', 'pending'], ['未着手', 'pending'], ['Not Started', 'pending'], ['Backlog', 'pending'],
  ['Blockiert', 'blocked'], ['on hold', 'blocked'], ['保留', 'blocked'],
  ['Cancelled', 'cancelled'], ["won't do", 'cancelled'], ['取消', 'cancelled'],
  ['In Review', 'review'], ['IN_PROGRESS', 'in_progress'], ['Completed 2025-12-21', 'done'],
])('"%s" is %s', (word, status) => {
  expect(statusFromWord(word)).toBe(status);
});

test('free text names its status in its first clause; "not started" is not "started"', () => {
  expect(statusInText('Implementation started; the suite checks ids')).toBe('in_progress');
  expect(statusInText('Defined but not started')).toBe('pending');
  expect(statusInText('Nothing to say here')).toBeUndefined();
});

test.each([
  ['Not done', 'pending'], ['not completed yet', 'pending'], ['Incomplete', 'pending'],
  ['Done, tests pending', 'in_progress'], ['Complete (pending review)', 'review'],
  ['80% done', 'in_progress'], ['0 %', 'pending'], ['100% complete', 'done'],
  ['Done (updated)', 'done'], ['Done - next: deploy to staging', 'done'],
])('"%s" is %s: a negation, a share or a qualifier is read', (word, status) => {
  expect(statusFromWord(word) ?? statusInText(word)).toBe(status);
});

test('a "done" that a later clause takes back is in progress: "Planning decided; implementation pending"', () => {
  expect(statusInText('Planning decided; implementation pending')).toBe('in_progress');
  expect(statusInText('Planning decided; nothing else to do')).toBe('done');
});

const statuses = (doc: string) => allTasks(parsed(doc)).map((t) => [t.title, t.status, t.statusFrom]);

test('a legend across a table header under "Indicator > State": symbols above, words below (⏳ is not started here)', () => {
  const doc = '# P\n\n## 💡 Indicator\n\n### 📊 State\n\n| ⏳ | 🔄 | ✅ |\n|---|---|---|\n| Not started | In progress | Done |\n\n## Work\n\n- ⏳ First\n- 🔄 Second\n- ✅ Third\n';
  expect(statuses(doc)).toEqual([['First', 'pending', 'legend'], ['Second', 'in_progress', 'legend'], ['Third', 'done', 'legend']]);
});

test('a legend under a "Legend" heading with a priority sub-legend: priority symbols are no status', () => {
  const doc = '# P\n\n## Legend\n\n### Priority\n\n- 🔴 High priority\n- 🟢 Low priority\n\n### State\n\n- 🔨 Building\n- ✔️ Done\n\n## Work\n\n- [ ] 🔴 Urgent fix\n- 🔨 Parser\n- ✔️ Lexer\n';
  expect(statuses(doc)).toEqual([['Urgent fix', 'pending', 'common'], ['Parser', 'in_progress', 'legend'], ['Lexer', 'done', 'legend']]);
});

test('the legend wins over common meanings: "[-]" is in progress here, "[~]" in review', () => {
  const doc = '# Roadmap\n\n## Legend\n- `[?]` Draft (pending approval)\n- `[ ]` Todo\n- `[-]` In Progress\n- `[~]` Review (awaiting review)\n- `[x]` Done\n- `[!]` Blocked\n\n## Feature: Login\n\n- [-] Form\n- [~] Tokens\n- [?] SSO\n- [!] Captcha\n';
  expect(statuses(doc)).toEqual([['Form', 'in_progress', 'legend'], ['Tokens', 'review', 'legend'], ['SSO', 'pending', 'legend'], ['Captcha', 'blocked', 'legend']]);
});

test('a checkbox legend entry and an emoji beside an empty box: the emoji says more', () => {
  const doc = '# P\n\n## Tasks\n\n- [ ] 🔄 Expand test coverage\n- [x] Ship it\n- [ ] Later\n';
  expect(statuses(doc)).toEqual([['Expand test coverage', 'in_progress', 'common'], ['Ship it', 'done', 'common'], ['Later', 'pending', 'common']]);
});
