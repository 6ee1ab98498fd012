import { Text } from 'ink';
import type { StepStatus } from '../state/types.js';
import { StepScreen } from './StepScreen.js';
import { useTheme } from './theme.js';

export function FeatureReviewScreen({ status, now }: { status: StepStatus; now: number }) {
  const { colour } = useTheme();
  return (
    <StepScreen id="feature-review" status={status} now={now}>
      <Text color={colour('muted')}>Opens feature_user_story_map.toml in the reviewer: validation, diff against the proposal, inline edit, $EDITOR, approve.</Text>
    </StepScreen>
  );
}
