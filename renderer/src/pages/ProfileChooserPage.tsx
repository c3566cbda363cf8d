import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { isCarnetError, type LockReason } from '../api/client';
import { errorMessage } from '../api/errors';
import { useOpenDemo, useProfiles } from '../api/queries';
import { Button } from '../components/Button';
import { Monogram } from '../components/Monogram';
import { Notice } from '../components/Notice';
import { ProgressLine } from '../components/ProgressLine';
import i18n from '../i18n';
import { profileLocale } from '../i18n/locale';
import { useDocumentTitle } from '../components/useDocumentTitle';

function greetingKey(hour: number): 'greeting.morning' | 'greeting.afternoon' | 'greeting.evening' {
  if (hour < 12) return 'greeting.morning';
  if (hour < 18) return 'greeting.afternoon';
  return 'greeting.evening';
}

export function ProfileChooserPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('titles.chooser'));
  const navigate = useNavigate();
  const location = useLocation();
  const profiles = useProfiles();
  const openDemo = useOpenDemo();
  const lockReason = (location.state as { locked?: LockReason } | null)?.locked;

  const all = profiles.data?.profiles ?? [];
  const own = all.filter((p) => !p.demo);
  const demoExists = all.some((p) => p.demo);
  const firstVisit = profiles.isSuccess && own.length === 0;

  function startDemo(): void {
    openDemo.mutate(undefined, {
      onSuccess: (profile) => {
        void i18n.changeLanguage(profileLocale(profile));
        void navigate('/clients', { replace: true });
      },
      onError: (error) => {
        if (isCarnetError(error, 'ALREADY_UNLOCKED')) void navigate('/clients', { replace: true });
      },
    });
  }

  return (
    <div className="page page--chooser">
      {lockReason ? (
        <Notice tone="success" className="chooser__locked">
          {t(`chooser.locked.${lockReason}`)}
        </Notice>
      ) : null}

      <p className="eyebrow">{t(greetingKey(new Date().getHours()))}</p>
      <h1 className="display display--xl">{firstVisit ? t('chooser.empty.title') : t('chooser.title')}</h1>
      <p className="lede">{firstVisit ? t('chooser.empty.body') : t('chooser.intro')}</p>

      {profiles.isPending ? (
        <ProgressLine label={t('chooser.loading')} />
      ) : profiles.isError ? (
        <Notice tone="error" role="alert" title={t('chooser.error')}>
          <p>{errorMessage(t, profiles.error)}</p>
          <Button variant="quiet" onClick={() => void profiles.refetch()}>
            {t('common.retry')}
          </Button>
        </Notice>
      ) : own.length > 0 ? (
        <ul className="profile-list" aria-label={t('chooser.listLabel')}>
          {own.map((profile) => (
            <li key={profile.id}>
              <Link className="profile-card" to={`/unlock/${profile.id}`}>
                <Monogram name={profile.displayName} />
                <span className="profile-card__text">
                  <span className="profile-card__name">{profile.displayName}</span>
                  <span className="profile-card__house">
                    {profile.maison}
                    <span className="dot" aria-hidden="true">
                      ·
                    </span>
                    <span className="visually-hidden">, </span>
                    {profile.boutique}
                  </span>
                </span>
                <span className="profile-card__arrow" aria-hidden="true">
                  →
                </span>
              </Link>
            </li>
          ))}
        </ul>
      ) : null}

      <div className="chooser__actions">
        <Link className={`button ${firstVisit ? 'button--primary' : 'button--secondary'}`} to="/profiles/new">
          {firstVisit ? t('chooser.empty.create') : t('chooser.new')}
        </Link>
      </div>

      <section className="chooser__demo" aria-labelledby="demo-title" aria-busy={openDemo.isPending || undefined}>
        <h2 id="demo-title" className="section-label">
          {t('chooser.demo.title')}
        </h2>
        <p className="chooser__demo-body">{t('chooser.demo.body')}</p>
        {openDemo.isPending ? (
          <div className="chooser__demo-progress" role="status">
            <ProgressLine label={demoExists ? t('chooser.demo.opening') : t('chooser.demo.preparing')} />
            <p className="chooser__demo-status">{demoExists ? t('chooser.demo.opening') : t('chooser.demo.preparing')}</p>
            {demoExists ? null : <p className="chooser__demo-hint">{t('chooser.demo.preparingHint')}</p>}
          </div>
        ) : (
          <Button variant="quiet" className="button--arrow" onClick={startDemo}>
            {t('chooser.demo.open')}
            <span className="button__arrow" aria-hidden="true">
              →
            </span>
          </Button>
        )}
        {openDemo.isError && !isCarnetError(openDemo.error, 'ALREADY_UNLOCKED') ? (
          <Notice tone="error" role="alert">
            {errorMessage(t, openDemo.error)}
          </Notice>
        ) : null}
      </section>
    </div>
  );
}
