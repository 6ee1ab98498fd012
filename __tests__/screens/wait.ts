import { act } from 'react';

/**
 * Waits until `cond` holds, letting timers and effects run between checks (inside act). Fails
 * with `what` and the last frame when it never does. This waits for a condition; it asserts
 * nothing about time.
 */
export async function waitFor(cond: () => boolean, what: string, frame?: () => string | undefined): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (cond()) return;
    await act(async () => {
      await new Promise((r) => setTimeout(r, 5));
    });
  }
  throw new Error(`never happened: ${what}\n--- last frame ---\n${frame?.() ?? ''}`);
}

export async function press(stdin: { write(s: string): void }, ...keys: string[]): Promise<void> {
  for (const k of keys) {
    await act(async () => {
      stdin.write(k);
    });
  }
}

export const KEY = {
  up: '\u001B[A',
  down: '\u001B[B',
  enter: '\r',
  escape: '\u001B',
  backspace: '\u007F',
  pageDown: '\u001B[6~',
  right: '\u001B[C',
  left: '\u001B[D',
} as const;
