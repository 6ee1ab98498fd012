import { readFile } from 'node:fs/promises';
import { fsTrouble, fsUserError, settle } from '../../src/core/fs-error.js';
import { formatUserError } from '../../src/core/user-error.js';
import { toStepError } from '../../src/state/errors.js';

const errno = (code: string, syscall: string, path: string) => Object.assign(new Error(`${code}: x, ${syscall} '${path}'`), { code, syscall, path });

test('a permission problem names the path and the fix, for reads and writes', () => {
  expect(formatUserError(fsUserError(errno('EACCES', 'open', '/w/plan.md'))!)).toBe(
    "/w/plan.md: cannot read it: permission denied\n  -> let your user read it (e.g. `chmod -R u+rX /w/plan.md`), or run as a user who can",
  );
  expect(fsUserError(errno('ENOSPC', 'write', '/w/ToDo.md'))?.message).toBe('cannot write it: no space left on the device');
  expect(fsUserError(new Error('plain bug'))).toBeUndefined();
});

test('a step that throws a file-system error fails as bad input, not as a bug in the tool', () => {
  const e = toStepError(errno('EACCES', 'scandir', '/w/addons'), false);
  expect(e).toMatchObject({ where: '/w/addons', message: 'cannot read it: permission denied', badInput: true });
  expect(toStepError(new TypeError('x is undefined'), false).message).toMatch(/^internal error/);
});

test('errors from node:fs are recognised whatever realm made them', async () => {
  const r = await settle(readFile('/nonexistent/for/sure'));
  expect(r.ok).toBe(false);
  expect(fsTrouble(r.ok ? undefined : r.error, 'x').what).toBe('not found');
});
