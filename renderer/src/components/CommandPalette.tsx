import * as Dialog from '@radix-ui/react-dialog';
import { Fragment, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ChannelOutput } from '../api/contract';
import { errorMessage } from '../api/errors';
import { useSearch } from '../api/queries';
import { useFormatters } from '../i18n/format';
import { Kbd } from './Kbd';
import { useDebounced } from './useDebounced';

type SearchHit = ChannelOutput<'search.query'>['hits'][number];
type HitType = SearchHit['type'];

/** The private-use characters the core frames each match of a snippet with. */
const OPEN = '\uE000';
const CLOSE = '\uE001';
const DEBOUNCE_MS = 100;
const GROUPS: readonly HitType[] = ['client', 'person', 'preference', 'note'];

export interface PaletteCommand {
  id: string;
  label: string;
  hint?: string;
  shortcut?: string;
  run: () => void;
}

/** A snippet's matches as <mark> elements — text nodes only, never HTML. */
export function Snippet({ text }: { text: string }): ReactNode {
  const parts: ReactNode[] = [];
  let rest = text;
  let key = 0;
  while (rest.length > 0) {
    const open = rest.indexOf(OPEN);
    if (open < 0) {
      parts.push(rest.replaceAll(CLOSE, ''));
      break;
    }
    if (open > 0) parts.push(rest.slice(0, open).replaceAll(CLOSE, ''));
    const close = rest.indexOf(CLOSE, open + 1);
    const end = close < 0 ? rest.length : close;
    parts.push(<mark key={key++}>{rest.slice(open + 1, end).replaceAll(OPEN, '')}</mark>);
    rest = close < 0 ? '' : rest.slice(close + 1);
  }
  return parts.map((part, index) => <Fragment key={index}>{part}</Fragment>);
}

/** Accents and case aside, for matching the palette's own commands. */
function fold(value: string): string {
  return value.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

type Row = { kind: 'hit'; hit: SearchHit; key: string } | { kind: 'command'; command: PaletteCommand; key: string };

/**
 * Ctrl/Cmd+K: one field to find a client by name, a person around them, a preference or a note,
 * and the few commands of the window. ↑ and ↓ move, Enter opens, Escape closes.
 */
export function CommandPalette({ open, onOpenChange, commands }: { open: boolean; onOpenChange: (open: boolean) => void; commands: PaletteCommand[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const navigate = useNavigate();
  const baseId = useId();
  const listId = `${baseId}-list`;
  const [draft, setDraft] = useState('');
  const [active, setActive] = useState(0);
  const text = useDebounced(draft.trim(), DEBOUNCE_MS);
  const search = useSearch(open ? text : '', 6);
  const listRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) {
      setDraft('');
      setActive(0);
    }
  }, [open]);

  const hits = text && search.data ? search.data.hits : [];
  const matchingCommands = useMemo(() => {
    const folded = fold(draft.trim());
    return folded ? commands.filter((command) => fold(command.label).includes(folded)) : commands;
  }, [commands, draft]);

  const grouped = GROUPS.map((type) => ({ type, hits: hits.filter((hit) => hit.type === type) })).filter((group) => group.hits.length > 0);
  const rows: Row[] = [
    ...grouped.flatMap((group) => group.hits.map((hit): Row => ({ kind: 'hit', hit, key: `${hit.type}-${hit.id}` }))),
    ...matchingCommands.map((command): Row => ({ kind: 'command', command, key: `command-${command.id}` })),
  ];
  const current = Math.min(active, Math.max(0, rows.length - 1));

  useEffect(() => setActive(0), [text]);
  useEffect(() => {
    listRef.current?.querySelector(`[data-index="${current}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [current]);

  function choose(row: Row | undefined): void {
    if (!row) return;
    onOpenChange(false);
    if (row.kind === 'command') row.command.run();
    else void navigate(`/clients/${row.hit.clientId}`);
  }

  function onKeyDown(event: ReactKeyboardEvent<HTMLInputElement>): void {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive(rows.length === 0 ? 0 : (current + 1) % rows.length);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive(rows.length === 0 ? 0 : (current - 1 + rows.length) % rows.length);
    } else if (event.key === 'Home' && event.ctrlKey) {
      event.preventDefault();
      setActive(0);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (text !== draft.trim() && draft.trim()) return; // the results are still coming
      choose(rows[current]);
    }
  }

  function optionId(index: number): string {
    return `${baseId}-option-${index}`;
  }

  let index = -1;
  function option(row: Row, content: ReactNode): ReactNode {
    index += 1;
    const i = index;
    return (
      <div
        key={row.key}
        id={optionId(i)}
        role="option"
        data-index={i}
        aria-selected={i === current}
        className={`palette__option${i === current ? ' is-active' : ''}`}
        onMouseMove={() => {
          if (i !== current) setActive(i);
        }}
        onClick={() => choose(row)}
      >
        {content}
      </div>
    );
  }

  function hitMeta(hit: SearchHit): string | null {
    if (hit.type === 'note' && hit.at) return format.instantDate(hit.at);
    if (hit.type === 'preference' && hit.domain) return t(`book.palette.domains.${hit.domain}`, { defaultValue: hit.domain });
    return null;
  }

  const pending = draft.trim() !== '' && (text !== draft.trim() || search.isFetching);
  const noMatch = text !== '' && !pending && search.isSuccess && hits.length === 0;

  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="palette__overlay" />
        <Dialog.Content className="palette" aria-describedby={`${baseId}-keys`}>
          <Dialog.Title className="visually-hidden">{t('book.palette.title')}</Dialog.Title>
          <div className="palette__field">
            <svg className="palette__icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
              <circle cx="7" cy="7" r="4.75" fill="none" stroke="currentColor" strokeWidth="1.1" />
              <path d="M10.5 10.5 14 14" stroke="currentColor" strokeWidth="1.1" strokeLinecap="round" />
            </svg>
            <input
              className="palette__input"
              type="text"
              role="combobox"
              aria-label={t('book.palette.label')}
              aria-expanded={rows.length > 0}
              aria-controls={listId}
              aria-autocomplete="list"
              aria-activedescendant={rows.length > 0 ? optionId(current) : undefined}
              placeholder={t('book.palette.placeholder')}
              autoComplete="off"
              spellCheck={false}
              value={draft}
              onChange={(event) => setDraft(event.target.value)}
              onKeyDown={onKeyDown}
            />
            <Kbd>Esc</Kbd>
          </div>
          <div className={`palette__results${pending ? ' is-stale' : ''}`} ref={listRef} tabIndex={0} aria-label={t('book.palette.results')} role="region">
            <div id={listId} role="listbox" aria-label={t('book.palette.results')}>
              {grouped.map((group) => (
                <div key={group.type} role="group" aria-labelledby={`${baseId}-group-${group.type}`} className="palette__group">
                  <p id={`${baseId}-group-${group.type}`} className="palette__group-title" role="presentation">
                    {t(`book.palette.groups.${group.type}`)}
                  </p>
                  {group.hits.map((hit) => {
                    const meta = hitMeta(hit);
                    return option(
                      { kind: 'hit', hit, key: `${hit.type}-${hit.id}` },
                      <>
                        <span className="palette__primary">
                          <span className="palette__name" data-private="">
                            {hit.type === 'client' || hit.type === 'person' ? <Snippet text={hit.snippet} /> : `${hit.clientFirstName} ${hit.clientLastName}`}
                          </span>
                          {hit.restricted ? <span className="badge">{t('clients.restricted')}</span> : null}
                          {hit.archived ? <span className="badge">{t('book.palette.archived')}</span> : null}
                          {hit.discreet ? <span className="badge badge--bronze">{t('book.palette.discreet')}</span> : null}
                        </span>
                        {hit.type === 'person' ? (
                          <span className="palette__snippet">
                            {t('book.palette.around')}{' '}
                            <span data-private="">{`${hit.clientFirstName} ${hit.clientLastName}`}</span>
                          </span>
                        ) : hit.type !== 'client' ? (
                          <span className="palette__snippet" data-private="">
                            <Snippet text={hit.snippet} />
                          </span>
                        ) : null}
                        {meta ? <span className="palette__meta">{meta}</span> : null}
                      </>,
                    );
                  })}
                </div>
              ))}
              {matchingCommands.length > 0 ? (
                <div role="group" aria-labelledby={`${baseId}-group-commands`} className="palette__group">
                  <p id={`${baseId}-group-commands`} className="palette__group-title" role="presentation">
                    {t('book.palette.groups.commands')}
                  </p>
                  {matchingCommands.map((command) =>
                    option(
                      { kind: 'command', command, key: `command-${command.id}` },
                      <>
                        <span className="palette__primary">
                          <span className="palette__command">{command.label}</span>
                          {command.hint ? <span className="palette__hint">{command.hint}</span> : null}
                        </span>
                        {command.shortcut ? <Kbd>{command.shortcut}</Kbd> : null}
                      </>,
                    ),
                  )}
                </div>
              ) : null}
            </div>
            {noMatch ? <p className="palette__empty">{t('book.palette.noMatch', { query: text })}</p> : null}
            {search.isError ? (
              <p className="palette__empty" role="alert">
                {errorMessage(t, search.error)}
              </p>
            ) : null}
          </div>
          <p id={`${baseId}-keys`} className="palette__keys">
            {t('book.palette.keys')}
          </p>
          <p className="visually-hidden" role="status" aria-live="polite">
            {text && !pending && search.isSuccess ? t('book.palette.count', { count: hits.length }) : ''}
          </p>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
