/**
 * Quick capture: a visit, a call, a message… and a note, in a few keystrokes (N to write,
 * Ctrl/⌘+Enter to save). While the advisor types, the core's scanner reads the note and what it
 * finds is marked under the very words typed; on saving, a note the core refuses (NOTE_FINDINGS)
 * is never lost: the advisor redacts, rephrases, or keeps a sensitive finding with a reason.
 * Special-category data (health, beliefs…) can never be kept.
 */
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent as ReactKeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelInput } from '../../api/contract';
import { isCarnetError } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { scanText, useAddInteraction } from '../../api/queries';
import { Button } from '../../components/Button';
import { isMac } from '../../components/Kbd';
import { Notice } from '../../components/Notice';
import { spanOf, type Finding } from './c360';
import { useLiveScan } from './useLiveScan';

const KINDS = ['visit', 'call', 'message', 'appointment', 'event'] as const;
type Kind = (typeof KINDS)[number];

const HOW: Record<Kind, Pick<ChannelInput<'interactions.add'>, 'direction' | 'channel'>> = {
  visit: { direction: 'inbound', channel: 'boutique' },
  call: { direction: 'outbound', channel: 'phone' },
  message: { direction: 'outbound' },
  appointment: { direction: 'inbound', channel: 'boutique' },
  event: { direction: 'inbound', channel: 'event' },
};

const NOTE_MAX = 10_000;

/** The note split into plain runs and marked findings, for the highlight layer under the text. */
function highlighted(text: string, findings: readonly Finding[]): ReactNode[] {
  const sorted = [...findings].filter((f) => f.end > f.start && f.end <= text.length).sort((a, b) => a.start - b.start);
  const parts: ReactNode[] = [];
  let at = 0;
  for (const f of sorted) {
    if (f.start < at) continue;
    if (f.start > at) parts.push(text.slice(at, f.start));
    parts.push(
      <mark key={`${f.start}:${f.end}`} className={`capture__mark capture__mark--${f.severity}`}>
        {text.slice(f.start, f.end)}
      </mark>,
    );
    at = f.end;
  }
  parts.push(text.slice(at));
  // A trailing line break needs something after it to take up its line.
  parts.push('\u200b');
  return parts;
}

function FindingList({ text, findings }: { text: string; findings: readonly Finding[] }) {
  const { t } = useTranslation();
  return (
    <ul className="findings">
      {findings.map((f) => (
        <li key={`${f.field}:${f.start}:${f.end}:${f.kind}`} className={`finding finding--${f.severity}`}>
          <span className="finding__what">
            {t(`c360.findings.kinds.${f.kind}`)}
            {f.category ? ` (${t(`c360.findings.categories.${f.category}`)})` : null}
          </span>
          <q className="finding__quote" data-private="">{spanOf(text, f)}</q>
          <span className="finding__rule">{t(f.severity === 'special' ? 'c360.findings.never' : 'c360.findings.mayKeep')}</span>
        </li>
      ))}
    </ul>
  );
}

export function QuickCapture({ clientId, disabled = false }: { clientId: string; disabled?: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const add = useAddInteraction(clientId);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const mirrorRef = useRef<HTMLDivElement>(null);
  const reasonRef = useRef<HTMLInputElement>(null);
  const [kind, setKind] = useState<Kind>('visit');
  const [note, setNote] = useState('');
  const [discreet, setDiscreet] = useState(false);
  /** The core refused the note as sent: what it found, in that exact text. */
  const [refused, setRefused] = useState<{ text: string; findings: Finding[] } | null>(null);
  const [keeping, setKeeping] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  // Reads what is typed through the core's scanner; nothing is stored, nothing cached.
  const live = useLiveScan(note, { personId: clientId, max: NOTE_MAX });
  const mod = isMac() ? '⌘' : 'Ctrl';

  // N opens the note from anywhere on the client's page.
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent): void {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.key.toLowerCase() !== 'n') return;
      const target = event.target;
      if (target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
      if (document.querySelector('[role="dialog"], [role="alertdialog"]')) return;
      event.preventDefault();
      noteRef.current?.focus();
      noteRef.current?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  async function save(text: string, accept?: ChannelInput<'interactions.add'>['acceptFindings']): Promise<void> {
    if (add.pending || disabled) return;
    setProblem(null);
    setSaved(false);
    const result = await add.run({
      clientId,
      kind,
      ...HOW[kind],
      ...(text.trim() ? { note: text } : {}),
      discreet,
      ...(accept && accept.length > 0 ? { acceptFindings: accept } : {}),
    });
    if (result.ok) {
      setNote('');
      setDiscreet(false);
      setRefused(null);
      setKeeping(false);
      setReason('');
      setSaved(true);
      return;
    }
    if (isCarnetError(result.error, 'NOTE_FINDINGS') && result.error.findings) {
      setRefused({ text, findings: result.error.findings });
      setKeeping(false);
      return;
    }
    setProblem(errorMessage(t, result.error));
  }

  function submit(event?: FormEvent): void {
    event?.preventDefault();
    if (note.trim() === '') {
      setProblem(t('c360.capture.emptyNote'));
      noteRef.current?.focus();
      return;
    }
    void save(note);
  }

  async function redact(): Promise<void> {
    if (!refused) return;
    try {
      const { redacted } = await scanText(refused.text, clientId);
      setNote(redacted);
      await save(redacted);
    } catch (error) {
      setProblem(errorMessage(t, error));
    }
  }

  function rephrase(): void {
    setRefused(null);
    setKeeping(false);
    const el = noteRef.current;
    if (!el) return;
    el.focus();
    const first = refused?.findings[0];
    if (first) el.setSelectionRange(first.start, first.end);
  }

  function keep(event: FormEvent): void {
    event.preventDefault();
    if (!refused) return;
    const why = reason.trim();
    if (!why) {
      setReasonError(true);
      reasonRef.current?.focus();
      return;
    }
    setReasonError(false);
    const accept = refused.findings
      .filter((f) => f.severity === 'sensitive' && f.kind !== 'special_category')
      .map((f) => ({ field: f.field, kind: f.kind as Exclude<Finding['kind'], 'special_category'>, start: f.start, end: f.end, reason: why.slice(0, 200) }));
    void save(refused.text, accept);
  }

  function onNoteKeyDown(event: ReactKeyboardEvent<HTMLTextAreaElement>): void {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      submit();
    }
  }

  const marks = live.exact;
  const special = refused?.findings.some((f) => f.severity === 'special') ?? false;
  const noteId = `${id}-note`;
  const hintId = `${id}-hint`;
  const liveId = `${id}-live`;

  return (
    <section className="capture" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="capture__title">
        {t('c360.capture.title')}
      </h3>
      <form className="capture__form" onSubmit={submit} noValidate>
        <fieldset className="capture__kinds">
          <legend className="visually-hidden">{t('c360.capture.kind')}</legend>
          {KINDS.map((k) => (
            <label key={k} className="segmented__option">
              <input type="radio" name={`${id}-kind`} value={k} checked={kind === k} onChange={() => setKind(k)} />
              {t(`c360.capture.kinds.${k}`)}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label className="field__label" htmlFor={noteId}>
            {t('c360.capture.note')}
          </label>
          <div className="capture__field">
            <div ref={mirrorRef} className="capture__mirror capture__text" aria-hidden="true" data-private="">
              {highlighted(note, marks)}
            </div>
            <textarea
              ref={noteRef}
              id={noteId}
              className="capture__input capture__text"
              data-private=""
              rows={5}
              value={note}
              maxLength={NOTE_MAX}
              placeholder={t('c360.capture.placeholder')}
              aria-describedby={`${hintId}${marks.length > 0 ? ` ${liveId}` : ''}`}
              aria-invalid={refused ? true : undefined}
              onChange={(event) => {
                setNote(event.target.value);
                setSaved(false);
                setProblem(null);
                if (refused && event.target.value !== refused.text) {
                  setRefused(null);
                  setKeeping(false);
                }
              }}
              onScroll={(event) => {
                if (mirrorRef.current) mirrorRef.current.scrollTop = event.currentTarget.scrollTop;
              }}
              onKeyDown={onNoteKeyDown}
            />
          </div>
          <p className="field__hint" id={hintId}>
            {t('c360.capture.hint', { mod })}
          </p>
        </div>
        {marks.length > 0 && !refused ? (
          <div className="capture__live" id={liveId}>
            <p className="capture__live-title">{t('c360.capture.live')}</p>
            <FindingList text={note} findings={marks} />
          </div>
        ) : null}
        <label className="capture__discreet">
          <input type="checkbox" checked={discreet} onChange={(event) => setDiscreet(event.target.checked)} />
          <span>{t('c360.capture.discreet')}</span>
        </label>
        {refused ? (
          <Notice tone="error" role="alert" title={t('c360.findings.title')} className="capture__refused">
            <p>{t('c360.findings.intro')}</p>
            <FindingList text={refused.text} findings={refused.findings} />
            {special ? <p className="capture__special">{t('c360.findings.special')}</p> : null}
            <div className="capture__actions">
              <Button variant="primary" onClick={() => void redact()} busy={add.pending}>
                {t('c360.findings.redact')}
              </Button>
              <Button variant="secondary" onClick={rephrase}>
                {t('c360.findings.rephrase')}
              </Button>
              {!special && !keeping ? (
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
            </div>
          </Notice>
        ) : null}
        {problem ? (
          <p className="field__error" role="alert">
            {problem}
          </p>
        ) : null}
        {refused || keeping ? null : (
          <div className="capture__submit">
            <Button type="submit" variant="primary" busy={add.pending} busyLabel={t('c360.capture.saving')} disabled={disabled}>
              {t('c360.capture.save')}
            </Button>
          </div>
        )}
        <p className="capture__saved" role="status">
          {saved ? t('c360.capture.saved') : ''}
        </p>
      </form>
      {refused && keeping && !special ? (
        <form className="capture__keep" onSubmit={keep} noValidate>
          <div className={`field${reasonError ? ' field--invalid' : ''}`}>
            <label className="field__label" htmlFor={`${id}-reason`}>
              {t('c360.findings.reason')}
            </label>
            <input
              ref={reasonRef}
              id={`${id}-reason`}
              className="input"
              value={reason}
              maxLength={200}
              aria-describedby={`${id}-reason-hint`}
              aria-invalid={reasonError || undefined}
              onChange={(event) => setReason(event.target.value)}
            />
            {reasonError ? <p className="field__error">{t('c360.findings.reasonMissing')}</p> : null}
            <p className="field__hint" id={`${id}-reason-hint`}>
              {t('c360.findings.reasonHint')}
            </p>
          </div>
          <div className="capture__actions">
            <Button type="submit" variant="primary" busy={add.pending}>
              {t('c360.findings.keepSave')}
            </Button>
            <Button variant="quiet" onClick={() => setKeeping(false)}>
              {t('common.cancel')}
            </Button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
