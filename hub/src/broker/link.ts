// The hub's side of MQTT, whichever broker carries it: the embedded aedes or an
// external Mosquitto. The publisher and the device services talk only to this.
export interface BrokerLink {
  // QoS 1; resolves once the broker has the message (embedded) or acknowledged it (external).
  publish(topic: string, payload: string | Buffer, retain: boolean): Promise<void>;
  // Ends a device's connections (revoked, or moved to another building).
  disconnect(deviceId: string): void;
  // The device table changed: an external broker's password file and ACL are rewritten.
  devicesChanged(): void;
  // Runs now if the link is up, and on every (re)connection to a broker that may have
  // lost its retained messages: the publisher re-sends the snapshots then.
  onReady(listener: () => void): void;
  // Where devices connect, for the pairing answer.
  endpoints(): { tcp: string; ws: string };
  // The embedded broker's bound TCP port, or the external broker's.
  readonly port: number;
  close(): Promise<void>;
}
