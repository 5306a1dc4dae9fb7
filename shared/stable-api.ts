// The calls outside tools and acceptance checks drive the hub through (docs/design.md,
// "The stable API"): their paths and shapes stay as written. The OpenAPI document marks
// each with `x-stable: true`.
export const STABLE_API: readonly (readonly [method: string, path: string])[] = [
  ['post', '/api/staff/session'],
  ['get', '/api/public/buildings'],
  ['get', '/api/public/buildings/{b}/events'],
  ['post', '/api/public/events/{id}/registrations'],
  ['delete', '/api/public/registrations/{ticket}'],
  ['post', '/api/public/feedback'],
  ['get', '/api/public/feedback/{ticket}'],
  ['post', '/api/devices/pairing'],
  ['get', '/api/devices/pairing/{deviceId}'],
  ['post', '/api/staff/devices'],
  ['post', '/api/staff/notices'],
  ['post', '/api/staff/events'],
  ['put', '/api/staff/buildings/{b}/alert'],
  ['delete', '/api/staff/buildings/{b}/alert'],
  ['patch', '/api/staff/feedback/{ticket}'],
];
