import type { z } from 'zod';
import type { ContentData } from '#shared/payloads';
import { resolveSchedule } from '#shared/schedule-resolver';
import type {
  playlistInput,
  playlistPatch,
  scheduleRuleInput,
  scheduleRulePatch,
  Preview,
  Slide,
} from '#shared/schemas/playlists';
import type { Actor, HubContext } from '../context.ts';
import { conflict, invalid, must } from '../errors.ts';
import { assertFits } from '../publish/budget.ts';
import { registerSnapshot } from '../publish/snapshots.ts';
import type { RuleFields } from '../store/playlists.ts';
import { audit } from './audit.ts';
import { upcomingEvents } from './events.ts';

type PlaylistInput = z.infer<typeof playlistInput>;
type PlaylistPatch = z.infer<typeof playlistPatch>;
type RuleInput = z.infer<typeof scheduleRuleInput>;
type RulePatch = z.infer<typeof scheduleRulePatch>;

// The retained `playlists` snapshot of a building: every playlist and rule; screens resolve.
export function playlistsFor(ctx: HubContext, building: string): ContentData<'playlists'> {
  return {
    playlists: ctx.store.playlists.list(building),
    rules: ctx.store.playlists.rules(building),
    defaultPlaylistId: ctx.store.playlists.defaultOf(building),
  };
}
registerSnapshot('playlists', playlistsFor);

// A slide that names a notice must name one of this building's notices.
function checkSlides(ctx: HubContext, building: string, slides: Slide[]): void {
  slides.forEach((s, i) => {
    if (s.noticeId === undefined) return;
    const n = ctx.store.notices.get(s.noticeId);
    if (!n || n.building !== building) throw invalid(`slides.${i}.noticeId`, 'noSuchNotice');
  });
}

function checkRule(ctx: HubContext, building: string, f: RuleFields): void {
  const p = ctx.store.playlists.get(f.playlistId);
  if (!p || p.building !== building) throw invalid('playlistId', 'noSuchPlaylist');
  if (f.dateFrom && f.dateTo && f.dateFrom > f.dateTo) throw invalid('dateTo', 'notBeforeDateFrom');
}

export function createPlaylist(ctx: HubContext, actor: Actor, input: PlaylistInput): number {
  must(ctx.store.buildings.get(input.building), 'building');
  checkSlides(ctx, input.building, input.slides);
  const id = ctx.store.tx(() => {
    const id = ctx.store.playlists.insert(
      input.building,
      { name: input.name, slides: input.slides },
      ctx.now().toISOString(),
    );
    if (input.isDefault) ctx.store.playlists.setDefault(input.building, id);
    assertFits(ctx, input.building, 'playlists', 'slides');
    audit(ctx, actor, 'create', 'playlist', id, null, ctx.store.playlists.get(id));
    return id;
  });
  ctx.changes.changed(input.building, 'playlists');
  return id;
}

export function updatePlaylist(
  ctx: HubContext,
  actor: Actor,
  id: number,
  patch: PlaylistPatch,
): void {
  const before = must(ctx.store.playlists.get(id), 'playlist');
  const slides = patch.slides ?? before.slides;
  checkSlides(ctx, before.building, slides);
  ctx.store.tx(() => {
    ctx.store.playlists.update(
      id,
      { name: patch.name ?? before.name, slides },
      ctx.now().toISOString(),
    );
    if (patch.isDefault === true) ctx.store.playlists.setDefault(before.building, id);
    if (patch.isDefault === false && before.isDefault)
      ctx.store.playlists.setDefault(before.building, null);
    assertFits(ctx, before.building, 'playlists', 'slides');
    audit(ctx, actor, 'update', 'playlist', id, before, ctx.store.playlists.get(id));
  });
  ctx.changes.changed(before.building, 'playlists');
}

export function deletePlaylist(ctx: HubContext, actor: Actor, id: number): void {
  const before = must(ctx.store.playlists.get(id), 'playlist');
  ctx.store.tx(() => {
    const using = ctx.store.playlists.rulesUsing(id);
    if (using.length > 0) throw conflict('id', 'playlistInUse', { rules: using.join('、') });
    ctx.store.playlists.remove(id);
    audit(ctx, actor, 'delete', 'playlist', id, before, null);
  });
  ctx.changes.changed(before.building, 'playlists');
}

export function createRule(ctx: HubContext, actor: Actor, input: RuleInput): number {
  must(ctx.store.buildings.get(input.building), 'building');
  const { building, ...fields } = input;
  checkRule(ctx, building, fields);
  const id = ctx.store.tx(() => {
    const id = ctx.store.playlists.insertRule(building, fields, ctx.now().toISOString());
    assertFits(ctx, building, 'playlists', 'groups');
    audit(ctx, actor, 'create', 'schedule_rule', id, null, ctx.store.playlists.rule(id));
    return id;
  });
  ctx.changes.changed(building, 'playlists');
  return id;
}

export function updateRule(ctx: HubContext, actor: Actor, id: number, patch: RulePatch): void {
  const before = must(ctx.store.playlists.rule(id), 'rule');
  // null clears a date bound; undefined keeps it.
  const date = (next: string | null | undefined, prev: string | undefined) =>
    next === undefined ? prev : (next ?? undefined);
  const fields: RuleFields = {
    playlistId: patch.playlistId ?? before.playlistId,
    groups: patch.groups ?? before.groups,
    weekdays: patch.weekdays ?? before.weekdays,
    from: patch.from ?? before.from,
    to: patch.to ?? before.to,
    dateFrom: date(patch.dateFrom, before.dateFrom),
    dateTo: date(patch.dateTo, before.dateTo),
    priority: patch.priority ?? before.priority,
  };
  checkRule(ctx, before.building, fields);
  ctx.store.tx(() => {
    ctx.store.playlists.updateRule(id, fields, ctx.now().toISOString());
    assertFits(ctx, before.building, 'playlists', 'groups');
    audit(ctx, actor, 'update', 'schedule_rule', id, before, ctx.store.playlists.rule(id));
  });
  ctx.changes.changed(before.building, 'playlists');
}

export function deleteRule(ctx: HubContext, actor: Actor, id: number): void {
  const before = must(ctx.store.playlists.rule(id), 'rule');
  ctx.store.tx(() => {
    ctx.store.playlists.removeRule(id);
    audit(ctx, actor, 'delete', 'schedule_rule', id, before, null);
  });
  ctx.changes.changed(before.building, 'playlists');
}

export interface PreviewPlacement {
  group: string | null;
  floor: number | null;
}

// Where a paired screen of this building hangs (its group is its own, else its bank's).
export function devicePlacement(
  ctx: HubContext,
  building: string,
  deviceId: string,
): PreviewPlacement | null {
  const d = ctx.store.devices.get(deviceId);
  return d && d.building_id === building && !d.revoked_at ? { group: d.grp, floor: d.floor } : null;
}

// What the resolver says a screen of this placement shows at `at`: the same code the screens run.
export function previewFor(
  ctx: HubContext,
  building: string,
  placement: PreviewPlacement,
  at: Date,
): Preview {
  const b = must(ctx.store.buildings.get(building), 'building');
  const alert = ctx.store.alerts.get(building);
  const r = resolveSchedule({
    at,
    timezone: b.timezone,
    placement,
    schedule: playlistsFor(ctx, building),
    notices: ctx.store.notices.current(building, at.toISOString()),
    alert: alert
      ? { level: alert.level, title: alert.title, body: alert.body, since: alert.since }
      : null,
    events: upcomingEvents(ctx, building),
    contacts: ctx.store.contacts.list(building),
  });
  return { ...r, timezone: b.timezone, placement };
}
