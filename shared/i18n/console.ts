import { CONTENT_WORDS } from './console-content.ts';
import { SCREEN_WORDS } from './console-screens.ts';
import { STATION_WORDS } from './console-station.ts';
import { defineCatalogue } from './index.ts';

// The staff console, Chinese first, in three parts by area of the console.
const ALL = { ...CONTENT_WORDS, ...SCREEN_WORDS, ...STATION_WORDS };
export type ConsoleKey = keyof typeof ALL;

const pick = (i: 0 | 1) =>
  Object.fromEntries(Object.entries(ALL).map(([k, v]) => [k, v[i]])) as Record<ConsoleKey, string>;

export const consoleText = defineCatalogue<ConsoleKey>({ 'zh-CN': pick(0), en: pick(1) });
