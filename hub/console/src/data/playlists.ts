import type { z } from 'zod';
import { playlistsData } from '#shared/payloads';
import { createdId, okResponse } from '#shared/schemas/common';
import type {
  playlistInput,
  playlistPatch,
  scheduleRuleInput,
  scheduleRulePatch,
} from '#shared/schemas/playlists';
import { call } from './http.ts';

export type ScheduleData = z.infer<typeof playlistsData>;

// Playlists, rules and the default, exactly as the screens get them on the playlists topic.
export const getSchedule = (b: string) =>
  call(playlistsData, 'GET', `/api/staff/buildings/${b}/playlists`);
export const createPlaylist = (input: z.input<typeof playlistInput>) =>
  call(createdId, 'POST', '/api/staff/playlists', input);
export const updatePlaylist = (id: number, patch: z.input<typeof playlistPatch>) =>
  call(okResponse, 'PATCH', `/api/staff/playlists/${id}`, patch);
export const deletePlaylist = (id: number) =>
  call(okResponse, 'DELETE', `/api/staff/playlists/${id}`);
export const createRule = (input: z.input<typeof scheduleRuleInput>) =>
  call(createdId, 'POST', '/api/staff/schedule-rules', input);
export const updateRule = (id: number, patch: z.input<typeof scheduleRulePatch>) =>
  call(okResponse, 'PATCH', `/api/staff/schedule-rules/${id}`, patch);
export const deleteRule = (id: number) =>
  call(okResponse, 'DELETE', `/api/staff/schedule-rules/${id}`);
