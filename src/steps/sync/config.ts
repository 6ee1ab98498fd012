/** The [sync] table of odoo-project-sync.toml, validated; errors name the key. */
import * as z from '../../state/zod-mini.js';
import { err, ok, type Result } from '../../core/result.js';
import { UserError } from '../../core/user-error.js';
import { idPart } from './parse/text.js';

import { CONFIG_FILE } from '../types.js';

const XMLID_NS = /^[a-z][a-z0-9_]{1,62}$/;

// zod's small build: this runs on every sync, a re-sync with nothing changed included.
const SyncSection = z.strictObject({
  project_name: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))),
  xmlid_namespace: z.optional(z.string().check(z.regex(XMLID_NS, 'lowercase letters, digits and _, starting with a letter'))),
  notify: z._default(z.boolean(), false),
  archive_removed: z._default(z.boolean(), false),
  plan_file: z.optional(z.string().check(z.minLength(1))),
  /** Tasks per load() call. */
  batch_size: z._default(z.int().check(z.minimum(1), z.maximum(5000)), 500),
});

export interface SyncConfig {
  projectName?: string;
  xmlidNamespace?: string;
  notify: boolean;
  archiveRemoved: boolean;
  planFile?: string;
  batchSize: number;
}

export function readSyncConfig(sections: Readonly<Record<string, unknown>>): Result<SyncConfig, UserError> {
  const raw = sections.sync ?? {};
  const r = SyncSection.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0];
    const key = ['sync', ...issue.path.map(String)].join('.');
    const unknown = issue.code === 'unrecognized_keys' ? ` (${issue.keys.join(', ')})` : '';
    return err(
      new UserError('config', `Invalid [sync] setting ${key}: ${issue.message}${unknown}.`, {
        where: { file: CONFIG_FILE, field: key },
        hint: 'Known keys: project_name, xmlid_namespace, notify, archive_removed, plan_file, batch_size.',
      }),
    );
  }
  const v = r.data;
  return ok({
    projectName: v.project_name,
    xmlidNamespace: v.xmlid_namespace,
    notify: v.notify,
    archiveRemoved: v.archive_removed,
    planFile: v.plan_file,
    batchSize: v.batch_size,
  });
}

/** `ops_<slug of the project name>`, short enough for an ir.model.data module name. */
export function defaultNamespace(projectName: string): string {
  return `ops_${idPart(projectName, 40)}`;
}

/** Refuses namespaces that belong to Odoo or to Studio: our external ids must be our own. */
export function checkNamespace(ns: string, installedModules: ReadonlySet<string>): Result<string, UserError> {
  const where = { file: CONFIG_FILE, field: 'sync.xmlid_namespace' };
  if (!XMLID_NS.test(ns)) {
    return err(
      new UserError('config', `External-id namespace "${ns}" is not a valid module name.`, {
        where,
        hint: 'Use lowercase letters, digits and _, starting with a letter, e.g. ops_my_project.',
      }),
    );
  }
  if (ns === 'studio_customization' || ns === '__import__' || ns === 'base' || installedModules.has(ns)) {
    return err(
      new UserError('config', `External-id namespace "${ns}" belongs to ${ns === 'studio_customization' ? 'Odoo Studio' : 'an installed module'}.`, {
        where,
        hint: 'Choose a namespace of the project\'s own, e.g. ops_<project>; syncing into a module\'s namespace would change its records.',
      }),
    );
  }
  return ok(ns);
}
