/**
 * The plan's text before Markdown sees it: a byte-order mark dropped, CRLF and CR line ends made
 * LF (line numbers stay the same), and the inputs no plan can be (empty, binary) refused with a
 * message that says so.
 */
import { err, ok, type Result } from '../../../core/result.js';
import { UserError } from '../../../core/user-error.js';

const HINT = 'Run step 6 (todo) to write ToDo.md, or point [sync] plan_file in odoo-project-sync.toml at a Markdown plan.';

/** Characters that never occur in a text file (NUL and C0 controls other than tab, LF, FF, CR). */
const BINARY = /[\u0000-\u0008\u000e-\u001a\u001c-\u001f]/;

export function prepareSource(raw: string, file: string): Result<string, UserError> {
  const text = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const probe = text.slice(0, 64 * 1024);
  const bad = BINARY.exec(probe);
  const replaced = (probe.match(/\uFFFD/g) ?? []).length;
  if (bad || replaced > Math.max(8, probe.length / 100)) {
    const line = bad ? probe.slice(0, bad.index).split('\n').length : 1;
    return err(
      new UserError('input', `${file} is not a text file: it holds binary data${bad ? ` (byte 0x${bad[0].charCodeAt(0).toString(16).padStart(2, '0')} on line ${line})` : ''}.`, {
        where: { file, line },
        hint: `Point the sync at the Markdown plan itself (UTF-8 text). ${HINT}`,
      }),
    );
  }
  if (text.trim() === '') {
    return err(new UserError('input', 'The task plan is empty.', { where: { file, line: 1 }, hint: HINT }));
  }
  return ok(text);
}
