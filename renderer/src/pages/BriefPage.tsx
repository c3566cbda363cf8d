/**
 * The appointment brief: one screen to read before the client walks in, and to print (A4, the
 * brief alone). What to remember, what never to raise, sizes, the last three conversations, the
 * after-sales cases open, the moments of the next 30 days and the gifts already given.
 */
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { invoke, isCarnetError } from '../api/client';
import { errorMessage } from '../api/errors';
import { useClientBrief } from '../api/queries';
import { Button } from '../components/Button';
import { ClientName, grammaticalContext } from '../components/ClientName';
import { ClientUnavailable } from '../components/ClientUnavailable';
import { Notice } from '../components/Notice';
import { ProgressLine } from '../components/ProgressLine';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { useEscapeBack } from '../components/useEscapeBack';
import { useFormatters } from '../i18n/format';
import { AfterSalesSection, GiftsSection, PrefLine, UpcomingSection } from './client/Around';
import type { Brief } from './client/c360';
import { relationLabel } from '../components/relationLabel';

function Part({ id, title, className, children }: { id: string; title: string; className?: string; children: ReactNode }) {
  return (
    <section className={['brief__part', className ?? ''].filter(Boolean).join(' ')} aria-labelledby={id}>
      <h2 id={id} className="section-label brief__label">
        {title}
      </h2>
      {children}
    </section>
  );
}

function Empty({ children }: { children: ReactNode }) {
  return <p className="client__empty">{children}</p>;
}

function NoteLine({ at, kind, channel, note }: { at: string; kind: string; channel: string | null; note: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <li className="brief__note">
      <p className="brief__note-meta">
        <time dateTime={at}>{format.instantDate(at)}</time>
        <span className="dot" aria-hidden="true">
          ·
        </span>
        {t(`c360.timeline.interaction.${kind}`)}
        {channel ? (
          <>
            <span className="dot" aria-hidden="true">
              ·
            </span>
            {t(`c360.timeline.where.${channel}`, { defaultValue: channel })}
          </>
        ) : null}
      </p>
      <p className="brief__note-text" data-private="">
        {note}
      </p>
    </li>
  );
}

/** Tastes by domain, in the order the core gave them: "Materials — alligator, matt · yellow gold". */
function byDomain(preferences: NonNullable<Brief['remember']['preferences']>): [string, string[]][] {
  const groups = new Map<string, string[]>();
  for (const p of preferences) groups.set(p.domain, [...(groups.get(p.domain) ?? []), p.value]);
  return [...groups.entries()];
}

function BriefView({ brief }: { brief: Brief }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const c = brief.client;
  const context = grammaticalContext(c.honorific);
  const dnr = brief.doNotRaise;
  const quiet = dnr.notes.length + (dnr.endedRelations?.length ?? 0) + (dnr.quietMoments?.length ?? 0);
  const next = brief.nextAppointment;

  return (
    <article className="brief" aria-labelledby="brief-name">
      <header className="brief__header">
        <p className="eyebrow brief__eyebrow">
          {t('brief.eyebrow')}
          {c.tier ? <span className="client__tier">{t(`tiers.${c.tier}`, { defaultValue: c.tier })}</span> : null}
        </p>
        <h1 id="brief-name" className="display display--lg brief__name">
          <ClientName client={c} />
        </h1>
        <p className="brief__subline">
          {[
            c.city,
            c.language ? format.language(c.language) : null,
            c.clientSince ? t('client.sinceLine', { date: format.monthYear(c.clientSince), context }) : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </p>
        <p className="brief__prepared">
          {t('brief.prepared', { date: format.instantDateTime(brief.generatedAt) })}
          {next ? (
            <>
              <span className="dot" aria-hidden="true">
                ·
              </span>
              {t('brief.nextLine', { when: `${format.instantDateTime(next.startsAt)} — ${t(`c360.timeline.where.${next.place}`)}` })}
              {next.purpose ? ` — ${next.purpose}` : ''}
            </>
          ) : null}
        </p>
      </header>

      <Part id="brief-remember" title={t('brief.remember')} className="brief__remember">
        {brief.remember.notes.length === 0 ? (
          <Empty>{t('brief.rememberEmpty')}</Empty>
        ) : (
          <ol className="brief__notes">
            {brief.remember.notes.map((n) => (
              <NoteLine key={n.interactionId} at={n.occurredAt} kind={n.kind} channel={n.channel} note={n.note} />
            ))}
          </ol>
        )}
        {brief.remember.preferences && brief.remember.preferences.length > 0 ? (
          <>
            <h3 className="brief__sub">{t('brief.tastes')}</h3>
            <dl className="person__prefs brief__prefs">
              {byDomain(brief.remember.preferences).map(([domain, values]) => (
                <div key={domain} className="person__pref">
                  <dt>{t(`client.preferences.domains.${domain}`, { defaultValue: domain })}</dt>
                  <dd>{values.join(' · ')}</dd>
                </div>
              ))}
            </dl>
          </>
        ) : null}
      </Part>

      <Part id="brief-quiet" title={t('brief.doNotRaise')} className="brief__quiet">
        <p className="brief__quiet-intro">{t('brief.doNotRaiseIntro')}</p>
        {quiet === 0 ? (
          <Empty>{t('brief.doNotRaiseEmpty')}</Empty>
        ) : (
          <ol className="brief__notes">
            {dnr.notes.map((n) => (
              <NoteLine key={n.interactionId} at={n.occurredAt} kind={n.kind} channel={n.channel} note={n.note} />
            ))}
            {(dnr.endedRelations ?? []).map((r) => (
              <li key={r.personId} className="brief__note">
                <p className="brief__note-text" data-private="">
                  {r.until
                    ? t('brief.endedUntil', { name: `${r.firstName} ${r.lastName}`, label: r.label ?? '', date: /^\d{4}-\d{2}-\d{2}$/.test(r.until) ? format.longDate(r.until) : r.until })
                    : t('brief.ended', { name: `${r.firstName} ${r.lastName}`, label: r.label ?? '' })}
                </p>
              </li>
            ))}
            {(dnr.quietMoments ?? []).map((m) => (
              <li key={m.id} className="brief__note">
                <p className="brief__note-meta">{/^\d{4}-/.test(m.date) ? format.longDate(m.date) : format.dayMonth(m.date)}</p>
                <p className="brief__note-text" data-private="">
                  {t(`client.moments.kinds.${m.kind}`, { defaultValue: m.kind })}
                  {m.label ? ` — ${m.label}` : ''}
                </p>
              </li>
            ))}
          </ol>
        )}
      </Part>

      <Part id="brief-sizes" title={t('brief.sizes')} className="brief__sizes">
        {brief.sizes.own === null ? (
          <Empty>{t('brief.hidden')}</Empty>
        ) : brief.sizes.own.length === 0 && (brief.sizes.circle ?? []).length === 0 ? (
          <Empty>{t('brief.sizesEmpty')}</Empty>
        ) : (
          <>
            {brief.sizes.own.length > 0 ? (
              <dl className="person__prefs">
                {brief.sizes.own.map((p) => (
                  <PrefLine key={p.id} p={p} sizes />
                ))}
              </dl>
            ) : null}
            {(brief.sizes.circle ?? [])
              .filter((m) => m.sizes.length > 0)
              .map((m) => (
                <div key={m.personId} className="brief__circle-sizes">
                  <h3 className="brief__sub" data-private="">
                    {m.firstName} {m.lastName}
                    {m.relationLabel ? <span className="muted"> — {relationLabel(t, m.relationLabel)}</span> : null}
                  </h3>
                  <dl className="person__prefs">
                    {m.sizes.map((p) => (
                      <PrefLine key={p.id} p={p} sizes />
                    ))}
                  </dl>
                </div>
              ))}
          </>
        )}
      </Part>

      <Part id="brief-conversations" title={t('brief.conversations')} className="brief__conversations">
        {brief.lastConversations.length === 0 ? (
          <Empty>{t('brief.conversationsEmpty')}</Empty>
        ) : (
          <ol className="brief__notes">
            {brief.lastConversations.map((i) => (
              <NoteLine key={i.id} at={i.occurredAt} kind={i.kind} channel={i.channel} note={i.note ?? t('c360.timeline.noNote')} />
            ))}
          </ol>
        )}
      </Part>

      <div className="brief__part brief__stack">
        <AfterSalesSection id="brief-aftersales" title={t('brief.afterSales')} cases={brief.openAfterSales} />
        <UpcomingSection id="brief-moments" title={t('brief.momentsSoon')} empty={t('brief.momentsEmpty')} moments={brief.momentsSoon} />
      </div>
      <div className="brief__part brief__gifts">
        <GiftsSection id="brief-gifts" title={t('brief.gifts')} gifts={brief.giftsGiven} limit={9} />
      </div>
    </article>
  );
}

/**
 * "Print" and "Save as PDF" both ask the core first: a brief on paper or in a file is a copy
 * outside the book, so it is an export (audited; refused for a restricted client). For a PDF the
 * core allows the export (and audits it), then the desktop app renders this
 * page with printToPDF and asks where to save it. Where no PDF printer is on the host's side (the
 * browser harness), the core answers `allowed` and the page opens the browser's print dialog,
 * which can save a PDF too. A saved PDF is a copy outside the encrypted book: the notice says so.
 */
function useBriefExport(clientId: string) {
  const [outcome, setOutcome] = useState<'saved' | null>(null);
  const mutation = useMutation({
    mutationFn: (to: 'pdf' | 'printer') => invoke('io.exportBrief', { clientId, to }),
    onMutate: () => setOutcome(null),
    onSuccess: (value) => {
      if (value.outcome === 'allowed') window.print();
      else if (value.outcome === 'saved') setOutcome('saved');
    },
  });
  return { ...mutation, saved: outcome === 'saved' };
}

export function BriefPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('titles.brief'));
  const { id = '' } = useParams();
  const brief = useClientBrief(id);
  const exportPdf = useBriefExport(id);
  const back = `/clients/${id}`;

  useEffect(() => {
    window.scrollTo(0, 0);
  }, [id]);

  useEscapeBack(back);

  // Ctrl/⌘+P prints the brief through the core too (an export, audited; refused when restricted),
  // instead of the browser printing the page behind the core's back.
  const printViaCore = exportPdf.mutate;
  const loaded = brief.isSuccess;
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent): void {
      if (event.key.toLowerCase() !== 'p' || !(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      event.preventDefault();
      if (loaded) printViaCore('printer');
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [loaded, printViaCore]);

  let content: ReactNode;
  if (brief.isPending) {
    content = <ProgressLine label={t('brief.loading')} />;
  } else if (brief.isError) {
    content = <ClientUnavailable error={brief.error} onRetry={() => void brief.refetch()} backTo="/clients" />;
  } else {
    content = <BriefView brief={brief.data} />;
  }

  return (
    <div className="page page--wide page--brief">
      <nav className="breadcrumb brief__nav" aria-label={t('client.breadcrumb')}>
        <Link to={back} className="back-link">
          <span aria-hidden="true">← </span>
          {t('brief.back')}
        </Link>
        <span className="breadcrumb__hint" aria-hidden="true">
          Esc
        </span>
        <span className="brief__spacer" />
        {brief.isSuccess ? (
          <>
            <Button variant="quiet" disabled={exportPdf.isPending} onClick={() => exportPdf.mutate('printer')}>
              {t('brief.print')}
            </Button>
            <Button variant="secondary" busy={exportPdf.isPending && exportPdf.variables === 'pdf'} busyLabel={t('brief.pdf.saving')} onClick={() => exportPdf.mutate('pdf')}>
              {t('brief.pdf.save')}
            </Button>
          </>
        ) : null}
      </nav>
      {exportPdf.saved ? (
        <Notice tone="success" role="status" className="brief__exported" title={t('brief.pdf.saved')}>
          <p>{t('brief.pdf.outside')}</p>
        </Notice>
      ) : null}
      {exportPdf.isError ? (
        <Notice tone="error" role="alert" className="brief__exported">
          <p>{isCarnetError(exportPdf.error, 'RESTRICTED') ? t('brief.pdf.restricted') : errorMessage(t, exportPdf.error)}</p>
        </Notice>
      ) : null}
      {content}
    </div>
  );
}
