/**
 * Adding or changing one size, taste or manner — of the client, or of someone around them. The
 * day it was last confirmed with the client starts its review period (never in the future). The
 * label and the value are read by the scanner as the advisor types (the core scans them again on
 * save, without anyone's own contact details set aside — as here).
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSavePreference } from '../../api/circleQueries';
import { errorMessage } from '../../api/errors';
import { Field } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import { localToday } from '../../i18n/format';
import { DayFields, dayParts, dayValue, NO_DAY, type DayParts } from './MomentDay';
import { CLIENT_DOMAINS, DEFAULT_LABELS, isFixedSize, isSizeDomain, MANNER_DOMAINS, SIZE_DOMAINS, TASTE_DOMAINS, type PreferenceDomain } from './PreferenceKinds';
import { LiveFindings } from './RecordFindings';
import { useLiveScan } from './useLiveScan';

/** What the dialog edits: enough of a preference from either `clients.get` or the 360. */
export interface EditablePreference {
  id: string;
  domain: PreferenceDomain;
  label: string;
  value: string;
  provenance: 'declared' | 'observed' | 'imported';
  reviewAt: string | null;
}

interface Errors {
  label?: string;
  value?: string;
  reviewAt?: string;
}

export function PreferenceDialog({
  open,
  onOpenChange,
  personId,
  preference,
  domains = CLIENT_DOMAINS,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  personId: string;
  /** Absent: a new preference. */
  preference?: EditablePreference | undefined;
  domains?: readonly PreferenceDomain[];
}) {
  const { t } = useTranslation();
  const save = useSavePreference();
  const editing = preference !== undefined;
  const [domain, setDomain] = useState<PreferenceDomain>('rtw_size');
  const [label, setLabel] = useState('');
  const [value, setValue] = useState('');
  const [provenance, setProvenance] = useState<'declared' | 'observed'>('declared');
  const [reviewAt, setReviewAt] = useState<DayParts>(NO_DAY);
  const [errors, setErrors] = useState<Errors>({});
  const [error, setError] = useState<string | null>(null);
  // Only what the advisor writes or changes is scanned on save; so here.
  const labelScan = useLiveScan(label, { enabled: open && label.trim() !== (preference?.label ?? '') });
  const valueScan = useLiveScan(value, { enabled: open && value.trim() !== (preference?.value ?? '') });

  useEffect(() => {
    if (!open) return;
    setDomain(preference?.domain ?? 'rtw_size');
    // Neither a fixed size's label nor the core's default one ("favourite") is the advisor's own.
    setLabel(preference && !isFixedSize(preference.domain) && DEFAULT_LABELS[preference.domain] !== preference.label.trim().toLowerCase() ? preference.label : '');
    setValue(preference?.value ?? '');
    setProvenance(preference?.provenance === 'observed' ? 'observed' : 'declared');
    setReviewAt(dayParts(preference ? preference.reviewAt : localToday()));
    setErrors({});
    setError(null);
  }, [open, preference]);

  const today = localToday();
  const busy = save.add.pending || save.update.pending;
  const fixed = isFixedSize(domain);

  async function submit(): Promise<void> {
    const next: Errors = {};
    if (!value.trim()) next.value = t('circle.preference.errors.value');
    if (domain === 'size' && !label.trim()) next.label = t('circle.preference.errors.label');
    const confirmed = dayValue(reviewAt);
    if (confirmed === null || (confirmed !== '' && (confirmed.length !== 10 || confirmed > today))) next.reviewAt = t('circle.preference.errors.reviewAt');
    setErrors(next);
    if (Object.keys(next).length > 0 || confirmed === null) return;
    setError(null);
    const result = preference
      ? await save.update.run({
          id: preference.id,
          ...(!fixed && label.trim() && label.trim() !== preference.label ? { label: label.trim() } : {}),
          ...(value.trim() !== preference.value ? { value: value.trim() } : {}),
          ...(provenance !== preference.provenance ? { provenance } : {}),
          ...(confirmed && confirmed !== preference.reviewAt ? { reviewAt: confirmed } : {}),
        })
      : await save.add.run({
          personId,
          domain,
          ...(!fixed && label.trim() ? { label: label.trim() } : {}),
          value: value.trim(),
          provenance,
          ...(confirmed ? { reviewAt: confirmed } : {}),
        });
    if (result.ok) onOpenChange(false);
    else setError(errorMessage(t, result.error));
  }

  const groups = [
    { key: 'sizes', items: SIZE_DOMAINS.filter((d) => domains.includes(d)) },
    { key: 'tastes', items: TASTE_DOMAINS.filter((d) => domains.includes(d)) },
    { key: 'manners', items: MANNER_DOMAINS.filter((d) => domains.includes(d)) },
  ].filter((g) => g.items.length > 0);

  return (
    <FormDialog
      open={open}
      onOpenChange={onOpenChange}
      title={editing ? t('circle.preference.editTitle') : t('circle.preference.addTitle')}
      description={editing ? t(`circle.domains.${domain}`) : t('circle.preference.addDescription')}
      submitLabel={editing ? t('circle.save') : t('circle.preference.add')}
      busy={busy}
      busyLabel={t('circle.saving')}
      error={error}
      onSubmit={() => void submit()}
      className="circle-form"
    >
      {editing ? null : (
        <Field label={t('circle.preference.domain')}>
          {(a11y) => (
            <select className="input select" {...a11y} value={domain} onChange={(e) => setDomain(e.target.value as PreferenceDomain)}>
              {groups.map((g) => (
                <optgroup key={g.key} label={t(`circle.preference.groups.${g.key}`)}>
                  {g.items.map((d) => (
                    <option key={d} value={d}>
                      {t(`circle.domains.${d}`)}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          )}
        </Field>
      )}
      {fixed ? null : (
        <Field
          label={domain === 'size' ? t('circle.preference.sizeLabel') : t('circle.preference.label')}
          hint={domain === 'size' ? t('circle.preference.sizeLabelHint') : t('circle.preference.labelHint')}
          error={errors.label}
          extra={labelScan.steady.length > 0 ? <LiveFindings scan={labelScan} onRedact={setLabel} /> : undefined}
        >
          {(a11y) => <input className="input" autoComplete="off" maxLength={60} {...a11y} value={label} onChange={(e) => setLabel(e.target.value)} />}
        </Field>
      )}
      <Field
        label={isSizeDomain(domain) ? t('circle.preference.size') : t('circle.preference.value')}
        error={errors.value}
        extra={valueScan.steady.length > 0 ? <LiveFindings scan={valueScan} onRedact={setValue} /> : undefined}
      >
        {(a11y) => (
          <input
            className="input"
            autoComplete="off"
            maxLength={200}
            data-private=""
            placeholder={t(`circle.placeholders.${domain}`)}
            {...a11y}
            value={value}
            onChange={(e) => setValue(e.target.value)}
          />
        )}
      </Field>
      <fieldset className="choice circle-form__choice">
        <legend className="field__label">{t('circle.preference.provenance')}</legend>
        <div className="choice__options">
          {(['declared', 'observed'] as const).map((p) => (
            <label key={p} className="choice__option">
              <input type="radio" name="provenance" value={p} checked={provenance === p} onChange={() => setProvenance(p)} />
              <span>{t(`client.preferences.provenanceHint.${p}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <DayFields legend={t('circle.preference.reviewAt')} value={reviewAt} onChange={setReviewAt} error={errors.reviewAt} hint={t('circle.preference.reviewAtHint')} yearRequired />
    </FormDialog>
  );
}
