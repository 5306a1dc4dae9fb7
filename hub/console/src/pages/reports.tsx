import { useState } from 'preact/hooks';
import { REPORT_KINDS, reportQuery, type ReportKind } from '#shared/schemas/reports';
import { addDays } from '#shared/working-days';
import { reportCsvUrl } from '../data/system.ts';
import { useI18n } from '../i18n.ts';
import { useBuilding } from '../ui/building.tsx';
import { issueErrors } from '../ui/form.tsx';
import { PageHeader } from '../ui/layout.tsx';
import { todayIn } from '../ui/time.ts';
import { AttendanceView, FeedbackView, PlaysView } from './report-views.tsx';

const VIEWS = { plays: PlaysView, feedback: FeedbackView, attendance: AttendanceView };

export function ReportsPage() {
  const { t, locale } = useI18n();
  const b = useBuilding();
  const [kind, setKind] = useState<ReportKind>('plays');
  const today = todayIn(b.timezone);
  const [period, setPeriod] = useState({ from: addDays(today, -29), to: today });
  const query = { building: b.id, ...period };
  const parsed = reportQuery.safeParse(query);
  const errors = parsed.success ? {} : issueErrors(parsed.error.issues, query, locale);
  const View = VIEWS[kind];
  return (
    <>
      <PageHeader title={t('nav.reports')}>
        {parsed.success && (
          <a
            class="button"
            href={reportCsvUrl(kind, parsed.data, locale)}
            download
            data-testid="csv-link"
          >
            {t('form.export')}
          </a>
        )}
      </PageHeader>
      <div class="toolbar">
        <div class="row" role="tablist" aria-label={t('nav.reports')}>
          {REPORT_KINDS.map((k) => (
            <button
              key={k}
              type="button"
              role="tab"
              aria-selected={k === kind}
              class={k === kind ? 'primary' : ''}
              onClick={() => setKind(k)}
            >
              {t(`report.${k}`)}
            </button>
          ))}
        </div>
        <div class={`field${errors.from ? ' has-error' : ''}`}>
          <label for="r-from">{t('form.from')}</label>
          <input
            id="r-from"
            type="date"
            value={period.from}
            onInput={(e) => setPeriod({ ...period, from: e.currentTarget.value })}
          />
          {errors.from && <small class="error">{errors.from}</small>}
        </div>
        <div class={`field${errors.to ? ' has-error' : ''}`}>
          <label for="r-to">{t('form.to')}</label>
          <input
            id="r-to"
            type="date"
            value={period.to}
            onInput={(e) => setPeriod({ ...period, to: e.currentTarget.value })}
          />
          {errors.to && <small class="error">{errors.to}</small>}
        </div>
      </div>
      {parsed.success && <View q={parsed.data} />}
    </>
  );
}
