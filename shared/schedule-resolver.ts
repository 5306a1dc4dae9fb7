// What a screen shows at a given moment. Pure: the signage app runs it on the device every
// minute (so schedules and notice windows work with no hub), and the console preview runs
// the same code on the hub.
//
// Precedence, fixed:
//   1. an emergency alert replaces everything;
//   2. urgent notices that target the screen open every loop, each as its own full slide,
//      ahead of whatever the schedule plays (they are never crowded out by a schedule);
//   3. the playlist of the highest-priority schedule rule that matches the screen's group,
//      the local weekday, date and time of day;
//   4. the building's default playlist;
//   5. the built-in rotation (notices, contacts, events, feedback).
// Two matching rules of equal top priority are a conflict: the more specific one (it names
// groups) plays, then the older one (lower id), and the conflict is reported.
//
// Times are wall-clock times in the building's time zone. A range with `to` before `from`
// runs overnight and belongs to the weekday and date it starts on. On a DST change day a
// range covers the wall-clock times that exist: 02:00–03:00 never happens on a spring-forward
// day and happens twice on a fall-back day.
import type { AlertLevel } from './enums.ts';
import type { Contact } from './schemas/contacts.ts';
import type { ScreenEvent } from './schemas/events.ts';
import type { Notice } from './schemas/notices.ts';
import type { Playlist, ScheduleRule, Slide } from './schemas/playlists.ts';
import { localParts, type LocalParts } from './time.ts';

export interface Placement {
  group: string | null;
  floor: number | null;
}

export interface ScheduleData {
  playlists: Playlist[];
  rules: ScheduleRule[];
  defaultPlaylistId: number | null;
}

export interface AlertInfo {
  level: AlertLevel;
  title: string;
  body: string;
  since: string;
}

export interface ResolveInput {
  at: Date;
  timezone: string;
  placement: Placement;
  schedule: ScheduleData | null;
  notices: readonly Notice[];
  alert: AlertInfo | null;
  // When given, slides with nothing to show are left out (no events ahead, no contacts).
  events?: readonly ScreenEvent[];
  contacts?: readonly Contact[];
  hasBoard?: boolean;
}

export type Layer = 'alert' | 'urgent' | 'rule' | 'default' | 'builtin';
export type PlaylistSource = 'rule' | 'default' | 'builtin';

export interface Conflict {
  priority: number;
  ruleIds: number[];
}

export interface Resolution {
  at: string;
  layer: Layer;
  alert: AlertInfo | null;
  source: PlaylistSource;
  playlistId: number | null;
  playlistName: string;
  rule: ScheduleRule | null;
  // Every matching rule, winner first.
  matched: ScheduleRule[];
  conflicts: Conflict[];
  urgent: Notice[];
  // What plays, in order; empty means the branded idle slide.
  slides: Slide[];
}

export const URGENT_SLIDE_SECONDS = 15;

export const BUILTIN_SLIDES: readonly Slide[] = [
  { id: 'builtin-notices', kind: 'notices', duration: 20 },
  { id: 'builtin-contacts', kind: 'contacts', duration: 20 },
  { id: 'builtin-events', kind: 'events', duration: 20 },
  { id: 'builtin-feedback', kind: 'feedback', duration: 15 },
];

const PRIORITY_ORDER = { urgent: 0, high: 1, normal: 2 } as const;

export function resolveSchedule(input: ResolveInput): Resolution {
  const local = localParts(input.at, input.timezone);
  const notices = activeNotices(input.notices, input.at, input.placement);
  const urgent = notices.filter((n) => n.priority === 'urgent');
  const { matched, conflicts } = matchRules(input.schedule, input.placement, local);

  const playlists = new Map((input.schedule?.playlists ?? []).map((p) => [p.id, p]));
  const rule = matched[0] ?? null;
  const fallback = input.schedule?.defaultPlaylistId ?? null;
  const chosen = rule
    ? playlists.get(rule.playlistId)
    : fallback === null
      ? undefined
      : playlists.get(fallback);
  const source: PlaylistSource = chosen ? (rule ? 'rule' : 'default') : 'builtin';

  const ctx = { ...input, notices };
  const slides = [
    ...urgent.map((n) => urgentSlide(n)),
    ...(chosen?.slides ?? BUILTIN_SLIDES).filter((s) => playable(s, ctx)),
  ];
  const layer: Layer = input.alert ? 'alert' : urgent.length > 0 ? 'urgent' : source;
  return {
    at: input.at.toISOString(),
    layer,
    alert: input.alert,
    source,
    playlistId: chosen?.id ?? null,
    playlistName: chosen?.name ?? 'builtin',
    rule: chosen && rule ? rule : null,
    matched,
    conflicts,
    urgent,
    slides,
  };
}

// Notices running at `at` that target this screen, urgent first, then newest first.
export function activeNotices(
  notices: readonly Notice[],
  at: Date,
  placement: Placement,
): Notice[] {
  const t = at.getTime();
  return notices
    .filter(
      (n) =>
        (!n.validFrom || Date.parse(n.validFrom) <= t) &&
        (!n.validTo || t < Date.parse(n.validTo)) &&
        (n.floors.length === 0 ||
          (placement.floor !== null && n.floors.includes(placement.floor))) &&
        (n.groups.length === 0 || (placement.group !== null && n.groups.includes(placement.group))),
    )
    .sort((a, b) => PRIORITY_ORDER[a.priority] - PRIORITY_ORDER[b.priority] || b.id - a.id);
}

// Contacts for a floor's card: its captains first, then the building-wide liaisons.
export function contactsForFloor(contacts: readonly Contact[], floor: number | null): Contact[] {
  const mine = contacts.filter((c) => floor !== null && c.floors.includes(floor));
  const liaisons = contacts.filter((c) => c.floors.length === 0);
  return [...mine, ...liaisons];
}

export function upcomingEvents<E extends ScreenEvent>(events: readonly E[], at: Date): E[] {
  const t = at.getTime();
  return events
    .filter((e) => Date.parse(e.end) > t)
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
}

function urgentSlide(n: Notice): Slide {
  return { id: `urgent-${n.id}`, kind: 'notice', duration: URGENT_SLIDE_SECONDS, noticeId: n.id };
}

function playable(s: Slide, ctx: ResolveInput): boolean {
  switch (s.kind) {
    case 'notice':
      return ctx.notices.some((n) => n.id === s.noticeId);
    case 'notices':
      return ctx.notices.length > 0;
    case 'events':
      return !ctx.events || upcomingEvents(ctx.events, ctx.at).length > 0;
    case 'contacts':
      return !ctx.contacts || contactsForFloor(ctx.contacts, ctx.placement.floor).length > 0;
    case 'board':
      return ctx.hasBoard ?? true;
    case 'feedback':
    case 'image':
      return true;
  }
}

function matchRules(
  schedule: ScheduleData | null,
  placement: Placement,
  local: LocalParts,
): { matched: ScheduleRule[]; conflicts: Conflict[] } {
  if (!schedule) return { matched: [], conflicts: [] };
  const known = new Set(schedule.playlists.map((p) => p.id));
  const today = dayOf(local);
  const yesterday = previousDay(today);
  const minute = local.hour * 60 + local.minute;
  const matched = schedule.rules
    .filter((r) => known.has(r.playlistId) && forScreen(r, placement))
    .filter((r) => inRange(r, minute, today, yesterday))
    .sort(
      (a, b) =>
        b.priority - a.priority ||
        Number(b.groups.length > 0) - Number(a.groups.length > 0) ||
        a.id - b.id,
    );
  const top = matched[0];
  const tied = top ? matched.filter((r) => r.priority === top.priority) : [];
  return {
    matched,
    conflicts:
      top && tied.length > 1 ? [{ priority: top.priority, ruleIds: tied.map((r) => r.id) }] : [],
  };
}

function forScreen(r: ScheduleRule, p: Placement): boolean {
  return r.groups.length === 0 || (p.group !== null && r.groups.includes(p.group));
}

interface Day {
  date: string;
  weekday: number;
  y: number;
  m: number;
  d: number;
}

function dayOf(p: { year: number; month: number; day: number; weekday: number }): Day {
  const date = `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
  return { date, weekday: p.weekday, y: p.year, m: p.month, d: p.day };
}

// Calendar arithmetic on the local date itself, so no time zone or DST is involved.
function previousDay(day: Day): Day {
  const t = new Date(Date.UTC(day.y, day.m - 1, day.d - 1));
  return dayOf({
    year: t.getUTCFullYear(),
    month: t.getUTCMonth() + 1,
    day: t.getUTCDate(),
    weekday: day.weekday === 1 ? 7 : day.weekday - 1,
  });
}

export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':');
  return Number(h) * 60 + Number(m);
}

function onDay(r: ScheduleRule, day: Day): boolean {
  return (
    r.weekdays.includes(day.weekday) &&
    (!r.dateFrom || r.dateFrom <= day.date) &&
    (!r.dateTo || day.date <= r.dateTo)
  );
}

function inRange(r: ScheduleRule, minute: number, today: Day, yesterday: Day): boolean {
  const from = minutesOf(r.from);
  const to = minutesOf(r.to);
  if (from === to) return onDay(r, today);
  if (from < to) return from <= minute && minute < to && onDay(r, today);
  // Overnight: the evening part belongs to today, the small hours to the day before.
  return (minute >= from && onDay(r, today)) || (minute < to && onDay(r, yesterday));
}

const WEEK = 7 * 1440;

// Pairs of rules of equal priority that can match the same screen at the same moment,
// found without a clock, so the console can warn when a rule is saved. Date ranges are
// compared as ranges (a pair is reported if they overlap at all).
export function findConflicts(rules: readonly ScheduleRule[]): Array<[number, number]> {
  const spans = new Map(rules.map((r) => [r.id, weeklySpans(r)]));
  const out: Array<[number, number]> = [];
  for (const [i, a] of rules.entries()) {
    for (const b of rules.slice(i + 1)) {
      if (a.priority !== b.priority) continue;
      const groups =
        a.groups.length === 0 ||
        b.groups.length === 0 ||
        a.groups.some((g) => b.groups.includes(g));
      const dates =
        (!a.dateFrom || !b.dateTo || a.dateFrom <= b.dateTo) &&
        (!b.dateFrom || !a.dateTo || b.dateFrom <= a.dateTo);
      const sa = spans.get(a.id) ?? [];
      const sb = spans.get(b.id) ?? [];
      const times = sa.some(([s1, e1]) => sb.some(([s2, e2]) => s1 < e2 && s2 < e1));
      if (groups && dates && times) out.push([a.id, b.id]);
    }
  }
  return out;
}

// The minutes of the week a rule covers, as [start, end) spans; Sunday night wraps to Monday.
function weeklySpans(r: ScheduleRule): Array<[number, number]> {
  const from = minutesOf(r.from);
  const to = minutesOf(r.to);
  const spans: Array<[number, number]> = [];
  for (const w of r.weekdays) {
    const day = (w - 1) * 1440;
    const start = day + from;
    const end = from === to ? day + 1440 : from < to ? day + to : day + 1440 + to;
    if (end <= WEEK) spans.push([start, end]);
    else spans.push([start, WEEK], [0, end - WEEK]);
  }
  return spans;
}
