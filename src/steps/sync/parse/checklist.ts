/**
 * Task lists: checkbox items ("- [x] done", "- [ ] 🔄 started", "- [~] ...", "- `[x]` A0: ...")
 * and lists whose items carry a status symbol ("- ✅ Ship it", "- Claim me 🚧"). Nested checkbox
 * items become subtasks; everything else indented under an item is its description, and its
 * "Files:" / "Estimate:" / "Owner:" lines are read as fields. GFM parses only [ ] and [x] as task
 * items; the other markers stay text at the start of the item, so both are read here.
 */
import type { List, ListItem, Nodes, Paragraph } from 'mdast';
import { readDetails } from './details.js';
import { parseHours } from './hours.js';
import { parseItemText, statusMark } from './item-text.js';
import { legendSymbol, type Legend } from './legend.js';
import type { NoticeLog } from './notices.js';
import { ownerOf } from './owner.js';
import { resolveStatus, type ResolvedStatus } from './status.js';
import { CHECKBOX, leadingSymbol } from './status-symbols.js';
import { lineOf, nodeText, rawOf } from './text.js';
import type { PlanTask } from './types.js';

export interface ListContext {
  legend: Legend;
  log: NoticeLog;
  /** The status the enclosing heading gives ("## Completed"), for items that carry none. */
  sectionStatus?: ResolvedStatus;
  tags: readonly string[];
  deriveId: (title: string, parentId?: string) => string;
}

interface Marker {
  checkbox?: string;
  status?: ResolvedStatus;
  text: string;
}

const firstParagraph = (item: ListItem): Paragraph | undefined =>
  item.children[0]?.type === 'paragraph' ? item.children[0] : undefined;

function markerOf(item: ListItem, ctx: ListContext): Marker | undefined {
  const para = firstParagraph(item);
  const text = para ? nodeText(para).trim() : '';
  let checkbox: string | undefined;
  let rest = text;
  if (item.checked !== null && item.checked !== undefined) {
    checkbox = /\[.\]/.exec(rawOf(item).slice(0, 24))?.[0] ?? (item.checked ? '[x]' : '[ ]');
  } else {
    const m = CHECKBOX.exec(text);
    if (!m) return undefined;
    checkbox = m[0];
    rest = text.slice(m[0].length).trim();
  }
  // "[✅]", "[🟡]": a symbol of the legend or a common one, put in brackets to look like a checkbox.
  const inner = checkbox.slice(1, -1).trim();
  const fromLegend = legendSymbol(ctx.legend, checkbox) ?? (inner ? legendSymbol(ctx.legend, inner) : undefined);
  const common = leadingSymbol(checkbox) ?? (inner ? leadingSymbol(inner) : undefined);
  const status: ResolvedStatus | undefined = fromLegend?.status
    ? { status: fromLegend.status, from: 'legend' }
    : common
      ? { status: common.status, from: 'common' }
      : undefined;
  if (!status) ctx.log.warn(lineOf(item), `checkbox marker ${checkbox} is not in the document's legend: read as To Do`);
  return { checkbox, status: status ?? { status: 'pending', from: 'unknown' }, text: rest };
}

const hasSymbol = (item: ListItem, legend: Legend): boolean => {
  const para = firstParagraph(item);
  return para !== undefined && statusMark(nodeText(para), legend) !== undefined;
};

/** A list of tasks: a checkbox item, or an item that carries a status symbol. */
export function isTaskList(list: List, ctx: Pick<ListContext, 'legend'>): boolean {
  return list.children.some((item) => item.checked === true || item.checked === false || CHECKBOX.test(nodeText(firstParagraph(item) ?? item).trim()) || hasSymbol(item, ctx.legend));
}

/** A line ending in " — `path` ...": the name before the dash and the Markdown after it, when the name stays. */
function trailingCode(raw: string, title: string): { title: string; evidence: string } | undefined {
  const m = /\s[—–]\s+(`[^`]+`.*)$/.exec(raw);
  if (!m) return undefined;
  const plain = m[1].replace(/`/g, '').replace(/\*\*/g, '').trim();
  const cut = title.lastIndexOf(` — ${plain}`) >= 0 ? title.lastIndexOf(` — ${plain}`) : title.lastIndexOf(` – ${plain}`);
  if (cut <= 0) return undefined;
  return { title: title.slice(0, cut).trim(), evidence: m[1].trim() };
}

export function readTaskList(list: List, ctx: ListContext, parentId?: string): PlanTask[] {
  const tasks: PlanTask[] = [];
  const checkboxes = list.children.some((i) => i.checked === true || i.checked === false || CHECKBOX.test(nodeText(firstParagraph(i) ?? i).trim()));
  for (const item of list.children) {
    const line = lineOf(item);
    const marker = markerOf(item, ctx);
    if (!marker && checkboxes && !hasSymbol(item, ctx.legend)) {
      ctx.log.info(line, 'list item without a checkbox in a task list: kept out of the tasks');
      continue;
    }
    // A list without checkboxes is a task list because some items carry a status symbol ("- ✅ Login
    // API"); an item without one is a statement beside them ("- ⚠️ **Theming**: needs re-verification").
    if (!checkboxes && !hasSymbol(item, ctx.legend)) {
      ctx.log.info(line, 'list item without a status symbol among items with one: kept out of the tasks');
      continue;
    }
    const para = firstParagraph(item);
    const parsed = parseItemText(marker?.text ?? (para ? nodeText(para) : ''), ctx.legend, { plainNumber: true });
    if (!parsed.title) {
      ctx.log.info(line, 'checkbox without a task name: skipped');
      continue;
    }
    const subLists = item.children.filter((c): c is List => c.type === 'list' && isTaskList(c, ctx));
    const rest: Nodes[] = item.children.filter((c) => c !== para && !subLists.includes(c as List));
    const detail = readDetails(rest);
    const firstLines = para ? rawOf(para).split('\n').slice(1).join('\n').trim() : '';
    const description = [firstLines, detail.description].filter(Boolean).join('\n\n') || undefined;
    // A ticked box is done; an empty one says less than an emoji beside it or a "## In Progress" above it.
    const ticked = marker?.checkbox === '[x]' || marker?.checkbox === '[X]';
    let status = ticked ? marker.status : (parsed.status ?? (marker?.checkbox === '[ ]' ? (ctx.sectionStatus ?? marker.status) : marker?.status));
    const field = detail.fields.get('status');
    if (!status && field) status = resolveStatus(ctx.legend, field.value, field.line, ctx.log);
    status ??= ctx.sectionStatus ?? { status: 'pending', from: 'none' };
    const est = detail.fields.get('estimate');
    const estHours = est ? parseHours(est.value) : undefined;
    if (est && Number.isNaN(estHours)) ctx.log.warn(est.line, `estimate "${est.value}" is not a duration: left out`);
    const id = parsed.id ?? ctx.deriveId(parsed.title, parentId);
    // "Remote state backend (S3 + DynamoDB lock) — `terraform/bootstrap/`": the code after the dash is
    // where the work is, not part of its name (the id stays the one the whole line gave).
    const where = para ? trailingCode(rawOf(para).split('\n')[0], parsed.title) : undefined;
    tasks.push({
      id,
      explicitId: parsed.id !== undefined,
      title: where?.title ?? parsed.title,
      status: status.status,
      statusFrom: status.from,
      owner: parsed.owner ?? ownerOf(detail.fields.get('owner')?.value),
      estimate: parsed.estimate ?? (estHours !== undefined && !Number.isNaN(estHours) ? estHours : undefined),
      complexity: detail.fields.get('complexity')?.value || undefined,
      evidence: detail.fields.get('evidence')?.value || where?.evidence || undefined,
      description,
      tags: ctx.tags,
      parentId,
      line,
    });
    for (const sub of subLists) tasks.push(...readTaskList(sub, ctx, id));
  }
  return tasks;
}
