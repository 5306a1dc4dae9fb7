import { z } from 'zod';
import { LOCALES, type Locale } from '#shared/enums';
import { buildingId } from '#shared/schemas/common';
import { observable } from './observable.ts';

// What this browser remembers between visits: language and building. Checked when read.
const KEY = 'lobby.console.prefs';
const stored = z.object({
  locale: z.enum(LOCALES).catch('zh-CN'),
  building: buildingId.nullable().catch(null),
});
type Prefs = z.infer<typeof stored>;

function load(): Prefs {
  try {
    const raw = localStorage.getItem(KEY);
    const parsed = stored.safeParse(raw ? JSON.parse(raw) : {});
    if (parsed.success) return parsed.data;
  } catch {
    // Storage off or garbage in it: the defaults.
  }
  return { locale: 'zh-CN', building: null };
}

export const prefs = observable<Prefs>(load());

function save(next: Prefs): void {
  prefs.set(next);
  try {
    localStorage.setItem(KEY, JSON.stringify(next));
  } catch {
    // A private window may refuse; the choice holds for this visit.
  }
}

export const setLocale = (locale: Locale) => save({ ...prefs.get(), locale });
export const setBuilding = (building: string) => save({ ...prefs.get(), building });
