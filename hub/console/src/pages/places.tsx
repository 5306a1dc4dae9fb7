import { listPlaces, placeStatsOf } from '../data/buildings.ts';
import { useI18n } from '../i18n.ts';
import { Loaded } from '../ui/async.tsx';
import { useBuilding } from '../ui/building.tsx';
import { useAsync } from '../ui/hooks.ts';
import { PageHeader } from '../ui/layout.tsx';
import { Link } from '../ui/link.tsx';
import { entryUrl } from '../ui/qr.tsx';
import { fmtDateTime } from '../ui/time.ts';

export function PlacesPage() {
  const { t } = useI18n();
  const b = useBuilding();
  const places = useAsync(() => listPlaces(b.id), [b.id]);
  const stats = useAsync(() => placeStatsOf(b.id), [b.id]);
  const bankName = (id: number | null) => b.banks.find((x) => x.id === id)?.name ?? '—';
  return (
    <>
      <PageHeader title={t('nav.places')}>
        <span class="muted small">{t('poster.hint')}</span>
      </PageHeader>
      <Loaded state={places}>
        {(list) => (
          <table aria-label={t('nav.places')}>
            <thead>
              <tr>
                <th>{t('place.name')}</th>
                <th>{t('device.floor')}</th>
                <th>{t('device.bank')}</th>
                <th>{t('place.codes')}</th>
                <th class="num">{t('place.scans', { n: '' }).trim()}</th>
                <th>{t('report.feedback')}</th>
                <th>{t('form.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((p) => {
                const s = stats.data?.find((x) => x.placeId === p.id);
                return (
                  <tr key={p.id}>
                    <td>{p.name}</td>
                    <td>{p.floor ?? '—'}</td>
                    <td>{bankName(p.bankId)}</td>
                    <td class="small">
                      {p.codes.map((c) => (
                        <div key={c.code}>
                          <span class="badge">{t(`place.intent.${c.intent}`)}</span>{' '}
                          <a href={entryUrl(c.code)} target="_blank" rel="noreferrer">
                            /q/{c.code}
                          </a>
                        </div>
                      ))}
                    </td>
                    <td class="num">{s?.scans ?? '…'}</td>
                    <td class="small">
                      {s ? t('place.feedback', { n: s.feedback, open: s.open }) : '…'}
                      {s?.lastFeedbackAt && (
                        <div class="muted">{fmtDateTime(s.lastFeedbackAt, b.timezone)}</div>
                      )}
                    </td>
                    <td>
                      <Link to={`/places/${p.id}/poster`} class="button small">
                        {t('place.poster')}
                      </Link>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </Loaded>
    </>
  );
}
