import type { Client } from 'aedes';

// The largest MQTT packet the embedded broker takes from a client. Device reports are at
// most 16 KB (MAX_DEVICE_PAYLOAD) and dropped past that; CONNECT and SUBSCRIBE are tiny.
export const MAX_MQTT_PACKET = 256 * 1024;

interface PacketParser {
  parse(buf: Buffer): unknown;
  packet: { length: number };
}

const isParser = (p: unknown): p is PacketParser =>
  typeof p === 'object' &&
  p !== null &&
  'parse' in p &&
  typeof p.parse === 'function' &&
  'packet' in p &&
  typeof p.packet === 'object' &&
  p.packet !== null &&
  'length' in p.packet &&
  typeof p.packet.length === 'number';

// mqtt-packet, which aedes parses with, has no size limit of its own (aedes#831 asks for
// one): a packet that
// announces 200 MB in its header is buffered until it is complete, even a CONNECT from
// someone who never logs in (measured: 64 MB held for one socket). Once a packet's header
// is read its length is known; past `max`, the client is ended as a protocol error, so at
// most one read's worth of it is ever held.
export function limitPacketSize(client: Client, max = MAX_MQTT_PACKET): void {
  // aedes keeps its parser on the client; a version without one must fail loudly at start.
  const parser: unknown = Reflect.get(client, '_parser');
  if (!isParser(parser)) throw new Error('aedes has no packet parser to limit');
  const parse = parser.parse.bind(parser);
  parser.parse = (buf: Buffer) => {
    const result = parse(buf);
    if (parser.packet.length > max) {
      client.emit('error', new Error(`MQTT packet of ${parser.packet.length} bytes`));
    }
    return result;
  };
}
