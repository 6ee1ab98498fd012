import { Text } from 'ink';
import { progressRate } from '../state/progress-rate.js';
import type { StepProgress } from '../steps/types.js';
import { formatElapsed } from './step-info.js';
import { useTheme } from './theme.js';

export interface ProgressBarProps {
  done?: number;
  total?: number;
  /** Epoch ms; with `now`, shows the elapsed time. */
  startedAt?: number;
  now?: number;
  width?: number;
  /** The step's progress report: with a unit, the rate and time left are shown. */
  progress?: StepProgress;
}

/**
 * `[████░░░░] 12/40 modules · 1m 05s · 1,850 files/s, about 20 s left`, or just the count /
 * elapsed time when the total is unknown.
 */
export function ProgressBar({ done, total, startedAt, now, width = 16, progress }: ProgressBarProps) {
  const { colour } = useTheme();
  const parts: string[] = [];
  let bar = '';
  if (total !== undefined && total > 0 && done !== undefined) {
    // Modules differ in size (the heaviest go first): the bar shows the weighed share when there is one.
    const w = progress?.work && progress.work.total > 0 ? progress.work : { done, total };
    const filled = Math.round((Math.min(w.done, w.total) / w.total) * width);
    bar = `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] `;
    parts.push(`${done}/${total}${progress?.unit ? ` ${progress.unit}` : ''}`);
  } else if (done !== undefined) {
    parts.push(`${done} done`);
  }
  if (startedAt !== undefined && now !== undefined) parts.push(formatElapsed(now - startedAt));
  const rate = progress && now !== undefined ? progressRate(progress, now) : undefined;
  if (rate) parts.push(rate);
  return (
    <Text wrap="truncate-end">
      <Text color={colour('accent')}>{bar}</Text>
      {parts.join(' · ')}
    </Text>
  );
}
