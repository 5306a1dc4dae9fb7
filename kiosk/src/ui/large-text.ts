import { useEffect } from 'preact/hooks';

// Large text (适老化) is one attribute on the root element: the stylesheets raise the root
// font size and the target sizes under [data-large-text], so no component sizes itself.
export function useLargeText(on: boolean): void {
  useEffect(() => {
    document.documentElement.toggleAttribute('data-large-text', on);
  }, [on]);
}
