/** Features and user stories as the feature map holds them, plus the metrics the ToDo needs. */
import type { Coverage } from './coverage.js';
import type { ModuleFacts } from './module-facts.js';

/** What the feature map proposes: units a consultant names. */
export const FEATURE_KINDS = [
  'app', 'model', 'lifecycle', 'extension', 'wizard', 'settings', 'route', 'automation', 'sequence', 'report', 'email',
  'ui', 'security', 'data',
] as const;
export type FeatureKind = (typeof FEATURE_KINDS)[number];
/** Kinds earlier versions wrote (one feature per button, cron or constraint); still read. */
export const LEGACY_KINDS = ['action', 'cron', 'constraint'] as const;

export const PRIORITIES = ['high', 'medium', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

export type ModuleOrigin = 'source' | 'database';

export interface Story {
  text: string;
  acceptance: readonly string[];
}

/** Size of what a feature consists of; the ToDo estimates from these. */
export interface FeatureMetrics {
  fields: number;
  views: number;
  xpaths: number;
  reports: number;
  /** Lines of Python (and QWeb for reports) behind the feature. */
  loc: number;
  methods: number;
  /** Sum of the cyclomatic complexity of the feature's methods. */
  complexity: number;
  /** Other models and modules the feature relies on. */
  dependencies: number;
}

export interface Feature {
  /** `<module>-<kind>-<technical name>`, slugged: stable across runs, never contains '.'. */
  id: string;
  module: string;
  kind: FeatureKind;
  title: string;
  roles: readonly string[];
  stories: readonly Story[];
  evidence: readonly string[];
  metrics: FeatureMetrics;
}

export interface ModuleInfo {
  name: string;
  title: string;
  summary?: string;
  depends: readonly string[];
  origin: ModuleOrigin;
  /** Module-level sizes the ToDo needs (absent in a cache written before they existed). */
  facts?: ModuleFacts;
}

export interface FeatureSet {
  modules: ModuleInfo[];
  features: Feature[];
  /** Tests found beside the code: reported, never features. */
  coverage?: Coverage;
}

export const emptyMetrics = (): FeatureMetrics => ({
  fields: 0, views: 0, xpaths: 0, reports: 0, loc: 0, methods: 0, complexity: 0, dependencies: 0,
});

