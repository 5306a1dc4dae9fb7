import { encodeQr } from './encoder.ts';

const QUIET = 4;
const CACHE_LIMIT = 64;
const paths = new Map<string, { size: number; d: string }>();

// One path of horizontal runs: a few hundred bytes of SVG for a vCard, drawn by the GPU.
function encode(text: string): { size: number; d: string } {
  const hit = paths.get(text);
  if (hit) return hit;
  const { size: n, modules } = encodeQr(text);
  let d = '';
  for (let y = 0; y < n; y++) {
    let x = 0;
    while (x < n) {
      if (!modules[y * n + x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < n && modules[y * n + x]) x++;
      d += `M${start} ${y}h${x - start}v1h${start - x}z`;
    }
  }
  const out = { size: n, d };
  if (paths.size >= CACHE_LIMIT) paths.delete(paths.keys().next().value as string);
  paths.set(text, out);
  return out;
}

export function Qr({ text, label, class: cls }: { text: string; label: string; class?: string }) {
  const { size, d } = encode(text);
  const box = size + QUIET * 2;
  return (
    <svg
      class={`qr ${cls ?? ''}`}
      viewBox={`${-QUIET} ${-QUIET} ${box} ${box}`}
      role="img"
      aria-label={label}
      data-qr={text}
      shape-rendering="crispEdges"
    >
      <rect x={-QUIET} y={-QUIET} width={box} height={box} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}
