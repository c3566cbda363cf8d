import type { ReactNode } from 'react';

/** What a page says when there is nothing to show: a title, a sentence, perhaps one action. */
export function EmptyState({
  title,
  children,
  action,
  headingLevel = 2,
  role,
}: {
  title: ReactNode;
  children?: ReactNode;
  action?: ReactNode;
  headingLevel?: 1 | 2 | 3;
  role?: 'status' | 'alert';
}) {
  const Heading = headingLevel === 1 ? 'h1' : headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className="empty-state" role={role}>
      <span className="empty-state__ornament" aria-hidden="true" />
      <Heading className="empty-state__title">{title}</Heading>
      {children ? <div className="empty-state__body">{children}</div> : null}
      {action ? <div className="empty-state__action">{action}</div> : null}
    </div>
  );
}
