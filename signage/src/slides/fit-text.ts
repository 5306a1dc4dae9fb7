import { useLayoutEffect, useRef } from 'preact/hooks';

// A slide's text at the largest size that shows all of it. Each box marked
// `data-fit="min max"` gets a `--fit` factor, which its font sizes multiply (CSS), chosen
// by bisection so the box's content does not overflow it: a long notice shrinks instead of
// losing its last line (the phone number, as often as not), a short one grows to be read
// from across the lobby. Only past `min` (a 5,000-character notice) does the box clamp
// (`overfull`). Fitted again when a font slice arrives or the slide changes size.
const STEPS = 7;

function fits(box: HTMLElement): boolean {
  return box.scrollHeight <= box.clientHeight + 1 && box.scrollWidth <= box.clientWidth + 1;
}

function fitBox(box: HTMLElement): void {
  const [min = 1, max = 1] = (box.dataset.fit ?? '').split(' ').map(Number);
  const set = (f: number) => box.style.setProperty('--fit', f.toFixed(3));
  box.classList.remove('overfull');
  set(max);
  if (fits(box)) return;
  let lo = min;
  let hi = max;
  for (let i = 0; i < STEPS; i++) {
    const mid = (lo + hi) / 2;
    set(mid);
    if (fits(box)) lo = mid;
    else hi = mid;
  }
  set(lo);
  if (!fits(box)) box.classList.add('overfull');
}

export function useFitText<T extends HTMLElement>(deps: readonly unknown[]) {
  const ref = useRef<T>(null);
  useLayoutEffect(() => {
    const root = ref.current;
    if (!root) return;
    const fitAll = () => root.querySelectorAll<HTMLElement>('[data-fit]').forEach(fitBox);
    fitAll();
    const resize = new ResizeObserver(fitAll);
    resize.observe(root);
    document.fonts.addEventListener('loadingdone', fitAll);
    return () => {
      resize.disconnect();
      document.fonts.removeEventListener('loadingdone', fitAll);
    };
  }, deps);
  return ref;
}
