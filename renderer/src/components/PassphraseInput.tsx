import { forwardRef, useState, type InputHTMLAttributes, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

export interface PassphraseInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> {
  /** Lets a parent announce Caps Lock once for several fields. */
  onCapsLockChange?: (on: boolean) => void;
}

/**
 * A passphrase field with a show/hide toggle. Nothing about the passphrase is echoed elsewhere:
 * no autocomplete, no spellcheck, no password-manager prompt, never in a message.
 */
export const PassphraseInput = forwardRef<HTMLInputElement, PassphraseInputProps>(function PassphraseInput(
  { onCapsLockChange, onKeyDown, onKeyUp, className, ...rest },
  ref,
) {
  const { t } = useTranslation();
  const [visible, setVisible] = useState(false);

  function trackCapsLock(event: KeyboardEvent<HTMLInputElement>): void {
    if (typeof event.getModifierState === 'function') onCapsLockChange?.(event.getModifierState('CapsLock'));
  }

  return (
    <div className="passphrase">
      <input
        ref={ref}
        type={visible ? 'text' : 'password'}
        className={['input', 'passphrase__input', className ?? ''].filter(Boolean).join(' ')}
        autoComplete="off"
        autoCapitalize="off"
        autoCorrect="off"
        spellCheck={false}
        data-1p-ignore=""
        data-lpignore="true"
        onKeyDown={(event) => {
          trackCapsLock(event);
          onKeyDown?.(event);
        }}
        onKeyUp={(event) => {
          trackCapsLock(event);
          onKeyUp?.(event);
        }}
        {...rest}
      />
      <button
        type="button"
        className="passphrase__toggle"
        aria-label={visible ? t('passphrase.hide') : t('passphrase.show')}
        onClick={() => setVisible((v) => !v)}
      >
        {visible ? t('passphrase.hideShort') : t('passphrase.showShort')}
      </button>
    </div>
  );
});
