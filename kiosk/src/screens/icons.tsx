import type { ScreenName } from './screen.ts';

// Line icons for the home tiles; drawn here so no font or emoji set is needed.
const PATHS: Record<Exclude<ScreenName, 'home'>, string> = {
  notices: 'M6 8h20v16H6z M10 13h12 M10 17h12 M10 21h7 M12 4v4 M20 4v4',
  directory: 'M8 28V4h16v24 M12 9h3 M17 9h3 M12 14h3 M17 14h3 M12 19h3 M17 19h3 M14 28v-4h4v4',
  events: 'M5 8h22v19H5z M5 13h22 M10 4v6 M22 4v6 M10 18h4 M18 18h4 M10 22h4',
  feedback: 'M5 6h22v15H14l-6 5v-5H5z M10 12h12 M10 16h8',
  service: 'M16 4a12 12 0 1 0 0 24a12 12 0 1 0 0-24 M16 14v8 M16 9v1',
};

export function TileIcon({ name }: { name: Exclude<ScreenName, 'home'> }) {
  return (
    <svg class="tile-icon" viewBox="0 0 32 32" aria-hidden="true">
      <path d={PATHS[name]} />
    </svg>
  );
}
