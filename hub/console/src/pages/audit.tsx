import { useState } from 'preact/hooks';
import { JOB_NAMES, type JobName } from '#shared/schemas/console';
import { addDays } from '#shared/working-days';
import { listAudit, type AuditEntry } from '../data/system.ts';
import { useI18n } from '../i18n.ts';
import { useBuilding } from '../ui/building.tsx';
import { FormError } from '../ui/inputs.tsx';
import { useAsync } from '../ui/hooks.ts';
import { PageHeader } from '../ui/layout.tsx';
import { fmtDateTime, fromInput } from '../ui/time.ts';

const PAGE = 100;
// Every entity the hub audits, named in the catalogue (audit.on.*).
const ENTITIES = [
  'notice',
  'contact',
  'event',
  'playlist',
  'schedule_rule',
  'device',
  'alert',
  'feedback',
  'registration',
  'staff_user',
  'holidays',
  'media',
  'job',
  'building',
  'floor',
  'bank',
  'place',
  'screen_health',
  'personal_data',
] as const;
// And every action (audit.do.*).
const ACTIONS = [
  'create',
  'update',
  'delete',
  'pair',
  'revoke',
  'command',
  'checkin',
  'walkin',
  'password',
  'run',
  'purge',
] as const;
const isEntity = (e: string): e is (typeof ENTITIES)[number] =>
  (ENTITIES as readonly string[]).includes(e);
const isAction = (a: string): a is (typeof ACTIONS)[number] =>
  (ACTIONS as readonly string[]).includes(a);
const isJob = (id: string): id is JobName => (JOB_NAMES as readonly string[]).includes(id);

export function AuditPage() {
  const { t } = useI18n();
  const b = useBuilding();
  // Jobs are named in the reader's language; other objects by their id.
  const entityName = (entity: string, id: string) =>
    entity === 'job' && isJob(id) ? t(`job.title.${id}`) : id;
  const [filter, setFilter] = useState({ entity: '', actor: '', from: '', to: '' });
  const [pages, setPages] = useState(1);
  const [open, setOpen] = useState<number | null>(null);
  const q = {
    entity: filter.entity || undefined,
    actor: filter.actor.trim() || undefined,
    from: filter.from ? fromInput(`${filter.from}T00:00`, b.timezone) : undefined,
    // The API's `to` is exclusive: the day after, at midnight.
    to: filter.to ? fromInput(`${addDays(filter.to, 1)}T00:00`, b.timezone) : undefined,
  };
  const rows = useAsync(async () => {
    const out: AuditEntry[] = [];
    for (let p = 0; p < pages; p++)
      out.push(...(await listAudit({ ...q, limit: PAGE, offset: p * PAGE })));
    return out;
  }, [filter.entity, filter.actor, filter.from, filter.to, pages]);
  const set = (k: keyof typeof filter, v: string) => (
    setFilter({ ...filter, [k]: v }),
    setPages(1)
  );
  return (
    <>
      <PageHeader title={t('nav.audit')} />
      <div class="toolbar">
        <div class="field">
          <label for="au-entity">{t('audit.entity')}</label>
          <select
            id="au-entity"
            value={filter.entity}
            onChange={(e) => set('entity', e.currentTarget.value)}
          >
            <option value="">{t('form.all')}</option>
            {ENTITIES.map((e) => (
              <option key={e} value={e}>
                {t(`audit.on.${e}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="au-actor">{t('audit.actor')}</label>
          <input
            id="au-actor"
            value={filter.actor}
            onChange={(e) => set('actor', e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="au-from">{t('form.from')}</label>
          <input
            id="au-from"
            type="date"
            value={filter.from}
            onChange={(e) => set('from', e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="au-to">{t('form.to')}</label>
          <input
            id="au-to"
            type="date"
            value={filter.to}
            onChange={(e) => set('to', e.currentTarget.value)}
          />
        </div>
      </div>
      <FormError error={rows.error?.message} />
      <table aria-label={t('nav.audit')}>
        <thead>
          <tr>
            <th>{t('audit.at')}</th>
            <th>{t('audit.actor')}</th>
            <th>{t('audit.action')}</th>
            <th>{t('audit.entity')}</th>
            <th>{t('audit.details')}</th>
          </tr>
        </thead>
        <tbody>
          {(rows.data ?? []).map((r) => (
            <tr key={r.id}>
              <td class="small">{fmtDateTime(r.at, b.timezone)}</td>
              {/* The hub's own jobs write as the SYSTEM actor (hub/src/context.ts). */}
              <td>{r.actor === 'system' ? t('audit.system') : r.actor}</td>
              <td>{isAction(r.action) ? t(`audit.do.${r.action}`) : r.action}</td>
              <td>
                {isEntity(r.entity) ? t(`audit.on.${r.entity}`) : r.entity}{' '}
                {r.entityId && <span class="muted">#{entityName(r.entity, r.entityId)}</span>}
              </td>
              <td class="small">
                {(r.before !== null || r.after !== null) && (
                  <button
                    type="button"
                    class="small ghost"
                    aria-expanded={open === r.id}
                    onClick={() => setOpen(open === r.id ? null : r.id)}
                  >
                    {open === r.id ? '▾' : '▸'} {t('audit.details')}
                  </button>
                )}
                {open === r.id && (
                  <pre style={{ whiteSpace: 'pre-wrap', maxWidth: '60ch' }}>
                    {JSON.stringify({ before: r.before, after: r.after }, null, 1)}
                  </pre>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.data && rows.data.length === pages * PAGE && (
        <button type="button" onClick={() => setPages(pages + 1)}>
          {t('audit.more')}
        </button>
      )}
    </>
  );
}
