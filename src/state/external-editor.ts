import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { execaSync, parseCommandString } from 'execa';
import { UserError } from '../core/user-error.js';

export interface EditorTerminal {
  isTTY?: boolean;
  setRawMode?: (on: boolean) => unknown;
  isRaw?: boolean;
}

/**
 * Hands text to $VISUAL/$EDITOR on a temp copy and returns what the editor saved (the value may
 * carry arguments; a space inside one is escaped with a backslash, as execa parses it). Raw mode is
 * left first and restored after, and the editor runs synchronously: an async child loses
 * keystrokes because Node keeps reading stdin (TOOLCHAIN.md).
 */
export function makeExternalEditor(editorCommand: string | undefined, stdin: EditorTerminal) {
  return async (text: string, file: string): Promise<string> => {
    if (!editorCommand?.trim()) {
      throw new UserError('usage', 'no external editor is set', { where: { field: '$VISUAL / $EDITOR' }, hint: 'export EDITOR=nano (or vim, code --wait, ...) and start the wizard again' });
    }
    const [cmd, ...args] = parseCommandString(editorCommand.trim());
    const dir = mkdtempSync(join(tmpdir(), 'odoo-project-sync-'));
    const tmp = join(dir, basename(file));
    const wasRaw = stdin.isRaw === true;
    try {
      writeFileSync(tmp, text);
      if (wasRaw) stdin.setRawMode?.(false);
      const r = execaSync(cmd, [...args, tmp], { stdio: 'inherit', reject: false });
      if (r.failed && r.exitCode === undefined) {
        throw new UserError('usage', `could not start the editor "${cmd}"`, { where: { field: '$VISUAL / $EDITOR' }, hint: 'check that the command exists on your PATH' });
      }
      if (r.exitCode !== 0) {
        throw new UserError('input', `the editor "${cmd}" exited with code ${r.exitCode}; your text is unchanged`, { hint: 'save and quit the editor normally to keep your changes' });
      }
      return readFileSync(tmp, 'utf8');
    } finally {
      if (wasRaw) stdin.setRawMode?.(true);
      rmSync(dir, { recursive: true, force: true });
    }
  };
}
