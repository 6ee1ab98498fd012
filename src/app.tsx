import { Box, Text, useInput, type Key } from 'ink';
import { splitKeyBurst } from './review/line-input.js';
import { useRef, useState, useSyncExternalStore } from 'react';
import type { RunState } from './state/types.js';
import { STEP_IDS, type StepId } from './steps/types.js';
import { InitScreen } from './screens/InitScreen.js';
import { QuestionPrompt } from './screens/QuestionPrompt.js';
import { ReviewerScreen } from './screens/ReviewerScreen.js';
import { SecretPrompt } from './screens/SecretPrompt.js';
import { StepRail } from './screens/StepRail.js';
import { STEP_SCREENS, enterAction, type ReviewStepId } from './screens/step-screens.js';
import { ThemeContext, makeTheme } from './screens/theme.js';
import type { InitAnswers, ScreenController, SecretFromEnv } from './screens/ui-types.js';
import { useNow } from './screens/use-now.js';
import { SmallTerminal, tooSmall } from './screens/SmallTerminal.js';
import { useTerminalSize } from './screens/use-terminal-size.js';

export interface AppProps {
  store: { getState(): RunState; subscribe(fn: () => void): () => void };
  controller: ScreenController;
  noColor?: boolean;
  /** Set by the CLI when ODOO_PASSWORD / ODOO_API_KEY holds the secret: init skips the prompt. */
  secretFromEnv?: SecretFromEnv;
  /** Prefilled init answers (ODOO_URL, ODOO_DB, ODOO_USER), read by the CLI. */
  initDefaults?: Partial<InitAnswers>;
  /** A database workspace with no secret in the environment: ask for it once, hidden. */
  askSecret?: { user: string; url: string };
}

/** The wizard: the step rail, the current step's screen and the key help. No I/O here. */
export function App({ store, controller, noColor = false, secretFromEnv, initDefaults, askSecret }: AppProps) {
  const state = useSyncExternalStore(store.subscribe, store.getState);
  const [reviewing, setReviewing] = useState<ReviewStepId | null>(null);
  const [confirmQuit, setConfirmQuitState] = useState(false);
  // Also in a ref: "qy" in one read must see the question the "q" just asked.
  const confirming = useRef(false);
  const setConfirmQuit = (v: boolean) => {
    confirming.current = v;
    setConfirmQuitState(v);
  };
  const size = useTerminalSize();
  const rows = size.rows;
  const running = STEP_IDS.find((id) => state.steps[id].kind === 'running');
  const now = useNow(running !== undefined);
  const initing = state.needsInit;
  const [secretAnswered, setSecretAnswered] = useState(false);
  // A step Odoo refused the login for: `r` asks for the secret again, then runs it.
  const [secretFor, setSecretFor] = useState<StepId | null>(null);
  const connection = state.config?.connection;
  const secretTarget = askSecret ?? (connection ? { user: connection.user, url: connection.url } : undefined);
  const askingSecret = secretTarget !== undefined && ((askSecret !== undefined && !secretAnswered) || secretFor !== null) && !initing;

  const select = (id: StepId | undefined) => {
    if (id && id !== store.getState().current) controller.select(id);
  };

  // Keys that arrived in one read ("7\r" typed fast) are still one press each.
  const onKey = (input: string, key: Key) => {
    const burst = splitKeyBurst(input, '1234567\rqynrx');
    if (burst) for (const k of burst) onKey(k === '\r' ? '' : k, { ...key, return: k === '\r' });
    else handleKey(input, key);
  };

  const handleKey = (input: string, key: Key) => {
    if (confirming.current) {
      if (input === 'y') controller.quit();
      else setConfirmQuit(false);
      return;
    }
    if (input === 'q') return running ? setConfirmQuit(true) : controller.quit();
    // Read the store, not the render's snapshot: an earlier key of the same burst may have moved.
    const live = store.getState();
    // The prompt owns the arrows, digits and enter, including an enter that answered it just now.
    if (state.question || live.question) return;
    const current = live.current;
    const at = STEP_IDS.indexOf(current);
    const status = live.steps[current];
    if (key.upArrow) select(STEP_IDS[at - 1]);
    else if (key.downArrow) select(STEP_IDS[at + 1]);
    else if (/^[1-7]$/.test(input)) select(STEP_IDS[Number(input) - 1]);
    else if (input === 'r' && status.kind === 'failed' && status.error.needsSecret && secretTarget) setSecretFor(current);
    else if (input === 'r' && (status.kind === 'failed' || status.kind === 'stale')) controller.run(current);
    else if (input === 'x' && status.kind === 'running') controller.cancel(current);
    else if (key.return) {
      const action = enterAction(current, status);
      if (action === 'run') controller.run(current);
      else if (action === 'review') setReviewing(current as ReviewStepId);
    }
  };

  useInput(onKey, { isActive: !initing && !askingSecret && reviewing === null });

  const theme = makeTheme(noColor);
  const { colour } = theme;
  const Screen = STEP_SCREENS[state.current];
  const notices = state.notices.slice(-3);
  // Too small for the rail and a screen: say so and show what fits. The full view stays mounted
  // (hidden), so an open reviewer or question keeps its state until the window grows again.
  const small = tooSmall(size);
  return (
    <ThemeContext.Provider value={theme}>
      {askingSecret ? (
        <SecretPrompt
          user={secretTarget.user}
          url={secretTarget.url}
          onSubmit={(secret) => {
            controller.setSecret(secret);
            setSecretAnswered(true);
            if (secretFor) controller.run(secretFor);
            setSecretFor(null);
          }}
          onSkip={() => {
            setSecretAnswered(true);
            setSecretFor(null);
          }}
        />
      ) : initing ? (
        <InitScreen
          defaults={initDefaults}
          secretFromEnv={secretFromEnv}
          onSubmit={(answers) => controller.init(answers)}
        />
      ) : (
        <>
        {small ? <SmallTerminal size={size} state={state} reviewing={reviewing !== null} /> : null}
        <Box flexDirection="column" display={small ? 'none' : 'flex'}>
          <Text bold color={colour('accent')}>
            odoo-project-sync
            {state.config ? <Text color={colour('muted')}> · {workspaceLabel(state)}</Text> : null}
          </Text>
          {notices.map((n, i) => (
            <Text key={i} color={colour('warn')} wrap="truncate-end">
              ! {n}
            </Text>
          ))}
          <Box flexDirection="row" marginTop={1}>
            <StepRail steps={state.steps} current={state.current} now={now} />
            <Box flexDirection="column" flexGrow={1} flexShrink={1}>
              {reviewing ? (
                <ReviewerScreen
                  step={reviewing}
                  controller={controller}
                  height={Math.max(5, rows - 13 - notices.length)}
                  onBack={() => setReviewing(null)}
                />
              ) : state.question ? (
                <QuestionPrompt pending={state.question} onAnswer={(v) => controller.answer(v)} detailRows={Math.max(6, rows - 17 - notices.length)} />
              ) : (
                <>
                  <Screen status={state.steps[state.current]} now={now} />
                  {state.refused?.step === state.current ? (
                    <Box flexDirection="column" marginTop={1}>
                      <Text color={colour('error')}>✖ Not run: {state.refused.message}</Text>
                      <Text color={colour('muted')}>→ {state.refused.hint}</Text>
                    </Box>
                  ) : null}
                </>
              )}
            </Box>
          </Box>
          {confirmQuit ? (
            <Text color={colour('warn')} bold>
              A step is running. Quit anyway? It restarts cleanly next time. (y/n)
            </Text>
          ) : reviewing ? null : (
            <Text color={colour('muted')}>
              ↑↓/1-7 choose · enter run/open · r retry · x cancel · q quit
            </Text>
          )}
        </Box>
        </>
      )}
    </ThemeContext.Provider>
  );
}

function workspaceLabel(state: RunState): string {
  if (state.config?.source !== 'database') return 'module source';
  const c = state.config.connection;
  return c ? `${c.url}${c.db ? ` (${c.db})` : ''}` : 'database';
}
