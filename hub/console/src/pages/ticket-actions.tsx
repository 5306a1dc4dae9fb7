import { checkStep } from '#shared/feedback-lifecycle';
import type { FeedbackStatus } from '#shared/enums';
import { renderError } from '#shared/i18n/error-text';
import { feedbackPatch, type StaffFeedbackDetail } from '#shared/schemas/feedback';
import { stepFeedback } from '../data/feedback.ts';
import { useI18n } from '../i18n.ts';
import { FormFooter, SelectField, TextAreaField, TextField } from '../ui/form-fields.tsx';
import { useForm } from '../ui/form.tsx';

// Moves a ticket on: the next status, a note for staff, a reply the requester sees. The
// lifecycle's own check runs here first, and the API runs it again.
export function TicketActions(props: { ticket: StaffFeedbackDetail; onDone: () => void }) {
  const { t, v, locale } = useI18n();
  const tk = props.ticket;
  // A resolved ticket waits for its requester: offering "closed" first would have staff
  // close it at once and take away their chance to reopen it.
  const f = useForm({
    status: (tk.status === 'resolved'
      ? tk.status
      : (tk.allowedNext[0] ?? tk.status)) as FeedbackStatus,
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
  const needsReply = val.status === 'resolved' || (val.status === 'closed' && !tk.replied);
  const reopenOpen = tk.reopenUntil !== null && Date.parse(tk.reopenUntil) > Date.now();
  const closeNeedsReason = val.status === 'closed' && reopenOpen && tk.rating === null;

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
        replyNow: !!patch.reply,
        rated: tk.rating !== null,
        reopenOpen,
        note: patch.note,
        duplicateOf: patch.duplicateOf,
      });
      if (!step.ok) {
        const why =
          step.field === 'reply' && patch.status === 'closed'
            ? t('fb.replyNeeded')
            : step.field === 'note' && patch.status === 'declined'
              ? t('fb.declineNeeds')
              : renderError(step.reason, locale);
        return f.setErrors({ [step.field ?? 'status']: why, form: why });
      }
    }
    if (patch.status === 'assigned' && !val.assignee)
      return f.setErrors({ assignee: t('form.required'), form: t('form.fixErrors') });
    await f.save(
      () => stepFeedback(tk.ticket, patch),
      () => {
        f.setValues({ ...val, note: '', reply: '', duplicateOf: '' });
        props.onDone();
      },
    );
  };

  return (
    <form class="card" onSubmit={submit} noValidate aria-label={t('fb.next')}>
      <SelectField form={f} name="status" id="t-status" label={t('fb.next')} options={options} />
      {(val.status === 'assigned' || val.status === 'in_progress') && (
        <TextField form={f} name="assignee" id="t-assignee" label={t('fb.assignee')} />
      )}
      {val.status === 'duplicate' && (
        <TextField
          form={f}
          name="duplicateOf"
          id="t-dup"
          label={t('fb.duplicateOf')}
          inputMode="numeric"
        />
      )}
      <TextField
        form={f}
        name="note"
        id="t-note"
        label={t('fb.note')}
        hint={
          val.status === 'declined'
            ? t('fb.declineNeeds')
            : closeNeedsReason
              ? t('fb.closeNeedsReason')
              : t('form.optional')
        }
        maxLength={200}
      />
      <TextAreaField
        form={f}
        name="reply"
        id="t-reply"
        label={t('fb.reply')}
        hint={
          val.status === 'resolved'
            ? t('fb.resolveNeedsReply')
            : needsReply
              ? t('fb.replyNeeded')
              : t('fb.replyHint')
        }
        rows={3}
        maxLength={2000}
      />
      <FormFooter form={f} label={t('fb.apply')} />
    </form>
  );
}
