import type { ComponentType } from 'react';
import type { StepStatus } from '../state/types.js';
import type { StepId } from '../steps/types.js';
import { ExtractScreen } from './ExtractScreen.js';
import { FeatureMapScreen } from './FeatureMapScreen.js';
import { FeatureReviewScreen } from './FeatureReviewScreen.js';
import { GenerateScreen } from './GenerateScreen.js';
import { MapReviewScreen } from './MapReviewScreen.js';
import { SyncScreen } from './SyncScreen.js';
import { TodoScreen } from './TodoScreen.js';

export const STEP_SCREENS: Readonly<Record<StepId, ComponentType<{ status: StepStatus; now: number }>>> = {
  extract: ExtractScreen,
  'map-review': MapReviewScreen,
  generate: GenerateScreen,
  'feature-map': FeatureMapScreen,
  'feature-review': FeatureReviewScreen,
  todo: TodoScreen,
  sync: SyncScreen,
};

export type ReviewStepId = 'map-review' | 'feature-review';

export const isReviewStep = (id: StepId): id is ReviewStepId => id === 'map-review' || id === 'feature-review';

/** What enter does on a step in this state. */
export function enterAction(id: StepId, s: StepStatus): 'run' | 'review' | 'none' {
  switch (s.kind) {
    case 'awaiting-review':
      return isReviewStep(id) ? 'review' : 'none';
    case 'done':
    case 'stale':
      return isReviewStep(id) ? 'review' : 'run';
    case 'pending':
    case 'failed':
    // The runner reads the config again and runs the step if what it lacked is there now.
    case 'unavailable':
      return 'run';
    case 'running':
    case 'skipped':
      return 'none';
  }
}
