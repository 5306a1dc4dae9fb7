import type { ComponentChildren } from 'preact';
import { useI18n } from '../i18n.ts';

export type Column = string | { label: string; class: string };

// Rows under a heading row of their own (contacts by floor).
export interface RowGroup<T> {
  key: string;
  label: string;
  rows: readonly T[];
}

type Rows<T> = { rows: readonly T[] } | { groups: readonly RowGroup<T>[] };

// A list as a table: the page's columns, then an actions column with each row's buttons.
// With `empty`, a list with no rows says so instead; `selected` marks the row being edited.
export function DataTable<T>(
  props: Rows<T> & {
    label?: string;
    columns: readonly Column[];
    rowKey: (item: T) => string | number;
    cells: (item: T) => ComponentChildren;
    actions: (item: T) => ComponentChildren;
    selected?: (item: T) => boolean;
    testId?: (item: T) => string;
    empty?: string;
  },
) {
  const { t } = useI18n();
  const { selected, testId } = props;
  const span = props.columns.length + 1;
  const row = (item: T) => (
    <tr
      key={props.rowKey(item)}
      class={selected ? (selected(item) ? 'selected' : '') : undefined}
      data-testid={testId?.(item)}
    >
      {props.cells(item)}
      <td class="row">{props.actions(item)}</td>
    </tr>
  );
  const body =
    'rows' in props
      ? props.rows.map(row)
      : props.groups.map((g) => [
          <tr key={g.key}>
            <th colSpan={span}>{g.label}</th>
          </tr>,
          ...g.rows.map(row),
        ]);
  if (props.empty !== undefined && body.length === 0) return <p class="empty">{props.empty}</p>;
  return (
    <table aria-label={props.label}>
      <thead>
        <tr>
          {props.columns.map((c) =>
            typeof c === 'string' ? (
              <th key={c}>{c}</th>
            ) : (
              <th key={c.label} class={c.class}>
                {c.label}
              </th>
            ),
          )}
          <th>{t('form.actions')}</th>
        </tr>
      </thead>
      <tbody>{body}</tbody>
    </table>
  );
}
