import { Text } from 'ink';
import type { StepStatus } from '../state/types.js';
import { StepScreen } from './StepScreen.js';
import { useTheme } from './theme.js';

export function SyncScreen({ status, now }: { status: StepStatus; now: number }) {
  const { colour } = useTheme();
  return (
    <StepScreen id="sync" status={status} now={now}>
      <Text color={colour('muted')}>Shows every task of the plan (id, status, milestone, owner, hours) and what changes in Odoo, paged with pgup/pgdn, and asks before writing; re-running is safe because writes are keyed by external ids.</Text>
    </StepScreen>
  );
}
