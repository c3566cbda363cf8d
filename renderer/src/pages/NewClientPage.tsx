import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { z } from 'zod';
import type { ChannelInput, ChannelOutput } from '../api/contract';
import { errorMessage } from '../api/errors';
import { useAddPerson, useAddPreference, useCreateClient } from '../api/queries';
import { Button } from '../components/Button';
import { ClientName } from '../components/ClientName';
import { Field } from '../components/Field';
import { Notice } from '../components/Notice';
import { PageSection } from '../components/PageSection';
import { ShortId } from '../components/ShortId';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { emptyParticulars, optionalText, particularsShape, ParticularsFields } from './ParticularsFields';

type Domain = ChannelInput<'preferences.add'>['domain'];
type Channel = NonNullable<ChannelInput<'clients.create'>['contact']>[number]['channel'];
type Created = ChannelOutput<'clients.create'>;

const DOMAINS: readonly Domain[] = ['rtw_size', 'shoe_size', 'ring_size', 'colour', 'material', 'category', 'designer', 'fragrance', 'dislike', 'service', 'language'];
const CHANNELS: readonly Channel[] = ['email', 'phone', 'sms', 'whatsapp', 'wechat', 'post'];
const MONTH_DAY = /^(\d{2})-(\d{2})$/;

function isMonthDay(value: string): boolean {
  const m = MONTH_DAY.exec(value);
  if (!m) return false;
  const [month, day] = [Number(m[1]), Number(m[2])];
  const days = month === 2 ? 29 : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return month >= 1 && month <= 12 && day >= 1 && day <= days;
}

/** Messages are keys under `book.newClient.errors`, translated when shown. */
const optional = optionalText;
const schema = z
  .object({
    ...particularsShape,
    contactChannel: z.enum(CHANNELS as [Channel, ...Channel[]]),
    contactValue: optional(254),
    contactPreferred: z.boolean(),
    personalisation: z.boolean(),
    relationshipMapping: z.boolean(),
    outreach: z.array(z.string()),
    noticeVersion: z.string().trim(),
    preferences: z.array(
      z.object({
        domain: z.enum(DOMAINS as [Domain, ...Domain[]]),
        value: optional(200),
        provenance: z.enum(['declared', 'observed']),
      }),
    ),
    personFirstName: optional(80),
    personLastName: optional(80),
    personRelation: optional(60),
    personBirthday: z.string().trim().refine((v) => v === '' || isMonthDay(v), 'birthday'),
    personSizeLabel: optional(60),
    personSizeValue: optional(200),
  })
  .superRefine((v, ctx) => {
    const anyConsent = v.personalisation || v.relationshipMapping || v.outreach.length > 0;
    if (anyConsent && !/^[\w.-]{1,40}$/.test(v.noticeVersion)) ctx.addIssue({ code: 'custom', path: ['noticeVersion'], message: v.noticeVersion ? 'notice' : 'noticeRequired' });
    if (v.preferences.some((p) => p.value.trim()) && !v.personalisation) ctx.addIssue({ code: 'custom', path: ['personalisation'], message: 'needsPersonalisation' });
    const person = v.personLastName || v.personRelation || v.personBirthday || v.personSizeValue;
    if (person && !v.personFirstName) ctx.addIssue({ code: 'custom', path: ['personFirstName'], message: 'required' });
    if (v.personFirstName && !v.personRelation) ctx.addIssue({ code: 'custom', path: ['personRelation'], message: 'required' });
    if (v.personFirstName && !v.relationshipMapping) ctx.addIssue({ code: 'custom', path: ['relationshipMapping'], message: 'needsMapping' });
    if (v.personSizeValue && !v.personSizeLabel) ctx.addIssue({ code: 'custom', path: ['personSizeLabel'], message: 'required' });
    if (v.outreach.length > 0 && !v.contactValue) ctx.addIssue({ code: 'custom', path: ['contactValue'], message: 'needsContact' });
  });

type FormInput = z.input<typeof schema>;
type FormOutput = z.output<typeof schema>;

interface Outcome {
  created: Created;
  problems: string[];
}

const emptyPreference = { domain: 'colour' as Domain, value: '', provenance: 'declared' as const };

/**
 * A new client, as met in the boutique: who they are, how to reach them, the consents they gave
 * in person, a few preferences and one person around them. The client is created first (with the
 * consents, in one transaction); the preferences and the person follow. Duplicates are shown,
 * never merged.
 */
export function NewClientPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('book.newClient.title'));
  const create = useCreateClient();
  const addPreference = useAddPreference();
  const addPerson = useAddPerson();
  const [formError, setFormError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [saving, setSaving] = useState(false);
  const {
    register,
    handleSubmit,
    control,
    reset,
    formState: { errors },
  } = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(schema),
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    defaultValues: {
      ...emptyParticulars,
      contactChannel: 'email',
      contactValue: '',
      contactPreferred: true,
      personalisation: false,
      relationshipMapping: false,
      outreach: [],
      noticeVersion: '',
      preferences: [{ ...emptyPreference }, { ...emptyPreference, domain: 'rtw_size' }],
      personFirstName: '',
      personLastName: '',
      personRelation: '',
      personBirthday: '',
      personSizeLabel: '',
      personSizeValue: '',
    },
  });
  const preferences = useFieldArray({ control, name: 'preferences' });
  const err = (message: string | undefined) => (message ? t(`book.newClient.errors.${message}`) : undefined);

  const onSubmit = handleSubmit(async (v) => {
    setFormError(null);
    setSaving(true);
    const consents: NonNullable<ChannelInput<'clients.create'>['consents']> = [];
    const notice = { source: 'in_person' as const, noticeVersion: v.noticeVersion };
    if (v.personalisation) consents.push({ purpose: 'personalisation', ...notice });
    if (v.relationshipMapping) consents.push({ purpose: 'relationship_mapping', ...notice });
    for (const channel of v.outreach) consents.push({ purpose: 'outreach', channel: channel as Channel, ...notice });
    let created: Created;
    try {
      created = await create.mutateAsync({
        firstName: v.firstName,
        lastName: v.lastName,
        honorific: v.honorific || null,
        city: v.city || null,
        country: v.country || null,
        language: v.language || null,
        tier: v.tier || null,
        provenance: 'declared',
        ...(v.contactValue ? { contact: [{ channel: v.contactChannel, value: v.contactValue, preferred: v.contactPreferred }] } : {}),
        ...(consents.length > 0 ? { consents } : {}),
      });
    } catch (error) {
      setSaving(false);
      setFormError(errorMessage(t, error));
      return;
    }
    const problems: string[] = [];
    for (const p of v.preferences) {
      if (!p.value) continue;
      try {
        await addPreference.mutateAsync({ personId: created.client.id, domain: p.domain, value: p.value, provenance: p.provenance });
      } catch (error) {
        problems.push(t('book.newClient.partial.preference', { value: p.value, reason: errorMessage(t, error) }));
      }
    }
    if (v.personFirstName) {
      try {
        await addPerson.mutateAsync({
          clientId: created.client.id,
          firstName: v.personFirstName,
          ...(v.personLastName ? { lastName: v.personLastName } : {}),
          relation: { kind: 'family', label: v.personRelation },
          ...(v.personBirthday ? { birthday: v.personBirthday } : {}),
          ...(v.personSizeValue ? { sizes: [{ label: v.personSizeLabel, value: v.personSizeValue }] } : {}),
        });
      } catch (error) {
        problems.push(t('book.newClient.partial.person', { name: v.personFirstName, reason: errorMessage(t, error) }));
      }
    }
    setSaving(false);
    setOutcome({ created, problems });
    window.scrollTo({ top: 0 });
  });

  if (outcome) {
    const { client, duplicates } = outcome.created;
    return (
      <div className="page page--wide new-client">
        <nav className="breadcrumb" aria-label={t('client.breadcrumb')}>
          <Link to="/clients" className="back-link">
            <span aria-hidden="true">← </span>
            {t('client.back')}
          </Link>
        </nav>
        <header className="new-client__header">
          <p className="eyebrow">{t('book.newClient.done.eyebrow')}</p>
          <h1 className="display display--lg">
            <ClientName client={client} />
          </h1>
          <p className="lede">{t('book.newClient.done.body')}</p>
        </header>
        <div className="new-client__outcome">
          {duplicates.length > 0 ? (
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
          ) : null}
          {outcome.problems.length > 0 ? (
            <Notice tone="error" role="alert" title={t('book.newClient.partial.title')}>
              <ul className="new-client__duplicates">
                {outcome.problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </Notice>
          ) : null}
          <div className="form__actions">
            <Link className="button button--primary" to={`/clients/${client.id}`}>
              {t('book.newClient.done.open')}
            </Link>
            <Link className="button button--secondary" to={`/clients/${client.id}/gift`}>
              {t('book.gift.open')}
            </Link>
            <Button
              variant="quiet"
              onClick={() => {
                setOutcome(null);
                reset();
              }}
            >
              {t('book.newClient.done.another')}
            </Button>
          </div>
        </div>
      </div>
    );
  }

  const busy = saving || create.isPending;

  return (
    <div className="page page--wide new-client">
      <nav className="breadcrumb" aria-label={t('client.breadcrumb')}>
        <Link to="/clients" className="back-link">
          <span aria-hidden="true">← </span>
          {t('client.back')}
        </Link>
      </nav>
      <header className="new-client__header">
        <p className="eyebrow">{t('book.newClient.eyebrow')}</p>
        <h1 className="display display--lg">{t('book.newClient.title')}</h1>
        <p className="lede">{t('book.newClient.intro')}</p>
      </header>
      <form className="new-client__form" onSubmit={(event) => void onSubmit(event)} noValidate aria-busy={busy || undefined}>
        {formError ? (
          <Notice tone="error" role="alert" className="new-client__error">
            {formError}
          </Notice>
        ) : null}

        <PageSection id="nc-who" title={t('book.newClient.sections.who')} aside={<p className="settings__text">{t('book.newClient.asides.who')}</p>}>
          <ParticularsFields register={register} errors={errors} />
        </PageSection>

        <PageSection id="nc-contact" title={t('book.newClient.sections.contact')} aside={<p className="settings__text">{t('book.newClient.asides.contact')}</p>}>
          <div className="form__group">
            <div className="new-client__contact">
              <Field label={t('book.newClient.fields.channel')}>
                {(a11y) => (
                  <select className="input select" {...a11y} {...register('contactChannel')}>
                    {CHANNELS.map((c) => (
                      <option key={c} value={c}>
                        {t(`channels.${c}`)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label={t('book.newClient.fields.contactValue')} error={err(errors.contactValue?.message)}>
                {(a11y) => <input className="input" autoComplete="off" spellCheck={false} {...a11y} {...register('contactValue')} />}
              </Field>
            </div>
            <label className="check">
              <input type="checkbox" {...register('contactPreferred')} />
              <span>{t('book.newClient.fields.preferred')}</span>
            </label>
          </div>
        </PageSection>

        <PageSection id="nc-consents" title={t('book.newClient.sections.consents')} aside={<p className="settings__text">{t('book.newClient.asides.consents')}</p>}>
          <div className="form__group">
            <div className="new-client__checks">
              <label className="check">
                <input type="checkbox" aria-describedby={errors.personalisation ? 'nc-personalisation-error' : undefined} {...register('personalisation')} />
                <span>
                  {t('purposes.personalisation')}
                  <span className="check__hint">{t('book.newClient.consentHints.personalisation')}</span>
                </span>
              </label>
              {errors.personalisation ? (
                <p className="field__error" id="nc-personalisation-error">
                  {err(errors.personalisation.message)}
                </p>
              ) : null}
              <label className="check">
                <input type="checkbox" aria-describedby={errors.relationshipMapping ? 'nc-mapping-error' : undefined} {...register('relationshipMapping')} />
                <span>
                  {t('purposes.relationship_mapping')}
                  <span className="check__hint">{t('book.newClient.consentHints.relationshipMapping')}</span>
                </span>
              </label>
              {errors.relationshipMapping ? (
                <p className="field__error" id="nc-mapping-error">
                  {err(errors.relationshipMapping.message)}
                </p>
              ) : null}
            </div>
            <fieldset className="new-client__outreach">
              <legend className="field__label">{t('book.newClient.fields.outreach')}</legend>
              <div className="new-client__channels">
                {CHANNELS.map((c) => (
                  <label key={c} className="check">
                    <input type="checkbox" value={c} {...register('outreach')} />
                    <span>{t(`channels.${c}`)}</span>
                  </label>
                ))}
              </div>
            </fieldset>
            <div className="form__row">
              <Field label={t('book.newClient.fields.noticeVersion')} hint={t('book.newClient.noticeHint')} error={err(errors.noticeVersion?.message)}>
                {(a11y) => <input className="input" autoComplete="off" spellCheck={false} placeholder="2026-01" {...a11y} {...register('noticeVersion')} />}
              </Field>
            </div>
          </div>
        </PageSection>

        <PageSection id="nc-prefs" title={t('book.newClient.sections.preferences')} aside={<p className="settings__text">{t('book.newClient.asides.preferences')}</p>}>
          <div className="form__group">
            {preferences.fields.map((row, index) => (
              <div key={row.id} className="new-client__pref" role="group" aria-label={t('book.newClient.preferenceN', { n: index + 1 })}>
                <Field label={t('book.newClient.fields.domain')}>
                  {(a11y) => (
                    <select className="input select" {...a11y} {...register(`preferences.${index}.domain`)}>
                      {DOMAINS.map((d) => (
                        <option key={d} value={d}>
                          {t(`book.palette.domains.${d}`)}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <Field label={t('book.newClient.fields.value')} error={err(errors.preferences?.[index]?.value?.message)}>
                  {(a11y) => <input className="input" autoComplete="off" {...a11y} {...register(`preferences.${index}.value`)} />}
                </Field>
                <Field label={t('book.newClient.fields.provenance')}>
                  {(a11y) => (
                    <select className="input select" {...a11y} {...register(`preferences.${index}.provenance`)}>
                      <option value="declared">{t('client.preferences.provenance.declared')}</option>
                      <option value="observed">{t('client.preferences.provenance.observed')}</option>
                    </select>
                  )}
                </Field>
                <Button variant="quiet" className="new-client__remove" onClick={() => preferences.remove(index)} aria-label={t('book.newClient.removePreferenceN', { n: index + 1 })}>
                  {t('book.newClient.remove')}
                </Button>
              </div>
            ))}
            {preferences.fields.length < 8 ? (
              <div>
                <Button variant="secondary" onClick={() => preferences.append({ ...emptyPreference })}>
                  {t('book.newClient.addPreference')}
                </Button>
              </div>
            ) : null}
          </div>
        </PageSection>

        <PageSection id="nc-family" title={t('book.newClient.sections.family')} aside={<p className="settings__text">{t('book.newClient.asides.family')}</p>}>
          <div className="form__group">
            <div className="form__row">
              <Field label={t('book.newClient.fields.personFirstName')} error={err(errors.personFirstName?.message)}>
                {(a11y) => <input className="input" autoComplete="off" spellCheck={false} {...a11y} {...register('personFirstName')} />}
              </Field>
              <Field label={t('book.newClient.fields.personLastName')} error={err(errors.personLastName?.message)}>
                {(a11y) => <input className="input" autoComplete="off" spellCheck={false} {...a11y} {...register('personLastName')} />}
              </Field>
            </div>
            <div className="form__row">
              <Field label={t('book.newClient.fields.relation')} hint={t('book.newClient.relationHint')} error={err(errors.personRelation?.message)}>
                {(a11y) => <input className="input" autoComplete="off" {...a11y} {...register('personRelation')} />}
              </Field>
              <Field label={t('book.newClient.fields.birthday')} hint={t('book.newClient.birthdayHint')} error={err(errors.personBirthday?.message)}>
                {(a11y) => <input className="input" autoComplete="off" inputMode="numeric" placeholder={t('book.newClient.placeholders.birthday')} {...a11y} {...register('personBirthday')} />}
              </Field>
            </div>
            <div className="form__row">
              <Field label={t('book.newClient.fields.sizeLabel')} error={err(errors.personSizeLabel?.message)}>
                {(a11y) => <input className="input" autoComplete="off" placeholder={t('book.newClient.placeholders.sizeLabel')} {...a11y} {...register('personSizeLabel')} />}
              </Field>
              <Field label={t('book.newClient.fields.sizeValue')} error={err(errors.personSizeValue?.message)}>
                {(a11y) => <input className="input" autoComplete="off" {...a11y} {...register('personSizeValue')} />}
              </Field>
            </div>
          </div>
        </PageSection>

        <div className="form__actions new-client__actions">
          <Button type="submit" variant="primary" busy={busy} busyLabel={t('book.newClient.saving')}>
            {t('book.newClient.submit')}
          </Button>
          <Link to="/clients" className="button button--quiet">
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </div>
  );
}
