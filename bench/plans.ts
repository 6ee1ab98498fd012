/** Generated task plans of any size: step-6 style tables, statuses from the legend in turn. */

const GLYPHS = ['✅', '🔄', '🔲', '❌'] as const;
const OWNERS = ['admin', 'Marc Demo', 'Consultant', 'TBD'] as const;

/** `tasks` tasks in `phases` phases; every fourth task has each status, owners and estimates vary. */
export function bigPlan(tasks = 1000, phases = 10): string {
  const lines = ['# ToDo: Bench Project', '', '## Task Status Legend', '- ✅ Complete', '- 🔄 In Progress', '- 🔲 Pending', '- ❌ Blocked', ''];
  const per = Math.ceil(tasks / phases);
  for (let p = 0; p < phases; p++) {
    lines.push(`## Phase ${p}: Module ${p}`, '', '| # | Task | Status | Owner | Estimate | Complexity | Evidence |', '|---|---|---|---|---|---|---|');
    for (let i = 0; i < per && p * per + i < tasks; i++) {
      lines.push(`| m${p}_f${i}.build | Build feature ${i} of module ${p} | ${GLYPHS[i % 4]} | ${OWNERS[i % 3]} | ${(i % 7) + 1}.5 h | ${['low', 'medium', 'high'][i % 3]} | \`models/m${p}.py:${i + 1}\` |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

/**
 * A hand-kept plan of mixed shapes for driving the TUI: per phase a status table and a checklist
 * with emoji beside the boxes, owners (some "TBD"), estimates and Files: details.
 */
export function mixedPlan(tasks = 200, phases = 5): string {
  const lines = ['---', 'title: Warehouse Rollout', '---', '', '## Legend', '', '| ⬜ | Not started |', '|----|-------------|', '| 🟨 | In progress |', '| ✅ | Done |', '| ⛔ | Blocked |', ''];
  const per = Math.ceil(tasks / phases);
  const marks = ['✅', '🟨', '⬜', '⛔', '✅'];
  for (let p = 1; p <= phases; p++) {
    const half = Math.floor(per / 2);
    lines.push(`## Phase ${p} — Area ${p}`, '', '| # | Task | Status | Owner | Est. Time |', '|---|---|---|---|---|');
    for (let i = 1; i <= half; i++) lines.push(`| ${p}.${i} | Configure item ${i} of area ${p} | ${marks[i % 5]} | ${OWNERS[i % 4]} | ${(i % 5) + 1}h |`);
    lines.push('', `### ${p}.x Follow-ups`, '');
    for (let i = half + 1; i <= per; i++) {
      const box = i % 3 === 0 ? '[x]' : '[ ]';
      const emoji = i % 3 === 1 ? ' 🟨' : '';
      lines.push(`- ${box}${emoji} Follow-up ${i} of area ${p} @${OWNERS[i % 3].replace(/\s+/g, '')} (${(i % 4) + 1}h)`, `  - **Files:** \`area${p}/step_${i}.py\``);
    }
    lines.push('');
  }
  return lines.join('\n');
}
