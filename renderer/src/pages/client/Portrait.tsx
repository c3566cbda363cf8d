/**
 * The personal part of a client's page — sizes, tastes and life moments — which exists on screen
 * only while the client's personalisation consent allows it. When the core hides it (`null`),
 * one quiet line says why and when it will be deleted; nothing else of it is on the page.
 */
import i18next from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ClientConsents, ClientMoment, ClientPreference, ClientSummary } from '../../api/contract';
import { useFormatters } from '../../i18n/format';

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

/** A preference's own label, unless it only repeats its domain ("Dislikes" under Dislikes). */
function ownLabel(p: ClientPreference): string {
  const label = p.label.trim().toLocaleLowerCase();
  const domain = i18next.getFixedT('en')(`client.preferences.domains.${p.domain}`, { defaultValue: p.domain }).toLocaleLowerCase();
  return label === domain || label === p.domain || label === `${p.domain}s` ? '' : capitalise(p.label);
}

export function PreferencesSection({ preferences, total }: { preferences: readonly ClientPreference[]; total: number | null }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const groups = groupByDomain(preferences);
  return (
    <section className="client__preferences" aria-labelledby="client-preferences">
      <h2 id="client-preferences" className="section-label">
        {t('client.preferences.title')}
      </h2>
      {groups.length === 0 ? (
        <p className="client__empty">{t('client.preferences.empty')}</p>
      ) : (
        <div className="prefs">
          {groups.map((group) => (
            <div key={group.domain} className="prefs__group">
              <h3 className="prefs__domain">{t(`client.preferences.domains.${group.domain}`, { defaultValue: capitalise(group.domain) })}</h3>
              <dl className="prefs__list">
                {group.items.map((p) => (
                  <div key={p.id} className="pref">
                    <dt className="pref__label">{ownLabel(p) || <span className="visually-hidden">{capitalise(p.label)}</span>}</dt>
                    <dd className="pref__value">
                      <span className="pref__text">{p.value}</span>
                      <span className={`provenance provenance--${p.provenance}`} title={t(`client.preferences.provenanceHint.${p.provenance}`)}>
                        {t(`client.preferences.provenance.${p.provenance}`)}
                      </span>
                    </dd>
                  </div>
                ))}
              </dl>
            </div>
          ))}
        </div>
      )}
      {total !== null && total > preferences.length ? (
        <p className="client__more">{t('client.more', { shown: format.number(preferences.length), total: format.number(total) })}</p>
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
  return (
    <section className="client__moments" aria-labelledby="client-moments">
      <h2 id="client-moments" className="section-label">
        {t('client.moments.title')}
      </h2>
      {moments.length === 0 ? (
        <p className="client__empty">{t('client.moments.empty')}</p>
      ) : (
        <ol className="moments">
          {moments.map((m) => {
            const label = extraLabel(m);
            const kind = t(`client.moments.kinds.${m.kind}`, { defaultValue: capitalise(m.kind.replaceAll('_', ' ')) });
            const dated = m.next ?? m.date;
            return (
              <li key={m.id} className={`moment${m.next === null ? ' moment--past' : ''}`}>
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
                  {label ? <span className="moment__label">{label}</span> : null}
                </span>
                <span className="moment__when">{/^\d{4}-/.test(dated) ? format.relativeDay(dated) : null}</span>
              </li>
            );
          })}
        </ol>
      )}
      {total !== null && total > moments.length ? (
        <p className="client__more">{t('client.more', { shown: format.number(moments.length), total: format.number(total) })}</p>
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
