/**
 * Archiving a client from the Client 360: an alert-style confirmation saying exactly what
 * `clients.archive` does — the client leaves the list of the book; nothing is deleted, the
 * consents and retention go on as before; search still finds them, marked "Archived". Then back
 * to the list, where a notice says so and offers to undo. A client already archived is offered
 * the way back instead.
 */
import * as AlertDialog from '@radix-ui/react-alert-dialog';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../api/errors';
import { useSetArchived } from '../../api/editQueries';
import { useClient, useClient360 } from '../../api/queries';
import { Button } from '../../components/Button';
import { ClientName } from '../../components/ClientName';
import { Notice } from '../../components/Notice';
import { useFormatters } from '../../i18n/format';

/** What the list is told after an archive, through the router's location state. */
export interface ArchivedNotice {
  archived: { id: string; honorific: string | null; firstName: string; lastName: string };
}

export function ArchiveDialog({ clientId, open, onOpenChange }: { clientId: string; open: boolean; onOpenChange: (open: boolean) => void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const navigate = useNavigate();
  const client = useClient(clientId);
  const view = useClient360(clientId);
  const setArchived = useSetArchived();
  const [error, setError] = useState<string | null>(null);
  const archivedAt = view.data?.details.archivedAt ?? null;
  const busy = setArchived.isPending;

  function change(next: boolean): void {
    if (busy) return;
    if (!next) setError(null);
    onOpenChange(next);
  }

  async function confirm(): Promise<void> {
    if (busy) return;
    setError(null);
    try {
      if (archivedAt) {
        await setArchived.mutateAsync({ id: clientId, archived: false });
        onOpenChange(false);
        return;
      }
      await setArchived.mutateAsync({ id: clientId, archived: true });
      onOpenChange(false);
      const c = client.data;
      const state: ArchivedNotice | null = c ? { archived: { id: clientId, honorific: c.honorific, firstName: c.firstName, lastName: c.lastName } } : null;
      void navigate('/clients', { state });
    } catch (e) {
      setError(errorMessage(t, e));
    }
  }

  return (
    <AlertDialog.Root open={open} onOpenChange={change}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="confirm-dialog__overlay" />
        <AlertDialog.Content className="confirm-dialog archive-dialog">
          <span className="confirm-dialog__ornament" aria-hidden="true" />
          <AlertDialog.Title className="confirm-dialog__title">{archivedAt ? t('edit.archive.restoreTitle') : t('edit.archive.title')}</AlertDialog.Title>
          {client.data ? (
            <p className="archive-dialog__who">
              <ClientName client={client.data} />
            </p>
          ) : null}
          <AlertDialog.Description asChild>
            {archivedAt ? (
              <div className="confirm-dialog__body">
                <p>{t('edit.archive.since', { date: format.instantDate(archivedAt) })}</p>
                <p>{t('edit.archive.restoreBody')}</p>
              </div>
            ) : (
              <div className="confirm-dialog__body">
                <p>{t('edit.archive.body')}</p>
                <ul className="archive-dialog__facts">
                  <li>{t('edit.archive.facts.list')}</li>
                  <li>{t('edit.archive.facts.kept')}</li>
                  <li>{t('edit.archive.facts.restore')}</li>
                </ul>
              </div>
            )}
          </AlertDialog.Description>
          {error ? (
            <Notice tone="error" role="alert">
              {error}
            </Notice>
          ) : null}
          <div className="form__actions">
            <Button variant="primary" className={archivedAt ? undefined : 'button--danger'} busy={busy} busyLabel={archivedAt ? t('edit.archive.restoring') : t('edit.archive.archiving')} onClick={() => void confirm()}>
              {archivedAt ? t('edit.archive.restore') : t('edit.archive.confirm')}
            </Button>
            <AlertDialog.Cancel asChild>
              <Button variant="quiet" disabled={busy}>
                {t('common.cancel')}
              </Button>
            </AlertDialog.Cancel>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
