import type { DeviceSummary } from '#shared/schemas/devices';
import { listDevices, revokeDevice, sendCommand, subscribePresence } from '../data/devices.ts';
import { allowed } from '../data/session.ts';
import { useI18n } from '../i18n.ts';
import { Loaded } from '../ui/async.tsx';
import { useBuilding } from '../ui/building.tsx';
import { useConfirmDelete } from '../ui/confirm-delete.tsx';
import { DataTable } from '../ui/data-table.tsx';
import { toast } from '../ui/dialog.tsx';
import { useAsync, useNow, useSubscription } from '../ui/hooks.ts';
import { EditSplit, ListHeader, useEditing } from '../ui/list-page.tsx';
import { RowButton } from '../ui/row-actions.tsx';
import { ago, fmtDateTime } from '../ui/time.ts';
import { DeviceForm } from './device-form.tsx';
import { SnapshotFill } from './snapshot-fill.tsx';

function uptime(s: number): string {
  const h = Math.floor(s / 3600);
  return h >= 24 ? `${Math.floor(h / 24)}d ${h % 24}h` : `${h}h ${Math.floor((s % 3600) / 60)}m`;
}

export function DevicesPage() {
  const { t, locale, g } = useI18n();
  const b = useBuilding();
  const now = useNow(15_000);
  const list = useAsync(() => listDevices(b.id), [b.id]);
  useSubscription(() => subscribePresence(b.id, list.reload), [b.id]);
  const ed = useEditing<DeviceSummary>();
  const revoke = useConfirmDelete({
    remove: (d: DeviceSummary) => revokeDevice(d.id),
    name: (d) => d.name || d.id,
    onDeleted: list.reload,
    verb: t('device.revoke'),
    question: (name) => t('device.revokeConfirm', { name }),
  });
  const canWrite = allowed('devices');
  const command = (d: DeviceSummary, cmd: 'reload' | 'identify') =>
    sendCommand(d.id, cmd).then(
      () => toast(t('device.sent')),
      (e: Error) => toast(e.message, 'error'),
    );

  return (
    <>
      <ListHeader
        title={t('nav.devices')}
        newLabel={t('device.pair')}
        onNew={canWrite && ed.create}
      />
      <EditSplit
        of={ed}
        newTitle={t('device.pair')}
        title={(d) => d.name || d.id}
        editor={(d) => <DeviceForm device={d} onSaved={() => (ed.close(), list.reload())} />}
      >
        <Loaded state={list}>
          {(devices) => (
            <DataTable
              label={t('nav.devices')}
              empty={t('device.none')}
              columns={[
                t('device.name'),
                `${t('device.floor')} / ${t('device.bank')} / ${t('device.group')}`,
                t('device.state'),
                t('device.lastError'),
              ]}
              rows={devices}
              rowKey={(d) => d.id}
              testId={(d) => `device-${d.id}`}
              cells={(d) => (
                <>
                  <td>
                    <strong>{d.name || d.id}</strong>{' '}
                    <span class="badge">{t(`device.kind.${d.kind}`)}</span>
                    <div class="muted small">{d.id}</div>
                  </td>
                  <td class="small">
                    {d.floor ?? '—'}F / {d.bank?.name ?? '—'} / {d.group ? g(d.group) : '—'}
                  </td>
                  <td class="small">
                    {d.status === 'revoked' ? (
                      <span class="badge bad">{t('device.revoke')}</span>
                    ) : (
                      <span class={`badge ${d.online ? 'ok' : 'bad'}`}>
                        {t(d.online ? 'device.online' : 'device.offline')}
                      </span>
                    )}{' '}
                    <span title={fmtDateTime(d.lastSeenAt, b.timezone)}>
                      {ago(d.lastSeenAt, locale, now)}
                    </span>
                    {d.state && (
                      <div class="muted">
                        {t('device.version')} {d.state.version} · {d.state.screen.width}×
                        {d.state.screen.height} · {t('device.uptime')} {uptime(d.state.uptime)}
                      </div>
                    )}
                  </td>
                  <td class="small">
                    {d.state?.lastError ? <span class="badge bad">{d.state.lastError}</span> : '—'}
                  </td>
                </>
              )}
              actions={(d) =>
                canWrite &&
                d.status === 'paired' && (
                  <>
                    <RowButton onClick={() => void command(d, 'identify')}>
                      {t('device.identify')}
                    </RowButton>
                    <RowButton onClick={() => void command(d, 'reload')}>
                      {t('device.reload')}
                    </RowButton>
                    <RowButton onClick={() => ed.edit(d)}>{t('device.move')}</RowButton>
                    <RowButton onClick={() => revoke.ask(d)}>{t('device.revoke')}</RowButton>
                  </>
                )
              }
            />
          )}
        </Loaded>
      </EditSplit>
      <SnapshotFill building={b.id} />
      {revoke.dialog}
    </>
  );
}
