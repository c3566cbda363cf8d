/**
 * Records a purchase: the piece, its category, the amount typed as the advisor writes numbers
 * ("4 250,00" in French, "4,250.00" in English) in its own currency, the day (never to come), where
 * it was bought and, when it was a present, for whom. The amount is read into integer minor units
 * of the currency (no cents of a yen); a fraction finer than that, a negative or an absurd amount
 * is refused here with a reason — and again by the core.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/errors';
import { useClient360 } from '../../api/queries';
import { useAddPurchase } from '../../api/recordsQueries';
import { Field } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import { localToday, useFormatters } from '../../i18n/format';
import { formatMoney } from './c360';
import { CURRENCIES, CURRENCY_MINOR_DIGITS, isCurrency, largestAmount, parseAmount, type AmountProblem, type Currency } from './PurchaseAmount';
import { relationLabel } from '../../components/relationLabel';

export const PURCHASE_CATEGORIES = ['leather_goods', 'ready_to_wear', 'jewellery', 'watches', 'fragrance', 'home', 'accessories', 'other'] as const;
export const PURCHASE_CHANNELS = ['boutique', 'private_salon', 'trunk_show', 'remote'] as const;
type Category = (typeof PURCHASE_CATEGORIES)[number];
type Channel = (typeof PURCHASE_CHANNELS)[number];

/** The instant of a purchase made on `date`: now for today, the middle of that day otherwise. */
export function purchaseInstant(date: string, now: number = Date.now()): string {
  if (date === localToday(now)) return new Date(now).toISOString();
  return new Date(`${date}T12:00:00`).toISOString();
}

type Problem = { item?: true; amount?: AmountProblem; date?: 'required' | 'future' };

export function PurchaseDialog({ clientId, open, onOpenChange }: { clientId: string; open: boolean; onOpenChange: (open: boolean) => void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const add = useAddPurchase();
  const view = useClient360(clientId);
  const spend = view.data?.relationship.spend ?? [];
  const usual = spend.length > 0 ? [...spend].sort((a, b) => b.purchases - a.purchases)[0]?.currency : undefined;
  // The currency the client usually pays in; the maison's euro otherwise.
  const defaultCurrency: Currency = usual && isCurrency(usual) ? usual : 'EUR';
  const circle = view.data?.circle ?? [];
  const [item, setItem] = useState('');
  const [category, setCategory] = useState<Category>('leather_goods');
  const [amount, setAmount] = useState('');
  const [currency, setCurrency] = useState<Currency>(defaultCurrency);
  const [date, setDate] = useState(() => localToday());
  const [channel, setChannel] = useState<Channel>('boutique');
  const [recipient, setRecipient] = useState(clientId);
  const [problem, setProblem] = useState<Problem>({});
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    setItem('');
    setCategory('leather_goods');
    setAmount('');
    setCurrency(defaultCurrency);
    setDate(localToday());
    setChannel('boutique');
    setRecipient(clientId);
    setProblem({});
    setError(null);
    // The usual currency is read once, as the dialog opens.
  }, [open, clientId]);

  const parsed = amount.trim() ? parseAmount(amount, format.locale, currency) : null;
  const digits = CURRENCY_MINOR_DIGITS[currency];
  const example = formatMoney(format.locale, 4_250 * 10 ** digits, currency);

  function amountMessage(p: AmountProblem): string {
    switch (p) {
      case 'fraction':
        return digits === 0 ? t('records.purchase.errors.noFraction', { currency }) : t('records.purchase.errors.fraction', { currency, count: digits });
      case 'tooLarge':
        return t('records.purchase.errors.tooLarge', { max: largestAmount(format.locale, currency) });
      default:
        return t(`records.purchase.errors.${p}`);
    }
  }

  async function save(): Promise<void> {
    if (add.pending) return;
    const next: Problem = {};
    if (!item.trim()) next.item = true;
    const read = parseAmount(amount, format.locale, currency);
    if (!read.ok) next.amount = read.problem;
    if (!date) next.date = 'required';
    else if (date > localToday()) next.date = 'future';
    setProblem(next);
    if (Object.keys(next).length > 0 || !read.ok) return;
    setError(null);
    const result = await add.run({
      clientId,
      purchasedAt: purchaseInstant(date),
      category,
      item: item.trim(),
      amountMinor: read.minor,
      currency,
      channel,
      ...(recipient !== clientId ? { recipientPersonId: recipient } : {}),
    });
    if (result.ok) {
      onOpenChange(false);
      return;
    }
    setError(errorMessage(t, result.error));
  }

  return (
    <FormDialog
      open={open}
      onOpenChange={onOpenChange}
      title={t('records.purchase.title')}
      description={t('records.purchase.body')}
      submitLabel={t('records.purchase.submit')}
      busy={add.pending}
      busyLabel={t('records.saving')}
      error={error}
      onSubmit={() => void save()}
      size="wide"
      className="record-dialog"
    >
      <div className="form-dialog__row record-dialog__pair">
        <Field label={t('records.purchase.item')} error={problem.item ? t('records.errors.required') : undefined}>
          {(a11y) => <input className="input" autoComplete="off" maxLength={200} value={item} onChange={(event) => setItem(event.target.value)} {...a11y} />}
        </Field>
        <Field label={t('records.purchase.category')}>
          {(a11y) => (
            <select className="input select" value={category} onChange={(event) => setCategory(event.target.value as Category)} {...a11y}>
              {PURCHASE_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {t(`c360.timeline.categories.${c}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="record-dialog__money">
        <Field
          label={t('records.purchase.amount')}
          error={problem.amount ? amountMessage(problem.amount) : undefined}
          hint={parsed?.ok ? <span data-private="">{t('records.purchase.reads', { amount: formatMoney(format.locale, parsed.minor, currency) })}</span> : t('records.purchase.amountHint', { example })}
        >
          {(a11y) => (
            <input
              className="input record-dialog__amount"
              inputMode="decimal"
              autoComplete="off"
              data-private=""
              value={amount}
              onChange={(event) => {
                setAmount(event.target.value);
                if (problem.amount) setProblem((p) => ({ ...p, amount: undefined }));
              }}
              onBlur={() => {
                const read = amount.trim() ? parseAmount(amount, format.locale, currency) : null;
                if (read && !read.ok) setProblem((p) => ({ ...p, amount: read.problem }));
              }}
              {...a11y}
            />
          )}
        </Field>
        <Field label={t('records.purchase.currency')}>
          {(a11y) => (
            <select
              className="input select"
              value={currency}
              onChange={(event) => {
                if (isCurrency(event.target.value)) setCurrency(event.target.value);
                setProblem((p) => ({ ...p, amount: undefined }));
              }}
              {...a11y}
            >
              {CURRENCIES.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className={`form-dialog__row${circle.length > 0 ? ' record-dialog__trio' : ''}`}>
        <Field label={t('records.purchase.date')} error={problem.date ? t(problem.date === 'future' ? 'records.purchase.errors.future' : 'records.errors.required') : undefined}>
          {(a11y) => <input className="input" type="date" max={localToday()} value={date} onChange={(event) => setDate(event.target.value)} {...a11y} />}
        </Field>
        <Field label={t('records.purchase.channel')}>
          {(a11y) => (
            <select className="input select" value={channel} onChange={(event) => setChannel(event.target.value as Channel)} {...a11y}>
              {PURCHASE_CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {t(`c360.timeline.where.${c}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {circle.length > 0 ? (
          <Field label={t('records.purchase.for')}>
            {(a11y) => (
              <select className="input select" value={recipient} onChange={(event) => setRecipient(event.target.value)} data-private="" {...a11y}>
                <option value={clientId}>{t('book.gift.theClient')}</option>
                {circle.map((person) => (
                  <option key={person.personId} value={person.personId}>
                    {person.relation.label ? `${person.firstName} ${person.lastName} — ${relationLabel(t, person.relation.label)}` : `${person.firstName} ${person.lastName}`}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
      </div>
    </FormDialog>
  );
}
