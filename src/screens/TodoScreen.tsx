import { Text } from 'ink';
import type { StepStatus } from '../state/types.js';
import { StepScreen } from './StepScreen.js';
import { useTheme } from './theme.js';

export function TodoScreen({ status, now }: { status: StepStatus; now: number }) {
  const { colour } = useTheme();
  return (
    <StepScreen id="todo" status={status} now={now}>
      <Text color={colour('muted')}>Each task carries an estimate and a complexity; ToDo.md is plain Markdown you can read anywhere.</Text>
    </StepScreen>
  );
}
