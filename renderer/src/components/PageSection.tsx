import type { ReactNode } from 'react';

/**
 * One matter of a page on a hairline: what it means on the left, what there is to see or do on
 * the right (Settings, Privacy).
 */
export function PageSection({
  id,
  title,
  aside,
  tone,
  className,
  children,
}: {
  id: string;
  title: string;
  aside: ReactNode;
  tone?: 'danger';
  className?: string;
  children: ReactNode;
}) {
  return (
    <section
      className={['settings__section', tone === 'danger' ? 'settings__section--danger' : '', className ?? ''].filter(Boolean).join(' ')}
      aria-labelledby={id}
    >
      <div className="settings__aside">
        <h2 id={id} className="settings__title">
          {title}
        </h2>
        {aside}
      </div>
      <div className="settings__main">{children}</div>
    </section>
  );
}
