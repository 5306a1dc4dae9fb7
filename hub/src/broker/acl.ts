import { DEVICE_PUBLISHES, topics } from '#shared/topics';

// Who is on the other end of an MQTT connection.
export type Identity = { kind: 'hub' } | { kind: 'device'; deviceId: string; building: string };

// The filters a device may subscribe to and the topics it may publish, as one list that
// both the embedded broker's hooks and the exported Mosquitto ACL are made from.
export function deviceGrants(deviceId: string, building: string) {
  return {
    subscribe: [topics.buildingContent(building), topics.deviceAnywhere(deviceId)],
    publish: DEVICE_PUBLISHES.map((name) => topics.device(building, deviceId, name)),
  };
}

const hasWildcard = (filter: string) => filter.includes('+') || filter.includes('#');

// MQTT filter matching, for a concrete topic.
export function topicMatches(filter: string, topic: string): boolean {
  const f = filter.split('/');
  const t = topic.split('/');
  if (topic.startsWith('$') && (f[0] === '+' || f[0] === '#')) return false;
  for (let i = 0; i < f.length; i++) {
    if (f[i] === '#') return true;
    if (i >= t.length || (f[i] !== '+' && f[i] !== t[i])) return false;
  }
  return f.length === t.length;
}

// A device subscribes with one of its granted filters, or to a single topic one covers.
export function maySubscribe(who: Identity, filter: string): boolean {
  if (who.kind === 'hub') return true;
  const granted = deviceGrants(who.deviceId, who.building).subscribe;
  if (granted.includes(filter)) return true;
  return !hasWildcard(filter) && granted.some((g) => topicMatches(g, filter));
}

export function mayPublish(who: Identity, topic: string): boolean {
  if (who.kind === 'hub') return !topic.startsWith('$');
  return deviceGrants(who.deviceId, who.building).publish.includes(topic);
}
