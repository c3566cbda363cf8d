import { useTranslation } from 'react-i18next';

/** The name of the app, set like a maison's letterhead. */
export function Wordmark({ withTagline = false }: { withTagline?: boolean }) {
  const { t } = useTranslation();
  return (
    <span className="wordmark">
      <span className="wordmark__name">{t('app.name')}</span>
      {withTagline ? <span className="wordmark__tagline">{t('app.tagline')}</span> : null}
    </span>
  );
}
