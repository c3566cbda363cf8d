/**
 * The Client 360's side of the relationship: the people around the client with their sizes and
 * tastes, the moments and appointments to come, the after-sales cases open and the gifts already
 * given. Each part is `null` when the client's consents hide it: one quiet line says so, nothing
 * of it is shown. On the client's own page the after-sales cases, the appointments and the gifts
 * carry their actions (move a case on, mark an appointment held, record a gift); in the brief,
 * which is printed, they do not.
 */
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useMatch, useParams } from 'react-router';
import { errorMessage } from '../../api/errors';
import { useClient } from '../../api/queries';
import { useUpdateAfterSales, useUpdateAppointment } from '../../api/recordsQueries';
import { Button } from '../../components/Button';
import { localToday, useFormatters } from '../../i18n/format';
import { GiftDialog } from '../GiftDialog';
import { AppointmentDialog } from './AppointmentDialog';
import type { AfterSales, Client360, Gift, Preference, UpcomingMoment } from './c360';
import { sizeLabel } from './c360';
import { relationLabel } from '../../components/relationLabel';

export function SectionHead({ id, title, count }: { id: string; title: string; count?: number | null }) {
  const format = useFormatters();
  return (
    <h2 id={id} className="section-label around__head">
      <span>{title}</span>
      {count ? <span className="around__count">{format.number(count)}</span> : null}
    </h2>
  );
}

export function Hidden({ text }: { text: string }) {
  return <p className="client__empty around__hidden">{text}</p>;
}

export function PrefLine({ p, sizes = false }: { p: Preference; sizes?: boolean }) {
  const { t } = useTranslation();
  const label = sizes
    ? t(`c360.sizeNames.${p.domain}`, { defaultValue: sizeLabel(p) })
    : t(`client.preferences.domains.${p.domain}`, { defaultValue: sizeLabel(p) });
  return (
    <div className="person__pref">
      <dt>{label}</dt>
      <dd>{p.value}</dd>
    </div>
  );
}

export function UpcomingSection({ moments, title, empty, id = 'client-upcoming' }: { moments: readonly UpcomingMoment[] | null; title?: string; empty?: string; id?: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <section className="client__upcoming" aria-labelledby={id}>
      <SectionHead id={id} title={title ?? t('c360.upcoming.title')} />
      {moments === null ? (
        <Hidden text={t('c360.hidden')} />
      ) : moments.length === 0 ? (
        <p className="client__empty">{empty ?? t('c360.upcoming.empty')}</p>
      ) : (
        <ol className="moments moments--soon">
          {moments.map((m) => {
            const kind = t(`client.moments.kinds.${m.kind}`, { defaultValue: m.label ?? m.kind });
            const who = m.person ? `${m.person.firstName} ${m.person.lastName}${m.person.relationLabel ? ` — ${relationLabel(t, m.person.relationLabel)}` : ''}` : null;
            const label = m.label && m.label.toLocaleLowerCase() !== kind.toLocaleLowerCase() ? m.label : null;
            return (
              <li key={`${m.momentId ?? 'birth'}:${m.personId}:${m.on}`} className={`moment-soon${m.inDays <= 7 ? ' moment-soon--near' : ''}`}>
                <span className="moment__date">
                  <time dateTime={m.on}>{format.dayMonth(m.on)}</time>
                </span>
                <span className="moment__text">
                  <span className="moment__kind">
                    {kind}
                    {m.years !== null ? <span className="moment__years"> · {t('c360.upcoming.years', { count: m.years })}</span> : null}
                  </span>
                  {who ? (
                    <span className="moment__label" data-private="">
                      {who}
                    </span>
                  ) : null}
                  {label ? <span className="moment__label">{label}</span> : null}
                </span>
                <span className="moment__when">{format.relativeDay(m.on)}</span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

/** Whether the page's client may have things recorded (a restricted record is read-only). */
export function useMayRecord(clientId?: string): boolean {
  const params = useParams();
  const client = useClient(clientId ?? params.id ?? '');
  return client.data?.status === 'active';
}

/** The steps of an after-sales case, in order. */
export const AFTER_SALES_STEPS = ['open', 'in_progress', 'ready', 'closed'] as const;
type Step = (typeof AFTER_SALES_STEPS)[number];

function nextStep(status: Step): Step | null {
  const at = AFTER_SALES_STEPS.indexOf(status);
  return at >= 0 && at < AFTER_SALES_STEPS.length - 1 ? (AFTER_SALES_STEPS[at + 1] ?? null) : null;
}

/** Four small marks, the case's progress at a glance (its status is said in words beside it). */
function Steps({ status }: { status: Step }) {
  const at = AFTER_SALES_STEPS.indexOf(status);
  return (
    <span className="steps" aria-hidden="true">
      {AFTER_SALES_STEPS.map((s, i) => (
        <span key={s} className={`steps__mark${i <= at ? ' steps__mark--done' : ''}`} />
      ))}
    </span>
  );
}

/** "Closed. Undo": a change that took a row away, said once, with its way back. */
function UndoLine({ text, busy, onUndo }: { text: string; busy: boolean; onUndo: () => void }) {
  const { t } = useTranslation();
  return (
    <p className="record-undo" role="status">
      <span data-private="">{text}</span>
      <Button variant="quiet" className="record-undo__button" busy={busy} onClick={onUndo}>
        {t('records.undo')}
      </Button>
    </p>
  );
}

/**
 * The after-sales cases still open. On the client's page (`actions`), each row moves its case on
 * to the next step with one button (open → in the workshop → ready to collect → closed); a closed
 * case leaves the list with a line that can undo it. The brief shows the same list without actions.
 */
export function AfterSalesSection({
  cases,
  id = 'client-aftersales',
  title,
  actions,
}: {
  cases: readonly AfterSales[] | null;
  id?: string;
  title?: string;
  /** Offer to move the cases on; by default only on the client's own page. */
  actions?: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const onClientPage = useMatch('/clients/:id') !== null;
  const mayRecord = useMayRecord();
  const editable = (actions ?? onClientPage) && mayRecord;
  const update = useUpdateAfterSales();
  const [busyId, setBusyId] = useState<string | null>(null);
  const [closed, setClosed] = useState<{ id: string; item: string; from: Step } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  async function move(caseId: string, status: Step, after?: () => void): Promise<void> {
    if (update.pending) return;
    setBusyId(caseId);
    setProblem(null);
    const result = await update.run({ id: caseId, status });
    setBusyId(null);
    if (!result.ok) return setProblem(errorMessage(t, result.error));
    after?.();
  }

  const shown = cases?.filter((c) => c.status !== 'closed') ?? null;

  return (
    <section className="client__aftersales" aria-labelledby={id}>
      <SectionHead id={id} title={title ?? t('c360.afterSales.title')} count={shown?.length} />
      {shown === null ? (
        <Hidden text={t('c360.hidden')} />
      ) : shown.length === 0 ? (
        <p className="client__empty">{t('c360.afterSales.empty')}</p>
      ) : (
        <ul className="book-ledger">
          {shown.map((c) => {
            const next = nextStep(c.status);
            const titleId = `${id}-${c.id}`;
            return (
              <li key={c.id} className="book-ledger__row aftersales-row" data-status={c.status}>
                <span className="book-ledger__main">
                  <span className="book-ledger__title" id={titleId}>
                    {c.item}
                  </span>
                  <span className="book-ledger__sub">
                    {t(`c360.afterSales.kinds.${c.kind}`)} · {t('c360.afterSales.opened', { date: format.instantDate(c.openedAt) })}
                  </span>
                  {c.note ? (
                    <span className="book-ledger__note" data-private="">
                      {c.note}
                    </span>
                  ) : null}
                </span>
                <span className="aftersales-row__state">
                  <span className={`status status--${c.status}`}>
                    {editable ? <Steps status={c.status} /> : null}
                    {t(`c360.afterSales.status.${c.status}`)}
                  </span>
                  {editable && next ? (
                    <Button
                      variant="quiet"
                      className="record-step"
                      busy={busyId === c.id}
                      busyLabel={t('records.saving')}
                      aria-describedby={titleId}
                      onClick={() => void move(c.id, next, next === 'closed' ? () => setClosed({ id: c.id, item: c.item, from: c.status }) : undefined)}
                    >
                      {t(`records.afterSales.advance.${next}`)}
                      <span aria-hidden="true"> →</span>
                    </Button>
                  ) : null}
                </span>
              </li>
            );
          })}
        </ul>
      )}
      {editable && closed ? (
        <UndoLine
          text={t('records.afterSales.closed', { item: closed.item })}
          busy={busyId === closed.id}
          onUndo={() => {
            void move(closed.id, closed.from, () => setClosed(null));
          }}
        />
      ) : null}
      {problem ? (
        <p className="field__error" role="alert">
          {problem}
        </p>
      ) : null}
    </section>
  );
}

type Appointment = NonNullable<Client360['upcomingAppointments']>[number];

/** "16:05" (or "4:05 PM"), in the advisor's time zone. */
export function clockTime(locale: string, instant: string): string {
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(new Date(instant));
}

/**
 * The appointments to come (planned ones, from yesterday on): when, where, what for. Each can be
 * marked held or cancelled with one click; it then leaves the list with a line that can undo it.
 * "Schedule" opens the appointment dialog.
 */
export function AppointmentsSection({
  clientId,
  appointments,
  id = 'client-appointments',
  title,
  actions: wanted = true,
}: {
  clientId: string;
  appointments: readonly Appointment[] | null;
  id?: string;
  title?: string;
  actions?: boolean;
}) {
  const { t } = useTranslation();
  const actions = useMayRecord(clientId) && wanted;
  const format = useFormatters();
  const update = useUpdateAppointment();
  const [scheduling, setScheduling] = useState(false);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [done, setDone] = useState<{ id: string; status: 'done' | 'cancelled'; when: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  async function mark(appointmentId: string, status: Appointment['status'], after: () => void): Promise<void> {
    if (update.pending) return;
    setBusyId(appointmentId);
    setProblem(null);
    const result = await update.run({ id: appointmentId, status });
    setBusyId(null);
    if (!result.ok) return setProblem(errorMessage(t, result.error));
    after();
  }

  const shown = appointments?.filter((a) => a.status === 'planned') ?? null;

  return (
    <section className="client__appointments" aria-labelledby={id}>
      <SectionHead id={id} title={title ?? t('records.appointments.title')} count={shown?.length} />
      {shown === null ? (
        <Hidden text={t('c360.hidden')} />
      ) : shown.length === 0 ? (
        <p className="client__empty">{t('records.appointments.empty')}</p>
      ) : (
        <ul className="book-ledger">
          {shown.map((a) => {
            const day = localToday(Date.parse(a.startsAt));
            const titleId = `${id}-${a.id}`;
            const when = format.shortDateTime(a.startsAt);
            return (
              <li key={a.id} className="book-ledger__row appointment-row">
                <time className="appointment-row__when" dateTime={a.startsAt} title={format.instantDateTime(a.startsAt)}>
                  <span className="appointment-row__day">{format.dayMonth(day)}</span>
                  <span className="appointment-row__time">{clockTime(format.locale, a.startsAt)}</span>
                </time>
                <span className="book-ledger__main">
                  <span className="book-ledger__title" id={titleId}>
                    {t(`c360.timeline.where.${a.place}`)}
                    <span className="appointment-row__relative"> · {format.relativeDay(day)}</span>
                  </span>
                  {a.purpose ? (
                    <span className="book-ledger__sub" data-private="">
                      {a.purpose}
                    </span>
                  ) : null}
                  {actions ? (
                    <span className="appointment-row__actions">
                      <Button
                        variant="quiet"
                        className="record-step"
                        busy={busyId === a.id}
                        busyLabel={t('records.saving')}
                        aria-describedby={titleId}
                        onClick={() => void mark(a.id, 'done', () => setDone({ id: a.id, status: 'done', when }))}
                      >
                        {t('records.appointments.held')}
                      </Button>
                      <Button
                        variant="quiet"
                        className="record-step record-step--muted"
                        disabled={busyId === a.id}
                        aria-describedby={titleId}
                        onClick={() => void mark(a.id, 'cancelled', () => setDone({ id: a.id, status: 'cancelled', when }))}
                      >
                        {t('records.appointments.cancel')}
                      </Button>
                    </span>
                  ) : null}
                </span>
              </li>
            );
          })}
        </ul>
      )}
      {actions && done ? (
        <UndoLine
          text={t(done.status === 'done' ? 'records.appointments.markedHeld' : 'records.appointments.markedCancelled', { when: done.when })}
          busy={busyId === done.id}
          onUndo={() => void mark(done.id, 'planned', () => setDone(null))}
        />
      ) : null}
      {problem ? (
        <p className="field__error" role="alert">
          {problem}
        </p>
      ) : null}
      {actions && shown !== null ? (
        <p className="around__actions">
          <Button variant="quiet" className="around__action" onClick={() => setScheduling(true)}>
            {t('records.appointments.schedule')}
          </Button>
        </p>
      ) : null}
      {actions ? <AppointmentDialog clientId={clientId} open={scheduling} onOpenChange={setScheduling} /> : null}
    </section>
  );
}

export function giftRecipient(t: TFunction, g: Gift): string {
  if (g.recipient.self) return t('c360.gifts.self');
  if (!g.recipient.firstName) return t('c360.gifts.forUnnamed');
  const name = `${g.recipient.firstName} ${g.recipient.lastName ?? ''}`.trim();
  return t('c360.gifts.for', { name: g.recipient.relationLabel ? `${name} (${relationLabel(t, g.recipient.relationLabel)})` : name });
}

/**
 * The gifts already given, newest first. On the client's page (`actions`), a quiet "Record a gift"
 * opens the gift dialog (which warns before a gift repeats) and "All N gifts" opens the ledger.
 */
export function GiftsSection({
  gifts,
  id = 'client-gifts',
  title,
  limit,
  clientId,
  actions,
}: {
  gifts: readonly Gift[] | null;
  id?: string;
  title?: string;
  limit?: number;
  /** The client, for the actions; by default the one the page is about. */
  clientId?: string;
  /** Offer "Record a gift" and the ledger; by default only on the client's own page. */
  actions?: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const params = useParams();
  const onClientPage = useMatch('/clients/:id') !== null;
  const owner = clientId ?? params.id ?? '';
  const mayRecord = useMayRecord();
  const editable = (actions ?? onClientPage) && owner !== '' && mayRecord;
  const [recording, setRecording] = useState(false);
  const shown = gifts && limit ? gifts.slice(0, limit) : gifts;
  return (
    <section className="client__gifts" aria-labelledby={id}>
      <SectionHead id={id} title={title ?? t('c360.gifts.title')} count={gifts?.length} />
      {shown === null ? (
        <Hidden text={t('c360.hidden')} />
      ) : shown.length === 0 ? (
        <p className="client__empty">{t('c360.gifts.empty')}</p>
      ) : (
        <ul className="book-ledger">
          {shown.map((g) => (
            <li key={g.id} className="book-ledger__row">
              <span className="book-ledger__main">
                <span className="book-ledger__title" data-private="">
                  {g.item}
                </span>
                <span className="book-ledger__sub" data-private="">
                  {giftRecipient(t, g)} · {g.occasion}
                </span>
              </span>
              <time className="book-ledger__date" dateTime={g.givenAt}>
                {format.monthYear(g.givenAt.slice(0, 10), true)}
              </time>
            </li>
          ))}
        </ul>
      )}
      {!editable && gifts && shown && gifts.length > shown.length ? (
        <p className="client__more">{t('client.more', { shown: format.number(shown.length), total: format.number(gifts.length) })}</p>
      ) : null}
      {editable && gifts !== null ? (
        <>
          <p className="around__actions">
            <Button variant="quiet" className="around__action" onClick={() => setRecording(true)}>
              {t('book.gift.open')}
            </Button>
            {gifts.length > 0 ? (
              <Link className="around__link" to={`/clients/${owner}/gift`}>
                {t('records.gifts.all', { count: gifts.length, formatted: format.number(gifts.length) })}
                <span aria-hidden="true"> →</span>
              </Link>
            ) : null}
          </p>
          <GiftDialog clientId={owner} open={recording} onOpenChange={setRecording} />
        </>
      ) : null}
    </section>
  );
}

