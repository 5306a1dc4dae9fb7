import { contactsForFloor } from '#shared/schedule-resolver';
import type { Contact } from '#shared/schemas/contacts';
import { buildVCard } from '#shared/vcard';
import { useDevice } from '#shared/device/hooks';
import { useT } from '../i18n.ts';
import { Qr } from '../qr/qr.tsx';
import { useFitText } from './fit-text.ts';
import { usePlacement } from './placement.ts';
import type { SlideProps } from './types.ts';

const LIAISONS_SHOWN = 6;
const isCaptain = (c: Contact) => c.role === 'captain' || c.role === 'deputy_captain';

// The paper poster beside the elevator, kept current: this floor's captain with a QR that
// saves the contact, and the building's liaisons.
export function ContactsSlide(_props: SlideProps) {
  const { t, v } = useT();
  const { floor } = usePlacement();
  const snapshot = useDevice((s) => s.content.contacts);
  const all = contactsForFloor(snapshot?.data ?? [], floor);
  const captains = all
    .filter(isCaptain)
    .sort((a, b) => Number(a.role !== 'captain') - Number(b.role !== 'captain'));
  const captain = captains[0];
  const others = [...captains.slice(1), ...all.filter((c) => !isCaptain(c))].slice(
    0,
    LIAISONS_SHOWN,
  );
  const floorLabel = floor === null ? '' : t('contacts.floor', { floor });
  const ref = useFitText<HTMLElement>([captain?.id, others.map((c) => c.id).join()]);
  return (
    <section ref={ref} class="slide-body contacts" data-slide-kind="contacts">
      <div class="captain-card">
        <h1 class="slide-title">
          {t('contacts.title')}
          {floorLabel && <small>{floorLabel}</small>}
        </h1>
        {captain ? (
          <div class="captain" data-testid="captain">
            <Avatar contact={captain} />
            <div class="captain-text">
              <div class="captain-role">{v(`contact.${captain.role}`)}</div>
              <div class="captain-name">{captain.name}</div>
              {captain.company && <div class="captain-company">{captain.company}</div>}
              <div class="captain-phone">{captain.phone}</div>
              {captain.wechat && (
                <div class="captain-meta">
                  {t('contacts.wechat')} {captain.wechat}
                </div>
              )}
              {captain.hours && (
                <div class="captain-meta">
                  {t('contacts.hours')} {captain.hours}
                </div>
              )}
            </div>
            <figure class="qr-box">
              <Qr
                text={buildVCard({
                  name: captain.name,
                  org: captain.company || undefined,
                  title: `${floorLabel} ${v(`contact.${captain.role}`)}`.trim(),
                  phone: captain.phone,
                  note: [
                    captain.hours,
                    captain.wechat && `${t('contacts.wechat')} ${captain.wechat}`,
                  ]
                    .filter(Boolean)
                    .join(' · '),
                })}
                label={t('contacts.save')}
              />
              <figcaption>{t('contacts.save')}</figcaption>
            </figure>
          </div>
        ) : (
          <p class="empty-note">{t('contacts.none')}</p>
        )}
      </div>
      {others.length > 0 && (
        <div class="liaisons" data-fit="0.7 1.4">
          <h2>{t('contacts.liaisons')}</h2>
          <ul>
            {others.map((c) => (
              <li key={c.id}>
                <span class="liaison-name">{c.name}</span>
                <span class="liaison-phone">{c.phone}</span>
                <span class="liaison-role">
                  {v(`contact.${c.role}`)}
                  {c.hours && <span class="liaison-hours"> · {c.hours}</span>}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

function Avatar({ contact }: { contact: Contact }) {
  if (contact.photo) return <img class="avatar" src={contact.photo} alt="" />;
  // No photo yet: the surname, large, on a calm disc, as on a printed card.
  return (
    <div class="avatar avatar-initial" aria-hidden="true">
      {Array.from(contact.name)[0]}
    </div>
  );
}
