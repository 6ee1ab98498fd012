import { PassThrough } from 'node:stream';
import { deferReadable } from '../../src/screens/deferred-stdin.js';

const turn = () => new Promise<void>((r) => setImmediate(r));

describe('deferReadable: Ink reads keys one event-loop turn later', () => {
  it('work queued before the keys arrived (a new screen subscribing its handler) runs first', async () => {
    const raw = new PassThrough();
    const stdin = deferReadable(raw);
    const order: string[] = [];
    stdin.addListener('readable', () => {
      let chunk: Buffer | null;
      while ((chunk = stdin.read() as Buffer | null) !== null) order.push(`key ${chunk.toString()}`);
    });
    setImmediate(() => order.push('effects'));
    raw.write('a');
    await turn();
    await turn();
    expect(order).toEqual(['effects', 'key a']);
  });

  it('a listener removed before its turn is not called, and other events pass straight through', async () => {
    const raw = new PassThrough();
    const stdin = deferReadable(raw);
    const calls: string[] = [];
    const onReadable = () => calls.push('readable');
    stdin.addListener('readable', onReadable);
    stdin.on('data-test', (x: unknown) => calls.push(`event ${String(x)}`));
    raw.write('b');
    stdin.removeListener('readable', onReadable);
    raw.emit('data-test', 1);
    await turn();
    await turn();
    expect(calls).toEqual(['event 1']);
    expect(raw.listenerCount('readable')).toBe(0);
  });

  it('everything else is the stream itself', () => {
    const raw = new PassThrough();
    const stdin = deferReadable(raw);
    stdin.setEncoding('utf8');
    raw.write('xyz');
    expect(stdin.read()).toBe('xyz');
  });
});
