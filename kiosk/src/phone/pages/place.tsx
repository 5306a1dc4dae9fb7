import type { PlacePage } from '../data/page-data.ts';
import { useT } from '../ui/i18n.tsx';

// A general QR of a place: what one can do from here.
export function PlaceHome({ data }: { data: PlacePage }) {
  const { t } = useT();
  const links = [
    data.links.feedback && {
      href: data.links.feedback,
      title: t('place.feedback'),
      hint: t('place.feedback.hint'),
    },
    { href: data.links.events, title: t('place.events'), hint: t('place.events.hint') },
    { href: data.links.contacts, title: t('place.contacts'), hint: t('place.contacts.hint') },
  ].filter((l): l is { href: string; title: string; hint: string } => !!l);
  return (
    <div class="stack">
      <h1>{data.place.name}</h1>
      {links.map((l) => (
        <a key={l.href} class="card link-card" href={l.href}>
          <h2>{l.title}</h2>
          <p class="hint">{l.hint}</p>
        </a>
      ))}
    </div>
  );
}
