import { useState } from 'preact/hooks';
import type { StaffNotice } from '#shared/schemas/notices';
import {
  getNoticeApproval,
  reviewNotice,
  setNoticeApproval,
  submitNotice,
} from '../data/content.ts';
import { allowed } from '../data/session.ts';
import { useI18n } from '../i18n.ts';
import { useBuilding } from '../ui/building.tsx';
import { toast } from '../ui/dialog.tsx';
import { useAsync } from '../ui/hooks.ts';
import { RowButton } from '../ui/row-actions.tsx';

// Notice approval in the console: the building's switch (admins), where each notice stands,
// why one was rejected, and the buttons of the step that is each role's to take.

const act = (p: Promise<unknown>, done: () => void) =>
  void p.then(done, (e: Error) => toast(e.message, 'error'));

export function ApprovalSwitch() {
  const { t } = useI18n();
  const b = useBuilding();
  const state = useAsync(() => getNoticeApproval(b.id), [b.id]);
  // Shown as asked at once; a refusal puts back what the hub holds.
  const [asked, setAsked] = useState<boolean | null>(null);
  if (!state.data) return null;
  const required = asked ?? state.data.required;
  if (!allowed('buildings')) {
    return required ? <span class="muted small">{t('review.requiredNote')}</span> : null;
  }
  return (
    <label class="check">
      <input
        type="checkbox"
        checked={required}
        data-testid="approval-switch"
        onChange={(e) => {
          const on = e.currentTarget.checked;
          setAsked(on);
          void setNoticeApproval(b.id, on).catch((err: Error) => {
            setAsked(null);
            toast(err.message, 'error');
          });
        }}
      />
      {t('review.required')}
    </label>
  );
}

// Shown instead of the on-screen state while a notice is not approved.
export function ReviewBadge({ n }: { n: StaffNotice }) {
  const { t, v } = useI18n();
  if (n.review === 'approved') return null;
  return (
    <>
      <span class={`badge ${n.review === 'rejected' ? 'bad' : 'warn'}`} data-testid="review">
        {v(`review.${n.review}`)}
      </span>
      {n.review === 'rejected' && n.reviewReason && (
        <div class="small" data-testid="review-reason">
          {t('review.reason', { by: n.reviewedBy ?? '', reason: n.reviewReason })}
        </div>
      )}
    </>
  );
}

export function ReviewButtons({ n, onDone }: { n: StaffNotice; onDone: () => void }) {
  const { t } = useI18n();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  if ((n.review === 'draft' || n.review === 'rejected') && allowed('content')) {
    return (
      <RowButton onClick={() => act(submitNotice(n.id), onDone)}>{t('review.submit')}</RowButton>
    );
  }
  if (n.review !== 'pending' || !allowed('buildings')) return null;
  if (rejecting) {
    return (
      <span class="row">
        <input
          aria-label={t('review.rejectReason')}
          placeholder={t('review.rejectReason')}
          value={reason}
          maxLength={500}
          onInput={(e) => setReason(e.currentTarget.value)}
        />
        <RowButton
          onClick={() =>
            reason.trim()
              ? act(reviewNotice(n.id, { decision: 'reject', reason }), onDone)
              : toast(t('review.rejectReason'), 'error')
          }
        >
          {t('review.reject')}
        </RowButton>
      </span>
    );
  }
  return (
    <>
      <RowButton onClick={() => act(reviewNotice(n.id, { decision: 'approve' }), onDone)}>
        {t('review.approve')}
      </RowButton>
      <RowButton onClick={() => setRejecting(true)}>{t('review.reject')}</RowButton>
    </>
  );
}
