import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useNavigate } from 'react-router';
import { useLock, useSessionStatus } from '../api/queries';
import { Kbd, isMac } from '../components/Kbd';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { Wordmark } from '../components/Wordmark';
import { forgetSession } from './session';

/** The frame of the open client book: who is working, where, and the way to close it. */
export function Shell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const status = useSessionStatus();
  const lock = useLock();
  const profile = status.data?.profile ?? null;
  const mac = isMac();

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
      if (modifier && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'l') {
        event.preventDefault();
        lockNow();
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [lockNow, mac]);

  return (
    <div className="shell">
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
      <main id="content" className="shell__main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
