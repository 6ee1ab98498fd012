import { Text } from 'ink';
import type { StepStatus } from '../state/types.js';
import { StepScreen } from './StepScreen.js';
import { useTheme } from './theme.js';

export function FeatureMapScreen({ status, now }: { status: StepStatus; now: number }) {
  const { colour } = useTheme();
  return (
    <StepScreen id="feature-map" status={status} now={now}>
      <Text color={colour('muted')}>Works from the generated modules, or from the addons paths in a source-code workspace.</Text>
    </StepScreen>
  );
}
