import { resolveSchedule, type ScheduleData } from '#shared/schedule-resolver';
import { zonedToUtc } from '#shared/time';
import { addDays } from '#shared/working-days';

export interface Block {
  // Minutes after local midnight, [start, end).
  start: number;
  end: number;
  playlistId: number | null;
  label: string;
  source: 'rule' | 'default' | 'builtin';
  ruleId: number | null;
  // Rules of equal top priority tie here: shown, never settled silently.
  conflict: number[] | null;
}

// What a screen of `group` plays through each day of the week starting `monday`, found by
// asking the screens' own resolver every `step` minutes and joining equal stretches.
export function weekBlocks(
  monday: string,
  timezone: string,
  group: string | null,
  schedule: ScheduleData,
  step = 5,
): Block[][] {
  const days: Block[][] = [];
  for (let d = 0; d < 7; d++) {
    const [y, m, day] = addDays(monday, d).split('-').map(Number) as [number, number, number];
    const blocks: Block[] = [];
    for (let min = 0; min < 1440; min += step) {
      const at = zonedToUtc(y, m, day, Math.floor(min / 60), min % 60, timezone);
      const r = resolveSchedule({
        at,
        timezone,
        placement: { group, floor: null },
        schedule,
        notices: [],
        alert: null,
      });
      const conflict = r.conflicts[0]?.ruleIds ?? null;
      const next: Block = {
        start: min,
        end: min + step,
        playlistId: r.playlistId,
        label: r.playlistName,
        source: r.source,
        ruleId: r.rule?.id ?? null,
        conflict,
      };
      const last = blocks.at(-1);
      if (
        last &&
        last.playlistId === next.playlistId &&
        last.ruleId === next.ruleId &&
        String(last.conflict) === String(conflict)
      ) {
        last.end = next.end;
      } else blocks.push(next);
    }
    days.push(blocks);
  }
  return days;
}

// The Monday of the week holding `date` (YYYY-MM-DD).
export function mondayOf(date: string): string {
  const wd = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((wd + 6) % 7));
}

const PALETTE = [
  '#1d5fa8',
  '#1a7f37',
  '#8250df',
  '#bf3989',
  '#0a7d8c',
  '#9a6700',
  '#cf222e',
  '#57606a',
];
export const colorOf = (playlistId: number | null) =>
  playlistId === null ? '#d0d7de' : (PALETTE[playlistId % PALETTE.length] ?? '#57606a');
