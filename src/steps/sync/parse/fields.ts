/**
 * "Key: value" lines that say something about a task, in a heading task's body or under a
 * checklist item: "Status: Done", "- **Owner:** Ana", "**Estimate:** 3h", "**Files:** `src/x.ts`",
 * "**状态：TODO**", "**파일:** ...", "- ID: `crm.setup`". One line at a time; the keys come in several languages.
 */
export type FieldKey = 'id' | 'status' | 'owner' | 'estimate' | 'complexity' | 'evidence';

const KEYS: readonly [RegExp, FieldKey][] = [
  [/^(id|task id|ticket id)$/i, 'id'],
  [/^(status|state|stage|progress|statut|estado|stato|статус|状态|狀態|状態|ステータス|상태)$/i, 'status'],
  [/^(owner|owners|assignee|assigned to|assigned|responsible|lead|verantwortlich|responsable|负责人|負責人|担当|担当者|담당|담당자)$/i, 'owner'],
  [/^(estimate|estimated|estimation|estimated time|est\.?|est\.? time|effort|time estimate|duration|hours|aufwand|schätzung|estimación|工数|估算|工时|見積もり|예상 시간|견적)$/i, 'estimate'],
  [/^(complexity|size)$/i, 'complexity'],
  [/^(evidence|proof|files?|changed files|touched files|dateien|fichiers|archivos|ファイル|文件|파일)$/i, 'evidence'],
];

export interface FieldLine {
  key: FieldKey;
  value: string;
}

/** The field a line states, if it is one ("- **Files:** `a.ts`" -> evidence "`a.ts`"). */
export function fieldOf(line: string): FieldLine | undefined {
  // Bold markup goes; "__" only around the key, where it is markup ("__tests__/x.ts" keeps its own).
  const t = line.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '').replace(/\*\*/g, '').replace(/^__([^_]+)__/, '$1').trim();
  const m = /^([^:：]{1,24}?)\s*[:：]\s*(.*)$/.exec(t);
  if (!m) return undefined;
  const key = KEYS.find(([re]) => re.test(m[1].trim()))?.[1];
  // "Progress: 46% complete (13/28 tasks done)" measures, it names no status.
  if (key === 'status' && /^\d+(?:[.,]\d+)?\s*%/.test(m[2].trim())) return undefined;
  return key ? { key, value: m[2].trim() } : undefined;
}
