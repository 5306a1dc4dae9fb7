import { useState } from 'preact/hooks';
import type { JobName, JobView } from '#shared/schemas/console';
import { allowed } from '../data/session.ts';
import { getJobs, runJob } from '../data/system.ts';
import { useI18n } from '../i18n.ts';
import { Loaded } from '../ui/async.tsx';
import { useBuilding } from '../ui/building.tsx';
import { toast } from '../ui/dialog.tsx';
import { useAsync } from '../ui/hooks.ts';
import { PageHeader } from '../ui/layout.tsx';
import { fmtDateTime, zoneName } from '../ui/time.ts';

const TONE = { ok: 'ok', error: 'bad', running: 'info' } as const;

export function JobsPage() {
  const { t, locale } = useI18n();
  const b = useBuilding();
  const data = useAsync(getJobs, []);
  const [running, setRunning] = useState<JobName | null>(null);
  const canRun = allowed('users');
  const run = async (name: JobName) => {
    setRunning(name);
    try {
      const r = await runJob(name);
      // What the job did is the hub's log line; people get the outcome.
      toast(
        r.status === 'ok' ? t('job.status.ok') : `${t('job.status.error')}: ${r.message ?? ''}`,
        r.status === 'ok' ? 'ok' : 'error',
      );
    } catch (e) {
      toast(e instanceof Error ? e.message : String(e), 'error');
    }
    setRunning(null);
    data.reload();
  };
  const describe = (
    j: JobView,
    s: { autoCloseDays: number; retentionDays: number; backupsKept: number },
  ) =>
    j.name === 'auto-close'
      ? t('job.auto-close', { d: s.autoCloseDays })
      : j.name === 'purge'
        ? t('job.purge', { d: s.retentionDays })
        : j.name === 'backup'
          ? t('job.backup', { n: s.backupsKept })
          : t(`job.${j.name}`);
  return (
    <>
      <PageHeader title={t('nav.jobs')} />
      <Loaded state={data}>
        {(o) => (
          <>
            <table aria-label={t('nav.jobs')}>
              <thead>
                <tr>
                  <th>{t('job.name')}</th>
                  <th>{t('job.schedule')}</th>
                  <th>{t('job.next')}</th>
                  <th>{t('job.last')}</th>
                  <th>{t('job.result')}</th>
                  <th>{t('form.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {o.jobs.map((j) => (
                  <tr key={j.name} data-testid={`job-${j.name}`}>
                    <td>
                      <strong>{describe(j, o.settings)}</strong>
                    </td>
                    <td>
                      <code>{j.cron}</code>
                      <div class="muted small">{zoneName(j.timezone, locale)}</div>
                    </td>
                    <td class="small">{fmtDateTime(j.nextRun, b.timezone)}</td>
                    <td class="small">
                      {fmtDateTime(j.lastStartedAt, b.timezone)}
                      {j.lastDurationMs !== null && (
                        <span class="muted"> · {t('job.ms', { n: j.lastDurationMs })}</span>
                      )}
                      <div class="muted">{t('job.runs', { n: j.runs, f: j.failures })}</div>
                    </td>
                    <td class="small">
                      {j.lastStatus && (
                        <span class={`badge ${TONE[j.lastStatus]}`}>
                          {t(`job.status.${j.lastStatus}`)}
                        </span>
                      )}{' '}
                      {j.lastCounts ? t(`job.done.${j.name}`, j.lastCounts) : j.lastMessage}
                    </td>
                    <td>
                      {canRun && (
                        <button
                          type="button"
                          class="small"
                          disabled={running !== null}
                          onClick={() => void run(j.name)}
                        >
                          {t('job.runNow')}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <h2 style={{ marginTop: '1.2rem' }}>{t('job.backups')}</h2>
            {o.backups.length === 0 ? (
              <p class="empty">{t('form.empty')}</p>
            ) : (
              <ul class="small">
                {o.backups.map((x) => (
                  <li key={x.name}>
                    <code>{x.name}</code> · {Math.round(x.size / 1024)} KB ·{' '}
                    {fmtDateTime(x.at, b.timezone)}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </Loaded>
    </>
  );
}
