import { EmulatorStore, demoSeed, type SeedData } from '../../../src/odoo/emulator/index.js';
import type { Domain } from '../../../src/odoo/types.js';

function tinySeed(): SeedData {
  const seed = demoSeed(17);
  seed.records['project.task'] = [
    { id: 1, name: 'Alpha', project_id: 1, tag_ids: [1, 2], user_ids: [2], allocated_hours: 5, priority: '1', state: '01_in_progress' },
    { id: 2, name: 'beta', project_id: 2, tag_ids: [], user_ids: [], allocated_hours: 0, priority: '0', state: '1_done' },
    { id: 3, name: 'Gamma ray', project_id: 1, tag_ids: [2], user_ids: [2], allocated_hours: 12.5, priority: '0', state: '01_in_progress', parent_id: 1 },
    { id: 4, name: 'Delta', project_id: false, tag_ids: [3], user_ids: [], allocated_hours: 3, priority: '1', state: '1_canceled', parent_id: 3 },
  ];
  return seed;
}

const store = new EmulatorStore(tinySeed());
const ids = (domain: Domain) => store.search('project.task', domain);

describe('domains', () => {
  test.each<[string, Domain, number[]]>([
    ['empty domain matches all', [], [1, 2, 3, 4]],
    ['=', [['name', '=', 'Alpha']], [1]],
    ['!=', [['priority', '!=', '1']], [2, 3]],
    ['= False on a many2one', [['project_id', '=', false]], [4]],
    ['!= False on a many2one', [['project_id', '!=', false]], [1, 2, 3]],
    ['in', [['id', 'in', [2, 4, 99]]], [2, 4]],
    ['not in', [['state', 'not in', ['1_done', '1_canceled']]], [1, 3]],
    ['like is case-sensitive and unanchored', [['name', 'like', 'ta']], [2, 4]],
    ['ilike ignores case', [['name', 'ilike', 'ALP']], [1]],
    ['=like is anchored with % and _', [['name', '=like', 'G%']], [3]],
    ['=ilike is anchored, case-insensitive', [['name', '=ilike', 'b_ta']], [2]],
    ['not ilike', [['name', 'not ilike', 'ALP']], [2, 3, 4]],
    ['<', [['allocated_hours', '<', 5]], [2, 4]],
    ['>=', [['allocated_hours', '>=', 5]], [1, 3]],
    ['<= and > together (implicit &)', [['allocated_hours', '>', 0], ['allocated_hours', '<=', 5]], [1, 4]],
    ['| prefix', ['|', ['name', '=', 'Alpha'], ['name', '=', 'Delta']], [1, 4]],
    ['! prefix', ['!', ['project_id', '=', 1]], [2, 4]],
    ['nested & inside |', ['|', '&', ['project_id', '=', 1], ['priority', '=', '0'], ['id', '=', 2]], [2, 3]],
    ['x2many = id means contains', [['tag_ids', '=', 2]], [1, 3]],
    ['x2many in', [['tag_ids', 'in', [1, 3]]], [1, 4]],
    ['x2many = False means empty', [['user_ids', '=', false]], [2, 4]],
    ['many2one compared by name', [['project_id', '=', 'Office Design']], [1, 3]],
    ['many2one ilike by name', [['project_id', 'ilike', 'research']], [2]],
    ['dotted path through a many2one', [['project_id.name', '=', 'Research & Development']], [2]],
    ['dotted path through a many2many', [['tag_ids.name', '=', 'Urgent']], [4]],
    ['child_of on the hierarchy', [['id', 'child_of', 1]], [1, 3, 4]],
    ['parent_of on the hierarchy', [['id', 'parent_of', 4]], [1, 3, 4]],
    ['TRUE_LEAF', [[1, '=', 1]] as unknown as Domain, [1, 2, 3, 4]],
  ])('%s', (_name, domain, expected) => {
    expect(ids(domain)).toEqual(expected);
  });

  test('dotted path on ir.model.fields.selection reaches the manual field', () => {
    const demo = new EmulatorStore(demoSeed(17));
    const sel = demo.search('ir.model.fields.selection', [['field_id.state', '=', 'manual']]);
    expect(sel).toHaveLength(6);
    const byModel = demo.search('ir.model.fields', [['model_id.model', '=', 'x_equipment'], ['state', '=', 'manual']]);
    expect(byModel.length).toBeGreaterThanOrEqual(8);
  });

  test('an unknown field is an error naming the field', () => {
    expect(() => ids([['no_such', '=', 1]])).toThrow(/Invalid field project\.task\.no_such/);
  });

  test('an unknown operator is an error', () => {
    expect(() => ids([['name', '~', 'x']])).toThrow(/Invalid leaf operator/);
  });
});
