import type { MinePage } from '../data/page-data.ts';
import { readMine, type MineEntry } from '../data/mine.ts';
import { useT, when } from '../ui/i18n.tsx';

// "我的": the registrations and feedback made from this phone, read from its own storage.
export function Mine({ data }: { data: MinePage }) {
  const w = useT();
  const { t, v } = w;
  const all = readMine();
  const regs = all.filter(
    (e): e is Extract<MineEntry, { kind: 'registration' }> => e.kind === 'registration',
  );
  const fbs = all.filter(
    (e): e is Extract<MineEntry, { kind: 'feedback' }> => e.kind === 'feedback',
  );
  return (
    <div class="stack">
      <h1>{t('mine.title')}</h1>
      {all.length === 0 && <p class="card">{t('mine.none')}</p>}
      {regs.length > 0 && (
        <section class="stack" aria-labelledby="mine-regs">
          <h2 id="mine-regs">{t('mine.registrations')}</h2>
          <ul class="plain stack" data-testid="mine-registrations">
            {regs.map((r) => (
              <li key={r.ticket}>
                <a class="card link-card" href={r.url}>
                  <span class={`status status-${r.status}`}>{v(`registration.${r.status}`)}</span>
                  <h3>{r.title}</h3>
                  <p>{when(w, r.start)}</p>
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      {fbs.length > 0 && (
        <section class="stack" aria-labelledby="mine-fb">
          <h2 id="mine-fb">{t('mine.feedback')}</h2>
          <ul class="plain stack" data-testid="mine-feedback">
            {fbs.map((f) => (
              <li key={f.ticket}>
                <a class="card link-card" href={f.url}>
                  <span class={`status status-${f.status}`}>{v(`status.${f.status}`)}</span>
                  <h3>{v(`feedback.${f.category}`)}</h3>
                  <p>
                    {f.ticket} · {when(w, f.createdAt)}
                  </p>
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      <a class="btn" href={`/e?b=${encodeURIComponent(data.building.id)}`}>
        {t('mine.events')}
      </a>
      <p class="hint">{t('mine.hint')}</p>
    </div>
  );
}
