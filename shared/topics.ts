// MQTT topic names, spelled only here. See DESIGN.md, "MQTT contract".

export const TOPIC_ROOT = 'lobby/v1';

// Every content topic is a retained full snapshot with a byte budget (budgets.ts): devices
// drop a payload past it, and the hub refuses a write that would make one (DESIGN.md).
export const CONTENT_TOPICS = [
  'notices',
  'events',
  // Event descriptions, apart from \`events\`: only kiosks show them, and they do not change
  // with every registration as seats left do.
  'event-texts',
  'contacts',
  'playlists',
  'board',
  'alert',
] as const;
export type ContentTopic = (typeof CONTENT_TOPICS)[number];

export const DEVICE_TOPICS = ['config', 'availability', 'state', 'cmd', 'played'] as const;
export type DeviceTopic = (typeof DEVICE_TOPICS)[number];

// What a device may publish about itself; everything else is the hub's.
export const DEVICE_PUBLISHES: readonly DeviceTopic[] = ['availability', 'state', 'played'];

export const topics = {
  content: (building: string, name: ContentTopic) => `${TOPIC_ROOT}/${building}/${name}`,
  device: (building: string, deviceId: string, name: DeviceTopic) =>
    `${TOPIC_ROOT}/${building}/device/${deviceId}/${name}`,
  deviceAll: (building: string, deviceId: string) =>
    `${TOPIC_ROOT}/${building}/device/${deviceId}/#`,
  buildingAll: (building: string) => `${TOPIC_ROOT}/${building}/#`,
  // What a device subscribes to: every content topic of its building in one filter.
  buildingContent: (building: string) => `${TOPIC_ROOT}/${building}/+`,
  // A device's own topics in any building, so a screen moved while offline still finds
  // its new config (which names the new building) when it comes back.
  deviceAnywhere: (deviceId: string) => `${TOPIC_ROOT}/+/device/${deviceId}/#`,
  // The hub listens to every device's reports through these.
  allDeviceReports: (name: DeviceTopic) => `${TOPIC_ROOT}/+/device/+/${name}`,
};

// Where the embedded broker diverts a publish it refuses without disconnecting the
// sender (a malformed report, a first ACL miss): no client may subscribe to it.
export const DISCARD_TOPIC = '$lobby/discard';

export type ParsedTopic =
  | { kind: 'content'; building: string; name: ContentTopic }
  | { kind: 'device'; building: string; deviceId: string; name: DeviceTopic };

export function parseTopic(topic: string): ParsedTopic | null {
  const parts = topic.split('/');
  if (parts[0] !== 'lobby' || parts[1] !== 'v1') return null;
  const building = parts[2];
  if (!building) return null;
  if (parts.length === 4 && isOneOf(CONTENT_TOPICS, parts[3])) {
    return { kind: 'content', building, name: parts[3] };
  }
  if (parts.length === 6 && parts[3] === 'device' && parts[4] && isOneOf(DEVICE_TOPICS, parts[5])) {
    return { kind: 'device', building, deviceId: parts[4], name: parts[5] };
  }
  return null;
}

function isOneOf<T extends string>(list: readonly T[], value: string | undefined): value is T {
  return value !== undefined && (list as readonly string[]).includes(value);
}
