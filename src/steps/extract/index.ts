/** Step 1: read the Studio customizations of a database into extract.json and propose the module map. */
import { err, ok } from '../../core/result.js';
import { UserError } from '../../core/user-error.js';
import { proposalWarnings, writeProposal } from '../../review/proposal.js';
import { renderMap } from '../module-map/proposal.js';
import { ARTIFACTS, type StepEngine } from '../types.js';
import { classify } from './classify.js';
import { renderExtract } from './load.js';
import { readDatabase } from './read.js';

export { parseExtract, loadExtract, renderExtract } from './load.js';
export type { ExtractDoc } from './schema.js';

export const extractStep: StepEngine = {
  id: 'extract',
  inputs: [],
  async run(ctx) {
    if (ctx.config.source !== 'database') {
      return err(new UserError('config', 'extract reads a database, but this workspace is set up for source code', {
        where: { file: 'odoo-project-sync.toml', field: 'source' }, hint: 'set source = "database" and a [connection], or use the source-code steps',
      }));
    }
    try {
      const client = await ctx.connect();
      const version = await client.version({ signal: ctx.signal });
      const raw = await readDatabase(client, {
        signal: ctx.signal,
        progress: (activity, done, total) => ctx.progress({ activity, done, total }),
      });
      ctx.progress({ activity: 'classifying' });
      const doc = classify(raw, client.profile, {
        url: client.url, database: client.db, serverVersion: version.serverVersion, transport: client.transport,
      });
      const extractHash = await ctx.artifacts.write(ARTIFACTS.extract, renderExtract(doc));
      const proposal = await writeProposal(ctx.artifacts, ARTIFACTS.moduleMap, renderMap(doc));
      const warnings = [
        ...doc.notes,
        ...doc.warnings.map((w) => (w.key ? `${w.key}: ${w.message}` : w.message)),
        ...proposalWarnings(ARTIFACTS.moduleMap, proposal),
      ];
      const partial = doc.notes.length > 0 ? ' (partial: see notes)' : '';
      return ok({
        summary: `${doc.models.length} models, ${doc.fields.length} fields, ${doc.views.length} views, ${others(doc)}${doc.translations.length} translated labels, ${doc.excluded.length} left out${partial}`,
        outputs: { [ARTIFACTS.extract]: extractHash, [ARTIFACTS.moduleMap]: proposal.hash },
        warnings,
        report: report(doc, proposal.kind),
      });
    } catch (e) {
      if (e instanceof UserError) return err(e);
      throw e;
    }
  },
};

/** "1 reports, 3 saved filters, " for the kinds that have records. */
function others(doc: import('./schema.js').ExtractDoc): string {
  const parts: [number, string][] = [
    [doc.reports.length, 'reports'], [doc.filters.length, 'saved filters'], [doc.mailTemplates.length, 'mail templates'],
    [doc.crons.length, 'scheduled actions'], [doc.sequences.length, 'sequences'],
  ];
  return parts.filter(([n]) => n > 0).map(([n, what]) => `${n} ${what}, `).join('');
}

function report(doc: import('./schema.js').ExtractDoc, proposal: string): string {
  const lines = [
    `Odoo ${doc.source.serverVersion} at ${doc.source.url} (database ${doc.source.database})`,
    `custom models: ${doc.models.map((m) => m.model).join(', ') || 'none'}`,
    `customized existing models: ${doc.extendedModels.map((m) => m.model).join(', ') || 'none'}`,
    `fields ${doc.fields.length}, views ${doc.views.length}, actions ${doc.actions.length}, menus ${doc.menus.length}, server actions ${doc.serverActions.length}, automations ${doc.automations.length}, access ${doc.access.length}, rules ${doc.rules.length}, defaults ${doc.defaults.length}`,
    `reports ${doc.reports.length}, saved filters ${doc.filters.length}, mail templates ${doc.mailTemplates.length}, scheduled actions ${doc.crons.length}, sequences ${doc.sequences.length}`,
    `translations ${doc.translations.length} in ${doc.languages.map((l) => l.code).join(', ') || 'no language but English'}`,
    `records of custom models (data = true in the map carries them): ${doc.data.map((d) => `${d.model} ${d.total}${d.total > d.rows.length ? ' (too many to carry as data)' : ''}`).join(', ') || 'none'}`,
    `module_model_map.toml: ${proposal}`,
  ];
  for (const x of doc.excluded) lines.push(`left out ${x.key}: ${x.reason}`);
  for (const n of doc.notes) lines.push(`note: ${n}`);
  return lines.join('\n');
}
