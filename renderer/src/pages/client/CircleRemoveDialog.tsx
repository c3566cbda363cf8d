/** "Remove …?" — the confirmation every removal on the Client 360's personal parts goes through. */
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionResult } from '../../api/queries';
import { errorMessage } from '../../api/errors';
import { FormDialog } from '../../components/FormDialog';

export function CircleRemoveDialog({
  open,
  onOpenChange,
  title,
  children,
  confirmLabel,
  onConfirm,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => Promise<ActionResult<unknown>>;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (open) setError(null);
  }, [open]);
  async function confirm(): Promise<void> {
    setBusy(true);
    const result = await onConfirm();
    setBusy(false);
    if (result.ok) onOpenChange(false);
    else setError(errorMessage(t, result.error));
  }
  return (
    <FormDialog
      open={open}
      onOpenChange={onOpenChange}
      title={title}
      description={children}
      submitLabel={confirmLabel}
      busy={busy}
      busyLabel={t('circle.removing')}
      error={error}
      onSubmit={() => void confirm()}
      className="circle-remove"
    >
      {null}
    </FormDialog>
  );
}
