/**
 * The estimate model's defaults as the commented TOML that `init` writes. A module of its own,
 * without zod: `init` runs in the wizard's start-up path (estimate.ts holds the schema, and a test
 * holds the two equal).
 */
/** The commented [estimate] table that `init` writes into odoo-project-sync.toml. */
export const DEFAULT_ESTIMATE_TOML = `[estimate]
# How the ToDo estimates tasks, in hours. Every task in ToDo.md shows the sum it came from;
# change a number here and re-run the todo step to re-estimate.
base = 1.0                     # any feature: setup, review, deployment
field = 0.25                   # per field
view = 0.75                    # per view (form, list, kanban, search, QWeb template)
xpath = 0.25                   # per xpath (or positioned element) of an inherited view
report = 2.0                   # per report
loc = 0.02                     # per line of Python (and of QWeb for a report)
method = 0.5                   # per method
dependency = 0.25              # per model or module the feature relies on
complexity_multiplier = 0.05   # +5% per decision point beyond one per method (cyclomatic complexity)
migrate_factor = 0.6           # migrating a module generated from the database, relative to building it
test_factor = 0.4              # the test task, relative to the build task
doc_factor = 0.15              # the documentation task, relative to the build task
minimum = 0.5                  # no task is estimated below this
round_to = 0.5                 # estimates are rounded up to a multiple of this
`;
