/**
 * Runs `load` with globalThis.fetch hidden until it settles.
 *
 * Ink's layout engine (yoga, WebAssembly) decodes its inlined binary with fetch() when fetch
 * exists, which loads Node's whole HTTP client first: ~90 ms of start-up on this machine.
 * Without fetch it decodes the base64 directly. Used around yoga's loading only, while nothing
 * that needs fetch runs yet.
 */
export async function withoutFetch<T>(load: () => Promise<T>): Promise<T> {
  const desc = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
  Object.defineProperty(globalThis, 'fetch', { value: undefined, configurable: true, writable: true });
  try {
    return await load();
  } finally {
    if (desc) Object.defineProperty(globalThis, 'fetch', desc);
  }
}
