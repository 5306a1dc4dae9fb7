import Database from 'better-sqlite3';
import {
  chmodSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertSupportedNode } from '../node-version.ts';
import { phonesToE164 } from './phone-migration.ts';

export type Db = Database.Database;

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

// Rewrites of existing rows that SQL alone cannot do, run in the transaction of the named
// migration, right after its SQL.
const AFTER: Record<string, (db: Db) => unknown> = {
  '009-supporters-phones.sql': phonesToE164,
};

export function openDb(file: string): Db {
  assertSupportedNode();
  if (file !== ':memory:') privateFile(file);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // FULL, not NORMAL: an accepted write must survive a power cut, and ~8k commits/s
  // (DESIGN.md, broker notes) is still well above the intake targets.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // Deleted and overwritten content is zeroed, not left in free space: a purged name or
  // phone number must not survive in the file (hardening 18.3).
  db.pragma('secure_delete = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

// Personal data lives here: the folder is created for the hub's user alone (0700) and the
// database is 0600 whatever the umask; SQLite gives its -wal and -shm the database's mode.
// An existing folder keeps its mode (an operator may have opened it to Mosquitto's group).
function privateFile(file: string): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  closeSync(openSync(file, 'a', 0o600));
  for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) chmodSync(f, 0o600);
}

// Applies, in name order, every migration file not yet recorded; each in its own transaction.
export function migrate(db: Db, dir = MIGRATIONS_DIR): string[] {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)',
  );
  const done = new Set(
    db
      .prepare<[], { name: string }>('SELECT name FROM schema_migrations')
      .all()
      .map((r) => r.name),
  );
  const pending = readdirSync(dir)
    .filter((f) => /^\d{3}-[a-z0-9-]+\.sql$/.test(f) && !done.has(f))
    .sort();
  const record = db.prepare('INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)');
  for (const name of pending) {
    db.transaction(() => {
      db.exec(readFileSync(join(dir, name), 'utf8'));
      AFTER[name]?.(db);
      record.run(name, new Date().toISOString());
    })();
  }
  return pending;
}

// Prepared statements are compiled once per SQL text and reused on every call.
export function statements(db: Db) {
  const cache = new Map<string, Database.Statement>();
  return <P extends unknown[] = unknown[], R = unknown>(text: string): Database.Statement<P, R> => {
    let stmt = cache.get(text);
    if (!stmt) {
      stmt = db.prepare(text);
      cache.set(text, stmt);
    }
    return stmt as unknown as Database.Statement<P, R>;
  };
}

export const toJson = (v: unknown): string => JSON.stringify(v ?? []);

export function fromJsonArray<T>(text: string, guard: (x: unknown) => x is T): T[] {
  const parsed: unknown = JSON.parse(text);
  return Array.isArray(parsed) ? parsed.filter(guard) : [];
}
export const isNumber = (x: unknown): x is number => typeof x === 'number';
export const isString = (x: unknown): x is string => typeof x === 'string';

// A list filter by the buildings an actor reaches (services/scope.ts `reach`): put
// `reachClause('building_id')` in the WHERE and bind `reach: reachParam(r)`; null is every building.
export const reachClause = (column: string): string =>
  `(@reach IS NULL OR ${column} IN (SELECT value FROM json_each(@reach)))`;
export const reachParam = (r: readonly string[] | null): string | null =>
  r === null ? null : JSON.stringify(r);
