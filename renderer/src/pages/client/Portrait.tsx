/**
 * The personal part of a client's page — sizes, tastes and life moments — which exists on screen
 * only while the client's personalisation consent allows it. When the core hides it (`null`),
 * one quiet line says why and when it will be deleted; nothing else of it is on the page.
 */
import i18next, { type TFunction } from 'i18next';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useSaveMoment, useSavePreference } from '../../api/circleQueries';
import type { ClientConsents, ClientMoment, ClientPreference, ClientSummary } from '../../api/contract';
import { errorMessage } from '../../api/errors';
import { useClient, useClient360 } from '../../api/queries';
import { Notice } from '../../components/Notice';
import { localToday, useFormatters } from '../../i18n/format';
import type { Preference } from './c360';
import { CircleRemoveDialog } from './CircleRemoveDialog';
import { MomentDialog } from './MomentDialog';
import { PreferenceDialog, type EditablePreference } from './PreferenceDialog';
import { contractDomain, DEFAULT_LABELS } from './PreferenceKinds';

const DAY_MS = 86_400_000;

function groupByDomain(preferences: readonly ClientPreference[]): { domain: string; items: ClientPreference[] }[] {
  const groups: { domain: string; items: ClientPreference[] }[] = [];
  for (const p of preferences) {
    const last = groups.at(-1);
    if (last && last.domain === p.domain) last.items.push(p);
    else groups.push({ domain: p.domain, items: [p] });
  }
  return groups;
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

/**
 * A preference's own label, unless it only repeats its domain ("Dislikes" under Dislikes); the
 * fixed sizes' and the core's default labels in the advisor's language, the advisor's own as typed.
 */
function ownLabel(p: ClientPreference, t: TFunction): string {
  const label = p.label.trim().toLocaleLowerCase();
  const domain = contractDomain(p.domain, p.label);
  if (domain === 'rtw_size' || domain === 'shoe_size' || domain === 'ring_size') return t(`c360.sizeNames.${domain}`);
  if (DEFAULT_LABELS[p.domain] === label) return t(`circle.defaultLabels.${p.domain}`);
  const domainName = i18next.getFixedT('en')(`client.preferences.domains.${p.domain}`, { defaultValue: p.domain }).toLocaleLowerCase();
  return label === domainName || label === p.domain || label === `${p.domain}s` ? '' : capitalise(p.label);
}

/**
 * The client whose page this is (the route's id) and whether their record may be changed now: a
 * restricted client's record is read-only.
 */
function useClientRecord(): { clientId: string; editable: boolean } {
  const { id = '' } = useParams();
  const client = useClient(id);
  return { clientId: id, editable: client.data !== undefined && client.data.status !== 'restricted' };
}

/** A section's label with its quiet "Add" on the right. */
export function SectionHeadWithAction({ id, title, action }: { id: string; title: string; action: ReactNode }) {
  return (
    <div className="circle-head">
      <h2 id={id} className="section-label">
        {title}
      </h2>
      {action}
    </div>
  );
}

function editable(p: ClientPreference, full: Preference | undefined): EditablePreference | null {
  const domain = full && full.domain !== 'other' ? full.domain : contractDomain(p.domain, p.label);
  if (!domain) return null;
  return { id: p.id, domain, label: p.label, value: p.value, provenance: p.provenance, reviewAt: full?.reviewAt ?? p.reviewAt };
}

export function PreferencesSection({ preferences, total }: { preferences: readonly ClientPreference[]; total: number | null }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { clientId, editable: canEdit } = useClientRecord();
  const full = useClient360(clientId);
  const save = useSavePreference();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<EditablePreference | null>(null);
  const [removing, setRemoving] = useState<ClientPreference | null>(null);
  const [confirmError, setConfirmError] = useState<string | null>(null);
  const byId = useMemo(() => {
    const map = new Map<string, Preference>();
    for (const group of full.data?.preferences ?? []) for (const p of group.items) map.set(p.id, p);
    return map;
  }, [full.data]);
  const groups = groupByDomain(preferences);
  const nameOf = (p: ClientPreference): string => {
    const domain = contractDomain(p.domain, p.label);
    return domain ? t(`circle.domains.${domain}`) : capitalise(p.label);
  };
  /** What a row's actions are named after: the domain and the value, so that each is told apart. */
  const rowName = (p: ClientPreference): string => `${nameOf(p)}: ${p.value}`;

  async function confirm(p: ClientPreference): Promise<void> {
    setConfirmError(null);
    const result = await save.update.run({ id: p.id, reviewAt: localToday() });
    if (!result.ok) setConfirmError(errorMessage(t, result.error));
  }

  return (
    <section className="client__preferences" aria-labelledby="client-preferences">
      <SectionHeadWithAction
        id="client-preferences"
        title={t('client.preferences.title')}
        action={
          canEdit ? (
            <button type="button" className="circle-head__add" aria-label={t('circle.preference.addNamed')} onClick={() => setAdding(true)}>
              <span className="circle-head__plus" aria-hidden="true">
                +
              </span>
              {t('circle.preference.addShort')}
            </button>
          ) : null
        }
      />
      {groups.length === 0 ? (
        <p className="client__empty">{t('client.preferences.empty')}</p>
      ) : (
        <div className="prefs">
          {groups.map((group) => (
            <div key={group.domain} className="prefs__group">
              <h3 className="prefs__domain">{t(`client.preferences.domains.${group.domain}`, { defaultValue: capitalise(group.domain) })}</h3>
              <dl className="prefs__list">
                {group.items.map((p) => {
                  const fullPref = byId.get(p.id);
                  const due = fullPref?.reviewDue === true;
                  const edit = editable(p, fullPref);
                  const name = rowName(p);
                  return (
                    <div key={p.id} className={`pref circle-row${due ? ' pref--due' : ''}`}>
                      <dt className="pref__label">{ownLabel(p, t) || <span className="visually-hidden">{capitalise(p.label)}</span>}</dt>
                      <dd className="pref__value">
                        <span className="pref__text" data-private="">
                          {p.value}
                        </span>
                        <span className="pref__aside">
                          {due ? (
                            <span
                              className="circle-due"
                              title={
                                fullPref.reviewDueAt
                                  ? t('circle.preference.dueSince', { date: format.longDate(fullPref.reviewDueAt) })
                                  : t('circle.preference.neverConfirmed')
                              }
                            >
                              {t('circle.preference.due')}
                            </span>
                          ) : null}
                          <span className={`provenance provenance--${p.provenance}`} title={t(`client.preferences.provenanceHint.${p.provenance}`)}>
                            {t(`client.preferences.provenance.${p.provenance}`)}
                          </span>
                          {canEdit ? (
                            <span className="circle-actions">
                              {due ? (
                                <button
                                  type="button"
                                  className="circle-action circle-action--confirm"
                                  disabled={save.update.pending}
                                  aria-label={t('circle.preference.confirmNamed', { name })}
                                  title={t('circle.preference.confirmHint')}
                                  onClick={() => void confirm(p)}
                                >
                                  {t('circle.preference.confirm')}
                                </button>
                              ) : null}
                              {edit ? (
                                <button type="button" className="circle-action" aria-label={t('circle.editNamed', { name })} onClick={() => setEditing(edit)}>
                                  {t('circle.edit')}
                                </button>
                              ) : null}
                              <button type="button" className="circle-action circle-action--remove" aria-label={t('circle.removeNamed', { name })} onClick={() => setRemoving(p)}>
                                {t('circle.remove')}
                              </button>
                            </span>
                          ) : null}
                        </span>
                      </dd>
                    </div>
                  );
                })}
              </dl>
            </div>
          ))}
        </div>
      )}
      {confirmError ? (
        <Notice tone="error" role="alert" className="circle-notice">
          {confirmError}
        </Notice>
      ) : null}
      {total !== null && total > preferences.length ? (
        <p className="client__more">{t('client.more', { shown: format.number(preferences.length), total: format.number(total) })}</p>
      ) : null}
      {canEdit ? (
        <>
          <PreferenceDialog open={adding} onOpenChange={setAdding} personId={clientId} />
          <PreferenceDialog open={editing !== null} onOpenChange={(open) => !open && setEditing(null)} personId={clientId} preference={editing ?? undefined} />
          <CircleRemoveDialog
            open={removing !== null}
            onOpenChange={(open) => !open && setRemoving(null)}
            title={t('circle.preference.removeTitle')}
            confirmLabel={t('circle.remove')}
            onConfirm={() => save.remove.run({ id: removing?.id ?? '' })}
          >
            {removing ? (
              <>
                <span className="circle-remove__what" data-private="">
                  {nameOf(removing)} — {removing.value}
                </span>
                <span className="circle-remove__why">{t('circle.preference.removeBody')}</span>
              </>
            ) : null}
          </CircleRemoveDialog>
        </>
      ) : null}
    </section>
  );
}

/** The moment's own label, unless it only repeats its kind ("Birthday" for a birthday). */
function extraLabel(moment: ClientMoment): string | null {
  if (!moment.label) return null;
  const kindInEnglish = i18next.getFixedT('en')(`client.moments.kinds.${moment.kind}`, { defaultValue: '' });
  return moment.label.trim().toLocaleLowerCase() === kindInEnglish.toLocaleLowerCase() ? null : moment.label;
}

export function MomentsSection({ moments, total }: { moments: readonly ClientMoment[]; total: number | null }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { clientId, editable: canEdit } = useClientRecord();
  const save = useSaveMoment();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<ClientMoment | null>(null);
  const [removing, setRemoving] = useState<ClientMoment | null>(null);
  // The dialog shows the label as the row does: one that only repeats the kind is not the advisor's own.
  const editable = useMemo(() => (editing ? { ...editing, label: extraLabel(editing) } : undefined), [editing]);
  const kindOf = (m: ClientMoment): string => t(`client.moments.kinds.${m.kind}`, { defaultValue: t(`circle.momentKinds.${m.kind}`, { defaultValue: capitalise(m.kind.replaceAll('_', ' ')) }) });
  return (
    <section className="client__moments" aria-labelledby="client-moments">
      <SectionHeadWithAction
        id="client-moments"
        title={t('client.moments.title')}
        action={
          canEdit ? (
            <button type="button" className="circle-head__add" aria-label={t('circle.moment.addNamed')} onClick={() => setAdding(true)}>
              <span className="circle-head__plus" aria-hidden="true">
                +
              </span>
              {t('circle.moment.addShort')}
            </button>
          ) : null
        }
      />
      {moments.length === 0 ? (
        <p className="client__empty">{t('client.moments.empty')}</p>
      ) : (
        <ol className="moments">
          {moments.map((m) => {
            const label = extraLabel(m);
            const kind = kindOf(m);
            const dated = m.next ?? m.date;
            /** What the row's actions are named after: kind, day and label, so that each is told apart. */
            const name = `${kind} — ${format.dayMonth(m.date)}${label ? ` — ${label}` : ''}`;
            return (
              <li key={m.id} className={`moment circle-row${m.next === null ? ' moment--past' : ''}`}>
                <span className="moment__date">
                  {m.next !== null ? (
                    <time dateTime={m.next}>{format.dayMonth(m.next)}</time>
                  ) : /^\d{4}-/.test(m.date) ? (
                    <time dateTime={m.date}>{format.monthYear(m.date, true)}</time>
                  ) : (
                    format.dayMonth(m.date)
                  )}
                </span>
                <span className="moment__text">
                  <span className="moment__kind">{kind}</span>
                  {label ? (
                    <span className="moment__label" data-private="">
                      {label}
                    </span>
                  ) : null}
                  {m.note ? (
                    <span className="moment__note" data-private="">
                      {m.note}
                    </span>
                  ) : null}
                </span>
                <span className="moment__when">{/^\d{4}-/.test(dated) ? format.relativeDay(dated) : null}</span>
                {canEdit ? (
                  <span className="circle-actions">
                    <button type="button" className="circle-action" aria-label={t('circle.editNamed', { name })} onClick={() => setEditing(m)}>
                      {t('circle.edit')}
                    </button>
                    <button type="button" className="circle-action circle-action--remove" aria-label={t('circle.removeNamed', { name })} onClick={() => setRemoving(m)}>
                      {t('circle.remove')}
                    </button>
                  </span>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
      {total !== null && total > moments.length ? (
        <p className="client__more">{t('client.more', { shown: format.number(moments.length), total: format.number(total) })}</p>
      ) : null}
      {canEdit ? (
        <>
          <MomentDialog open={adding} onOpenChange={setAdding} personId={clientId} />
          <MomentDialog open={editing !== null} onOpenChange={(open) => !open && setEditing(null)} personId={clientId} moment={editable} />
          <CircleRemoveDialog
            open={removing !== null}
            onOpenChange={(open) => !open && setRemoving(null)}
            title={t('circle.moment.removeTitle')}
            confirmLabel={t('circle.remove')}
            onConfirm={() => save.remove.run({ id: removing?.id ?? '' })}
          >
            {removing ? (
              <>
                <span className="circle-remove__what" data-private="">
                  {kindOf(removing)} — {format.dayMonth(removing.date)}
                  {extraLabel(removing) ? ` — ${extraLabel(removing) ?? ''}` : ''}
                </span>
                <span className="circle-remove__why">{t('circle.moment.removeBody')}</span>
              </>
            ) : null}
          </CircleRemoveDialog>
        </>
      ) : null}
    </section>
  );
}

/**
 * Where the preferences and moments would be, when the client's consents hide them: the reason,
 * the date of the withdrawal and the date of the purge it queued — nothing of the data itself.
 */
export function HiddenPortrait({
  client,
  consents,
  graceDays,
}: {
  client: ClientSummary;
  consents: ClientConsents | undefined;
  graceDays: number | undefined;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const state = client.consents.find((c) => c.purpose === 'personalisation')?.state ?? 'none';
  // A date is never broken across two lines.
  const day = (instant: string): string => format.instantDate(instant).replace(/ /g, '\u00a0');
  const withdrawal = consents?.history.find((e) => e.purpose === 'personalisation');
  let line: string;
  if (state !== 'withdrawn') {
    line = t('client.hidden.none');
  } else if (!withdrawal || withdrawal.action !== 'withdraw' || graceDays === undefined) {
    line = withdrawal && withdrawal.action === 'withdraw' ? t('client.hidden.withdrawnOn', { date: day(withdrawal.effectiveAt) }) : t('client.hidden.withdrawn');
  } else {
    const due = new Date(Date.parse(withdrawal.recordedAt) + graceDays * DAY_MS).toISOString();
    const key = Date.parse(due) > Date.now() ? 'client.hidden.withdrawnQueued' : 'client.hidden.withdrawnDue';
    line = t(key, { date: day(withdrawal.effectiveAt), due: day(due) });
  }
  return (
    <section className="client__hidden" aria-labelledby="client-hidden">
      <h2 id="client-hidden" className="section-label">
        {t('client.hidden.label')}
      </h2>
      <p className="client__hidden-line">{line}</p>
    </section>
  );
}
