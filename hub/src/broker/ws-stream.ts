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
//
// Reading: aedes calls read() once per 'readable' and parses what it gets. Up to Node 25
// read() returned everything buffered; from Node 26 (nodejs/node#60441) it returns one
// pushed chunk. Frames that arrive in one TCP segment become messages in the same tick, so
// a CONNECT split over frames left its tail in the buffer, and no 'readable' came for it:
// the screen never got its CONNACK. So the stream holds at most one chunk: messages that
// arrive while one is buffered are joined and pushed as one chunk once it has been read.
class WebSocketStream extends Duplex {
  private readonly ws: WebSocket;
  private pending: Buffer[] = [];
  private pendingBytes = 0;

  constructor(ws: WebSocket) {
    super();
    this.ws = ws;
    ws.on('message', (data) => this.receive(toBuffer(data)));
    ws.on('close', () => {
      this.push(null);
      this.destroy();
    });
    ws.on('error', (err) => this.destroy(err));
  }

  override read(size?: number): Buffer | null {
    const chunk = super.read(size) as Buffer | null;
    this.flush();
    return chunk;
  }

  override _read(): void {
    this.flush();
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (e?: Error) => void) {
    this.ws.send(chunk, { binary: true }, callback);
  }

  override _writev(chunks: { chunk: Buffer }[], callback: (e?: Error | null) => void) {
    this.ws.send(Buffer.concat(chunks.map((c) => c.chunk)), { binary: true }, callback);
  }

  override _final(callback: () => void) {
    this.ws.close();
    callback();
  }

  override _destroy(err: Error | null, callback: (e: Error | null) => void) {
    this.ws.terminate();
    callback(err);
  }

  private receive(data: Buffer) {
    this.pending.push(data);
    this.pendingBytes += data.length;
    // Backpressure: a client that sends faster than aedes reads waits in its socket.
    if (this.pendingBytes >= this.readableHighWaterMark) this.ws.pause();
    this.flush();
  }

  private flush() {
    if (this.pending.length === 0 || this.readableLength > 0 || this.destroyed) return;
    const data = this.pending.length === 1 ? this.pending[0] : Buffer.concat(this.pending);
    this.pending = [];
    this.pendingBytes = 0;
    this.ws.resume();
    this.push(data);
  }
}

export function webSocketStream(ws: WebSocket): Duplex {
  return new WebSocketStream(ws);
}
