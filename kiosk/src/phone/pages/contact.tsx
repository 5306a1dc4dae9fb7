import type { ContactPage } from '../data/page-data.ts';
import { useT } from '../ui/i18n.tsx';

// A captain's or liaison's card: call, copy the WeChat id, or save the vCard.
export function ContactCards({ data }: { data: ContactPage }) {
  const { t, v } = useT();
  return (
    <div class="stack">
      <h1>{data.title ? t('contact.floor', { floor: data.title }) : t('contact.title')}</h1>
      {data.contacts.map((c) => (
        <article class="card contact" key={c.id} data-testid={`contact-${c.id}`}>
          <span class="badge">{v(`contact.${c.role}`)}</span>
          <h2>{c.name}</h2>
          {c.company && <p>{c.company}</p>}
          {c.hours && <p class="hint">{t('contact.hours', { hours: c.hours })}</p>}
          {c.wechat && <p>{t('contact.wechat', { id: c.wechat })}</p>}
          <div class="row">
            <a class="btn" href={`tel:${c.phone.replace(/[^0-9+]/g, '')}`}>
              {t('contact.call', { phone: c.phone })}
            </a>
            <a class="btn btn-primary" href={`/c/${c.id}/vcard`} download={`contact-${c.id}.vcf`}>
              {t('contact.save')}
            </a>
          </div>
        </article>
      ))}
      {data.contacts.length === 0 && <p class="card">{t('contact.none')}</p>}
    </div>
  );
}
