/**
 * zod's small build for what loads at start-up (journal, config): the full build is ~450 KB of
 * JavaScript to parse before the first frame; this one ~17 KB. English messages configured once.
 */
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';

z.config(en());

export { z };
