import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { HubContext } from '../context.ts';
import type { JobCounts } from '#shared/schemas/console';
import { ORPHAN_AFTER_MS, deletePhotoFiles, photoDir } from '../services/feedback-photos.ts';

// The clean-up job: uploads no ticket took, and files with no row (a crash between the two).
export function removeOrphanPhotos(ctx: HubContext, at: Date): JobCounts {
  const before = new Date(at.getTime() - ORPHAN_AFTER_MS).toISOString();
  const orphans = ctx.store.tx(() => {
    const ids = ctx.store.feedbackPhotos.orphansBefore(before);
    for (const id of ids) ctx.store.feedbackPhotos.remove(id);
    return ids;
  });
  deletePhotoFiles(ctx, orphans);
  // savePhoto writes the file and its row in one synchronous stretch: a file without a row
  // is a leftover of a crash between the two, never one being written.
  const known = new Set(ctx.store.feedbackPhotos.ids());
  let strays = 0;
  const dir = photoDir(ctx);
  for (const name of existsSync(dir) ? readdirSync(dir) : []) {
    if (known.has(name.slice(0, -'.jpg'.length)) && name.endsWith('.jpg')) continue;
    rmSync(join(dir, name), { force: true });
    strays++;
  }
  return { photos: orphans.length, strays };
}
