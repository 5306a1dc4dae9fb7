import { z } from 'zod';
import { bank, building, floor, place } from '#shared/schemas/buildings';
import { placeStats } from '#shared/schemas/reports';
import { call } from './http.ts';

export const buildingDetail = building.extend({ floors: z.array(floor), banks: z.array(bank) });
export type BuildingDetail = z.infer<typeof buildingDetail>;

export const listBuildings = () => call(z.array(building), 'GET', '/api/public/buildings');
export const getBuilding = (b: string) => call(buildingDetail, 'GET', `/api/public/buildings/${b}`);
export const listPlaces = (b: string) =>
  call(z.array(place), 'GET', `/api/staff/buildings/${b}/places`);
export const placeStatsOf = (b: string) =>
  call(z.array(placeStats), 'GET', `/api/staff/buildings/${b}/places/stats`);

// The screen groups of a building, from its elevator banks, lowest floor first (the lobby).
export function groupsOf(d: BuildingDetail): string[] {
  const lowest = new Map<string, number>();
  for (const b of d.banks) lowest.set(b.group, Math.min(b.floor, lowest.get(b.group) ?? Infinity));
  return [...lowest.entries()]
    .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))
    .map(([g]) => g);
}
