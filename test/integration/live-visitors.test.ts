import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startTestHub, type TestHub } from '../helpers/hub.ts';
import { liveClient, nextLive, type LiveSocket } from '../helpers/mqtt.ts';

let hub: TestHub;
let socket: LiveSocket;
before(async () => {
  hub = await startTestHub();
  socket = await liveClient(hub, await hub.login());
});
after(async () => {
  socket.close();
  await hub.stop();
});

test('new feedback reaches the console live, with no personal data', async () => {
  const seen = nextLive(socket, 'feedback.created');
  const r = await hub.api<{ ticket: string }>('POST', '/api/public/feedback', {
    building: 'demo',
    category: 'dining',
    text: 'The canteen queue is long',
    contact: '13900001234',
  });
  assert.equal(r.status, 201);
  const event = await seen;
  assert.equal(event.ticket, r.body.ticket);
  assert.equal(event.category, 'dining');
  assert.ok(!JSON.stringify(event).includes('13900001234'));
});

test('a new registration reaches the console live', async () => {
  const [first] = (await hub.api<{ id: number }[]>('GET', '/api/public/buildings/demo/events'))
    .body;
  const seen = nextLive(socket, 'registration.created', (p) => p.eventId === first?.id);
  const r = await hub.api<{ ticket: string; status: string }>(
    'POST',
    `/api/public/events/${first?.id}/registrations`,
    { name: 'Live Test', company: 'Co', phone: '13900004321' },
  );
  assert.equal(r.status, 201);
  const event = await seen;
  assert.equal(event.ticket, r.body.ticket);
  assert.equal(event.status, r.body.status);
});
