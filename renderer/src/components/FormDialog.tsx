import * as Dialog from '@radix-ui/react-dialog';
import { useId, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './Button';
import { Notice } from './Notice';

export interface FormDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  /** One or two sentences under the title: what this records and why. */
  description?: ReactNode;
  /** The fields (use `Field`). */
  children: ReactNode;
  submitLabel: string;
  busy?: boolean;
  busyLabel?: string;
  /** A whole-form error (a typed error's message), shown above the actions. */
  error?: string | null;
  onSubmit: () => void;
  /** Extra actions left of "Cancel" (e.g. "Remove"). */
  extraActions?: ReactNode;
  /** `wide` for forms with two columns of fields. */
  size?: 'normal' | 'wide';
  className?: string;
}

/**
 * The one dialog every "add / edit" form of the client book is built from: a sheet of paper over
 * a veiled page (Radix Dialog: focus trapped and returned, Escape closes, labelled and described).
 * It cannot be closed while saving. Submitting with Enter works from any field.
 */
export function FormDialog({
  open,
  onOpenChange,
  title,
  description,
  children,
  submitLabel,
  busy = false,
  busyLabel,
  error,
  onSubmit,
  extraActions,
  size = 'normal',
  className,
}: FormDialogProps) {
  const { t } = useTranslation();
  const descriptionId = useId();
  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (!busy) onSubmit();
  }
  return (
    <Dialog.Root open={open} onOpenChange={(next) => !busy && onOpenChange(next)}>
      <Dialog.Portal>
        <Dialog.Overlay className="confirm-dialog__overlay" />
        <Dialog.Content
          className={['confirm-dialog', 'form-dialog', size === 'wide' ? 'form-dialog--wide' : '', className ?? ''].filter(Boolean).join(' ')}
          aria-describedby={description ? descriptionId : undefined}
        >
          <span className="confirm-dialog__ornament form-dialog__ornament" aria-hidden="true" />
          <Dialog.Title className="confirm-dialog__title">{title}</Dialog.Title>
          {description ? (
            <Dialog.Description id={descriptionId} className="confirm-dialog__body">
              {description}
            </Dialog.Description>
          ) : null}
          <form className="form confirm-dialog__form form-dialog__form" onSubmit={submit} noValidate>
            {children}
            {error ? (
              <Notice tone="error" role="alert">
                {error}
              </Notice>
            ) : null}
            <div className="form__actions">
              <Button type="submit" variant="primary" busy={busy} busyLabel={busyLabel}>
                {submitLabel}
              </Button>
              <Dialog.Close asChild>
                <Button variant="quiet" disabled={busy}>
                  {t('common.cancel')}
                </Button>
              </Dialog.Close>
              {extraActions ? <span className="form-dialog__extra">{extraActions}</span> : null}
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
