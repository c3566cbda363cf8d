/**
 * Opens an after-sales case: what kind (a repair, a resizing, an engraving, a cleaning), which
 * piece — one of the client's purchases offered as a suggestion, or any words — and a note for the
 * workshop. The case opens as "open" and moves on from the Client 360. The note is read by the
 * scanner as the advisor types (what it sees is shown quietly under it) and scanned by the core
 * again before anything is written; what the core refuses is shown under the field.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isCarnetError } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { useAddAfterSales, useRecentPurchases } from '../../api/recordsQueries';
import { Field } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import { RecordChoice } from './RecordChoice';
import { LiveFindings, RecordFindings, acceptAll, redactAll, type Acceptance, type Refusal } from './RecordFindings';
import { useLiveScan } from './useLiveScan';

export const AFTER_SALES_KINDS = ['repair', 'resize', 'engraving', 'cleaning'] as const;
type Kind = (typeof AFTER_SALES_KINDS)[number];

/** The client's recent purchases, newest first, for the item's suggestions (asked only while open). */
function usePurchasedItems(clientId: string, open: boolean): string[] {
  const recent = useRecentPurchases(clientId, open);
  if (!open) return [];
  const items = (recent.data?.items ?? []).flatMap((i) => (i.type === 'purchase' ? [i.purchase.item] : []));
  return [...new Set(items)].slice(0, 20);
}

export function AfterSalesDialog({ clientId, open, onOpenChange }: { clientId: string; open: boolean; onOpenChange: (open: boolean) => void }) {
  const { t } = useTranslation();
  const listId = useId();
  const add = useAddAfterSales();
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const purchased = usePurchasedItems(clientId, open);
  const [kind, setKind] = useState<Kind>('repair');
  const [item, setItem] = useState('');
  const [note, setNote] = useState('');
  const [itemMissing, setItemMissing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  // Nothing stored: what the scanner sees while typing. The core scans again on save.
  const noteScan = useLiveScan(note, { personId: clientId, enabled: open });
  const itemScan = useLiveScan(item, { personId: clientId, enabled: open });

  useEffect(() => {
    if (!open) return;
    setKind('repair');
    setItem('');
    setNote('');
    setItemMissing(false);
    setError(null);
    setRefusal(null);
  }, [open]);

  async function save(text: string, accept?: Acceptance[]): Promise<void> {
    if (add.pending) return;
    if (!item.trim()) return setItemMissing(true);
    setItemMissing(false);
    setError(null);
    const result = await add.run({
      clientId,
      kind,
      item: item.trim(),
      ...(text.trim() ? { note: text } : {}),
      ...(accept && accept.length > 0 ? { acceptFindings: accept } : {}),
    });
    if (result.ok) {
      setRefusal(null);
      onOpenChange(false);
      return;
    }
    // The piece is scanned too; what is found there is shown live under it, to rephrase.
    if (isCarnetError(result.error, 'NOTE_FINDINGS') && result.error.findings && result.error.findings.every((f) => f.field === 'note')) {
      setRefusal({ texts: { note: text }, findings: result.error.findings });
      return;
    }
    setError(errorMessage(t, result.error));
  }

  return (
    <FormDialog
      open={open}
      onOpenChange={onOpenChange}
      title={t('records.afterSales.title')}
      description={t('records.afterSales.body')}
      submitLabel={t('records.afterSales.submit')}
      busy={add.pending}
      busyLabel={t('records.saving')}
      error={error}
      onSubmit={() => void save(note)}
      className="record-dialog"
    >
      <RecordChoice
        legend={t('records.afterSales.kind')}
        name="after-sales-kind"
        options={AFTER_SALES_KINDS.map((k) => ({ value: k, label: t(`c360.afterSales.kinds.${k}`) }))}
        value={kind}
        onChange={(value) => setKind(value as Kind)}
      />
      <Field
        label={t('records.afterSales.item')}
        hint={purchased.length > 0 ? t('records.afterSales.itemHint') : undefined}
        error={itemMissing ? t('records.errors.required') : undefined}
        extra={itemScan.steady.length > 0 ? <LiveFindings scan={itemScan} onRedact={setItem} /> : undefined}
      >
        {(a11y) => (
          <input
            className="input"
            autoComplete="off"
            maxLength={200}
            list={purchased.length > 0 ? listId : undefined}
            value={item}
            onChange={(event) => setItem(event.target.value)}
            {...a11y}
          />
        )}
      </Field>
      {purchased.length > 0 ? (
        <datalist id={listId}>
          {purchased.map((p) => (
            <option key={p} value={p} />
          ))}
        </datalist>
      ) : null}
      <Field
        label={t('records.afterSales.note')}
        hint={t('records.afterSales.noteHint')}
        extra={
          !refusal && noteScan.steady.length > 0 ? (
            <LiveFindings
              scan={noteScan}
              onRedact={(redacted) => {
                setNote(redacted);
                noteRef.current?.focus();
              }}
            />
          ) : undefined
        }
      >
        {(a11y) => (
          <textarea
            ref={noteRef}
            className="input record-dialog__note"
            rows={3}
            maxLength={10_000}
            data-private=""
            value={note}
            onChange={(event) => {
              setNote(event.target.value);
              if (refusal && refusal.texts.note !== event.target.value) setRefusal(null);
            }}
            {...a11y}
          />
        )}
      </Field>
      {refusal ? (
        <RecordFindings
          refusal={refusal}
          fieldLabels={{ note: t('records.afterSales.note') }}
          busy={add.pending}
          onRedact={() => {
            void redactAll(refusal, clientId).then(
              (texts) => {
                const next = texts.note ?? note;
                setNote(next);
                setRefusal(null);
                return save(next);
              },
              (e: unknown) => setError(errorMessage(t, e)),
            );
          }}
          onRephrase={(first) => {
            setRefusal(null);
            noteRef.current?.focus();
            if (first) noteRef.current?.setSelectionRange(first.start, first.end);
          }}
          onKeep={(reason) => void save(note, acceptAll(refusal.findings, reason))}
        />
      ) : null}
    </FormDialog>
  );
}
