import * as Dialog from '@radix-ui/react-dialog';
import { useEffect, useRef, useState, type FormEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientSummary, OutreachChannel, Purpose } from '../../api/contract';
import { errorMessage } from '../../api/errors';
import { usePrivacySettings, useRecordConsent } from '../../api/queries';
import { Button } from '../../components/Button';
import { fullName, grammaticalContext } from '../../components/ClientName';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';

/** What the advisor is recording: a consent given or taken back, an objection made or lifted. */
export type ConsentMove = 'grant' | 'withdraw' | 'object' | 'lift';

export interface ConsentChange {
  purpose: Purpose;
  channel: OutreachChannel | null;
  move: ConsentMove;
}

const SOURCES = ['in_person', 'signed_form', 'digital'] as const;
type Source = (typeof SOURCES)[number];

/** The contract's rule for a notice version, said before the core has to refuse it. */
const NOTICE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const NOTICE_MAX = 40;
const EVIDENCE_MAX = 500;

type Problem = { field: 'notice'; key: 'noticeRequired' | 'notice' } | { field: 'evidence'; key: 'evidenceLong' } | { field: 'form'; message: string };

/**
 * The register entry for one change of consent: how the client said it, under which notice, and
 * a reference for the evidence. The core checks it against the ledger; on success the client's
 * page is read again, so what the new consents hide leaves the page at once.
 */
export function ConsentDialog({
  client,
  change,
  defaultNotice,
  returnFocus,
  onClose,
  onRecorded,
}: {
  client: ClientSummary;
  change: ConsentChange | null;
  defaultNotice: string;
  /** The button that opened the dialog: the focus returns there (it stays in its row). */
  returnFocus: RefObject<HTMLElement | null>;
  onClose: () => void;
  onRecorded: (change: ConsentChange) => void;
}) {
  const { t } = useTranslation();
  const record = useRecordConsent(client.id);
  const settings = usePrivacySettings();
  const noticeInput = useRef<HTMLInputElement>(null);
  const evidenceInput = useRef<HTMLInputElement>(null);
  const [source, setSource] = useState<Source>('in_person');
  const [notice, setNotice] = useState(defaultNotice);
  const [evidence, setEvidence] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  // What the dialog shows while it closes, after the change it was opened for is gone.
  const [shown, setShown] = useState<ConsentChange | null>(change);

  useEffect(() => {
    if (!change) return;
    setShown(change);
    setSource('in_person');
    setNotice(defaultNotice);
    setEvidence('');
    setProblem(null);
  }, [change, defaultNotice]);

  const name = fullName(client);
  const context = grammaticalContext(client.honorific);
  const move = shown?.move ?? 'grant';
  const action = move === 'grant' || move === 'lift' ? 'grant' : 'withdraw';
  const graceDays = settings.data?.purgeGraceDays;
  const channelPhrase = shown?.channel ? t(`consents.channelPhrase.${shown.channel}`) : '';

  let consequence: string;
  if (move === 'grant') consequence = t('consents.dialog.consequence.grant', { name });
  else if (move === 'object') consequence = t('consents.dialog.consequence.object', { name });
  else if (move === 'lift') consequence = t('consents.dialog.consequence.lift', { name });
  else if (shown?.purpose === 'outreach') consequence = t('consents.dialog.consequence.outreach', { name, channel: channelPhrase });
  else if (shown?.purpose === 'relationship_mapping') consequence = t('consents.dialog.consequence.relationship_mapping', { name, count: graceDays ?? 30 });
  else consequence = t('consents.dialog.consequence.personalisation', { name, count: graceDays ?? 30 });

  function close(next: boolean): void {
    if (next || record.pending) return;
    onClose();
  }

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (!shown || record.pending) return;
    const version = notice.trim();
    const note = evidence.trim();
    if (version.length === 0) {
      setProblem({ field: 'notice', key: 'noticeRequired' });
      noticeInput.current?.focus();
      return;
    }
    if (version.length > NOTICE_MAX || !NOTICE.test(version)) {
      setProblem({ field: 'notice', key: 'notice' });
      noticeInput.current?.focus();
      return;
    }
    if (note.length > EVIDENCE_MAX) {
      setProblem({ field: 'evidence', key: 'evidenceLong' });
      evidenceInput.current?.focus();
      return;
    }
    setProblem(null);
    const result = await record.run({
      clientId: client.id,
      purpose: shown.purpose,
      ...(shown.channel ? { channel: shown.channel } : {}),
      action,
      source,
      noticeVersion: version,
      ...(note ? { evidence: note } : {}),
    });
    if (result.ok) {
      setEvidence('');
      onRecorded(shown);
      return;
    }
    setProblem({ field: 'form', message: errorMessage(t, result.error) });
  }

  const purposeLabel = shown ? t(`purposes.${shown.purpose}`) : '';
  const fieldError = (field: 'notice' | 'evidence'): string | undefined =>
    problem && problem.field === field ? t(`consents.dialog.errors.${problem.key}`) : undefined;

  return (
    <Dialog.Root open={change !== null} onOpenChange={close}>
      <Dialog.Portal>
        <Dialog.Overlay className="confirm-dialog__overlay" />
        <Dialog.Content
          className="confirm-dialog consent-dialog"
          aria-describedby="consent-dialog-consequence"
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            if (returnFocus.current?.isConnected) returnFocus.current.focus();
          }}
        >
          <span className="confirm-dialog__ornament consent-dialog__ornament" aria-hidden="true" />
          <Dialog.Title className="confirm-dialog__title">{t(`consents.dialog.title.${move}`)}</Dialog.Title>
          <dl className="consent-dialog__facts">
            <div>
              <dt>{t('consents.dialog.client', { context })}</dt>
              <dd>{name}</dd>
            </div>
            <div>
              <dt>{t('consents.dialog.purpose')}</dt>
              <dd>
                {purposeLabel}
                {shown?.channel ? ` — ${t(`channels.${shown.channel}`)}` : null}
              </dd>
            </div>
          </dl>
          <Dialog.Description id="consent-dialog-consequence" className="confirm-dialog__body">
            {consequence}
          </Dialog.Description>
          <form className="form confirm-dialog__form consent-dialog__form" onSubmit={(event) => void submit(event)} noValidate>
            <fieldset className="choice">
              <legend className="field__label">{t(`consents.dialog.source.${action}`, { context })}</legend>
              <div className="choice__options consent-dialog__sources">
                {SOURCES.map((value) => (
                  <label key={value} className="choice__option">
                    <input type="radio" name="consent-source" value={value} checked={source === value} onChange={() => setSource(value)} disabled={record.pending} />
                    <span>{t(`consents.dialog.sources.${value}`)}</span>
                  </label>
                ))}
              </div>
            </fieldset>
            <Field label={t('consents.dialog.notice')} hint={t('consents.dialog.noticeHint')} error={fieldError('notice')}>
              {(a11y) => (
                <input
                  ref={noticeInput}
                  className="input"
                  autoComplete="off"
                  spellCheck={false}
                  maxLength={NOTICE_MAX + 10}
                  value={notice}
                  onChange={(event) => setNotice(event.target.value)}
                  readOnly={record.pending}
                  {...a11y}
                />
              )}
            </Field>
            <Field label={t('consents.dialog.evidence')} hint={t('consents.dialog.evidenceHint')} error={fieldError('evidence')}>
              {(a11y) => (
                <input
                  ref={evidenceInput}
                  className="input"
                  autoComplete="off"
                  value={evidence}
                  onChange={(event) => setEvidence(event.target.value)}
                  readOnly={record.pending}
                  {...a11y}
                />
              )}
            </Field>
            <p className="visually-hidden" role="alert">
              {problem && problem.field !== 'form' ? t(`consents.dialog.errors.${problem.key}`) : ''}
            </p>
            {problem?.field === 'form' ? (
              <Notice tone="error" role="alert">
                {problem.message}
              </Notice>
            ) : null}
            <div className="form__actions">
              <Button type="submit" variant="primary" busy={record.pending} busyLabel={t('consents.dialog.saving')}>
                {t(`consents.dialog.submit.${move}`)}
              </Button>
              <Dialog.Close asChild>
                <Button variant="quiet" disabled={record.pending}>
                  {t('common.cancel')}
                </Button>
              </Dialog.Close>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
