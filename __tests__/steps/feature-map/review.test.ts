/** The reviewer's diagnostics for feature_user_story_map.toml point at the offending key. */
import { featureReviewSpec } from '../../../src/steps/feature-map/index.js';

const MAP = `# comment
version = 1
project = "Demo"

[modules.repair]
title = "Repair"
depends = ["base"]
origin = "source"

[features.repair-model-x_request]
title = "Request (x.request)"
module = "repair"
kind = "model"
scope = "in"
priority = "high"
owner = ""
milestone = ""
roles = ["Repair User"]

evidence = [
  "addons/repair/models/x.py:3",
]

[[features.repair-model-x_request.stories]]
text = "As a Repair User, I want to log requests, so that they get fixed."
acceptance = ["A Request cannot be saved without Name."]

[features.repair-action-x_request-action_done]
title = "Done"
module = "repair"
kind = "action"
scope = "in"
priority = "medium"
owner = ""
milestone = ""
roles = []
evidence = []

[[features.repair-action-x_request-action_done.stories]]
text = "As a Repair User, I want to close a request, so that it is done."
acceptance = []
`;

const errors = (text: string) => featureReviewSpec.validate(text).filter((d) => d.severity === 'error');
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

test('a valid map has no diagnostics', () => {
  expect(featureReviewSpec.validate(MAP)).toEqual([]);
  expect(featureReviewSpec).toMatchObject({ id: 'feature-review', file: 'feature_user_story_map.toml' });
});

test('TOML syntax errors carry smol-toml line and column', () => {
  const bad = MAP.replace('owner = ""\nmilestone = ""\nroles = ["Repair User"]', 'owner = "bob\nmilestone = ""\nroles = ["Repair User"]');
  expect(errors(bad)).toEqual([expect.objectContaining({ line: lineOf(bad, 'owner = "bob') })]);
});

test('a bad priority is reported on its line and column', () => {
  const bad = MAP.replace('priority = "high"', '  priority = "urgent"');
  expect(errors(bad)).toEqual([
    { line: lineOf(bad, 'priority = "urgent"'), column: 3, severity: 'error', message: 'priority must be one of "high", "medium", "low"' },
  ]);
});

test('an unknown key is reported where it is, inside a story too', () => {
  const bad = MAP.replace('owner = ""\nmilestone', 'owner = ""\nowners = "x"\nmilestone').replace('acceptance = []', 'acceptance = []\nnotes = "?"');
  expect(errors(bad)).toEqual([
    expect.objectContaining({ line: lineOf(bad, 'owners = "x"'), column: 1, message: "unknown key 'owners'" }),
    expect.objectContaining({ line: lineOf(bad, 'notes = "?"'), column: 1, message: "unknown key 'notes'" }),
  ]);
});

test('merged_into must name a known feature, not itself, and not a chain', () => {
  const unknown = MAP.replace('priority = "medium"', 'priority = "medium"\nmerged_into = "repair-model-x_requests"');
  expect(errors(unknown)).toEqual([
    expect.objectContaining({
      line: lineOf(unknown, 'merged_into'),
      message: "merged_into names an unknown feature 'repair-model-x_requests' (did you mean 'repair-model-x_request'?)",
    }),
  ]);
  const chain = MAP.replace('priority = "medium"', 'priority = "medium"\nmerged_into = "repair-model-x_request"').replace(
    'priority = "high"',
    'priority = "high"\nmerged_into = "repair-action-x_request-action_done"',
  );
  expect(errors(chain).map((d) => d.line)).toEqual([lineOf(chain, 'merged_into = "repair-action'), lineOf(chain, 'merged_into = "repair-model')]);
  const self = MAP.replace('priority = "high"', 'priority = "high"\nmerged_into = "repair-model-x_request"');
  expect(errors(self)[0].message).toBe('a feature cannot be merged into itself');
});

test('a duplicated feature id is an error on the second header', () => {
  const dup = `${MAP}\n[features.repair-model-x_request]\ntitle = "again"\n`;
  const [d] = errors(dup);
  expect(d.line).toBe(dup.split('\n').lastIndexOf('[features.repair-model-x_request]') + 1);
});

test('a feature id with a dot is refused at its header (ToDo task ids append .kind)', () => {
  const bad = MAP.replace(/repair-action-x_request-action_done/g, '"repair.done"');
  expect(errors(bad)).toEqual([expect.objectContaining({ line: lineOf(bad, '[features."repair.done"]'), message: expect.stringContaining("no '.'") })]);
});

test('a missing required key and a wrong type point at the feature or the key', () => {
  const noKind = MAP.replace('kind = "action"\n', '');
  expect(errors(noKind)).toEqual([expect.objectContaining({ line: lineOf(noKind, '[features.repair-action-x_request-action_done]') })]);
  const wrongType = MAP.replace('owner = ""\nmilestone = ""\nroles = []', 'owner = 3\nmilestone = ""\nroles = []');
  expect(errors(wrongType)).toEqual([expect.objectContaining({ line: lineOf(wrongType, 'owner = 3') })]);
});

test('unresolved merge conflict markers are reported before anything else', () => {
  const conflicted = MAP.replace('owner = ""\nmilestone = ""\nroles = []', '<<<<<<< your edits\nowner = "a"\n=======\nowner = "b"\n>>>>>>> new proposal\nmilestone = ""\nroles = []');
  expect(errors(conflicted)).toEqual([expect.objectContaining({ line: lineOf(conflicted, '<<<<<<<'), message: expect.stringContaining('merge conflict') })]);
});

test('a story that does not read "As a ..., I want ..." is a warning, not an error', () => {
  const loose = MAP.replace('text = "As a Repair User, I want to close a request, so that it is done."', 'text = "Close requests"');
  const ds = featureReviewSpec.validate(loose);
  expect(ds).toEqual([expect.objectContaining({ severity: 'warning', line: lineOf(loose, 'text = "Close requests"') })]);
});

test('a module not under [modules] is an error on its line (it would become a phase of its own), with the names to use', () => {
  const bad = MAP.replace('module = "repair"\nkind = "action"', 'module = "no_such_module"\nkind = "action"');
  expect(errors(bad)).toEqual([
    {
      line: lineOf(bad, 'module = "no_such_module"'),
      column: 1,
      severity: 'error',
      message: "module 'no_such_module' is not listed under [modules]: use one of 'repair', or add a [modules.no_such_module] table",
    },
  ]);
  const typo = MAP.replace('module = "repair"\nkind = "action"', 'module = "repiar"\nkind = "action"');
  expect(errors(typo)[0].message).toMatch(/^module 'repiar' is not listed under \[modules\] \(did you mean 'repair'\?\)/);
});

test('with many modules, the unknown-module message names how many there are instead of listing them all', () => {
  const names = Array.from({ length: 12 }, (_, i) => `mod_${String(i).padStart(2, '0')}`);
  const tables = names.map((n) => `[modules.${n}]\ntitle = "${n}"\ndepends = ["base"]\norigin = "source"\n`).join('\n');
  const many = MAP.replace('[modules.repair]', `${tables}\n[modules.repair]`).replace('module = "repair"\nkind = "action"', 'module = "warehouse"\nkind = "action"');
  const message = errors(many)[0].message;
  expect(message).toMatch(/^module 'warehouse' is not listed under \[modules\]: use one of the 13 modules of the \[modules\.<name>\] tables \('mod_00', 'mod_01', 'mod_02', \.\.\.\)/);
  expect(message).not.toContain('mod_11');
});

test('a warning names the line the TOML parser gives: a header and a text key inside a multi-line string are not the story', () => {
  const tricky = MAP.replace(
    'acceptance = ["A Request cannot be saved without Name."]',
    ['acceptance = ["""', 'The old form read:', '[[features.repair-action-x_request-action_done.stories]]', 'text = "not this one"', '"""]'].join('\n'),
  ).replace('text = "As a Repair User, I want to close a request, so that it is done."', 'text = "Close a request."');
  const warnings = featureReviewSpec.validate(tricky).filter((d) => /read best/.test(d.message));
  expect(warnings.map((d) => [d.line, d.column])).toEqual([[lineOf(tricky, 'text = "Close a request."'), 1]]);
});
