/**
 * A client's particulars as both the new-client and the edit pages ask for them: honorific and
 * names, city and country, language and tier. The schema's messages are keys under
 * `book.newClient.errors`, translated when shown.
 */
import type { FieldErrors, Path, UseFormRegister } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { Field } from '../components/Field';
import { useFormatters } from '../i18n/format';

export const COUNTRIES = ['FR', 'GB', 'CH', 'IT', 'DE', 'ES', 'BE', 'MC', 'US', 'AE', 'SA', 'QA', 'CN', 'HK', 'JP', 'KR', 'SG'] as const;
export const LANGUAGES = ['fr', 'en', 'it', 'de', 'es', 'ar', 'zh', 'ja', 'ko', 'ru'] as const;
export const TIERS = ['Prestige', 'Signature', 'Essentiel'] as const;

export const optionalText = (max: number) => z.string().trim().max(max, 'tooLong');
export const requiredText = (max: number) => z.string().trim().min(1, 'required').max(max, 'tooLong');

/** The particulars' fields, to spread into a page's own zod object. */
export const particularsShape = {
  honorific: optionalText(20),
  firstName: requiredText(80),
  lastName: requiredText(80),
  city: optionalText(80),
  country: z.string(),
  language: z.string(),
  tier: z.string(),
};

export interface ParticularsValues {
  honorific: string;
  firstName: string;
  lastName: string;
  city: string;
  country: string;
  language: string;
  tier: string;
}

export const emptyParticulars: ParticularsValues = { honorific: '', firstName: '', lastName: '', city: '', country: '', language: '', tier: '' };

/** The choices of a list, with the value already recorded kept even when the list does not name it. */
function withCurrent<T extends string>(choices: readonly T[], current: string | undefined): string[] {
  return current && !choices.includes(current as T) ? [current, ...choices] : [...choices];
}

export function ParticularsFields<T extends ParticularsValues>({
  register,
  errors,
  current,
}: {
  register: UseFormRegister<T>;
  errors: FieldErrors<T>;
  /** The values recorded before editing: a country, language or tier outside the lists stays choosable. */
  current?: Partial<ParticularsValues>;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const field = (name: keyof ParticularsValues) => register(name as Path<T>);
  const messages = errors as FieldErrors<ParticularsValues>;
  const err = (name: keyof ParticularsValues) => {
    const message = messages[name]?.message;
    return typeof message === 'string' && message ? t(`book.newClient.errors.${message}`) : undefined;
  };
  return (
    <div className="form__group">
      <div className="new-client__names">
        <Field label={t('book.newClient.fields.honorific')} error={err('honorific')}>
          {(a11y) => <input className="input" autoComplete="off" placeholder={t('book.newClient.placeholders.honorific')} {...a11y} {...field('honorific')} />}
        </Field>
        <Field label={t('book.newClient.fields.firstName')} error={err('firstName')}>
          {(a11y) => <input className="input" autoComplete="off" spellCheck={false} data-private="" {...a11y} {...field('firstName')} />}
        </Field>
        <Field label={t('book.newClient.fields.lastName')} error={err('lastName')}>
          {(a11y) => <input className="input" autoComplete="off" spellCheck={false} data-private="" {...a11y} {...field('lastName')} />}
        </Field>
      </div>
      <div className="form__row">
        <Field label={t('book.newClient.fields.city')} error={err('city')}>
          {(a11y) => <input className="input" autoComplete="off" data-private="" {...a11y} {...field('city')} />}
        </Field>
        <Field label={t('book.newClient.fields.country')}>
          {(a11y) => (
            <select className="input select" {...a11y} {...field('country')}>
              <option value="">{t('book.newClient.notSaid')}</option>
              {withCurrent(COUNTRIES, current?.country).map((c) => (
                <option key={c} value={c}>
                  {format.region(c)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="form__row">
        <Field label={t('book.newClient.fields.language')}>
          {(a11y) => (
            <select className="input select" {...a11y} {...field('language')}>
              <option value="">{t('book.newClient.notSaid')}</option>
              {withCurrent(LANGUAGES, current?.language).map((l) => (
                <option key={l} value={l}>
                  {format.language(l)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('book.newClient.fields.tier')}>
          {(a11y) => (
            <select className="input select" {...a11y} {...field('tier')}>
              <option value="">{t('book.newClient.noTier')}</option>
              {withCurrent(TIERS, current?.tier).map((tier) => (
                <option key={tier} value={tier}>
                  {t(`tiers.${tier}`, { defaultValue: tier })}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
    </div>
  );
}
