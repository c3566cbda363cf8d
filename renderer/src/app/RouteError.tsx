import { useTranslation } from 'react-i18next';
import { isConnected } from '../api/client';
import { EmptyState } from '../components/EmptyState';
import { Wordmark } from '../components/Wordmark';

function startOver(): void {
  window.location.hash = '#/';
  window.location.reload();
}

/** When a screen cannot be shown at all. Says what happened in plain words, never a stack. */
export function RouteError() {
  const { t } = useTranslation();
  const connected = isConnected();
  return (
    <div className="welcome">
      <header className="welcome__header">
        <Wordmark withTagline />
      </header>
      <main id="content" className="welcome__main">
        <div className="page page--narrow page--centered">
          <EmptyState
            headingLevel={1}
            title={connected ? t('errors.unexpected.title') : t('errors.notConnected.title')}
            action={
              connected ? (
                <button type="button" className="button button--secondary" onClick={startOver}>
                  {t('errors.startOver')}
                </button>
              ) : null
            }
          >
            <p>{connected ? t('errors.unexpected.body') : t('errors.notConnected.body')}</p>
          </EmptyState>
        </div>
      </main>
      <footer className="welcome__footer">
        <p>{t('app.privacyPromise')}</p>
      </footer>
    </div>
  );
}
