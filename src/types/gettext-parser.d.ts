/** The part of gettext-parser 10 (which ships no typings) that the generator uses. */
declare module 'gettext-parser' {
  export interface PoComments {
    translator?: string;
    extracted?: string;
    reference?: string;
    flag?: string;
    previous?: string;
  }
  export interface PoEntry {
    msgctxt?: string;
    msgid: string;
    msgid_plural?: string;
    msgstr: string[];
    comments?: PoComments;
  }
  export interface PoData {
    charset: string;
    headers: Record<string, string>;
    translations: Record<string, Record<string, PoEntry>>;
  }
  export const po: {
    compile(data: PoData, options?: { foldLength?: number; sort?: boolean | ((a: PoEntry, b: PoEntry) => number) }): Buffer;
    parse(input: string | Buffer, options?: { defaultCharset?: string; validation?: boolean }): PoData;
  };
  const gettextParser: { po: typeof po };
  export default gettextParser;
}
