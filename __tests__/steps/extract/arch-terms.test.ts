/** Terms of a view arch as Odoo cuts them, paired with their translation by position. */
import { archTerms, termPairs } from '../../../src/steps/extract/arch-terms.js';

describe('terms inside a view arch', () => {
  test('label attributes and element texts are terms; technical attributes and texts beside inline markup are not', () => {
    const terms = archTerms('<form><sheet string=" Equipment "><h1>Title &amp; more</h1><field name="x_name" placeholder="Name…" widget="char"/>'
      + '<p>Hello <b>world</b></p><attribute name="invisible">1</attribute><attribute name="string">Label</attribute></sheet></form>');
    expect([...(terms?.values() ?? [])].sort()).toEqual(['Equipment', 'Label', 'Name…', 'Title &amp; more']);
  });

  test('an inherited view: terms inside <data> and <xpath> are found (data is an HTML inline tag for Odoo, but not inline here)', () => {
    const en = '<data><xpath expr="//notebook" position="inside"><page string="Equipment" name="p"><field name="x_ids"/></page></xpath></data>';
    const fr = '<data><xpath expr="//notebook" position="inside"><page string="Équipements" name="p"><field name="x_ids"/></page></xpath></data>';
    expect(termPairs(en, fr)).toEqual([{ source: 'Equipment', value: 'Équipements' }]);
  });

  test('a translated arch gives one pair per term that differs, by position', () => {
    const en = '<search><filter string="Active" name="a"/><filter string="Retired" name="r"/><filter string="Active" name="b"/><group string="Group By"/></search>';
    const fr = '<search><filter string="Actif" name="a"/><filter string="Hors service" name="r"/><filter string="Actif" name="b"/><group string="Group By"/></search>';
    expect(termPairs(en, fr)).toEqual([{ source: 'Active', value: 'Actif' }, { source: 'Retired', value: 'Hors service' }]);
  });

  test('an arch that is not XML gives no terms, never a wrong pair', () => {
    expect(archTerms('<form><sheet>')).toBeUndefined();
    expect(termPairs('<form string="A"/>', '<form string="B">')).toEqual([]);
  });
});
