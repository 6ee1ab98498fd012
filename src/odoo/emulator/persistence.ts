import { existsSync, readFileSync, renameSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { EmulatorStore } from './store.js';

interface StateFile {
  format: 'odoo-emulator-state';
  formatVersion: 1;
  odooVersion: number;
  db: string;
  store: ReturnType<EmulatorStore['snapshot']>;
}

/**
 * Loads the store from `path` when the file exists and was written for the same Odoo version
 * and database. A file that cannot be read is kept aside (renamed *.corrupt) and the seed is used.
 */
export function loadState(store: EmulatorStore, path: string, odooVersion: number, db: string): boolean {
  if (!existsSync(path)) return false;
  let data: StateFile;
  try {
    data = JSON.parse(readFileSync(path, 'utf8')) as StateFile;
  } catch {
    renameSync(path, `${path}.corrupt`);
    return false;
  }
  if (data.format !== 'odoo-emulator-state' || data.odooVersion !== odooVersion || data.db !== db) return false;
  store.restore(data.store);
  return true;
}

/** Writes the whole store atomically: a temporary file, then a rename. */
export function saveState(store: EmulatorStore, path: string, odooVersion: number, db: string): void {
  const data: StateFile = { format: 'odoo-emulator-state', formatVersion: 1, odooVersion, db, store: store.snapshot() };
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, JSON.stringify(data));
  renameSync(tmp, path);
}
