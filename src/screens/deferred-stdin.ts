/**
 * The terminal's input as Ink reads it, with each 'readable' event handed on one turn of the
 * event loop later (setImmediate).
 *
 * Ink subscribes a screen's key handlers (useInput) in React passive effects, which React's
 * scheduler runs from a setImmediate queued when the screen's frame is committed. Keys that
 * arrive in between (typed ahead right after pressing enter, pasted, sent by a script) would
 * reach the previous screen's handlers, or none, and be lost. Deferring Ink's read by one
 * setImmediate queues it after those effects, which were queued first.
 */
export function deferReadable<S extends NodeJS.ReadableStream>(stdin: S): S {
  const active = new Set<(...args: unknown[]) => void>();
  const deferred = new WeakMap<(...args: unknown[]) => void, () => void>();
  const wrap = (fn: (...args: unknown[]) => void) => {
    let w = deferred.get(fn);
    if (!w) {
      // A listener removed meanwhile (raw mode off, the app closing) is not called.
      w = () => void setImmediate(() => active.has(fn) && fn());
      deferred.set(fn, w);
    }
    return w;
  };
  return new Proxy(stdin, {
    get(target, key) {
      if (key === 'addListener' || key === 'on') {
        return (event: string | symbol, fn: (...args: unknown[]) => void) => {
          if (event !== 'readable') return (target as NodeJS.EventEmitter)[key](event, fn);
          active.add(fn);
          (target as NodeJS.EventEmitter)[key](event, wrap(fn));
          return target;
        };
      }
      if (key === 'removeListener' || key === 'off') {
        return (event: string | symbol, fn: (...args: unknown[]) => void) => {
          if (event !== 'readable') return (target as NodeJS.EventEmitter)[key](event, fn);
          active.delete(fn);
          (target as NodeJS.EventEmitter)[key](event, deferred.get(fn) ?? fn);
          return target;
        };
      }
      const value = Reflect.get(target, key, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
