// Colours in one place. With NO_COLOR every colour is undefined (Ink then emits none) and the
// UI relies on markers (›, ▶, *) that read without colour.
import { createContext, useContext } from 'react';

export interface Theme {
  color: boolean;
  accent: string | undefined;
  dim: string | undefined;
  good: string | undefined;
  warn: string | undefined;
  bad: string | undefined;
  focus: string | undefined;
}

export function makeTheme(color: boolean): Theme {
  return color
    ? { color, accent: 'cyan', dim: 'gray', good: 'green', warn: 'yellow', bad: 'red', focus: 'cyan' }
    : { color, accent: undefined, dim: undefined, good: undefined, warn: undefined, bad: undefined, focus: undefined };
}

/** NO_COLOR (any non-empty value) turns colour off, per no-color.org. */
export function colorFromEnv(env: NodeJS.ProcessEnv): boolean {
  return !(env.NO_COLOR !== undefined && env.NO_COLOR !== '');
}

export const ThemeContext = createContext<Theme>(makeTheme(true));

export function useTheme(): Theme {
  return useContext(ThemeContext);
}
