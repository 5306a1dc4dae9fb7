import { playlistInput, playlistPatch, type Playlist } from '#shared/schemas/playlists';
import { listNotices } from '../data/content.ts';
import { createPlaylist, deletePlaylist, getSchedule, updatePlaylist } from '../data/playlists.ts';
import { allowed } from '../data/session.ts';
import { useI18n } from '../i18n.ts';
import { Loaded } from '../ui/async.tsx';
import { useBuilding } from '../ui/building.tsx';
import { useConfirmDelete } from '../ui/confirm-delete.tsx';
import { DataTable } from '../ui/data-table.tsx';
import { FormFooter, TextField } from '../ui/form-fields.tsx';
import { useForm } from '../ui/form.tsx';
import { useAsync } from '../ui/hooks.ts';
import { EditSplit, ListHeader, useEditing } from '../ui/list-page.tsx';
import { EditDeleteButtons } from '../ui/row-actions.tsx';
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
    await f.save(
      () =>
        p
          ? updatePlaylist(p.id, input)
          : createPlaylist({ ...input, building: b.id } as Parameters<typeof createPlaylist>[0]),
      props.onSaved,
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <TextField form={f} name="name" id="p-name" label={t('playlist.name')} disabled={!canWrite} />
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
      <FormFooter form={f} canWrite={canWrite} />
    </form>
  );
}

export function PlaylistsPage() {
  const { t } = useI18n();
  const b = useBuilding();
  const data = useAsync(() => getSchedule(b.id), [b.id]);
  const ed = useEditing<Playlist>();
  const del = useConfirmDelete({
    remove: (p: Playlist) => deletePlaylist(p.id),
    name: (p) => p.name,
    onDeleted: data.reload,
  });
  const canWrite = allowed('content');
  return (
    <>
      <ListHeader
        title={t('nav.playlists')}
        newLabel={t('playlist.new')}
        onNew={canWrite && ed.create}
      />
      <EditSplit
        of={ed}
        newTitle={t('playlist.new')}
        title={(p) => p.name}
        editor={(p) => <PlaylistEditor playlist={p} onSaved={() => (ed.close(), data.reload())} />}
      >
        <Loaded state={data}>
          {(s) => (
            <DataTable
              label={t('nav.playlists')}
              empty={t('form.empty')}
              columns={[t('playlist.name'), t('playlist.slides'), t('nav.rules')]}
              rows={s.playlists}
              rowKey={(p) => p.id}
              selected={ed.isOpen}
              cells={(p) => (
                <>
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
                </>
              )}
              actions={(p) => (
                <EditDeleteButtons
                  canWrite={canWrite}
                  onEdit={() => ed.edit(p)}
                  onDelete={() => del.ask(p)}
                />
              )}
            />
          )}
        </Loaded>
      </EditSplit>
      {del.dialog}
    </>
  );
}
