import { useState } from 'preact/hooks';
import { playlistInput, playlistPatch, type Playlist } from '#shared/schemas/playlists';
import { listNotices } from '../data/content.ts';
import { createPlaylist, deletePlaylist, getSchedule, updatePlaylist } from '../data/playlists.ts';
import { allowed } from '../data/session.ts';
import { useI18n } from '../i18n.ts';
import { Loaded } from '../ui/async.tsx';
import { useBuilding } from '../ui/building.tsx';
import { Confirm, Panel, toast } from '../ui/dialog.tsx';
import { Field, FormError, Input, useForm } from '../ui/form.tsx';
import { useAsync } from '../ui/hooks.ts';
import { PageHeader } from '../ui/layout.tsx';
import { SlideList } from './slide-list.tsx';

function PlaylistEditor(props: { playlist: Playlist | null; onSaved: () => void }) {
  const { t } = useI18n();
  const b = useBuilding();
  const p = props.playlist;
  const canWrite = allowed('content');
  const notices = useAsync(() => listNotices(b.id), [b.id]);
  const f = useForm({
    name: p?.name ?? '',
    slides: p?.slides ?? [],
    isDefault: p?.isDefault ?? false,
  });
  const submit = async (e: Event) => {
    e.preventDefault();
    const fields = { name: f.values.name, slides: f.values.slides, isDefault: f.values.isDefault };
    const input = p
      ? f.check(playlistPatch, fields)
      : f.check(playlistInput, { ...fields, building: b.id });
    if (!input) return;
    const ok = await f.run(async () => {
      if (p) await updatePlaylist(p.id, input);
      else
        await createPlaylist({ ...input, building: b.id } as Parameters<typeof createPlaylist>[0]);
    });
    if (ok) {
      toast(t('form.saved'));
      props.onSaved();
    }
  };
  return (
    <form onSubmit={submit} noValidate>
      <Field id="p-name" label={t('playlist.name')} error={f.errors.name}>
        <Input
          id="p-name"
          value={f.values.name}
          disabled={!canWrite}
          onValue={(x) => f.set('name', x)}
          invalid={!!f.errors.name}
        />
      </Field>
      <label class="check">
        <input
          type="checkbox"
          checked={f.values.isDefault}
          disabled={!canWrite}
          onChange={(e) => f.set('isDefault', e.currentTarget.checked)}
        />
        {t('playlist.default')}
      </label>
      <SlideList
        slides={f.values.slides}
        onChange={(s) => f.set('slides', s)}
        notices={notices.data ?? []}
        disabled={!canWrite}
        error={f.errors.slides}
      />
      <FormError error={f.errors.form} />
      {canWrite && (
        <div class="actions">
          <button type="submit" class="primary" disabled={f.busy}>
            {t('form.save')}
          </button>
        </div>
      )}
    </form>
  );
}

export function PlaylistsPage() {
  const { t } = useI18n();
  const b = useBuilding();
  const data = useAsync(() => getSchedule(b.id), [b.id]);
  const [editing, setEditing] = useState<Playlist | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Playlist | null>(null);
  const canWrite = allowed('content');
  return (
    <>
      <PageHeader title={t('nav.playlists')}>
        {canWrite && (
          <button type="button" class="primary" onClick={() => setEditing('new')}>
            {t('playlist.new')}
          </button>
        )}
      </PageHeader>
      <div class={editing ? 'split' : ''}>
        <Loaded state={data}>
          {(s) =>
            s.playlists.length === 0 ? (
              <p class="empty">{t('form.empty')}</p>
            ) : (
              <table aria-label={t('nav.playlists')}>
                <thead>
                  <tr>
                    <th>{t('playlist.name')}</th>
                    <th>{t('playlist.slides')}</th>
                    <th>{t('nav.rules')}</th>
                    <th>{t('form.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {s.playlists.map((p) => (
                    <tr
                      key={p.id}
                      class={editing !== 'new' && editing?.id === p.id ? 'selected' : ''}
                    >
                      <td>
                        <strong>{p.name}</strong>{' '}
                        {p.isDefault && <span class="badge info">{t('playlist.default')}</span>}
                      </td>
                      <td class="small">
                        {p.slides.map((x) => t(`slide.${x.kind}`)).join(' → ')}
                        <div class="muted">
                          {t('playlist.total', { s: p.slides.reduce((n, x) => n + x.duration, 0) })}
                        </div>
                      </td>
                      <td class="small">
                        {s.rules
                          .filter((r) => r.playlistId === p.id)
                          .map((r) => `#${r.id}`)
                          .join(', ') || '—'}
                      </td>
                      <td class="row">
                        <button type="button" class="small" onClick={() => setEditing(p)}>
                          {canWrite ? t('form.edit') : t('fb.open')}
                        </button>
                        {canWrite && (
                          <button type="button" class="small" onClick={() => setDeleting(p)}>
                            {t('form.delete')}
                          </button>
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
            title={editing === 'new' ? t('playlist.new') : editing.name}
            onClose={() => setEditing(null)}
          >
            <PlaylistEditor
              key={editing === 'new' ? 'new' : editing.id}
              playlist={editing === 'new' ? null : editing}
              onSaved={() => (setEditing(null), data.reload())}
            />
          </Panel>
        )}
      </div>
      <Confirm
        open={deleting !== null}
        title={t('form.delete')}
        confirmLabel={t('form.delete')}
        danger
        onCancel={() => setDeleting(null)}
        onConfirm={() => {
          if (deleting)
            void deletePlaylist(deleting.id).then(data.reload, (e: Error) =>
              toast(e.message, 'error'),
            );
          setDeleting(null);
        }}
      >
        <p>{t('form.deleteConfirm', { name: deleting?.name ?? '' })}</p>
      </Confirm>
    </>
  );
}
