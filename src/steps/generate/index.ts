/** Step 3: the approved module_model_map.toml + extract.json -> installable modules in modules/. */
import { err, ok, type Result } from '../../core/result.js';
import { UserError } from '../../core/user-error.js';
import { decodeUtf8 } from '../../core/utf8.js';
import { loadPython } from '../../analysis/py-parser.js';
import { loadExtract } from '../extract/load.js';
import { allRecords, type ExtractDoc } from '../extract/schema.js';
import { checkMap } from '../module-map/validate.js';
import { ARTIFACTS, type StepEngine } from '../types.js';
import { planModules, type ModulePlan } from './plan.js';
import { isModelName, isPyIdent } from './py.js';
import { writeFiles } from './write.js';

export { planModules } from './plan.js';
export { pyStr } from './py.js';
export { xmlAttr, xmlText, reemitArch } from './xml.js';

const SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

/** modules/<module>/<rel>, refused when any part could leave the output folder. */
export function outputPath(module: string, rel: string): Result<string, UserError> {
  const parts = [module, ...rel.split('/')];
  const bad = parts.find((p) => !SEGMENT.test(p) || p === '.' || p === '..' || p.includes('..'));
  if (bad !== undefined) {
    return err(new UserError('input', `generated path "${ARTIFACTS.modules}/${module}/${rel}" would leave the modules folder (bad part "${bad}")`, {
      where: { file: ARTIFACTS.moduleMap, field: `modules.${module}` }, hint: 'rename the module or model so that it is a plain identifier',
    }));
  }
  return ok(`${ARTIFACTS.modules}/${parts.join('/')}`);
}

/** Names in extract.json that would become code or paths must be identifiers; the error names the line. */
export function checkNames(extract: ExtractDoc, text: string): Result<void, UserError> {
  for (const r of allRecords(extract)) {
    const model = r.model;
    const name = 'ttype' in r ? r.name : undefined;
    const badModel = model !== '' && !isModelName(model);
    const badField = name !== undefined && !isPyIdent(name);
    if (!badModel && !badField) continue;
    const what = badModel ? `model name "${model}"` : `field name "${String(name)}"`;
    const needle = JSON.stringify(badModel ? model : name);
    const i = text.indexOf(needle);
    const before = text.slice(0, Math.max(0, i));
    return err(new UserError('input', `extract.json: ${what} of ${r.key} is not a valid Odoo name; generating it could write code or files outside modules/`, {
      where: i < 0 ? { file: ARTIFACTS.extract, field: r.key } : { file: ARTIFACTS.extract, line: before.split('\n').length, column: i - before.lastIndexOf('\n') },
      hint: 'exclude it in module_model_map.toml ([excluded] items) or fix the name in the database and extract again',
    }));
  }
  return ok(undefined);
}

export const generateStep: StepEngine = {
  id: 'generate',
  inputs: [ARTIFACTS.extract, ARTIFACTS.moduleMap],
  async run(ctx) {
    const loaded = await loadExtract(ctx.artifacts);
    if (!loaded.ok) return loaded;
    const extract = loaded.value;
    const mapBytes = await ctx.artifacts.readBytes(ARTIFACTS.moduleMap);
    if (mapBytes === undefined) {
      return err(new UserError('input', 'module_model_map.toml is missing', { where: { file: ARTIFACTS.moduleMap }, hint: 'run extract, then review and approve the module map' }));
    }
    // Not as U+FFFD into a manifest: a byte that is not UTF-8 is refused where it is.
    const decoded = decodeUtf8(mapBytes, ARTIFACTS.moduleMap);
    if (!decoded.ok) return decoded;
    const mapText = decoded.value;
    const check = checkMap(mapText, extract);
    const first = check.diagnostics.find((d) => d.severity === 'error');
    if (first || !check.map) {
      return err(new UserError('input', first?.message ?? 'module_model_map.toml cannot be read', {
        where: { file: ARTIFACTS.moduleMap, line: first?.line, column: first?.column }, hint: 'fix it in the map review, approve it, then generate again',
      }));
    }
    const extractText = (await ctx.artifacts.read(ARTIFACTS.extract)) ?? '';
    const excluded = new Set(check.map.excluded);
    const named = checkNames({ ...extract, models: extract.models.filter((m) => !excluded.has(m.model)), fields: extract.fields.filter((f) => !excluded.has(f.key) && !excluded.has(f.model)) }, extractText);
    if (!named.ok) return named;
    const extractHash = (await ctx.artifacts.hash(ARTIFACTS.extract)) ?? '';
    ctx.progress({ activity: 'generating modules' });
    // Studio compute code is checked with the Python parser before it becomes a method body.
    await loadPython();
    let plans: ModulePlan[];
    try {
      plans = planModules(extract, check.map, extractHash);
    } catch (e) {
      if (e instanceof UserError) return err(e);
      throw e;
    }
    const files = new Map<string, string>();
    for (const p of plans) {
      for (const [rel, content] of p.files) {
        const path = outputPath(p.name, rel);
        if (!path.ok) return path;
        files.set(path.value, content);
      }
    }
    const report = await writeFiles(ctx, files);
    if (ctx.signal.aborted) return err(new UserError('cancelled', 'generate cancelled'));
    const warnings = [
      ...plans.flatMap((p) => p.warnings),
      ...report.keptUser.map((f) => `${f}: changed by hand, kept (the generated version is in ${f}.generated when it differs)`),
      ...report.orphaned.map((f) => `${f}: no longer generated, but changed by hand, so kept; delete it yourself if the module no longer needs it`),
    ];
    return ok({
      summary: `${plans.length} modules, ${files.size} files (${report.written.length} written, ${report.unchanged.length} unchanged, ${report.keptUser.length} kept${report.removed.length > 0 ? `, ${report.removed.length} old files removed` : ''})`,
      outputs: { [ARTIFACTS.modules]: (await ctx.artifacts.hash(ARTIFACTS.modules)) ?? '' },
      warnings,
      report: plans.map((p) => `${p.name}: ${[...p.files.keys()].join(', ')}`).join('\n'),
    });
  },
};
