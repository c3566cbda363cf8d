/**
 * A life moment of the client: its kind, its day (day and month, with the year when known), and
 * whether it comes round every year. The birthdays of the people around them are kept with them
 * (Family & circle), as the policy allows nothing else about people who are not clients.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSaveMoment } from '../../api/circleQueries';
import { errorMessage } from '../../api/errors';
import { Field } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import { DayFields, dayValue, NO_DAY, type DayParts } from './MomentDay';
import { MOMENT_KINDS, YEARLY_KINDS, type MomentKind } from './PreferenceKinds';

export function MomentDialog({ open, onOpenChange, personId }: { open: boolean; onOpenChange: (open: boolean) => void; personId: string }) {
  const { t } = useTranslation();
  const save = useSaveMoment();
  const [kind, setKind] = useState<MomentKind>('birthday');
  const [day, setDay] = useState<DayParts>(NO_DAY);
  const [yearly, setYearly] = useState<boolean | null>(null);
  const [label, setLabel] = useState('');
  const [dayError, setDayError] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    setKind('birthday');
    setDay(NO_DAY);
    setYearly(null);
    setLabel('');
    setDayError(undefined);
    setError(null);
  }, [open]);

  const withYear = day.year.trim() !== '';
  // Without a year, a moment can only come round every year.
  const recurring = !withYear || (yearly ?? YEARLY_KINDS.has(kind));

  async function submit(): Promise<void> {
    const date = dayValue(day);
    if (!date) {
      setDayError(date === '' ? t('circle.moment.errors.dateMissing') : t('circle.moment.errors.date'));
      return;
    }
    setDayError(undefined);
    setError(null);
    const result = await save.add.run({ personId, kind, date, recurring, ...(label.trim() ? { label: label.trim() } : {}) });
    if (result.ok) onOpenChange(false);
    else setError(errorMessage(t, result.error));
  }

  return (
    <FormDialog
      open={open}
      onOpenChange={onOpenChange}
      title={t('circle.moment.addTitle')}
      description={t('circle.moment.addDescription')}
      submitLabel={t('circle.moment.add')}
      busy={save.add.pending}
      busyLabel={t('circle.saving')}
      error={error}
      onSubmit={() => void submit()}
      className="circle-form"
    >
      <Field label={t('circle.moment.kind')}>
        {(a11y) => (
          <select className="input select" {...a11y} value={kind} onChange={(e) => setKind(e.target.value as MomentKind)}>
            {MOMENT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`circle.momentKinds.${k}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <DayFields legend={t('circle.moment.date')} value={day} onChange={setDay} error={dayError} hint={t('circle.moment.dateHint')} />
      <label className="check circle-form__check">
        <input type="checkbox" checked={recurring} disabled={!withYear} onChange={(e) => setYearly(e.target.checked)} />
        <span>{t('circle.moment.recurring')}</span>
      </label>
      <Field label={t('circle.moment.label')} hint={t('circle.moment.labelHint')}>
        {(a11y) => <input className="input" autoComplete="off" maxLength={60} data-private="" {...a11y} value={label} onChange={(e) => setLabel(e.target.value)} />}
      </Field>
    </FormDialog>
  );
}
