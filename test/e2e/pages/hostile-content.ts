import type { TestHub } from '../../helpers/hub.ts';
import { pairDevice } from '../../helpers/mqtt.ts';

// Markup and script in text, as a careless or hostile editor, visitor or requester would
// type it. Rendered as HTML, the image's error handler or the script sets window.__xss;
// `$'` and `$&` catch text pasted into a page with String.replace.
const LONG = `<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>"'&$'$&`;
const SHORT = `<img src=x onerror=__xss=1><script>__xss=2</script>"'&$'`;
const TINY = `<img src=x onerror=__xss=1>"'&$'`;
const long = (tag: string) => `${tag}|${LONG}`;
const short = (tag: string) => `${tag}|${SHORT}`;
const tiny = (tag: string) => `${tag}|${TINY}`;

// Every free-text field, each with its own tag so a failure names the field.
export const HOSTILE = {
  building: short('bn'),
  floorLabel: long('fl'),
  floorCompany: long('fc'),
  bank: tiny('bk'),
  place: long('pl'),
  noticeTitle: long('nt'),
  noticeBody: long('nb'),
  contactName: short('cn'),
  contactCompany: long('cc'),
  contactHours: long('ch'),
  eventTitle: long('et'),
  eventPlace: long('ep'),
  eventDescription: long('ed'),
  registrantName: short('rn'),
  registrantCompany: long('rc'),
  feedbackText: long('ft'),
  openFeedbackText: long('fo'),
  feedbackContact: short('fn'),
  feedbackNote: long('fs'),
  feedbackAssignee: long('fa'),
  feedbackReply: long('fr'),
  ratingComment: long('fk'),
  alertTitle: long('at'),
  alertBody: long('ab'),
  playlistName: short('pn'),
  slideCaption: long('sc'),
  mediaName: long('mn'),
  staffName: short('sd'),
  signageName: short('ds'),
  kioskName: short('dk'),
  holiday: tiny('hn'),
} as const;
export type HostileField = keyof typeof HOSTILE;

export const HOSTILE_FLOOR = 8;
export const HOSTILE_STAFF = { username: 'hostile', password: 'a-long-staff-password' };

export interface HostileContent {
  noticeId: number;
  contactId: number;
  eventId: number;
  placeId: number;
  bankId: number;
  playlistId: number;
  feedback: { ticket: string; secret: string };
  registration: { ticket: string; secret: string };
  // The place's QR codes by intent.
  codes: Record<string, string>;
}

async function call<T>(hub: TestHub, token: string, method: string, path: string, body?: unknown) {
  const res = await hub.api<T>(method, path, body, token);
  if (res.status >= 300)
    throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

// Fills the demo building with HOSTILE text in every field staff, visitors and requesters
// can write, through the same API the console, phones and kiosks use.
export async function seedHostile(hub: TestHub, admin: string): Promise<HostileContent> {
  const as = <T>(method: string, path: string, body?: unknown) =>
    call<T>(hub, admin, method, path, body);
  const h = HOSTILE;
  await as('PATCH', '/api/staff/buildings/demo', { name: h.building });
  await as('PUT', '/api/staff/buildings/demo/floors', {
    number: HOSTILE_FLOOR,
    label: h.floorLabel,
    companies: [h.floorCompany],
  });
  const bankId = (
    await as<{ id: number }>('POST', '/api/staff/buildings/demo/banks', {
      floor: HOSTILE_FLOOR,
      name: h.bank,
      group: 'hostile',
    })
  ).id;
  const placeId = (
    await as<{ id: number }>('POST', '/api/staff/buildings/demo/places', {
      floor: HOSTILE_FLOOR,
      bankId,
      name: h.place,
    })
  ).id;
  const places = await as<{ id: number; codes: { code: string; intent: string }[] }[]>(
    'GET',
    '/api/staff/buildings/demo/places',
  );
  const codes = Object.fromEntries(
    (places.find((p) => p.id === placeId)?.codes ?? []).map((c) => [c.intent, c.code]),
  );
  const noticeId = (
    await as<{ id: number }>('POST', '/api/staff/notices', {
      building: 'demo',
      title: h.noticeTitle,
      body: h.noticeBody,
      category: 'safety',
      priority: 'high',
    })
  ).id;
  const contactId = (
    await as<{ id: number }>('POST', '/api/staff/contacts', {
      building: 'demo',
      name: h.contactName,
      role: 'captain',
      floors: [HOSTILE_FLOOR],
      company: h.contactCompany,
      phone: '13800138000',
      hours: h.contactHours,
    })
  ).id;
  const start = new Date(Date.now() + 2 * 86_400_000);
  const eventId = (
    await as<{ id: number }>('POST', '/api/staff/events', {
      building: 'demo',
      title: h.eventTitle,
      kind: 'lecture',
      place: h.eventPlace,
      description: h.eventDescription,
      start: start.toISOString(),
      end: new Date(start.getTime() + 3_600_000).toISOString(),
      capacity: 30,
    })
  ).id;
  const registration = await call<{ ticket: string; secret: string }>(
    hub,
    '',
    'POST',
    `/api/public/events/${eventId}/registrations`,
    { name: h.registrantName, company: h.registrantCompany, phone: '13900139000' },
  );
  const media = await fetch(`${hub.url}/api/staff/media`, {
    method: 'POST',
    headers: {
      'content-type': 'image/png',
      'x-file-name': encodeURIComponent(h.mediaName),
      authorization: `Bearer ${admin}`,
    },
    body: Buffer.from(PNG_1X1, 'base64'),
  });
  if (media.status !== 201) throw new Error(`media: ${media.status}`);
  const { path: image } = (await media.json()) as { path: string };
  const playlistId = (
    await as<{ id: number }>('POST', '/api/staff/playlists', {
      building: 'demo',
      name: h.playlistName,
      slides: [
        { id: 'notice', kind: 'notice', noticeId, duration: 3 },
        { id: 'events', kind: 'events', duration: 3 },
        { id: 'contacts', kind: 'contacts', duration: 3 },
        { id: 'picture', kind: 'image', image, caption: h.slideCaption, duration: 3 },
      ],
    })
  ).id;
  await as('POST', '/api/staff/schedule-rules', { building: 'demo', playlistId, priority: 100 });
  const today = new Date().toISOString().slice(0, 10);
  await as('PUT', '/api/staff/buildings/demo/holidays', {
    from: today,
    to: today,
    kind: 'holiday',
    name: h.holiday,
  });

  // Screens paired from the API, named by staff.
  await pairDevice(hub, { staff: admin, kind: 'signage', name: h.signageName });
  await pairDevice(hub, { staff: admin, kind: 'kiosk', name: h.kioskName });

  // A requester files feedback at the place; a staff member with a hostile display name
  // carries it to closed, and the requester rates it.
  await as('POST', '/api/staff/users', {
    username: HOSTILE_STAFF.username,
    displayName: h.staffName,
    role: 'handler',
    password: HOSTILE_STAFF.password,
  });
  const feedback = await call<{ ticket: string; secret: string }>(
    hub,
    '',
    'POST',
    '/api/public/feedback',
    {
      building: 'demo',
      place: placeId,
      category: 'facilities',
      text: h.feedbackText,
      contact: { name: h.feedbackContact, phone: '13700137000' },
    },
  );
  // Another one left open, as "already reported here" shows the open tickets of a place.
  await call(hub, '', 'POST', '/api/public/feedback', {
    building: 'demo',
    place: placeId,
    category: 'facilities',
    text: h.openFeedbackText,
  });
  const handler = await hub.login(HOSTILE_STAFF.username, HOSTILE_STAFF.password);
  const step = (body: Record<string, string>) =>
    call(hub, handler, 'PATCH', `/api/staff/feedback/${feedback.ticket}`, body);
  await step({ status: 'discussing', note: h.feedbackNote });
  await step({ status: 'assigned', assignee: h.feedbackAssignee });
  await step({ status: 'in_progress' });
  await step({ status: 'resolved', reply: h.feedbackReply });
  await call(hub, '', 'POST', `/api/public/feedback/${feedback.ticket}/rating`, {
    secret: feedback.secret,
    rating: 4,
    comment: h.ratingComment,
  });
  return {
    noticeId,
    contactId,
    eventId,
    placeId,
    bankId,
    playlistId,
    feedback,
    registration,
    codes,
  };
}

export const HOSTILE_ALERT = {
  level: 'warning',
  title: HOSTILE.alertTitle,
  body: HOSTILE.alertBody,
};

const PNG_1X1 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
