import { useEffect, useState } from 'preact/hooks';
import { resolveSchedule, type Resolution } from '#shared/schedule-resolver';
import { listContacts, listNotices } from '../data/content.ts';
import { getAlert, listDevices } from '../data/devices.ts';
import { listEvents } from '../data/events.ts';
import { getSchedule } from '../data/playlists.ts';
import { useI18n } from '../i18n.ts';
import { useBuilding } from '../ui/building.tsx';
import { FormError } from '../ui/inputs.tsx';
import { useAsync } from '../ui/hooks.ts';
import { PageHeader } from '../ui/layout.tsx';
import { fmtDateTime, fromInput, toInput } from '../ui/time.ts';

// "What does this screen show at this time": the screens' own resolver, run here on the
// same data the hub publishes to them.
export function PreviewPage() {
  const { t, v, g: groupName } = useI18n();
  const b = useBuilding();
  const devices = useAsync(() => listDevices(b.id), [b.id]);
  const [device, setDevice] = useState('');
  const [group, setGroup] = useState(b.groups[0] ?? '');
  const [floor, setFloor] = useState('');
  const [moment, setMoment] = useState(() => toInput(new Date().toISOString(), b.timezone));
  const [result, setResult] = useState<{ r: Resolution; titles: Map<number, string> } | null>(null);
  const [error, setError] = useState<string | undefined>();

  const show = async () => {
    const at = fromInput(moment, b.timezone);
    if (!at) return setError(t('form.badFormat'));
    setError(undefined);
    try {
      const [schedule, notices, alert, events, contacts] = await Promise.all([
        getSchedule(b.id),
        // Screens carry only approved notices (notice approval); so does the preview.
        listNotices(b.id).then((ns) => ns.filter((n) => n.review === 'approved')),
        getAlert(b.id),
        listEvents(b.id),
        listContacts(b.id),
      ]);
      const d = devices.data?.find((x) => x.id === device);
      const placement = d
        ? { group: d.group, floor: d.floor }
        : { group: group || null, floor: floor === '' ? null : Number(floor) };
      const a = alert.alert;
      const r = resolveSchedule({
        at: new Date(at),
        timezone: b.timezone,
        placement,
        schedule,
        notices,
        alert: a ? { level: a.level, title: a.title, body: a.body, since: a.since } : null,
        events,
        contacts,
      });
      setResult({ r, titles: new Map(notices.map((n) => [n.id, n.title])) });
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };

  useEffect(() => void show(), []);
  const r = result?.r;
  return (
    <>
      <PageHeader title={t('preview.title')} />
      <form
        class="toolbar card"
        onSubmit={(e) => (e.preventDefault(), void show())}
        aria-label={t('preview.title')}
      >
        <div class="field">
          <label for="pv-device">{t('preview.device')}</label>
          <select id="pv-device" value={device} onChange={(e) => setDevice(e.currentTarget.value)}>
            <option value="">{t('preview.orPlace')}</option>
            {(devices.data ?? [])
              .filter((d) => d.status === 'paired')
              .map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name || d.id}
                </option>
              ))}
          </select>
        </div>
        <div class="field">
          <label for="pv-group">{t('device.group')}</label>
          <select
            id="pv-group"
            value={group}
            disabled={device !== ''}
            onChange={(e) => setGroup(e.currentTarget.value)}
          >
            <option value="">{t('form.none')}</option>
            {b.groups.map((g) => (
              <option key={g} value={g}>
                {groupName(g)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="pv-floor">{t('device.floor')}</label>
          <select
            id="pv-floor"
            value={floor}
            disabled={device !== ''}
            onChange={(e) => setFloor(e.currentTarget.value)}
          >
            <option value="">{t('form.none')}</option>
            {b.floors.map((x) => (
              <option key={x.number} value={String(x.number)}>
                {x.label}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="pv-at">{t('preview.at')}</label>
          <input
            id="pv-at"
            type="datetime-local"
            value={moment}
            onInput={(e) => setMoment(e.currentTarget.value)}
          />
        </div>
        <button type="submit" class="primary">
          {t('preview.show')}
        </button>
      </form>
      <FormError error={error} />
      {r && (
        <section class="card" data-testid="preview-result" aria-label={t('preview.slides')}>
          <h2>
            {fmtDateTime(r.at, b.timezone)} · {t('preview.layer')}:{' '}
            <span data-testid="preview-layer">{t(`preview.layer.${r.layer}`)}</span>
          </h2>
          {r.alert && (
            <div class={`screen alert-${r.alert.level}`} style={{ aspectRatio: 'auto' }}>
              <h3>{r.alert.title}</h3>
              <p>{r.alert.body}</p>
            </div>
          )}
          <p data-testid="preview-playlist">
            {t('preview.playlist', {
              name: r.source === 'builtin' ? t('preview.layer.builtin') : r.playlistName,
            })}
            {r.rule && ` · ${t('preview.rule', { id: r.rule.id, p: r.rule.priority })}`}
          </p>
          {r.conflicts.map((c) => (
            <p key={c.priority} class="form-error">
              {t('rule.conflict', { a: c.ruleIds[0] ?? '', b: c.ruleIds[1] ?? '' })}
            </p>
          ))}
          {r.matched.length > 1 && (
            <p class="small muted">
              {t('preview.matched')}:{' '}
              {r.matched
                .slice(1)
                .map((m) => `#${m.id} (${m.priority})`)
                .join(', ')}
            </p>
          )}
          <h3>{t('preview.slides')}</h3>
          {r.slides.length === 0 ? (
            <p class="muted">{t('preview.idle')}</p>
          ) : (
            <ol data-testid="preview-slides">
              {r.slides.map((s) => (
                <li key={s.id}>
                  {t(`slide.${s.kind}`)}
                  {s.noticeId !== undefined &&
                    ` · ${result?.titles.get(s.noticeId) ?? `#${s.noticeId}`}`}
                  {s.caption && ` · ${s.caption}`} <span class="muted">({s.duration}s)</span>
                </li>
              ))}
            </ol>
          )}
          {r.urgent.length > 0 && (
            <p class="small">
              {v('priority.urgent')}: {r.urgent.map((n) => n.title).join(', ')}
            </p>
          )}
        </section>
      )}
    </>
  );
}
