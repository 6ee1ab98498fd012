import { useEffect } from 'react';

/** Runs `fn` once `delayMs` after the last change of `key`; a new change cancels the wait. */
export function useDebouncedEffect(fn: () => void, key: unknown, delayMs: number, enabled = true): void {
  useEffect(() => {
    if (!enabled) return undefined;
    const t = setTimeout(fn, delayMs);
    return () => clearTimeout(t);
    // fn is re-created every render; only the key decides when to run.
  }, [key, delayMs, enabled]);
}
