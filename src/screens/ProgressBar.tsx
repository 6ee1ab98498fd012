import { Text } from 'ink';
import { formatElapsed } from './step-info.js';
import { useTheme } from './theme.js';

export interface ProgressBarProps {
  done?: number;
  total?: number;
  /** Epoch ms; with `now`, shows the elapsed time. */
  startedAt?: number;
  now?: number;
  width?: number;
}

/** `[████░░░░] 12/40 · 1m 05s`, or just the count / elapsed time when the total is unknown. */
export function ProgressBar({ done, total, startedAt, now, width = 16 }: ProgressBarProps) {
  const { colour } = useTheme();
  const parts: string[] = [];
  let bar = '';
  if (total !== undefined && total > 0 && done !== undefined) {
    const filled = Math.round((Math.min(done, total) / total) * width);
    bar = `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] `;
    parts.push(`${done}/${total}`);
  } else if (done !== undefined) {
    parts.push(`${done} done`);
  }
  if (startedAt !== undefined && now !== undefined) parts.push(formatElapsed(now - startedAt));
  return (
    <Text wrap="truncate-end">
      <Text color={colour('accent')}>{bar}</Text>
      {parts.join(' · ')}
    </Text>
  );
}
