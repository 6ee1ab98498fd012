/**
 * zod's small build for what loads at start-up (journal, config): the full build is ~450 KB of
 * JavaScript to parse before the first frame. Only the functions used are imported by name: a
 * re-exported namespace would keep all of zod/mini (every locale, JSON Schema) in the bundle.
 * English messages configured once.
 */
import {
  _default,
  array,
  boolean,
  catchall,
  config,
  discriminatedUnion,
  enum as enumOf,
  int,
  iso,
  literal,
  minLength,
  number,
  object,
  optional,
  positive,
  record,
  refine,
  strictObject,
  string,
  unknown,
  url,
} from 'zod/mini';
import en from 'zod/v4/locales/en.js';

export type { infer as Infer } from 'zod/mini';

config(en());

export const z = {
  _default,
  array,
  boolean,
  catchall,
  discriminatedUnion,
  enum: enumOf,
  int,
  iso,
  literal,
  minLength,
  number,
  object,
  optional,
  positive,
  record,
  refine,
  strictObject,
  string,
  unknown,
  url,
};
