import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { isCarnetError } from '../api/client';
import type { CarnetError } from '../api/contract';
import { errorMessage } from '../api/errors';
import { useProfile, useUnlock } from '../api/queries';
import { Button } from '../components/Button';
import { EmptyState } from '../components/EmptyState';
import { Monogram } from '../components/Monogram';
import { Notice } from '../components/Notice';
import { PassphraseInput } from '../components/PassphraseInput';
import { ProgressLine } from '../components/ProgressLine';
import i18n from '../i18n';
import { profileLocale } from '../i18n/locale';
import { useDocumentTitle } from '../components/useDocumentTitle';

type Problem = { kind: 'empty' } | { kind: 'refused'; error: unknown };

function formatWait(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** The sentence for a refused unlock, in plain words. The passphrase itself is never repeated. */
function useProblemText(problem: Problem | null, remainingMs: number): string | null {
  const { t } = useTranslation();
  if (!problem) return null;
  if (problem.kind === 'empty') return t('unlock.errors.empty');
  const error = problem.error;
  if (isCarnetError(error, 'WRONG_PASSPHRASE')) return t('unlock.errors.wrong');
  if (isCarnetError(error, 'THROTTLED')) {
    return remainingMs > 0 ? t('unlock.errors.throttled') : t('unlock.errors.throttleOver');
  }
  if (isCarnetError(error, 'NOT_A_STORE', 'STORE_CORRUPT', 'STORE_TRUNCATED')) return t('unlock.errors.damaged');
  if (isCarnetError(error, 'STORE_NOT_ENCRYPTED')) return t('unlock.errors.notEncrypted');
  if (isCarnetError(error, 'STORE_BUSY')) return t('unlock.errors.busy');
  if (isCarnetError(error, 'PROFILE_NOT_FOUND')) return t('unlock.errors.notFound');
  return errorMessage(t, error);
}

export function UnlockPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('titles.unlock'));
  const navigate = useNavigate();
  const { profileId = '' } = useParams();
  const { profile, isPending, isError, error: listError } = useProfile(profileId);
  const unlock = useUnlock();
  const input = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [retryAt, setRetryAt] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const [capsLock, setCapsLock] = useState(false);

  const remainingMs = retryAt === null ? 0 : Math.max(0, retryAt - now);
  const waiting = remainingMs > 0;
  const problemText = useProblemText(problem, remainingMs);

  useEffect(() => {
    if (retryAt === null) return;
    const timer = window.setInterval(() => {
      const current = Date.now();
      setNow(current);
      if (current >= retryAt) {
        window.clearInterval(timer);
        setRetryAt(null);
        input.current?.focus();
      }
    }, 250);
    return () => window.clearInterval(timer);
  }, [retryAt]);

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (waiting || unlock.pending) return;
    const field = input.current;
    const passphrase = field?.value ?? '';
    if (passphrase.length === 0) {
      setProblem({ kind: 'empty' });
      field?.focus();
      return;
    }
    setProblem(null);
    const result = await unlock.run({ profileId, passphrase });
    if (result.ok) {
      void i18n.changeLanguage(profileLocale(result.value));
      void navigate('/clients', { replace: true });
      return;
    }
    if (isCarnetError(result.error, 'ALREADY_UNLOCKED')) {
      void navigate('/clients', { replace: true });
      return;
    }
    if (field) field.value = '';
    if (isCarnetError(result.error, 'THROTTLED')) {
      const wait = (result.error as CarnetError).retryAfterMs ?? 1000;
      setNow(Date.now());
      setRetryAt(Date.now() + wait);
    }
    setProblem({ kind: 'refused', error: result.error });
    field?.focus();
  }

  if (isPending) {
    return (
      <div className="page page--narrow page--centered">
        <ProgressLine label={t('unlock.loading')} />
      </div>
    );
  }

  if (isError || !profile) {
    return (
      <div className="page page--narrow page--centered">
        <EmptyState
          headingLevel={1}
          title={isError ? t('chooser.error') : t('unlock.missing.title')}
          action={
            <Link className="button button--secondary" to="/">
              {t('unlock.other')}
            </Link>
          }
        >
          <p>{isError ? errorMessage(t, listError) : t('unlock.missing.body')}</p>
        </EmptyState>
      </div>
    );
  }

  const severe = problem?.kind === 'refused' && isCarnetError(problem.error, 'NOT_A_STORE', 'STORE_CORRUPT', 'STORE_TRUNCATED', 'STORE_NOT_ENCRYPTED', 'PROFILE_NOT_FOUND');

  return (
    <div className="page page--unlock">
      <Monogram name={profile.displayName} size="lg" />
      <p className="eyebrow">{t('unlock.eyebrow')}</p>
      <h1 className="display display--lg unlock__name">{profile.displayName}</h1>
      <p className="unlock__house">
        {profile.maison}
        <span className="dot" aria-hidden="true">
          ·
        </span>
        <span className="visually-hidden">, </span>
        {profile.boutique}
      </p>

      <form className="form unlock__form" onSubmit={(event) => void submit(event)} noValidate aria-label={t('unlock.formLabel')}>
        <div className={`field${problem && !severe ? ' field--invalid' : ''}`}>
          <label className="field__label" htmlFor="unlock-passphrase">
            {t('unlock.passphrase')}
          </label>
          <PassphraseInput
            id="unlock-passphrase"
            ref={input}
            autoFocus
            disabled={unlock.pending}
            aria-invalid={problem && !severe ? true : undefined}
            aria-describedby={problemText ? 'unlock-problem' : undefined}
            onCapsLockChange={setCapsLock}
          />
          <p className="caps-lock" role="status">
            {capsLock ? t('passphrase.capsLock') : ''}
          </p>
        </div>

        <div id="unlock-problem">
          {problemText ? (
            <Notice tone="error" role="alert">
              {problemText}
            </Notice>
          ) : null}
        </div>
        {waiting ? (
          <p className="unlock__countdown" role="timer">
            {t('unlock.countdown', { time: formatWait(remainingMs) })}
          </p>
        ) : null}

        <Button type="submit" variant="primary" className="unlock__submit" busy={unlock.pending} busyLabel={t('unlock.unlocking')} disabled={waiting}>
          {t('unlock.submit')}
        </Button>
      </form>

      <p className="unlock__other">
        <Link to="/">{t('unlock.other')}</Link>
      </p>
    </div>
  );
}
