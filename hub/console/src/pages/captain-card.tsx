import { listContacts } from '../data/content.ts';
import { useI18n } from '../i18n.ts';
import { formatFloors } from '../logic/floors.ts';
import { Loaded } from '../ui/async.tsx';
import { useBuilding } from '../ui/building.tsx';
import { useAsync } from '../ui/hooks.ts';
import { Link } from '../ui/link.tsx';

// The card staff print and hand to a floor captain in person: their captain code and how
// to use it. Never posted: the code is what lets a captain take a held seat.
export function CaptainCardPage(props: { params: Record<string, string> }) {
  const { t } = useI18n();
  const b = useBuilding();
  const data = useAsync(() => listContacts(b.id), [b.id]);
  const id = Number(props.params.id);
  return (
    <Loaded state={data}>
      {(contacts) => {
        const c = contacts.find((x) => x.id === id);
        if (!c?.captainCode) return <p class="page-message">{t('app.notFound')}</p>;
        return (
          <>
            <div class="no-print row">
              <Link to="/contacts" class="button">
                ← {t('nav.contacts')}
              </Link>
              <button type="button" class="primary" onClick={() => window.print()}>
                {t('form.print')}
              </button>
              <span class="muted small">{t('captainCard.hint')}</span>
            </div>
            <article class="captain-card" data-testid="captain-card">
              <div class="place">{b.name}</div>
              <h1>
                {c.name} · {t('captainCard.floors', { floors: formatFloors(c.floors) })}
              </h1>
              <p>{t('contact.captainCode')}</p>
              <p class="code" data-testid="captain-code">
                {c.captainCode}
              </p>
              <p>{t('captainCard.howTo')}</p>
              <p class="muted">{t('captainCard.keep')}</p>
            </article>
          </>
        );
      }}
    </Loaded>
  );
}
