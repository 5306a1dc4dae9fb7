import { observable } from './data/observable.ts';

// Client-side routes below /console/: the hub answers every such path with index.html.
export const BASE = '/console';

const current = () => location.pathname.replace(/^\/console/, '') || '/';
export const route = observable<{ path: string; query: URLSearchParams }>({
  path: current(),
  query: new URLSearchParams(location.search),
});

const update = () => route.set({ path: current(), query: new URLSearchParams(location.search) });
window.addEventListener('popstate', update);

export function navigate(to: string, replace = false): void {
  const url = `${BASE}${to}`;
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  update();
  window.scrollTo(0, 0);
}

// "/feedback/:ticket" against "/feedback/12345678" → { ticket: '12345678' }.
export function match(pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split('/');
  const s = path.split('/');
  if (p.length !== s.length) return null;
  const out: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    const seg = p[i] ?? '';
    const val = s[i] ?? '';
    if (seg.startsWith(':')) out[seg.slice(1)] = decodeURIComponent(val);
    else if (seg !== val) return null;
  }
  return out;
}
