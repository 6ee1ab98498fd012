import { STEP_TITLES, type StepId } from '../steps/types.js';

export interface StepInfo {
  number: number;
  title: string;
  /** What the step does, for its screen. */
  about: string;
  /** Files it reads and writes, for its screen. */
  reads: readonly string[];
  writes: readonly string[];
  review: boolean;
}

export const STEP_INFO: Readonly<Record<StepId, StepInfo>> = {
  extract: {
    number: 1,
    title: STEP_TITLES['extract'],
    about: 'Reads the customizations (Studio models, fields, views, actions, rules) from the Odoo database.',
    reads: ['the Odoo database'],
    writes: ['extract.json', 'module_model_map.toml'],
    review: false,
  },
  'map-review': {
    number: 2,
    title: STEP_TITLES['map-review'],
    about: 'You check which models and customizations go into which module, then approve the map.',
    reads: ['module_model_map.toml'],
    writes: ['module_model_map.toml (approved)'],
    review: true,
  },
  generate: {
    number: 3,
    title: STEP_TITLES['generate'],
    about: 'Writes Odoo module source (Python, XML, manifest) from the extract and the approved map.',
    reads: ['extract.json', 'module_model_map.toml'],
    writes: ['modules/'],
    review: false,
  },
  'feature-map': {
    number: 4,
    title: STEP_TITLES['feature-map'],
    about: 'Analyses the module source and proposes features with their user stories.',
    reads: ['modules/ or the addons paths'],
    writes: ['feature_user_story_map.toml'],
    review: false,
  },
  'feature-review': {
    number: 5,
    title: STEP_TITLES['feature-review'],
    about: 'You check the features and user stories, then approve the map.',
    reads: ['feature_user_story_map.toml'],
    writes: ['feature_user_story_map.toml (approved)'],
    review: true,
  },
  todo: {
    number: 6,
    title: STEP_TITLES['todo'],
    about: 'Turns the approved feature map into an estimated task list.',
    reads: ['feature_user_story_map.toml', 'module source'],
    writes: ['ToDo.md'],
    review: false,
  },
  sync: {
    number: 7,
    title: STEP_TITLES['sync'],
    about: 'Creates or updates the project, tasks and articles in Odoo from ToDo.md, after showing you the plan.',
    reads: ['ToDo.md', 'feature_user_story_map.toml'],
    writes: ['the Odoo project', '.odoo-project-sync/sync-plan.json'],
    review: false,
  },
};

/** "1m 05s", "12s", "2h 03m". */
export function formatElapsed(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h ${String(m % 60).padStart(2, '0')}m`;
}
