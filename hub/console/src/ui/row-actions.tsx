import type { ComponentChildren } from 'preact';
import { useI18n } from '../i18n.ts';

// One of the small buttons in a table row's actions cell.
export function RowButton(props: { onClick: () => void; children: ComponentChildren }) {
  return (
    <button type="button" class="small" onClick={props.onClick}>
      {props.children}
    </button>
  );
}

// Open an item (edit it, for a role that may write) and delete it.
export function EditDeleteButtons(props: {
  canWrite: boolean;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const { t } = useI18n();
  return (
    <>
      <RowButton onClick={props.onEdit}>{props.canWrite ? t('form.edit') : t('fb.open')}</RowButton>
      {props.canWrite && <RowButton onClick={props.onDelete}>{t('form.delete')}</RowButton>}
    </>
  );
}
