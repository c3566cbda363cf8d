import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../components/EmptyState';
import { Wordmark } from '../components/Wordmark';
import { useDocumentTitle } from '../components/useDocumentTitle';

export function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('titles.notFound'));
  return (
    <div className="welcome">
      <header className="welcome__header">
        <Wordmark withTagline />
      </header>
      <main id="content" className="welcome__main">
        <div className="page page--narrow page--centered">
          <EmptyState
            headingLevel={1}
            title={t('errors.notFound.title')}
            action={
              <Link className="button button--secondary" to="/">
                {t('errors.backHome')}
              </Link>
            }
          >
            <p>{t('errors.notFound.body')}</p>
          </EmptyState>
        </div>
      </main>
    </div>
  );
}
