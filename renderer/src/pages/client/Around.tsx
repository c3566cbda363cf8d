/**
 * The Client 360's side of the relationship: the people around the client with their sizes and
 * tastes, the moments to come, the after-sales cases open and the gifts already given. Each part
 * is `null` when the client's consents hide it: one quiet line says so, nothing of it is shown.
 */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../i18n/format';
import type { AfterSales, Gift, Preference, UpcomingMoment } from './c360';
import { sizeLabel } from './c360';

export function SectionHead({ id, title, count }: { id: string; title: string; count?: number | null }) {
  const format = useFormatters();
  return (
    <h2 id={id} className="section-label around__head">
      <span>{title}</span>
      {count ? <span className="around__count">{format.number(count)}</span> : null}
    </h2>
  );
}

export function Hidden({ text }: { text: string }) {
  return <p className="client__empty around__hidden">{text}</p>;
}

export function PrefLine({ p, sizes = false }: { p: Preference; sizes?: boolean }) {
  const { t } = useTranslation();
  const label = sizes
    ? t(`c360.sizeNames.${p.domain}`, { defaultValue: sizeLabel(p) })
    : t(`client.preferences.domains.${p.domain}`, { defaultValue: sizeLabel(p) });
  return (
    <div className="person__pref">
      <dt>{label}</dt>
      <dd>{p.value}</dd>
    </div>
  );
}

export function UpcomingSection({ moments, title, empty, id = 'client-upcoming' }: { moments: readonly UpcomingMoment[] | null; title?: string; empty?: string; id?: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <section className="client__upcoming" aria-labelledby={id}>
      <SectionHead id={id} title={title ?? t('c360.upcoming.title')} />
      {moments === null ? (
        <Hidden text={t('c360.hidden')} />
      ) : moments.length === 0 ? (
        <p className="client__empty">{empty ?? t('c360.upcoming.empty')}</p>
      ) : (
        <ol className="moments moments--soon">
          {moments.map((m) => {
            const kind = t(`client.moments.kinds.${m.kind}`, { defaultValue: m.label ?? m.kind });
            const who = m.person ? `${m.person.firstName} ${m.person.lastName}${m.person.relationLabel ? ` — ${m.person.relationLabel}` : ''}` : null;
            const label = m.label && m.label.toLocaleLowerCase() !== kind.toLocaleLowerCase() ? m.label : null;
            return (
              <li key={`${m.momentId ?? 'birth'}:${m.personId}:${m.on}`} className={`moment-soon${m.inDays <= 7 ? ' moment-soon--near' : ''}`}>
                <span className="moment__date">
                  <time dateTime={m.on}>{format.dayMonth(m.on)}</time>
                </span>
                <span className="moment__text">
                  <span className="moment__kind">
                    {kind}
                    {m.years !== null ? <span className="moment__years"> · {t('c360.upcoming.years', { count: m.years })}</span> : null}
                  </span>
                  {who ? (
                    <span className="moment__label" data-private="">
                      {who}
                    </span>
                  ) : null}
                  {label ? <span className="moment__label">{label}</span> : null}
                </span>
                <span className="moment__when">{format.relativeDay(m.on)}</span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

export function AfterSalesSection({ cases, id = 'client-aftersales', title }: { cases: readonly AfterSales[] | null; id?: string; title?: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <section className="client__aftersales" aria-labelledby={id}>
      <SectionHead id={id} title={title ?? t('c360.afterSales.title')} count={cases?.length} />
      {cases === null ? (
        <Hidden text={t('c360.hidden')} />
      ) : cases.length === 0 ? (
        <p className="client__empty">{t('c360.afterSales.empty')}</p>
      ) : (
        <ul className="book-ledger">
          {cases.map((c) => (
            <li key={c.id} className="book-ledger__row">
              <span className="book-ledger__main">
                <span className="book-ledger__title">{c.item}</span>
                <span className="book-ledger__sub">
                  {t(`c360.afterSales.kinds.${c.kind}`)} · {t('c360.afterSales.opened', { date: format.instantDate(c.openedAt) })}
                </span>
                {c.note ? (
                  <span className="book-ledger__note" data-private="">
                    {c.note}
                  </span>
                ) : null}
              </span>
              <span className={`status status--${c.status}`}>{t(`c360.afterSales.status.${c.status}`)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function giftRecipient(t: TFunction, g: Gift): string {
  if (g.recipient.self) return t('c360.gifts.self');
  if (!g.recipient.firstName) return t('c360.gifts.forUnnamed');
  const name = `${g.recipient.firstName} ${g.recipient.lastName ?? ''}`.trim();
  return t('c360.gifts.for', { name: g.recipient.relationLabel ? `${name} (${g.recipient.relationLabel})` : name });
}

export function GiftsSection({ gifts, id = 'client-gifts', title, limit }: { gifts: readonly Gift[] | null; id?: string; title?: string; limit?: number }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const shown = gifts && limit ? gifts.slice(0, limit) : gifts;
  return (
    <section className="client__gifts" aria-labelledby={id}>
      <SectionHead id={id} title={title ?? t('c360.gifts.title')} count={gifts?.length} />
      {shown === null ? (
        <Hidden text={t('c360.hidden')} />
      ) : shown.length === 0 ? (
        <p className="client__empty">{t('c360.gifts.empty')}</p>
      ) : (
        <ul className="book-ledger">
          {shown.map((g) => (
            <li key={g.id} className="book-ledger__row">
              <span className="book-ledger__main">
                <span className="book-ledger__title">{g.item}</span>
                <span className="book-ledger__sub" data-private="">
                  {giftRecipient(t, g)} · {g.occasion}
                </span>
              </span>
              <time className="book-ledger__date" dateTime={g.givenAt}>
                {format.monthYear(g.givenAt.slice(0, 10), true)}
              </time>
            </li>
          ))}
        </ul>
      )}
      {gifts && shown && gifts.length > shown.length ? (
        <p className="client__more">{t('client.more', { shown: format.number(shown.length), total: format.number(gifts.length) })}</p>
      ) : null}
    </section>
  );
}
