import { send } from './api.ts';
import { photoAnswer } from './schemas.ts';

export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
const MAX_SIDE = 1600;

// Phone photos are 3–12 MB: scaled down on the phone with a canvas before they travel,
// so an upload stays a few hundred kilobytes on a weak signal.
export async function shrinkPhoto(file: File): Promise<Blob> {
  const url = URL.createObjectURL(file);
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const scale = Math.min(1, MAX_SIDE / Math.max(img.naturalWidth, img.naturalHeight));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(img.naturalWidth * scale);
    canvas.height = Math.round(img.naturalHeight * scale);
    canvas.getContext('2d')?.drawImage(img, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((done) => canvas.toBlob(done, 'image/jpeg', 0.82));
    if (!blob) throw new Error('photo');
    return blob;
  } finally {
    URL.revokeObjectURL(url);
  }
}

export const uploadPhoto = (photo: Blob) =>
  send('POST', '/api/public/feedback/photos', photoAnswer, photo, 'image/jpeg');
