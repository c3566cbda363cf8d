import * as Dialog from '@radix-ui/react-dialog';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { invoke, isCarnetError } from '../api/client';
import type { ChannelOutput } from '../api/contract';
import { errorMessage } from '../api/errors';
import { useAddGift, useClient360 } from '../api/queries';
import { Button } from '../components/Button';
import { ClientName, fullName } from '../components/ClientName';
import { EmptyState } from '../components/EmptyState';
import { Field } from '../components/Field';
import { Notice } from '../components/Notice';
import { ProgressLine } from '../components/ProgressLine';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { localToday, useFormatters } from '../i18n/format';

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
                      {person.relation.label ? `${person.firstName} ${person.lastName} — ${person.relation.label}` : `${person.firstName} ${person.lastName}`}
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

/** `/clients/:id/gift`: the client's gift ledger, with the dialog to record one open at once. */
export function GiftPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('book.gift.pageTitle'));
  const { id = '' } = useParams();
  const giftDate = useGiftDate();
  const [open, setOpen] = useState(true);
  const [recorded, setRecorded] = useState<Gift | null>(null);
  const view = useClient360(id);
  const ledger = useQuery({ queryKey: ['clients', 'gifts', id], queryFn: () => invoke('gifts.list', { clientId: id }) });
  const gifts = ledger.data?.gifts;

  return (
    <div className="page page--wide gift-page">
      <nav className="breadcrumb" aria-label={t('client.breadcrumb')}>
        <Link to={`/clients/${id}`} className="back-link">
          <span aria-hidden="true">← </span>
          {t('book.gift.back')}
        </Link>
      </nav>
      <header className="new-client__header">
        <p className="eyebrow">{view.data ? <ClientName client={view.data.client} /> : '\u00a0'}</p>
        <h1 className="display display--lg">{t('book.gift.ledger')}</h1>
      </header>
      {recorded ? (
        <Notice tone="success" role="status" className="gift-page__recorded">
          {t('book.gift.recorded', { date: giftDate(recorded.givenAt) })}
        </Notice>
      ) : null}
      <div className="gift-page__actions">
        <Button variant="primary" onClick={() => setOpen(true)}>
          {t('book.gift.open')}
        </Button>
      </div>
      {ledger.isPending ? (
        <ProgressLine label={t('book.gift.loading')} />
      ) : gifts === null ? (
        <Notice tone="info">{t('book.gift.hidden')}</Notice>
      ) : gifts && gifts.length > 0 ? (
        <ol className="gift-ledger">
          {gifts.map((gift) => (
            <li key={gift.id} className="gift-ledger__row">
              <span className="gift-ledger__date numeric">{giftDate(gift.givenAt)}</span>
              <span className="gift-ledger__item" data-private="">
                {gift.item}
              </span>
              <span className="gift-ledger__who" data-private="">
                {gift.recipient.self ? t('book.gift.toClient') : [gift.recipient.firstName, gift.recipient.lastName].filter(Boolean).join(' ') || t('book.gift.someone')}
              </span>
              <span className="gift-ledger__occasion">{gift.occasion}</span>
            </li>
          ))}
        </ol>
      ) : (
        <EmptyState title={t('book.gift.empty')} />
      )}
      <GiftDialog
        clientId={id}
        open={open}
        onOpenChange={setOpen}
        onRecorded={(gift) => {
          setRecorded(gift);
          void ledger.refetch();
        }}
      />
    </div>
  );
}
