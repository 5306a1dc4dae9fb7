import { useState } from 'preact/hooks';
import { CALENDAR_DAY_KINDS, weekdayOf } from '#shared/working-days';
import { holidayRangeInput } from '#shared/schemas/holidays';
import { forgetCalendar } from '../data/calendar.ts';
import { allowed } from '../data/session.ts';
import { listHolidays, putHolidays, removeHolidays } from '../data/system.ts';
import { useI18n } from '../i18n.ts';
import { Loaded } from '../ui/async.tsx';
import { useBuilding } from '../ui/building.tsx';
import { toast } from '../ui/dialog.tsx';
import { SelectField, TextField } from '../ui/form-fields.tsx';
import { useForm } from '../ui/form.tsx';
import { FormError } from '../ui/inputs.tsx';
import { useAsync } from '../ui/hooks.ts';
import { PageHeader } from '../ui/layout.tsx';
import { todayIn } from '../ui/time.ts';

export function HolidaysPage() {
  const { t } = useI18n();
  const b = useBuilding();
  const [year, setYear] = useState(() => Number(todayIn(b.timezone).slice(0, 4)));
  const days = useAsync(() => listHolidays(b.id, `${year}-01-01`, `${year}-12-31`), [b.id, year]);
  const canWrite = allowed('feedback');
  const f = useForm({
    from: '',
    to: '',
    kind: 'holiday' as (typeof CALENDAR_DAY_KINDS)[number],
    name: '',
  });
  const changed = () => {
    forgetCalendar(b.id);
    days.reload();
  };
  const submit = async (e: Event) => {
    e.preventDefault();
    const input = f.check(holidayRangeInput, { ...f.values, to: f.values.to || f.values.from });
    if (!input) return;
    await f.save(
      () => putHolidays(b.id, input),
      () => {
        f.setValues({ from: '', to: '', kind: f.values.kind, name: f.values.name });
        changed();
      },
    );
  };
  const remove = (date: string) =>
    void removeHolidays(b.id, date, date).then(changed, (err: Error) =>
      toast(err.message, 'error'),
    );

  return (
    <>
      <PageHeader title={t('holiday.title')}>
        <button type="button" onClick={() => setYear(year - 1)}>
          ‹
        </button>
        <strong>{t('holiday.year', { year })}</strong>
        <button type="button" onClick={() => setYear(year + 1)}>
          ›
        </button>
      </PageHeader>
      <p class="muted">{t('holiday.intro')}</p>
      <div class="split">
        <Loaded state={days}>
          {(list) =>
            list.length === 0 ? (
              <p class="empty">{t('form.empty')}</p>
            ) : (
              <table aria-label={t('holiday.title')}>
                <tbody>
                  {list.map((d) => (
                    <tr key={d.date}>
                      <td>
                        {d.date} ({t(`weekday.${weekdayOf(d.date) as 1}`)})
                      </td>
                      <td>
                        <span class={`badge ${d.kind === 'holiday' ? 'ok' : 'warn'}`}>
                          {t(`holiday.kind.${d.kind}`)}
                        </span>
                      </td>
                      <td>{d.name}</td>
                      <td>
                        {canWrite && (
                          <button type="button" class="small" onClick={() => remove(d.date)}>
                            {t('holiday.remove')}
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
        {canWrite && (
          <form class="card" onSubmit={submit} noValidate aria-label={t('holiday.add')}>
            <div class="form-grid">
              <TextField form={f} name="from" id="h-from" label={t('form.from')} type="date" />
              <TextField
                form={f}
                name="to"
                id="h-to"
                label={t('form.to')}
                hint={t('form.optional')}
                type="date"
              />
              <SelectField
                form={f}
                name="kind"
                id="h-kind"
                label={t('holiday.kind')}
                options={CALENDAR_DAY_KINDS.map((k) => ({
                  value: k,
                  label: t(`holiday.kind.${k}`),
                }))}
              />
              <TextField form={f} name="name" id="h-name" label={t('holiday.name')} />
            </div>
            <FormError error={f.errors.form} />
            <button type="submit" class="primary" disabled={f.busy}>
              {t('holiday.add')}
            </button>
          </form>
        )}
      </div>
    </>
  );
}
