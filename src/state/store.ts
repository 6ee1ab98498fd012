import type { Action } from './actions.js';
import { reduce } from './reducer.js';
import type { RunState } from './types.js';

/** The run state outside React: Ink subscribes, the runner dispatches. */
export interface Store {
  getState(): RunState;
  subscribe(fn: () => void): () => void;
  dispatch(action: Action): void;
}

export function createStore(initial: RunState): Store {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    getState: () => state,
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    dispatch(action) {
      const next = reduce(state, action);
      if (next === state) return;
      state = next;
      for (const fn of [...listeners]) fn();
    },
  };
}
