import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { z } from 'zod';
import { isCarnetError } from '../api/client';
import type { ChannelInput, ChannelOutput } from '../api/contract';
import { errorMessage } from '../api/errors';
import { useUpdateClient } from '../api/editQueries';
import { useClient360 } from '../api/queries';
import { Button } from '../components/Button';
import { ClientName } from '../components/ClientName';
import { ClientUnavailable } from '../components/ClientUnavailable';
import { Field } from '../components/Field';
import { Notice } from '../components/Notice';
import { PageSection } from '../components/PageSection';
import { ProgressLine } from '../components/ProgressLine';
import { ShortId } from '../components/ShortId';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { useEscapeBack } from '../components/useEscapeBack';
import { useFormatters } from '../i18n/format';
import { particularsShape, ParticularsFields, type ParticularsValues } from './ParticularsFields';

type Client360 = ChannelOutput<'clients.get360'>;
type Updated = ChannelOutput<'clients.update'>;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_DAY = /^(\d{2})-(\d{2})$/;

function daysIn(month: number, year: number | null): number {
  if (month === 2) return year === null || (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isCalendarDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return y >= 1000 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysIn(mo, y);
}

function isMonthDay(value: string): boolean {
  const m = MONTH_DAY.exec(value);
  if (!m) return false;
  const [mo, d] = [Number(m[1]), Number(m[2])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysIn(mo, null);
}

/** The time zones this system knows, for the select (empty where Intl cannot list them). */
function timeZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
}

interface Initial extends ParticularsValues {
  clientSince: string;
  birthDate: string;
  timeZone: string;
}

function initialOf(view: Client360): Initial {
  const c = view.client;
  return {
    honorific: c.honorific ?? '',
    firstName: c.firstName,
    lastName: c.lastName,
    city: c.city ?? '',
    country: c.country ?? '',
    language: c.language ?? '',
    tier: c.tier ?? '',
    clientSince: c.clientSince ?? '',
    birthDate: view.details.birthDate ?? '',
    timeZone: view.details.timeZone ?? '',
  };
}

/** Messages are keys: the particulars' under `book.newClient.errors`, the dates' under `edit.errors`. */
function schemaFor(today: string, initial: Initial) {
  return z
    .object({
      ...particularsShape,
      clientSince: z.string().trim(),
      birthDate: z.string().trim(),
      timeZone: z.string(),
      confirmed: z.boolean(),
    })
    .superRefine((v, ctx) => {
      if (v.clientSince === '' && initial.clientSince !== '') ctx.addIssue({ code: 'custom', path: ['clientSince'], message: 'clientSinceRequired' });
      else if (v.clientSince !== '' && !isCalendarDate(v.clientSince)) ctx.addIssue({ code: 'custom', path: ['clientSince'], message: 'date' });
      else if (v.clientSince > today) ctx.addIssue({ code: 'custom', path: ['clientSince'], message: 'future' });
      const b = v.birthDate;
      if (b !== '' && !(b.length === 5 ? isMonthDay(b) : isCalendarDate(b))) ctx.addIssue({ code: 'custom', path: ['birthDate'], message: 'birthday' });
      else if (b.length === 10 && b > today) ctx.addIssue({ code: 'custom', path: ['birthDate'], message: 'future' });
    });
}

type FormInput = z.input<ReturnType<typeof schemaFor>>;
type FormOutput = z.output<ReturnType<typeof schemaFor>>;

/** Only what changed is sent: an unchanged birthday is not rewritten under a consent since withdrawn. */
function changes(id: string, initial: Initial, v: FormOutput, personalisation: boolean, today: string): ChannelInput<'clients.update'> {
  const input: ChannelInput<'clients.update'> = { id };
  const differs = (key: keyof Initial) => v[key].trim() !== initial[key].trim();
  if (differs('firstName')) input.firstName = v.firstName;
  if (differs('lastName')) input.lastName = v.lastName;
  if (differs('honorific')) input.honorific = v.honorific || null;
  if (differs('city')) input.city = v.city || null;
  if (differs('country')) input.country = v.country || null;
  if (differs('language')) input.language = v.language || null;
  if (differs('tier')) input.tier = v.tier || null;
  if (differs('timeZone')) input.timeZone = v.timeZone || null;
  if (differs('clientSince') && v.clientSince) input.clientSince = v.clientSince;
  if (personalisation && differs('birthDate')) input.birthDate = v.birthDate || null;
  if (v.confirmed) input.reviewAt = today;
  return input;
}

function EditForm({ view }: { view: Client360 }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const navigate = useNavigate();
  const update = useUpdateClient();
  const client = view.client;
  const backTo = `/clients/${client.id}`;
  const initial = useMemo(() => initialOf(view), [view]);
  const today = view.today;
  const personalisation = client.personalisation;
  const restricted = client.status === 'restricted';
  // A birthday kept as a life moment outranks the particulars' own: it is changed under Moments.
  const birthdayMoment = view.details.birthDate ? undefined : client.moments?.find((m) => m.kind === 'birthday');
  const zones = useMemo(() => {
    const all = timeZones();
    return initial.timeZone && !all.includes(initial.timeZone) ? [initial.timeZone, ...all] : all;
  }, [initial.timeZone]);
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState<Updated | null>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const backRef = useRef<HTMLAnchorElement>(null);
  const schema = useMemo(() => schemaFor(today, initial), [today, initial]);
  const {
    register,
    handleSubmit,
    setFocus,
    formState: { errors },
  } = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(schema),
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    defaultValues: { ...initial, confirmed: false },
  });

  useEffect(() => {
    setFocus('firstName');
  }, [setFocus]);

  // Saved with duplicates flagged: the form is gone, the way back takes the focus.
  useEffect(() => {
    if (saved) backRef.current?.focus();
  }, [saved]);

  const dateErr = (message: string | undefined) => (message ? t(`edit.errors.${message}`) : undefined);

  const onSubmit = handleSubmit(async (v) => {
    setFormError(null);
    const input = changes(client.id, initial, v, personalisation && !birthdayMoment, today);
    if (Object.keys(input).length === 1) {
      void navigate(backTo);
      return;
    }
    try {
      const result = await update.mutateAsync(input);
      if (result.duplicates.length > 0) {
        setSaved(result);
        window.scrollTo({ top: 0 });
      } else {
        void navigate(backTo);
      }
    } catch (error) {
      setFormError(isCarnetError(error, 'CONSENT_MISSING') && input.birthDate ? t('edit.errors.birthdayConsent') : errorMessage(t, error));
      requestAnimationFrame(() => errorRef.current?.scrollIntoView({ block: 'center' }));
    }
  });

  if (saved) {
    const { duplicates } = saved;
    return (
      <>
        <header className="new-client__header">
          <p className="eyebrow">{t('edit.saved.eyebrow')}</p>
          <h1 className="display display--lg">
            <ClientName client={saved.client} />
          </h1>
          <p className="lede">{t('edit.saved.body')}</p>
        </header>
        <div className="new-client__outcome">
          <Notice tone="info" role="status" title={t('book.newClient.duplicates.title', { count: duplicates.length })}>
            <ul className="new-client__duplicates">
              {duplicates.map((d) => (
                <li key={d.id}>
                  <span>{t(`book.newClient.duplicates.reason.${d.reason}`)}</span>{' '}
                  <Link to={`/clients/${d.id}`}>
                    {t('book.newClient.duplicates.open')} <ShortId id={d.id} />
                  </Link>
                </li>
              ))}
            </ul>
          </Notice>
          <div className="form__actions">
            <Link ref={backRef} className="button button--primary" to={backTo}>
              {t('edit.saved.back')}
            </Link>
          </div>
        </div>
      </>
    );
  }

  return (
    <>
      <header className="new-client__header">
        <p className="eyebrow">{t('edit.eyebrow')}</p>
        <h1 className="display display--lg">
          <ClientName client={client} />
        </h1>
        <p className="lede">{t('edit.intro')}</p>
      </header>
      <form className="new-client__form edit-client__form" onSubmit={(event) => void onSubmit(event)} noValidate aria-busy={update.isPending || undefined}>
        {restricted ? (
          <Notice tone="info" role="note" title={t('client.restricted.title')} className="new-client__error">
            <p>{t('errors.code.RESTRICTED')}</p>
          </Notice>
        ) : null}

        <PageSection id="ec-who" title={t('book.newClient.sections.who')} aside={<p className="settings__text">{t('book.newClient.asides.who')}</p>}>
          <ParticularsFields register={register} errors={errors} current={initial} />
        </PageSection>

        <PageSection id="ec-dates" title={t('edit.sections.dates')} aside={<p className="settings__text">{t('edit.asides.dates')}</p>}>
          <div className="form__group">
            <div className="form__row">
              <Field label={t('edit.fields.clientSince')} error={dateErr(errors.clientSince?.message)}>
                {(a11y) => <input className="input" type="date" max={today} {...a11y} {...register('clientSince')} />}
              </Field>
              <Field label={t('edit.fields.timeZone')} hint={t('edit.hints.timeZone')}>
                {(a11y) => (
                  <select className="input select" {...a11y} {...register('timeZone')}>
                    <option value="">{t('book.newClient.notSaid')}</option>
                    {zones.map((z) => (
                      <option key={z} value={z}>
                        {z.replace(/_/g, ' ')}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            </div>
            <div className="form__row">
              {personalisation && birthdayMoment ? (
                <div className="field">
                  <p className="field__label">{t('edit.fields.birthDate')}</p>
                  <p className="edit-client__unavailable">{t('edit.hints.birthDateMoment', { date: format.dayMonth(birthdayMoment.date) })}</p>
                </div>
              ) : personalisation ? (
                <Field label={t('edit.fields.birthDate')} hint={t('edit.hints.birthDate')} error={dateErr(errors.birthDate?.message)}>
                  {(a11y) => (
                    <input
                      className="input"
                      autoComplete="off"
                      inputMode="numeric"
                      placeholder={t('edit.placeholders.birthDate')}
                      data-private=""
                      {...a11y}
                      {...register('birthDate')}
                    />
                  )}
                </Field>
              ) : (
                <div className="field">
                  <p className="field__label">{t('edit.fields.birthDate')}</p>
                  <p className="edit-client__unavailable">{t('edit.hints.birthDateHidden')}</p>
                </div>
              )}
            </div>
          </div>
        </PageSection>

        <PageSection id="ec-confirm" title={t('edit.sections.confirm')} aside={<p className="settings__text">{t('edit.asides.confirm')}</p>}>
          <div className="form__group">
            <label className="check">
              <input type="checkbox" {...register('confirmed')} />
              <span>
                {t('edit.fields.confirmed')}
                <span className="check__hint">
                  {view.details.reviewAt ? t('edit.hints.lastConfirmed', { date: format.longDate(view.details.reviewAt) }) : t('edit.hints.neverConfirmed')}
                </span>
              </span>
            </label>
          </div>
        </PageSection>

        <div ref={errorRef}>
          {formError ? (
            <Notice tone="error" role="alert" className="new-client__error" title={t('edit.errors.notSaved')}>
              <p>{formError}</p>
            </Notice>
          ) : null}
        </div>

        <div className="form__actions new-client__actions">
          <Button type="submit" variant="primary" busy={update.isPending} busyLabel={t('edit.saving')} disabled={restricted}>
            {t('edit.submit')}
          </Button>
          <Link to={backTo} className="button button--quiet">
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </>
  );
}

/**
 * Editing a client's particulars: the same fields as a new client's, prefilled from the Client
 * 360, saved through `clients.update` (only what changed). Duplicates the core flags are shown,
 * never merged; Escape or Cancel returns to the client's page.
 */
export function EditClientPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('edit.title'));
  const { id = '' } = useParams();
  const view = useClient360(id);
  const backTo = `/clients/${id}`;

  useEffect(() => {
    window.scrollTo(0, 0);
  }, [id]);

  useEscapeBack(backTo, { fromFields: true });

  let content;
  if (view.isPending) {
    content = <ProgressLine label={t('client.loading')} />;
  } else if (view.isError) {
    content = <ClientUnavailable error={view.error} onRetry={() => void view.refetch()} backTo="/clients" />;
  } else {
    // Keyed by the record's id: a form is prefilled once, not reset under the advisor's fingers.
    content = <EditForm key={view.data.client.id} view={view.data} />;
  }

  return (
    <div className="page page--wide new-client edit-client">
      <nav className="breadcrumb" aria-label={t('edit.breadcrumb')}>
        <Link to={backTo} className="back-link">
          <span aria-hidden="true">← </span>
          {t('edit.back')}
        </Link>
        <span className="breadcrumb__hint" aria-hidden="true">
          Esc
        </span>
      </nav>
      {content}
    </div>
  );
}
