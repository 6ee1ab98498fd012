/**
 * Bidirectional control characters (U+202A-U+202E, U+2066-U+2069) make text display in another
 * order than it is read ("Trojan Source", CVE-2021-42574). Text from a database or a module
 * never carries them raw into generated code or files the user reviews.
 */
const BIDI = /[\u202a-\u202e\u2066-\u2069]/g;

export const hasBidiControls = (s: string): boolean => /[\u202a-\u202e\u2066-\u2069]/.test(s);

/**
 * Each bidi control as the six characters `\u202e`: a valid escape inside Python, TOML (basic
 * strings and quoted keys) and JSON strings, and visible text anywhere else.
 */
export const escapeBidi = (s: string): string => s.replace(BIDI, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
