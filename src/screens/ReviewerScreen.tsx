import { Box, Text, useInput } from 'ink';
import { useEffect, useState } from 'react';
import type { ReviewDocument, StepError, WizardController } from '../state/types.js';
import { UserError, formatLocation } from '../core/user-error.js';
import { ErrorPanel } from './ErrorPanel.js';
import { ReviewerView } from './reviewer/ReviewerView.js';
import { STEP_INFO } from './step-info.js';

export interface ReviewerScreenProps {
  step: ReviewDocument['stepId'];
  controller: WizardController;
  /** Rows for the file itself. */
  height: number;
  onBack: () => void;
}

type Load = { kind: 'loading' } | { kind: 'ready'; doc: ReviewDocument } | { kind: 'failed'; error: StepError };

/** Steps 2 and 5: loads the document from the controller, then the reviewer takes the keyboard. */
export function ReviewerScreen({ step, controller, height, onBack }: ReviewerScreenProps) {
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  useEffect(() => {
    let live = true;
    setLoad({ kind: 'loading' });
    controller.openReview(step).then(
      (doc) => live && setLoad({ kind: 'ready', doc }),
      (e: unknown) => live && setLoad({ kind: 'failed', error: toStepError(e) }),
    );
    return () => {
      live = false;
    };
  }, [controller, step]);
  useInput(
    (input, key) => {
      if (input === 'b' || key.escape) onBack();
    },
    { isActive: load.kind === 'failed' },
  );
  switch (load.kind) {
    case 'loading':
      return <Text>Opening the {STEP_INFO[step].title.toLowerCase()}…</Text>;
    case 'failed':
      return (
        <Box flexDirection="column">
          <ErrorPanel title="Cannot open the file" error={load.error} action="b to go back" />
        </Box>
      );
    case 'ready':
      return <ReviewerView doc={load.doc} controller={controller} height={height} onBack={onBack} />;
  }
}

function toStepError(e: unknown): StepError {
  if (e instanceof UserError) return { message: e.message, hint: e.hint, where: formatLocation(e.where) || undefined };
  if (e instanceof Error) return { message: e.message };
  return { message: String(e) };
}
