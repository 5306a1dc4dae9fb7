import { Fragment, type ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { Panel } from './dialog.tsx';
import { PageHeader } from './layout.tsx';

type Keyed = { id: string | number };

export interface Editing<T extends Keyed> {
  editing: T | 'new' | null;
  edit: (item: T) => void;
  create: () => void;
  close: () => void;
  isOpen: (item: T) => boolean;
}

// Which item of a list is open in the side panel: one of them, a new one, or none.
export function useEditing<T extends Keyed>(): Editing<T> {
  const [editing, setEditing] = useState<T | 'new' | null>(null);
  return {
    editing,
    edit: (item) => setEditing(item),
    create: () => setEditing('new'),
    close: () => setEditing(null),
    isOpen: (item) => editing !== 'new' && editing?.id === item.id,
  };
}

// A list page's title with what sits beside it, then its "New …" button for those who may
// add (no `onNew`, no button).
export function ListHeader(props: {
  title: string;
  newLabel: string;
  onNew?: (() => void) | false;
  children?: ComponentChildren;
}) {
  return (
    <PageHeader title={props.title}>
      {props.children}
      {props.onNew && (
        <button type="button" class="primary" onClick={props.onNew}>
          {props.newLabel}
        </button>
      )}
    </PageHeader>
  );
}

// The list, and beside it while one is open the panel editing that item (`null`: a new one).
export function EditSplit<T extends Keyed>(props: {
  of: Editing<T>;
  newTitle: string;
  title: (item: T) => string;
  editor: (item: T | null) => ComponentChildren;
  testId?: string;
  children: ComponentChildren;
}) {
  const { editing, close } = props.of;
  const item = editing === 'new' ? null : editing;
  return (
    <div class={editing ? 'split' : ''}>
      {props.children}
      {editing && (
        <Panel
          title={item ? props.title(item) : props.newTitle}
          onClose={close}
          testId={props.testId}
        >
          {/* A fresh editor for each item, so no half-typed value carries over. */}
          <Fragment key={item ? item.id : 'new'}>{props.editor(item)}</Fragment>
        </Panel>
      )}
    </div>
  );
}
