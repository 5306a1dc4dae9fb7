import { useWords } from '../ui/i18n.tsx';
import { QrCode } from '../ui/qr-code.tsx';

export interface Receipt {
  ticket: string;
  url: string;
  joined: boolean;
}

// The one moment the private link exists on the kiosk: scan it, or note the number.
export function FeedbackReceipt({ receipt, onDone }: { receipt: Receipt; onDone(): void }) {
  const { t } = useWords();
  return (
    <section class="ticket-done" data-testid="feedback-receipt" aria-live="polite">
      <h1>{receipt.joined ? t('feedback.joined') : t('feedback.thanks')}</h1>
      <p class="ticket-number">
        {t('feedback.ticket')} <b data-testid="feedback-ticket">{receipt.ticket}</b>
      </p>
      <QrCode text={receipt.url} label={t('feedback.receiptQr')} size={320} testId="receipt-qr" />
      <p>{t('feedback.receiptQr.caption')}</p>
      <p class="muted">{t('feedback.receipt.privacy')}</p>
      <button type="button" class="btn btn-primary" onClick={onDone}>
        {t('common.done')}
      </button>
    </section>
  );
}
