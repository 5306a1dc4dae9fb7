import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import type { Actor, HubContext } from '../context.ts';
import { ApiError, conflict, errorText, fail, invalid, must, notFound } from '../errors.ts';
import { Limiter } from './limiter.ts';
import { MEDIA_MAX_BYTES, mediaDir, sniffImage } from './media.ts';
import { owned } from './scope.ts';

// Citizens' photos are personal data, not signage media (pilot 12.5, hardening 18.2): they
// are re-encoded on arrival, so no EXIF (GPS, camera, owner) survives, kept apart from
// /media under a random name, served only through their ticket to those who work it,
// and deleted with it.

// The phone already scales to 1600 px (kiosk/src/phone/data/photo.ts); a larger upload is
// scaled here too, so one photo stays under ~1.5 MB on disk whatever was sent.
const MAX_EDGE = 1600;
// A PNG of a few kilobytes may claim 12,000 × 12,000 pixels and take ~430 MB to decode; a
// real photo that fits in 5 MB is well under 40 megapixels.
const MAX_PIXELS = 40_000_000;
const PHOTO_ID = /^[a-f0-9]{32}$/;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// An upload no ticket took within this is an orphan: the phone uploads right before it submits.
export const ORPHAN_AFTER_MS = HOUR;
// Per client (address, or kiosk) and for the whole hub, per day. A building behind one Wi-Fi
// address files a few dozen tickets a day, a minority with a photo; the hub-wide cap bounds
// what many addresses together can store (~1.5 MB each) before the orphans go.
const PER_CLIENT = 60;
const PER_HUB = 2000;

export const photoDir = (ctx: HubContext) => join(ctx.config.dataDir, 'feedback-photos');
const photoFile = (ctx: HubContext, id: string) => join(photoDir(ctx), `${id}.jpg`);
// Where staff read a ticket's photo: through the ticket, with the session.
export const photoUrl = (ticket: string) => `/api/staff/feedback/${ticket}/photo`;

const limits = new WeakMap<HubContext, { client: Limiter; hub: Limiter }>();
function takePhotoLimit(ctx: HubContext, client: string): void {
  let l = limits.get(ctx);
  if (!l) {
    l = { client: new Limiter(PER_CLIENT, DAY), hub: new Limiter(PER_HUB, DAY) };
    limits.set(ctx, l);
  }
  const now = ctx.now().getTime();
  if (!l.client.take(client, now) || !l.hub.take('hub', now)) {
    throw fail('rate_limited', 'photosThrottled');
  }
}

// Decoding proves the bytes are an image; re-encoding drops every piece of metadata, after
// turning the pixels the way the camera's orientation tag said.
async function reencode(body: Buffer) {
  try {
    return await sharp(body, { limitInputPixels: MAX_PIXELS, failOn: 'error' })
      .rotate()
      .resize({ width: MAX_EDGE, height: MAX_EDGE, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 82 })
      .toBuffer({ resolveWithObject: true });
  } catch {
    throw invalid('photo', 'photoUnreadable');
  }
}

export async function savePhoto(
  ctx: HubContext,
  body: unknown,
  client: string,
): Promise<{ photo: string }> {
  if (!Buffer.isBuffer(body) || body.length === 0) throw invalid('photo', 'imageBytes');
  if (body.length > MEDIA_MAX_BYTES) {
    throw new ApiError('too_large', errorText('imageTooLarge'), 'photo');
  }
  if (!sniffImage(body)) throw invalid('photo', 'imageNotImage');
  takePhotoLimit(ctx, client);
  const { data, info } = await reencode(body);
  return { photo: storePhoto(ctx, data, info) };
}

function storePhoto(ctx: HubContext, data: Buffer, info: { width: number; height: number }) {
  const id = randomBytes(16).toString('hex');
  mkdirSync(photoDir(ctx), { recursive: true, mode: 0o700 });
  // Written aside and renamed, so a reader never gets half a file.
  const file = photoFile(ctx, id);
  writeFileSync(`${file}.part`, data, { mode: 0o600 });
  renameSync(`${file}.part`, file);
  ctx.store.feedbackPhotos.insert({
    id,
    size: data.length,
    width: info.width,
    height: info.height,
    createdAt: ctx.now().toISOString(),
  });
  return id;
}

// Inside the ticket's write: the photo must be one this hub stored and no ticket took yet.
export function claimPhoto(ctx: HubContext, id: string): void {
  if (!PHOTO_ID.test(id) || !ctx.store.feedbackPhotos.get(id)) {
    throw invalid('photo', 'photoNotFound');
  }
  if (ctx.store.feedbackPhotos.attached(id)) throw conflict('photo', 'photoTaken');
}

// The photo of a ticket, for those who work the feedback loop in its building.
export function ticketPhoto(ctx: HubContext, actor: Actor, ticket: string): string {
  const row = owned(actor, ctx.store.feedback.byTicket(ticket), 'ticket', (r) => r.building_id);
  const id = must(row.photo, 'photo');
  const file = photoFile(ctx, id);
  if (!PHOTO_ID.test(id) || !existsSync(file)) throw notFound('photo');
  return file;
}

// The file and row of photos whose ticket is gone or purged (called after the commit).
export function deletePhotoFiles(ctx: HubContext, ids: readonly string[]): void {
  for (const id of ids) {
    if (PHOTO_ID.test(id)) rmSync(photoFile(ctx, id), { force: true });
  }
}

// Before migration 008 a ticket's photo was signage media, stored byte for byte with its
// EXIF. At start each such photo is re-encoded into the ticket's keeping, and the media
// copy goes once nothing else shows it.
export async function adoptMediaPhotos(ctx: HubContext): Promise<number> {
  let adopted = 0;
  for (const { id: feedbackId, photo: path } of ctx.store.feedback.mediaPhotos()) {
    const hash = /^\/media\/([a-f0-9]{64})\./.exec(path)?.[1];
    const media = hash ? ctx.store.media.get(hash) : undefined;
    const file = media ? join(mediaDir(ctx), `${media.hash}.${media.ext}`) : null;
    let id: string | null = null;
    if (file && existsSync(file)) {
      const { data, info } = await reencode(readFileSync(file)).catch(() => ({
        data: null,
        info: null,
      }));
      if (data && info) id = storePhoto(ctx, data, info);
    }
    ctx.store.tx(() => {
      ctx.store.feedback.setPhoto(feedbackId, id);
      if (media && ctx.store.media.usedBy(path).length === 0) ctx.store.media.remove(media.hash);
    });
    if (file && media && !ctx.store.media.get(media.hash)) rmSync(file, { force: true });
    adopted++;
  }
  if (adopted > 0) ctx.log.info({ adopted }, 'feedback photos moved out of the media library');
  return adopted;
}
