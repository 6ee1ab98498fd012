import { Box, Text, useInput } from 'ink';
import { useState } from 'react';
import type { PendingQuestion } from '../state/types.js';
import { ChoiceList } from './ChoiceList.js';
import { useTheme, type ColourName } from './theme.js';

export interface QuestionPromptProps {
  pending: PendingQuestion;
  onAnswer: (value: string) => void;
  /** Rows of the detail shown at once; page up/down scrolls. */
  detailRows?: number;
  isActive?: boolean;
}

/** A question an engine is waiting on: its detail (a diff, the sync plan table) and the choices. */
export function QuestionPrompt({ pending, onAnswer, detailRows = 14, isActive = true }: QuestionPromptProps) {
  const { colour } = useTheme();
  const q = pending.question;
  const detail = q.detail ? q.detail.replace(/\n$/, '').split('\n') : [];
  const [top, setTop] = useState(0);
  const maxTop = Math.max(0, detail.length - detailRows);
  useInput(
    (_input, key) => {
      if (key.pageDown) setTop((t) => Math.min(maxTop, t + detailRows));
      if (key.pageUp) setTop((t) => Math.max(0, t - detailRows));
    },
    { isActive: isActive && detail.length > detailRows },
  );
  const diffLike = detail.some((l) => l.startsWith('@@'));
  return (
    <Box flexDirection="column">
      <Text bold color={colour('accent')}>
        ? {q.message}
      </Text>
      {detail.length > 0 ? (
        <Box flexDirection="column" borderStyle="single" borderColor={colour('muted')} paddingX={1}>
          {detail.slice(top, top + detailRows).map((l, i) => (
            <Text key={top + i} wrap="truncate-end" color={diffLike ? colour(diffColour(l)) : undefined}>
              {l || ' '}
            </Text>
          ))}
          {detail.length > detailRows ? (
            <Text color={colour('muted')}>
              lines {top + 1}-{Math.min(detail.length, top + detailRows)} of {detail.length} · pgup/pgdn to scroll
            </Text>
          ) : null}
        </Box>
      ) : null}
      <ChoiceList
        key={`${pending.stepId}:${q.id}`}
        choices={q.choices}
        initialValue={q.defaultValue}
        isFocused={isActive}
        onChoose={onAnswer}
      />
    </Box>
  );
}

function diffColour(line: string): ColourName {
  if (line.startsWith('+')) return 'added';
  if (line.startsWith('-')) return 'removed';
  if (line.startsWith('@@')) return 'accent';
  return 'muted';
}
