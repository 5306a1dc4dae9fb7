import type { Locale } from '#shared/enums';
import { consoleText, type ConsoleKey } from '#shared/i18n/console';
import { translator } from '#shared/i18n/index';
import { vocabulary } from '#shared/i18n/vocabulary';
import type {
  AttendanceReport,
  FeedbackReport,
  PlaceStats,
  PlaysReport,
  ReportKind,
  ReportQuery,
} from '#shared/schemas/reports';
import { localDate, offsetMinutes, zonedToUtc } from '#shared/time';
import { addDays } from '#shared/working-days';
import type { HubContext } from '../context.ts';
import { must } from '../errors.ts';

// The period's local dates as UTC bounds [from, to).
function bounds(ctx: HubContext, q: ReportQuery) {
  const tz = must(ctx.store.buildings.get(q.building), 'building').timezone;
  const at = (date: string) => {
    const [y, m, d] = date.split('-').map(Number);
    return zonedToUtc(y ?? 1970, m ?? 1, d ?? 1, 0, 0, tz).toISOString();
  };
  return { tz, from: at(q.from), to: at(addDays(q.to, 1)) };
}

export function playsReport(ctx: HubContext, q: ReportQuery): PlaysReport {
  const { tz, from, to } = bounds(ctx, q);
  // One offset for the whole period: exact for Asia/Shanghai, an hour off around a DST change elsewhere.
  const offset = `${offsetMinutes(new Date(from), tz) >= 0 ? '+' : ''}${offsetMinutes(new Date(from), tz)} minutes`;
  return {
    rows: ctx.store.reports.playsBySlideAndDevice(q.building, from, to).map((r) => ({
      slide: r.slide,
      deviceId: r.device_id,
      device: r.device,
      plays: r.plays,
      seconds: r.seconds,
    })),
    days: ctx.store.reports
      .playsByDay(q.building, from, to, offset)
      .map((d) => ({ date: d.day, plays: d.plays, seconds: d.seconds })),
  };
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

export function feedbackReport(ctx: HubContext, q: ReportQuery): FeedbackReport {
  const { tz, from, to } = bounds(ctx, q);
  type Acc = { received: number; closed: number; open: number; days: number[]; ratings: number[] };
  const groups = new Map<string, Acc>();
  for (const f of ctx.store.reports.feedbackFacts(q.building, from, to)) {
    const key = `${localDate(new Date(f.created_at), tz).slice(0, 7)}|${f.category}`;
    const g = groups.get(key) ?? { received: 0, closed: 0, open: 0, days: [], ratings: [] };
    g.received++;
    if (f.status === 'closed' && f.closed_at) {
      g.closed++;
      g.days.push((Date.parse(f.closed_at) - Date.parse(f.created_at)) / 86_400_000);
    } else if (f.status !== 'declined' && f.status !== 'resolved') g.open++;
    if (f.rating !== null) g.ratings.push(f.rating);
    groups.set(key, g);
  }
  const rows = [...groups.entries()].map(([key, g]) => {
    const [month = '', category] = key.split('|') as [
      string,
      FeedbackReport['rows'][number]['category'],
    ];
    const m = median(g.days);
    return {
      month,
      category,
      received: g.received,
      closed: g.closed,
      open: g.open,
      medianDaysToClose: m === null ? null : round1(m),
      rated: g.ratings.length,
      satisfaction: g.ratings.length
        ? round1(g.ratings.reduce((a, b) => a + b, 0) / g.ratings.length)
        : null,
    };
  });
  rows.sort((a, b) => a.month.localeCompare(b.month) || a.category.localeCompare(b.category));
  return { rows };
}

export function attendanceReport(ctx: HubContext, q: ReportQuery): AttendanceReport {
  const { from, to } = bounds(ctx, q);
  const now = ctx.now().toISOString();
  return {
    rows: ctx.store.reports.attendance(q.building, from, to, now).map((e) => ({
      eventId: e.id,
      title: e.title,
      kind: e.kind,
      start: e.start_at,
      capacity: e.capacity,
      confirmed: e.confirmed,
      checkedIn: e.checked_in,
      walkIns: e.walk_ins,
      noShows: e.end_at <= now ? e.no_shows : null,
      waitlisted: e.waitlisted,
      cancelled: e.cancelled,
    })),
  };
}

export function placeStats(ctx: HubContext, building: string): PlaceStats[] {
  must(ctx.store.buildings.get(building), 'building');
  return ctx.store.reports.placeStats(building).map((r) => ({
    placeId: r.place_id,
    scans: r.scans,
    feedback: r.feedback,
    open: r.open,
    lastFeedbackAt: r.last_feedback_at,
  }));
}

// RFC 4180 with a BOM, so Excel opens Chinese text right; a cell that a spreadsheet would
// take for a formula is prefixed with an apostrophe.
export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const cell = (v: unknown): string => {
    let s = v === null || v === undefined ? '' : String(v);
    if (/^[=+\-@\t\r]/.test(s) && typeof v === 'string') s = `'${s}`;
    return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  return `\uFEFF${[header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

const COLUMNS: Record<ReportKind, ConsoleKey[]> = {
  plays: ['report.slide', 'report.device', 'report.deviceId', 'report.plays.n', 'report.seconds'],
  feedback: [
    'report.month',
    'report.category',
    'report.received',
    'report.closed',
    'report.open',
    'report.medianDays',
    'report.rated',
    'report.satisfaction',
  ],
  attendance: [
    'report.event',
    'report.kind',
    'report.start',
    'report.capacity',
    'report.confirmed',
    'report.checkedIn',
    'report.walkIns',
    'report.noShows',
    'report.waitlisted',
    'report.cancelled',
  ],
};

export function reportCsv(
  ctx: HubContext,
  kind: ReportKind,
  q: ReportQuery,
  locale: Locale,
): string {
  const t = translator(consoleText, locale);
  const v = translator(vocabulary, locale);
  const header = COLUMNS[kind].map((k) => t(k));
  const tz = must(ctx.store.buildings.get(q.building), 'building').timezone;
  const local = (iso: string) =>
    `${localDate(new Date(iso), tz)} ${new Date(iso).toLocaleTimeString('en-GB', { timeZone: tz, hour: '2-digit', minute: '2-digit' })}`;
  switch (kind) {
    case 'plays':
      return toCsv(
        header,
        playsReport(ctx, q).rows.map((r) => [r.slide, r.device, r.deviceId, r.plays, r.seconds]),
      );
    case 'feedback':
      return toCsv(
        header,
        feedbackReport(ctx, q).rows.map((r) => [
          r.month,
          v(`feedback.${r.category}`),
          r.received,
          r.closed,
          r.open,
          r.medianDaysToClose,
          r.rated,
          r.satisfaction,
        ]),
      );
    case 'attendance':
      return toCsv(
        header,
        attendanceReport(ctx, q).rows.map((r) => [
          r.title,
          v(`event.${r.kind}`),
          local(r.start),
          r.capacity,
          r.confirmed,
          r.checkedIn,
          r.walkIns,
          r.noShows,
          r.waitlisted,
          r.cancelled,
        ]),
      );
  }
}
