import { listContacts } from '../data/content.ts';
import { listFeedback } from '../data/feedback.ts';
import { useI18n } from '../i18n.ts';
import { download, toCsv } from '../logic/csv.ts';
import { threeLists } from '../logic/lists.ts';
import { Loaded } from '../ui/async.tsx';
import { useBuilding } from '../ui/building.tsx';
import { useAsync } from '../ui/hooks.ts';
import { PageHeader } from '../ui/layout.tsx';
import { Link } from '../ui/link.tsx';
import { fmtDate, todayIn } from '../ui/time.ts';

export function ListsPage() {
  const { t, v } = useI18n();
  const b = useBuilding();
  const data = useAsync(async () => {
    const [open, resolved, contacts] = await Promise.all([
      listFeedback(b.id, { open: true, limit: 500 }),
      listFeedback(b.id, { status: 'resolved', limit: 200 }),
      listContacts(b.id),
    ]);
    return threeLists([...open, ...resolved], contacts);
  }, [b.id]);

  const exportAgenda = () => {
    const lists = data.data;
    if (!lists) return;
    const rows = [
      [
        t('lists.agenda'),
        t('fb.ticket'),
        t('fb.category'),
        t('fb.place'),
        t('fb.text'),
        t('lists.supporters'),
        t('checkin.status'),
        t('lists.filed'),
      ],
      ...lists.needs.map((n, i) => [
        i + 1,
        n.ticket,
        v(`feedback.${n.category}`),
        n.place ?? '',
        n.text,
        n.supporters,
        v(`status.${n.status}`),
        fmtDate(n.createdAt, b.timezone),
      ]),
    ];
    download(`agenda-${b.id}-${todayIn(b.timezone)}.csv`, toCsv(rows));
  };

  return (
    <>
      <PageHeader title={t('lists.title')}>
        <button type="button" onClick={exportAgenda} disabled={!data.data}>
          {t('lists.exportAgenda')}
        </button>
        <button type="button" onClick={() => window.print()}>
          {t('lists.printAgenda')}
        </button>
      </PageHeader>
      <p class="muted">{t('lists.intro')}</p>
      <p class="print-only">
        {b.name} · {todayIn(b.timezone)}
      </p>
      <Loaded state={data}>
        {(l) => (
          <div class="grid">
            <section class="card" aria-label={t('lists.needs')} data-testid="needs">
              <h2>
                {t('lists.needs')} ({l.needs.length})
              </h2>
              <ol>
                {l.needs.map((n) => (
                  <li key={n.ticket}>
                    <Link to={`/feedback/${n.ticket}`}>{n.ticket}</Link>{' '}
                    <span class="badge">{v(`feedback.${n.category}`)}</span>{' '}
                    {n.status === 'discussing' && (
                      <span class="badge info">{v('status.discussing')}</span>
                    )}{' '}
                    {n.supporters > 1 && (
                      <span class="badge">{t('fb.supporters', { n: n.supporters })}</span>
                    )}
                    <div class="small">{n.text}</div>
                    {n.place && <div class="muted small">{n.place}</div>}
                  </li>
                ))}
              </ol>
            </section>
            <section class="card" aria-label={t('lists.resources')} data-testid="resources">
              <h2>
                {t('lists.resources')} ({l.resources.length})
              </h2>
              <ul>
                {l.resources.map((r) => (
                  <li key={r.name}>
                    <strong>{r.name}</strong>{' '}
                    {r.projects > 0 && <span class="badge info">{r.projects}</span>}
                    {r.detail && <div class="muted small">{r.detail}</div>}
                  </li>
                ))}
              </ul>
            </section>
            <section class="card" aria-label={t('lists.projects')} data-testid="projects">
              <h2>
                {t('lists.projects')} ({l.projects.reduce((n, p) => n + p.tickets.length, 0)})
              </h2>
              {l.projects.map((p) => (
                <div key={p.assignee}>
                  <h3>{p.assignee}</h3>
                  <ul>
                    {p.tickets.map((x) => (
                      <li key={x.ticket} class="small">
                        <Link to={`/feedback/${x.ticket}`}>{x.ticket}</Link>{' '}
                        {v(`status.${x.status}`)} · {x.text}
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
            </section>
          </div>
        )}
      </Loaded>
    </>
  );
}
