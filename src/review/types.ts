/** The reviewer's contract: what a checkpoint step brings, and what its check reports. */
/** A diagnostic from a reviewer schema: 1-based line and column. */
export interface Diagnostic {
  line: number;
  column: number;
  message: string;
  severity: 'error' | 'warning';
}

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
}
