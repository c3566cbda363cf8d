import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { isCarnetError } from '../api/client';
import { PASSPHRASE_MAX, PASSPHRASE_MIN, type ProfileSummary } from '../api/contract';
import { errorMessage } from '../api/errors';
import { useChangePassphrase, useSessionStatus, useSetAutoLock } from '../api/queries';
import { Button } from '../components/Button';
import { DeleteProfileDialog } from '../components/DeleteProfileDialog';
import { Field } from '../components/Field';
import { Notice } from '../components/Notice';
import { PageSection } from '../components/PageSection';
import { PassphraseInput } from '../components/PassphraseInput';
import { StrengthMeter } from '../components/StrengthMeter';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { useFormatters } from '../i18n/format';
import { setTheme, storedTheme, type Theme } from '../app/theme';

/** A calm set of delays; a value saved some other way is shown among them. */
const AUTO_LOCK_CHOICES = [2, 5, 10, 15, 30, 60] as const;

const Section = PageSection;

function AutoLockSection({ minutes }: { minutes: number | null }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const setAutoLock = useSetAutoLock();
  // The choice shows at once (a controlled radio must not wait for the call); a refusal undoes it.
  const [chosen, setChosen] = useState<number | null>(null);
  const selected = chosen ?? minutes;
  const choices: number[] =
    minutes !== null && !(AUTO_LOCK_CHOICES as readonly number[]).includes(minutes)
      ? [...AUTO_LOCK_CHOICES, minutes].sort((a, b) => a - b)
      : [...AUTO_LOCK_CHOICES];

  function choose(value: number): void {
    if (value === selected) return;
    setChosen(value);
    setAutoLock.mutate(value, { onError: () => setChosen(null) });
  }

  return (
    <Section
      id="settings-autolock"
      title={t('settings.autoLock.title')}
      aside={
        <p id="settings-autolock-body" className="settings__text">
          {t('settings.autoLock.body')}
        </p>
      }
    >
      <fieldset className="interval" aria-describedby="settings-autolock-body">
        <legend className="field__label interval__legend">{t('settings.autoLock.legend')}</legend>
        <div className="interval__options">
          {choices.map((value) => (
            <label key={value} className="interval__option">
              <input type="radio" name="auto-lock" value={value} checked={selected === value} onChange={() => choose(value)} />
              <span className="interval__value">{format.number(value)}</span>{' '}
              <span className="interval__unit">{t('settings.autoLock.unit', { count: value })}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <p className="settings__saved" role="status">
        {setAutoLock.isSuccess ? t('settings.autoLock.saved', { count: setAutoLock.data.autoLockMinutes }) : ''}
      </p>
      {setAutoLock.isError ? (
        <Notice tone="error" role="alert">
          {errorMessage(t, setAutoLock.error)}
        </Notice>
      ) : null}
    </Section>
  );
}

/** Messages are keys under `settings.passphrase.errors`, translated when shown. */
const passphraseSchema = z
  .object({
    current: z.string().min(1, 'required').max(PASSPHRASE_MAX, 'passphraseLong'),
    next: z
      .string()
      .refine((value) => [...value].length >= PASSPHRASE_MIN, 'passphraseShort')
      .refine((value) => value.length <= PASSPHRASE_MAX, 'passphraseLong')
      .refine((value) => new Set([...value]).size >= 6, 'passphraseSimple'),
    confirm: z.string(),
  })
  .refine((values) => values.next === values.confirm, { path: ['confirm'], message: 'mismatch' })
  .refine((values) => values.next !== values.current, { path: ['next'], message: 'same' });

type PassphraseForm = z.input<typeof passphraseSchema>;
const emptyPassphrases: PassphraseForm = { current: '', next: '', confirm: '' };

function PassphraseSection({ demo }: { demo: boolean }) {
  const { t } = useTranslation();
  const change = useChangePassphrase();
  const [outcome, setOutcome] = useState<{ kind: 'changed' } | { kind: 'failed'; message: string } | null>(null);
  const [capsLock, setCapsLock] = useState(false);
  const {
    register,
    handleSubmit,
    control,
    reset,
    setError,
    setFocus,
    formState: { errors },
  } = useForm<PassphraseForm, unknown, z.output<typeof passphraseSchema>>({
    resolver: zodResolver(passphraseSchema),
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    defaultValues: emptyPassphrases,
  });
  const next = useWatch({ control, name: 'next' });
  const fieldError = (message: string | undefined) => (message ? t(`settings.passphrase.errors.${message}`) : undefined);

  const onSubmit = handleSubmit(
    async (values) => {
      setOutcome(null);
      const result = await change.run({ current: values.current, next: values.next });
      // Whatever happened, no passphrase stays on the page.
      reset(emptyPassphrases);
      if (result.ok) {
        setOutcome({ kind: 'changed' });
        return;
      }
      if (isCarnetError(result.error, 'WRONG_PASSPHRASE')) {
        setError('current', { type: 'server', message: 'wrong' }, { shouldFocus: true });
        return;
      }
      if (isCarnetError(result.error, 'WEAK_PASSPHRASE')) {
        setError('next', { type: 'server', message: 'passphraseServer' }, { shouldFocus: true });
        return;
      }
      setOutcome({ kind: 'failed', message: errorMessage(t, result.error) });
      setFocus('current');
    },
    () => setOutcome(null),
  );

  const aside = (
    <>
      <p className="settings__text">{t('settings.passphrase.body')}</p>
      <p className="settings__text settings__text--quiet">{t('settings.passphrase.remember')}</p>
    </>
  );

  if (demo) {
    return (
      <Section id="settings-passphrase" title={t('settings.passphrase.title')} aside={aside}>
        <Notice tone="info" role="note">
          {t('settings.passphrase.demo')}
        </Notice>
      </Section>
    );
  }

  return (
    <Section id="settings-passphrase" title={t('settings.passphrase.title')} aside={aside}>
      <form className="form settings__form" onSubmit={(event) => void onSubmit(event)} noValidate aria-label={t('settings.passphrase.formLabel')}>
        <Field label={t('settings.passphrase.current')} error={fieldError(errors.current?.message)}>
          {(a11y) => <PassphraseInput {...a11y} {...register('current')} onCapsLockChange={setCapsLock} />}
        </Field>
        <Field
          label={t('settings.passphrase.next')}
          hint={errors.next ? undefined : t('settings.passphrase.nextHint', { count: PASSPHRASE_MIN })}
          error={fieldError(errors.next?.message)}
          extra={<StrengthMeter passphrase={next} />}
        >
          {(a11y) => <PassphraseInput {...a11y} {...register('next')} onCapsLockChange={setCapsLock} />}
        </Field>
        <Field label={t('settings.passphrase.confirm')} error={fieldError(errors.confirm?.message)}>
          {(a11y) => <PassphraseInput {...a11y} {...register('confirm')} onCapsLockChange={setCapsLock} />}
        </Field>
        <p className="caps-lock" role="status">
          {capsLock ? t('passphrase.capsLock') : ''}
        </p>
        <div className="form__actions">
          <Button type="submit" variant="primary" busy={change.pending} busyLabel={t('settings.passphrase.changing')}>
            {t('settings.passphrase.submit')}
          </Button>
        </div>
        <div className="settings__outcome">
          {outcome?.kind === 'changed' ? <Notice tone="success">{t('settings.passphrase.changed')}</Notice> : null}
          {outcome?.kind === 'failed' ? (
            <Notice tone="error" role="alert">
              {outcome.message}
            </Notice>
          ) : null}
        </div>
      </form>
    </Section>
  );
}

function DeleteSection({ profile }: { profile: ProfileSummary }) {
  const { t } = useTranslation();
  return (
    <Section
      id="settings-delete"
      tone="danger"
      title={t('settings.delete.title')}
      aside={<p className="settings__text">{t('settings.delete.body')}</p>}
    >
      <DeleteProfileDialog profile={profile} />
    </Section>
  );
}

/** The security of the advisor's book: when it locks, what opens it, where it lives, and its end. */
/** Light, dark, or as the system is: kept on this laptop (not in the book), applied at once. */
function AppearanceSection() {
  const { t } = useTranslation();
  const [theme, setChosen] = useState<Theme | null>(() => storedTheme());
  const choices: { value: Theme | null; key: 'system' | 'light' | 'dark' }[] = [
    { value: null, key: 'system' },
    { value: 'light', key: 'light' },
    { value: 'dark', key: 'dark' },
  ];
  return (
    <Section
      id="settings-appearance"
      title={t('settings.appearance.title')}
      aside={
        <p id="settings-appearance-body" className="settings__text">
          {t('settings.appearance.body')}
        </p>
      }
    >
      <fieldset className="interval" aria-describedby="settings-appearance-body">
        <legend className="field__label interval__legend">{t('settings.appearance.legend')}</legend>
        <div className="interval__options">
          {choices.map(({ value, key }) => (
            <label key={key} className="interval__option">
              <input
                type="radio"
                name="appearance"
                value={key}
                checked={theme === value}
                onChange={() => {
                  setTheme(value);
                  setChosen(value);
                }}
              />
              <span className="interval__unit">{t(`settings.appearance.${key}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
    </Section>
  );
}

export function SettingsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('titles.settings'));
  const status = useSessionStatus();
  const profile = status.data?.profile ?? null;

  return (
    <div className="page page--wide page--settings">
      <header className="settings__header">
        <p className="eyebrow">{t('settings.eyebrow')}</p>
        <h1 className="display display--lg">{t('settings.title')}</h1>
        <p className="lede">{t('settings.intro')}</p>
      </header>

      <AutoLockSection minutes={status.data?.autoLockMinutes ?? null} />
      <AppearanceSection />
      <PassphraseSection demo={profile?.demo ?? false} />
      <Section id="settings-storage" title={t('settings.storage.title')} aside={null}>
        <p className="settings__storage">{t('settings.storage.body')}</p>
      </Section>
      {profile ? <DeleteSection profile={profile} /> : null}
    </div>
  );
}
