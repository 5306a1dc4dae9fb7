import { contactsForFloor } from '#shared/schedule-resolver';
import { listPlaces } from '../data/buildings.ts';
import { listContacts } from '../data/content.ts';
import { useI18n } from '../i18n.ts';
import { Loaded } from '../ui/async.tsx';
import { useBuilding } from '../ui/building.tsx';
import { useAsync } from '../ui/hooks.ts';
import { Link } from '../ui/link.tsx';
import { Qr, entryUrl } from '../ui/qr.tsx';

// An A4 poster for an elevator bank without a screen: the feedback QR, the floor captain's
// card and the service station's hours. Printed with the browser's own print dialog.
export function PosterPage(props: { params: Record<string, string> }) {
  const { t } = useI18n();
  const b = useBuilding();
  const data = useAsync(async () => {
    const [places, contacts] = await Promise.all([listPlaces(b.id), listContacts(b.id)]);
    return { places, contacts };
  }, [b.id]);
  const id = Number(props.params.id);
  return (
    <Loaded state={data}>
      {({ places, contacts }) => {
        const place = places.find((p) => p.id === id);
        if (!place) return <p class="page-message">{t('app.notFound')}</p>;
        const code = (intent: string) => place.codes.find((c) => c.intent === intent)?.code;
        const feedback = code('feedback');
        const contact = code('contact');
        const captains = contactsForFloor(contacts, place.floor).filter(
          (c) => c.role === 'captain' || c.role === 'deputy_captain',
        );
        const station = places.find((p) => p.floor === 1 && p.bankId === null);
        const stationHours = contacts.find((c) => c.role === 'party_supervisor')?.hours;
        return (
          <>
            <div class="no-print row">
              <Link to="/places" class="button">
                ← {t('nav.places')}
              </Link>
              <button type="button" class="primary" onClick={() => window.print()}>
                {t('form.print')}
              </button>
              <span class="muted small">{t('poster.hint')}</span>
            </div>
            <article class="poster" data-testid="poster">
              <header>
                <div class="place">{b.name}</div>
                <h1>{place.name}</h1>
              </header>
              {feedback && (
                <div class="qr-block">
                  <Qr text={entryUrl(feedback)} label={t('place.intent.feedback')} />
                  <div>
                    <h2>{t('poster.feedbackTitle')}</h2>
                    <p>{t('poster.feedbackBody')}</p>
                  </div>
                </div>
              )}
              {captains.length > 0 && (
                <div class="captain qr-block small">
                  {contact && <Qr text={entryUrl(contact)} label={t('place.intent.contact')} />}
                  <div>
                    <h2>{t('poster.captain')}</h2>
                    {captains.map((c) => (
                      <div key={c.id}>
                        <p>
                          {c.name} · {c.company}
                        </p>
                        <p class="phone">{c.phone}</p>
                        {c.hours && <p>{c.hours}</p>}
                      </div>
                    ))}
                    <p class="muted">{t('poster.captainScan')}</p>
                  </div>
                </div>
              )}
              <footer>
                <strong>{station?.name ?? t('poster.station')}</strong>
                {stationHours && ` · ${t('poster.stationHours')}: ${stationHours}`}
              </footer>
            </article>
          </>
        );
      }}
    </Loaded>
  );
}
