/**
 * A step's low-expected-high figures as text bars: the expected part solid, the rest up to the
 * high value shaded, so a phase's size and its uncertainty read at a glance. Pure.
 */
import type { StepChart } from '../steps/types.js';

export interface ChartRow {
  label: string;
  solid: string;
  shade: string;
  figures: string;
}

const MAX_ROWS = 12;
const num = (n: number): string => String(Math.round(n * 10) / 10);

/** The largest rows first when they do not all fit; the rest are summed into one. */
export function chartRows(chart: StepChart, width: number): ChartRow[] {
  let bars = [...chart.bars];
  if (bars.length > MAX_ROWS) {
    const sorted = bars.sort((a, b) => b.expected - a.expected);
    const rest = sorted.slice(MAX_ROWS - 1);
    const sum = (k: 'low' | 'expected' | 'high') => rest.reduce((s, b) => s + b[k], 0);
    bars = [...sorted.slice(0, MAX_ROWS - 1), { label: `${rest.length} more`, low: sum('low'), expected: sum('expected'), high: sum('high') }];
  }
  const max = Math.max(1, ...bars.map((b) => b.high));
  const labelWidth = Math.min(24, Math.max(...bars.map((b) => b.label.length)));
  return bars.map((b) => {
    const solid = Math.max(b.expected > 0 ? 1 : 0, Math.round((b.expected / max) * width));
    const total = Math.max(solid, Math.round((b.high / max) * width));
    const label = b.label.length > labelWidth ? `${b.label.slice(0, labelWidth - 1)}…` : b.label.padEnd(labelWidth);
    return {
      label,
      solid: '█'.repeat(solid),
      shade: '░'.repeat(total - solid) + ' '.repeat(width - total),
      figures: `${num(b.expected)} ${chart.unit} (${num(b.low)}–${num(b.high)})`,
    };
  });
}
