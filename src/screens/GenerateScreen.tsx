import { Text } from 'ink';
import type { StepStatus } from '../state/types.js';
import { StepScreen } from './StepScreen.js';
import { useTheme } from './theme.js';

export function GenerateScreen({ status, now }: { status: StepStatus; now: number }) {
  const { colour } = useTheme();
  return (
    <StepScreen id="generate" status={status} now={now}>
      <Text color={colour('muted')}>Same inputs give the same bytes, so a re-run shows up in the diff only where something changed.</Text>
    </StepScreen>
  );
}
