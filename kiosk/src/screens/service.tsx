import { useWords } from '../ui/i18n.tsx';
import type { ScreenProps } from './screen.ts';

// The station's services live in the catalogue; its opening hours are its supervisor's on the
// contact card (as on the posters), so staff change them in one place, and the people come
// from contacts.
export function ServiceScreen({ s }: ScreenProps) {
  const { t, v } = useWords();
  const staff = s.contacts.filter(
    (c) => c.role === 'party_supervisor' || c.role === 'property_manager',
  );
  const hours = s.contacts.find((c) => c.role === 'party_supervisor')?.hours;
  const sections = [
    ...(hours ? [{ title: t('service.hours'), body: hours }] : []),
    { title: t('service.rooms'), body: t('service.rooms.body') },
    { title: t('service.printer'), body: t('service.printer.body') },
    { title: t('service.reach'), body: t('service.reach.body') },
  ];
  return (
    <section class="service" aria-labelledby="service-title">
      <h1 id="service-title">{t('nav.service')}</h1>
      <div class="service-grid">
        {sections.map((x) => (
          <article class="card service-card" key={x.title}>
            <h2>{x.title}</h2>
            <p>{x.body}</p>
          </article>
        ))}
        {staff.length > 0 && (
          <article class="card service-card">
            <h2>{t('service.staff')}</h2>
            <ul class="plain">
              {staff.map((c) => (
                <li key={c.id}>
                  <b>{v(`contact.${c.role}`)}</b> {c.name} · {c.phone}
                  {c.hours && c.role !== 'party_supervisor' && (
                    <span class="muted"> · {c.hours}</span>
                  )}
                </li>
              ))}
            </ul>
          </article>
        )}
      </div>
    </section>
  );
}
