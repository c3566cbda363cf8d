/** What the Privacy page's sections share: a failure with a retry, lists of categories, a clock. */
import i18next from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ClientListItem, DataCategory } from '../../api/contract';
import { errorMessage } from '../../api/errors';
import { Button } from '../../components/Button';
import { ClientName } from '../../components/ClientName';
import { Notice } from '../../components/Notice';
import { shortId } from '../../components/ShortId';

/** Re-renders every so often, so that "verified 2 minutes ago" stays true. */
export function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
}

export function Failed({ error, retry }: { error: unknown; retry: () => unknown }) {
  const { t } = useTranslation();
  return (
    <Notice tone="error" role="alert">
      <p>{errorMessage(t, error)}</p>
      <Button variant="secondary" onClick={() => void retry()}>
        {t('common.retry')}
      </Button>
    </Notice>
  );
}

/** "Preferences, life moments and gifts", in the page's language. */
export function categoryList(categories: readonly DataCategory[], locale: string): string {
  const words = categories.map((c, index) => {
    const label = i18next.t(`categories.${c}`);
    return index === 0 ? label : label.toLocaleLowerCase(locale);
  });
  try {
    return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(words);
  } catch {
    return words.join(', ');
  }
}


/** A client named from the book's list, linked to their page; by short id while the name is unknown. */
export function ClientLink({ id, client }: { id: string; client: ClientListItem | undefined }) {
  const { t } = useTranslation();
  return <Link to={`/clients/${id}`}>{client ? <ClientName client={client} /> : t('privacy.purges.unknownClient', { id: shortId(id) })}</Link>;
}
