/**
 * Schedules an appointment: a day and a time in the advisor's own time zone (stored as a UTC
 * instant), how long, where (the boutique, a private salon, a hotel, the client's home), and what
 * it is for. The purpose and the note are read by the scanner as the advisor types (what it sees is
 * shown quietly under each field), and scanned by the core again before anything is written; what
 * it refuses is shown under the dialog's fields, and the advisor redacts, rephrases or keeps it.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isCarnetError } from '../../api/client';
import type { ChannelInput } from '../../api/contract';
import { errorMessage } from '../../api/errors';
import { useAddAppointment } from '../../api/recordsQueries';
import { Field } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import { localToday, useFormatters } from '../../i18n/format';
import { RecordChoice } from './RecordChoice';
import { LiveFindings, RecordFindings, acceptAll, redactAll, type Acceptance, type Refusal } from './RecordFindings';
import { useLiveScan } from './useLiveScan';

export const APPOINTMENT_PLACES = ['boutique', 'private_salon', 'hotel', 'home'] as const;
type Place = (typeof APPOINTMENT_PLACES)[number];
const DURATIONS = [0, 30, 45, 60, 90, 120] as const;

/** `YYYY-MM-DD` and `HH:MM` in this computer's time zone, as an ISO instant (UTC). */
export function localInstant(date: string, time: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return null;
  const at = new Date(`${date}T${time}:00`);
  return Number.isNaN(at.getTime()) ? null : at.toISOString();
}

function timeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone.replace(/_/g, ' ');
}

function tomorrow(): string {
  return localToday(Date.now() + 86_400_000);
}

type Problem = 'dateRequired' | 'timeRequired';

export function AppointmentDialog({ clientId, open, onOpenChange }: { clientId: string; open: boolean; onOpenChange: (open: boolean) => void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const add = useAddAppointment();
  const purposeRef = useRef<HTMLInputElement>(null);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const [date, setDate] = useState(tomorrow);
  const [time, setTime] = useState('11:00');
  const [duration, setDuration] = useState<number>(60);
  const [place, setPlace] = useState<Place>('boutique');
  const [purpose, setPurpose] = useState('');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  // Nothing stored: what the scanner sees while typing. The core scans again on save.
  const purposeScan = useLiveScan(purpose, { personId: clientId, enabled: open });
  const noteScan = useLiveScan(note, { personId: clientId, enabled: open });

  useEffect(() => {
    if (!open) return;
    setDate(tomorrow());
    setTime('11:00');
    setDuration(60);
    setPlace('boutique');
    setPurpose('');
    setNote('');
    setProblem(null);
    setError(null);
    setRefusal(null);
  }, [open]);

  const startsAt = localInstant(date, time);
  const past = startsAt !== null && Date.parse(startsAt) < Date.now();

  async function save(texts: { purpose: string; note: string }, accept?: Acceptance[]): Promise<void> {
    if (add.pending) return;
    if (!date) return setProblem('dateRequired');
    if (!time || !startsAt) return setProblem('timeRequired');
    setProblem(null);
    setError(null);
    const input: ChannelInput<'appointments.add'> = {
      clientId,
      startsAt,
      place,
      // Recorded after the fact, an appointment has been held.
      status: past ? 'done' : 'planned',
      ...(duration > 0 ? { endsAt: new Date(Date.parse(startsAt) + duration * 60_000).toISOString() } : {}),
      ...(texts.purpose.trim() ? { purpose: texts.purpose.trim() } : {}),
      ...(texts.note.trim() ? { note: texts.note } : {}),
      ...(accept && accept.length > 0 ? { acceptFindings: accept } : {}),
    };
    const result = await add.run(input);
    if (result.ok) {
      setRefusal(null);
      onOpenChange(false);
      return;
    }
    if (isCarnetError(result.error, 'NOTE_FINDINGS') && result.error.findings) {
      setRefusal({ texts, findings: result.error.findings });
      return;
    }
    setError(errorMessage(t, result.error));
  }

  const changed = (field: 'purpose' | 'note', value: string) => {
    if (refusal && refusal.texts[field] !== value) setRefusal(null);
  };

  // Once the core has refused, its findings (below) say it all: the live ones step aside.
  const purposeLive =
    !refusal && purposeScan.steady.length > 0 ? (
      <LiveFindings
        scan={purposeScan}
        onRedact={(redacted) => {
          setPurpose(redacted);
          purposeRef.current?.focus();
        }}
      />
    ) : undefined;
  const noteLive =
    !refusal && noteScan.steady.length > 0 ? (
      <LiveFindings
        scan={noteScan}
        onRedact={(redacted) => {
          setNote(redacted);
          noteRef.current?.focus();
        }}
      />
    ) : undefined;

  return (
    <FormDialog
      open={open}
      onOpenChange={onOpenChange}
      title={t('records.appointment.title')}
      description={t('records.appointment.body')}
      submitLabel={t(past ? 'records.appointment.submitPast' : 'records.appointment.submit')}
      busy={add.pending}
      busyLabel={t('records.saving')}
      error={error}
      onSubmit={() => void save({ purpose, note })}
      size="wide"
      className="record-dialog"
    >
      <div className="form-dialog__row record-dialog__when">
        <Field label={t('records.appointment.day')} error={problem === 'dateRequired' ? t('records.errors.required') : undefined}>
          {(a11y) => <input className="input" type="date" value={date} onChange={(event) => setDate(event.target.value)} {...a11y} />}
        </Field>
        <Field label={t('records.appointment.time')} hint={t('records.appointment.timeHint', { zone: timeZone() })} error={problem === 'timeRequired' ? t('records.errors.required') : undefined}>
          {(a11y) => <input className="input" type="time" step={300} value={time} onChange={(event) => setTime(event.target.value)} {...a11y} />}
        </Field>
        <Field label={t('records.appointment.duration')}>
          {(a11y) => (
            <select className="input select" value={duration} onChange={(event) => setDuration(Number(event.target.value))} {...a11y}>
              {DURATIONS.map((d) => (
                <option key={d} value={d}>
                  {d === 0 ? t('records.appointment.noDuration') : t('records.appointment.minutes', { count: d, formatted: format.number(d) })}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {startsAt ? (
        <p className={`record-dialog__echo${past ? ' record-dialog__echo--past' : ''}`} aria-live="polite">
          {format.instantDateTime(startsAt)}
          {past ? ` — ${t('records.appointment.past')}` : ` — ${format.relativeDay(date)}`}
        </p>
      ) : null}
      <RecordChoice
        legend={t('records.appointment.place')}
        name="appointment-place"
        options={APPOINTMENT_PLACES.map((p) => ({ value: p, label: t(`c360.timeline.where.${p}`) }))}
        value={place}
        onChange={(value) => setPlace(value as Place)}
      />
      <Field label={t('records.appointment.purpose')} hint={t('records.appointment.purposeHint')} extra={purposeLive}>
        {(a11y) => (
          <input
            ref={purposeRef}
            className="input"
            autoComplete="off"
            maxLength={200}
            data-private=""
            value={purpose}
            onChange={(event) => {
              setPurpose(event.target.value);
              changed('purpose', event.target.value);
            }}
            {...a11y}
          />
        )}
      </Field>
      <Field label={t('records.appointment.note')} hint={t('records.scannedHint')} extra={noteLive}>
        {(a11y) => (
          <textarea
            ref={noteRef}
            className="input record-dialog__note"
            rows={3}
            maxLength={10_000}
            data-private=""
            value={note}
            onChange={(event) => {
              setNote(event.target.value);
              changed('note', event.target.value);
            }}
            {...a11y}
          />
        )}
      </Field>
      {refusal ? (
        <RecordFindings
          refusal={refusal}
          fieldLabels={{ purpose: t('records.appointment.purpose'), note: t('records.appointment.note') }}
          busy={add.pending}
          onRedact={() => {
            void redactAll(refusal, clientId).then(
              (texts) => {
                const next = { purpose: texts.purpose ?? purpose, note: texts.note ?? note };
                setPurpose(next.purpose);
                setNote(next.note);
                setRefusal(null);
                return save(next);
              },
              (e: unknown) => setError(errorMessage(t, e)),
            );
          }}
          onRephrase={(first) => {
            setRefusal(null);
            const el = first?.field === 'purpose' ? purposeRef.current : noteRef.current;
            el?.focus();
            if (first) el?.setSelectionRange(first.start, first.end);
          }}
          onKeep={(reason) => void save({ purpose, note }, acceptAll(refusal.findings, reason))}
        />
      ) : null}
    </FormDialog>
  );
}
