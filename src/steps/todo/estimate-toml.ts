/**
 * The goal and estimate model defaults as the commented TOML that `init` writes. A module of its
 * own, without zod: `init` runs in the wizard's start-up path (estimate.ts holds the schema, and
 * a test holds the two equal).
 */
/** The commented [todo] and [estimate] tables that `init` writes into odoo-project-sync.toml. */
export const DEFAULT_ESTIMATE_TOML = `[todo]
# What the ToDo plans for; change it and re-run the todo step to re-plan (statuses and owners are kept).
#   "implement": build the features for a customer, one task per user story (default for source code)
#   "takeover":  turn database customizations into maintained modules (default for a database)
#   "upgrade":   the version changes that hit the code, with the lines to change; needs target
# goal = "upgrade"
# target = "18.0"
# from = "16.0"                # the modules' version when their manifests do not say

[estimate]
# Three-point estimates in hours. A size driver costs rate × count^scale, so the 20th field costs
# less than the 1st; complexity multiplies by at most complexity_cap. Every task in ToDo.md shows
# the sum it came from; change a number here and re-run the todo step to re-estimate.
feature_base = 0.5             # any feature (a button or a rule that is part of a business object: a quarter)
story = 0.25                   # per user story
criterion = 0.15               # per acceptance criterion
field = 0.2                    # per field
view = 0.5                     # per view (form, list, kanban, search, QWeb report template)
xpath = 0.25                   # per xpath (or positioned element) of an inherited view
report = 2.0                   # per report
python_line = 0.05             # per line of Python
method = 0.05                  # per method
dependency = 0.1               # per model or module the feature relies on
js_line = 0.04                 # per line of JS in the module's web assets
scss_line = 0.012              # per line of SCSS
qweb_file = 0.5                # per QWeb template file of the web assets
setup_base = 1.0               # per module: manifest, install, data files
access_rule = 0.1              # per access rule (record rules count twice)
group = 0.5                    # per security group
menu = 0.1                     # per menu
scale = 0.8                    # diminishing returns: counts are raised to this power (1 = linear)
code_scale = 0.95              # the same for lines of code (long code is still long)
complexity_weight = 0.1        # × log2(1 + extra decision points per method)
complexity_cap = 1.3           # the complexity factor never exceeds this
test_factor = 0.15             # automated tests, relative to the module's build work
acceptance_base = 1.5          # per module: acceptance with the customer and deployment
acceptance_factor = 0.05       # plus this share of the module's build work
optimistic = 0.7               # optimistic = likely × this
pessimistic = 1.8              # pessimistic = likely × this (+ the complexity surcharge)
task_cap = 16                  # no task's expected hours exceed this: larger work is split
minimum = 0.5                  # no estimate is below this
round_to = 0.5                 # estimates are rounded up to a multiple of this

[estimate.takeover]
review_base = 1.0              # review the generated code against the customizations
review_factor = 0.12           # plus this share of the hours it would take to build
install_base = 1.5             # install on a copy of production
install_factor = 0.04
data_check_model = 0.75        # per model whose data is compared
data_check_field = 0.05        # per field compared
switch_base = 2.0              # switch production over
switch_model = 0.25
cleanup_base = 1.0             # remove what the module replaces
cleanup_item = 0.1             # per view and field

[estimate.upgrade]
edit = 0.1                     # per line to edit (a rename)
rewrite = 0.3                  # per line to rewrite (attrs domains, name_get, ...)
change_base = 0.5              # per kind of change in a module
port_base = 1.5                # per module: manifest, dependencies, install on the target
port_factor = 0.03             # × √(lines of Python and XML)
test_base = 1.5                # per module: test on a migrated copy
test_feature = 0.25            # per feature tested
`;
