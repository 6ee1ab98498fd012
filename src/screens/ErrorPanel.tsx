import { Box, Text } from 'ink';
import type { StepError } from '../state/types.js';
import { useTheme } from './theme.js';

export interface ErrorPanelProps {
  error: StepError;
  /** What the user can press, e.g. "r to retry". */
  action?: string;
  title?: string;
  debug?: boolean;
}

/** An error the user can act on: what, where, the hint, and the key to press. */
export function ErrorPanel({ error, action, title = 'Failed', debug = false }: ErrorPanelProps) {
  const { colour } = useTheme();
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={colour('error')} paddingX={1}>
      <Text bold color={colour('error')}>
        ✖ {title}
      </Text>
      <Text>{error.message}</Text>
      {error.where ? <Text color={colour('muted')}>where: {error.where}</Text> : null}
      {error.hint ? <Text color={colour('warn')}>→ {error.hint}</Text> : null}
      {debug && error.detail ? <Text color={colour('muted')}>{error.detail}</Text> : null}
      {action ? <Text bold>{action}</Text> : null}
    </Box>
  );
}
