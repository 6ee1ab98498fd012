import { OdooError } from './errors.js';
import type { CallOptions, Capabilities, OdooClient, VersionProfile } from './types.js';

const MODULES = ['project', 'knowledge', 'document_page', 'base_automation'] as const;

/** Asks the server once what is installed and what this user may do (4 round trips). */
export async function probeCapabilities(client: OdooClient, profile: VersionProfile, opts: CallOptions): Promise<Capabilities> {
  const installed = await installedModules(client, profile, opts);
  const canReadAccessRights = await canRead(client, 'ir.model.access', opts);
  const canReadRules = await canRead(client, 'ir.rule', opts);
  const canWriteProjects = installed.has('project') && (await mayWrite(client, profile, 'project.project', opts));
  return {
    milestones: profile.hasMilestones && installed.has('project'),
    knowledge: installed.has('knowledge'),
    documentPage: installed.has('document_page'),
    baseAutomation: installed.has('base_automation'),
    canReadAccessRights,
    canReadRules,
    canWriteProjects,
  };
}

/** A model each module brings: asked about when the user may not read ir.module.module. */
const MODEL_OF: Record<(typeof MODULES)[number], string> = {
  project: 'project.project',
  knowledge: 'knowledge.article',
  document_page: 'document.page',
  base_automation: 'base.automation',
};

async function installedModules(client: OdooClient, profile: VersionProfile, opts: CallOptions): Promise<Set<string>> {
  try {
    const rows = await client.searchRead<{ id: number; name: string }>(
      'ir.module.module',
      [
        ['state', '=', 'installed'],
        ['name', 'in', [...MODULES]],
      ],
      { ...opts, fields: ['name'] },
    );
    return new Set(rows.map((r) => r.name));
  } catch (e) {
    // Portal and other restricted users may not read the module list: a module is then installed
    // when the server knows its model.
    if (!(e instanceof OdooError && e.kind === 'access')) throw e;
    const found = await Promise.all(MODULES.map(async (m) => ((await modelExists(client, profile, MODEL_OF[m], opts)) ? [m] : [])));
    return new Set(found.flat());
  }
}

async function modelExists(client: OdooClient, profile: VersionProfile, model: string, opts: CallOptions): Promise<boolean> {
  try {
    await mayDo(client, profile, model, 'read', opts);
    return true;
  } catch (e) {
    if (!(e instanceof OdooError)) throw e;
    if (e.kind === 'unknown-model') return false;
    if (e.kind === 'access' || e.kind === 'not-found') return e.kind === 'access';
    throw e;
  }
}

/** A probing read: an access error means "no", anything else is a real failure. */
async function canRead(client: OdooClient, model: string, opts: CallOptions): Promise<boolean> {
  try {
    await client.searchRead(model, [], { ...opts, fields: ['id'], limit: 1 });
    return true;
  } catch (e) {
    if (e instanceof OdooError && e.kind === 'access') return false;
    throw e;
  }
}

/** The call each version expects (VersionProfile.accessCheck); never raises for a plain "no". */
function mayDo(client: OdooClient, profile: VersionProfile, model: string, op: 'read' | 'write', opts: CallOptions): Promise<unknown> {
  return profile.accessCheck === 'has_access'
    ? client.call(model, 'has_access', [[], op], {}, opts)
    : client.call(model, 'check_access_rights', [op], { raise_exception: false }, opts);
}

async function mayWrite(client: OdooClient, profile: VersionProfile, model: string, opts: CallOptions): Promise<boolean> {
  try {
    return Boolean(await mayDo(client, profile, model, 'write', opts));
  } catch (e) {
    if (e instanceof OdooError && e.kind === 'access') return false;
    throw e;
  }
}
