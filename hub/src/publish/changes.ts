import { EventEmitter } from 'node:events';
import type { DeviceCommand } from '#shared/payloads';
import type { ContentTopic } from '#shared/topics';

// A device was paired, collected its token, moved, or was revoked. `previousBuilding`
// is where it stood before (null when it was just paired), so its old topics can be cleared.
export interface DeviceChange {
  deviceId: string;
  previousBuilding: string | null;
}

// Services announce what changed; the publisher and the broker decide what to send.
export class ChangeBus {
  private readonly emitter = new EventEmitter();

  changed(building: string, topic: ContentTopic): void {
    this.emitter.emit('change', building, topic);
  }

  onChange(listener: (building: string, topic: ContentTopic) => void): () => void {
    this.emitter.on('change', listener);
    return () => this.emitter.off('change', listener);
  }

  deviceChanged(change: DeviceChange): void {
    this.emitter.emit('device', change);
  }

  onDeviceChange(listener: (change: DeviceChange) => void): () => void {
    this.emitter.on('device', listener);
    return () => this.emitter.off('device', listener);
  }

  // A command staff sent to one device (reload, identify, screenshot).
  command(building: string, deviceId: string, command: DeviceCommand): void {
    this.emitter.emit('command', building, deviceId, command);
  }

  onCommand(
    listener: (building: string, deviceId: string, command: DeviceCommand) => void,
  ): () => void {
    this.emitter.on('command', listener);
    return () => this.emitter.off('command', listener);
  }
}
