import QRCode from 'qrcode';
import { useEffect, useState } from 'preact/hooks';

// A QR code as inline SVG: crisp at any print size.
export function Qr(props: { text: string; label: string }) {
  const [svg, setSvg] = useState('');
  useEffect(() => {
    let live = true;
    void QRCode.toString(props.text, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }).then(
      (s) => live && setSvg(s),
    );
    return () => {
      live = false;
    };
  }, [props.text]);
  return <span role="img" aria-label={props.label} dangerouslySetInnerHTML={{ __html: svg }} />;
}

// Where a printed code sends a phone: the hub's /q entry, on the address staff reach it at.
export const entryUrl = (code: string) => `${location.origin}/q/${code}`;
