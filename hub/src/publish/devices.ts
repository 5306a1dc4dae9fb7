import { deviceConfig, type DeviceConfig } from '#shared/payloads';
import { topics, type DeviceTopic } from '#shared/topics';
import type { BrokerLink } from '../broker/link.ts';
import type { HubContext } from '../context.ts';
import type { DeviceChange } from './changes.ts';
import type { DeviceRow } from '../store/devices.ts';
import { envelopeText } from './publisher.ts';

// The retained topics a device leaves behind in a building it no longer stands in.
const LEFT_BEHIND: DeviceTopic[] = ['config', 'availability', 'state'];

// The place of a screen: its elevator bank's place, else its floor's, for the feedback QR.
function placeOf(ctx: HubContext, d: DeviceRow) {
  if (!d.building_id) return null;
  const places = ctx.store.buildings.places(d.building_id);
  return (
    (d.bank_id !== null && places.find((p) => p.bankId === d.bank_id)) ||
    places.find((p) => p.floor === d.floor && p.bankId === null) ||
    null
  );
}

export function deviceConfigData(ctx: HubContext, d: DeviceRow): DeviceConfig['data'] | null {
  const building = d.building_id ? ctx.store.buildings.get(d.building_id) : undefined;
  if (!building) return null;
  const place = placeOf(ctx, d);
  const feedbackCode = place?.codes.find((c) => c.intent === 'feedback')?.code;
  return {
    kind: d.kind,
    name: d.name,
    building: building.id,
    buildingName: building.name,
    timezone: building.timezone,
    floor: d.floor,
    bank: d.bank_id === null ? null : (ctx.store.buildings.bank(d.bank_id)?.name ?? null),
    group: d.grp,
    placeId: place?.id ?? null,
    orientation: d.orientation,
    locale: d.locale,
    feedbackUrl: feedbackCode ? `${ctx.publicUrl()}/q/${feedbackCode}` : null,
  };
}

// Keeps each device's retained config in step with the device table, clears what a
// moved or revoked device leaves behind, cuts its connections, and carries commands.
export function startDevicePublishing(ctx: HubContext, link: BrokerLink): () => void {
  const send = (topic: string, payload: string, retain: boolean) => {
    link
      .publish(topic, payload, retain)
      .catch((err: unknown) => ctx.log.error({ err, topic }, 'device publish failed'));
  };
  const publishConfig = (d: DeviceRow) => {
    const data = deviceConfigData(ctx, d);
    if (!data || !d.building_id) return;
    const checked = deviceConfig.shape.data.safeParse(data);
    if (!checked.success) {
      ctx.log.error({ deviceId: d.id, issues: checked.error.issues }, 'device config invalid');
      return;
    }
    const json = JSON.stringify(checked.data);
    send(
      topics.device(d.building_id, d.id, 'config'),
      envelopeText(d.config_rev, ctx.now().toISOString(), json),
      true,
    );
  };
  const clear = (building: string, deviceId: string) => {
    for (const name of LEFT_BEHIND) send(topics.device(building, deviceId, name), '', true);
  };

  const onChange = ({ deviceId, previousBuilding }: DeviceChange) => {
    const d = ctx.store.devices.get(deviceId);
    const movedAway = previousBuilding !== null && previousBuilding !== d?.building_id;
    if (!d || d.revoked_at) {
      if (d?.building_id) clear(d.building_id, deviceId);
      if (previousBuilding) clear(previousBuilding, deviceId);
      link.disconnect(deviceId);
    } else {
      publishConfig(d);
      if (movedAway) {
        clear(previousBuilding, deviceId);
        // Its subscriptions were granted for the old building: it reconnects and asks again.
        link.disconnect(deviceId);
      }
    }
    link.devicesChanged();
  };

  const stops = [
    ctx.changes.onDeviceChange(onChange),
    ctx.changes.onCommand((building, deviceId, command) => {
      send(topics.device(building, deviceId, 'cmd'), JSON.stringify(command), false);
    }),
  ];
  link.onReady(() => {
    for (const d of ctx.store.devices.active()) publishConfig(d);
  });
  return () => stops.forEach((stop) => stop());
}
