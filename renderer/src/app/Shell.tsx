import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useNavigate } from 'react-router';
import { useLock, useSessionStatus } from '../api/queries';
import { CommandPalette, type PaletteCommand } from '../components/CommandPalette';
import { Kbd, isMac } from '../components/Kbd';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { Wordmark } from '../components/Wordmark';
import { toggleDiscreet, useDiscreet } from './discreet';
import { forgetSession } from './session';

/** The frame of the open client book: who is working, where, and the way to close it. */
export function Shell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const status = useSessionStatus();
  const lock = useLock();
  const profile = status.data?.profile ?? null;
  const mac = isMac();
  const discreet = useDiscreet();
  const [paletteOpen, setPaletteOpen] = useState(false);

  const lockNow = useCallback(() => {
    if (lock.isPending) return;
    lock.mutate(undefined, {
      // Locked or not, nothing from this book stays in the window.
      onSettled: () => {
        forgetSession();
        void navigate('/', { replace: true, state: { locked: 'manual' } });
      },
    });
  }, [lock, navigate]);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent): void {
      const modifier = mac ? event.metaKey : event.ctrlKey;
      if (!modifier || event.altKey) return;
      const key = event.key.toLowerCase();
      if (!event.shiftKey && key === 'l') {
        event.preventDefault();
        lockNow();
      } else if (!event.shiftKey && key === 'k') {
        event.preventDefault();
        setPaletteOpen((open) => !open);
      } else if (event.shiftKey && key === 'd') {
        event.preventDefault();
        toggleDiscreet();
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [lockNow, mac]);

  const commands = useMemo<PaletteCommand[]>(
    () => [
      { id: 'clients', label: t('book.palette.commands.clients'), run: () => void navigate('/clients') },
      { id: 'new-client', label: t('book.palette.commands.newClient'), run: () => void navigate('/clients/new') },
      { id: 'privacy', label: t('book.palette.commands.privacy'), run: () => void navigate('/privacy') },
      { id: 'settings', label: t('book.palette.commands.settings'), run: () => void navigate('/settings') },
      {
        id: 'discreet',
        label: discreet ? t('book.discreet.turnOff') : t('book.discreet.turnOn'),
        shortcut: mac ? '⇧⌘D' : 'Ctrl Shift D',
        run: toggleDiscreet,
      },
      { id: 'lock', label: t('book.palette.commands.lock'), shortcut: mac ? '⌘L' : 'Ctrl L', run: lockNow },
    ],
    [t, navigate, discreet, mac, lockNow],
  );

  return (
    <div className={`shell${discreet ? ' shell--discreet' : ''}`}>
      <a className="skip-link" href="#content">
        {t('app.skipToContent')}
      </a>
      <header className="shell__header">
        <div className="shell__brand">
          <Wordmark />
          {profile ? (
            <span className="shell__house">
              <span className="shell__maison">
                {profile.maison}
                {profile.demo ? (
                  <span className="badge badge--bronze shell__demo" title={t('shell.demoHint')}>
                    {t('shell.demo')}
                  </span>
                ) : null}
              </span>
              <span className="shell__boutique">{profile.boutique}</span>
            </span>
          ) : null}
        </div>
        <nav className="shell__nav" aria-label={t('shell.nav')}>
          <NavLink to="/clients" className="shell__nav-link">
            {t('shell.clients')}
          </NavLink>
          <NavLink to="/privacy" className="shell__nav-link">
            {t('shell.privacy')}
          </NavLink>
          <NavLink to="/settings" className="shell__nav-link">
            {t('shell.settings')}
          </NavLink>
        </nav>
        <div className="shell__tools">
          <button
            type="button"
            className="shell__find"
            onClick={() => setPaletteOpen(true)}
            aria-keyshortcuts={mac ? 'Meta+K' : 'Control+K'}
            aria-haspopup="dialog"
          >
            <svg className="shell__find-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
              <circle cx="7" cy="7" r="4.75" fill="none" stroke="currentColor" strokeWidth="1.1" />
              <path d="M10.5 10.5 14 14" stroke="currentColor" strokeWidth="1.1" strokeLinecap="round" />
            </svg>
            <span className="visually-hidden">{t('book.palette.open')}</span>
            <Kbd>{mac ? '⌘K' : 'Ctrl K'}</Kbd>
          </button>
          <button
            type="button"
            className="shell__discreet"
            aria-pressed={discreet}
            onClick={toggleDiscreet}
            aria-keyshortcuts={mac ? 'Meta+Shift+D' : 'Control+Shift+D'}
            title={mac ? '⇧⌘D' : 'Ctrl Shift D'}
          >
            <span className="shell__discreet-mark" aria-hidden="true" />
            {t('book.discreet.button')}
          </button>
          <LanguageSwitch />
          {profile ? (
            <span className="shell__advisor" title={t('shell.advisor')}>
              {profile.displayName}
            </span>
          ) : null}
          <button
            type="button"
            className="button button--quiet shell__lock"
            onClick={lockNow}
            aria-keyshortcuts={mac ? 'Meta+L' : 'Control+L'}
            aria-busy={lock.isPending || undefined}
          >
            <span>{lock.isPending ? t('shell.locking') : t('shell.lock')}</span>
            <Kbd>{mac ? '⌘L' : 'Ctrl L'}</Kbd>
          </button>
        </div>
      </header>
      {discreet ? (
        <div className="discreet-band" role="status">
          <span className="discreet-band__text">{t('book.discreet.on')}</span>
          <button type="button" className="discreet-band__off" onClick={toggleDiscreet}>
            {t('book.discreet.turnOff')}
          </button>
        </div>
      ) : (
        <div className="visually-hidden" role="status" />
      )}
      <main id="content" className="shell__main" tabIndex={-1}>
        <Outlet />
      </main>
      <CommandPalette open={paletteOpen} onOpenChange={setPaletteOpen} commands={commands} />
    </div>
  );
}
