/** Names the screens use for the contract types in src/state/types.ts. */
import type { InitAnswers, RunState, StepError, WizardController } from '../state/types.js';

export type { InitAnswers };

export type InitResult = { ok: true } | { ok: false; error: StepError };

export type ScreenState = RunState;

export type ScreenController = WizardController;

/** A secret found in the environment (by the CLI), so the init screen does not ask for one. */
export type SecretFromEnv = 'password' | 'apiKey';
