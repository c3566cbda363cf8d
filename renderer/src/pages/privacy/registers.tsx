/**
 * Two registers of the Privacy page: data past its retention period, waiting for the advisor's
 * decision (keep it for another period, or delete it now), and the clients' requests to exercise
 * their rights, with the date each is due to be answered.
 */
import * as AlertDialog from '@radix-ui/react-alert-dialog';
import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrivacyRequest, RetentionDueItem } from '../../api/contract';
import { errorMessage } from '../../api/errors';
import { useClientDirectory, usePrivacyRequests, useRetentionDue, useRetentionReview } from '../../api/queries';
import { Button } from '../../components/Button';
import { fullName } from '../../components/ClientName';
import { Notice } from '../../components/Notice';
import { PageSection } from '../../components/PageSection';
import { ProgressLine } from '../../components/ProgressLine';
import { shortId } from '../../components/ShortId';
import { useFormatters } from '../../i18n/format';
import { ClientLink, Failed } from './common';

// ——— Due for review

const RETENTION_STEP = 10;

function itemKey(item: RetentionDueItem): string {
  return `${item.personId}:${item.category}`;
}

/** "kept 3 years after the last contact", "confirmed with the client every 2 years". */
function useRuleText(): (rule: RetentionDueItem['rule']) => string {
  const { t } = useTranslation();
  return (rule) => {
    const period =
      rule.months % 12 === 0 ? t('privacy.period.years', { count: rule.months / 12 }) : t('privacy.period.months', { count: rule.months });
    return t(`privacy.retention.rule.${rule.kind}`, { period });
  };
}

export function RetentionSection() {
  const { t } = useTranslation();
  const format = useFormatters();
  const due = useRetentionDue();
  const review = useRetentionReview();
  const ruleText = useRuleText();
  const [shown, setShown] = useState(RETENTION_STEP);
  const [deleting, setDeleting] = useState<RetentionDueItem | null>(null);
  const [outcome, setOutcome] = useState<string>('');
  const opener = useRef<HTMLElement | null>(null);
  const items = [...(due.data?.items ?? [])].sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  const directory = useClientDirectory(items.map((i) => i.clientId));
  const clients = new Set(items.map((i) => i.clientId)).size;

  const nameOf = (item: RetentionDueItem): string => {
    const client = directory.data?.[item.clientId];
    return client ? fullName(client) : t('privacy.purges.unknownClient', { id: shortId(item.clientId) });
  };
  const what = (item: RetentionDueItem): string =>
    item.subject === 'related' ? t('privacy.retention.related') : t(`categories.${item.category}`);

  function keep(item: RetentionDueItem): void {
    setOutcome('');
    review.mutate(
      { clientId: item.clientId, ...(item.subject === 'related' ? { personId: item.personId } : {}), category: item.category, decision: 'keep' },
      {
        onSuccess: (value) =>
          setOutcome(
            value.nextReviewAt
              ? t('privacy.retention.kept', { what: what(item).toLocaleLowerCase(format.locale), name: nameOf(item), date: format.instantDate(value.nextReviewAt) })
              : t('privacy.retention.keptNothing'),
          ),
      },
    );
  }

  function purge(): void {
    const item = deleting;
    if (!item) return;
    review.mutate(
      { clientId: item.clientId, ...(item.subject === 'related' ? { personId: item.personId } : {}), category: item.category, decision: 'purge' },
      {
        onSuccess: () => {
          setDeleting(null);
          setOutcome(t('privacy.retention.deleted', { what: what(item).toLocaleLowerCase(format.locale), name: nameOf(item) }));
        },
      },
    );
  }

  let body: ReactNode;
  if (due.isPending) body = <ProgressLine label={t('privacy.retention.loading')} />;
  else if (due.isError) body = <Failed error={due.error} retry={due.refetch} />;
  else if (items.length === 0) body = <p className="privacy__statement">{t('privacy.retention.none')}</p>;
  else
    body = (
      <>
        <p className="privacy__statement">
          {t('privacy.retention.count', { count: items.length, formatted: format.number(items.length), clients: format.number(clients) })}
        </p>
        <table className="ledger retention" aria-labelledby="privacy-retention">
          <thead>
            <tr>
              <th scope="col">{t('privacy.purges.columns.client')}</th>
              <th scope="col">{t('privacy.retention.columns.what')}</th>
              <th scope="col">{t('privacy.retention.columns.since')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('privacy.retention.columns.decision')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.slice(0, shown).map((item) => (
              <tr key={itemKey(item)}>
                <th scope="row" className="ledger__name">
                  <ClientLink id={item.clientId} client={directory.data?.[item.clientId]} />
                </th>
                <td>
                  <span className="ledger__main">{what(item)}</span>
                  <span className="ledger__aside">
                    {item.subject === 'related' ? t('privacy.retention.relatedRule', { rule: ruleText(item.rule) }) : ruleText(item.rule)}
                  </span>
                </td>
                <td className="ledger__when">
                  <time className="ledger__main" dateTime={item.dueAt}>
                    {format.instantDate(item.dueAt)}
                  </time>
                  {item.restricted ? <span className="ledger__aside">{t('privacy.retention.frozen')}</span> : null}
                </td>
                <td className="ledger__actions">
                  <Button variant="quiet" className="ledger__action" disabled={review.isPending} onClick={() => keep(item)}>
                    {t('privacy.retention.keep')}
                    <span className="visually-hidden">
                      {' '}
                      — {what(item)}, {nameOf(item)}
                    </span>
                  </Button>
                  <Button
                    variant="quiet"
                    className="ledger__action ledger__action--danger"
                    disabled={review.isPending || item.restricted}
                    onClick={(event) => {
                      opener.current = event.currentTarget;
                      setDeleting(item);
                    }}
                  >
                    {t('privacy.retention.delete')}
                    <span className="visually-hidden">
                      {' '}
                      — {what(item)}, {nameOf(item)}
                    </span>
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {items.length > shown ? (
          <div className="ledger__footer">
            <Button variant="secondary" onClick={() => setShown((n) => n + RETENTION_STEP * 2)}>
              {t('privacy.retention.more', { count: Math.min(RETENTION_STEP * 2, items.length - shown), remaining: format.number(items.length - shown) })}
            </Button>
          </div>
        ) : null}
      </>
    );

  return (
    <PageSection
      id="privacy-retention"
      title={t('privacy.retention.title')}
      className="privacy__section"
      aside={
        <>
          <p className="settings__text">{t('privacy.retention.body')}</p>
          <p className="settings__text settings__text--quiet">{t('privacy.retention.keepHint')}</p>
        </>
      }
    >
      {body}
      <p className="settings__saved" role="status">
        {outcome}
      </p>
      {review.isError && !deleting ? (
        <Notice tone="error" role="alert">
          {errorMessage(t, review.error)}
        </Notice>
      ) : null}
      <AlertDialog.Root open={deleting !== null} onOpenChange={(next) => !next && !review.isPending && setDeleting(null)}>
        <AlertDialog.Portal>
          <AlertDialog.Overlay className="confirm-dialog__overlay" />
          <AlertDialog.Content
            className="confirm-dialog"
            onCloseAutoFocus={(event) => {
              // Back to the button that asked, if its row is still there.
              event.preventDefault();
              if (opener.current?.isConnected) opener.current.focus();
            }}
          >
            <span className="confirm-dialog__ornament" aria-hidden="true" />
            <AlertDialog.Title className="confirm-dialog__title">{t('privacy.retention.confirm.title')}</AlertDialog.Title>
            <AlertDialog.Description className="confirm-dialog__body">
              {deleting ? t('privacy.retention.confirm.body', { what: what(deleting).toLocaleLowerCase(format.locale), name: nameOf(deleting) }) : ''}
            </AlertDialog.Description>
            {review.isError ? (
              <Notice tone="error" role="alert">
                {errorMessage(t, review.error)}
              </Notice>
            ) : null}
            <div className="form__actions">
              <Button variant="primary" className="button--danger" busy={review.isPending} busyLabel={t('privacy.retention.confirm.deleting')} onClick={purge}>
                {t('privacy.retention.confirm.submit')}
              </Button>
              <AlertDialog.Cancel asChild>
                <Button variant="quiet" disabled={review.isPending}>
                  {t('common.cancel')}
                </Button>
              </AlertDialog.Cancel>
            </div>
          </AlertDialog.Content>
        </AlertDialog.Portal>
      </AlertDialog.Root>
    </PageSection>
  );
}

// ——— Requests

function byUrgency(a: PrivacyRequest, b: PrivacyRequest): number {
  if (a.status === 'open' && b.status !== 'open') return -1;
  if (b.status === 'open' && a.status !== 'open') return 1;
  if (a.status === 'open') return a.dueAt.localeCompare(b.dueAt);
  return (b.completedAt ?? '').localeCompare(a.completedAt ?? '');
}

export function RequestsSection() {
  const { t } = useTranslation();
  const format = useFormatters();
  const requests = usePrivacyRequests();
  const items = [...(requests.data?.items ?? [])].sort(byUrgency);
  const directory = useClientDirectory(items.filter((r) => !r.clientErased).map((r) => r.clientId));
  const open = items.filter((r) => r.status === 'open').length;
  const overdue = items.filter((r) => r.overdue).length;

  let body: ReactNode;
  if (requests.isPending) body = <ProgressLine label={t('privacy.requests.loading')} />;
  else if (requests.isError) body = <Failed error={requests.error} retry={requests.refetch} />;
  else if (items.length === 0) body = <p className="privacy__statement">{t('privacy.requests.none')}</p>;
  else
    body = (
      <>
        <p className="privacy__statement">
          {open === 0
            ? t('privacy.requests.allAnswered', { count: items.length, formatted: format.number(items.length) })
            : overdue > 0
              ? t('privacy.requests.overdueCount', { count: open, formatted: format.number(open), overdue: format.number(overdue) })
              : t('privacy.requests.openCount', { count: open, formatted: format.number(open) })}
        </p>
        <table className="ledger requests" aria-labelledby="privacy-requests">
          <thead>
            <tr>
              <th scope="col">{t('privacy.purges.columns.client')}</th>
              <th scope="col">{t('privacy.requests.columns.right')}</th>
              <th scope="col">{t('privacy.requests.columns.received')}</th>
              <th scope="col">{t('privacy.requests.columns.status')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((r) => (
              <tr key={r.id}>
                <th scope="row" className="ledger__name">
                  {r.clientErased ? (
                    <span className="ledger__erased">{t('privacy.requests.erased', { id: shortId(r.clientId) })}</span>
                  ) : (
                    <ClientLink id={r.clientId} client={directory.data?.[r.clientId]} />
                  )}
                </th>
                <td>
                  <span className="ledger__main">{t(`privacy.requests.rights.${r.right}`)}</span>
                </td>
                <td className="ledger__when">
                  <time className="ledger__main" dateTime={r.receivedAt}>
                    {format.instantDate(r.receivedAt)}
                  </time>
                </td>
                <td className="ledger__when">
                  {r.status === 'open' ? (
                    <>
                      <span className={`ledger__main${r.overdue ? ' ledger__main--due' : ''}`}>
                        {r.overdue ? t('privacy.requests.status.overdue') : t('privacy.requests.status.open', { when: format.relative(r.dueAt) })}
                      </span>
                      <time className="ledger__aside" dateTime={r.dueAt}>
                        {t('privacy.requests.dueOn', { date: format.instantDate(r.dueAt) })}
                      </time>
                    </>
                  ) : (
                    <>
                      <span className="ledger__main">{t(`privacy.requests.status.${r.status}`)}</span>
                      {r.completedAt ? (
                        <time className="ledger__aside" dateTime={r.completedAt}>
                          {format.instantDate(r.completedAt)}
                        </time>
                      ) : null}
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </>
    );

  return (
    <PageSection
      id="privacy-requests"
      title={t('privacy.requests.title')}
      className="privacy__section"
      aside={<p className="settings__text">{t('privacy.requests.body')}</p>}
    >
      {body}
    </PageSection>
  );
}
