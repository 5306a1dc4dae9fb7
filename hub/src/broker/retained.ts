import { Readable } from 'node:stream';
import aedesPersistence from 'aedes-persistence';

interface TopicNode<P> {
  children: Map<string, TopicNode<P>> | null;
  value: P | undefined;
}

// Retained messages in a tree of topic levels, so a SUBSCRIBE finds its matches by
// walking the levels it names instead of testing every retained topic. aedes' own
// memory store scans them all for every subscription: with a retained availability,
// state and config per device, a reconnecting fleet made that quadratic
// (DESIGN.md, broker notes).
export class RetainedIndex<P> {
  private readonly root: TopicNode<P> = { children: null, value: undefined };
  private count = 0;

  get size(): number {
    return this.count;
  }

  set(topic: string, value: P): void {
    let node = this.root;
    for (const level of topic.split('/')) {
      node.children ??= new Map();
      let next = node.children.get(level);
      if (!next) {
        next = { children: null, value: undefined };
        node.children.set(level, next);
      }
      node = next;
    }
    if (node.value === undefined) this.count += 1;
    node.value = value;
  }

  delete(topic: string): void {
    const path: [TopicNode<P>, string][] = [];
    let node = this.root;
    for (const level of topic.split('/')) {
      const next = node.children?.get(level);
      if (!next) return;
      path.push([node, level]);
      node = next;
    }
    if (node.value === undefined) return;
    node.value = undefined;
    this.count -= 1;
    // Prune the branch back to the first level that still holds something.
    for (let i = path.length - 1; i >= 0; i--) {
      const [parent, level] = path[i] as [TopicNode<P>, string];
      const child = parent.children?.get(level);
      if (!child || child.value !== undefined || (child.children?.size ?? 0) > 0) break;
      parent.children?.delete(level);
    }
  }

  // Values whose topic matches an MQTT filter (+ one level, # the rest). As the spec
  // says, a wildcard in the first level never matches topics that begin with '$'.
  match(filter: string): P[] {
    const out: P[] = [];
    this.walk(this.root, filter.split('/'), 0, out);
    return out;
  }

  private walk(node: TopicNode<P>, levels: string[], i: number, out: P[]): void {
    if (i === levels.length) {
      if (node.value !== undefined) out.push(node.value);
      return;
    }
    const level = levels[i];
    if (level === '#') {
      // "a/#" matches "a" itself too.
      if (node.value !== undefined && i > 0) out.push(node.value);
      this.collect(node, i === 0, out);
      return;
    }
    if (!node.children) return;
    if (level === '+') {
      for (const [name, child] of node.children) {
        if (i === 0 && name.startsWith('$')) continue;
        this.walk(child, levels, i + 1, out);
      }
      return;
    }
    const child = node.children.get(level as string);
    if (child) this.walk(child, levels, i + 1, out);
  }

  private collect(node: TopicNode<P>, atRoot: boolean, out: P[]): void {
    if (!node.children) return;
    for (const [name, child] of node.children) {
      if (atRoot && name.startsWith('$')) continue;
      if (child.value !== undefined) out.push(child.value);
      this.collect(child, false, out);
    }
  }
}

interface RetainedPacket {
  topic: string;
  payload: Buffer | string;
}

// The part of aedes' persistence interface (1.x, promise style) that retained messages go through.
interface RetainedPersistence {
  storeRetained(packet: RetainedPacket): Promise<void>;
  createRetainedStream(pattern: string): Readable;
  createRetainedStreamCombi(patterns: string[]): Readable;
}

// aedes' memory persistence for sessions, wills and QoS state, with retained messages
// kept in a RetainedIndex instead of its scanned map.
export function indexedPersistence(): { persistence: object; retained: RetainedIndex<object> } {
  const persistence = aedesPersistence() as unknown as RetainedPersistence;
  const retained = new RetainedIndex<object>();
  persistence.storeRetained = async (packet) => {
    // An empty payload deletes the retained message [MQTT-3.3.1-10].
    if (packet.payload.length === 0) retained.delete(packet.topic);
    else retained.set(packet.topic, { ...packet });
  };
  persistence.createRetainedStream = (pattern) => Readable.from(retained.match(pattern));
  persistence.createRetainedStreamCombi = (patterns) =>
    Readable.from(patterns.flatMap((p) => retained.match(p)));
  return { persistence, retained };
}
