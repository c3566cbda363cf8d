import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { z } from 'zod';
import { isCarnetError } from '../api/client';
import { PASSPHRASE_MAX, PASSPHRASE_MIN } from '../api/contract';
import { errorMessage } from '../api/errors';
import { useCreateProfile } from '../api/queries';
import { Button } from '../components/Button';
import { Field } from '../components/Field';
import { Notice } from '../components/Notice';
import { PassphraseInput } from '../components/PassphraseInput';
import { StrengthMeter } from '../components/StrengthMeter';
import i18n from '../i18n';
import { locales, rememberLocale, type Locale } from '../i18n/locale';
import { useDocumentTitle } from '../components/useDocumentTitle';

/** Messages are keys under `create.errors`, translated when shown. */
const text = z.string().trim().min(1, 'required').max(120, 'tooLong');
const schema = z
  .object({
    displayName: text,
    maison: text,
    boutique: text,
    locale: z.enum(['en', 'fr']),
    passphrase: z
      .string()
      .refine((value) => [...value].length >= PASSPHRASE_MIN, 'passphraseShort')
      .refine((value) => value.length <= PASSPHRASE_MAX, 'passphraseLong')
      .refine((value) => new Set([...value]).size >= 6, 'passphraseSimple'),
    confirm: z.string(),
  })
  .refine((values) => values.passphrase === values.confirm, { path: ['confirm'], message: 'mismatch' });

type FormInput = z.input<typeof schema>;
type FormOutput = z.output<typeof schema>;

const localeNames: Record<Locale, string> = { en: 'English', fr: 'Français' };

export function CreateProfilePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('titles.create'));
  const navigate = useNavigate();
  const create = useCreateProfile();
  const [formError, setFormError] = useState<string | null>(null);
  const [capsLock, setCapsLock] = useState(false);
  const {
    register,
    handleSubmit,
    control,
    setError,
    resetField,
    setFocus,
    formState: { errors },
  } = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(schema),
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    defaultValues: {
      displayName: '',
      maison: '',
      boutique: '',
      locale: i18n.language === 'fr' ? 'fr' : 'en',
      passphrase: '',
      confirm: '',
    },
  });
  const passphrase = useWatch({ control, name: 'passphrase' });
  const fieldError = (message: string | undefined) => (message ? t(`create.errors.${message}`) : undefined);

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await create.run({
      displayName: values.displayName,
      maison: values.maison,
      boutique: values.boutique,
      locale: values.locale,
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      passphrase: values.passphrase,
    });
    if (result.ok) {
      rememberLocale(values.locale, result.value.id);
      void i18n.changeLanguage(values.locale);
      void navigate('/clients', { replace: true });
      return;
    }
    const { error } = result;
    if (isCarnetError(error, 'ALREADY_UNLOCKED')) {
      void navigate('/clients', { replace: true });
      return;
    }
    resetField('passphrase');
    resetField('confirm');
    if (isCarnetError(error, 'WEAK_PASSPHRASE')) {
      setError('passphrase', { type: 'server', message: 'passphraseServer' }, { shouldFocus: true });
      return;
    }
    setFormError(errorMessage(t, error));
    setFocus('displayName');
  });

  return (
    <div className="page page--split">
      <aside className="split__aside">
        <Link className="back-link" to="/">
          <span aria-hidden="true">← </span>
          {t('create.back')}
        </Link>
        <h1 className="display display--lg">{t('create.title')}</h1>
        <p className="lede">{t('create.intro')}</p>
        <ul className="promise-list">
          <li>{t('create.promise.local')}</li>
          <li>{t('create.promise.encrypted')}</li>
          <li>{t('create.promise.forgotten')}</li>
        </ul>
      </aside>

      <form className="form split__main" onSubmit={(event) => void onSubmit(event)} noValidate aria-labelledby="create-form-title">
        <h2 id="create-form-title" className="section-label">
          {t('create.formTitle')}
        </h2>
        {formError ? (
          <Notice tone="error" role="alert">
            {formError}
          </Notice>
        ) : null}

        <fieldset className="form__group">
          <legend className="visually-hidden">{t('create.aboutYou')}</legend>
          <Field label={t('create.displayName')} hint={t('create.displayNameHint')} error={fieldError(errors.displayName?.message)}>
            {(a11y) => <input className="input" autoComplete="name" autoFocus {...a11y} {...register('displayName')} />}
          </Field>
          <div className="form__row">
            <Field label={t('create.maison')} error={fieldError(errors.maison?.message)}>
              {(a11y) => <input className="input" autoComplete="organization" {...a11y} {...register('maison')} />}
            </Field>
            <Field label={t('create.boutique')} hint={t('create.boutiqueHint')} error={fieldError(errors.boutique?.message)}>
              {(a11y) => <input className="input" autoComplete="off" {...a11y} {...register('boutique')} />}
            </Field>
          </div>
          <fieldset className="choice">
            <legend className="field__label">{t('create.language')}</legend>
            <div className="choice__options">
              {locales.map((locale) => (
                <label key={locale} className="choice__option" lang={locale}>
                  <input type="radio" value={locale} {...register('locale')} />
                  <span>{localeNames[locale]}</span>
                </label>
              ))}
            </div>
          </fieldset>
        </fieldset>

        <fieldset className="form__group">
          <legend className="visually-hidden">{t('create.secret')}</legend>
          <Field
            label={t('create.passphrase')}
            hint={errors.passphrase ? undefined : t('create.passphraseHint', { count: PASSPHRASE_MIN })}
            error={fieldError(errors.passphrase?.message)}
            extra={<StrengthMeter passphrase={passphrase} />}
          >
            {(a11y) => <PassphraseInput {...a11y} {...register('passphrase')} onCapsLockChange={setCapsLock} />}
          </Field>
          <Field label={t('create.confirm')} error={fieldError(errors.confirm?.message)}>
            {(a11y) => <PassphraseInput {...a11y} {...register('confirm')} onCapsLockChange={setCapsLock} />}
          </Field>
          <p className="caps-lock" role="status">
            {capsLock ? t('passphrase.capsLock') : ''}
          </p>
        </fieldset>

        <div className="form__actions">
          <Button type="submit" variant="primary" busy={create.pending} busyLabel={t('create.creating')}>
            {t('create.submit')}
          </Button>
          <Link className="button button--quiet" to="/">
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </div>
  );
}
