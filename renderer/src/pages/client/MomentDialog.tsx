/**
 * A life moment of the client: its kind, its day (day and month, with the year when known), and
 * whether it comes round every year. The birthdays of the people around them are kept with them
 * (Family & circle), as the policy allows nothing else about people who are not clients.
 *
 * Given a `moment`, the same dialog corrects it: prefilled, and saving sends only what changed
 * (`moments.update`); the core checks the moment as it would be, as it checks a new one.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSaveMoment } from '../../api/circleQueries';
import { errorMessage } from '../../api/errors';
import { Field } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import { localToday } from '../../i18n/format';
import { DayFields, dayParts, dayValue, NO_DAY, type DayParts } from './MomentDay';
import { MOMENT_KINDS, YEARLY_KINDS, type MomentKind } from './PreferenceKinds';
import { LiveFindings } from './RecordFindings';
import { useLiveScan } from './useLiveScan';

/** What the dialog corrects: a moment as `clients.get` lists it. */
export interface EditableMoment {
  id: string;
  kind: string;
  /** `MM-DD` or `YYYY-MM-DD`. */
  date: string;
  recurring: boolean;
  /**
   * The label as the row shows it (null when it only repeats the kind): what is compared on
   * saving, so that a label left as it was is not sent.
   */
  label: string | null;
  /** The advisor's note on the moment, as stored. */
  note: string | null;
}

function knownKind(kind: string): MomentKind {
  return (MOMENT_KINDS as readonly string[]).includes(kind) ? (kind as MomentKind) : 'custom';
}

export function MomentDialog({
  open,
  onOpenChange,
  personId,
  moment,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  personId: string;
  /** Absent: a new moment. */
  moment?: EditableMoment | undefined;
}) {
  const { t } = useTranslation();
  const save = useSaveMoment();
  const editing = moment !== undefined;
  const [kind, setKind] = useState<MomentKind>('birthday');
  const [day, setDay] = useState<DayParts>(NO_DAY);
  const [yearly, setYearly] = useState<boolean | null>(null);
  const [label, setLabel] = useState('');
  const [note, setNote] = useState('');
  const [dayError, setDayError] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  // The core scans the label on save; the advisor sees what it will find while typing.
  const labelScan = useLiveScan(label, { personId, enabled: open });
  const noteScan = useLiveScan(note, { personId, enabled: open });

  useEffect(() => {
    if (!open) return;
    setKind(moment ? knownKind(moment.kind) : 'birthday');
    setDay(moment ? dayParts(moment.date) : NO_DAY);
    setYearly(moment ? moment.recurring : null);
    setLabel(moment?.label ?? '');
    setNote(moment?.note ?? '');
    setDayError(undefined);
    setError(null);
  }, [open, moment]);

  const withYear = day.year.trim() !== '';
  // Without a year, a moment can only come round every year.
  const recurring = !withYear || (yearly ?? YEARLY_KINDS.has(kind));

  async function submit(): Promise<void> {
    const date = dayValue(day);
    if (!date) {
      setDayError(date === '' ? t('circle.moment.errors.dateMissing') : t('circle.moment.errors.date'));
      return;
    }
    // A birthday that has not happened yet is a typing error (the core refuses it too).
    if (kind === 'birthday' && date.length === 10 && date > localToday()) {
      setDayError(t('circle.moment.errors.future'));
      return;
    }
    setDayError(undefined);
    setError(null);
    const text = label.trim();
    let result;
    if (moment) {
      const changes = {
        ...(kind !== moment.kind ? { kind } : {}),
        ...(date !== moment.date ? { date } : {}),
        ...(recurring !== moment.recurring ? { recurring } : {}),
        ...(text !== (moment.label ?? '') ? { label: text === '' ? null : text } : {}),
        ...(note.trim() !== (moment.note ?? '').trim() ? { note: note.trim() === '' ? null : note } : {}),
      };
      if (Object.keys(changes).length === 0) {
        onOpenChange(false);
        return;
      }
      result = await save.update.run({ id: moment.id, personId, ...changes });
    } else {
      result = await save.add.run({ personId, kind, date, recurring, ...(text ? { label: text } : {}), ...(note.trim() ? { note } : {}) });
    }
    if (result.ok) onOpenChange(false);
    else setError(errorMessage(t, result.error));
  }

  return (
    <FormDialog
      open={open}
      onOpenChange={onOpenChange}
      title={editing ? t('circle.moment.editTitle') : t('circle.moment.addTitle')}
      description={editing ? t('circle.moment.editDescription') : t('circle.moment.addDescription')}
      submitLabel={editing ? t('circle.save') : t('circle.moment.add')}
      busy={save.add.pending || save.update.pending}
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
      <Field
        label={t('circle.moment.label')}
        hint={t('circle.moment.labelHint')}
        extra={labelScan.steady.length > 0 ? <LiveFindings scan={labelScan} onRedact={setLabel} /> : undefined}
      >
        {(a11y) => <input className="input" autoComplete="off" maxLength={60} data-private="" {...a11y} value={label} onChange={(e) => setLabel(e.target.value)} />}
      </Field>
      <Field
        label={t('circle.moment.note')}
        hint={t('circle.moment.noteHint')}
        extra={noteScan.steady.length > 0 ? <LiveFindings scan={noteScan} onRedact={setNote} /> : undefined}
      >
        {(a11y) => <textarea className="input circle-form__note" rows={3} maxLength={2000} data-private="" {...a11y} value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
    </FormDialog>
  );
}
