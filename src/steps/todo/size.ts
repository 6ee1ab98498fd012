/**
 * Size drivers -> likely hours, one function per kind of work. Each artefact counts once: a
 * feature counts its own fields, views, Python and stories; the module counts its set-up
 * (access rights, groups, menus), its web assets (JS, SCSS, QWeb templates of the asset bundles)
 * and the Python that no model holds (controllers, hooks).
 */
import type { ModuleAnalysis } from '../../analysis/types.js';
import type { FeatureMetrics } from '../feature-map/types.js';
import type { EstimateModel } from './estimate.js';
import { complexityFactor, sumWork, type Work } from './three-point.js';

/** Kinds that are a part of a business object (a button, a rule), not a function of their own. */
const PART_KINDS = new Set(['action', 'constraint']);

export interface FeatureSize {
  kind: string;
  metrics: FeatureMetrics;
  stories: number;
  criteria: number;
}

export function featureBuild(f: FeatureSize, model: EstimateModel): Work {
  const m = f.metrics;
  const base = PART_KINDS.has(f.kind) ? model.feature_base / 4 : model.feature_base;
  // An app feature's own lines are the module's JS/SCSS, which the module's web assets task counts.
  const python = f.kind === 'app' ? 0 : m.loc;
  const cf = complexityFactor(m.complexity, m.methods, model);
  return sumWork(
    base,
    PART_KINDS.has(f.kind) ? 'base (a part of a business object)' : 'base',
    [
      { count: f.stories, name: 'stories', rate: model.story },
      { count: f.criteria, name: 'acceptance criteria', rate: model.criterion },
      { count: m.fields, name: 'fields', rate: model.field },
      { count: m.views, name: 'views', rate: model.view },
      { count: m.xpaths, name: 'xpaths', rate: model.xpath },
      { count: m.reports, name: 'reports', rate: model.report },
      { count: python, name: 'lines of Python', rate: model.python_line, code: true },
      { count: m.methods, name: 'methods', rate: model.method },
      { count: m.dependencies, name: 'dependencies', rate: model.dependency },
    ],
    model,
    cf.factor,
    cf.note,
  );
}

export function moduleSetup(m: ModuleAnalysis, model: EstimateModel): Work {
  return sumWork(
    model.setup_base,
    'base (manifest, install, data files)',
    [
      { count: m.access.length, name: 'access rules', rate: model.access_rule },
      { count: m.groups.length, name: 'groups', rate: model.group },
      { count: m.rules.length, name: 'record rules', rate: model.access_rule * 2 },
      { count: m.menus.length, name: 'menus', rate: model.menu },
    ],
    model,
  );
}

/** JS and SCSS lines, QWeb template files of static/ (what the asset bundles load). */
export function webAssets(m: ModuleAnalysis, model: EstimateModel): Work | undefined {
  if (m.lines.js + m.lines.scss + m.assets.xml === 0) return undefined;
  return sumWork(
    0,
    '',
    [
      { count: m.lines.js, name: 'lines of JS', rate: model.js_line, code: true },
      { count: m.lines.scss, name: 'lines of SCSS', rate: model.scss_line, code: true },
      { count: m.assets.xml, name: 'QWeb template files', rate: model.qweb_file },
    ],
    model,
  );
}

/** Lines of Python outside model classes (controllers, hooks, helpers), the manifest excluded. */
export function otherPythonLines(m: ModuleAnalysis): number {
  const inClasses = m.models.reduce((s, c) => s + (c.endLine - c.line + 1), 0);
  const manifest = m.manifest.data.length + m.manifest.depends.length + 15;
  return Math.max(0, m.lines.python - inClasses - manifest);
}

export function otherPython(lines: number, model: EstimateModel): Work {
  return sumWork(0, '', [{ count: lines, name: 'lines of Python outside models', rate: model.python_line, code: true }], model);
}

export function moduleTests(build: number, model: EstimateModel): Work {
  return { likely: build * model.test_factor, how: `${model.test_factor} test factor × ${Math.round(build * 10) / 10} h of build work (likely)`, widen: 0 };
}

export function moduleAcceptance(build: number, model: EstimateModel): Work {
  return {
    likely: model.acceptance_base + build * model.acceptance_factor,
    how: `${model.acceptance_base} base + ${model.acceptance_factor} × ${Math.round(build * 10) / 10} h of build work (likely)`,
    widen: 0,
  };
}
