import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../i18n.ts';

// The browser's own QR reader (Chrome, Edge, Android), with the laptop or phone camera.
interface Detector {
  detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]>;
}
type DetectorClass = new (opts: { formats: string[] }) => Detector;
const Barcode = (globalThis as { BarcodeDetector?: DetectorClass }).BarcodeDetector;
export const canScan = () => Barcode !== undefined && !!navigator.mediaDevices?.getUserMedia;

export function Scanner(props: { onCode: (text: string) => void; onClose: () => void }) {
  const { t } = useI18n();
  const video = useRef<HTMLVideoElement>(null);
  const [error, setError] = useState<string | undefined>();
  const onCode = useRef(props.onCode);
  onCode.current = props.onCode;
  useEffect(() => {
    if (!Barcode) return;
    let stream: MediaStream | undefined;
    let stopped = false;
    let last = '';
    const detector = new Barcode({ formats: ['qr_code'] });
    const loop = async () => {
      const v = video.current;
      if (stopped || !v) return;
      if (v.readyState >= 2) {
        const codes = await detector.detect(v).catch(() => []);
        const text = codes[0]?.rawValue;
        // The same ticket held in front of the camera counts once.
        if (text && text !== last) {
          last = text;
          onCode.current(text);
        }
      }
      setTimeout(() => void loop(), 250);
    };
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' } })
      .then((s) => {
        stream = s;
        if (stopped || !video.current) return s.getTracks().forEach((tr) => tr.stop());
        video.current.srcObject = s;
        void video.current.play();
        void loop();
      })
      .catch((e: Error) => setError(e.message));
    return () => {
      stopped = true;
      stream?.getTracks().forEach((tr) => tr.stop());
    };
  }, []);
  return (
    <div class="scanner">
      <video ref={video} muted playsInline aria-label={t('checkin.scan')} />
      {error && <p class="form-error">{error}</p>}
      <button type="button" onClick={props.onClose}>
        {t('checkin.stopScan')}
      </button>
    </div>
  );
}
