import { useMemo } from 'preact/hooks';
import { qrPath } from '#shared/qr-path';
import { session } from '../data/session.ts';

// A QR code as inline SVG drawn from the shared path: crisp at any print size.
export function Qr(props: { text: string; label: string }) {
  const qr = useMemo(() => qrPath(props.text), [props.text]);
  const box = qr.size + 2;
  return (
    <svg
      role="img"
      aria-label={props.label}
      data-qr-text={props.text}
      viewBox={`-1 -1 ${box} ${box}`}
      shape-rendering="crispEdges"
    >
      <rect x={-1} y={-1} width={box} height={box} fill="#fff" />
      <path d={qr.d} fill="#000" />
    </svg>
  );
}

// Where a printed code sends a phone: the hub's /q entry at PUBLIC_URL, the address phones
// reach it at (which may differ from the one this console uses).
export function entryUrl(code: string): string {
  const s = session.get();
  return `${s.status === 'in' ? s.user.publicUrl : location.origin}/q/${code}`;
}
