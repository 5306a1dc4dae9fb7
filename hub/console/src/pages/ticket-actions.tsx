import { checkStep } from '#shared/feedback-lifecycle';
import type { FeedbackStatus } from '#shared/enums';
import { feedbackPatch, type StaffFeedbackDetail } from '#shared/schemas/feedback';
import { stepFeedback } from '../data/feedback.ts';
import { useI18n } from '../i18n.ts';
import { toast } from '../ui/dialog.tsx';
import { Field, FormError, Input, Select, TextArea, useForm } from '../ui/form.tsx';

// Moves a ticket on: the next status, a note for staff, a reply the requester sees. The
// lifecycle's own check runs here first, and the API runs it again.
export function TicketActions(props: { ticket: StaffFeedbackDetail; onDone: () => void }) {
  const { t, v } = useI18n();
  const tk = props.ticket;
  const f = useForm({
    status: (tk.allowedNext[0] ?? tk.status) as FeedbackStatus,
    note: '',
    reply: '',
    assignee: tk.assignee ?? '',
    duplicateOf: '',
  });
  const val = f.values;
  const options = [...new Set<FeedbackStatus>([...tk.allowedNext, tk.status])].map((s) => ({
    value: s,
    label: s === tk.status ? `${v(`status.${s}`)} (${t('fb.note')})` : v(`status.${s}`),
  }));
  const needsReply = (val.status === 'resolved' || val.status === 'closed') && !tk.replied;

  const submit = async (e: Event) => {
    e.preventDefault();
    const patch = f.check(feedbackPatch, {
      status: val.status,
      note: val.note || undefined,
      reply: val.reply || undefined,
      assignee: val.assignee && val.assignee !== tk.assignee ? val.assignee : undefined,
      duplicateOf: val.duplicateOf || undefined,
    });
    if (!patch) return;
    if (patch.status !== tk.status) {
      const step = checkStep({
        from: tk.status,
        to: patch.status,
        replied: tk.replied || !!patch.reply,
        note: patch.note,
        duplicateOf: patch.duplicateOf,
      });
      if (!step.ok) {
        const why =
          step.field === 'reply'
            ? t('fb.replyNeeded')
            : step.field === 'note'
              ? t('fb.declineNeeds')
              : step.reason;
        return f.setErrors({ [step.field ?? 'status']: why, form: why });
      }
    }
    if (patch.status === 'assigned' && !val.assignee)
      return f.setErrors({ assignee: t('form.required'), form: t('form.fixErrors') });
    if (await f.run(() => stepFeedback(tk.ticket, patch).then(() => undefined))) {
      toast(t('form.saved'));
      f.setValues({ ...val, note: '', reply: '', duplicateOf: '' });
      props.onDone();
    }
  };

  return (
    <form class="card" onSubmit={submit} noValidate aria-label={t('fb.next')}>
      <Field id="t-status" label={t('fb.next')} error={f.errors.status}>
        <Select
          id="t-status"
          value={val.status}
          options={options}
          onValue={(x) => f.set('status', x)}
        />
      </Field>
      {(val.status === 'assigned' || val.status === 'in_progress') && (
        <Field id="t-assignee" label={t('fb.assignee')} error={f.errors.assignee}>
          <Input
            id="t-assignee"
            value={val.assignee}

            onValue={(x) => f.set('assignee', x)}
            invalid={!!f.errors.assignee}
          />
        </Field>
      )}
      {val.status === 'duplicate' && (
        <Field id="t-dup" label={t('fb.duplicateOf')} error={f.errors.duplicateOf}>
          <Input
            id="t-dup"
            inputMode="numeric"
            value={val.duplicateOf}
            onValue={(x) => f.set('duplicateOf', x)}
            invalid={!!f.errors.duplicateOf}
          />
        </Field>
      )}
      <Field
        id="t-note"
        label={t('fb.note')}
        error={f.errors.note}
        hint={val.status === 'declined' ? t('fb.declineNeeds') : t('form.optional')}
      >
        <Input
          id="t-note"
          value={val.note}
          maxLength={200}
          onValue={(x) => f.set('note', x)}
          invalid={!!f.errors.note}
        />
      </Field>
      <Field
        id="t-reply"
        label={t('fb.reply')}
        error={f.errors.reply}
        hint={needsReply ? t('fb.replyNeeded') : t('fb.replyHint')}
      >
        <TextArea
          id="t-reply"
          value={val.reply}
          rows={3}
          maxLength={2000}
          onValue={(x) => f.set('reply', x)}
          invalid={!!f.errors.reply}
        />
      </Field>
      <FormError error={f.errors.form} />
      <div class="actions">
        <button type="submit" class="primary" disabled={f.busy}>
          {t('fb.apply')}
        </button>
      </div>
    </form>
  );
}
