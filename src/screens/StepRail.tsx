import { Box, Text } from 'ink';
import type { StepStatus } from '../state/types.js';
import { STEP_IDS, type StepId } from '../steps/types.js';
import { assertNever } from '../core/assert-never.js';
import { ProgressBar } from './ProgressBar.js';
import { STEP_INFO } from './step-info.js';
import { statusLook } from './status-text.js';
import { useTheme } from './theme.js';
import { retryLabel } from './retry-label.js';

export interface StepRailProps {
  steps: Readonly<Record<StepId, StepStatus>>;
  current: StepId;
  now: number;
  width?: number;
}

/** The seven steps, each with its state and one or two lines of detail. */
export function StepRail({ steps, current, now, width = 34 }: StepRailProps) {
  const { colour } = useTheme();
  return (
    <Box flexDirection="column" width={width} flexShrink={0} paddingRight={1}>
      {STEP_IDS.map((id) => {
        const status = steps[id];
        const look = statusLook(status);
        const selected = id === current;
        return (
          <Box key={id} flexDirection="column" marginBottom={0}>
            <Text wrap="truncate-end" bold={selected} inverse={selected}>
              {selected ? '›' : ' '} {STEP_INFO[id].number} <Text color={colour(look.colour)}>{look.glyph}</Text>{' '}
              {STEP_INFO[id].title}
            </Text>
            <Box paddingLeft={6} flexDirection="column">
              <RailDetail status={status} now={now} />
            </Box>
          </Box>
        );
      })}
    </Box>
  );
}

function RailDetail({ status, now }: { status: StepStatus; now: number }) {
  const { colour } = useTheme();
  const line = (text: string, c: Parameters<typeof colour>[0] = 'muted', wrap = false) => (
    <Text wrap={wrap ? 'wrap' : 'truncate-end'} color={colour(c)}>
      {text}
    </Text>
  );
  switch (status.kind) {
    case 'pending':
      return line('pending');
    case 'unavailable':
      return line(`cannot run yet: ${status.reason}`, 'warn', true);
    case 'skipped':
      return line(`skipped: ${status.reason}`);
    case 'running':
      return (
        <>
          {line(status.progress?.activity ?? 'starting…', 'accent')}
          <ProgressBar
            done={status.progress?.done}
            total={status.progress?.total}
            progress={status.progress}
            startedAt={status.startedAt}
            now={now}
            width={10}
          />
        </>
      );
    case 'awaiting-review':
      return line('awaiting review', 'warn');
    case 'done':
      return line(status.summary || 'done', 'ok');
    case 'failed':
      return (
        <>
          {line(status.error.message, 'error')}
          {status.error.hint ? line(`→ ${status.error.hint}`, 'muted', true) : null}
          {line(retryLabel(status.error), 'warn')}
        </>
      );
    case 'stale':
      return line(`stale: ${status.reason}`, 'warn');
    default:
      return assertNever(status);
  }
}
