import { Box, Text, useInput } from 'ink';
import { LineInput } from './LineInput.js';
import { useState } from 'react';
import { readLineInput } from '../review/line-input.js';
import { ChoiceList } from './ChoiceList.js';
import { ErrorPanel } from './ErrorPanel.js';
import {
  labelOf,
  answersOf,
  emptyDraft,
  submitField,
  type InitDraft,
  type InitPhase,
  type TextField,
} from './init-flow.js';
import { useTheme } from './theme.js';
import type { InitAnswers, InitResult, SecretFromEnv } from './ui-types.js';

export interface InitScreenProps {
  /** Sends the answers (the controller writes odoo-project-sync.toml and checks the connection). */
  onSubmit: (answers: InitAnswers) => Promise<InitResult>;
  /** Prefilled values, e.g. from ODOO_URL / ODOO_DB / ODOO_USER (read by the CLI, not here). */
  defaults?: Partial<InitAnswers>;
  /** A secret is already in ODOO_PASSWORD / ODOO_API_KEY: the hidden prompt is skipped. */
  secretFromEnv?: SecretFromEnv;
}

const SOURCES = [
  { label: 'An Odoo database (Studio customizations to turn into modules)', value: 'database' as const },
  { label: 'Custom module source code in one or more folders', value: 'source' as const },
];

const SECRET_KINDS = [
  { label: 'Password', value: 'password' as const },
  { label: 'API key (Odoo 19+: needed for JSON-2; keys expire)', value: 'apiKey' as const },
];

/** First run: the source of truth, then the connection or the addons paths. */
export function InitScreen({ onSubmit, defaults, secretFromEnv }: InitScreenProps) {
  const { colour } = useTheme();
  const [draft, setDraft] = useState<InitDraft>(() => emptyDraft(defaults));
  const [phase, setPhase] = useState<InitPhase>({ kind: 'source' });
  const [value, setValue] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();

  const ask = (field: TextField, d: InitDraft) => {
    setPhase({ kind: 'field', field });
    setValue(field === 'url' ? d.url : field === 'db' ? d.db : field === 'user' ? d.user : '');
    setFieldError(undefined);
  };

  const submit = (d: InitDraft) => {
    setPhase({ kind: 'submitting' });
    onSubmit(answersOf(d)).then(
      (res) => {
        if (!res.ok) setPhase({ kind: 'failed', ...res.error });
      },
      (e: unknown) => setPhase({ kind: 'failed', message: e instanceof Error ? e.message : String(e) }),
    );
  };

  const go = (next: InitPhase, d: InitDraft) => {
    if (next.kind === 'field') ask(next.field, d);
    else if (next.kind === 'submitting') submit(d);
    else setPhase(next);
  };

  const answer = (field: TextField, v: string) => {
    const res = submitField(field, v, draft, secretFromEnv);
    if (!res.ok) {
      setValue(v);
      setFieldError(res.error);
      return;
    }
    setDraft(res.draft);
    go(res.phase, res.draft);
  };

  useInput(
    (_input, key) => {
      if (phase.kind === 'failed' && key.return) ask(draft.source === 'source' ? 'addon' : 'url', draft);
      else if (key.escape && phase.kind !== 'submitting') setPhase({ kind: 'source' });
    },
    { isActive: phase.kind !== 'submitting' },
  );

  return (
    <Box flexDirection="column" paddingX={1}>
      <Text bold color={colour('accent')}>
        odoo-project-sync: set up this workspace
      </Text>
      <Text color={colour('muted')}>The answers go to odoo-project-sync.toml; the password or API key is never written.</Text>
      <Box marginTop={1} flexDirection="column">
        {phase.kind !== 'source' && (draft.source === 'database' || draft.url) ? (
          <Text color={colour('muted')}>
            {draft.url || '…'} {draft.db ? `db ${draft.db}` : ''} {draft.user ? `as ${draft.user}` : ''}
          </Text>
        ) : null}
        {draft.source === 'source' && draft.addons.length > 0 ? (
          <Text color={colour('muted')}>addons: {draft.addons.join(', ')}</Text>
        ) : null}
        {secretFromEnv && (draft.source === 'database' || draft.url) ? (
          <Text color={colour('muted')}>
            Using {secretFromEnv === 'apiKey' ? 'ODOO_API_KEY' : 'ODOO_PASSWORD'} from the environment.
          </Text>
        ) : null}
        {draft.secretFromUrl && !secretFromEnv && draft.source === 'database' ? (
          <Text color={colour('muted')}>The password in the URL is used for this session only; it is not stored.</Text>
        ) : null}
        {phaseBody()}
      </Box>
      <Text color={colour('muted')}>enter to confirm · esc to start over</Text>
    </Box>
  );

  function phaseBody() {
    switch (phase.kind) {
      case 'source':
        return (
          <>
            <Text bold>Where is the source of truth?</Text>
            <ChoiceList
              key="source"
              choices={SOURCES}
              onChoose={(source) => {
                const d = { ...emptyDraft(defaults), source };
                setDraft(d);
                ask(source === 'database' ? 'url' : 'addon', d);
              }}
            />
          </>
        );
      case 'secret-kind':
        return (
          <>
            <Text bold>How do you sign in?</Text>
            <ChoiceList
              key="secret-kind"
              choices={SECRET_KINDS}
              onChoose={(secretKind) => {
                const d = { ...draft, secretKind };
                setDraft(d);
                ask('secret', d);
              }}
            />
          </>
        );
      case 'field':
        return (
          <>
            <Text bold>{labelOf(phase.field, draft)}</Text>
            <Box>
              <Text color={colour('accent')}>› </Text>
              <LineInput
                value={value}
                mask={phase.field === 'secret' ? '*' : undefined}
                onChange={(v) => {
                  const read = readLineInput(v);
                  if (read.submitted) answer(phase.field, read.text.split('\n')[0]);
                  else setValue(read.text);
                }}
                onSubmit={(v) => answer(phase.field, readLineInput(v).text.split('\n')[0])}
              />
            </Box>
            {fieldError ? <Text color={colour('error')}>{fieldError}</Text> : null}
          </>
        );
      case 'submitting':
        return <Text color={colour('accent')}>{draft.source === 'database' ? 'Connecting…' : 'Checking the paths…'}</Text>;
      case 'failed':
        return <ErrorPanel title="Set-up failed" error={phase} action="enter to change the answers · esc to start over" />;
    }
  }
}
