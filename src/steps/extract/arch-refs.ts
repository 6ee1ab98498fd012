import { SaxesParser } from 'saxes';

/**
 * Field names a view arch mentions (`<field name="...">`), read with an XML parser. Used only to
 * record dependencies; undefined when the arch is not well-formed XML.
 */
export function archFieldNames(arch: string): string[] | undefined {
  const names = new Set<string>();
  const parser = new SaxesParser();
  let failed = false;
  parser.on('error', () => {
    failed = true;
  });
  parser.on('opentag', (tag) => {
    const name = tag.attributes.name;
    if (tag.name === 'field' && typeof name === 'string') names.add(name);
  });
  try {
    parser.write(arch).close();
  } catch {
    failed = true;
  }
  return failed ? undefined : [...names].sort();
}
