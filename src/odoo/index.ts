/** The only entry point steps and the CLI use to talk to Odoo. */
export { connect } from './connect.js';
export { OdooError } from './errors.js';
export { profileFor, convertPriority } from './profiles.js';
export { normalizeUrl, isOdooOnline } from './url.js';
export type * from './types.js';
