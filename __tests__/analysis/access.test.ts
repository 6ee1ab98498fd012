import { analyseAccess } from '../../src/analysis/access.js';

test('access rights with model_id:id or model_id/id headers, quoted cells and CRLF', () => {
  const colon = analyseAccess('id,name,model_id:id,group_id:id,perm_read,perm_write,perm_create,perm_unlink\r\na,"x, y",model_x,base.group_user,1,0,0,0\r\n', 'm/a.csv', 'm');
  const slash = analyseAccess('id,name,model_id/id,group_id/id,perm_read,perm_write,perm_create,perm_unlink\nb,b,model_x,,1,1,1,1\n', 'm/b.csv', 'm');
  expect(colon.rules).toEqual([
    { id: 'm.a', name: 'x, y', modelRef: 'm.model_x', group: 'base.group_user', perms: { read: true, write: false, create: false, unlink: false }, file: 'm/a.csv', line: 2 },
  ]);
  expect(slash.rules[0]).toMatchObject({ id: 'm.b', group: undefined, perms: { read: true, write: true, create: true, unlink: true } });
});

test('a CSV without the needed columns or with an open quote is reported with its line', () => {
  expect(analyseAccess('foo,bar\n1,2\n', 'm/a.csv', 'm').problem).toMatchObject({ kind: 'csv', line: 1 });
  expect(analyseAccess('id,model_id:id\na,"model_x\n', 'm/a.csv', 'm').problem).toMatchObject({ kind: 'csv', line: 2 });
});
