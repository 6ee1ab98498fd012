import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import type { StepReport, StepStatus } from '../state/types.js';
import type { StepId } from '../steps/types.js';
import { assertNever } from '../core/assert-never.js';
import { ErrorPanel } from './ErrorPanel.js';
import { ProgressBar } from './ProgressBar.js';
import { STEP_INFO, formatElapsed } from './step-info.js';
import { statusLook } from './status-text.js';
import { useTheme } from './theme.js';
import { retryLabel } from './retry-label.js';

export interface StepScreenProps {
  id: StepId;
  status: StepStatus;
  now: number;
  /** Step-specific lines shown under the description. */
  children?: ReactNode;
}

/** A long list of warnings would push the summary and the report off the screen. */
const WARNINGS_SHOWN = 5;

/** The frame every step screen shares: title, what it does, its files, and its state. */
export function StepScreen({ id, status, now, children }: StepScreenProps) {
  const { colour } = useTheme();
  const info = STEP_INFO[id];
  const look = statusLook(status);
  return (
    <Box flexDirection="column" flexGrow={1}>
      <Text bold>
        {info.number} · {info.title} <Text color={colour(look.colour)}>{look.glyph} {look.label}</Text>
      </Text>
      <Text color={colour('muted')}>{info.about}</Text>
      <Text color={colour('muted')}>
        reads {info.reads.join(', ')} → writes {info.writes.join(', ')}
      </Text>
      {children}
      <Box marginTop={1} flexDirection="column">
        <StatusBody id={id} status={status} now={now} />
      </Box>
    </Box>
  );
}

function StatusBody({ id, status, now }: { id: StepId; status: StepStatus; now: number }) {
  const { colour } = useTheme();
  const review = STEP_INFO[id].review;
  switch (status.kind) {
    case 'pending':
      return <Text>Press enter to run this step.</Text>;
    case 'unavailable':
      return (
        <>
          <Text color={colour('warn')}>Cannot run yet: {status.reason}.</Text>
          <Text wrap="wrap" color={colour('muted')}>→ {status.hint}</Text>
          <Text color={colour('muted')}>Press enter to look again once it is there.</Text>
        </>
      );
    case 'skipped':
      return <Text color={colour('muted')}>Skipped: {status.reason}</Text>;
    case 'running':
      return (
        <>
          <Text color={colour('accent')}>{status.progress?.activity ?? 'Starting…'}</Text>
          <ProgressBar
            done={status.progress?.done}
            total={status.progress?.total}
            progress={status.progress}
            startedAt={status.startedAt}
            now={now}
            width={30}
          />
          <Text color={colour('muted')}>x to cancel</Text>
        </>
      );
    case 'awaiting-review':
      return <Text color={colour('warn')}>Waiting for your review. Press enter to open the reviewer.</Text>;
    case 'done':
      return (
        <>
          <Text color={colour('ok')}>
            ✔ {status.summary || 'Done'} <Text color={colour('muted')}>({formatElapsed(now - status.finishedAt)} ago)</Text>
          </Text>
          {status.warnings.slice(0, WARNINGS_SHOWN).map((w, i) => (
            <Text key={i} color={colour('warn')} wrap="truncate-end">
              ! {w}
            </Text>
          ))}
          {status.warnings.length > WARNINGS_SHOWN ? (
            <Text color={colour('warn')}>
              … {status.warnings.length - WARNINGS_SHOWN} more warnings{status.report ? ` in ${status.report.file}` : ''}
            </Text>
          ) : null}
          {status.report ? <ReportLines report={status.report} /> : null}
          {Object.keys(status.outputs).length > 0 ? (
            <Text color={colour('muted')}>
              {status.kept ? 'nothing to write; kept' : 'wrote'} {Object.keys(status.outputs).sort().join(', ')}
            </Text>
          ) : null}
          <Text color={colour('muted')}>{review ? 'enter to open the reviewer again' : 'enter to run again'}</Text>
        </>
      );
    case 'failed':
      return <ErrorPanel error={status.error} action={retryLabel(status.error)} />;
    case 'stale':
      return (
        <>
          <Text color={colour('warn')}>↻ Out of date: {status.reason}</Text>
          <Text>{review ? 'enter to review again, r to re-run' : 'r to re-run'}</Text>
        </>
      );
    default:
      return assertNever(status);
  }
}

/** The start of the step's report; where the rest is. */
function ReportLines({ report }: { report: StepReport }) {
  const { colour } = useTheme();
  return (
    <Box flexDirection="column" marginY={1}>
      {report.lines.map((l, i) => (
        <Text key={i} wrap="truncate-end">
          {l}
        </Text>
      ))}
      {report.more > 0 ? (
        <Text color={colour('muted')}>
          … {report.more} more line{report.more === 1 ? '' : 's'} in {report.file}
        </Text>
      ) : null}
    </Box>
  );
}
