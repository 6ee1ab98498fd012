/** What the parser read past or could not read, collected once and shown grouped. */
import type { NoticeLevel, PlanNotice } from './types.js';

export class NoticeLog {
  readonly list: PlanNotice[] = [];
  warn(line: number, message: string): void {
    this.list.push({ line, message, level: 'warning' });
  }
  info(line: number, message: string): void {
    this.list.push({ line, message, level: 'info' });
  }
}

export interface NoticeGroup {
  readonly message: string;
  readonly level: NoticeLevel;
  readonly lines: readonly number[];
}

/** Notices with the same message become one group with all their lines, in document order. */
export function groupNotices(notices: readonly PlanNotice[]): NoticeGroup[] {
  const groups = new Map<string, { message: string; level: NoticeLevel; lines: number[] }>();
  for (const n of [...notices].sort((a, b) => a.line - b.line)) {
    const key = `${n.level}\u0000${n.message}`;
    const g = groups.get(key) ?? { message: n.message, level: n.level, lines: [] };
    if (!g.lines.includes(n.line)) g.lines.push(n.line);
    groups.set(key, g);
  }
  return [...groups.values()].sort((a, b) => (a.level === b.level ? a.lines[0] - b.lines[0] : a.level === 'warning' ? -1 : 1));
}

/** "file:12: message" or "file: message (3 times: lines 4, 9, 12)", at most `shown` lines listed. */
export function formatNoticeGroup(file: string, g: NoticeGroup, shown = 8): string {
  if (g.lines.length === 1) return `${file}:${g.lines[0]}: ${g.message}`;
  const lines = g.lines.slice(0, shown).join(', ');
  const more = g.lines.length > shown ? `, +${g.lines.length - shown} more` : '';
  return `${file}: ${g.message} (${g.lines.length} times: lines ${lines}${more})`;
}
