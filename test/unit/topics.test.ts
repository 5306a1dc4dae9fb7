import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CONTENT_TOPICS, parseTopic, topics } from '#shared/topics';

test('content and device topics are built under lobby/v1/{building}', () => {
  assert.equal(topics.content('demo', 'notices'), 'lobby/v1/demo/notices');
  assert.equal(topics.device('demo', 'd-abc', 'state'), 'lobby/v1/demo/device/d-abc/state');
});

test('every topic the builders make parses back to what made it', () => {
  for (const name of CONTENT_TOPICS) {
    assert.deepEqual(parseTopic(topics.content('demo', name)), {
      kind: 'content',
      building: 'demo',
      name,
    });
  }
  assert.deepEqual(parseTopic(topics.device('demo', 'd-1', 'played')), {
    kind: 'device',
    building: 'demo',
    deviceId: 'd-1',
    name: 'played',
  });
});

test('anything else is not a topic of the contract', () => {
  for (const t of [
    'lobby/v2/demo/notices',
    'lobby/v1/demo/gossip',
    'lobby/v1/demo/device/d-1/root',
    'lobby/v1//notices',
    'x',
  ]) {
    assert.equal(parseTopic(t), null, t);
  }
});
