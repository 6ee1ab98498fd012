import { Text } from 'ink';
import type { StepStatus } from '../state/types.js';
import { StepScreen } from './StepScreen.js';
import { useTheme } from './theme.js';

export function ExtractScreen({ status, now }: { status: StepStatus; now: number }) {
  const { colour } = useTheme();
  return (
    <StepScreen id="extract" status={status} now={now}>
      <Text color={colour('muted')}>Studio customizations and their ir.model.data are classified; user code (computed fields, server actions) is kept as text, never run.</Text>
    </StepScreen>
  );
}
