import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Actor, HubContext } from '../context.ts';
import { ApiError, conflict, errorText, invalid, must } from '../errors.ts';
import type { MediaExt, MediaRecord } from '../store/media.ts';
import { audit } from './audit.ts';

// Photos of notices and contacts, slide images: 5 MB is a generous phone photo.
export const MEDIA_MAX_BYTES = 5 * 1024 * 1024;
export const MEDIA_TYPES: Record<MediaExt, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  webp: 'image/webp',
  gif: 'image/gif',
};
// The only names /media serves: a SHA-256 and a known extension, so no path can escape the folder.
export const MEDIA_FILE = /^([a-f0-9]{64})\.(png|jpg|webp|gif)$/;

export const mediaDir = (ctx: HubContext) => join(ctx.config.dataDir, 'media');
export const mediaPath = (m: { hash: string; ext: MediaExt }) => `/media/${m.hash}.${m.ext}`;

interface ImageInfo {
  ext: MediaExt;
  width: number | null;
  height: number | null;
}

// The type comes from the bytes, never from the name or the header a client sent.
export function sniffImage(b: Buffer): ImageInfo | null {
  if (b.length >= 24 && b.readUInt32BE(0) === 0x89504e47 && b.readUInt32BE(4) === 0x0d0a1a0a) {
    return { ext: 'png', width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
  }
  if (
    b.length >= 10 &&
    (b.toString('latin1', 0, 6) === 'GIF87a' || b.toString('latin1', 0, 6) === 'GIF89a')
  ) {
    return { ext: 'gif', width: b.readUInt16LE(6), height: b.readUInt16LE(8) };
  }
  if (
    b.length >= 16 &&
    b.toString('latin1', 0, 4) === 'RIFF' &&
    b.toString('latin1', 8, 12) === 'WEBP'
  ) {
    return { ext: 'webp', ...webpSize(b) };
  }
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) {
    return { ext: 'jpg', ...jpegSize(b) };
  }
  return null;
}

function webpSize(b: Buffer): { width: number | null; height: number | null } {
  const chunk = b.toString('latin1', 12, 16);
  if (chunk === 'VP8X' && b.length >= 30)
    return { width: 1 + b.readUIntLE(24, 3), height: 1 + b.readUIntLE(27, 3) };
  if (chunk === 'VP8 ' && b.length >= 30)
    return { width: b.readUInt16LE(26) & 0x3fff, height: b.readUInt16LE(28) & 0x3fff };
  if (chunk === 'VP8L' && b.length >= 25) {
    const bits = b.readUInt32LE(21);
    return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
  }
  return { width: null, height: null };
}

// Walks the JPEG markers to the first start-of-frame, which carries the size.
function jpegSize(b: Buffer): { width: number | null; height: number | null } {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return { width: null, height: null };
    const marker = b[i + 1] ?? 0;
    const length = b.readUInt16BE(i + 2);
    const isFrame = marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker);
    if (isFrame) return { width: b.readUInt16BE(i + 7), height: b.readUInt16BE(i + 5) };
    i += 2 + length;
  }
  return { width: null, height: null };
}

// A name for staff to recognise, without control characters or path separators.
const cleanName = (name: string | undefined) =>
  [...(name ?? '')]
    .filter((c) => c.charCodeAt(0) >= 32 && c !== '/' && c !== '\\')
    .join('')
    .trim()
    .slice(0, 120);

// Stores an upload once by its content hash; the same bytes twice give the same path.
export function saveMedia(
  ctx: HubContext,
  actor: Actor,
  body: unknown,
  name: string | undefined,
): MediaRecord & { path: string } {
  if (!Buffer.isBuffer(body) || body.length === 0) {
    throw invalid('body', 'imageBytes');
  }
  if (body.length > MEDIA_MAX_BYTES)
    throw new ApiError('too_large', errorText('imageTooLarge'), 'body');
  const info = sniffImage(body);
  if (!info) throw invalid('body', 'imageNotImage');
  if (info.width !== null && info.height !== null && (info.width > 12000 || info.height > 12000)) {
    throw invalid('body', 'imageTooWide');
  }
  const hash = createHash('sha256').update(body).digest('hex');
  const dir = mediaDir(ctx);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, `${hash}.${info.ext}`);
  if (!existsSync(file)) {
    // Written aside and renamed, so /media never serves half a file.
    const part = `${file}.${process.pid}.part`;
    writeFileSync(part, body, { mode: 0o600 });
    renameSync(part, file);
  }
  const record: MediaRecord = {
    hash,
    ext: info.ext,
    mime: MEDIA_TYPES[info.ext],
    size: body.length,
    width: info.width,
    height: info.height,
    name: cleanName(name),
    createdAt: ctx.now().toISOString(),
    createdBy: actor.username,
  };
  ctx.store.tx(() => {
    if (ctx.store.media.insert(record)) audit(ctx, actor, 'create', 'media', hash, null, record);
  });
  const stored = must(ctx.store.media.get(hash), 'image');
  return { ...stored, path: mediaPath(stored) };
}

export function deleteMedia(ctx: HubContext, actor: Actor, hash: string): void {
  const m = must(ctx.store.media.get(hash), 'image');
  const users = ctx.store.media.usedBy(mediaPath(m));
  if (users.length > 0) {
    const list = users.slice(0, 5).map((u) => ({ term: `thing.${u.kind}` as const, id: u.id }));
    throw conflict('hash', 'imageInUse', { users: { list } });
  }
  ctx.store.tx(() => {
    ctx.store.media.remove(hash);
    audit(ctx, actor, 'delete', 'media', hash, m, null);
  });
  const file = join(mediaDir(ctx), `${m.hash}.${m.ext}`);
  if (existsSync(file)) unlinkSync(file);
}
