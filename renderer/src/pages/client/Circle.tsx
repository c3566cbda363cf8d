/**
 * The Client 360's family and circle: the people around the client (family, friends, work,
 * assistant) with their birthdays, sizes and tastes — the people a client buys for. `null` when
 * relationship mapping is not allowed: one quiet line says so.
 */
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../i18n/format';
import { Hidden, PrefLine, SectionHead } from './Around';
import type { CircleMember } from './c360';

export function CircleSection({ circle }: { clientId: string; circle: readonly CircleMember[] | null }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <section className="client__circle" aria-labelledby="client-circle">
      <SectionHead id="client-circle" title={t('c360.circle.title')} count={circle?.length} />
      {circle === null ? (
        <Hidden text={t('c360.circle.hidden')} />
      ) : circle.length === 0 ? (
        <p className="client__empty">{t('c360.circle.empty')}</p>
      ) : (
        <ul className="people">
          {circle.map((m) => {
            const ended = m.relation.until !== null;
            return (
              <li key={`${m.personId}:${m.relation.id}`} className={`person${ended ? ' person--ended' : ''}`}>
                <div className="person__who">
                  <span className="person__name" data-private="">
                    {m.firstName} <span className="person__last">{m.lastName}</span>
                  </span>
                  <span className="person__relation">
                    {m.relation.label ?? t(`c360.relationKinds.${m.relation.kind}`, { defaultValue: m.relation.kind })}
                    {ended && m.relation.until ? (
                      <span className="person__until"> · {t('c360.circle.until', { date: /^\d{4}-\d{2}-\d{2}$/.test(m.relation.until) ? format.longDate(m.relation.until) : m.relation.until })}</span>
                    ) : null}
                  </span>
                  {m.isClient ? <span className="badge badge--bronze person__client">{t('c360.circle.isClient')}</span> : null}
                </div>
                {m.birthday || m.sizes.length > 0 || m.tastes.length > 0 ? (
                  <dl className="person__prefs">
                    {m.birthday ? (
                      <div className="person__pref">
                        <dt>{t('client.moments.kinds.birthday')}</dt>
                        <dd>{format.dayMonth(m.birthday)}</dd>
                      </div>
                    ) : null}
                    {m.sizes.map((p) => (
                      <PrefLine key={p.id} p={p} sizes />
                    ))}
                    {m.tastes.map((p) => (
                      <PrefLine key={p.id} p={p} />
                    ))}
                  </dl>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

