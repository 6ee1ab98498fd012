import { Box, Text } from 'ink';
import type { RunState } from '../state/types.js';
import { STEP_INFO } from './step-info.js';
import { statusLook } from './status-text.js';
import { useTheme } from './theme.js';
import type { TerminalSize } from './use-terminal-size.js';

/** Below this the rail and a step screen no longer fit side by side. */
export const MIN_SIZE: TerminalSize = { columns: 64, rows: 16 };

export const tooSmall = (s: TerminalSize): boolean => s.columns < MIN_SIZE.columns || s.rows < MIN_SIZE.rows;

/**
 * What still fits in a small terminal: why the full view is gone, the step in view and its
 * state, and the keys that still work. Every line is cut to the width rather than wrapped.
 */
export function SmallTerminal({ size, state, reviewing }: { size: TerminalSize; state: RunState; reviewing: boolean }) {
  const { colour } = useTheme();
  const info = STEP_INFO[state.current];
  const look = statusLook(state.steps[state.current]);
  const waiting = state.question ? 'A question waits for you.' : reviewing ? 'The reviewer is open.' : undefined;
  const lines: { text: string; tone?: 'accent' | 'warn' | 'muted' | 'error' }[] = [
    { text: 'odoo-project-sync', tone: 'accent' },
    { text: `Window ${size.columns}×${size.rows}: too small (needs ${MIN_SIZE.columns}×${MIN_SIZE.rows}).`, tone: 'warn' },
    { text: waiting ? `${waiting} Enlarge the window to see it.` : 'Enlarge it to see every step.', tone: 'muted' },
    { text: `${info.number}/7 ${info.title}: ${look.glyph} ${look.label}` },
  ];
  if (state.refused?.step === state.current) lines.push({ text: `Not run: ${state.refused.message}`, tone: 'error' });
  if (state.notices.length > 0) lines.push({ text: `! ${state.notices[state.notices.length - 1]}`, tone: 'warn' });
  lines.push({ text: waiting ? 'q quit' : '↑↓/1-7 step · enter run · q quit', tone: 'muted' });
  return (
    <Box flexDirection="column" width={size.columns}>
      {lines.slice(0, Math.max(1, size.rows - 1)).map((l, i) => (
        <Text key={i} wrap="truncate-end" bold={i === 0} color={l.tone ? colour(l.tone) : undefined}>
          {l.text}
        </Text>
      ))}
    </Box>
  );
}
