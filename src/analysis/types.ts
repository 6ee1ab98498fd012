/**
 * What static analysis of Odoo module sources yields. Pure data; every item carries the file
 * (relative to the analysis base, posix separators) and the 1-based line it was found on.
 */

export interface SourceRef {
  file: string;
  line: number;
}

export interface PyField extends SourceRef {
  name: string;
  /** Char, Many2one, Selection, ... */
  type: string;
  string?: string;
  comodel?: string;
  compute?: string;
  related?: string;
  required: boolean;
  help?: string;
  /** Selection keys and labels when given as a literal list. */
  selection?: readonly (readonly [string, string])[];
}

export interface PyDecorator {
  /** e.g. "api.depends", "api.model_create_multi". */
  name: string;
  /** String arguments, e.g. the field names of @api.depends. */
  args: readonly string[];
}

export type MethodRole = 'compute' | 'onchange' | 'constraint' | 'action' | 'override' | 'cron' | 'other';

export interface PyMethod extends SourceRef {
  name: string;
  endLine: number;
  decorators: readonly PyDecorator[];
  docstring?: string;
  /** McCabe-style: 1 + if/elif/for/while/except/with/and/or/comprehension ifs/conditional expressions. */
  complexity: number;
  loc: number;
  role: MethodRole;
  /** Messages of the exceptions it raises (what a user is told). */
  messages: readonly string[];
}

export interface SqlConstraint extends SourceRef {
  name: string;
  definition: string;
  message: string;
}

export type ModelKind = 'model' | 'transient' | 'abstract';

export interface PyModel extends SourceRef {
  className: string;
  kind: ModelKind;
  /** The model's own name; absent for a pure `_inherit` extension. */
  name?: string;
  inherit: readonly string[];
  inherits: Readonly<Record<string, string>>;
  description?: string;
  docstring?: string;
  fields: readonly PyField[];
  methods: readonly PyMethod[];
  sqlConstraints: readonly SqlConstraint[];
  endLine: number;
}

export interface ViewButton extends SourceRef {
  name: string;
  string?: string;
  type?: string;
  groups: readonly string[];
}

export interface XmlView extends SourceRef {
  id: string;
  model?: string;
  /** Root element of the arch: form, tree, list, search, kanban, ...; "inherited" for an xpath-only arch. */
  type: string;
  inheritId?: string;
  /** Elements of an inherited arch that carry a position (xpath or a located field). */
  xpathCount: number;
  buttons: readonly ViewButton[];
  fieldCount: number;
}

export interface XmlAction extends SourceRef {
  id: string;
  name?: string;
  resModel?: string;
  viewMode?: string;
  help?: string;
  target?: string;
  bindingModel?: string;
}

export interface XmlMenu extends SourceRef {
  id: string;
  name?: string;
  parent?: string;
  action?: string;
  groups: readonly string[];
}

export interface XmlReport extends SourceRef {
  id: string;
  name?: string;
  model?: string;
  reportName?: string;
  reportType?: string;
}

export interface XmlGroup extends SourceRef {
  id: string;
  name?: string;
  category?: string;
  implied: readonly string[];
  comment?: string;
}

export interface XmlRule extends SourceRef {
  id: string;
  name?: string;
  /** The model reference, e.g. "model_equipment_request". */
  modelRef?: string;
  groups: readonly string[];
  domain?: string;
}

export interface XmlCron extends SourceRef {
  id: string;
  name?: string;
  modelRef?: string;
  code?: string;
  interval?: string;
}

export interface XmlMailTemplate extends SourceRef {
  id: string;
  name?: string;
  modelRef?: string;
  subject?: string;
}

export interface XmlOtherRecord extends SourceRef {
  id: string;
  model: string;
}

export interface AccessRule extends SourceRef {
  id: string;
  name: string;
  modelRef: string;
  group?: string;
  perms: { read: boolean; write: boolean; create: boolean; unlink: boolean };
}

export interface Manifest extends SourceRef {
  name?: string;
  summary?: string;
  description?: string;
  category?: string;
  version?: string;
  depends: readonly string[];
  data: readonly string[];
  demo: readonly string[];
  application: boolean;
  installable: boolean;
  assets: readonly string[];
}

export interface XmlData {
  views: XmlView[];
  actions: XmlAction[];
  menus: XmlMenu[];
  reports: XmlReport[];
  /** QWeb templates; endLine lets a report count its template's lines. */
  templates: (SourceRef & { id: string; endLine?: number })[];
  groups: XmlGroup[];
  rules: XmlRule[];
  crons: XmlCron[];
  mailTemplates: XmlMailTemplate[];
  other: XmlOtherRecord[];
}

export interface LineCounts {
  python: number;
  xml: number;
  csv: number;
  js: number;
  scss: number;
}

export interface ModuleAnalysis extends XmlData {
  /** Technical name (the directory name). */
  name: string;
  /** Directory, relative to the analysis base. */
  dir: string;
  manifest: Manifest;
  models: PyModel[];
  access: AccessRule[];
  assets: { js: number; scss: number; css: number; xml: number };
  lines: LineCounts;
}

export type ProblemKind =
  | 'python-syntax'
  | 'xml-syntax'
  | 'xml-doctype'
  | 'csv'
  | 'manifest-missing'
  | 'manifest-malformed'
  | 'missing-file'
  | 'encoding'
  | 'symlink-loop'
  | 'empty-module'
  | 'unreadable';

/** A source that could not be read; it is skipped and the analysis goes on. */
export interface SourceProblem {
  kind: ProblemKind;
  file: string;
  line?: number;
  column?: number;
  message: string;
}

export interface AddonsAnalysis {
  modules: ModuleAnalysis[];
  problems: SourceProblem[];
  /** Lines of Python and XML read (what the bench reports per second). */
  lines: number;
  files: number;
}
