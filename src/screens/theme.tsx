import { createContext, useContext } from 'react';

/** Named colours the screens use; with --no-color / NO_COLOR every one maps to undefined. */
const PALETTE = {
  accent: 'cyan',
  ok: 'green',
  warn: 'yellow',
  error: 'red',
  muted: 'gray',
  table: 'magenta',
  key: 'blue',
  string: 'green',
  number: 'yellow',
  comment: 'gray',
  added: 'green',
  removed: 'red',
} as const;

export type ColourName = keyof typeof PALETTE;

export interface Theme {
  colour(name: ColourName): string | undefined;
  noColor: boolean;
}

export function makeTheme(noColor: boolean): Theme {
  return { noColor, colour: (name) => (noColor ? undefined : PALETTE[name]) };
}

export const ThemeContext = createContext<Theme>(makeTheme(false));

export const useTheme = (): Theme => useContext(ThemeContext);
