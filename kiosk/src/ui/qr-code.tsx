import { useMemo } from 'preact/hooks';
import { qrPath } from '#shared/qr-path';

interface Props {
  text: string;
  label: string;
  size?: number;
  testId?: string;
}

// Dark modules on white with the quiet zone the standard asks for (4 modules).
export function QrCode({ text, label, size = 260, testId }: Props) {
  const qr = useMemo(() => qrPath(text), [text]);
  const box = qr.size + 8;
  return (
    <svg
      class="qr"
      role="img"
      aria-label={label}
      data-testid={testId}
      data-qr-text={text}
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
