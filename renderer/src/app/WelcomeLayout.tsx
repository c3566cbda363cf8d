import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { Wordmark } from '../components/Wordmark';

/** The frame of the screens shown before a profile is open: a letterhead, a page, a promise. */
export function WelcomeLayout() {
  const { t } = useTranslation();
  return (
    <div className="welcome">
      <a className="skip-link" href="#content">
        {t('app.skipToContent')}
      </a>
      <header className="welcome__header">
        <Wordmark withTagline />
        <LanguageSwitch />
      </header>
      <main id="content" className="welcome__main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="welcome__footer">
        <p>{t('app.privacyPromise')}</p>
      </footer>
    </div>
  );
}
