/** A status cell or marker -> a neutral status, through the document's legend first. */
import { err, ok, type Result } from '../../../core/result.js';
import { UserError } from '../../../core/user-error.js';
import { legendMatch, type Legend } from './legend.js';
import { statusFromWord } from './status-words.js';
import type { TaskStatus } from './types.js';

export interface Where {
  file: string;
  line: number;
  column: number;
}

export function resolveStatus(legend: Legend, text: string, where: Where): Result<TaskStatus, UserError> {
  const t = text.trim();
  const fromLegend = legendMatch(legend, t);
  if (fromLegend) return ok(fromLegend.status);
  const fromWord = statusFromWord(t);
  if (fromWord) return ok(fromWord);
  // A word after an unknown symbol still says what the author meant ("★ Done").
  const afterSymbol = /^\S+\s+(.+)$/u.exec(t);
  if (afterSymbol && !/^[A-Za-z0-9]+$/.test(t.split(/\s/)[0])) {
    const w = statusFromWord(afterSymbol[1]);
    if (w) return ok(w);
  }
  const known = legend.entries.map((e) => `${e.symbol} ${e.word}`).join(', ');
  if (t === '') {
    return err(
      new UserError('input', 'A task has no status.', {
        where,
        hint: 'Write a status (a symbol from the legend or a word such as Done, In Progress, Pending, Blocked).',
      }),
    );
  }
  return err(
    new UserError('input', `Status "${t}" is not in the document's legend and is no status word.`, {
      where,
      hint: known
        ? `Use one of the legend's symbols (${known}) or add "${t}" to the legend.`
        : 'Add a "## Task Status Legend" list ("- <symbol> Complete", ...) or write Done, In Progress, Pending, Blocked.',
    }),
  );
}
