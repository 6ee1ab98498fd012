// Stands in for 'yoga-layout' in the CommonJS TUI bundle (see scripts/tui-bundle-entry.ts).
// yoga-layout's own entry awaits the WebAssembly at the top level; this one starts loading it
// and hands Ink an object that forwards to it once it is there. Ink touches Yoga only when it
// renders, after load() has awaited yogaReady.
import { loadYoga } from 'yoga-layout/load';

export * from 'yoga-layout/load';

let yoga;
// With fetch() present, the Emscripten loader fetches its inlined data: URL, which first loads
// Node's whole HTTP client (~90 ms). Without it, it decodes the base64 itself. The check is
// synchronous, inside this call.
const fetchDesc = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
Object.defineProperty(globalThis, 'fetch', { value: undefined, configurable: true, writable: true });
let loading;
try {
  loading = loadYoga();
} finally {
  if (fetchDesc) Object.defineProperty(globalThis, 'fetch', fetchDesc);
}
export const yogaReady = loading.then((y) => {
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
