import { Text } from 'ink';
import type { StepStatus } from '../state/types.js';
import { StepScreen } from './StepScreen.js';
import { useTheme } from './theme.js';

export function MapReviewScreen({ status, now }: { status: StepStatus; now: number }) {
  const { colour } = useTheme();
  return (
    <StepScreen id="map-review" status={status} now={now}>
      <Text color={colour('muted')}>Opens module_model_map.toml in the reviewer: validation, diff against the proposal, inline edit, $EDITOR, approve.</Text>
    </StepScreen>
  );
}
