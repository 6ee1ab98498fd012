import React, { useState } from 'react';
import { Box, Text, useInput } from 'ink';
import { LineInput } from './LineInput.js';
import { useTheme } from './theme.js';

export interface SecretPromptProps {
  user: string;
  url: string;
  /** Called with the typed secret; it stays in memory for this run only. */
  onSubmit: (secret: { password?: string; apiKey?: string }) => void;
  onSkip: () => void;
}

/**
 * Asks for the password or API key of a database workspace when the environment holds neither
 * (a later run: the first run's answer was never written to disk). The text is masked.
 */
export function SecretPrompt({ user, url, onSubmit, onSkip }: SecretPromptProps) {
  const { colour } = useTheme();
  const [kind, setKind] = useState<'password' | 'apiKey'>('password');
  const [value, setValue] = useState('');
  useInput((_input, key) => {
    if (key.escape) onSkip();
    else if (key.tab) setKind((k) => (k === 'password' ? 'apiKey' : 'password'));
  });
  const label = kind === 'password' ? 'Password' : 'API key';
  return (
    <Box flexDirection="column">
      <Text bold>
        {label} for {user} on {url}
      </Text>
      <Text color={colour('muted')}>
        Kept in memory for this session only, never written to disk. Tab: {kind === 'password' ? 'use an API key' : 'use a password'} · esc: skip
        (steps that need Odoo will then say so) · or set ODOO_PASSWORD / ODOO_API_KEY.
      </Text>
      <Box>
        <Text color={colour('accent')}>› </Text>
        <LineInput
          value={value}
          mask="*"
          onChange={setValue}
          onSubmit={(v) => (v ? onSubmit(kind === 'password' ? { password: v } : { apiKey: v }) : onSkip())}
        />
      </Box>
    </Box>
  );
}
