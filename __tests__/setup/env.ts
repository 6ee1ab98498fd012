import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Ink reads CI at import time; with CI=true lastFrame() is empty after exit.
delete process.env.CI;
(globalThis as unknown as { IS_REACT_ACT_ENVIRONMENT: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
// The CLI under test keeps its V8 code cache here, not in the user's ~/.cache.
process.env.ODOO_PROJECT_SYNC_CACHE ??= join(tmpdir(), 'odoo-project-sync-test-v8-cache');
