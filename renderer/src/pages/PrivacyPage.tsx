/**
 * The Privacy page: what waits to be deleted and when, the grace period, what is past its
 * retention period, the clients' requests, the proof that the audit log is whole with its latest
 * entries, and the record of processing Carnet enforces — written for the advisor and for the
 * privacy officer who signs the record.
 */
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { RequestsSection, RetentionSection } from './privacy/registers';
import { CoverageSection, RightsSection } from './privacy/rights';
import { AuditSection, GlanceSection, GraceSection, PurgesSection, RecordOfProcessing } from './privacy/sections';

export function PrivacyPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('titles.privacy'));
  const locale = i18n.language === 'fr' ? 'fr' : 'en';

  return (
    <div className="page page--wide page--privacy">
      <header className="settings__header privacy__header">
        <p className="eyebrow">{t('privacy.eyebrow')}</p>
        <h1 className="display display--lg">{t('privacy.title')}</h1>
        <p className="lede">{t('privacy.intro')}</p>
      </header>

      <GlanceSection />
      <CoverageSection />
      <RightsSection />
      <PurgesSection />
      <GraceSection />
      <RetentionSection />
      <RequestsSection />
      <AuditSection />
      <RecordOfProcessing locale={locale} />
    </div>
  );
}
