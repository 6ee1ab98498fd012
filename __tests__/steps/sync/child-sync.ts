/** Runs the sync step in its own process (for the kill -9 test): SYNC_URL, SYNC_DB, SYNC_ROOT. */
import { connect } from '../../../src/odoo/index.js';
import { createArtifactStore } from '../../../src/state/artifact-store.js';
import { syncStep } from '../../../src/steps/sync/index.js';

const env = process.env;
const result = await syncStep.run({
  config: { source: 'database', addons: [], sections: { sync: { batch_size: 10 } } },
  artifacts: createArtifactStore(String(env.SYNC_ROOT)),
  signal: new AbortController().signal,
  progress: () => undefined,
  connect: () => connect({ url: String(env.SYNC_URL), db: env.SYNC_DB, user: 'admin', transport: 'xmlrpc' }, { password: 'admin' }),
  log: () => undefined,
  ask: async (q) => q.defaultValue,
  dryRun: false,
  assumeYes: true,
});
console.log(result.ok ? result.value.summary : result.error.message);
