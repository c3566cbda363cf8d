import * as AlertDialog from '@radix-ui/react-alert-dialog';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isCarnetError } from '../api/client';
import type { ProfileSummary } from '../api/contract';
import { errorMessage } from '../api/errors';
import { useDeleteProfile } from '../api/queries';
import { forgetSession } from '../app/session';
import { Button } from './Button';
import { Field } from './Field';
import { Notice } from './Notice';

type Problem = { kind: 'required' } | { kind: 'mismatch' } | { kind: 'other'; message: string };

/**
 * Deleting a profile: the advisor types the profile's name, and the core compares it. Once the
 * file is gone there is no session left, so the window forgets everything and returns to the
 * profiles.
 */
export function DeleteProfileDialog({ profile }: { profile: ProfileSummary }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const remove = useDeleteProfile();
  const input = useRef<HTMLInputElement>(null);
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);

  function onOpenChange(next: boolean): void {
    if (remove.pending) return;
    setOpen(next);
    if (!next) {
      setTyped('');
      setProblem(null);
    }
  }

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (remove.pending) return;
    const confirmDisplayName = typed.trim();
    if (confirmDisplayName.length === 0) {
      setProblem({ kind: 'required' });
      input.current?.focus();
      return;
    }
    setProblem(null);
    const result = await remove.run({ profileId: profile.id, confirmDisplayName });
    if (result.ok) {
      forgetSession();
      void navigate('/', { replace: true });
      return;
    }
    if (isCarnetError(result.error, 'CONFIRMATION_MISMATCH')) setProblem({ kind: 'mismatch' });
    else setProblem({ kind: 'other', message: errorMessage(t, result.error) });
    input.current?.select();
    input.current?.focus();
  }

  const fieldError =
    problem?.kind === 'required' ? t('settings.delete.errors.required') : problem?.kind === 'mismatch' ? t('settings.delete.errors.mismatch') : undefined;

  return (
    <AlertDialog.Root open={open} onOpenChange={onOpenChange}>
      <AlertDialog.Trigger asChild>
        <Button variant="secondary" className="button--danger-quiet">
          {t('settings.delete.open')}
        </Button>
      </AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="confirm-dialog__overlay" />
        <AlertDialog.Content
          className="confirm-dialog"
          onOpenAutoFocus={(event) => {
            // Typing the name is the first thing to do; Cancel stays one Tab or Escape away.
            event.preventDefault();
            input.current?.focus();
          }}
        >
          <span className="confirm-dialog__ornament" aria-hidden="true" />
          <AlertDialog.Title className="confirm-dialog__title">{t('settings.delete.dialogTitle')}</AlertDialog.Title>
          <AlertDialog.Description className="confirm-dialog__body">
            {t('settings.delete.dialogBody', { name: profile.displayName })}
          </AlertDialog.Description>
          <form className="form confirm-dialog__form" onSubmit={(event) => void submit(event)} noValidate>
            <Field label={t('settings.delete.confirmLabel', { name: profile.displayName })} error={fieldError}>
              {(a11y) => (
                <input
                  ref={input}
                  className="input"
                  autoComplete="off"
                  autoCapitalize="off"
                  autoCorrect="off"
                  spellCheck={false}
                  value={typed}
                  onChange={(event) => setTyped(event.target.value)}
                  readOnly={remove.pending}
                  {...a11y}
                />
              )}
            </Field>
            {/* Said aloud even when the focus is already in the field (Enter pressed there). */}
            <p className="visually-hidden" role="alert">
              {fieldError ?? ''}
            </p>
            {problem?.kind === 'other' ? (
              <Notice tone="error" role="alert">
                {problem.message}
              </Notice>
            ) : null}
            <div className="form__actions">
              <Button type="submit" variant="primary" className="button--danger" busy={remove.pending} busyLabel={t('settings.delete.deleting')}>
                {t('settings.delete.submit')}
              </Button>
              <AlertDialog.Cancel asChild>
                <Button variant="quiet" disabled={remove.pending}>
                  {t('common.cancel')}
                </Button>
              </AlertDialog.Cancel>
            </div>
          </form>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
