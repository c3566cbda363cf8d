import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { ClientSummary } from '../api/contract';
import { errorMessage } from '../api/errors';
import { useClient, useClient360, useClientConsents, usePrivacySettings } from '../api/queries';
import { ClientName, grammaticalContext } from '../components/ClientName';
import { ClientUnavailable } from '../components/ClientUnavailable';
import { Notice } from '../components/Notice';
import { ProgressLine } from '../components/ProgressLine';
import { RelativeTime } from '../components/RelativeTime';
import { useFormatters } from '../i18n/format';
import { listMemory } from './listMemory';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { ConsentsPanel } from './client/ConsentsPanel';
import { HiddenPortrait, MomentsSection, PreferencesSection } from './client/Portrait';
import { AfterSalesSection, AppointmentsSection, GiftsSection, UpcomingSection } from './client/Around';
import { AfterSalesDialog } from './client/AfterSalesDialog';
import { AppointmentDialog } from './client/AppointmentDialog';
import { ArchiveDialog } from './client/ArchiveDialog';
import { CircleSection } from './client/Circle';
import { ContactsSection } from './client/ContactsSection';
import { PurchaseDialog } from './client/PurchaseDialog';
import { GiftDialog } from './GiftDialog';
import { formatMoney } from './client/c360';
import { QuickCapture } from './client/QuickCapture';
import { Timeline } from './client/Timeline';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="fact">
      <dt className="fact__label">{label}</dt>
      <dd className="fact__value">{children}</dd>
    </div>
  );
}

function NotRecorded() {
  const { t } = useTranslation();
  return <span className="muted">{t('common.notRecorded')}</span>;
}

type RecordDialog = 'appointment' | 'afterSales' | 'purchase' | 'gift' | 'archive';

/**
 * The client's actions, top right: the brief (B), editing, and a "Record…" menu (Radix) for what
 * happens around a client — an appointment, an after-sales case, a purchase, a gift — each in its
 * own dialog. A restricted client's record is frozen: only the brief and editing remain.
 */
function ClientActions({ client, archived }: { client: ClientSummary; archived: boolean }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<RecordDialog | null>(null);
  const recordButton = useRef<HTMLButtonElement>(null);
  // A dialog opened from the menu returns the focus to "Record…" when it closes: the menu item
  // that opened it is gone by then, and the focus would otherwise fall to the page's body.
  const previous = useRef<RecordDialog | null>(null);
  useEffect(() => {
    const was = previous.current;
    previous.current = dialog;
    if (was === null || dialog !== null || was === 'archive') return;
    const frame = window.requestAnimationFrame(() => {
      if (document.activeElement === document.body || document.activeElement === null) recordButton.current?.focus();
    });
    return () => window.cancelAnimationFrame(frame);
  }, [dialog]);
  const restricted = client.status === 'restricted';
  const personal = client.personalisation;
  const opener = (name: RecordDialog) => (open: boolean) => setDialog(open ? name : null);
  return (
    <div className="client__actions">
      <Link className="button button--secondary client__brief-link" to={`/clients/${client.id}/brief`} title={t('c360.briefHint')}>
        {t('c360.briefLink')}
      </Link>
      {restricted ? null : (
        <DropdownMenu.Root modal={false}>
          <DropdownMenu.Trigger asChild>
            <button ref={recordButton} type="button" className="button button--primary client__record">
              {t('c360.actions.record')}
            </button>
          </DropdownMenu.Trigger>
          <DropdownMenu.Portal>
            <DropdownMenu.Content className="menu" align="end" sideOffset={6}>
              <DropdownMenu.Item className="menu__item" onSelect={() => setDialog('appointment')}>
                {t('c360.actions.appointment')}
              </DropdownMenu.Item>
              <DropdownMenu.Item className="menu__item" onSelect={() => setDialog('afterSales')}>
                {t('c360.actions.afterSales')}
              </DropdownMenu.Item>
              <DropdownMenu.Item className="menu__item" onSelect={() => setDialog('purchase')}>
                {t('c360.actions.purchase')}
              </DropdownMenu.Item>
              {personal ? (
                <DropdownMenu.Item className="menu__item" onSelect={() => setDialog('gift')}>
                  {t('c360.actions.gift')}
                </DropdownMenu.Item>
              ) : null}
              <DropdownMenu.Separator className="menu__rule" />
              <DropdownMenu.Item className="menu__item" asChild>
                <Link to={`/clients/${client.id}/edit`}>{t('c360.actions.edit')}</Link>
              </DropdownMenu.Item>
              <DropdownMenu.Item className={`menu__item${archived ? '' : ' menu__item--danger'}`} onSelect={() => setDialog('archive')}>
                {archived ? t('c360.actions.restore') : t('c360.actions.archive')}
              </DropdownMenu.Item>
            </DropdownMenu.Content>
          </DropdownMenu.Portal>
        </DropdownMenu.Root>
      )}
      <AppointmentDialog clientId={client.id} open={dialog === 'appointment'} onOpenChange={opener('appointment')} />
      <AfterSalesDialog clientId={client.id} open={dialog === 'afterSales'} onOpenChange={opener('afterSales')} />
      <PurchaseDialog clientId={client.id} open={dialog === 'purchase'} onOpenChange={opener('purchase')} />
      {personal ? <GiftDialog clientId={client.id} open={dialog === 'gift'} onOpenChange={opener('gift')} /> : null}
      <ArchiveDialog clientId={client.id} open={dialog === 'archive'} onOpenChange={opener('archive')} />
    </div>
  );
}

function ClientSummaryView({ client }: { client: ClientSummary }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const consents = useClientConsents(client.id);
  const settings = usePrivacySettings();
  const full = useClient360(client.id);
  const c360 = full.data;
  const archivedAt = c360?.details.archivedAt ?? null;
  const queryClient = useQueryClient();
  // A change of consent (recorded on this page) changes what the 360 may show: ask again, and
  // meanwhile leave out at once what the summary says is now hidden.
  const consentState = `${client.status}|${client.personalisation}|${client.relationshipMapping}|${JSON.stringify(client.consents)}`;
  const seenConsents = useRef(consentState);
  useEffect(() => {
    if (seenConsents.current === consentState) return;
    seenConsents.current = consentState;
    void queryClient.invalidateQueries({ queryKey: ['clients', '360', client.id] });
    void queryClient.invalidateQueries({ queryKey: ['clients', 'timeline', client.id] });
  }, [consentState, client.id, queryClient]);
  const personal = client.personalisation;
  const mapped = client.relationshipMapping;
  const hidden = client.preferences === null && client.moments === null;
  const years = client.clientSince ? format.yearsSince(client.clientSince) : null;
  const context = grammaticalContext(client.honorific);
  const place = [client.city, client.country ? format.region(client.country) : null].filter(Boolean).join(', ');
  const counts = [
    { key: 'purchases', value: client.counts.purchases },
    { key: 'interactions', value: client.counts.interactions },
    { key: 'openAfterSales', value: client.counts.openAfterSales },
    // Null (hidden) when relationship mapping is not granted: a dash, never a misleading 0.
    { key: 'people', value: client.categoryCounts.relations },
  ] as const;

  return (
    <article className="client" aria-labelledby="client-name">
      <header className="client__header">
        <p className="eyebrow client__eyebrow">
          {client.tier ? <span className="client__tier">{t(`tiers.${client.tier}`, { defaultValue: client.tier })}</span> : null}
          {client.status === 'restricted' ? <span className="badge">{t('clients.restricted')}</span> : null}
          {archivedAt ? <span className="badge">{t('c360.archivedSince', { date: format.longDate(archivedAt.slice(0, 10)) })}</span> : null}
        </p>
        <div className="client__title-row">
          <h1 id="client-name" className="display display--xl client__name">
            <ClientName client={client} />
          </h1>
          <ClientActions client={client} archived={archivedAt !== null} />
        </div>
        <p className="client__subline">
          {place ? <span>{place}</span> : null}
          {place && client.clientSince ? (
            <span className="dot" aria-hidden="true">
              ·
            </span>
          ) : null}
          {client.clientSince ? <span>{t('client.sinceLine', { date: format.monthYear(client.clientSince), context })}</span> : null}
        </p>
      </header>

      {client.status === 'restricted' ? (
        <Notice tone="info" role="note" title={t('client.restricted.title')} className="client__restricted">
          <p>{t('client.restricted.body')}</p>
        </Notice>
      ) : null}

      {/* The figures and the ways to reach the client share the left column, beside the particulars. */}
      <div className="client__left">
        <section className="client__figures" aria-labelledby="client-relationship">
          <h2 id="client-relationship" className="section-label">
            {t('client.relationship')}
          </h2>
          <dl className="figures">
            {counts.map(({ key, value }) => (
              <div key={key} className={`figure${key === 'openAfterSales' && value !== null && value > 0 ? ' figure--attention' : ''}`}>
                <dt className="figure__label">{value === null ? t(`client.counts.${key}Hidden`) : t(`client.counts.${key}`, { count: value })}</dt>
                <dd className="figure__value">{value === null ? <span aria-label={t('c360.hidden')}>—</span> : format.number(value)}</dd>
              </div>
            ))}
          </dl>
        </section>
        <ContactsSection clientId={client.id} />
      </div>

      <section className="client__facts" aria-labelledby="client-particulars">
        <h2 id="client-particulars" className="section-label">
          {t('client.particulars')}
        </h2>
        <dl className="facts">
          <Fact label={t('client.facts.clientSince', { context })}>
            {client.clientSince ? (
              <>
                <time dateTime={client.clientSince}>{format.longDate(client.clientSince)}</time>
                {years !== null ? (
                  <span className="fact__aside">{years === 0 ? t('client.lessThanAYear') : t('client.years', { count: years })}</span>
                ) : null}
              </>
            ) : (
              <NotRecorded />
            )}
          </Fact>
          <Fact label={t('client.facts.lastContact')}>
            {client.lastContactAt ? (
              <>
                <RelativeTime instant={client.lastContactAt} />
                <span className="fact__aside">{format.instantDate(client.lastContactAt)}</span>
              </>
            ) : (
              <span className="muted">{t('clients.noContact')}</span>
            )}
          </Fact>
          <Fact label={t('client.facts.lastPurchase')}>
            {client.lastPurchaseAt ? (
              <>
                <RelativeTime instant={client.lastPurchaseAt} />
                <span className="fact__aside">{format.instantDate(client.lastPurchaseAt)}</span>
              </>
            ) : (
              <span className="muted">{t('client.noPurchase')}</span>
            )}
          </Fact>
          <Fact label={t('client.facts.preferredChannel')}>
            {client.preferredChannel ? t(`channels.${client.preferredChannel}`, { defaultValue: client.preferredChannel }) : <NotRecorded />}
          </Fact>
          <Fact label={t('client.facts.language')}>{client.language ? format.language(client.language) : <NotRecorded />}</Fact>
          <Fact label={t('client.facts.place')}>{place || <NotRecorded />}</Fact>
          {c360?.relationship.advisor ? <Fact label={t('c360.advisor')}>{c360.relationship.advisor.displayName}</Fact> : null}
          {c360 && c360.relationship.spend && c360.relationship.spend.length > 0 ? (
            <Fact label={t('c360.spend')}>
              {c360.relationship.spend.map((s) => (
                <span key={s.currency} className="fact__money" data-private="">
                  {formatMoney(format.locale, s.amountMinor, s.currency)}
                </span>
              ))}
            </Fact>
          ) : null}
        </dl>
      </section>

      {hidden ? (
        <HiddenPortrait client={client} consents={consents.data} graceDays={settings.data?.purgeGraceDays} />
      ) : (
        <>
          {client.preferences ? (
            <PreferencesSection preferences={client.preferences} total={client.categoryCounts.preferences} />
          ) : (
            <HiddenPortrait client={client} consents={consents.data} graceDays={settings.data?.purgeGraceDays} />
          )}
          {client.moments ? (
            <MomentsSection moments={client.moments} total={client.categoryCounts.moments} />
          ) : (
            <HiddenPortrait client={client} consents={consents.data} graceDays={settings.data?.purgeGraceDays} />
          )}
        </>
      )}

      {c360 ? (
        <>
          <CircleSection clientId={client.id} circle={mapped ? c360.circle : null} />
          <div className="client__side">
            <AppointmentsSection clientId={client.id} appointments={c360.upcomingAppointments} />
            <UpcomingSection moments={personal ? c360.upcomingMoments : null} />
            <AfterSalesSection cases={c360.openAfterSales} />
            <GiftsSection gifts={personal ? c360.gifts : null} limit={5} />
          </div>
        </>
      ) : full.isError ? (
        <Notice tone="error" role="alert" className="client__wide">
          <p>{errorMessage(t, full.error)}</p>
        </Notice>
      ) : (
        <div className="client__wide">
          <ProgressLine label={t('client.loading')} />
        </div>
      )}

      <Timeline clientId={client.id} withhold={personal ? [] : ['moment', 'gift']} aside={<QuickCapture clientId={client.id} disabled={client.status === 'restricted'} />} />

      <ConsentsPanel client={client} consents={consents} />
    </article>
  );
}

export function ClientPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('titles.client'));
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const client = useClient(id);
  const backTo = `/clients${listMemory.search}`;

  useEffect(() => {
    window.scrollTo(0, 0);
  }, [id]);

  // Escape returns to the list, where the focus comes back to this client's row.
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent): void {
      if (event.defaultPrevented) return;
      const target = event.target;
      if (target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
      if (document.querySelector('[role="dialog"], [role="alertdialog"]')) return;
      if (event.key.toLowerCase() === 'b' && !event.ctrlKey && !event.metaKey && !event.altKey && client.isSuccess) {
        event.preventDefault();
        void navigate(`/clients/${id}/brief`);
        return;
      }
      if (event.key !== 'Escape') return;
      listMemory.lastOpenedId = id;
      void navigate(backTo);
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [backTo, id, navigate, client.isSuccess]);

  let content;
  if (client.isPending) {
    content = <ProgressLine label={t('client.loading')} />;
  } else if (client.isError) {
    content = <ClientUnavailable error={client.error} onRetry={() => void client.refetch()} backTo={backTo} />;
  } else {
    content = <ClientSummaryView client={client.data} />;
  }

  return (
    <div className="page page--wide page--client">
      <nav className="breadcrumb" aria-label={t('client.breadcrumb')}>
        <Link to={backTo} className="back-link" onClick={() => {
            listMemory.lastOpenedId = id;
          }}>
          <span aria-hidden="true">← </span>
          {t('client.back')}
        </Link>
        <span className="breadcrumb__hint" aria-hidden="true">
          Esc
        </span>
      </nav>
      {content}
    </div>
  );
}
