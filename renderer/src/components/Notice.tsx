import type { ReactNode } from 'react';

export interface NoticeProps {
  tone?: 'info' | 'error' | 'success';
  title?: ReactNode;
  children?: ReactNode;
  /** `alert` interrupts (an error just happened); `status` waits its turn. */
  role?: 'alert' | 'status' | 'note';
  id?: string;
  className?: string;
}

/** A quiet message set off by a hairline in the margin, never a coloured box. */
export function Notice({ tone = 'info', title, children, role = 'status', id, className }: NoticeProps) {
  return (
    <div className={['notice', `notice--${tone}`, className ?? ''].filter(Boolean).join(' ')} role={role === 'note' ? 'note' : role} id={id}>
      {title ? <p className="notice__title">{title}</p> : null}
      {children ? <div className="notice__body">{children}</div> : null}
    </div>
  );
}
