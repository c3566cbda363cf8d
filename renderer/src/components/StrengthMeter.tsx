import { useTranslation } from 'react-i18next';
import { estimateStrength } from './passphraseStrength';

const levelKeys = ['', 'strength.weak', 'strength.fair', 'strength.good', 'strength.strong'] as const;

/** Four hairlines that fill in with the passphrase's length and variety, and one word for it. */
export function StrengthMeter({ passphrase }: { passphrase: string }) {
  const { t } = useTranslation();
  if (passphrase.length === 0) return <span className="strength strength--empty">{t('strength.empty')}</span>;
  const strength = estimateStrength(passphrase);
  const text = strength.level === 0 ? t('strength.short', { count: strength.missing }) : t(levelKeys[strength.level]);
  return (
    <span className={`strength strength--${strength.level}`}>
      <span className="strength__bars" aria-hidden="true">
        {[1, 2, 3, 4].map((bar) => (
          <span key={bar} className={`strength__bar${bar <= strength.level ? ' is-on' : ''}`} />
        ))}
      </span>
      <span className="strength__text">{text}</span>
    </span>
  );
}
