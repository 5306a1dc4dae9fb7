import type { Qr } from '../data/page-data.ts';

// The hub draws the QR (one SVG path) into the page data: no QR library on the phone.
export function QrImage({ qr, label, size = 220 }: { qr: Qr; label: string; size?: number }) {
  const box = qr.size + 8;
  return (
    <svg
      class="qr"
      role="img"
      aria-label={label}
      width={size}
      height={size}
      viewBox={`-4 -4 ${box} ${box}`}
      shape-rendering="crispEdges"
    >
      <rect x={-4} y={-4} width={box} height={box} fill="#fff" />
      <path d={qr.d} fill="#000" />
    </svg>
  );
}
