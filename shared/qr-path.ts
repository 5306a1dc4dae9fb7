import QRCode from 'qrcode';

export interface QrPath {
  size: number;
  d: string;
}

// A QR code as one SVG path (runs of dark modules per row): no canvas, no innerHTML, and
// the same drawing on the kiosk, the phone pages (drawn by the hub) and the console.
export function qrPath(text: string): QrPath {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = modules.size;
  let d = '';
  for (let y = 0; y < n; y++) {
    let x = 0;
    while (x < n) {
      if (!modules.get(y, x)) {
        x++;
        continue;
      }
      const from = x;
      while (x < n && modules.get(y, x)) x++;
      d += `M${from} ${y}h${x - from}v1h${from - x}z`;
    }
  }
  return { size: n, d };
}
