/** Where the wizard keeps its own files inside a workspace. */
export const STATE_DIR = '.odoo-project-sync';
export const JOURNAL_FILE = `${STATE_DIR}/journal.jsonl`;
export const LOCK_FILE = `${STATE_DIR}/lock`;
/** A step's whole report (its screen shows the start). */
export const reportPath = (step: string): string => `${STATE_DIR}/reports/${step}.md`;
/** The bytes the user approved, kept as given. */
export const approvedPath = (file: string): string => `${STATE_DIR}/approved/${file}`;
/** Where the reviewer's text goes when saving it on the way out failed (the user's words are kept). */
export const unsavedPath = (file: string): string => `${STATE_DIR}/unsaved/${file}`;
/** Temp files of atomic writes; emptied when a workspace is opened. */
export const TMP_DIR = `${STATE_DIR}/tmp`;
/** File hashes remembered by stat (see hash-cache.ts); deleting it only costs one slower run. */
export const HASH_CACHE_FILE = `${STATE_DIR}/hash-cache.json`;
/** The version and user id of the Odoo servers this workspace connected to (no secret): see session-memory.ts. */
export const SESSION_FILE = `${STATE_DIR}/cache/odoo-sessions.json`;
