import type { Contact } from '#shared/schemas/contacts';
import { useWords } from '../ui/i18n.tsx';
import { QrCode } from '../ui/qr-code.tsx';

interface Props {
  contact: Contact;
  link: string;
  showQr: boolean;
  onQr?: () => void;
}

export function ContactCard({ contact: c, link, showQr, onQr }: Props) {
  const { t, v } = useWords();
  return (
    <article class={`contact-card role-${c.role}`} data-testid={`contact-${c.id}`}>
      <div class="contact-text">
        <p class="badge">{v(`contact.${c.role}`)}</p>
        <h3>{c.name}</h3>
        {c.company && <p>{c.company}</p>}
        <p class="contact-phone">
          {t('contact.phone')} <b>{c.phone}</b>
        </p>
        {c.wechat && (
          <p>
            {t('contact.wechat')} {c.wechat}
          </p>
        )}
        {c.hours && (
          <p class="muted">
            {t('contact.hours')} {c.hours}
          </p>
        )}
      </div>
      {showQr ? (
        <figure class="contact-qr">
          <QrCode text={link} label={t('contact.qr', { name: c.name })} size={180} />
          <figcaption>{t('contact.qr.caption')}</figcaption>
        </figure>
      ) : (
        <button type="button" class="btn" onClick={onQr}>
          {t('contact.save')}
        </button>
      )}
    </article>
  );
}
