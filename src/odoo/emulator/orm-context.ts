import type { UserRole } from './access.js';
import type { EmulatorStore } from './store.js';

/** Who calls, on which emulated version, against which store. */
export interface CallContext {
  readonly store: EmulatorStore;
  readonly version: number;
  readonly uid: number;
  readonly role: UserRole;
  readonly now: () => Date;
  /** The call's Odoo context (kwargs.context or the JSON-2 `context` argument). */
  readonly context?: Record<string, unknown>;
}
