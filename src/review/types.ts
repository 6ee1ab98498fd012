/** The reviewer's contract: what a checkpoint step brings, and what its check reports. */
/** A diagnostic from a reviewer schema: 1-based line and column. */
export interface Diagnostic {
  line: number;
  column: number;
  message: string;
  severity: 'error' | 'warning';
  /** What to do next when it is not "fix this file": the headless `->` line says it. */
  next?: string;
}

/**
 * A problem a check found at a key path of the file (['features', id, 'stories', 0, 'text']),
 * before the one TOML locator (core/toml-locate.ts) turns the path into line:column. With
 * `value`: the string item equal to it in that key's array.
 */
export interface KeyFinding {
  path: readonly PropertyKey[];
  value?: string;
  message: string;
  severity: 'error' | 'warning';
}

/** What a check reports: placed already (a syntax error), or at a key path still to be placed. */
export type Finding = Diagnostic | KeyFinding;

/** What a checkpoint step (map-review, feature-review) brings to the reviewer. */
export interface ReviewSpec {
  readonly id: 'map-review' | 'feature-review';
  /** The file the user edits, e.g. module_model_map.toml. */
  readonly file: string;
  /**
   * Validate text: TOML syntax first, then the step's schema. Pure and fast. `parsed`, when
   * given, is the text already parsed by smol-toml (the reviewer checked its syntax), so a large
   * map is parsed once. `errorsOnly`: the caller needs only the errors (approving with --yes),
   * so advice that would not block may be left out.
   */
  validate(text: string, parsed?: unknown, errorsOnly?: boolean): Diagnostic[];
  /**
   * The same check with its findings still at key paths, when the step can give them so: a caller
   * that only counts errors needs no positions, and the reviewer shows a large file's messages
   * before their lines are found.
   */
  find?(text: string, parsed?: unknown, errorsOnly?: boolean): Finding[];
}
