import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { statusQuery } from '../api/queries';
import { locales, rememberLocale, type Locale } from '../i18n/locale';

const names: Record<Locale, string> = { en: 'English', fr: 'Français' };

/** English | Français — each name written in its own language, the active one in ink. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const status = useQuery({ ...statusQuery, enabled: false });
  const profileId = status.data?.state === 'unlocked' ? status.data.profile?.id : undefined;

  function choose(locale: Locale): void {
    rememberLocale(locale, profileId);
    void i18n.changeLanguage(locale);
  }

  return (
    <div className="language-switch" role="group" aria-label={t('language.label')}>
      {locales.map((locale, index) => (
        <span key={locale} className="language-switch__item">
          {index > 0 ? (
            <span className="language-switch__sep" aria-hidden="true">
              ·
            </span>
          ) : null}
          <button
            type="button"
            lang={locale}
            className="language-switch__button"
            aria-pressed={i18n.language === locale}
            onClick={() => choose(locale)}
          >
            {names[locale]}
          </button>
        </span>
      ))}
    </div>
  );
}
