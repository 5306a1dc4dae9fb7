import {
  closeSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  statSync,
  unlinkSync,
} from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { BackupFile } from '#shared/schemas/console';
import type { HubContext } from '../context.ts';

// lobby-20261121T183000Z.db: the UTC instant in the name, so names sort by age.
const BACKUP_NAME = /^lobby-(\d{8}T\d{6}Z)\.db$/;

export const backupDir = (ctx: HubContext) => join(ctx.config.dataDir, 'backups');

function stamp(at: Date): string {
  return at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
}

export function listBackups(ctx: HubContext): BackupFile[] {
  let names: string[];
  try {
    names = readdirSync(backupDir(ctx));
  } catch {
    return [];
  }
  return names
    .filter((n) => BACKUP_NAME.test(n))
    .sort()
    .reverse()
    .map((name) => {
      const s = statSync(join(backupDir(ctx), name));
      return { name, size: s.size, at: s.mtime.toISOString() };
    });
}

// An online copy of the live database (SQLite's backup API: readers and writers carry on),
// checked by opening it, then the oldest copies beyond `keep` are removed.
export async function backupNow(
  ctx: HubContext,
): Promise<{ file: string; bytes: number; removed: string[] }> {
  const dir = backupDir(ctx);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const name = `lobby-${stamp(ctx.now())}.db`;
  const file = join(dir, name);
  const part = `${file}.part`;
  // Made 0600 before SQLite writes into it, whatever the umask: a copy of personal data.
  closeSync(openSync(part, 'w', 0o600));
  await ctx.store.db.backup(part);
  // The copy keeps the live database's WAL mode; as a rollback-journal file it stays one
  // self-contained file, and the check proves it opens.
  const check = new Database(part, { fileMustExist: true });
  try {
    check.pragma('journal_mode = DELETE');
    const result = check.pragma('quick_check', { simple: true });
    if (result !== 'ok') throw new Error(`the copy failed its check: ${String(result)}`);
  } finally {
    check.close();
  }
  renameSync(part, file);
  const removed = listBackups(ctx)
    .slice(Math.max(1, ctx.config.backupsKept))
    .map((b) => b.name);
  for (const old of removed) unlinkSync(join(dir, old));
  return { file: name, bytes: statSync(file).size, removed };
}
