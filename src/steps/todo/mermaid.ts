/**
 * Mermaid diagrams for ToDo.md, in the syntax GitHub and GitLab render: hours per phase as an
 * xychart-beta bar chart, module dependencies as a flowchart. Text from sources is quoted and
 * stripped of what Mermaid would read as syntax.
 */
import type { ModuleNode } from './model.js';

export interface PhaseBar {
  label: string;
  low: number;
  expected: number;
  high: number;
}

const MAX_BARS = 20;
const MAX_NODES = 60;

/** A label inside "...": no quotes, brackets or line breaks. */
const label = (s: string, max = 28): string => {
  const t = s.replace(/["\\[\]{}<>`\n\r]/g, ' ').replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
};

const num = (n: number): string => String(Math.round(n * 10) / 10);

/** The largest phases, the rest summed in one bar (a chart of 600 bars shows nothing). */
export function topBars(bars: readonly PhaseBar[]): PhaseBar[] {
  if (bars.length <= MAX_BARS) return [...bars];
  const sorted = [...bars].sort((a, b) => b.expected - a.expected);
  const shown = sorted.slice(0, MAX_BARS - 1);
  const rest = sorted.slice(MAX_BARS - 1);
  const sum = (k: 'low' | 'expected' | 'high') => rest.reduce((s, b) => s + b[k], 0);
  return [...shown, { label: `${rest.length} other phases`, low: sum('low'), expected: sum('expected'), high: sum('high') }];
}

export function hoursChart(bars: readonly PhaseBar[]): string {
  const shown = topBars(bars);
  const max = Math.max(1, ...shown.map((b) => b.high));
  const top = Math.ceil((max * 1.05) / 10) * 10;
  return [
    '```mermaid',
    'xychart-beta',
    '    title "Hours per phase: high, expected, low"',
    `    x-axis [${shown.map((b) => `"${label(b.label)}"`).join(', ')}]`,
    `    y-axis "Hours" 0 --> ${top}`,
    `    bar [${shown.map((b) => num(b.high)).join(', ')}]`,
    `    bar [${shown.map((b) => num(b.expected)).join(', ')}]`,
    `    bar [${shown.map((b) => num(b.low)).join(', ')}]`,
    '```',
  ].join('\n');
}

const nodeId = (name: string): string => `m_${name.replace(/[^A-Za-z0-9_]/g, '_')}`;

/**
 * Planned modules and what they depend on. External dependencies are shown (dashed) while the
 * graph stays readable; beyond that only the edges between planned modules are drawn.
 */
export function dependencyGraph(modules: readonly ModuleNode[]): { chart: string; note?: string } {
  const planned = new Set(modules.map((m) => m.name));
  const shownModules = modules.slice(0, MAX_NODES);
  const external = [...new Set(shownModules.flatMap((m) => m.depends).filter((d) => !planned.has(d)))].sort();
  const withExternal = shownModules.length + external.length <= MAX_NODES;
  const lines = ['```mermaid', 'flowchart LR'];
  for (const m of shownModules) lines.push(`    ${nodeId(m.name)}["${label(m.title, 40)}<br/>${label(m.name, 40)}"]`);
  if (withExternal) for (const d of external) lines.push(`    ${nodeId(d)}["${label(d, 40)}"]:::ext`);
  for (const m of shownModules) {
    for (const d of m.depends) {
      if (planned.has(d) ? shownModules.some((x) => x.name === d) : withExternal) lines.push(`    ${nodeId(m.name)} --> ${nodeId(d)}`);
    }
  }
  if (withExternal && external.length) lines.push('    classDef ext stroke-dasharray: 4 4');
  lines.push('```');
  const notes: string[] = [];
  if (modules.length > shownModules.length) notes.push(`the first ${MAX_NODES} of ${modules.length} modules are drawn`);
  if (!withExternal && external.length) notes.push(`${external.length} modules outside the plan are left out`);
  return { chart: lines.join('\n'), note: notes.length ? `The graph is trimmed to stay readable: ${notes.join('; ')}.` : undefined };
}
