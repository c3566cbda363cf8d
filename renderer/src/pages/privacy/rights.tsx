/**
 * Two sections of the Privacy page: consent coverage across the book (counts only, from the
 * ledger's current state), and a client's rights exercised from here — access, portability,
 * objection to outreach, restriction, erasure, and a request opened in the register. The core
 * audits every one of them; the page says quietly what was done.
 */
import * as AlertDialog from '@radix-ui/react-alert-dialog';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelInput, ChannelOutput, ClientListItem } from '../../api/contract';
import { errorMessage } from '../../api/errors';
import {
  useAccessDossier,
  useClientConsents,
  useClientPicker,
  useEraseClient,
  useObjectToOutreach,
  useOpenPrivacyRequest,
  usePortabilityExport,
  usePrivacyOverview,
  useRestrictClient,
} from '../../api/queries';
import { Button } from '../../components/Button';
import { ClientName, fullName } from '../../components/ClientName';
import { Notice } from '../../components/Notice';
import { PageSection } from '../../components/PageSection';
import { ProgressLine } from '../../components/ProgressLine';
import { shortId } from '../../components/ShortId';
import { useDebounced } from '../../components/useDebounced';
import { useFormatters } from '../../i18n/format';
import { Failed } from './common';

// ——— Consent coverage

type Slot = ChannelOutput<'privacy.overview'>['coverage'][number];

function share(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}

function CoverageRow({ slot, clients, label }: { slot: Slot; clients: number; label: string }) {
  const format = useFormatters();
  const percent = (n: number) => new Intl.NumberFormat(format.locale, { style: 'percent', maximumFractionDigits: 0 }).format(share(n, clients));
  const objection = slot.purpose === 'analytics';
  return (
    <tr>
      <th scope="row" className="coverage__what">
        {label}
      </th>
      <td className="coverage__bar-cell">
        <span className="coverage__bar" aria-hidden="true">
          <span
            className="coverage__part coverage__part--granted"
            style={{ width: `${share(objection ? clients - slot.withdrawn : slot.granted, clients) * 100}%` }}
          />
          <span className="coverage__part coverage__part--withdrawn" style={{ width: `${share(slot.withdrawn, clients) * 100}%` }} />
        </span>
      </td>
      <td className="coverage__figure numeric">
        {objection ? <span className="muted">—</span> : <span className="ledger__main">{percent(slot.granted)}</span>}
        {objection ? null : <span className="ledger__aside">{format.number(slot.granted)}</span>}
      </td>
      <td className="coverage__figure numeric">
        <span className="ledger__main">{percent(slot.withdrawn)}</span>
        <span className="ledger__aside">{format.number(slot.withdrawn)}</span>
      </td>
      <td className="coverage__figure numeric">
        <span className="ledger__main">{objection ? percent(clients - slot.withdrawn) : percent(slot.never)}</span>
        <span className="ledger__aside">{format.number(objection ? clients - slot.withdrawn : slot.never)}</span>
      </td>
    </tr>
  );
}

export function CoverageSection() {
  const { t } = useTranslation();
  const format = useFormatters();
  const overview = usePrivacyOverview();

  let body: ReactNode;
  if (overview.isPending) body = <ProgressLine label={t('privacy.coverage.loading')} />;
  else if (overview.isError) body = <Failed error={overview.error} retry={overview.refetch} />;
  else {
    const { clients, coverage, restricted, analyticsObjections } = overview.data;
    const consentSlots = coverage.filter((s) => s.purpose !== 'service');
    const label = (s: Slot) =>
      s.channel === null ? t(`purposes.${s.purpose}`) : t('privacy.coverage.channel', { channel: t(`channels.${s.channel}`) });
    body =
      clients === 0 ? (
        <p className="privacy__statement">{t('privacy.coverage.none')}</p>
      ) : (
        <>
          <p className="privacy__statement">
            {t('privacy.coverage.count', { count: clients, formatted: format.number(clients) })}{' '}
            {t('privacy.coverage.restricted', { count: restricted, formatted: format.number(restricted) })}{' '}
            {t('privacy.coverage.objections', { count: analyticsObjections, formatted: format.number(analyticsObjections) })}
          </p>
          <p className="coverage__legend" aria-hidden="true">
            <span className="coverage__key coverage__key--granted" />
            {t('privacy.coverage.columns.granted')}
            <span className="coverage__key coverage__key--withdrawn" />
            {t('privacy.coverage.columns.withdrawn')}
          </p>
          <table className="ledger coverage" aria-labelledby="privacy-coverage">
            <thead>
              <tr>
                <th scope="col">{t('privacy.coverage.columns.purpose')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('privacy.coverage.columns.share')}</span>
                </th>
                <th scope="col" className="numeric">
                  {t('privacy.coverage.columns.granted')}
                </th>
                <th scope="col" className="numeric">
                  {t('privacy.coverage.columns.withdrawn')}
                </th>
                <th scope="col" className="numeric">
                  {t('privacy.coverage.columns.never')}
                </th>
              </tr>
            </thead>
            <tbody>
              {consentSlots.map((slot) => (
                <CoverageRow key={`${slot.purpose}:${slot.channel ?? ''}`} slot={slot} clients={clients} label={label(slot)} />
              ))}
            </tbody>
          </table>
          <p className="settings__text settings__text--quiet coverage__note">{t('privacy.coverage.analyticsNote')}</p>
        </>
      );
  }

  return (
    <PageSection
      id="privacy-coverage"
      title={t('privacy.coverage.title')}
      className="privacy__section"
      aside={
        <>
          <p className="settings__text">{t('privacy.coverage.body')}</p>
          <p className="settings__text settings__text--quiet">{t('privacy.coverage.countsOnly')}</p>
        </>
      }
    >
      {body}
    </PageSection>
  );
}

// ——— A client's rights

type Right = ChannelInput<'privacy.requests.open'>['right'];
const RIGHTS: readonly Right[] = ['access', 'rectification', 'erasure', 'restriction', 'objection', 'portability'];
type Dossier = ChannelOutput<'privacy.rights.access'>;

/** A JSON file to save, as a Blob URL that is revoked when the view goes. */
function useJsonUrl(value: unknown): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (value === null || value === undefined) {
      setUrl(null);
      return undefined;
    }
    const next = URL.createObjectURL(new Blob([JSON.stringify(value, null, 2)], { type: 'application/json' }));
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [value]);
  return url;
}

function ClientPicker({ onPick }: { onPick: (client: ClientListItem) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState('');
  const query = useDebounced(draft.trim(), 200);
  const found = useClientPicker(query);
  const inputId = useId();
  const items = query ? (found.data?.items ?? []) : [];

  return (
    <div className="rights__picker" role="search" aria-label={t('privacy.rights.searchRegion')}>
      <div className="search">
        <label htmlFor={inputId} className="visually-hidden">
          {t('privacy.rights.search')}
        </label>
        <svg className="search__icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <circle cx="7" cy="7" r="4.75" fill="none" stroke="currentColor" strokeWidth="1.1" />
          <path d="M10.5 10.5 14 14" stroke="currentColor" strokeWidth="1.1" strokeLinecap="round" />
        </svg>
        <input
          id={inputId}
          className="search__input"
          type="search"
          value={draft}
          placeholder={t('privacy.rights.searchPlaceholder')}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => setDraft(event.target.value)}
        />
      </div>
      {query ? (
        items.length === 0 ? (
          found.isFetching ? null : (
            <p className="settings__text settings__text--quiet rights__nomatch">{t('privacy.rights.noMatch')}</p>
          )
        ) : (
          <ul className="rights__results" aria-label={t('privacy.rights.results')}>
            {items.map((client) => (
              <li key={client.id}>
                <button
                  type="button"
                  className="rights__result"
                  onClick={() => {
                    setDraft('');
                    onPick(client);
                  }}
                >
                  <span className="rights__result-name">
                    <ClientName client={client} />
                  </span>
                  <span className="rights__result-meta">
                    {[client.city, client.status === 'restricted' ? t('privacy.rights.restrictedBadge') : null].filter(Boolean).join(' · ')}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </div>
  );
}

function DossierView({ dossier, name, onClose }: { dossier: Dossier; name: string; onClose: () => void }) {
  const { t } = useTranslation();
  const frame = useRef<HTMLIFrameElement | null>(null);
  const url = useJsonUrl(dossier.json);
  return (
    <div className="rights__output">
      <div className="rights__output-actions">
        <Button variant="secondary" onClick={() => frame.current?.contentWindow?.print()}>
          {t('privacy.rights.access.print')}
        </Button>
        {url ? (
          <a className="button button--quiet" href={url} download={`dossier-${shortId(dossier.json.client.id)}.json`}>
            {t('privacy.rights.access.json')}
          </a>
        ) : null}
        <Button variant="quiet" onClick={onClose}>
          {t('privacy.rights.access.close')}
        </Button>
      </div>
      {/* No scripts: the sandbox keeps the origin only so that Print can reach the frame. */}
      <iframe
        ref={frame}
        className="rights__dossier"
        title={t('privacy.rights.access.frame', { name })}
        sandbox="allow-same-origin allow-modals"
        srcDoc={dossier.html}
      />
    </div>
  );
}

function PortabilityView({ json }: { json: ChannelOutput<'privacy.rights.portability'>['json'] }) {
  const { t } = useTranslation();
  const url = useJsonUrl(json);
  return (
    <div className="rights__output">
      <p className="settings__text">{t('privacy.rights.portability.ready')}</p>
      <div className="rights__output-actions">
        {url ? (
          <a className="button button--secondary" href={url} download={`portability-${shortId(json.clientId)}.json`}>
            {t('privacy.rights.portability.download')}
          </a>
        ) : null}
      </div>
      <details className="rights__raw">
        <summary>{t('privacy.rights.portability.show')}</summary>
        <pre>{JSON.stringify(json, null, 2)}</pre>
      </details>
    </div>
  );
}

function EraseDialog({ client, onErased }: { client: ClientListItem; onErased: (tombstoneId: string) => void }) {
  const { t } = useTranslation();
  const erase = useEraseClient();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const inputId = useId();
  const matches = typed.trim().normalize('NFC').toLocaleLowerCase() === client.lastName.normalize('NFC').toLocaleLowerCase();

  function confirm(): void {
    if (!matches) return;
    erase.mutate(
      { clientId: client.id, confirm: true },
      {
        onSuccess: (value) => {
          setOpen(false);
          onErased(value.tombstone.id);
        },
      },
    );
  }

  return (
    <AlertDialog.Root
      open={open}
      onOpenChange={(next) => {
        if (erase.isPending) return;
        setOpen(next);
        if (!next) setTyped('');
      }}
    >
      <AlertDialog.Trigger asChild>
        <Button variant="secondary" className="button--danger-quiet">
          {t('privacy.rights.erase.open')}
        </Button>
      </AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="confirm-dialog__overlay" />
        <AlertDialog.Content className="confirm-dialog">
          <span className="confirm-dialog__ornament" aria-hidden="true" />
          <AlertDialog.Title className="confirm-dialog__title">{t('privacy.rights.erase.title', { name: fullName(client) })}</AlertDialog.Title>
          <AlertDialog.Description className="confirm-dialog__body">{t('privacy.rights.erase.body')}</AlertDialog.Description>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              confirm();
            }}
          >
            <div className="field">
              <label className="field__label" htmlFor={inputId}>
                {t('privacy.rights.erase.label', { lastName: client.lastName })}
              </label>
              <input
                id={inputId}
                className="input"
                autoComplete="off"
                spellCheck={false}
                value={typed}
                onChange={(event) => setTyped(event.target.value)}
              />
            </div>
            {erase.isError ? (
              <Notice tone="error" role="alert">
                {errorMessage(t, erase.error)}
              </Notice>
            ) : null}
            <div className="form__actions">
              <Button
                type="submit"
                variant="primary"
                className="button--danger"
                disabled={!matches}
                busy={erase.isPending}
                busyLabel={t('privacy.rights.erase.erasing')}
              >
                {t('privacy.rights.erase.confirm')}
              </Button>
              <AlertDialog.Cancel asChild>
                <Button variant="quiet" disabled={erase.isPending}>
                  {t('common.cancel')}
                </Button>
              </AlertDialog.Cancel>
            </div>
          </form>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}

type Output = { kind: 'access'; dossier: Dossier } | { kind: 'portability'; json: ChannelOutput<'privacy.rights.portability'>['json'] } | null;

function ClientRights({ client, onErased }: { client: ClientListItem; onErased: (tombstoneId: string) => void }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'fr' ? 'fr' : 'en';
  const consents = useClientConsents(client.id);
  const access = useAccessDossier();
  const portability = usePortabilityExport();
  const object = useObjectToOutreach();
  const restrict = useRestrictClient();
  const request = useOpenPrivacyRequest();
  const [output, setOutput] = useState<Output>(null);
  const [done, setDone] = useState('');
  const [right, setRight] = useState<Right>('access');
  const rightId = useId();
  const name = fullName(client);
  const restricted = (consents.data?.status ?? client.status) === 'restricted';
  const failed = [access, portability, object, restrict, request].find((m) => m.isError);
  const busy = [access, portability, object, restrict, request].some((m) => m.isPending);

  return (
    <div className="rights__client">
      <div className="rights__who">
        <p className="rights__name">
          <ClientName client={client} />
        </p>
        <p className="rights__meta">
          {restricted ? t('privacy.rights.restrictedNow') : t('privacy.rights.activeNow')} · {shortId(client.id)}
        </p>
      </div>

      <div className="rights__actions" role="group" aria-label={t('privacy.rights.actions', { name })}>
        <Button
          variant="secondary"
          busy={access.isPending}
          disabled={busy}
          onClick={() => {
            setDone('');
            access.mutate({ clientId: client.id, locale }, { onSuccess: (dossier) => setOutput({ kind: 'access', dossier }) });
          }}
        >
          {t('privacy.rights.access.open')}
        </Button>
        <Button
          variant="secondary"
          busy={portability.isPending}
          disabled={busy}
          onClick={() => {
            setDone('');
            portability.mutate({ clientId: client.id }, { onSuccess: (value) => setOutput({ kind: 'portability', json: value.json }) });
          }}
        >
          {t('privacy.rights.portability.open')}
        </Button>
        <Button
          variant="secondary"
          busy={object.isPending}
          disabled={busy}
          onClick={() =>
            object.mutate(
              { clientId: client.id, source: 'in_person' },
              {
                onSuccess: (value) =>
                  setDone(
                    value.withdrawn.length === 0
                      ? t('privacy.rights.object.nothing')
                      : t('privacy.rights.object.done', { channels: value.withdrawn.map((c) => t(`channels.${c}`)).join(', ') }),
                  ),
              },
            )
          }
        >
          {t('privacy.rights.object.open')}
        </Button>
        <Button
          variant="secondary"
          busy={restrict.isPending}
          disabled={busy || consents.isPending}
          onClick={() =>
            restrict.mutate(
              { clientId: client.id, restricted: !restricted, ...(restricted ? {} : { reason: 'client_request' as const }) },
              {
                onSuccess: (value) => {
                  void consents.refetch();
                  setDone(value.status === 'restricted' ? t('privacy.rights.restrict.done') : t('privacy.rights.restrict.lifted'));
                },
              },
            )
          }
        >
          {restricted ? t('privacy.rights.restrict.lift') : t('privacy.rights.restrict.open')}
        </Button>
        <EraseDialog client={client} onErased={onErased} />
      </div>

      <form
        className="rights__request"
        onSubmit={(event) => {
          event.preventDefault();
          request.mutate(
            { clientId: client.id, right, receivedAt: new Date().toISOString() },
            { onSuccess: () => setDone(t('privacy.rights.request.done', { right: t(`privacy.requests.rights.${right}`) })) },
          );
        }}
      >
        <div className="field">
          <label className="field__label" htmlFor={rightId}>
            {t('privacy.rights.request.label')}
          </label>
          <select id={rightId} className="input rights__select" value={right} onChange={(event) => setRight(event.target.value as Right)}>
            {RIGHTS.map((r) => (
              <option key={r} value={r}>
                {t(`privacy.requests.rights.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit" variant="quiet" busy={request.isPending} disabled={busy}>
          {t('privacy.rights.request.open')}
        </Button>
      </form>

      <p className="settings__saved" role="status">
        {done}
      </p>
      {failed ? (
        <Notice tone="error" role="alert">
          {errorMessage(t, failed.error)}
        </Notice>
      ) : null}
      {output?.kind === 'access' ? <DossierView dossier={output.dossier} name={name} onClose={() => setOutput(null)} /> : null}
      {output?.kind === 'portability' ? <PortabilityView json={output.json} /> : null}
    </div>
  );
}

export function RightsSection() {
  const { t } = useTranslation();
  const [client, setClient] = useState<ClientListItem | null>(null);
  const [erased, setErased] = useState('');

  return (
    <PageSection
      id="privacy-rights"
      title={t('privacy.rights.title')}
      className="privacy__section"
      aside={
        <>
          <p className="settings__text">{t('privacy.rights.body')}</p>
          <p className="settings__text settings__text--quiet">{t('privacy.rights.audited')}</p>
        </>
      }
    >
      <ClientPicker
        onPick={(picked) => {
          setErased('');
          setClient(picked);
        }}
      />
      {client ? (
        <ClientRights
          key={client.id}
          client={client}
          onErased={(id) => {
            setClient(null);
            setErased(t('privacy.rights.erase.done', { id: shortId(id) }));
          }}
        />
      ) : (
        <p className="settings__text settings__text--quiet">{t('privacy.rights.pick')}</p>
      )}
      <p className="settings__saved" role="status">
        {erased}
      </p>
    </PageSection>
  );
}
