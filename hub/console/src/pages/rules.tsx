import { useState } from 'preact/hooks';
import { findConflicts } from '#shared/schedule-resolver';
import type { ScheduleRule } from '#shared/schemas/playlists';
import { deleteRule, getSchedule } from '../data/playlists.ts';
import { allowed } from '../data/session.ts';
import { useI18n } from '../i18n.ts';
import { Loaded } from '../ui/async.tsx';
import { useBuilding } from '../ui/building.tsx';
import { Confirm, Panel, toast } from '../ui/dialog.tsx';
import { useAsync } from '../ui/hooks.ts';
import { PageHeader } from '../ui/layout.tsx';
import { RuleEditor } from './rule-editor.tsx';

export function RulesPage() {
  const { t } = useI18n();
  const b = useBuilding();
  const data = useAsync(() => getSchedule(b.id), [b.id]);
  const [editing, setEditing] = useState<ScheduleRule | 'new' | null>(null);
  const [deleting, setDeleting] = useState<ScheduleRule | null>(null);
  const canWrite = allowed('content');
  return (
    <>
      <PageHeader title={t('nav.rules')}>
        {canWrite && (
          <button type="button" class="primary" onClick={() => setEditing('new')}>
            {t('rule.new')}
          </button>
        )}
      </PageHeader>
      <p class="card small" data-testid="precedence">
        {t('rule.precedence')}
      </p>
      <Loaded state={data}>
        {(s) => {
          const conflicts = findConflicts(s.rules);
          const inConflict = new Set(conflicts.flat());
          // The resolver's tie-break: a rule that names groups, then the older one.
          const winner = (a: number, c: number) => {
            const [ra, rc] = [s.rules.find((x) => x.id === a), s.rules.find((x) => x.id === c)];
            const named = (r: typeof ra) => Number((r?.groups.length ?? 0) > 0);
            return named(rc) > named(ra) ? c : named(ra) > named(rc) ? a : Math.min(a, c);
          };
          const name = (id: number) => s.playlists.find((p) => p.id === id)?.name ?? `#${id}`;
          return (
            <>
              <div role="status" data-testid="conflicts" style={{ margin: '0.8rem 0' }}>
                {conflicts.length === 0 ? (
                  <span class="badge ok">{t('rule.noConflicts')}</span>
                ) : (
                  conflicts.map(([a, c]) => (
                    <p key={`${a}-${c}`} class="form-error">
                      {t('rule.conflict', { a, b: c })}{' '}
                      {t('rule.conflictWinner', { w: winner(a, c) })}
                    </p>
                  ))
                )}
              </div>
              <div class={editing ? 'split' : ''}>
                <table aria-label={t('nav.rules')}>
                  <thead>
                    <tr>
                      <th>#</th>
                      <th>{t('rule.playlist')}</th>
                      <th>{t('rule.groups')}</th>
                      <th>{t('rule.weekdays')}</th>
                      <th>
                        {t('rule.from')}–{t('rule.to')}
                      </th>
                      <th>
                        {t('rule.dateFrom')}–{t('rule.dateTo')}
                      </th>
                      <th class="num">{t('rule.priority')}</th>
                      <th>{t('form.actions')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {[...s.rules]
                      .sort((x, y) => y.priority - x.priority || x.id - y.id)
                      .map((r) => (
                        <tr
                          key={r.id}
                          class={editing !== 'new' && editing?.id === r.id ? 'selected' : ''}
                        >
                          <td>
                            {r.id} {inConflict.has(r.id) && <span class="badge bad">!</span>}
                          </td>
                          <td>{name(r.playlistId)}</td>
                          <td>{r.groups.join(', ') || t('rule.everyGroup')}</td>
                          <td>
                            {r.weekdays.length === 7
                              ? t('form.all')
                              : r.weekdays.map((d) => t(`weekday.${d as 1}`)).join(' ')}
                          </td>
                          <td>{r.from === r.to ? t('rule.allDay') : `${r.from}–${r.to}`}</td>
                          <td class="small">
                            {r.dateFrom || r.dateTo
                              ? `${r.dateFrom ?? '…'} – ${r.dateTo ?? '…'}`
                              : '—'}
                          </td>
                          <td class="num">{r.priority}</td>
                          <td class="row">
                            <button type="button" class="small" onClick={() => setEditing(r)}>
                              {canWrite ? t('form.edit') : t('fb.open')}
                            </button>
                            {canWrite && (
                              <button type="button" class="small" onClick={() => setDeleting(r)}>
                                {t('form.delete')}
                              </button>
                            )}
                          </td>
                        </tr>
                      ))}
                  </tbody>
                </table>
                {editing && (
                  <Panel
                    title={editing === 'new' ? t('rule.new') : `#${editing.id}`}
                    onClose={() => setEditing(null)}
                  >
                    <RuleEditor
                      key={editing === 'new' ? 'new' : editing.id}
                      rule={editing === 'new' ? null : editing}
                      schedule={s}
                      onSaved={() => (setEditing(null), data.reload())}
                    />
                  </Panel>
                )}
              </div>
            </>
          );
        }}
      </Loaded>
      <Confirm
        open={deleting !== null}
        title={t('form.delete')}
        confirmLabel={t('form.delete')}
        danger
        onCancel={() => setDeleting(null)}
        onConfirm={() => {
          if (deleting)
            void deleteRule(deleting.id).then(data.reload, (e: Error) => toast(e.message, 'error'));
          setDeleting(null);
        }}
      >
        <p>{t('form.deleteConfirm', { name: `#${deleting?.id ?? ''}` })}</p>
      </Confirm>
    </>
  );
}
