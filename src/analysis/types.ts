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
  /** A related field declared readonly=False: editing it edits the value where it comes from. */
  writable?: true;
  required: boolean;
  help?: string;
  /** Selection keys and labels when given as a literal list. */
  selection?: readonly (readonly [string, string])[];
  /** One2many: the inverse Many2one field on the comodel. */
  inverse?: string;
  /** groups="a.b,c.d": only these groups see the field. */
  groups?: readonly string[];
  tracking?: boolean;
  /** res.config.settings: the system parameter or group the setting switches. */
  configParameter?: string;
  impliedGroup?: string;
}

/**
 * A literal value a method writes to a field (`write({'state': 'done'})`, `rec.state = 'done'`),
 * or the day's date / the current time (`fields.Date.today()`: '=today', '=now').
 */
export interface FieldWrite extends SourceRef {
  field: string;
  value: string;
  /** Written on records of another model: `self.env['project.task'].search(...).write(...)`. */
  model?: string;
  /** Written through this method of the same file, which passes its values to write(). */
  via?: string;
  /** Done only when the values being saved hold one of these fields (`if 'stage_id' in vals:`). */
  onChangeOf?: readonly string[];
  /** Under a condition on something else too (`if rec.close_date:`, `.filtered(...)`): not every time. */
  conditional?: boolean;
}

/**
 * A condition on a field's literal values that decides whether a method acts: `if x.state not
 * in (...): raise`, or `.filtered(lambda r: r.state == 'draft')`. `allowed` says whether
 * `values` are the values the method accepts (true) or refuses (false).
 */
export interface FieldGuard extends SourceRef {
  field: string;
  allowed: boolean;
  values: readonly string[];
  message?: string;
  /**
   * The refusal holds only when these hold too (`if any(h.state not in ('confirm',) and
   * h.validation_type != 'no_validation' for h in self): raise`): comparisons of other fields.
   */
  alsoIf?: readonly { field: string; negated: boolean; values: readonly string[] }[];
}

/** A call a consultant can name: message_post, activity_schedule, send_mail, next_by_code('x'), env.ref('m.x'), env['m'].create. */
export interface MethodCall extends SourceRef {
  name: string;
  /** The first literal argument (a sequence code, an xml id) or the model created. */
  arg?: string;
  /** Made only when the values being saved hold one of these fields (`if 'stage_id' in vals:`). */
  onChangeOf?: readonly string[];
  /** Under a condition on something else too (`if rec.close_date:`, `.filtered(...)`): not every time. */
  conditional?: boolean;
  /** A create() past the user's access rights (`env['x'].sudo().create(...)`). */
  sudo?: true;
  /** Made by this helper of the class, which the method calls on its own records (`self.activity_update()`). */
  via?: string;
}

export interface MethodEffects {
  writes: readonly FieldWrite[];
  guards: readonly FieldGuard[];
  calls: readonly MethodCall[];
  /** Fields given the value of another field of the same records (`sheet.state = sheet.approval_state`). */
  copies?: readonly FieldCopy[];
}

/**
 * `rec.state = rec.approval_state`: `field` takes the value of `from`, a field of the same record.
 * Without `from`, a state or status set to a value the code works out (`picking.state = relevant_move_state`).
 */
export interface FieldCopy extends SourceRef {
  field: string;
  from?: string;
}

export interface PyRoute {
  urls: readonly string[];
  auth: string;
  type: string;
  website: boolean;
  methods: readonly string[];
}

export interface PyDecorator {
  /** e.g. "api.depends", "api.model_create_multi". */
  name: string;
  /** String arguments, e.g. the field names of @api.depends. */
  args: readonly string[];
}

/** The first literal string of a `raise`, where that raise is. */
export interface RaisedMessage extends SourceRef {
  text: string;
  /** The helper of the same class that raises it (`_check_wallet`), when the method calls it rather than raising itself. */
  via?: string;
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
  /**
   * Messages of the exceptions it raises (what a user is told), with the line of each raise;
   * those of the private helpers of its class it calls (`self._check_wallet()`) too, one call deep.
   */
  messages: readonly RaisedMessage[];
  effects?: MethodEffects;
  /** Methods it calls on its own records (`self.x(...)`), in source order, without repeats; absent when none. */
  selfCalls?: readonly string[];
  /**
   * Methods it calls on other records: `sheet_ids._do_refuse` for `self.sheet_ids._do_refuse(...)`
   * in a wizard (through one of its fields), `action_post` for `moves.action_post()`. A way to a
   * model's method from another model. ORM and Python built-ins left out.
   */
  recordCalls?: readonly string[];
  /** Those of selfCalls it makes only on some of its records: inside an `if`, or on `self.filtered(...)`. */
  selfCallsIf?: readonly string[];
  /** It calls the method it overrides (`super()._action_confirm()`): it adds to another module's step. */
  callsSuper?: true;
  route?: PyRoute;
  /**
   * A route's body: the action_, button_ and private methods it calls on records (hr_holidays'
   * /leave/validate calls record.action_approve(), survey's submit route answer_sudo._mark_done()),
   * and the model names it spells out ('hr.leave'), read from its text.
   */
  runs?: { methods: readonly string[]; models: readonly string[] };
}

/** A class serving HTTP routes (http.Controller or a subclass such as CustomerPortal). */
export interface PyController extends SourceRef {
  className: string;
  bases: string;
  docstring?: string;
  endLine: number;
  methods: readonly PyMethod[];
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
  /** Fields placed by the arch, with the groups of the element (or an ancestor) that shows them. */
  fields?: readonly PlacedField[];
}

/** A field a view's arch places, with the groups that see it, and its status bar when it shows as one. */
export interface PlacedField extends SourceRef {
  name: string;
  groups: readonly string[];
  statusbar?: { clickable: boolean };
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

/**
 * One item of an Odoo domain: an operator of its prefix notation, or a term. A term's value is
 * `value` when it is a literal, else `code` (`user.id`); (1, '=', 1) and (0, '=', 1) are the
 * terms with op 'true' and 'false'.
 */
export type DomainItem = '|' | '&' | '!' | { path: string; op: string; value?: PyLiteral; code?: string };

/** A Python literal value (see analysis/py-literal.ts). */
export type PyLiteral = string | number | boolean | null | PyLiteral[] | { [key: string]: PyLiteral };

export interface XmlRule extends SourceRef {
  id: string;
  name?: string;
  /** The model reference, e.g. "model_equipment_request". */
  modelRef?: string;
  groups: readonly string[];
  domain?: string;
  /** The domain's items as the Python parser reads them; undefined when it is no plain list of terms. */
  terms?: DomainItem[];
  /** The operations it applies to, when not all four (perm_read="0" and the like). */
  perms?: { read: boolean; write: boolean; create: boolean; unlink: boolean };
}

export interface XmlCron extends SourceRef {
  id: string;
  name?: string;
  modelRef?: string;
  code?: string;
  /** Names the code calls after a dot (`model._cron_x()` gives `_cron_x`), read from its syntax tree. */
  calls: readonly string[];
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
  /** Its name field, when the record sets one (stage names, activity types...). */
  name?: string;
  /** Fields naming an email template by reference (a stage's mail_template_id). */
  templates?: readonly { field: string; ref: string }[];
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
  /** Asset files per bundle ('web.assets_backend', 'web.assets_frontend', ...). */
  bundles?: Readonly<Record<string, readonly string[]>>;
  postInitHook?: string;
}

export interface XmlData {
  views: XmlView[];
  actions: XmlAction[];
  menus: XmlMenu[];
  reports: XmlReport[];
  /** QWeb templates; endLine lets a report count its template's lines. */
  templates: (SourceRef & { id: string; endLine?: number; name?: string; inheritId?: string })[];
  groups: XmlGroup[];
  rules: XmlRule[];
  crons: XmlCron[];
  mailTemplates: XmlMailTemplate[];
  other: XmlOtherRecord[];
  sequences: XmlSequence[];
  categories: (SourceRef & { id: string; name?: string })[];
  automations: XmlAutomation[];
}

export interface XmlSequence extends SourceRef {
  id: string;
  name?: string;
  code?: string;
  prefix?: string;
}

/** base.automation: an automated action configured in data. */
export interface XmlAutomation extends SourceRef {
  id: string;
  name?: string;
  modelRef?: string;
  trigger?: string;
}

/** A front-end file of the module and what it plugs into the web client. */
export interface AssetFile {
  file: string;
  kind: 'js' | 'scss' | 'css' | 'xml';
  lines: number;
  /** Bundles listing it in the manifest. */
  bundles: readonly string[];
  /** What it patches (`patch(FormController.prototype, ...)`). */
  patches: readonly string[];
  /** Registry entries it adds, as "category/name". */
  registries: readonly string[];
  /** OWL components it defines. */
  components: readonly string[];
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
  assetFiles: AssetFile[];
  controllers: PyController[];
  /** Module-level functions of hooks.py and __init__.py (install hooks); absent when none. */
  functions?: PyMethod[];
  lines: LineCounts;
  /** Python test files (tests/test_*.py): coverage to report, never features. */
  testFiles?: number;
}

/**
 * A module that exists to test others (Odoo's test_* modules, manifest category "Tests" or
 * ".../Tests"). It is not analysed further and never becomes features; it is reported as coverage
 * of the modules it depends on.
 */
export interface TestModule {
  kind: 'test';
  name: string;
  dir: string;
  /** Its manifest file, relative to the analysis base. */
  file: string;
  depends: readonly string[];
  testFiles: number;
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
  /** Folders looked at for a manifest (the addons paths themselves or their sub-folders). */
  folders: number;
  /** Modules that exist to test others: coverage, never features. */
  testModules: TestModule[];
  /**
   * Every module was analysed from the bytes the staleness check of this process hashed (see
   * readModulesOnWorkers): the digests describe exactly what was parsed.
   */
  fromCheck?: boolean;
}
