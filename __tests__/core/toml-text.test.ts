import { parse } from 'smol-toml';
import { escapeBidi, hasBidiControls } from '../../src/core/bidi.js';
import { tomlComment, tomlKey, tomlString } from '../../src/core/toml-text.js';
import { pyStr } from '../../src/steps/generate/py.js';
import { xmlText } from '../../src/steps/generate/xml.js';

const HOSTILE = ['x]\n[modules.y', '[modules.x', 'q"uote\'s', 'a = b', 'tab\tand\\back', 'adm\u202eexe.py\u2066', '', 'del\x7f', 'emoji 🎉 and é'];
const BIDI = /[\u202a-\u202e\u2066-\u2069]/;

test('hostile module names stay one key: a table header with each parses back to that name', () => {
  for (const name of HOSTILE) {
    const text = `[modules.${tomlKey(name)}]\ntitle = ${tomlString(name)}\n# ${tomlComment(name)}\n[other]\n`;
    const doc = parse(text) as { modules: Record<string, { title: string }>; other: object };
    expect(Object.keys(doc.modules)).toEqual([name]);
    expect(doc.modules[name].title).toBe(name);
    expect(text).not.toMatch(BIDI);
  }
  expect(tomlKey('helpdesk_lite')).toBe('helpdesk_lite');
  expect(tomlKey('x]\n[modules.y')).toBe('"x]\\n[modules.y"');
});

test('bidi controls come out as \\u escapes in TOML, Python and comments, and as references in XML', () => {
  const s = 'Admin \u202etools\u2066 only';
  expect(tomlString(s)).toBe('"Admin \\u202etools\\u2066 only"');
  expect(pyStr(s)).toBe("'Admin \\u202etools\\u2066 only'");
  expect(xmlText(s)).toBe('Admin &#x202e;tools&#x2066; only');
  expect(tomlComment(`a\nb ${s}`)).toBe('a b Admin \\u202etools\\u2066 only');
  for (let cp = 0x202a; cp <= 0x2069; cp++) {
    if (cp > 0x202e && cp < 0x2066) continue;
    const c = String.fromCodePoint(cp);
    expect(hasBidiControls(c)).toBe(true);
    expect(escapeBidi(c)).toBe(`\\u${cp.toString(16)}`);
    expect(pyStr(c)).not.toMatch(BIDI);
  }
  expect(hasBidiControls('plain العربية text')).toBe(false);
});

test('a string is written as smol-toml writes it, whether it takes the plain path or not', async () => {
  const { stringify } = await import('smol-toml');
  const bySmol = (s: string) => escapeBidi(stringify({ k: s }).replace(/\n$/, '').slice('k = '.length));
  // Every character from NUL to DEL alone and between letters, then mixed texts.
  const samples = [...HOSTILE, 'plain title', 'models/res_partner.py:12', '"', '\\', "it's", '#', '[x]', ' ', ''];
  for (let c = 0; c <= 0x7f; c++) samples.push(String.fromCharCode(c), `a${String.fromCharCode(c)}b`);
  for (const s of samples) {
    expect(tomlString(s)).toBe(bySmol(s));
    expect((parse(`k = ${tomlString(s)}`) as { k: string }).k).toBe(s);
  }
});
