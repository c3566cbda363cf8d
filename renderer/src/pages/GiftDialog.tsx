import * as Dialog from '@radix-ui/react-dialog';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { isCarnetError } from '../api/client';
import type { ChannelOutput } from '../api/contract';
import { errorMessage } from '../api/errors';
import { useAddGift, useClient360 } from '../api/queries';
import { useGiftLedger } from '../api/recordsQueries';
import { Button } from '../components/Button';
import { ClientName, fullName } from '../components/ClientName';
import { EmptyState } from '../components/EmptyState';
import { Field } from '../components/Field';
import { Notice } from '../components/Notice';
import { ProgressLine } from '../components/ProgressLine';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { localToday, useFormatters } from '../i18n/format';
import { relationLabel } from '../components/relationLabel';

type Gift = ChannelOutput<'gifts.add'>;
type Problem = { field: 'occasion' | 'item' | 'givenAt'; key: 'required' | 'future' } | { field: 'form'; message: string };

/** A day (`YYYY-MM-DD`) or an instant, as the ledger gives it, in the advisor's words. */
function useGiftDate(): (value: string) => string {
  const format = useFormatters();
  return (value) => (value.length === 10 ? format.longDate(value) : format.instantDate(value));
}

/**
 * Records a gift in the ledger: to the client or someone around them, the occasion, the item, the
 * day. When the same or a very similar gift was already given to that person, the core answers
 * GIFT_REPEAT and the dialog says when — then the advisor records it anyway or chooses another.
 */
export function GiftDialog({
  clientId,
  open,
  onOpenChange,
  onRecorded,
}: {
  clientId: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onRecorded?: (gift: Gift) => void;
}) {
  const { t } = useTranslation();
  const giftDate = useGiftDate();
  const view = useClient360(clientId);
  const add = useAddGift(clientId);
  const itemRef = useRef<HTMLInputElement>(null);
  const [recipient, setRecipient] = useState(clientId);
  const [occasion, setOccasion] = useState('');
  const [item, setItem] = useState('');
  const [givenAt, setGivenAt] = useState(() => localToday());
  const [repeat, setRepeat] = useState<{ givenAt: string } | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);

  useEffect(() => {
    if (!open) return;
    setRecipient(clientId);
    setOccasion('');
    setItem('');
    setGivenAt(localToday());
    setRepeat(null);
    setProblem(null);
  }, [open, clientId]);

  const client = view.data?.client;
  const circle = view.data?.circle ?? [];

  async function record(force: boolean): Promise<void> {
    if (add.isPending) return;
    if (!occasion.trim()) return setProblem({ field: 'occasion', key: 'required' });
    if (!item.trim()) return setProblem({ field: 'item', key: 'required' });
    if (!givenAt) return setProblem({ field: 'givenAt', key: 'required' });
    if (givenAt > localToday()) return setProblem({ field: 'givenAt', key: 'future' });
    setProblem(null);
    try {
      const gift = await add.mutateAsync({ clientId, recipientPersonId: recipient, givenAt, occasion, item, force });
      setRepeat(null);
      onRecorded?.(gift);
      onOpenChange(false);
    } catch (error) {
      if (isCarnetError(error, 'GIFT_REPEAT') && error.repeatOf) setRepeat({ givenAt: error.repeatOf.givenAt });
      else setProblem({ field: 'form', message: errorMessage(t, error) });
    }
  }

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    void record(false);
  }

  const fieldError = (field: 'occasion' | 'item' | 'givenAt') =>
    problem && problem.field === field ? t(`book.gift.errors.${problem.key}`) : undefined;

  return (
    <Dialog.Root open={open} onOpenChange={(next) => !add.isPending && onOpenChange(next)}>
      <Dialog.Portal>
        <Dialog.Overlay className="confirm-dialog__overlay" />
        <Dialog.Content className="confirm-dialog gift-dialog" aria-describedby="gift-dialog-body">
          <span className="confirm-dialog__ornament gift-dialog__ornament" aria-hidden="true" />
          <Dialog.Title className="confirm-dialog__title">{t('book.gift.title')}</Dialog.Title>
          <Dialog.Description id="gift-dialog-body" className="confirm-dialog__body">
            {t('book.gift.body')}
          </Dialog.Description>
          {view.isPending ? <ProgressLine label={t('book.gift.loading')} /> : null}
          <form className="form confirm-dialog__form" onSubmit={submit} noValidate>
            <Field label={t('book.gift.recipient')}>
              {(a11y) => (
                <select
                  className="input select"
                  value={recipient}
                  onChange={(event) => {
                    setRecipient(event.target.value);
                    setRepeat(null);
                  }}
                  data-private=""
                  {...a11y}
                >
                  <option value={clientId}>{client ? t('book.gift.self', { name: fullName(client) }) : t('book.gift.theClient')}</option>
                  {circle.map((person) => (
                    <option key={person.personId} value={person.personId}>
                      {person.relation.label ? `${person.firstName} ${person.lastName} — ${relationLabel(t, person.relation.label)}` : `${person.firstName} ${person.lastName}`}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('book.gift.occasion')} hint={t('book.gift.occasionHint')} error={fieldError('occasion')}>
              {(a11y) => <input className="input" autoComplete="off" value={occasion} onChange={(event) => setOccasion(event.target.value)} {...a11y} />}
            </Field>
            <Field label={t('book.gift.item')} error={fieldError('item')}>
              {(a11y) => (
                <input
                  ref={itemRef}
                  className="input"
                  autoComplete="off"
                  value={item}
                  onChange={(event) => {
                    setItem(event.target.value);
                    setRepeat(null);
                  }}
                  {...a11y}
                />
              )}
            </Field>
            <Field label={t('book.gift.givenAt')} error={fieldError('givenAt')}>
              {(a11y) => <input className="input" type="date" max={localToday()} value={givenAt} onChange={(event) => setGivenAt(event.target.value)} {...a11y} />}
            </Field>
            {repeat ? (
              <Notice tone="info" role="alert" className="gift-dialog__repeat" title={t('book.gift.repeat.title', { date: giftDate(repeat.givenAt) })}>
                <p>{t('book.gift.repeat.body')}</p>
              </Notice>
            ) : null}
            {problem?.field === 'form' ? (
              <Notice tone="error" role="alert">
                {problem.message}
              </Notice>
            ) : null}
            <div className="form__actions">
              {repeat ? (
                <>
                  <Button
                    variant="secondary"
                    onClick={() => {
                      setRepeat(null);
                      setItem('');
                      itemRef.current?.focus();
                    }}
                  >
                    {t('book.gift.repeat.another')}
                  </Button>
                  <Button variant="quiet" busy={add.isPending} busyLabel={t('book.gift.saving')} onClick={() => void record(true)}>
                    {t('book.gift.repeat.anyway')}
                  </Button>
                </>
              ) : (
                <>
                  <Button type="submit" variant="primary" busy={add.isPending} busyLabel={t('book.gift.saving')}>
                    {t('book.gift.submit')}
                  </Button>
                  <Dialog.Close asChild>
                    <Button variant="quiet">{t('common.cancel')}</Button>
                  </Dialog.Close>
                </>
              )}
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

/** The ledger's gifts by the year they were given, newest first. */
function byYear(gifts: readonly Gift[]): { year: string; gifts: Gift[] }[] {
  const years = new Map<string, Gift[]>();
  for (const gift of gifts) {
    const year = gift.givenAt.slice(0, 4);
    years.set(year, [...(years.get(year) ?? []), gift]);
  }
  return [...years.entries()].map(([year, list]) => ({ year, gifts: list }));
}

function recipientOf(t: TFunction, gift: Gift): string {
  if (gift.recipient.self) return t('book.gift.toClient');
  const name = [gift.recipient.firstName, gift.recipient.lastName].filter(Boolean).join(' ');
  if (!name) return t('book.gift.someone');
  return gift.recipient.relationLabel ? `${name} — ${relationLabel(t, gift.recipient.relationLabel)}` : name;
}

/**
 * `/clients/:id/gift`: the client's gift ledger, year by year — what was given, for which
 * occasion, to whom. "Record a gift" opens the dialog; it opens at once only when asked to
 * (`?record=1`), and the address forgets it once the dialog is closed.
 */
export function GiftPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('book.gift.pageTitle'));
  const { id = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const format = useFormatters();
  const giftDate = useGiftDate();
  const [open, setOpen] = useState(() => search.get('record') === '1');
  const [recorded, setRecorded] = useState<Gift | null>(null);
  const view = useClient360(id);
  const ledger = useGiftLedger(id);
  const gifts = ledger.data?.gifts;
  const restricted = view.data?.client.status === 'restricted';

  function onOpenChange(next: boolean): void {
    setOpen(next);
    if (!next && search.has('record')) {
      const rest = new URLSearchParams(search);
      rest.delete('record');
      setSearch(rest, { replace: true });
    }
  }

  const oldest = gifts && gifts.length > 0 ? gifts[gifts.length - 1] : undefined;

  return (
    <div className="page page--wide gift-page">
      <nav className="breadcrumb" aria-label={t('client.breadcrumb')}>
        <Link to={`/clients/${id}`} className="back-link">
          <span aria-hidden="true">← </span>
          {t('book.gift.back')}
        </Link>
      </nav>
      <header className="gift-page__header">
        <div>
          <p className="eyebrow" data-private="">
            {view.data ? <ClientName client={view.data.client} /> : '\u00a0'}
          </p>
          <h1 className="display display--lg">{t('book.gift.ledger')}</h1>
          {gifts && gifts.length > 0 && oldest ? (
            <p className="gift-page__summary">
              {t('records.gifts.summary', { count: gifts.length, formatted: format.number(gifts.length), since: format.monthYear(oldest.givenAt.slice(0, 10)) })}
            </p>
          ) : null}
        </div>
        {gifts !== null && !restricted ? (
          <Button variant="primary" className="gift-page__record" onClick={() => setOpen(true)}>
            {t('book.gift.open')}
          </Button>
        ) : null}
      </header>
      {recorded ? (
        <Notice tone="success" role="status" className="gift-page__recorded">
          {t('book.gift.recorded', { date: giftDate(recorded.givenAt) })}
        </Notice>
      ) : null}
      {ledger.isPending ? (
        <ProgressLine label={t('book.gift.loading')} />
      ) : ledger.isError ? (
        <Notice tone="error" role="alert">
          <p>{errorMessage(t, ledger.error)}</p>
        </Notice>
      ) : gifts === null ? (
        <p className="around__hidden">{t('book.gift.hidden')}</p>
      ) : gifts && gifts.length > 0 ? (
        <div className="gift-book">
          {byYear(gifts).map(({ year, gifts: list }) => (
            <section key={year} className="gift-book__year" aria-labelledby={`gift-year-${year}`}>
              <h2 id={`gift-year-${year}`} className="gift-book__year-label">
                {year}
              </h2>
              <ol className="gift-book__list">
                {list.map((gift) => (
                  <li key={gift.id} className={`gift-book__row${recorded?.id === gift.id ? ' gift-book__row--new' : ''}`}>
                    <time className="gift-book__date" dateTime={gift.givenAt}>
                      {format.dayMonth(gift.givenAt.slice(0, 10))}
                    </time>
                    <span className="gift-book__main">
                      <span className="gift-book__item" data-private="">
                        {gift.item}
                      </span>
                      <span className="gift-book__occasion">{gift.occasion}</span>
                      {gift.note ? (
                        <span className="gift-book__note" data-private="">
                          {gift.note}
                        </span>
                      ) : null}
                    </span>
                    <span className={`gift-book__who${gift.recipient.self ? ' gift-book__who--self' : ''}`} data-private="">
                      {recipientOf(t, gift)}
                    </span>
                  </li>
                ))}
              </ol>
            </section>
          ))}
        </div>
      ) : (
        <EmptyState title={t('book.gift.empty')}>
          <p>{t('records.gifts.emptyBody')}</p>
        </EmptyState>
      )}
      {gifts !== null ? (
        <GiftDialog
          clientId={id}
          open={open}
          onOpenChange={onOpenChange}
          onRecorded={(gift) => {
            setRecorded(gift);
          }}
        />
      ) : null}
    </div>
  );
}
