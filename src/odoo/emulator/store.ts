import type { Domain } from '../types.js';
import { compileDomain } from './domain.js';
import type { SeedData, SeedModel } from './types.js';

/** A stored row: many2one as id|false, x2many as id lists, scalars as Odoo returns them. */
export type Row = Record<string, unknown> & { id: number };

interface ModelState {
  readonly name: string;
  readonly def: SeedModel;
  readonly rows: Map<number, Row>;
  nextId: number;
}

export interface XmlidTarget {
  model: string;
  res_id: number;
}

/**
 * The emulator's in-memory database: models, rows indexed by id, and an index of external ids
 * over the `ir.model.data` rows. Tests use it directly for assertions.
 */
export class EmulatorStore {
  private readonly models = new Map<string, ModelState>();
  private readonly xmlidIndex = new Map<string, number>();
  /** Undo steps of the running call; undefined outside a call (direct store use). */
  private journal: (() => void)[] | undefined;

  constructor(seed: SeedData) {
    for (const [name, def] of Object.entries(seed.models)) this.defineModel(name, def);
    for (const [model, rows] of Object.entries(seed.records)) {
      const state = this.models.get(model);
      if (!state) throw new Error(`seed has records for undefined model ${model}`);
      for (const raw of rows) this.insertRaw(model, raw);
    }
    for (const state of this.models.values()) {
      for (const row of state.rows.values()) this.normalizeRow(state.def, row);
    }
    for (const x of seed.xmlids) this.addXmlid(x.module, x.name, x.model, x.res_id, x.noupdate ?? false);
  }

  defineModel(name: string, def: SeedModel): void {
    if (!this.models.has(name)) this.models.set(name, { name, def, rows: new Map(), nextId: 1 });
  }

  hasModel(model: string): boolean {
    return this.models.has(model);
  }

  modelNames(): string[] {
    return [...this.models.keys()];
  }

  def(model: string): SeedModel {
    return this.state(model).def;
  }

  /** Ids of the rows matching `domain`, in id order. */
  search(model: string, domain: Domain = []): number[] {
    const match = compileDomain(this, model, domain);
    const out: number[] = [];
    for (const row of this.state(model).rows.values()) if (match(row)) out.push(row.id);
    return out;
  }

  /** Raw rows (many2one as ids) for the ids that exist, in the order asked. */
  read(model: string, ids: readonly number[]): Row[] {
    const rows = this.state(model).rows;
    const out: Row[] = [];
    for (const id of ids) {
      const r = rows.get(id);
      if (r) out.push(r);
    }
    return out;
  }

  get(model: string, id: number): Row | undefined {
    return this.models.get(model)?.rows.get(id);
  }

  all(model: string): Row[] {
    return [...this.state(model).rows.values()];
  }

  count(model: string): number {
    return this.state(model).rows.size;
  }

  /** The record an external id ('module.name') points to, or undefined. */
  xmlid(complete: string): XmlidTarget | undefined {
    const imdId = this.xmlidIndex.get(complete);
    const row = imdId === undefined ? undefined : this.get('ir.model.data', imdId);
    return row ? { model: String(row.model), res_id: Number(row.res_id) } : undefined;
  }

  /** Creates or repoints an external id; returns the ir.model.data id. */
  addXmlid(module: string, name: string, model: string, resId: number, noupdate = false): number {
    const complete = `${module}.${name}`;
    const existing = this.xmlidIndex.get(complete);
    if (existing !== undefined && this.get('ir.model.data', existing)) {
      this.update('ir.model.data', existing, { model, res_id: resId });
      return existing;
    }
    return this.insertRaw('ir.model.data', { module, name, model, res_id: resId, noupdate, complete_name: complete });
  }

  /** Starts journaling: every change until commit() can be undone, like a transaction. */
  begin(): void {
    this.journal = [];
  }

  commit(): void {
    this.journal = undefined;
  }

  /** A savepoint inside the running call. */
  mark(): number {
    return this.journal?.length ?? 0;
  }

  /** Undoes the changes made since `mark` (default: since begin()). */
  rollbackTo(mark = 0): void {
    const j = this.journal;
    if (!j) return;
    this.journal = undefined;
    while (j.length > mark) (j.pop() as () => void)();
    this.journal = j;
  }

  /** Inserts a row as is (id taken from the row when given); returns its id. */
  insertRaw(model: string, values: Record<string, unknown>): number {
    const state = this.state(model);
    const id = typeof values.id === 'number' ? values.id : state.nextId;
    const previous = state.rows.get(id);
    const nextId = state.nextId;
    if (previous && model === 'ir.model.data') this.xmlidIndex.delete(`${previous.module}.${previous.name}`);
    state.nextId = Math.max(state.nextId, id + 1);
    state.rows.set(id, { ...values, id });
    if (model === 'ir.model.data') this.indexXmlid(id);
    this.journal?.push(() => {
      this.remove(model, id);
      if (previous) this.insertRaw(model, previous);
      state.nextId = nextId;
    });
    return id;
  }

  update(model: string, id: number, values: Record<string, unknown>): void {
    const row = this.state(model).rows.get(id);
    if (!row) return;
    const before = { ...row };
    if (model === 'ir.model.data') this.xmlidIndex.delete(`${row.module}.${row.name}`);
    Object.assign(row, values, { id });
    if (model === 'ir.model.data') this.indexXmlid(id);
    this.journal?.push(() => this.insertRaw(model, before));
  }

  remove(model: string, id: number): boolean {
    const state = this.state(model);
    const row = state.rows.get(id);
    if (!row) return false;
    state.rows.delete(id);
    if (model === 'ir.model.data') this.xmlidIndex.delete(`${row.module}.${row.name}`);
    this.journal?.push(() => this.insertRaw(model, row));
    return true;
  }

  /** Plain data for persistence. */
  snapshot(): { models: Record<string, { nextId: number; rows: Row[] }> } {
    const models: Record<string, { nextId: number; rows: Row[] }> = {};
    for (const s of this.models.values()) models[s.name] = { nextId: s.nextId, rows: [...s.rows.values()] };
    return { models };
  }

  /** Replaces the rows of every model named in the snapshot. */
  restore(snap: { models: Record<string, { nextId: number; rows: Row[] }> }): void {
    this.xmlidIndex.clear();
    for (const [name, data] of Object.entries(snap.models)) {
      const state = this.models.get(name);
      if (!state) continue;
      state.rows.clear();
      for (const r of data.rows) state.rows.set(r.id, r);
      state.nextId = data.nextId;
    }
    for (const id of this.models.get('ir.model.data')?.rows.keys() ?? []) this.indexXmlid(id);
  }

  /**
   * Seed rows may carry read-shaped many2one values ([id, name]): keep the id when the target is
   * in the store, and the pair when it is not (so read() still shows the recorded name).
   */
  private normalizeRow(def: SeedModel, row: Row): void {
    for (const [k, v] of Object.entries(row)) {
      const f = def.fields[k];
      if (f?.type !== 'many2one') continue;
      if (v === null || v === undefined) row[k] = false;
      else if (Array.isArray(v) && f.relation && this.get(f.relation, Number(v[0]))) row[k] = v[0];
    }
  }

  private indexXmlid(id: number): void {
    const row = this.get('ir.model.data', id);
    if (row) this.xmlidIndex.set(`${row.module}.${row.name}`, id);
  }

  private state(model: string): ModelState {
    const s = this.models.get(model);
    if (!s) throw new Error(`unknown model ${model}`);
    return s;
  }
}

