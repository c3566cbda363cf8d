import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * "Clients — Carnet". Never a client's name: the window title shows in task switchers and
 * shared screens.
 */
export function useDocumentTitle(page: string | null): void {
  const { t, i18n } = useTranslation();
  useEffect(() => {
    document.title = page ? t('app.pageTitle', { page }) : t('app.name');
  }, [page, t, i18n.language]);
}
