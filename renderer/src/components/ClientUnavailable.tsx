import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isCarnetError } from '../api/client';
import { errorMessage } from '../api/errors';
import { Button } from './Button';
import { EmptyState } from './EmptyState';

/**
 * What a client's page says when the client cannot be read: gone (unknown, erased, a malformed
 * id) with a way back, or a failure with its reason and a retry. Shared by the 360, the brief and
 * the edit page.
 */
export function ClientUnavailable({ error, onRetry, backTo }: { error: Error; onRetry: () => void; backTo?: string }) {
  const { t } = useTranslation();
  const missing = isCarnetError(error, 'NOT_FOUND', 'INVALID_INPUT');
  return (
    <EmptyState
      headingLevel={1}
      title={missing ? t('client.missing.title') : t('client.error.title')}
      role={missing ? undefined : 'alert'}
      action={
        missing && backTo ? (
          <Link className="button button--secondary" to={backTo}>
            {t('client.back')}
          </Link>
        ) : (
          <Button variant="secondary" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )
      }
    >
      <p>{missing ? t('client.missing.body') : errorMessage(t, error)}</p>
    </EmptyState>
  );
}
