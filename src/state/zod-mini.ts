/**
 * zod's small build for what loads at start-up (journal, config): the full build is ~450 KB of
 * JavaScript to parse before the first frame. Import this module as a namespace
 * (`import * as z from './zod-mini.js'`): it re-exports only the functions used, so the bundle
 * keeps only those (re-exporting zod/mini's whole namespace kept every locale and JSON Schema).
 * English messages configured once.
 */
import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

export {
  _default,
  array,
  boolean,
  catchall,
  discriminatedUnion,
  enum,
  int,
  iso,
  literal,
  maximum,
  maxLength,
  minimum,
  minLength,
  number,
  object,
  optional,
  positive,
  record,
  refine,
  regex,
  strictObject,
  string,
  trim,
  unknown,
  url,
} from 'zod/mini';
export type { infer } from 'zod/mini';

config(en());
