import type { ScheduleData } from '../data/playlists.ts';
import { scheduleRuleInput, scheduleRulePatch, type ScheduleRule } from '#shared/schemas/playlists';
import { createRule, updateRule } from '../data/playlists.ts';
import { allowed } from '../data/session.ts';
import { useI18n } from '../i18n.ts';
import { useBuilding } from '../ui/building.tsx';
import { toast } from '../ui/dialog.tsx';
import { Checks, Field, FormError, Input, Select, useForm } from '../ui/form.tsx';

const WEEK = [1, 2, 3, 4, 5, 6, 7] as const;

export function RuleEditor(props: {
  rule: ScheduleRule | null;
  schedule: ScheduleData;
  onSaved: () => void;
}) {
  const { t } = useI18n();
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
    const ok = await f.run(async () => {
      if (r) await updateRule(r.id, input);
      else await createRule({ ...input, building: b.id } as Parameters<typeof createRule>[0]);
    });
    if (ok) {
      toast(t('form.saved'));
      props.onSaved();
    }
  };
  return (
    <form onSubmit={submit} noValidate>
      <fieldset disabled={!canWrite} style={{ border: 0, padding: 0, margin: 0 }}>
        <Field id="r-playlist" label={t('rule.playlist')} error={f.errors.playlistId}>
          <Select
            id="r-playlist"
            value={val.playlistId}
            placeholder={t('form.choose')}
            options={props.schedule.playlists.map((p) => ({ value: String(p.id), label: p.name }))}
            onValue={(x) => f.set('playlistId', x)}
          />
        </Field>
        <Checks
          id="r-groups"
          label={t('rule.groups')}
          hint={t('form.groupsHint')}
          error={f.errors.groups}
          options={b.groups.map((g) => ({ value: g, label: g }))}
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
          <Field id="r-from" label={t('rule.from')} error={f.errors.from}>
            <Input
              id="r-from"
              type="time"
              value={val.from}
              onValue={(x) => f.set('from', x)}
              invalid={!!f.errors.from}
            />
          </Field>
          <Field
            id="r-to"
            label={t('rule.to')}
            error={f.errors.to}
            hint={
              val.from === val.to
                ? t('rule.allDay')
                : val.to < val.from
                  ? t('rule.overnight')
                  : undefined
            }
          >
            <Input
              id="r-to"
              type="time"
              value={val.to}
              onValue={(x) => f.set('to', x)}
              invalid={!!f.errors.to}
            />
          </Field>
          <Field
            id="r-dateFrom"
            label={t('rule.dateFrom')}
            error={f.errors.dateFrom}
            hint={t('form.optional')}
          >
            <Input
              id="r-dateFrom"
              type="date"
              value={val.dateFrom}
              onValue={(x) => f.set('dateFrom', x)}
              invalid={!!f.errors.dateFrom}
            />
          </Field>
          <Field
            id="r-dateTo"
            label={t('rule.dateTo')}
            error={f.errors.dateTo}
            hint={t('form.optional')}
          >
            <Input
              id="r-dateTo"
              type="date"
              value={val.dateTo}
              onValue={(x) => f.set('dateTo', x)}
              invalid={!!f.errors.dateTo}
            />
          </Field>
          <Field id="r-priority" label={t('rule.priority')} error={f.errors.priority}>
            <Input
              id="r-priority"
              type="number"
              min={0}
              max={100}
              value={val.priority}
              onValue={(x) => f.set('priority', x)}
              invalid={!!f.errors.priority}
            />
          </Field>
        </div>
      </fieldset>
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
