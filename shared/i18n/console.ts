import { CONTENT_WORDS } from './console-content.ts';
import { SCREEN_WORDS } from './console-screens.ts';
import { STATION_WORDS } from './console-station.ts';
import { pairedCatalogue } from './index.ts';

// The staff console, Chinese first, in three parts by area of the console.
const ALL = { ...CONTENT_WORDS, ...SCREEN_WORDS, ...STATION_WORDS };
export type ConsoleKey = keyof typeof ALL;

export const consoleText = pairedCatalogue<ConsoleKey>(ALL);
