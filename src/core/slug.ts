/**
 * The one slug: text -> lower-case ASCII `[a-z0-9_]`, for module names, feature ids and external
 * ids. Callers differ only where a stable id depends on it, and say so with an option:
 * - feature ids keep runs of underscores and do not fold accents (`x_studio__a` stays as is, so the
 *   ids of maps already written never change);
 * - module names and external ids fold accents ("é" -> "e") and collapse runs to one "_".
 */
export interface SlugOptions {
  /** Longest result; a cut never leaves a trailing "_". Default: no limit. */
  max?: number;
  /** Keep "__" runs as they are (feature ids). Default: collapse them. */
  keepUnderscores?: boolean;
  /** Fold accents ("é" -> "e") before anything else. Default: true. */
  foldAccents?: boolean;
}

/** "GAP 1: Branch promotion" -> "gap_1_branch_promotion"; "" when nothing is left. */
export function slug(text: string, o: SlugOptions = {}): string {
  // ASCII text needs no normalizing (the common case, and NFKD on megabytes is not free).
  const folded = o.foldAccents === false || /^[\x00-\x7f]*$/.test(text) ? text : text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  const s = folded
    .toLowerCase()
    .replace(o.keepUnderscores ? /[^a-z0-9_]+/g : /[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return o.max === undefined ? s : s.slice(0, o.max).replace(/_+$/, '');
}
