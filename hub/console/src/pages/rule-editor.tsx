import type { ScheduleData } from '../data/playlists.ts';
import { scheduleRuleInput, scheduleRulePatch, type ScheduleRule } from '#shared/schemas/playlists';
import { createRule, updateRule } from '../data/playlists.ts';
import { allowed } from '../data/session.ts';
import { useI18n } from '../i18n.ts';
import { useBuilding } from '../ui/building.tsx';
import { EditableFields, FormFooter, SelectField, TextField } from '../ui/form-fields.tsx';
import { useForm } from '../ui/form.tsx';
import { Checks } from '../ui/inputs.tsx';

const WEEK = [1, 2, 3, 4, 5, 6, 7] as const;

export function RuleEditor(props: {
  rule: ScheduleRule | null;
  schedule: ScheduleData;
  onSaved: () => void;
}) {
  const { t, g: groupName } = useI18n();
  const b = useBuilding();
  const r = props.rule;
  const canWrite = allowed('content');
  const f = useForm({
    playlistId: r ? String(r.playlistId) : String(props.schedule.playlists[0]?.id ?? ''),
    groups: r?.groups ?? [],
    weekdays: r?.weekdays ?? [1, 2, 3, 4, 5],
    from: r?.from ?? '00:00',
    to: r?.to ?? '00:00',
    dateFrom: r?.dateFrom ?? '',
    dateTo: r?.dateTo ?? '',
    priority: String(r?.priority ?? 10),
  });
  const val = f.values;
  const submit = async (e: Event) => {
    e.preventDefault();
    const fields = {
      playlistId: Number(val.playlistId),
      groups: val.groups,
      weekdays: [...val.weekdays].sort(),
      from: val.from,
      to: val.to,
      priority: Number(val.priority),
    };
    const input = r
      ? f.check(scheduleRulePatch, {
          ...fields,
          dateFrom: val.dateFrom || null,
          dateTo: val.dateTo || null,
        })
      : f.check(scheduleRuleInput, {
          ...fields,
          building: b.id,
          dateFrom: val.dateFrom || undefined,
          dateTo: val.dateTo || undefined,
        });
    if (!input) return;
    await f.save(
      () =>
        r
          ? updateRule(r.id, input)
          : createRule({ ...input, building: b.id } as Parameters<typeof createRule>[0]),
      props.onSaved,
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <EditableFields canWrite={canWrite}>
        <SelectField
          form={f}
          name="playlistId"
          id="r-playlist"
          label={t('rule.playlist')}
          placeholder={t('form.choose')}
          options={props.schedule.playlists.map((p) => ({ value: String(p.id), label: p.name }))}
        />
        <Checks
          id="r-groups"
          label={t('rule.groups')}
          hint={t('form.groupsHint')}
          error={f.errors.groups}
          options={b.groups.map((g) => ({ value: g, label: groupName(g) }))}
          value={val.groups}
          onValue={(x) => f.set('groups', x)}
        />
        <Checks
          id="r-weekdays"
          label={t('rule.weekdays')}
          error={f.errors.weekdays}
          options={WEEK.map((d) => ({ value: d, label: t(`weekday.${d}`) }))}
          value={val.weekdays}
          onValue={(x) => f.set('weekdays', x)}
        />
        <div class="form-grid">
          <TextField form={f} name="from" id="r-from" label={t('rule.from')} type="time" />
          <TextField
            form={f}
            name="to"
            id="r-to"
            label={t('rule.to')}
            hint={
              val.from === val.to
                ? t('rule.allDay')
                : val.to < val.from
                  ? t('rule.overnight')
                  : undefined
            }
            type="time"
          />
          <TextField
            form={f}
            name="dateFrom"
            id="r-dateFrom"
            label={t('rule.dateFrom')}
            hint={t('form.optional')}
            type="date"
          />
          <TextField
            form={f}
            name="dateTo"
            id="r-dateTo"
            label={t('rule.dateTo')}
            hint={t('form.optional')}
            type="date"
          />
          <TextField
            form={f}
            name="priority"
            id="r-priority"
            label={t('rule.priority')}
            type="number"
            min={0}
            max={100}
          />
        </div>
      </EditableFields>
      <FormFooter form={f} canWrite={canWrite} />
    </form>
  );
}
