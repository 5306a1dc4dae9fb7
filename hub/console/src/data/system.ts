import { z } from 'zod';
import { createdId, okResponse } from '#shared/schemas/common';
import { jobRunResult, jobsOverview, mediaItem, type JobName } from '#shared/schemas/console';
import { calendarDay, type HolidayRangeInput } from '#shared/schemas/holidays';
import {
  attendanceReport,
  feedbackReport,
  playsReport,
  type ReportKind,
  type ReportQuery,
} from '#shared/schemas/reports';
import { staffUser, type staffUserInput, type staffUserPatch } from '#shared/schemas/staff';
import type { Locale } from '#shared/enums';
import { call, qs } from './http.ts';

// Users, audit, jobs, holidays, images and reports: the console's back office.
export const listUsers = () => call(z.array(staffUser), 'GET', '/api/staff/users');
export const createUser = (input: z.input<typeof staffUserInput>) =>
  call(createdId, 'POST', '/api/staff/users', input);
export const updateUser = (id: number, patch: z.input<typeof staffUserPatch>) =>
  call(okResponse, 'PATCH', `/api/staff/users/${id}`, patch);

export const auditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditEntry = z.infer<typeof auditEntry>;
export const listAudit = (q: {
  entity?: string;
  actor?: string;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}) => call(z.array(auditEntry), 'GET', `/api/staff/audit${qs(q)}`);

export const getJobs = () => call(jobsOverview, 'GET', '/api/staff/jobs');
export const runJob = (name: JobName) =>
  call(jobRunResult, 'POST', `/api/staff/jobs/${name}/run`, {});

export const listHolidays = (b: string, from?: string, to?: string) =>
  call(z.array(calendarDay), 'GET', `/api/staff/buildings/${b}/holidays${qs({ from, to })}`);
export const putHolidays = (b: string, input: HolidayRangeInput) =>
  call(z.object({ days: z.number() }), 'PUT', `/api/staff/buildings/${b}/holidays`, input);
export const removeHolidays = (b: string, from: string, to: string) =>
  call(
    z.object({ days: z.number() }),
    'DELETE',
    `/api/staff/buildings/${b}/holidays${qs({ from, to })}`,
  );

export const listMedia = () => call(z.array(mediaItem), 'GET', '/api/staff/media?limit=200');
export const uploadMedia = (file: File) =>
  call(mediaItem, 'POST', '/api/staff/media', file, {
    'x-file-name': encodeURIComponent(file.name),
  });
export const deleteMedia = (hash: string) => call(okResponse, 'DELETE', `/api/staff/media/${hash}`);

const reportSchemas = {
  plays: playsReport,
  feedback: feedbackReport,
  attendance: attendanceReport,
};
export const getReport = <K extends ReportKind>(kind: K, q: ReportQuery) =>
  call(reportSchemas[kind], 'GET', `/api/staff/reports/${kind}${qs(q)}`) as Promise<
    z.infer<(typeof reportSchemas)[K]>
  >;
export const reportCsvUrl = (kind: ReportKind, q: ReportQuery, locale: Locale) =>
  `/api/staff/reports/${kind}/csv${qs({ ...q, locale })}`;
