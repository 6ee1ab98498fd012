import { Box, Text } from 'ink';
import type { Finding } from '../../review/types.js';
import { errorsOf, formatDiagnostic } from '../../review/validate.js';
import { useTheme } from '../theme.js';
import type { Notice } from './use-reviewer.js';

const SHOWN = 3;

/** Diagnostics near the top of the list, then one line: valid?, saved?, approved?, position. */
export interface ReviewStatusProps {
  /** Sorted by position; a big file's stay in the check's order, at key paths, until `placing` ends. */
  diagnostics: readonly Finding[];
  checking: boolean;
  placing: boolean;
  saving: boolean;
  dirty: boolean;
  approved: boolean;
  cursor: number;
  total: number;
  notice?: Notice;
  busy: boolean;
}

export function ReviewStatus(p: ReviewStatusProps) {
  const { colour } = useTheme();
  const errors = errorsOf(p.diagnostics);
  const warnings = p.diagnostics.length - errors.length;
  const validity = p.checking
    ? { text: '… checking', c: 'muted' as const }
    : errors.length > 0
      ? { text: `✖ invalid: ${errors.length} error${errors.length === 1 ? '' : 's'}`, c: 'error' as const }
      : { text: warnings > 0 ? `✔ valid (${warnings} warning${warnings === 1 ? '' : 's'})` : '✔ valid', c: 'ok' as const };
  const placing = p.placing && !p.checking ? ' (finding their lines…)' : '';
  const saved = p.saving ? 'saving…' : p.dirty ? '● unsaved' : 'saved';
  return (
    <Box flexDirection="column">
      {p.diagnostics.slice(0, SHOWN).map((d, i) => (
        <Text key={i} wrap="truncate-end" color={colour(d.severity === 'error' ? 'error' : 'warn')}>
          {d.severity === 'error' ? '✖' : '!'} {formatDiagnostic(d)}
        </Text>
      ))}
      {p.diagnostics.length > SHOWN ? (
        <Text color={colour('muted')}>… {p.diagnostics.length - SHOWN} more (n to jump)</Text>
      ) : null}
      <Text wrap="truncate-end">
        <Text color={colour(validity.c)}>{validity.text}</Text>
        {placing ? <Text color={colour('muted')}>{placing}</Text> : null}
        {' · '}
        <Text color={colour(saved === 'saved' ? 'muted' : 'warn')}>{saved}</Text>
        {' · '}
        {p.approved ? <Text color={colour('ok')}>approved</Text> : <Text color={colour('warn')}>not approved</Text>}
        <Text color={colour('muted')}>
          {' · '}line {p.cursor + 1}/{p.total}
          {p.busy ? ' · working…' : ''}
        </Text>
      </Text>
      {p.notice ? (
        <Text color={colour(p.notice.tone === 'info' ? 'accent' : p.notice.tone)}>
          {p.notice.text}
        </Text>
      ) : null}
    </Box>
  );
}
