import * as AlertDialog from '@radix-ui/react-alert-dialog';
import i18next from 'i18next';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditListEntry, DataCategory, PendingPurge, Purpose, RecordSection } from '../../api/contract';
import { errorMessage } from '../../api/errors';
import {
  useAuditLog,
  useAuditVerification,
  useClientDirectory,
  usePendingPurges,
  usePrivacyRequests,
  usePrivacySettings,
  useRecordOfProcessing,
  useRetentionDue,
  useRunPurge,
  useSetPurgeGrace,
} from '../../api/queries';
import { Button } from '../../components/Button';
import { Notice } from '../../components/Notice';
import { PageSection } from '../../components/PageSection';
import { ProgressLine } from '../../components/ProgressLine';
import { ShortId } from '../../components/ShortId';
import { frenchSpacing, useFormatters } from '../../i18n/format';
import { categoryList, ClientLink, Failed, useNow } from './common';

// ——— At a glance

/**
 * The order the page reads in: the registers first, then the audit chain is verified, then its
 * latest entries are listed — so the count verified covers the page's own reads, and the list
 * shows the verification itself at its top.
 */
function useAuditInOrder() {
  const reads = [usePendingPurges(), useRetentionDue(), usePrivacyRequests(), usePrivacySettings()];
  const verify = useAuditVerification(reads.every((q) => q.isFetched));
  const log = useAuditLog(verify.isFetched);
  return { verify, log };
}

export function GlanceSection() {
  const { t } = useTranslation();
  const format = useFormatters();
  const { verify } = useAuditInOrder();
  const purges = usePendingPurges();
  const retention = useRetentionDue();
  const requests = usePrivacyRequests();
  const purgeClients = purges.data ? new Set(purges.data.items.map((i) => i.clientId)).size : null;
  const dueClients = retention.data ? new Set(retention.data.items.map((i) => i.clientId)).size : null;
  const open = requests.data ? requests.data.items.filter((r) => r.status === 'open').length : null;
  const overdueRequests = requests.data ? requests.data.items.filter((r) => r.overdue).length : 0;
  const intact = verify.data?.valid;
  const figure = (value: number | null) => (value === null ? <span className="muted">—</span> : format.number(value));

  return (
    <section className="privacy__glance" aria-labelledby="privacy-glance">
      <h2 id="privacy-glance" className="visually-hidden">
        {t('privacy.glance.title')}
      </h2>
      <dl className="figures figures--glance">
        <div className={`figure${intact === false ? ' figure--attention' : ''}`}>
          <dt className="figure__label">
            {verify.data ? t('privacy.glance.audit', { count: verify.data.entries, formatted: format.number(verify.data.entries) }) : t('privacy.glance.auditPending')}
          </dt>
          <dd className="figure__value figure__value--word">
            {intact === undefined ? <span className="muted">—</span> : intact ? t('privacy.glance.intact') : t('privacy.glance.broken')}
          </dd>
        </div>
        <div className="figure">
          <dt className="figure__label">{t('privacy.glance.purges', { count: purgeClients ?? 0 })}</dt>
          <dd className="figure__value">{figure(purgeClients)}</dd>
        </div>
        <div className="figure">
          <dt className="figure__label">{t('privacy.glance.retention', { count: dueClients ?? 0 })}</dt>
          <dd className="figure__value">{figure(dueClients)}</dd>
        </div>
        <div className={`figure${overdueRequests > 0 ? ' figure--attention' : ''}`}>
          <dt className="figure__label">{t('privacy.glance.requests', { count: open ?? 0 })}</dt>
          <dd className="figure__value">{figure(open)}</dd>
        </div>
      </dl>
    </section>
  );
}

// ——— Awaiting purge

interface PurgeRow {
  clientId: string;
  purpose: Purpose;
  dueAt: string;
  categories: DataCategory[];
}

function purgeRows(items: readonly PendingPurge[]): PurgeRow[] {
  const rows = new Map<string, PurgeRow>();
  for (const item of items) {
    const key = `${item.clientId}:${item.purpose}`;
    const row = rows.get(key);
    if (row) {
      row.categories.push(item.category);
      if (item.dueAt < row.dueAt) row.dueAt = item.dueAt;
    } else {
      rows.set(key, { clientId: item.clientId, purpose: item.purpose, dueAt: item.dueAt, categories: [item.category] });
    }
  }
  return [...rows.values()].sort((a, b) => a.dueAt.localeCompare(b.dueAt));
}

const PURGES_SHOWN = 12;

/** Deletes, for good and at once, what is past its grace period — after the advisor confirms. */
interface PurgeOutcome {
  clients: number;
  waiting: number;
}

function PurgeNow({ clients, onDone }: { clients: number; onDone: (outcome: PurgeOutcome) => void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const run = useRunPurge();
  const [open, setOpen] = useState(false);

  function confirm(): void {
    run.mutate(undefined, {
      onSuccess: (value) => {
        setOpen(false);
        onDone({
          clients: new Set(value.purged.map((p) => p.clientId)).size,
          waiting: new Set(value.waiting.map((p) => p.clientId)).size,
        });
      },
    });
  }

  return (
    <>
      <AlertDialog.Root open={open} onOpenChange={(next) => !run.isPending && setOpen(next)}>
        <AlertDialog.Trigger asChild>
          <Button variant="secondary" className="button--danger-quiet">
            {t('privacy.purges.run.open', { count: clients, formatted: format.number(clients) })}
          </Button>
        </AlertDialog.Trigger>
        <AlertDialog.Portal>
          <AlertDialog.Overlay className="confirm-dialog__overlay" />
          <AlertDialog.Content className="confirm-dialog">
            <span className="confirm-dialog__ornament" aria-hidden="true" />
            <AlertDialog.Title className="confirm-dialog__title">{t('privacy.purges.run.title')}</AlertDialog.Title>
            <AlertDialog.Description className="confirm-dialog__body">
              {t('privacy.purges.run.body', { count: clients, formatted: format.number(clients) })}
            </AlertDialog.Description>
            {run.isError ? (
              <Notice tone="error" role="alert">
                {errorMessage(t, run.error)}
              </Notice>
            ) : null}
            <div className="form__actions">
              <Button variant="primary" className="button--danger" busy={run.isPending} busyLabel={t('privacy.purges.run.running')} onClick={confirm}>
                {t('privacy.purges.run.confirm')}
              </Button>
              <AlertDialog.Cancel asChild>
                <Button variant="quiet" disabled={run.isPending}>
                  {t('common.cancel')}
                </Button>
              </AlertDialog.Cancel>
            </div>
          </AlertDialog.Content>
        </AlertDialog.Portal>
      </AlertDialog.Root>
    </>
  );
}

export function PurgesSection() {
  const { t } = useTranslation();
  const format = useFormatters();
  const purges = usePendingPurges();
  const [all, setAll] = useState(false);
  const rows = purges.data ? purgeRows(purges.data.items) : [];
  const directory = useClientDirectory(rows.map((r) => r.clientId));
  const clients = new Set(rows.map((r) => r.clientId)).size;
  const shown = all ? rows : rows.slice(0, PURGES_SHOWN);
  const now = Date.now();
  const overdue = rows.filter((r) => Date.parse(r.dueAt) <= now);
  const [outcome, setOutcome] = useState<PurgeOutcome | null>(null);

  let body: ReactNode;
  if (purges.isPending) body = <ProgressLine label={t('privacy.purges.loading')} />;
  else if (purges.isError) body = <Failed error={purges.error} retry={purges.refetch} />;
  else if (rows.length === 0) body = <p className="privacy__statement">{t('privacy.purges.none')}</p>;
  else
    body = (
      <>
        <p className="privacy__statement">{t('privacy.purges.count', { count: clients, formatted: format.number(clients) })}</p>
        <table className="ledger purges" aria-labelledby="privacy-purges">
          <thead>
            <tr>
              <th scope="col">{t('privacy.purges.columns.client')}</th>
              <th scope="col">{t('privacy.purges.columns.what')}</th>
              <th scope="col">{t('privacy.purges.columns.when')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => {
              const client = directory.data?.[row.clientId];
              const late = Date.parse(row.dueAt) <= now;
              return (
                <tr key={`${row.clientId}:${row.purpose}`}>
                  <th scope="row" className="ledger__name">
                    <ClientLink id={row.clientId} client={client} />
                  </th>
                  <td>
                    <span className="ledger__main">{categoryList(row.categories, format.locale)}</span>
                    <span className="ledger__aside">{t('privacy.purges.withdrawn', { purpose: t(`purposes.${row.purpose}`) })}</span>
                  </td>
                  <td className="ledger__when">
                    <span className={`ledger__main${late ? ' ledger__main--due' : ''}`}>
                      {late ? t('privacy.purges.overdue') : format.relative(row.dueAt)}
                    </span>
                    <time className="ledger__aside" dateTime={row.dueAt}>
                      {late ? t('privacy.purges.dueSince', { date: format.instantDate(row.dueAt) }) : format.instantDate(row.dueAt)}
                    </time>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <div className="ledger__footer">
          {rows.length > PURGES_SHOWN ? (
            <Button variant="secondary" onClick={() => setAll((v) => !v)} aria-expanded={all}>
              {all ? t('privacy.purges.fewer') : t('privacy.purges.all', { count: rows.length, formatted: format.number(rows.length) })}
            </Button>
          ) : null}
          {overdue.length > 0 ? <PurgeNow clients={new Set(overdue.map((r) => r.clientId)).size} onDone={setOutcome} /> : null}
        </div>
      </>
    );

  return (
    <PageSection
      id="privacy-purges"
      title={t('privacy.purges.title')}
      className="privacy__section"
      aside={<p className="settings__text">{t('privacy.purges.body')}</p>}
    >
      {body}
      <p className="settings__saved" role="status">
        {outcome
          ? [
              t('privacy.purges.run.done', { count: outcome.clients, formatted: format.number(outcome.clients) }),
              outcome.waiting > 0 ? t('privacy.purges.run.waiting', { count: outcome.waiting, formatted: format.number(outcome.waiting) }) : '',
            ].join(' ')
          : ''}
      </p>
    </PageSection>
  );
}

// ——— Grace period

const GRACE_CHOICES = [7, 14, 30, 60, 90] as const;

export function GraceSection() {
  const { t } = useTranslation();
  const format = useFormatters();
  const settings = usePrivacySettings();
  const save = useSetPurgeGrace();
  const [chosen, setChosen] = useState<number | null>(null);
  const days = settings.data?.purgeGraceDays ?? null;
  const selected = chosen ?? days;
  const choices: number[] =
    days !== null && !(GRACE_CHOICES as readonly number[]).includes(days) ? [...GRACE_CHOICES, days].sort((a, b) => a - b) : [...GRACE_CHOICES];

  function choose(value: number): void {
    if (value === selected) return;
    setChosen(value);
    save.mutate(value, { onError: () => setChosen(null), onSuccess: () => setChosen(null) });
  }

  return (
    <PageSection
      id="privacy-grace"
      title={t('privacy.grace.title')}
      className="privacy__section"
      aside={
        <p id="privacy-grace-body" className="settings__text">
          {t('privacy.grace.body')}
        </p>
      }
    >
      {settings.isError ? (
        <Failed error={settings.error} retry={settings.refetch} />
      ) : (
        <fieldset className="interval" aria-describedby="privacy-grace-body">
          <legend className="field__label interval__legend">{t('privacy.grace.legend')}</legend>
          <div className="interval__options">
            {choices.map((value) => (
              <label key={value} className="interval__option">
                <input type="radio" name="purge-grace" value={value} checked={selected === value} onChange={() => choose(value)} />
                <span className="interval__value">{format.number(value)}</span>{' '}
                <span className="interval__unit">{t('privacy.grace.unit', { count: value })}</span>
              </label>
            ))}
          </div>
        </fieldset>
      )}
      <p className="settings__saved" role="status">
        {save.isSuccess ? t('privacy.grace.saved', { count: save.data.purgeGraceDays }) : ''}
      </p>
      {save.isError ? (
        <Notice tone="error" role="alert">
          {errorMessage(t, save.error)}
        </Notice>
      ) : null}
    </PageSection>
  );
}

// ——— Audit log

function actionWords(action: string): string {
  const key = `privacy.audit.actions.${action}`;
  return i18next.exists(key) && typeof i18next.t(key) === 'string' ? i18next.t(key) : action;
}

function Targets({ ids }: { ids: readonly string[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  if (ids.length === 0) {
    return (
      <>
        <span className="muted" aria-hidden="true">
          —
        </span>
        <span className="visually-hidden">{t('privacy.audit.noTarget')}</span>
      </>
    );
  }
  const first = ids.slice(0, ids.length > 2 ? 1 : 2);
  const rest = ids.length - first.length;
  return (
    <span className="audit__targets">
      {first.map((id) => (
        <ShortId key={id} id={id} />
      ))}
      {rest > 0 ? <span className="muted">{t('privacy.audit.others', { count: rest, formatted: format.number(rest) })}</span> : null}
    </span>
  );
}

function Verdict() {
  const { t } = useTranslation();
  const format = useFormatters();
  const { verify, log } = useAuditInOrder();
  const now = useNow(30_000);

  if (verify.isPending) return <ProgressLine label={t('privacy.audit.verifying')} />;
  if (verify.isError) return <Failed error={verify.error} retry={verify.refetch} />;
  const { valid, entries, firstBrokenSeq } = verify.data;
  const age = now - verify.dataUpdatedAt;
  const when = age < 60_000 ? t('privacy.audit.justNow') : format.relative(new Date(verify.dataUpdatedAt).toISOString(), now);

  return (
    <div className={`verdict verdict--${valid ? 'intact' : 'broken'}`} role={valid ? 'status' : 'alert'}>
      <p className="verdict__line">
        {valid
          ? t('privacy.audit.intact', { count: entries, formatted: format.number(entries), when })
          : t('privacy.audit.broken', { seq: format.number(firstBrokenSeq ?? 0), when })}
      </p>
      {valid ? null : <p className="verdict__hint">{t('privacy.audit.brokenHint')}</p>}
      <div className="verdict__actions">
        <Button
          variant="secondary"
          busy={verify.isFetching}
          busyLabel={t('privacy.audit.verifying')}
          onClick={() => {
            // The chain first, then the latest entries, which show this verification at the top.
            void verify.refetch().then(() => log.refetch());
          }}
        >
          {t('privacy.audit.verify')}
        </Button>
      </div>
    </div>
  );
}

export function AuditSection() {
  const { t } = useTranslation();
  const format = useFormatters();
  const { log } = useAuditInOrder();
  const entries: AuditListEntry[] = log.data?.pages.flatMap((p) => p.entries) ?? [];

  let table: ReactNode;
  if (log.isPending) table = <ProgressLine label={t('privacy.audit.loading')} />;
  else if (log.isError && entries.length === 0) table = <Failed error={log.error} retry={log.refetch} />;
  else
    table = (
      <>
        <table className="ledger audit" aria-labelledby="privacy-audit-latest">
          <thead>
            <tr>
              <th scope="col" className="audit__seq">
                <abbr title={t('privacy.audit.columns.entryLong')}>{t('privacy.audit.columns.entry')}</abbr>
              </th>
              <th scope="col">{t('privacy.audit.columns.when')}</th>
              <th scope="col">{t('privacy.audit.columns.what')}</th>
              <th scope="col">{t('privacy.audit.columns.about')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.seq} className={e.outcome === 'error' ? 'is-refused' : undefined}>
                <td className="audit__seq numeric">{format.number(e.seq)}</td>
                <td className="audit__when numeric">
                  <time dateTime={e.at} title={format.instantDateTime(e.at)}>
                    {format.shortDateTime(e.at)}
                  </time>
                </td>
                <td className="audit__what">
                  <span>{actionWords(e.action)}</span>
                  {e.outcome === 'error' ? <span className="badge audit__refused">{t('privacy.audit.refused')}</span> : null}
                </td>
                <td className="audit__about">
                  <Targets ids={e.targetIds} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {log.hasNextPage ? (
          <div className="ledger__footer">
            <Button variant="secondary" busy={log.isFetchingNextPage} busyLabel={t('privacy.audit.loading')} onClick={() => void log.fetchNextPage()}>
              {t('privacy.audit.older')}
            </Button>
          </div>
        ) : null}
      </>
    );

  return (
    <PageSection
      id="privacy-audit"
      title={t('privacy.audit.title')}
      className="privacy__section"
      aside={
        <>
          <p className="settings__text">{t('privacy.audit.body')}</p>
          <p className="settings__text settings__text--quiet">{t('privacy.audit.ids')}</p>
        </>
      }
    >
      <Verdict />
      <h3 id="privacy-audit-latest" className="section-label privacy__sublabel">
        {t('privacy.audit.latest')}
      </h3>
      {table}
    </PageSection>
  );
}

// ——— Record of processing

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

/** "Personalisation — Remembering…": the term set apart, as in a register. */
function Paragraph({ text }: { text: string }) {
  const split = text.indexOf(' — ');
  if (split > 0 && split <= 48) {
    return (
      <p className="record__paragraph record__paragraph--term">
        <span className="record__term">{text.slice(0, split)}</span>
        <span className="record__definition">{capitalise(text.slice(split + 3))}</span>
      </p>
    );
  }
  return <p className="record__paragraph">{text}</p>;
}

function RecordBody({ sections, locale }: { sections: readonly RecordSection[]; locale: 'en' | 'fr' }) {
  const typeset = (text: string): string => (locale === 'fr' ? frenchSpacing(text) : text);
  return (
    <ol className="record__sections">
      {sections.map((section, index) => (
        <li key={section.id} className="record__section" aria-labelledby={`record-${section.id}`}>
          <h3 id={`record-${section.id}`} className="record__heading">
            <span className="record__number" aria-hidden="true">
              {index + 1}
            </span>
            {typeset(section.title)}
          </h3>
          <div className="record__text">
            {section.paragraphs.map((p, i) => (
              <Paragraph key={i} text={typeset(p)} />
            ))}
          </div>
        </li>
      ))}
    </ol>
  );
}

export function RecordOfProcessing({ locale }: { locale: 'en' | 'fr' }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const record = useRecordOfProcessing(locale);

  return (
    <section className="record" aria-labelledby="privacy-record" lang={locale}>
      <header className="record__header">
        <div className="record__titles">
          <p className="eyebrow">{t('privacy.record.eyebrow')}</p>
          <h2 id="privacy-record" className="record__title">
            {t('privacy.record.title')}
          </h2>
          <p className="record__subtitle">
            {record.data ? t('privacy.record.subtitle', { date: format.instantDate(record.data.generatedAt) }) : '\u00a0'}
          </p>
        </div>
        <Button variant="secondary" className="record__print" onClick={() => window.print()} disabled={!record.data}>
          {t('privacy.record.print')}
        </Button>
      </header>
      {record.isPending ? (
        <ProgressLine label={t('privacy.record.loading')} />
      ) : record.isError ? (
        <Failed error={record.error} retry={record.refetch} />
      ) : (
        <>
          <RecordBody sections={record.data.sections} locale={locale} />
          <div className="record__signature" aria-hidden="true">
            <p>{t('privacy.record.signature.reviewed')}</p>
            <p>{t('privacy.record.signature.date')}</p>
            <p>{t('privacy.record.signature.sign')}</p>
          </div>
        </>
      )}
    </section>
  );
}
