import { useEffect, useRef, useState } from 'preact/hooks';

export const IDLE_MS = 60_000;
// The last stretch of it is counted down on screen, so a visitor still reading is not
// thrown back to the home screen without a word.
export const IDLE_WARNING_MS = 10_000;
const TICK_MS = 250;

// Calls onIdle after `ms` without a touch, click or key: the kiosk then forgets the visitor.
// Returns the seconds left once the last `warnMs` have begun, else null.
export function useIdle(ms: number, warnMs: number, onIdle: () => void): number | null {
  const callback = useRef(onIdle);
  callback.current = onIdle;
  const [left, setLeft] = useState<number | null>(null);
  useEffect(() => {
    let last = Date.now();
    const touched = () => {
      last = Date.now();
      setLeft(null);
    };
    const tick = setInterval(() => {
      const idle = Date.now() - last;
      if (idle >= ms) {
        touched();
        callback.current();
      } else if (idle >= ms - warnMs) {
        setLeft(Math.ceil((ms - idle) / 1000));
      }
    }, TICK_MS);
    const events = ['pointerdown', 'keydown', 'wheel'] as const;
    for (const e of events) document.addEventListener(e, touched, { passive: true, capture: true });
    return () => {
      clearInterval(tick);
      for (const e of events) document.removeEventListener(e, touched, { capture: true });
    };
  }, [ms, warnMs]);
  return left;
}
