/** The project overview article: phases with their task counts per status, and the features. */
import type { Feature } from './feature-map.js';
import { STATUS_LABEL, type TaskPlan, type TaskStatus } from './parse/types.js';

export function overviewMarkdown(projectName: string, plan: TaskPlan, features: readonly Feature[]): string {
  const statuses = Object.keys(STATUS_LABEL) as TaskStatus[];
  const used = statuses.filter((s) => plan.phases.some((p) => p.tasks.some((t) => t.status === s)));
  const lines = [`# ${projectName}`, '', '## Phases', ''];
  lines.push(`| Phase | Tasks | ${used.map((s) => STATUS_LABEL[s]).join(' | ')} | Hours |`);
  lines.push(`|---|---|${used.map(() => '---|').join('')}---|`);
  for (const p of plan.phases) {
    const n = (s: TaskStatus) => p.tasks.filter((t) => t.status === s).length;
    const hours = p.tasks.reduce((a, t) => a + (t.estimate ?? 0), 0);
    lines.push(`| ${cell(p.name)} | ${p.tasks.length} | ${used.map((s) => n(s)).join(' | ')} | ${hours} |`);
  }
  lines.push('');
  if (features.length > 0) {
    lines.push('## Features', '');
    for (const f of features) lines.push(`- ${f.name}${f.summary ? `: ${f.summary}` : ''}`);
    lines.push('');
  }
  return lines.join('\n');
}

function cell(s: string): string {
  return s.replace(/\|/g, '\\|');
}
