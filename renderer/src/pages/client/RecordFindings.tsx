/**
 * What the core's scanner found in a dialog's free text (an appointment's purpose and note, an
 * after-sales note) when it refused to store it (NOTE_FINDINGS): each finding with the very words
 * typed, then the advisor's choice — redact and save, rephrase, or keep a sensitive finding with a
 * reason. Special-category data can never be kept. Nothing is lost: the fields keep their text.
 * Before that, `LiveFindings` shows under a field what the scanner sees while the advisor types.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { scanText } from '../../api/queries';
import { Button } from '../../components/Button';
import { Notice } from '../../components/Notice';
import { spanOf, type Finding } from './c360';
import type { LiveScan } from './useLiveScan';

export type Refusal = { texts: Readonly<Record<string, string>>; findings: readonly Finding[] };

export type Acceptance = { field: string; kind: Exclude<Finding['kind'], 'special_category'>; start: number; end: number; reason: string };

/** The acceptances for every sensitive finding, with the advisor's reason. */
export function acceptAll(findings: readonly Finding[], reason: string): Acceptance[] {
  return findings
    .filter((f) => f.severity === 'sensitive' && f.kind !== 'special_category')
    .map((f) => ({ field: f.field, kind: f.kind as Acceptance['kind'], start: f.start, end: f.end, reason: reason.slice(0, 200) }));
}

/** Each refused text with its findings replaced by the scanner's "[redacted]". */
export async function redactAll(refusal: Refusal, clientId: string): Promise<Record<string, string>> {
  const out: Record<string, string> = { ...refusal.texts };
  const fields = new Set(refusal.findings.map((f) => f.field));
  for (const field of fields) {
    const text = refusal.texts[field];
    if (text) out[field] = (await scanText(text, clientId)).redacted;
  }
  return out;
}

export function RecordFindings({
  refusal,
  fieldLabels,
  busy,
  onRedact,
  onRephrase,
  onKeep,
}: {
  refusal: Refusal;
  /** The label of each scanned field, as the dialog names it. */
  fieldLabels: Readonly<Record<string, string>>;
  busy: boolean;
  onRedact: () => void;
  onRephrase: (first: Finding | undefined) => void;
  onKeep: (reason: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const reasonRef = useRef<HTMLInputElement>(null);
  const [keeping, setKeeping] = useState(false);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const boxRef = useRef<HTMLDivElement>(null);
  const special = refusal.findings.some((f) => f.severity === 'special');
  // The dialog may be taller than the window: bring what was found into view.
  useEffect(() => {
    boxRef.current?.scrollIntoView({ block: 'nearest' });
  }, [refusal]);
  const several = new Set(refusal.findings.map((f) => f.field)).size > 1;

  function keep(): void {
    if (!reason.trim()) {
      setMissing(true);
      reasonRef.current?.focus();
      return;
    }
    setMissing(false);
    onKeep(reason.trim());
  }

  return (
    <div ref={boxRef}>
      <Notice tone="error" role="alert" title={t('c360.findings.title')} className="record-findings">
        <p>{t('records.findings.intro')}</p>
        <ul className="findings">
          {refusal.findings.map((f) => (
            <li key={`${f.field}:${f.start}:${f.end}:${f.kind}`} className={`finding finding--${f.severity}`}>
              <span className="finding__what">
                {t(`c360.findings.kinds.${f.kind}`)}
                {f.category ? ` (${t(`c360.findings.categories.${f.category}`)})` : null}
                {several && fieldLabels[f.field] ? <span className="record-findings__field"> · {fieldLabels[f.field]}</span> : null}
              </span>
              <q className="finding__quote" data-private="">
                {spanOf(refusal.texts[f.field] ?? '', f)}
              </q>
              <span className="finding__rule">{t(f.severity === 'special' ? 'c360.findings.never' : 'c360.findings.mayKeep')}</span>
            </li>
          ))}
        </ul>
        {special ? <p className="capture__special">{t('c360.findings.special')}</p> : null}
        {keeping && !special ? (
          <div className={`field record-findings__reason${missing ? ' field--invalid' : ''}`}>
            <label className="field__label" htmlFor={`${id}-reason`}>
              {t('c360.findings.reason')}
            </label>
            <input
              ref={reasonRef}
              id={`${id}-reason`}
              className="input"
              value={reason}
              maxLength={200}
              aria-invalid={missing || undefined}
              aria-describedby={`${id}-reason-hint`}
              onChange={(event) => setReason(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter') {
                  event.preventDefault();
                  keep();
                }
              }}
            />
            {missing ? <p className="field__error">{t('c360.findings.reasonMissing')}</p> : null}
            <p className="field__hint" id={`${id}-reason-hint`}>
              {t('c360.findings.reasonHint')}
            </p>
          </div>
        ) : null}
        <div className="capture__actions">
          {keeping && !special ? (
            <>
              <Button variant="primary" busy={busy} onClick={keep}>
                {t('c360.findings.keepSave')}
              </Button>
              <Button variant="quiet" onClick={() => setKeeping(false)}>
                {t('common.cancel')}
              </Button>
            </>
          ) : (
            <>
              <Button variant="primary" busy={busy} onClick={onRedact}>
                {t('c360.findings.redact')}
              </Button>
              <Button variant="secondary" onClick={() => onRephrase(refusal.findings[0])}>
                {t('c360.findings.rephrase')}
              </Button>
              {!special ? (
                <Button
                  variant="quiet"
                  onClick={() => {
                    setKeeping(true);
                    window.setTimeout(() => reasonRef.current?.focus(), 0);
                  }}
                >
                  {t('c360.findings.keep')}
                </Button>
              ) : null}
            </>
          )}
        </div>
      </Notice>
    </div>
  );
}

/**
 * What the scanner sees in a field as the advisor types (useLiveScan), quietly under it: each
 * finding with its words and whether it may be kept, and a way to redact it there and then.
 * Render it only when `scan.steady` holds something; nothing here is stored.
 */
export function LiveFindings({ scan, onRedact }: { scan: LiveScan; onRedact: (redacted: string) => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const text = scan.scanned?.text ?? '';
  const special = scan.steady.some((f) => f.severity === 'special');

  function redact(): void {
    if (busy) return;
    setBusy(true);
    scan.redact().then(
      (redacted) => {
        setBusy(false);
        onRedact(redacted);
      },
      () => setBusy(false),
    );
  }

  return (
    <div className="live-findings">
      <p className="live-findings__title">{t(special ? 'records.live.titleSpecial' : 'records.live.title')}</p>
      <ul className="findings">
        {scan.steady.map((f) => (
          <li key={`${f.start}:${f.end}:${f.kind}`} className={`finding finding--${f.severity}`}>
            <span className="finding__what">
              {t(`c360.findings.kinds.${f.kind}`)}
              {f.category ? ` (${t(`c360.findings.categories.${f.category}`)})` : null}
            </span>
            <q className="finding__quote" data-private="">
              {spanOf(text, f)}
            </q>
            <span className="finding__rule">{t(f.severity === 'special' ? 'c360.findings.never' : 'c360.findings.mayKeep')}</span>
          </li>
        ))}
      </ul>
      <Button variant="quiet" className="live-findings__redact" busy={busy} onClick={redact}>
        {t('records.live.redact')}
      </Button>
    </div>
  );
}
