import { useState } from 'preact/hooks';
import type { DeviceSummary } from '#shared/schemas/devices';
import { listDevices, revokeDevice, sendCommand, subscribePresence } from '../data/devices.ts';
import { allowed } from '../data/session.ts';
import { useI18n } from '../i18n.ts';
import { Loaded } from '../ui/async.tsx';
import { useBuilding } from '../ui/building.tsx';
import { Confirm, Panel, toast } from '../ui/dialog.tsx';
import { useAsync, useNow, useSubscription } from '../ui/hooks.ts';
import { PageHeader } from '../ui/layout.tsx';
import { ago, fmtDateTime } from '../ui/time.ts';
import { DeviceForm } from './device-form.tsx';

function uptime(s: number): string {
  const h = Math.floor(s / 3600);
  return h >= 24 ? `${Math.floor(h / 24)}d ${h % 24}h` : `${h}h ${Math.floor((s % 3600) / 60)}m`;
}

export function DevicesPage() {
  const { t, locale } = useI18n();
  const b = useBuilding();
  const now = useNow(15_000);
  const list = useAsync(() => listDevices(b.id), [b.id]);
  useSubscription(() => subscribePresence(b.id, list.reload), [b.id]);
  const [editing, setEditing] = useState<DeviceSummary | 'new' | null>(null);
  const [revoking, setRevoking] = useState<DeviceSummary | null>(null);
  const canWrite = allowed('devices');
  const command = (d: DeviceSummary, cmd: 'reload' | 'identify') =>
    sendCommand(d.id, cmd).then(
      () => toast(t('device.sent')),
      (e: Error) => toast(e.message, 'error'),
    );

  return (
    <>
      <PageHeader title={t('nav.devices')}>
        {canWrite && (
          <button type="button" class="primary" onClick={() => setEditing('new')}>
            {t('device.pair')}
          </button>
        )}
      </PageHeader>
      <div class={editing ? 'split' : ''}>
        <Loaded state={list}>
          {(devices) =>
            devices.length === 0 ? (
              <p class="empty">{t('device.none')}</p>
            ) : (
              <table aria-label={t('nav.devices')}>
                <thead>
                  <tr>
                    <th>{t('device.name')}</th>
                    <th>
                      {t('device.floor')} / {t('device.bank')} / {t('device.group')}
                    </th>
                    <th>{t('device.state')}</th>
                    <th>{t('device.lastError')}</th>
                    <th>{t('form.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {devices.map((d) => (
                    <tr key={d.id} data-testid={`device-${d.id}`}>
                      <td>
                        <strong>{d.name || d.id}</strong>{' '}
                        <span class="badge">{t(`device.kind.${d.kind}`)}</span>
                        <div class="muted small">{d.id}</div>
                      </td>
                      <td class="small">
                        {d.floor ?? '—'}F / {d.bank?.name ?? '—'} / {d.group ?? '—'}
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
                        {d.state?.lastError ? (
                          <span class="badge bad">{d.state.lastError}</span>
                        ) : (
                          '—'
                        )}
                      </td>
                      <td class="row">
                        {canWrite && d.status === 'paired' && (
                          <>
                            <button
                              type="button"
                              class="small"
                              onClick={() => void command(d, 'identify')}
                            >
                              {t('device.identify')}
                            </button>
                            <button
                              type="button"
                              class="small"
                              onClick={() => void command(d, 'reload')}
                            >
                              {t('device.reload')}
                            </button>
                            <button type="button" class="small" onClick={() => setEditing(d)}>
                              {t('device.move')}
                            </button>
                            <button type="button" class="small" onClick={() => setRevoking(d)}>
                              {t('device.revoke')}
                            </button>
                          </>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )
          }
        </Loaded>
        {editing && (
          <Panel
            title={editing === 'new' ? t('device.pair') : editing.name || editing.id}
            onClose={() => setEditing(null)}
          >
            <DeviceForm
              key={editing === 'new' ? 'new' : editing.id}
              device={editing === 'new' ? null : editing}
              onSaved={() => (setEditing(null), list.reload())}
            />
          </Panel>
        )}
      </div>
      <Confirm
        open={revoking !== null}
        title={t('device.revoke')}
        confirmLabel={t('device.revoke')}
        danger
        onCancel={() => setRevoking(null)}
        onConfirm={() => {
          if (revoking)
            void revokeDevice(revoking.id).then(list.reload, (e: Error) =>
              toast(e.message, 'error'),
            );
          setRevoking(null);
        }}
      >
        <p>{t('device.revokeConfirm', { name: revoking?.name || revoking?.id || '' })}</p>
      </Confirm>
    </>
  );
}
