import type { ComponentChildren } from 'preact';
import { BASE, navigate } from '../router.ts';

export function Link(props: {
  to: string;
  class?: string;
  children: ComponentChildren;
  testId?: string;
  current?: boolean;
}) {
  return (
    <a
      href={`${BASE}${props.to}`}
      class={props.class}
      data-testid={props.testId}
      aria-current={props.current ? 'page' : undefined}
      onClick={(e) => {
        if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
        e.preventDefault();
        navigate(props.to);
      }}
    >
      {props.children}
    </a>
  );
}
