import { findConflicts } from '#shared/schedule-resolver';
import type { ScheduleRule } from '#shared/schemas/playlists';
import { deleteRule, getSchedule } from '../data/playlists.ts';
import { allowed } from '../data/session.ts';
import { useI18n } from '../i18n.ts';
import { Loaded } from '../ui/async.tsx';
import { useBuilding } from '../ui/building.tsx';
import { useConfirmDelete } from '../ui/confirm-delete.tsx';
import { DataTable } from '../ui/data-table.tsx';
import { useAsync } from '../ui/hooks.ts';
import { EditSplit, ListHeader, useEditing } from '../ui/list-page.tsx';
import { EditDeleteButtons } from '../ui/row-actions.tsx';
import { RuleEditor } from './rule-editor.tsx';

export function RulesPage() {
  const { t, g } = useI18n();
  const b = useBuilding();
  const data = useAsync(() => getSchedule(b.id), [b.id]);
  const ed = useEditing<ScheduleRule>();
  const del = useConfirmDelete({
    remove: (r: ScheduleRule) => deleteRule(r.id),
    name: (r) => `#${r.id}`,
    onDeleted: data.reload,
  });
  const canWrite = allowed('content');
  return (
    <>
      <ListHeader title={t('nav.rules')} newLabel={t('rule.new')} onNew={canWrite && ed.create} />
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
              <EditSplit
                of={ed}
                newTitle={t('rule.new')}
                title={(r) => `#${r.id}`}
                editor={(r) => (
                  <RuleEditor rule={r} schedule={s} onSaved={() => (ed.close(), data.reload())} />
                )}
              >
                <DataTable
                  label={t('nav.rules')}
                  columns={[
                    '#',
                    t('rule.playlist'),
                    t('rule.groups'),
                    t('rule.weekdays'),
                    `${t('rule.from')}–${t('rule.to')}`,
                    `${t('rule.dateFrom')}–${t('rule.dateTo')}`,
                    { label: t('rule.priority'), class: 'num' },
                  ]}
                  rows={[...s.rules].sort((x, y) => y.priority - x.priority || x.id - y.id)}
                  rowKey={(r) => r.id}
                  selected={ed.isOpen}
                  cells={(r) => (
                    <>
                      <td>
                        {r.id} {inConflict.has(r.id) && <span class="badge bad">!</span>}
                      </td>
                      <td>{name(r.playlistId)}</td>
                      <td>{r.groups.map(g).join('、') || t('rule.everyGroup')}</td>
                      <td>
                        {r.weekdays.length === 7
                          ? t('form.all')
                          : r.weekdays.map((d) => t(`weekday.${d as 1}`)).join(' ')}
                      </td>
                      <td>{r.from === r.to ? t('rule.allDay') : `${r.from}–${r.to}`}</td>
                      <td class="small">
                        {r.dateFrom || r.dateTo ? `${r.dateFrom ?? '…'} – ${r.dateTo ?? '…'}` : '—'}
                      </td>
                      <td class="num">{r.priority}</td>
                    </>
                  )}
                  actions={(r) => (
                    <EditDeleteButtons
                      canWrite={canWrite}
                      onEdit={() => ed.edit(r)}
                      onDelete={() => del.ask(r)}
                    />
                  )}
                />
              </EditSplit>
            </>
          );
        }}
      </Loaded>
      {del.dialog}
    </>
  );
}
