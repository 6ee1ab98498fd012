/**
 * Words people use for a task's status, in the languages of the field, mapped to neutral
 * statuses. Used after the document's own legend: a legend always wins.
 */
import type { TaskStatus } from './types.js';

const PHRASES: Readonly<Record<TaskStatus, readonly string[]>> = {
  done: [
    'done', 'complete', 'completed', 'finished', 'closed', 'resolved', 'shipped', 'merged', 'delivered', 'implemented',
    'fixed', 'verified', 'passed', 'decided', 'locked', 'concept locked', 'revised', 'integrated', 'live',
    'erledigt', 'fertig', 'abgeschlossen', 'terminé', 'termine', 'fait', 'achevé', 'hecho', 'completado', 'terminado',
    'fatto', 'completato', 'concluído', 'concluido', 'feito', 'klaar', 'gereed', 'готово', 'выполнено', 'сделано',
    '完成', '已完成', '完了', '済', '済み', '완료',
  ],
  in_progress: [
    'in progress', 'in-progress', 'in_progress', 'inprogress', 'wip', 'doing', 'started', 'ongoing', 'partial', 'partially',
    'active', 'working', 'building', 'in build', 'in development', 'developing', 'underway', 'under way', 'implementing', 'scaffold', 'scaffold-proven', 'in arbeit',
    'in bearbeitung', 'läuft', 'en cours', 'en progreso', 'en curso', 'in corso', 'em andamento', 'em progresso', 'bezig',
    'в работе', 'в процессе', '进行中', '处理中', '進行中', '作業中', '対応中', '진행 중', '진행중',
  ],
  review: [
    'review', 'in review', 'in_review', 'under review', 'needs review', 'awaiting review', 'ready for review', 'reviewing',
    'verifying', 'verify', 'checking', 'testing', 'in test', 'qa', 'in qa', 'en revisión', 'en révision', 'in prüfung', '审核中',
    'レビュー中', '검토 중', '검토중',
  ],
  pending: [
    // Negations first in meaning: "not done" is no "done".
    'not done', 'not yet done', 'not complete', 'not completed', 'not finished', 'not implemented', 'not yet started',
    'not yet', 'incomplete', 'unfinished', 'undone', 'nicht erledigt', 'pas fait', 'no hecho',
    'pending', 'todo', 'to do', 'to-do', 'not started', 'not-started', 'not_started', 'open', 'planned', 'future', 'backlog',
    'new', 'created', 'ready', 'queued', 'deferred', 'postponed', 'proposed', 'draft', 'later', 'next', 'missing', 'idea',
    'discovery', 'offen', 'geplant', 'ausstehend', 'à faire', 'a faire', 'prévu', 'pendiente', 'por hacer', 'da fare',
    'pendente', 'a fazer', 'не начато', 'запланировано', '待办', '待處理', '待处理', '未开始', '未開始', '未着手', '未対応',
    '予定', '대기', '예정', '미착수',
  ],
  blocked: [
    'blocked', 'on hold', 'on-hold', 'waiting', 'stuck', 'paused', 'parked', 'blockiert', 'wartet', 'bloqué', 'bloque',
    'en attente', 'bloqueado', 'bloccato', 'заблокировано', '阻塞', '受阻', 'ブロック', '保留', '차단', '보류',
  ],
  cancelled: [
    'cancelled', 'canceled', 'dropped', "won't do", 'wont do', "won't fix", 'wontfix', 'abandoned', 'obsolete',
    'superseded', 'skipped', 'removed', 'moot', 'abgebrochen', 'verworfen', 'annulé', 'annule', 'cancelado', 'annullato',
    'отменено', '取消', '已取消', '中止', '취소',
  ],
  changes_requested: ['changes requested', 'changes-requested', 'needs changes', 'needs work', 'rework', 'rejected'],
  approved: ['approved', 'accepted', 'signed off', 'sign-off', 'genehmigt', 'approuvé', 'aprobado'],
};

/** Phrase -> status, longest phrases first so "not started" wins over "started". */
const TABLE: readonly [string, TaskStatus][] = (Object.entries(PHRASES) as [TaskStatus, readonly string[]][])
  .flatMap(([status, ps]) => ps.map((p) => [p, status] as [string, TaskStatus]))
  .sort((a, b) => b[0].length - a[0].length);

const EXACT = new Map(TABLE);

/** Lower case, markup and quotes dropped, separators as spaces. */
export function normalizeWord(text: string): string {
  return text
    .toLowerCase()
    .replace(/[*`"“”]/g, '')
    .replace(/[_]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const isLetter = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/** The status the whole text names ("Completed", "in_progress"), nothing more. */
export function exactStatusWord(text: string): TaskStatus | undefined {
  const t = normalizeWord(text);
  return EXACT.get(t) ?? EXACT.get(t.replace(/-/g, ' '));
}

/** The status phrase at the start of normalized text, and where the phrase ends. */
function phraseAt(t: string): [TaskStatus, number] | undefined {
  for (const [phrase, status] of TABLE) {
    // CJK phrases need no word boundary: "完了済み" starts with "完了".
    if (t.startsWith(phrase) && (!isLetter(t[phrase.length]) || !/^[\p{Script=Latin}\p{Script=Cyrillic}]/u.test(phrase))) {
      return [status, phrase.length];
    }
  }
  return undefined;
}

/**
 * Words that say part of the work is still open, after a "done". Only unambiguous ones: "next",
 * "open" or "new" after "Done" usually start a note, not a status.
 */
const STILL_OPEN: readonly [string, TaskStatus][] = [
  ['pending review', 'review'], ['needs review', 'review'], ['in review', 'review'], ['awaiting review', 'review'],
  ['under review', 'review'], ['ready for review', 'review'],
  ['pending', 'in_progress'], ['in progress', 'in_progress'], ['wip', 'in_progress'], ['not started', 'in_progress'],
  ['not done', 'in_progress'], ['todo', 'in_progress'], ['remaining', 'in_progress'],
  ['outstanding', 'in_progress'], ['incomplete', 'in_progress'], ['partial', 'in_progress'], ['partially', 'in_progress'],
  ['blocked', 'in_progress'], ['on hold', 'in_progress'], ['waiting', 'in_progress'], ['ausstehend', 'in_progress'],
  ['en attente', 'in_progress'], ['pendiente', 'in_progress'],
];

/**
 * "Done" that the rest of the text qualifies ("Done, tests pending", "Planning decided;
 * implementation pending") is not done: in review when the rest says review, else in progress.
 */
function qualified(status: TaskStatus, rest: string): TaskStatus {
  if (status !== 'done') return status;
  for (const [phrase, open] of STILL_OPEN) {
    const at = rest.indexOf(phrase);
    if (at >= 0 && !isLetter(rest[at - 1]) && !isLetter(rest[at + phrase.length])) return open;
  }
  return status;
}

/** "80% done", "50 % complete": a share below 100 is in progress, 0 is pending, 100 is done. */
function percentStatus(t: string): TaskStatus | undefined {
  const m = /^(\d{1,3}(?:[.,]\d+)?)\s*%/.exec(t);
  if (!m) return undefined;
  const n = Number(m[1].replace(',', '.'));
  if (n > 100) return undefined;
  return n >= 100 ? 'done' : n === 0 ? 'pending' : 'in_progress';
}

/** The status phrase the text starts with ("Done (updated)", "COMPLETED 2025-12-21"), if any. */
export function statusFromWord(text: string): TaskStatus | undefined {
  const t = normalizeWord(text);
  if (t === '') return undefined;
  const exact = exactStatusWord(t);
  if (exact) return exact;
  const pct = percentStatus(t);
  if (pct) return pct;
  const hit = phraseAt(t);
  return hit && qualified(hit[0], t.slice(hit[1]));
}

/**
 * A status phrase anywhere in the first clause of a free-text status ("Implementation started;
 * the suite now checks ...") or of a legend entry's description ("Defined but not started").
 * A "done" that a later clause qualifies ("Planning decided; implementation pending") is not done.
 */
export function statusInText(text: string): TaskStatus | undefined {
  const all = normalizeWord(text);
  const clause = all.split(/[;.!?(—–]|\s-\s/)[0];
  for (let i = 0; i < clause.length; i++) {
    if (i > 0 && isLetter(clause[i - 1]) && /[a-zа-я]/.test(clause[i])) continue;
    const hit = statusFromWord(clause.slice(i));
    if (hit) return hit === 'done' ? qualified(hit, all.slice(i)) : hit;
  }
  return undefined;
}
