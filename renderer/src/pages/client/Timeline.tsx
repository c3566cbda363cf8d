/**
 * The relationship in order, newest first: conversations, purchases, appointments, after-sales,
 * moments and gifts, filtered by kind and read a page at a time ("Show earlier" passes the last
 * page's `next` back as `before`). Notes are the advisor's own words, always rendered as text.
 */
import { useState, type ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useClient, useClientTimeline, type TimelineKind } from '../../api/queries';
import { useUpdateAppointment } from '../../api/recordsQueries';
import { errorMessage } from '../../api/errors';
import { Button } from '../../components/Button';
import { Notice } from '../../components/Notice';
import { ProgressLine } from '../../components/ProgressLine';
import { useFormatters, type Formatters } from '../../i18n/format';
import { formatMoney, type TimelineItem } from './c360';

export const TIMELINE_KINDS: readonly TimelineKind[] = ['interaction', 'purchase', 'appointment', 'after_sales', 'moment', 'gift'];

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

type T = TFunction;

function where(t: T, channel: string | null): string | null {
  return channel ? t(`c360.timeline.where.${channel}`, { defaultValue: channel }) : null;
}

/** A line of the entry; `named` when it carries someone's name (veiled in discreet mode). */
type Meta = string | { text: string; named: true } | null;

function describe(t: T, format: Formatters, item: TimelineItem): { kind: string; meta: Meta[]; title: ReactNode; privateTitle?: boolean; note: string | null; discreet: boolean; aside?: string } {
  switch (item.type) {
    case 'interaction': {
      const i = item.interaction;
      return {
        kind: t(`c360.timeline.interaction.${i.kind}`),
        meta: [where(t, i.channel), t(i.direction === 'inbound' ? 'c360.timeline.from' : 'c360.timeline.to')],
        title: null,
        note: i.note,
        discreet: i.discreet,
      };
    }
    case 'purchase': {
      const p = item.purchase;
      const who = p.recipient && !p.recipient.self && p.recipient.firstName ? `${p.recipient.firstName} ${p.recipient.lastName ?? ''}`.trim() : null;
      return {
        kind: t(`c360.timeline.categories.${p.category}`),
        meta: [where(t, p.channel), who ? { text: t('c360.timeline.purchaseFor', { name: who }), named: true } : null],
        title: p.item,
        note: null,
        discreet: false,
        aside: formatMoney(format.locale, p.amountMinor, p.currency),
      };
    }
    case 'appointment': {
      const a = item.appointment;
      return {
        kind: t('c360.timeline.interaction.appointment'),
        meta: [where(t, a.place), t(`c360.timeline.appointment.${a.status}`)],
        title: a.purpose,
        privateTitle: true,
        note: a.note,
        discreet: false,
      };
    }
    case 'after_sales': {
      const s = item.afterSales;
      return {
        kind: t(`c360.afterSales.kinds.${s.kind}`),
        meta: [t(`c360.afterSales.status.${s.status}`)],
        title: s.item,
        note: s.note,
        discreet: false,
      };
    }
    case 'moment': {
      const m = item.moment;
      const kind = t(`client.moments.kinds.${m.kind}`, { defaultValue: t('c360.timeline.moment') });
      return {
        kind,
        meta: [],
        title: m.label && m.label.toLocaleLowerCase() !== kind.toLocaleLowerCase() ? m.label : null,
        privateTitle: true,
        note: m.note,
        discreet: false,
      };
    }
    case 'gift': {
      const g = item.gift;
      const who = g.recipient.self ? null : g.recipient.firstName ? `${g.recipient.firstName} ${g.recipient.lastName ?? ''}`.trim() : null;
      return {
        kind: t('c360.timeline.interaction.gift'),
        meta: [who ? { text: t('c360.timeline.giftFor', { occasion: capitalise(g.occasion), name: who }), named: true } : capitalise(g.occasion)],
        title: g.item,
        note: g.note,
        discreet: false,
      };
    }
  }
}

/** A planned appointment is marked held or cancelled from its entry, with one click. */
function PlannedActions({ id }: { id: string }) {
  const { t } = useTranslation();
  const update = useUpdateAppointment();
  const [problem, setProblem] = useState<string | null>(null);
  async function mark(status: 'done' | 'cancelled'): Promise<void> {
    if (update.pending) return;
    setProblem(null);
    const result = await update.run({ id, status });
    if (!result.ok) setProblem(errorMessage(t, result.error));
  }
  return (
    <div className="entry__actions">
      <Button variant="quiet" className="record-step" busy={update.pending} busyLabel={t('records.saving')} onClick={() => void mark('done')}>
        {t('records.appointments.held')}
      </Button>
      <Button variant="quiet" className="record-step record-step--muted" disabled={update.pending} onClick={() => void mark('cancelled')}>
        {t('records.appointments.cancel')}
      </Button>
      {problem ? (
        <p className="field__error" role="alert">
          {problem}
        </p>
      ) : null}
    </div>
  );
}

function Entry({ item, actions }: { item: TimelineItem; actions: boolean }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const d = describe(t, format, item);
  const meta = d.meta.flatMap((m) => (m === null ? [] : typeof m === 'string' ? [{ text: m, named: false }] : [m]));
  return (
    <li className={`entry entry--${item.type}${d.discreet ? ' entry--discreet' : ''}`} data-id={item.id}>
      <time className="entry__date" dateTime={item.at} title={format.instantDateTime(item.at)}>
        <span className="entry__day">{format.dayMonth(item.at.slice(0, 10))}</span>
        <span className="entry__year">{item.at.slice(0, 4)}</span>
      </time>
      <div className="entry__body">
        <p className="entry__kind">
          <span className="entry__type">{d.kind}</span>
          {meta.map((m) => (
            <span key={m.text} className="entry__meta" data-private={m.named ? '' : undefined}>
              <span className="dot" aria-hidden="true">
                ·
              </span>
              {m.text}
            </span>
          ))}
        </p>
        {d.title ? (
          <p className="entry__title" data-private={d.privateTitle ? '' : undefined}>
            {d.title}
          </p>
        ) : null}
        {d.note ? (
          <p className="entry__note" data-private="">
            {d.note}
          </p>
        ) : item.type === 'interaction' ? <p className="entry__note entry__note--none">{t('c360.timeline.noNote')}</p> : null}
        {d.discreet ? <p className="entry__discreet">{t('c360.timeline.discreet')}</p> : null}
        {item.type === 'appointment' && item.appointment.status === 'planned' && actions ? <PlannedActions id={item.appointment.id} /> : null}
      </div>
      {d.aside ? (
        <span className="entry__aside" data-private="">
          {d.aside}
        </span>
      ) : <span aria-hidden="true" />}
    </li>
  );
}

export function Timeline({
  clientId,
  aside,
  withhold = [],
  actions: wanted = true,
}: {
  clientId: string;
  aside?: ReactNode;
  withhold?: readonly TimelineKind[];
  /** Offer to mark a planned appointment held or cancelled. */
  actions?: boolean;
}) {
  const { t } = useTranslation();
  const client = useClient(clientId);
  const actions = wanted && client.data?.status === 'active';
  const [kinds, setKinds] = useState<TimelineKind[]>([]);
  const timeline = useClientTimeline(clientId, kinds);
  // What the client's consents have just hidden leaves at once, before the core is asked again.
  const items = (timeline.data?.pages.flatMap((page) => page.items) ?? []).filter((item) => !withhold.includes(item.type));
  const hidden = timeline.data?.pages[0]?.hidden ?? [];
  // What is planned (an appointment to come) stands above a line for today; the past below it.
  const now = new Date().toISOString();
  const ahead = items.filter((item) => item.at > now);
  const past = items.filter((item) => item.at <= now);

  function toggle(kind: TimelineKind | null): void {
    if (kind === null) return setKinds([]);
    setKinds((current) => (current.includes(kind) ? current.filter((k) => k !== kind) : [...current, kind]));
  }

  let list: ReactNode;
  if (timeline.isPending) {
    list = <ProgressLine label={t('c360.timeline.loading')} />;
  } else if (timeline.isError) {
    list = (
      <Notice tone="error" role="alert">
        <p>{errorMessage(t, timeline.error)}</p>
        <Button variant="secondary" onClick={() => void timeline.refetch()}>
          {t('common.retry')}
        </Button>
      </Notice>
    );
  } else if (items.length === 0) {
    list = <p className="client__empty">{t('c360.timeline.empty')}</p>;
  } else {
    list = (
      <>
        {ahead.length > 0 ? (
          <>
            <ol className={`entries entries--ahead${timeline.isPlaceholderData ? ' is-stale' : ''}`} aria-label={t('c360.timeline.ahead')}>
              {ahead.map((item) => (
                <Entry key={`${item.type}:${item.id}`} item={item} actions={actions} />
              ))}
            </ol>
            <p className="entries__today">
              <span>{t('c360.timeline.today')}</span>
            </p>
          </>
        ) : null}
        <ol className={`entries entries--past${timeline.isPlaceholderData ? ' is-stale' : ''}`} aria-label={t('c360.timeline.past')}>
          {past.map((item) => (
            <Entry key={`${item.type}:${item.id}`} item={item} actions={actions} />
          ))}
        </ol>
        <div className="entries__footer">
          {timeline.hasNextPage ? (
            <Button variant="secondary" busy={timeline.isFetchingNextPage} busyLabel={t('c360.timeline.moreBusy')} onClick={() => void timeline.fetchNextPage()}>
              {t('c360.timeline.more')}
            </Button>
          ) : (
            <p className="entries__start">{t('c360.timeline.start')}</p>
          )}
        </div>
      </>
    );
  }

  return (
    <section className="client__journal" aria-labelledby="client-timeline">
      <header className="journal__header">
        <h2 id="client-timeline" className="section-label">
          {t('c360.timeline.title')}
        </h2>
        <div className="journal__filters" role="group" aria-label={t('c360.timeline.filters')}>
          <button type="button" className="filter" aria-pressed={kinds.length === 0} onClick={() => toggle(null)}>
            {t('c360.timeline.all')}
          </button>
          {TIMELINE_KINDS.filter((k) => !hidden.includes(k) && !withhold.includes(k)).map((kind) => (
            <button key={kind} type="button" className="filter" aria-pressed={kinds.includes(kind)} onClick={() => toggle(kind)}>
              {t(`c360.timeline.types.${kind}`)}
            </button>
          ))}
        </div>
      </header>
      <div className="journal__body">
        {aside ? <div className="journal__aside">{aside}</div> : null}
        <div className="journal__main">
          {hidden.length > 0 ? (
            <p className="journal__hidden">{t('c360.timeline.hiddenTypes', { types: hidden.map((h) => t(`c360.timeline.types.${h}`)).join(', ') })}</p>
          ) : null}
          {list}
        </div>
      </div>
    </section>
  );
}
