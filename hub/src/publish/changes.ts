import { EventEmitter } from 'node:events';
import type { ContentTopic } from '#shared/topics';

// Services announce that a building's content changed; the publisher decides when to send.
export class ChangeBus {
  private readonly emitter = new EventEmitter();

  changed(building: string, topic: ContentTopic): void {
    this.emitter.emit('change', building, topic);
  }

  onChange(listener: (building: string, topic: ContentTopic) => void): () => void {
    this.emitter.on('change', listener);
    return () => this.emitter.off('change', listener);
  }
}
