// Ink reads CI at import time; with CI=true lastFrame() is empty after exit.
delete process.env.CI;
(globalThis as unknown as { IS_REACT_ACT_ENVIRONMENT: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
