import { Box, Text } from 'ink';
import type { DiffSummary } from '../../review/diff-view.js';
import { assertNever } from '../../core/assert-never.js';
import { useTheme } from '../theme.js';

export interface DiffViewProps {
  diff: DiffSummary;
  top: number;
  height: number;
}

/** The proposal against the user's text: `-` proposal only, `+` the user's, with line numbers. */
export function DiffView({ diff, top, height }: DiffViewProps) {
  const { colour } = useTheme();
  if (diff.rows.length === 0) {
    return <Text color={colour('muted')}>No differences: the file is the generated proposal as is.</Text>;
  }
  return (
    <Box flexDirection="column">
      <Text color={colour('muted')}>
        proposal → your file: <Text color={colour('added')}>+{diff.added}</Text>{' '}
        <Text color={colour('removed')}>-{diff.removed}</Text>
      </Text>
      {diff.rows.slice(top, top + height - 1).map((row, i) => {
        switch (row.kind) {
          case 'hunk':
            return (
              <Text key={top + i} color={colour('accent')}>
                {row.text}
              </Text>
            );
          case 'context':
            return (
              <Text key={top + i} wrap="truncate-end">
                {String(row.newLine).padStart(5)}   {row.text}
              </Text>
            );
          case 'removed':
            return (
              <Text key={top + i} wrap="truncate-end" color={colour('removed')}>
                {String(row.oldLine).padStart(5)} - {row.text}
              </Text>
            );
          case 'added':
            return (
              <Text key={top + i} wrap="truncate-end" color={colour('added')}>
                {String(row.newLine).padStart(5)} + {row.text}
              </Text>
            );
          default:
            return assertNever(row);
        }
      })}
    </Box>
  );
}
