/**
 * A client's consents as the ledger has them now: each purpose — and outreach channel by
 * channel — with its state, since when, how it was given and under which notice; the way to
 * record a grant or a withdrawal; and the history, which is never edited.
 */
import { useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientConsents, ClientSummary, ConsentEntry, CurrentConsent } from '../../api/contract';
import { errorMessage } from '../../api/errors';
import { Button } from '../../components/Button';
import { Notice } from '../../components/Notice';
import { ProgressLine } from '../../components/ProgressLine';
import { ShortId } from '../../components/ShortId';
import { useFormatters } from '../../i18n/format';
import { ConsentDialog, type ConsentChange, type ConsentMove } from './ConsentDialog';

/** Which change a slot offers now, if any: service rests on the contract and offers none. */
function moveFor(slot: CurrentConsent, restricted: boolean): ConsentMove | null {
  switch (slot.basis) {
    case 'contract':
      return null;
    case 'legitimate_interest':
      if (slot.state === 'withdrawn') return restricted ? null : 'lift';
      return 'object';
    case 'consent':
      if (slot.state === 'granted') return 'withdraw';
      return restricted ? null : 'grant';
  }
}

function StateMark({ slot }: { slot: CurrentConsent }) {
  const { t } = useTranslation();
  let text: string;
  if (slot.basis === 'contract') text = t('consents.serviceState');
  else if (slot.basis === 'legitimate_interest') text = t(`consents.analyticsState.${slot.state}`);
  else text = t(`consents.state.${slot.state}`);
  const tone = slot.basis === 'contract' ? 'contract' : slot.lawful ? 'on' : slot.state === 'withdrawn' ? 'withdrawn' : 'off';
  return <span className={`consent-state consent-state--${tone}`}>{text}</span>;
}

function Particulars({ slot }: { slot: CurrentConsent }) {
  const { t } = useTranslation();
  const format = useFormatters();
  if (slot.basis === 'contract') return <span className="muted">{t('consents.serviceNote')}</span>;
  if (slot.since === null) {
    return slot.basis === 'legitimate_interest' ? <span className="muted">{t('consents.analyticsNote')}</span> : null;
  }
  const parts: ReactNode[] = [
    <time key="since" dateTime={slot.since}>
      {t('consents.since', { date: format.instantDate(slot.since) })}
    </time>,
  ];
  if (slot.source) parts.push(<span key="source">{t(`consents.source.${slot.source}`)}</span>);
  if (slot.noticeVersion) parts.push(<span key="notice">{t('consents.notice', { version: slot.noticeVersion })}</span>);
  return (
    <span className="consent-row__particulars">
      {parts.map((part, index) => (
        <span key={index} className="consent-row__part">
          {index > 0 ? (
            <span className="dot" aria-hidden="true">
              ·
            </span>
          ) : null}
          {part}
        </span>
      ))}
    </span>
  );
}

function History({ entries }: { entries: readonly ConsentEntry[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <details className="consent-history">
      <summary className="consent-history__summary">{t('consents.history.summary', { count: entries.length, formatted: format.number(entries.length) })}</summary>
      <table className="consent-history__table">
        <thead>
          <tr>
            <th scope="col">{t('consents.history.columns.when')}</th>
            <th scope="col">{t('consents.history.columns.what')}</th>
            <th scope="col">{t('consents.history.columns.how')}</th>
            <th scope="col">{t('consents.history.columns.evidence')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id}>
              <td className="numeric">
                <time dateTime={e.effectiveAt}>{format.instantDate(e.effectiveAt)}</time>
              </td>
              <td>
                {t(`consents.history.${e.purpose === 'analytics' ? (e.action === 'withdraw' ? 'objected' : 'objectionLifted') : e.action}`, {
                  purpose: e.channel ? `${t(`purposes.${e.purpose}`)} — ${t(`channels.${e.channel}`)}` : t(`purposes.${e.purpose}`),
                })}
              </td>
              <td>
                {t(`consents.source.${e.source}`)}
                <span className="dot" aria-hidden="true">
                  ·
                </span>
                {t('consents.notice', { version: e.noticeVersion })}
              </td>
              <td className="consent-history__evidence">{e.evidence ?? <span className="muted">—</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

export function ConsentsPanel({
  client,
  consents,
}: {
  client: ClientSummary;
  consents: { data: ClientConsents | undefined; isPending: boolean; isError: boolean; error: Error | null; refetch: () => unknown };
}) {
  const { t } = useTranslation();
  const [change, setChange] = useState<ConsentChange | null>(null);
  const [done, setDone] = useState<ConsentChange | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  const restricted = client.status === 'restricted';
  const data = consents.data;

  // The notice a new entry most likely falls under: the latest this client was given.
  const defaultNotice = useMemo(() => {
    const latest = [...(data?.history ?? [])].sort((a, b) => b.effectiveAt.localeCompare(a.effectiveAt))[0];
    return latest?.noticeVersion ?? '';
  }, [data]);

  const slots = data?.current ?? [];
  const single = slots.filter((s) => s.channel === null && s.purpose !== 'outreach');
  const outreach = slots.filter((s) => s.purpose === 'outreach' && s.channel !== null);

  function row(slot: CurrentConsent, nested = false) {
    const move = moveFor(slot, restricted);
    const label = slot.channel ? t(`channels.${slot.channel}`) : t(`purposes.${slot.purpose}`);
    const full = slot.channel ? `${t('purposes.outreach')} — ${t(`channels.${slot.channel}`)}` : t(`purposes.${slot.purpose}`);
    return (
      <tr key={`${slot.purpose}:${slot.channel ?? ''}`} className={`consent-row${nested ? ' consent-row--nested' : ''}`}>
        <th scope="row" className="consent-row__purpose">
          {nested ? <span className="visually-hidden">{t('purposes.outreach')} — </span> : null}
          {label}
        </th>
        <td className="consent-row__state">
          <StateMark slot={slot} />
        </td>
        <td className="consent-row__since">
          <Particulars slot={slot} />
        </td>
        <td className="consent-row__action">
          {move ? (
            <Button
              variant="quiet"
              className="consent-row__button"
              onClick={(event) => {
                opener.current = event.currentTarget;
                setChange({ purpose: slot.purpose, channel: slot.channel, move });
              }}
            >
              {t(`consents.actions.${move}`)}
              <span className="visually-hidden"> — {full}</span>
            </Button>
          ) : null}
        </td>
      </tr>
    );
  }

  let body: ReactNode;
  if (consents.isPending) {
    body = <ProgressLine label={t('consents.loading')} />;
  } else if (consents.isError || !data) {
    body = (
      <Notice tone="error" role="alert">
        <p>{errorMessage(t, consents.error)}</p>
        <Button variant="secondary" onClick={() => void consents.refetch()}>
          {t('common.retry')}
        </Button>
      </Notice>
    );
  } else {
    body = (
      <>
        <table className="consents" aria-labelledby="client-consents">
          <colgroup>
            <col className="consents__col-purpose" />
            <col className="consents__col-state" />
            <col className="consents__col-since" />
            <col className="consents__col-action" />
          </colgroup>
          <thead className="visually-hidden">
            <tr>
              <th scope="col">{t('consents.columns.purpose')}</th>
              <th scope="col">{t('consents.columns.state')}</th>
              <th scope="col">{t('consents.columns.record')}</th>
              <th scope="col">{t('consents.columns.action')}</th>
            </tr>
          </thead>
          <tbody>{single.map((slot) => row(slot))}</tbody>
          {outreach.length > 0 ? (
            <tbody className="consents__group">
              <tr className="consents__group-head">
                <th scope="rowgroup" colSpan={4}>
                  {t('consents.outreach')}
                </th>
              </tr>
              {outreach.map((slot) => row(slot, true))}
            </tbody>
          ) : null}
        </table>
        {restricted ? (
          <Notice tone="info" role="note" className="consents__restricted">
            {t('consents.restricted')}
          </Notice>
        ) : null}
        {data.history.length > 0 ? <History entries={data.history} /> : null}
      </>
    );
  }

  return (
    <section className="client__consents" aria-labelledby="client-consents">
      <header className="client__consents-header">
        <h2 id="client-consents" className="section-label">
          {t('consents.title')}
        </h2>
        <p className="client__reference" title={t('consents.referenceHint')}>
          {t('consents.reference')} <ShortId id={client.id} />
        </p>
      </header>
      {body}
      <p className="consents__done" role="status">
        {done ? t(`consents.done.${done.move}`) : ''}
      </p>
      <ConsentDialog
        client={client}
        change={change}
        defaultNotice={defaultNotice}
        returnFocus={opener}
        onClose={() => setChange(null)}
        onRecorded={(recorded) => {
          setDone(recorded);
          setChange(null);
        }}
      />
    </section>
  );
}
