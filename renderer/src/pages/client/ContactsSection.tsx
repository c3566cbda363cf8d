/**
 * The Client 360's contact points: each by channel, the preferred one marked, the values veiled
 * in discreet mode. The advisor adds one, corrects one, makes one preferred, removes one (after a
 * confirmation). `contacts` null means the current consents hide them: one quiet line says so.
 * The core's gate may refuse a write: its typed error is said in the advisor's words.
 */
import * as AlertDialog from '@radix-ui/react-alert-dialog';
import { useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { isCarnetError } from '../../api/client';
import { outreachChannelIds, type OutreachChannel } from '../../api/contract';
import { errorMessage } from '../../api/errors';
import { useRemoveContact, useSetContact } from '../../api/editQueries';
import { useClient360 } from '../../api/queries';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import { Notice } from '../../components/Notice';
import { useFormatters } from '../../i18n/format';
import type { Client360 } from './c360';

type ContactPoint = NonNullable<Client360['contacts']>[number];

/** As the contract allows: 300 characters (a postal address); an e-mail is at most 254. */
const VALUE_MAX = 300;

/** The provenance a rewrite keeps: an imported contact confirmed by the advisor becomes declared. */
function keptProvenance(c: ContactPoint): 'declared' | 'observed' {
  return c.provenance === 'observed' ? 'observed' : 'declared';
}

/** A refusal in the advisor's words: a malformed value names what the channel expects. */
function refusal(t: TFunction, error: unknown, channel: OutreachChannel): string {
  if (isCarnetError(error, 'INVALID_INPUT')) return t(`edit.contacts.invalid.${channel}`);
  return errorMessage(t, error);
}

interface Draft {
  id: string | null;
  channel: OutreachChannel;
  value: string;
  preferred: boolean;
  provenance: 'declared' | 'observed';
}

function ContactDialog({
  clientId,
  draft,
  onClose,
  first,
}: {
  clientId: string;
  draft: Draft;
  onClose: () => void;
  /** No contact point yet: the first one is preferred unless unticked. */
  first: boolean;
}) {
  const { t } = useTranslation();
  const save = useSetContact();
  const [channel, setChannel] = useState<OutreachChannel>(draft.channel);
  const [value, setValue] = useState(draft.value);
  const [preferred, setPreferred] = useState(draft.preferred || first);
  const [fieldError, setFieldError] = useState<string | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const valueRef = useRef<HTMLInputElement>(null);
  const editing = draft.id !== null;

  async function submit(): Promise<void> {
    const trimmed = value.trim();
    setError(null);
    if (!trimmed) {
      setFieldError(t('book.newClient.errors.required'));
      valueRef.current?.focus();
      return;
    }
    if (trimmed.length > VALUE_MAX) {
      setFieldError(t('book.newClient.errors.tooLong'));
      valueRef.current?.focus();
      return;
    }
    setFieldError(undefined);
    try {
      await save.mutateAsync({
        personId: clientId,
        ...(draft.id ? { id: draft.id } : {}),
        channel,
        value: trimmed,
        preferred,
        provenance: draft.provenance,
      });
      onClose();
    } catch (e) {
      setError(refusal(t, e, channel));
    }
  }

  return (
    <FormDialog
      open
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      title={editing ? t('edit.contacts.editTitle') : t('edit.contacts.addTitle')}
      description={t('edit.contacts.dialogBody')}
      submitLabel={editing ? t('edit.contacts.save') : t('edit.contacts.add')}
      busy={save.isPending}
      busyLabel={t('edit.contacts.saving')}
      error={error}
      onSubmit={() => void submit()}
    >
      <Field label={t('book.newClient.fields.channel')}>
        {(a11y) => (
          <select className="input select" value={channel} onChange={(event) => setChannel(event.target.value as OutreachChannel)} {...a11y}>
            {outreachChannelIds.map((c) => (
              <option key={c} value={c}>
                {t(`channels.${c}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('book.newClient.fields.contactValue')} hint={t(`edit.contacts.hints.${channel}`)} error={fieldError}>
        {(a11y) => (
          <input
            ref={valueRef}
            className="input"
            autoComplete="off"
            spellCheck={false}
            data-private=""
            value={value}
            onChange={(event) => setValue(event.target.value)}
            {...a11y}
          />
        )}
      </Field>
      <label className="check">
        <input type="checkbox" checked={preferred} onChange={(event) => setPreferred(event.target.checked)} />
        <span>
          {t('book.newClient.fields.preferred')}
          <span className="check__hint">{t('edit.contacts.preferredHint')}</span>
        </span>
      </label>
    </FormDialog>
  );
}

function RemoveDialog({ contact, onClose, onRemoved }: { contact: ContactPoint; onClose: () => void; onRemoved: () => void }) {
  const { t } = useTranslation();
  const remove = useRemoveContact();
  const [error, setError] = useState<string | null>(null);

  async function confirm(): Promise<void> {
    setError(null);
    try {
      await remove.mutateAsync(contact.id);
      onRemoved();
    } catch (e) {
      setError(errorMessage(t, e));
    }
  }

  return (
    <AlertDialog.Root open onOpenChange={(open) => !open && !remove.isPending && onClose()}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="confirm-dialog__overlay" />
        <AlertDialog.Content className="confirm-dialog">
          <span className="confirm-dialog__ornament" aria-hidden="true" />
          <AlertDialog.Title className="confirm-dialog__title">{t('edit.contacts.removeTitle')}</AlertDialog.Title>
          <p className="contacts__removed">
            <span className="contacts__channel">{t(`channels.${contact.channel}`)}</span>
            <span className="contacts__value" data-private="">
              {contact.value}
            </span>
          </p>
          <AlertDialog.Description className="confirm-dialog__body">
            {contact.preferred ? t('edit.contacts.removeBodyPreferred') : t('edit.contacts.removeBody')}
          </AlertDialog.Description>
          {error ? (
            <Notice tone="error" role="alert">
              {error}
            </Notice>
          ) : null}
          <div className="form__actions">
            <Button variant="primary" className="button--danger" busy={remove.isPending} busyLabel={t('edit.contacts.removing')} onClick={() => void confirm()}>
              {t('edit.contacts.remove')}
            </Button>
            <AlertDialog.Cancel asChild>
              <Button variant="quiet" disabled={remove.isPending}>
                {t('common.cancel')}
              </Button>
            </AlertDialog.Cancel>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}

export function ContactsSection({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const view = useClient360(clientId);
  const setContact = useSetContact();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [removing, setRemoving] = useState<ContactPoint | null>(null);
  const [pendingId, setPendingId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [said, setSaid] = useState('');
  const addRef = useRef<HTMLButtonElement>(null);

  if (!view.data) return null;
  const contacts = view.data.contacts;
  const editable = view.data.client.status !== 'restricted';
  // The preferred one first, then by channel as the contract lists them.
  const sorted = contacts
    ? [...contacts].sort((a, b) => Number(b.preferred) - Number(a.preferred) || outreachChannelIds.indexOf(a.channel) - outreachChannelIds.indexOf(b.channel))
    : null;

  async function makePreferred(c: ContactPoint): Promise<void> {
    setError(null);
    setPendingId(c.id);
    try {
      await setContact.mutateAsync({ personId: clientId, id: c.id, channel: c.channel, value: c.value, preferred: true, provenance: keptProvenance(c) });
      setSaid(t('edit.contacts.nowPreferred', { channel: t(`channels.${c.channel}`) }));
    } catch (e) {
      setError(refusal(t, e, c.channel));
    } finally {
      setPendingId(null);
    }
  }

  return (
    <section className="client__contacts" aria-labelledby="client-contacts">
      <div className="circle-head contacts__head">
        <h2 id="client-contacts" className="section-label">
          {t('edit.contacts.title')}
          {sorted && sorted.length > 0 ? <span className="contacts__count">{format.number(sorted.length)}</span> : null}
        </h2>
        {editable && sorted ? (
          <button
            type="button"
            ref={addRef}
            className="circle-head__add"
            aria-label={t('edit.contacts.addAction')}
            onClick={() => {
              setError(null);
              setDraft({ id: null, channel: 'email', value: '', preferred: false, provenance: 'declared' });
            }}
          >
            <span className="circle-head__plus" aria-hidden="true">
              +
            </span>
            {t('edit.contacts.addShort')}
          </button>
        ) : null}
      </div>
      {sorted === null ? (
        <p className="client__empty">{t('edit.contacts.hidden')}</p>
      ) : sorted.length === 0 ? (
        <p className="client__empty">{t('edit.contacts.empty')}</p>
      ) : (
        <ul className="contacts">
          {sorted.map((c) => {
            const channel = t(`channels.${c.channel}`);
            return (
              <li key={c.id} className={`contacts__item${c.preferred ? ' is-preferred' : ''}`}>
                <span className="contacts__channel">{channel}</span>
                <span className="contacts__what">
                  <span className="contacts__value" data-private="">
                    {c.value}
                  </span>
                  {c.preferred ? <span className="badge badge--bronze">{t('edit.contacts.preferred')}</span> : null}
                </span>
                {editable ? (
                  <span className="contacts__actions">
                    {c.preferred ? null : (
                      <button
                        type="button"
                        className="circle-action"
                        disabled={pendingId !== null}
                        aria-label={t('edit.contacts.makePreferredNamed', { channel })}
                        onClick={() => void makePreferred(c)}
                      >
                        {pendingId === c.id ? t('edit.contacts.saving') : t('edit.contacts.makePreferred')}
                      </button>
                    )}
                    <button
                      type="button"
                      className="circle-action"
                      aria-label={t('edit.contacts.editNamed', { channel })}
                      onClick={() => {
                        setError(null);
                        setDraft({ id: c.id, channel: c.channel, value: c.value, preferred: c.preferred, provenance: keptProvenance(c) });
                      }}
                    >
                      {t('edit.contacts.edit')}
                    </button>
                    <button
                      type="button"
                      className="circle-action circle-action--remove"
                      aria-label={t('edit.contacts.removeNamed', { channel })}
                      onClick={() => {
                        setError(null);
                        setRemoving(c);
                      }}
                    >
                      {t('edit.contacts.remove')}
                    </button>
                  </span>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      {error ? (
        <Notice tone="error" role="alert" className="contacts__error">
          {error}
        </Notice>
      ) : null}
      <p className="visually-hidden" role="status" aria-live="polite">
        {said}
      </p>
      {draft ? <ContactDialog clientId={clientId} draft={draft} first={(sorted?.length ?? 0) === 0} onClose={() => setDraft(null)} /> : null}
      {removing ? (
        <RemoveDialog
          contact={removing}
          onClose={() => setRemoving(null)}
          onRemoved={() => {
            setRemoving(null);
            setSaid(t('edit.contacts.removed'));
            requestAnimationFrame(() => addRef.current?.focus());
          }}
        />
      ) : null}
    </section>
  );
}
