import { useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import type { ClientListItem } from '../api/contract';
import { errorMessage } from '../api/errors';
import { ARCHIVED_PAGE_SIZE, useArchivedClients, useSetArchived } from '../api/editQueries';
import { CLIENT_PAGE_SIZE, useClientList } from '../api/queries';
import { Button } from '../components/Button';
import { ClientName, fullName } from '../components/ClientName';
import { EmptyState } from '../components/EmptyState';
import { Kbd } from '../components/Kbd';
import { Notice } from '../components/Notice';
import { ProgressLine } from '../components/ProgressLine';
import { RelativeTime } from '../components/RelativeTime';
import { useDebounced } from '../components/useDebounced';
import { useFormatters } from '../i18n/format';
import { listMemory } from './listMemory';
import { useDocumentTitle } from '../components/useDocumentTitle';
import type { ArchivedNotice } from './client/ArchiveDialog';

type Sort = 'name' | 'lastContact';
const SEARCH_DEBOUNCE_MS = 120;

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

function Missing() {
  const { t } = useTranslation();
  return (
    <>
      <span className="missing" aria-hidden="true">
        —
      </span>
      <span className="visually-hidden">{t('common.notRecorded')}</span>
    </>
  );
}

type NameParts = ArchivedNotice['archived'];
type BookNotice = { kind: 'archived' | 'restored'; client: NameParts; error?: string; focus?: boolean };

const archivedNotice = (client: NameParts): BookNotice => ({ kind: 'archived', client });

function archivedFrom(state: unknown): NameParts | null {
  if (typeof state !== 'object' || state === null || !('archived' in state)) return null;
  const a = (state as { archived: unknown }).archived;
  if (typeof a !== 'object' || a === null) return null;
  const c = a as Record<string, unknown>;
  return typeof c.id === 'string' && typeof c.firstName === 'string' && typeof c.lastName === 'string'
    ? { id: c.id, honorific: typeof c.honorific === 'string' ? c.honorific : null, firstName: c.firstName, lastName: c.lastName }
    : null;
}

/**
 * A quiet notice under the list's header: a client just archived (with the way back) or just
 * restored (with a link to their page).
 */
function BookNoticeLine({ notice, onUndo, undoing, onDismiss }: { notice: BookNotice; onUndo: () => void; undoing: boolean; onDismiss: () => void }) {
  const { t } = useTranslation();
  const openLink = useRef<HTMLAnchorElement>(null);
  // The button pressed (Undo, Restore) is gone once the client is back: the focus goes to what comes next.
  useEffect(() => {
    if (notice.kind === 'restored' && notice.focus) openLink.current?.focus();
  }, [notice.kind, notice.client.id, notice.focus]);
  return (
    <Notice tone="success" role="status" className="book-notice">
      <p className="book-notice__line">
        <span>
          <ClientName client={notice.client} /> {notice.kind === 'archived' ? t('edit.archivedList.archivedNotice') : t('edit.archivedList.restoredNotice')}
        </span>
        {notice.kind === 'archived' ? (
          <Button variant="quiet" busy={undoing} busyLabel={t('edit.archivedList.restoring')} onClick={onUndo}>
            {t('edit.archivedList.undo')}
          </Button>
        ) : (
          <Link ref={openLink} to={`/clients/${notice.client.id}`} className="button button--quiet">
            {t('edit.archivedList.open')}
          </Link>
        )}
        {notice.error ? (
          <span className="book-notice__error" role="alert">
            {notice.error}
          </span>
        ) : null}
        <button type="button" className="book-notice__close" onClick={onDismiss}>
          <span aria-hidden="true">×</span>
          <span className="visually-hidden">{t('edit.archivedList.dismiss')}</span>
        </button>
      </p>
    </Notice>
  );
}

/** The archived clients, folded away at the foot of the list: each can be opened or restored. */
function ArchivedClients({ onRestored }: { onRestored: (client: NameParts) => void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [open, setOpen] = useState(false);
  const archived = useArchivedClients();
  const restore = useSetArchived();
  const [restoring, setRestoring] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const total = archived.data?.total ?? 0;
  const items = archived.data?.items ?? [];
  if (!archived.isSuccess || (total === 0 && !open)) return null;

  async function bringBack(client: ClientListItem): Promise<void> {
    setError(null);
    setRestoring(client.id);
    try {
      await restore.mutateAsync({ id: client.id, archived: false });
      onRestored(client);
      toggleRef.current?.focus();
    } catch (e) {
      setError(errorMessage(t, e));
    } finally {
      setRestoring(null);
    }
  }

  return (
    <section className="archived" aria-labelledby="archived-toggle">
      <h2 className="archived__head">
        <button ref={toggleRef} type="button" id="archived-toggle" className="archived__toggle" aria-expanded={open} aria-controls="archived-list" onClick={() => setOpen(!open)}>
          <span className="archived__caret" aria-hidden="true">
            {open ? '▾' : '▸'}
          </span>
          {t('edit.archivedList.title')}
          <span className="archived__count">{format.number(total)}</span>
        </button>
      </h2>
      {open ? (
        <div id="archived-list">
          <p className="archived__intro">{t('edit.archivedList.intro')}</p>
          {error ? (
            <Notice tone="error" role="alert">
              {error}
            </Notice>
          ) : null}
          {items.length === 0 ? (
            <p className="archived__empty">{t('edit.archivedList.empty')}</p>
          ) : (
            <ul className="archived__list">
              {items.map((client) => (
                <li key={client.id} className="archived__item">
                  <Link to={`/clients/${client.id}`} className="archived__name" aria-label={fullName(client)}>
                    <ClientName client={client} />
                  </Link>
                  <span className="archived__meta">
                    {[client.tier ? t(`tiers.${client.tier}`, { defaultValue: client.tier }) : null, client.city].filter(Boolean).join(' · ')}
                  </span>
                  <Button
                    variant="quiet"
                    busy={restoring === client.id}
                    busyLabel={t('edit.archivedList.restoring')}
                    aria-label={t('edit.archivedList.restoreNamed', { name: fullName(client) })}
                    onClick={() => void bringBack(client)}
                  >
                    {t('edit.archivedList.restore')}
                  </Button>
                </li>
              ))}
            </ul>
          )}
          {total > items.length ? <p className="archived__more">{t('edit.archivedList.more', { shown: format.number(ARCHIVED_PAGE_SIZE), total: format.number(total) })}</p> : null}
        </div>
      ) : null}
    </section>
  );
}

export function ClientsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('titles.clients'));
  const format = useFormatters();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [sort, setSort] = useState<Sort>(() => (params.get('sort') === 'lastContact' ? 'lastContact' : 'name'));
  const [draft, setDraft] = useState(() => params.get('q') ?? '');
  const query = useDebounced(draft.trim(), SEARCH_DEBOUNCE_MS);
  const list = useClientList(query, sort);
  const searchRef = useRef<HTMLInputElement>(null);
  const rowLinks = useRef<(HTMLAnchorElement | null)[]>([]);
  const restored = useRef(false);
  const location = useLocation();
  const [notice, setNotice] = useState<BookNotice | null>(() => {
    const client = archivedFrom(location.state);
    return client ? { kind: 'archived', client } : null;
  });
  const undo = useSetArchived();
  // The notice is read once: a reload or a return through history does not show it again.
  useEffect(() => {
    if (archivedFrom(location.state)) void navigate({ search: location.search }, { replace: true, state: null });
  }, [location.state, location.search, navigate]);

  async function undoArchive(client: NameParts): Promise<void> {
    try {
      await undo.mutateAsync({ id: client.id, archived: false });
      setNotice({ kind: 'restored', client, focus: true });
    } catch (e) {
      setNotice({ ...archivedNotice(client), error: errorMessage(t, e) });
    }
  }

  const items: ClientListItem[] = list.data?.pages.flatMap((page) => page.items) ?? [];
  const total = list.data?.pages[0]?.total ?? 0;
  const remaining = Math.max(0, total - items.length);
  const stale = list.isPlaceholderData;

  // The URL mirrors the search and the sort, so Back (and the client page's link) returns to
  // the same list. The page's state leads; a URL changed from outside (a link, Back) resets it.
  const written = useRef(params.toString());
  const url = useRef({ params, setParams });
  url.current = { params, setParams };
  useEffect(() => {
    const next = new URLSearchParams();
    if (query) next.set('q', query);
    if (sort !== 'name') next.set('sort', sort);
    const search = next.toString();
    listMemory.search = search ? `?${search}` : '';
    written.current = search;
    if (url.current.params.toString() !== search) url.current.setParams(next, { replace: true });
  }, [query, sort]);

  useEffect(() => {
    if (params.toString() === written.current) return;
    written.current = params.toString();
    setDraft(params.get('q') ?? '');
    setSort(params.get('sort') === 'lastContact' ? 'lastContact' : 'name');
  }, [params]);

  // "/" searches from anywhere on the page.
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent): void {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || isEditable(event.target)) return;
      event.preventDefault();
      searchRef.current?.focus();
      searchRef.current?.select();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  // Coming back from a client: the focus returns to the row that was opened.
  useEffect(() => {
    if (restored.current || items.length === 0) return;
    restored.current = true;
    const index = listMemory.lastOpenedId ? items.findIndex((c) => c.id === listMemory.lastOpenedId) : -1;
    listMemory.lastOpenedId = null;
    if (index >= 0) rowLinks.current[index]?.focus();
  }, [items]);

  function focusRow(index: number): void {
    const target = rowLinks.current[Math.max(0, Math.min(index, items.length - 1))];
    target?.focus();
  }

  function open(client: ClientListItem): void {
    listMemory.lastOpenedId = client.id;
    void navigate(`/clients/${client.id}`);
  }

  function onSearchKeyDown(event: ReactKeyboardEvent<HTMLInputElement>): void {
    if (event.key === 'ArrowDown' && items.length > 0) {
      event.preventDefault();
      focusRow(0);
    } else if (event.key === 'Escape' && draft) {
      event.preventDefault();
      setDraft('');
    } else if (event.key === 'Enter' && items.length > 0 && !stale) {
      event.preventDefault();
      focusRow(0);
    }
  }

  function onRowKeyDown(event: ReactKeyboardEvent<HTMLAnchorElement>, index: number): void {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        focusRow(index + 1);
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (index === 0) searchRef.current?.focus();
        else focusRow(index - 1);
        break;
      case 'Home':
        event.preventDefault();
        focusRow(0);
        break;
      case 'End':
        event.preventDefault();
        focusRow(items.length - 1);
        break;
      case 'Escape':
        event.preventDefault();
        searchRef.current?.focus();
        break;
      default:
    }
  }

  function onRowClick(event: MouseEvent<HTMLTableRowElement>, client: ClientListItem): void {
    if (event.target instanceof Element && event.target.closest('a')) return;
    if (window.getSelection()?.toString()) return;
    open(client);
  }

  const announcement = list.isSuccess && !stale ? (query
        ? t('clients.matches', { count: total, formatted: format.number(total), query })
        : t('clients.count', { count: total, formatted: format.number(total) })) : '';

  let body;
  if (list.isPending) {
    body = (
      <div className="client-table__state">
        <ProgressLine label={t('clients.loading')} />
      </div>
    );
  } else if (list.isError && items.length === 0) {
    body = (
      <EmptyState
        title={t('clients.error.title')}
        role="alert"
        action={
          <Button variant="secondary" onClick={() => void list.refetch()}>
            {t('common.retry')}
          </Button>
        }
      >
        <p>{errorMessage(t, list.error)}</p>
      </EmptyState>
    );
  } else if (total === 0 && !stale && query) {
    body = (
      <EmptyState
        title={t('clients.noMatch.title', { query })}
        action={
          <Button
            variant="secondary"
            onClick={() => {
              setDraft('');
              searchRef.current?.focus();
            }}
          >
            {t('clients.noMatch.clear')}
          </Button>
        }
      >
        <p>{t('clients.noMatch.body')}</p>
      </EmptyState>
    );
  } else if (total === 0 && !stale) {
    body = (
      <EmptyState title={t('clients.empty.title')}>
        <p>{t('clients.empty.body')}</p>
      </EmptyState>
    );
  } else {
    body = (
      <>
        <table className={`client-table${stale ? ' is-stale' : ''}`} aria-labelledby="clients-title" aria-describedby="clients-keys" aria-busy={stale || undefined}>
          <colgroup>
            <col className="client-table__col-name" />
            <col className="client-table__col-tier" />
            <col className="client-table__col-city" />
            <col className="client-table__col-since" />
            <col className="client-table__col-contact" />
            <col className="client-table__col-status" />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">{t('clients.columns.name')}</th>
              <th scope="col">{t('clients.columns.tier')}</th>
              <th scope="col">{t('clients.columns.city')}</th>
              <th scope="col">{t('clients.columns.since')}</th>
              <th scope="col" aria-sort={sort === 'lastContact' ? 'descending' : undefined}>
                {t('clients.columns.lastContact')}
              </th>
              <th scope="col">
                <span className="visually-hidden">{t('clients.columns.status')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((client, index) => (
              <tr key={client.id} className={client.status === 'restricted' ? 'is-restricted' : undefined} onClick={(event) => onRowClick(event, client)}>
                <th scope="row" className="client-table__name">
                  <Link
                    to={`/clients/${client.id}`}
                    ref={(element) => {
                      rowLinks.current[index] = element;
                    }}
                    onClick={() => {
                      listMemory.lastOpenedId = client.id;
                    }}
                    onKeyDown={(event) => onRowKeyDown(event, index)}
                    aria-label={fullName(client)}
                  >
                    <ClientName client={client} />
                  </Link>
                </th>
                <td className="client-table__tier">{client.tier ? t(`tiers.${client.tier}`, { defaultValue: client.tier }) : <Missing />}</td>
                <td>{client.city ?? <Missing />}</td>
                <td className="numeric">
                  {client.clientSince ? <time dateTime={client.clientSince}>{format.monthYear(client.clientSince, true)}</time> : <Missing />}
                </td>
                <td>{client.lastContactAt ? <RelativeTime instant={client.lastContactAt} /> : <span className="muted">{t('clients.noContact')}</span>}</td>
                <td className="client-table__status">
                  {client.status === 'restricted' ? (
                    <span className="badge" title={t('clients.restrictedHint')}>
                      {t('clients.restricted')}
                    </span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="client-table__footer">
          <p className="client-table__shown">{t('clients.shown', { shown: format.number(items.length), total: format.number(total) })}</p>
          {remaining > 0 ? (
            <Button
              variant="secondary"
              busy={list.isFetchingNextPage}
              busyLabel={t('clients.loadingMore')}
              onClick={() => void list.fetchNextPage()}
            >
              {t('clients.more', { count: Math.min(CLIENT_PAGE_SIZE, remaining) })}
            </Button>
          ) : null}
          {list.isFetchNextPageError ? (
            <p className="field__error" role="alert">
              {errorMessage(t, list.error)}
            </p>
          ) : null}
        </div>
      </>
    );
  }

  return (
    <div className="page page--wide page--clients">
      <header className="page-header">
        <div className="page-header__title">
          <h1 id="clients-title" className="display display--lg">
            {t('clients.title')}
          </h1>
          <p className="page-header__meta" aria-hidden="true">
            {list.isSuccess ? t('clients.count', { count: total, formatted: format.number(total) }) : '\u00a0'}
          </p>
        </div>
        <div className="toolbar" role="search" aria-label={t('clients.searchRegion')}>
          <div className="search">
            <label htmlFor="client-search" className="visually-hidden">
              {t('clients.search')}
            </label>
            <svg className="search__icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
              <circle cx="7" cy="7" r="4.75" fill="none" stroke="currentColor" strokeWidth="1.1" />
              <path d="M10.5 10.5 14 14" stroke="currentColor" strokeWidth="1.1" strokeLinecap="round" />
            </svg>
            <input
              id="client-search"
              ref={searchRef}
              className="search__input"
              type="search"
              value={draft}
              placeholder={t('clients.searchPlaceholder')}
              autoComplete="off"
              spellCheck={false}
              aria-keyshortcuts="/"
              aria-controls="clients-results"
              onChange={(event) => setDraft(event.target.value)}
              onKeyDown={onSearchKeyDown}
            />
            {draft ? (
              <button
                type="button"
                className="search__clear"
                onClick={() => {
                  setDraft('');
                  searchRef.current?.focus();
                }}
              >
                <span aria-hidden="true">×</span>
                <span className="visually-hidden">{t('clients.noMatch.clear')}</span>
              </button>
            ) : (
              <Kbd>/</Kbd>
            )}
          </div>
          <fieldset className="segmented">
            <legend className="segmented__legend">{t('clients.sortBy')}</legend>
            {(['name', 'lastContact'] as const).map((option) => (
              <label key={option} className="segmented__option">
                <input type="radio" name="sort" value={option} checked={sort === option} onChange={() => setSort(option)} />
                <span>{t(`clients.sort.${option}`)}</span>
              </label>
            ))}
          </fieldset>
          <Link to="/clients/new" className="button button--secondary clients__new">
            {t('book.newClient.action')}
          </Link>
        </div>
      </header>

      {notice ? (
        <BookNoticeLine
          notice={notice}
          undoing={undo.isPending}
          onUndo={() => void undoArchive(notice.client)}
          onDismiss={() => setNotice(null)}
        />
      ) : null}

      <div id="clients-results" className="clients__results">
        {body}
      </div>

      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {items.length > 0 ? (
        <p id="clients-keys" className="keyboard-hint">
          {t('clients.keys')}
        </p>
      ) : null}
      <ArchivedClients onRestored={(client) => setNotice({ kind: 'restored', client })} />
    </div>
  );
}
