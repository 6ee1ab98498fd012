/** The only entry point steps and the CLI use to talk to Odoo. */
export { connect, type ConnectTuning } from './connect.js';
export { OdooError, type OdooErrorFacts } from './errors.js';
export { profileFor, convertPriority } from './profiles.js';
export { normalizeUrl, isOdooOnline } from './url.js';
export type * from './types.js';
