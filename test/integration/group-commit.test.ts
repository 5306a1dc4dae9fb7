import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import Database from 'better-sqlite3';
import { openDb } from '../../hub/src/store/db.ts';
import { groupCommit } from '../../hub/src/store/group-commit.ts';

const dir = mkdtempSync(join(tmpdir(), 'lobby-group-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function fresh(name: string) {
  const file = join(dir, `${name}.db`);
  const db = openDb(file);
  db.exec(`CREATE TABLE parent (id INTEGER PRIMARY KEY);
           CREATE TABLE child (id INTEGER PRIMARY KEY, parent INTEGER NOT NULL REFERENCES parent(id));
           INSERT INTO parent (id) VALUES (1);`);
  const insert = db.prepare('INSERT INTO child (parent) VALUES (?)');
  const count = () => db.prepare<[], { n: number }>('SELECT count(*) AS n FROM child').get()?.n;
  return { file, db, grouped: groupCommit(db), insert, count };
}

test('writes of one turn share a transaction: each sees the ones before it', async () => {
  const { db, grouped, insert, count } = fresh('shared');
  const seen = await Promise.all(
    [1, 2, 3].map(() =>
      grouped(() => {
        insert.run(1);
        return count();
      }),
    ),
  );
  assert.deepEqual(seen, [1, 2, 3]);
  assert.equal(count(), 3);
  db.close();
});

test('a write that throws is undone alone and its caller alone gets the error', async () => {
  const { file, db, grouped, insert, count } = fresh('one-fails');
  const results = await Promise.allSettled([
    grouped(() => insert.run(1).lastInsertRowid),
    grouped(() => {
      insert.run(1);
      insert.run(99);
    }),
    grouped(() => insert.run(1).lastInsertRowid),
  ]);
  assert.deepEqual(
    results.map((r) => r.status),
    ['fulfilled', 'rejected', 'fulfilled'],
  );
  const failed = results[1];
  assert.ok(failed?.status === 'rejected');
  assert.match(String(failed.reason), /FOREIGN KEY/);
  assert.equal(count(), 2);
  db.close();
  // Committed, not merely visible to the writer: another connection reads the same rows.
  const reader = new Database(file, { readonly: true });
  assert.equal(reader.prepare('SELECT count(*) AS n FROM child').pluck().get(), 2);
  reader.close();
});

test('when the commit itself fails, every caller of the group is refused and nothing is kept', async () => {
  const { db, grouped, insert, count } = fresh('commit-fails');
  const results = await Promise.allSettled([
    grouped(() => insert.run(1)),
    grouped(() => {
      // A deferred key is checked at COMMIT, so this write passes its savepoint and sinks the group.
      db.pragma('defer_foreign_keys = ON');
      insert.run(99);
    }),
  ]);
  assert.deepEqual(
    results.map((r) => r.status),
    ['rejected', 'rejected'],
  );
  assert.equal(count(), 0);
  assert.equal(db.inTransaction, false);
  db.close();
});

test('writes queued after a group has committed go in the next one', async () => {
  const { db, grouped, insert, count } = fresh('next-group');
  await grouped(() => insert.run(1));
  await grouped(() => insert.run(1));
  assert.equal(count(), 2);
  db.close();
});
