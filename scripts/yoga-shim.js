// Stands in for 'yoga-layout' in the CommonJS TUI bundle (see scripts/tui-bundle-entry.ts).
// yoga-layout's own entry awaits the WebAssembly at the top level; this one starts loading it
// and hands Ink an object that forwards to it once it is there. Ink touches Yoga only when it
// renders, and the TUI awaits yogaReady before its first render.
import { loadYoga } from 'yoga-layout/load';
import { withoutFetch } from '../src/core/without-fetch.ts';

export * from 'yoga-layout/load';

let yoga;
// Loaded without fetch(): see src/core/without-fetch.ts.
export const yogaReady = withoutFetch(() => loadYoga()).then((y) => {
  yoga = y;
});

export default new Proxy(
  {},
  {
    get(_target, key) {
      if (!yoga) throw new Error('yoga-layout used before it finished loading');
      return yoga[key];
    },
  },
);
