/**
 * The Client 360's family and circle: the people around the client (family, friends, work,
 * assistant) with their birthdays, sizes and tastes — the people a client buys for. `null` when
 * relationship mapping is not allowed: one quiet line says so, and why nobody can be added.
 * The advisor adds, changes and removes the people who are not clients; another client is only
 * named here (their own page is theirs).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSavePerson } from '../../api/circleQueries';
import { useClient } from '../../api/queries';
import { useFormatters } from '../../i18n/format';
import { Hidden, PrefLine } from './Around';
import type { CircleMember } from './c360';
import { CirclePersonDialog } from './CirclePersonDialog';
import { CircleRemoveDialog } from './CircleRemoveDialog';
import { relationLabel } from '../../components/relationLabel';

export function CircleSection({ clientId, circle }: { clientId: string; circle: readonly CircleMember[] | null }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const client = useClient(clientId);
  const save = useSavePerson();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<CircleMember | null>(null);
  const [removing, setRemoving] = useState<CircleMember | null>(null);
  const canEdit = circle !== null && client.data !== undefined && client.data.status !== 'restricted';
  return (
    <section className="client__circle" aria-labelledby="client-circle">
      <div className="circle-head">
        <h2 id="client-circle" className="section-label around__head">
          <span>{t('c360.circle.title')}</span>
          {circle?.length ? <span className="around__count">{format.number(circle.length)}</span> : null}
        </h2>
        {canEdit ? (
          <button type="button" className="circle-head__add" onClick={() => setAdding(true)}>
            <span className="circle-head__plus" aria-hidden="true">
              +
            </span>
            {t('circle.person.addShort')}
          </button>
        ) : null}
      </div>
      {circle === null ? (
        <>
          <Hidden text={t('c360.circle.hidden')} />
          <p className="circle-why">{t('circle.person.needsConsent')}</p>
        </>
      ) : circle.length === 0 ? (
        <p className="client__empty">{t('c360.circle.empty')}</p>
      ) : (
        <ul className="people">
          {circle.map((m) => {
            const ended = m.relation.until !== null;
            const name = `${m.firstName} ${m.lastName}`.trim();
            const editable = canEdit && !m.isClient;
            return (
              <li key={`${m.personId}:${m.relation.id}`} className={`person circle-row${ended ? ' person--ended' : ''}`}>
                <div className="person__who">
                  <span className="person__name" data-private="">
                    {m.firstName} <span className="person__last">{m.lastName}</span>
                  </span>
                  <span className="person__relation" data-private="">
                    {relationLabel(t, m.relation.label, m.relation.personIsFrom) ?? t(`c360.relationKinds.${m.relation.kind}`, { defaultValue: m.relation.kind })}
                    {ended && m.relation.until ? (
                      <span className="person__until"> · {t('c360.circle.until', { date: /^\d{4}-\d{2}-\d{2}$/.test(m.relation.until) ? format.longDate(m.relation.until) : m.relation.until })}</span>
                    ) : null}
                  </span>
                  {m.isClient ? <span className="badge badge--bronze person__client">{t('c360.circle.isClient')}</span> : null}
                  {editable ? (
                    <span className="circle-actions person__actions">
                      <button type="button" className="circle-action" aria-label={t('circle.editNamed', { name })} onClick={() => setEditing(m)}>
                        {t('circle.edit')}
                      </button>
                      <button type="button" className="circle-action circle-action--remove" aria-label={t('circle.removeNamed', { name })} onClick={() => setRemoving(m)}>
                        {t('circle.remove')}
                      </button>
                    </span>
                  ) : null}
                </div>
                {m.birthday || m.sizes.length > 0 || m.tastes.length > 0 ? (
                  <dl className="person__prefs" data-private="">
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
                ) : (
                  <p className="person__none">{m.isClient ? null : t('c360.circle.noDetail')}</p>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {canEdit ? (
        <>
          <CirclePersonDialog open={adding} onOpenChange={setAdding} clientId={clientId} />
          <CirclePersonDialog open={editing !== null} onOpenChange={(open) => !open && setEditing(null)} clientId={clientId} member={editing ?? undefined} />
          <CircleRemoveDialog
            open={removing !== null}
            onOpenChange={(open) => !open && setRemoving(null)}
            title={t('circle.person.removeTitle')}
            confirmLabel={t('circle.person.remove')}
            onConfirm={() => save.remove.run({ personId: removing?.personId ?? '', clientId })}
          >
            {removing ? (
              <>
                <span className="circle-remove__what" data-private="">
                  {`${removing.firstName} ${removing.lastName}`.trim()}
                  {removing.relation.label ? ` — ${relationLabel(t, removing.relation.label)}` : ''}
                </span>
                <span className="circle-remove__why">{t('circle.person.removeBody')}</span>
              </>
            ) : null}
          </CircleRemoveDialog>
        </>
      ) : null}
    </section>
  );
}
