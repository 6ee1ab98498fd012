/**
 * Size drivers -> likely hours, one function per kind of work. Each artefact counts once: a
 * feature counts its own fields, views, Python and stories; the module counts its set-up
 * (access rights, groups, menus), its web assets (JS, SCSS, QWeb templates of the asset bundles)
 * and the Python that no model holds (controllers, hooks).
 */
import type { ModuleFacts } from '../feature-map/module-facts.js';
import type { FeatureMetrics } from '../feature-map/types.js';
import type { EstimateModel } from './estimate.js';
import { complexityFactor, sumWork, type Work } from './three-point.js';

/**
 * Kinds that are a small part of a business object or of the module (a button, a rule, a
 * numbering, a cron of an older map), not a function of their own: a quarter of the base.
 */
const PART_KINDS = new Set(['action', 'constraint', 'cron', 'sequence']);

/** A module's front-end files by kind (what the asset bundles load). */
export interface AssetSize {
  js: number;
  scss: number;
  qweb: number;
}

export interface FeatureSize {
  kind: string;
  metrics: FeatureMetrics;
  stories: number;
  criteria: number;
  /** For a web client feature ('ui'): its lines by kind, counted at their own rates. */
  assets?: AssetSize;
}

export const assetSize = (m: ModuleFacts): AssetSize => m.assets;

export function featureBuild(f: FeatureSize, model: EstimateModel): Work {
  const m = f.metrics;
  const base = PART_KINDS.has(f.kind) ? model.feature_base / 4 : model.feature_base;
  // A web client feature's lines are JS, SCSS and QWeb, each at its own rate.
  const ui = f.kind === 'ui' && f.assets;
  const cf = complexityFactor(m.complexity, m.methods, model);
  return sumWork(
    base,
    PART_KINDS.has(f.kind) ? 'base (a part of a business object)' : 'base',
    [
      ...(ui ? assetTerms(ui, model) : []),
      { count: f.stories, name: 'stories', rate: model.story },
      { count: f.criteria, name: 'acceptance criteria', rate: model.criterion },
      { count: m.fields, name: 'fields', rate: model.field },
      { count: m.views, name: 'views', rate: model.view },
      { count: m.xpaths, name: 'xpaths', rate: model.xpath },
      { count: m.reports, name: 'reports', rate: model.report },
      { count: ui ? 0 : m.loc, name: 'lines of Python', rate: model.python_line, code: true },
      { count: m.methods, name: 'methods', rate: model.method },
      { count: m.dependencies, name: 'dependencies', rate: model.dependency },
    ],
    model,
    cf.factor,
    cf.note,
  );
}

function assetTerms(a: AssetSize, model: EstimateModel) {
  return [
    { count: a.js, name: 'lines of JS', rate: model.js_line, code: true },
    { count: a.scss, name: 'lines of SCSS', rate: model.scss_line, code: true },
    { count: a.qweb, name: 'QWeb template files', rate: model.qweb_file },
  ];
}

/**
 * Manifest, install and data files; the security and the menus too when no feature of the map
 * counts them (a map with a security or app feature does).
 */
export function moduleSetup(m: ModuleFacts, model: EstimateModel, counted: { security: boolean; menus: boolean }): Work {
  return sumWork(
    model.setup_base,
    'base (manifest, install, data files)',
    [
      ...(counted.security
        ? []
        : [
            { count: m.access, name: 'access rules', rate: model.access_rule },
            { count: m.groups, name: 'groups', rate: model.group },
            { count: m.rules, name: 'record rules', rate: model.access_rule * 2 },
          ]),
      ...(counted.menus ? [] : [{ count: m.menus, name: 'menus', rate: model.menu }]),
    ],
    model,
  );
}

/** The module's web assets, for a map that has no web client feature to hold them. */
export function webAssets(m: ModuleFacts, model: EstimateModel): Work | undefined {
  const a = assetSize(m);
  if (a.js + a.scss + a.qweb === 0) return undefined;
  return sumWork(0, '', assetTerms(a, model), model);
}

export function otherPython(lines: number, model: EstimateModel): Work {
  return sumWork(0, '', [{ count: lines, name: 'lines of Python outside models and controllers', rate: model.python_line, code: true }], model);
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
