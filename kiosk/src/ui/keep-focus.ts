import type { RefObject } from 'preact';
import { useEffect } from 'preact/hooks';

// When the focused control goes away (a tile opens its screen, a category opens the form),
// the focus moves to the screen itself, so Tab and Shift+Tab go on from there instead of
// starting again at the top of the page.
export function useKeepFocus(screen: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const lost = (e: FocusEvent) => {
      const gone = e.target;
      if (!(gone instanceof Node)) return;
      requestAnimationFrame(() => {
        if (!gone.isConnected && document.activeElement === document.body)
          screen.current?.focus({ preventScroll: true });
      });
    };
    document.addEventListener('focusout', lost);
    return () => document.removeEventListener('focusout', lost);
  }, [screen]);
}
