import { useEffect, useRef } from 'preact/hooks';

export const IDLE_MS = 60_000;

// Calls onIdle after `ms` without a touch, click or key: the kiosk then forgets the visitor.
export function useIdle(ms: number, onIdle: () => void): void {
  const callback = useRef(onIdle);
  callback.current = onIdle;
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => callback.current(), ms);
    };
    const events = ['pointerdown', 'keydown', 'wheel'] as const;
    for (const e of events) document.addEventListener(e, arm, { passive: true, capture: true });
    arm();
    return () => {
      clearTimeout(timer);
      for (const e of events) document.removeEventListener(e, arm, { capture: true });
    };
  }, [ms]);
}
