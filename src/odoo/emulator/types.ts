import type { FieldInfo } from '../types.js';

export type EmulatorVersion = 16 | 17 | 18 | 19;

/** A field definition as `fields_get` returns it (string, type, relation, required, ...). */
export type EmulatorField = FieldInfo;

/** One model of a seed: its label (`Project`), its fields, and optional defaults on create. */
export interface SeedModel {
  /** Human label used in error messages, e.g. 'Project' for project.project. */
  description?: string;
  fields: Record<string, EmulatorField>;
  /** Values applied on create when a field is not given. */
  defaults?: Record<string, unknown>;
  /** Field used as display name (default: 'name', else 'x_name', else `model,id`). */
  recName?: string;
  /** Default order of search results, Odoo syntax ('sequence, id'); default 'id'. */
  order?: string;
  /** SQL-style unique constraints, with the message Odoo shows when one is violated. */
  unique?: { fields: string[]; message: string }[];
  /** Inherits mail.thread (tracking): on 19, write() on a deleted id raises MissingError. */
  mailThread?: boolean;
}

/**
 * Everything the emulator serves.
 * - `models`: model name -> definition (fields as fields_get returns them).
 * - `records`: model name -> rows. Each row has an `id`; many2one values are an id, `false`, or
 *   Odoo's read shape `[id, name]`; x2many values are id lists.
 * - `xmlids`: ir.model.data rows (module, name) -> (model, res_id); also readable as the
 *   `ir.model.data` model.
 */
export interface SeedData {
  models: Record<string, SeedModel>;
  records: Record<string, Record<string, unknown>[]>;
  xmlids: { module: string; name: string; model: string; res_id: number; noupdate?: boolean }[];
}

export type FaultMode = 'http500' | 'html' | 'drop' | 'slow' | 'proxy502';

/**
 * Fault injection. With `failAfter: N`, requests after N successful ones (counted from when the
 * plan is set) fail in `mode` (default 'http500'); `once` makes only the first such request
 * fail. Modes: 'http500' (HTML 500 page), 'html' (200 with an HTML page), 'drop' (connection
 * closed without an answer), 'slow' (answered after `slowMs`, default 30 s, so a client's
 * timeout fires), 'proxy502' (nginx's 502 page). `latencyMs` delays every answer.
 */
export interface FaultPlan {
  failAfter?: number;
  mode?: FaultMode;
  slowMs?: number;
  latencyMs?: number;
  once?: boolean;
}

export interface EmulatorOptions {
  /** Odoo major version to emulate (default 17). */
  version?: EmulatorVersion;
  /**
   * 'demo' (default), 'empty', 'studio-data' (the demo with x_equipment fields of every type Studio
   * makes, for records carried as data) or a SeedData built with demoSeed()/emptySeed().
   */
  seed?: 'demo' | 'empty' | 'studio-data' | SeedData;
  /** Database name (default 'demo'). */
  db?: string;
  /** Port on 127.0.0.1 (default 0: random). */
  port?: number;
  /** Installed module names (default: the demo's list; knowledge not installed). */
  modules?: string[];
  latencyMs?: number;
  faults?: FaultPlan;
  /** Load the store from this JSON file when it exists; save after every write, atomically. */
  statePath?: string;
  /** Clock for create_date / write_date (default: the system clock). */
  now?: () => Date;
  /** Per login: a password and/or API key instead of the seed's (secret canaries in tests). */
  credentials?: Record<string, { password?: string; apiKey?: string }>;
}

export interface EmulatorUser {
  uid: number;
  login: string;
  password: string;
  apiKey: string;
}

export interface EmulatorStats {
  requests: number;
  byMethod: Record<string, number>;
  /** Warnings a real server of this version writes to its log for these requests (deprecations). */
  warnings: string[];
}

/** The next `times` calls of `method` fail as a serialization failure (rolled back, nothing written). */
export interface ConflictPlan {
  method: string;
  times: number;
}
