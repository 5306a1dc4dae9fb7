import { Duplex } from 'node:stream';
import type { RawData, WebSocket } from 'ws';

const toBuffer = (data: RawData): Buffer =>
  Buffer.isBuffer(data)
    ? data
    : Array.isArray(data)
      ? Buffer.concat(data)
      : Buffer.from(data as ArrayBuffer);

// A WebSocket as the byte stream aedes reads and writes. mqtt-packet writes one packet
// in several pieces under cork(); _writev sends them as one frame, where ws'
// createWebSocketStream sent a frame per piece and ran ~4x slower (DESIGN.md, broker notes).
// The write callback waits for the socket, so a screen that stops reading fills the
// stream and aedes' drainTimeout cuts it off.
export function webSocketStream(ws: WebSocket): Duplex {
  const stream = new Duplex({
    read() {
      ws.resume();
    },
    write(chunk: Buffer, _encoding, callback) {
      ws.send(chunk, { binary: true }, callback);
    },
    writev(chunks, callback) {
      ws.send(Buffer.concat(chunks.map((c) => c.chunk as Buffer)), { binary: true }, callback);
    },
    final(callback) {
      ws.close();
      callback();
    },
    destroy(err, callback) {
      ws.terminate();
      callback(err);
    },
  });
  ws.on('message', (data) => {
    if (!stream.push(toBuffer(data))) ws.pause();
  });
  ws.on('close', () => {
    stream.push(null);
    stream.destroy();
  });
  ws.on('error', (err) => stream.destroy(err));
  return stream;
}
