/**
 * Someone around the client who is not a client — a daughter, a husband, an assistant: names,
 * how they relate, a birthday, and the sizes and tastes of the people a client buys for. Kept
 * under the client's relationship-mapping consent; never a contact point (the core refuses one).
 * The sizes' and tastes' labels and values are read by the scanner as the advisor types (the core
 * scans them again on save).
 */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSavePerson, type PreferenceChange } from '../../api/circleQueries';
import type { ChannelInput } from '../../api/contract';
import { errorMessage } from '../../api/errors';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import type { CircleMember } from './c360';
import { DayFields, dayParts, dayValue, NO_DAY, type DayParts } from './MomentDay';
import {
  CIRCLE_RELATION_KINDS,
  contractDomain,
  DEFAULT_LABELS,
  FIXED_SIZES,
  isFixedSize,
  isTasteDomain,
  PERSON_DOMAINS,
  SIZE_DOMAINS,
  TASTE_DOMAINS,
  type CircleRelationKind,
  type PreferenceDomain,
} from './PreferenceKinds';
import { LiveFindings } from './RecordFindings';
import { useLiveScan } from './useLiveScan';

interface Row {
  key: string;
  /** The stored preference this row shows; absent for a new one. */
  id?: string;
  domain: PreferenceDomain;
  label: string;
  value: string;
}

interface Errors {
  firstName?: string;
  label?: string;
  birthday?: string;
  rows?: string;
}

let rowSeq = 0;
const rowKey = (): string => `row-${++rowSeq}`;

function rowsOf(member: CircleMember | undefined): Row[] {
  if (!member) return [{ key: rowKey(), domain: 'ring_size', label: '', value: '' }];
  return [...member.sizes, ...member.tastes].map((p) => {
    const domain = (p.domain === 'other' ? null : p.domain) ?? contractDomain('size', p.label) ?? 'size';
    // The core's own default label ("favourite" for a colour) is not the advisor's: left blank.
    const label = isFixedSize(domain) || DEFAULT_LABELS[p.domain] === p.label.trim().toLowerCase() ? '' : p.label;
    return { key: p.id, id: p.id, domain, label, value: p.value };
  });
}

function cleanRows(rows: readonly Row[]): Row[] {
  return rows.filter((r) => r.value.trim() !== '' || r.id !== undefined);
}

/** What the scanner sees in a row's label and value while typed; unchanged stored ones are not scanned on save, nor here. */
function RowFindings({ row, before, onChange }: { row: Row; before: { label: string; value: string } | undefined; onChange: (patch: Partial<Row>) => void }) {
  const fixed = isFixedSize(row.domain);
  const label = useLiveScan(fixed ? '' : row.label, { enabled: !fixed && row.label.trim() !== (before?.label ?? '') });
  const value = useLiveScan(row.value, { enabled: row.value.trim() !== (before?.value ?? '') });
  if (label.steady.length === 0 && value.steady.length === 0) return null;
  return (
    <div className="record-live-row">
      {label.steady.length > 0 ? <LiveFindings scan={label} onRedact={(redacted) => onChange({ label: redacted })} /> : null}
      {value.steady.length > 0 ? <LiveFindings scan={value} onRedact={(redacted) => onChange({ value: redacted })} /> : null}
    </div>
  );
}

export function CirclePersonDialog({
  open,
  onOpenChange,
  clientId,
  member,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  clientId: string;
  /** Absent: someone new. */
  member?: CircleMember | undefined;
}) {
  const { t } = useTranslation();
  const save = useSavePerson();
  const listId = useId();
  const editing = member !== undefined;
  const [firstName, setFirstName] = useState('');
  const [lastName, setLastName] = useState('');
  const [kind, setKind] = useState<CircleRelationKind>('family');
  const [label, setLabel] = useState('');
  const [birthday, setBirthday] = useState<DayParts>(NO_DAY);
  const [rows, setRows] = useState<Row[]>([]);
  const [errors, setErrors] = useState<Errors>({});
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    setFirstName(member?.firstName ?? '');
    setLastName(member?.lastName ?? '');
    const k = member?.relation.kind;
    setKind(k === 'family' || k === 'friend' || k === 'work' || k === 'assistant' ? k : 'family');
    setLabel(member?.relation.label ?? '');
    setBirthday(dayParts(member?.birthday));
    setRows(rowsOf(member));
    setErrors({});
    setError(null);
  }, [open, member]);

  const busy = save.add.pending || save.edit.pending;
  const stored = new Map([...(member?.sizes ?? []), ...(member?.tastes ?? [])].map((p) => [p.id, { label: p.label, value: p.value }]));

  function setRow(key: string, patch: Partial<Row>): void {
    setRows((all) => all.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  }

  async function submit(): Promise<void> {
    const next: Errors = {};
    if (!firstName.trim()) next.firstName = t('circle.person.errors.firstName');
    if (!label.trim()) next.label = t('circle.person.errors.label');
    const day = dayValue(birthday);
    if (day === null) next.birthday = t('circle.person.errors.birthday');
    else if (day.length === 10 && day > new Date().toISOString().slice(0, 10)) next.birthday = t('circle.person.errors.birthdayFuture');
    const kept = cleanRows(rows);
    if (kept.some((r) => r.id === undefined && r.domain === 'size' && !r.label.trim())) next.rows = t('circle.person.errors.sizeLabel');
    setErrors(next);
    if (Object.keys(next).length > 0 || day === null) return;
    setError(null);

    if (!member) {
      const fresh = kept.filter((r) => r.value.trim());
      const sizes = fresh
        .filter((r) => !isTasteDomain(r.domain))
        .map((r) => ({ label: isFixedSize(r.domain) ? FIXED_SIZES[r.domain] : r.label.trim(), value: r.value.trim() }));
      const tastes = fresh
        .filter((r) => isTasteDomain(r.domain))
        .map((r) => ({ domain: r.domain as NonNullable<ChannelInput<'people.add'>['tastes']>[number]['domain'], ...(r.label.trim() ? { label: r.label.trim() } : {}), value: r.value.trim() }));
      const result = await save.add.run({
        clientId,
        firstName: firstName.trim(),
        ...(lastName.trim() ? { lastName: lastName.trim() } : {}),
        relation: { kind, label: label.trim() },
        ...(day ? { birthday: day } : {}),
        ...(sizes.length > 0 ? { sizes } : {}),
        ...(tastes.length > 0 ? { tastes } : {}),
      });
      if (result.ok) onOpenChange(false);
      else setError(errorMessage(t, result.error));
      return;
    }

    const before = new Map([...member.sizes, ...member.tastes].map((p) => [p.id, p]));
    const changes: PreferenceChange[] = [];
    for (const [id] of before) if (!kept.some((r) => r.id === id)) changes.push({ op: 'remove', input: { id } });
    for (const r of kept) {
      const old = r.id ? before.get(r.id) : undefined;
      if (old) {
        if (!r.value.trim()) changes.push({ op: 'remove', input: { id: old.id } });
        else if (r.value.trim() !== old.value || (!isFixedSize(r.domain) && r.label.trim() && r.label.trim() !== old.label)) {
          changes.push({
            op: 'update',
            input: {
              id: old.id,
              ...(r.value.trim() !== old.value ? { value: r.value.trim() } : {}),
              ...(!isFixedSize(r.domain) && r.label.trim() && r.label.trim() !== old.label ? { label: r.label.trim() } : {}),
            },
          });
        }
      } else if (r.value.trim()) {
        changes.push({ op: 'add', input: { personId: member.personId, domain: r.domain, ...(!isFixedSize(r.domain) && r.label.trim() ? { label: r.label.trim() } : {}), value: r.value.trim(), provenance: 'declared' } });
      }
    }
    const oldKind = member.relation.kind;
    const result = await save.edit.run({
      person: {
        personId: member.personId,
        clientId,
        ...(firstName.trim() !== member.firstName ? { firstName: firstName.trim() } : {}),
        ...(lastName.trim() !== member.lastName ? { lastName: lastName.trim() } : {}),
        ...(kind !== oldKind || label.trim() !== (member.relation.label ?? '')
          ? { relation: { ...(kind !== oldKind ? { kind } : {}), ...(label.trim() !== (member.relation.label ?? '') ? { label: label.trim() } : {}) } }
          : {}),
        ...(day !== (member.birthday ?? '') ? { birthday: day === '' ? null : day } : {}),
      },
      changes,
    });
    if (result.ok) onOpenChange(false);
    else setError(errorMessage(t, result.error));
  }

  return (
    <FormDialog
      open={open}
      onOpenChange={onOpenChange}
      title={editing ? t('circle.person.editTitle') : t('circle.person.addTitle')}
      description={t('circle.person.description')}
      submitLabel={editing ? t('circle.save') : t('circle.person.add')}
      busy={busy}
      busyLabel={t('circle.saving')}
      error={error}
      onSubmit={() => void submit()}
      size="wide"
      className="circle-form circle-person-form"
    >
      <div className="circle-form__row">
        <Field label={t('circle.person.firstName')} error={errors.firstName}>
          {(a11y) => <input className="input" autoComplete="off" spellCheck={false} maxLength={80} data-private="" {...a11y} value={firstName} onChange={(e) => setFirstName(e.target.value)} />}
        </Field>
        <Field label={t('circle.person.lastName')} hint={t('circle.person.lastNameHint')}>
          {(a11y) => <input className="input" autoComplete="off" spellCheck={false} maxLength={80} data-private="" {...a11y} value={lastName} onChange={(e) => setLastName(e.target.value)} />}
        </Field>
      </div>
      <div className="circle-form__row">
        <Field label={t('circle.person.kind')}>
          {(a11y) => (
            <select className="input select" {...a11y} value={kind} onChange={(e) => setKind(e.target.value as CircleRelationKind)}>
              {CIRCLE_RELATION_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`c360.relationKinds.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('circle.person.label')} hint={t('circle.person.labelHint')} error={errors.label}>
          {(a11y) => <input className="input" autoComplete="off" maxLength={60} {...a11y} value={label} onChange={(e) => setLabel(e.target.value)} />}
        </Field>
      </div>
      <DayFields legend={t('circle.person.birthday')} value={birthday} onChange={setBirthday} error={errors.birthday} hint={t('circle.person.birthdayHint')} />
      <fieldset className="circle-rows" aria-describedby={errors.rows ? `${listId}-error` : undefined}>
        <legend className="field__label">{t('circle.person.prefs')}</legend>
        {rows.length === 0 ? <p className="circle-rows__empty">{t('circle.person.noPrefs')}</p> : null}
        <ul className="circle-rows__list">
          {rows.map((r, index) => (
            <li key={r.key} className="circle-rows__row">
              <span className="circle-rows__cell">
                <select
                  className="input select"
                  aria-label={t('circle.person.rowDomain', { n: index + 1 })}
                  value={r.domain}
                  disabled={r.id !== undefined}
                  onChange={(e) => setRow(r.key, { domain: e.target.value as PreferenceDomain, label: '' })}
                >
                  <optgroup label={t('circle.preference.groups.sizes')}>
                    {SIZE_DOMAINS.filter((d) => PERSON_DOMAINS.includes(d)).map((d) => (
                      <option key={d} value={d}>
                        {t(`circle.domains.${d}`)}
                      </option>
                    ))}
                  </optgroup>
                  <optgroup label={t('circle.preference.groups.tastes')}>
                    {TASTE_DOMAINS.map((d) => (
                      <option key={d} value={d}>
                        {t(`circle.domains.${d}`)}
                      </option>
                    ))}
                  </optgroup>
                </select>
              </span>
              {isFixedSize(r.domain) ? null : (
                <span className="circle-rows__cell">
                  <input
                    className="input"
                    aria-label={t(r.domain === 'size' ? 'circle.person.rowSizeLabel' : 'circle.person.rowLabel', { what: t(`circle.domains.${r.domain}`) })}
                    autoComplete="off"
                    maxLength={60}
                    placeholder={r.domain === 'size' ? t('circle.person.sizeLabelPlaceholder') : t('circle.person.labelPlaceholder')}
                    value={r.label}
                    onChange={(e) => setRow(r.key, { label: e.target.value })}
                  />
                </span>
              )}
              <span className={`circle-rows__cell${isFixedSize(r.domain) ? ' circle-rows__cell--wide' : ''}`}>
                <input
                  className="input"
                  aria-label={t('circle.person.rowValue', { what: t(`circle.domains.${r.domain}`) })}
                  autoComplete="off"
                  maxLength={200}
                  data-private=""
                  placeholder={t(`circle.placeholders.${r.domain}`)}
                  value={r.value}
                  onChange={(e) => setRow(r.key, { value: e.target.value })}
                />
              </span>
              <Button variant="quiet" className="circle-rows__remove" aria-label={t('circle.person.removeRow', { what: t(`circle.domains.${r.domain}`) })} onClick={() => setRows((all) => all.filter((x) => x.key !== r.key))}>
                <span aria-hidden="true">×</span>
              </Button>
              <RowFindings row={r} before={r.id ? stored.get(r.id) : undefined} onChange={(patch) => setRow(r.key, patch)} />
            </li>
          ))}
        </ul>
        {errors.rows ? (
          <p className="field__error" id={`${listId}-error`}>
            {errors.rows}
          </p>
        ) : null}
        <Button variant="quiet" className="circle-rows__add" onClick={() => setRows((all) => [...all, { key: rowKey(), domain: all.length === 0 ? 'ring_size' : 'colour', label: '', value: '' }])}>
          {t('circle.person.addRow')}
        </Button>
      </fieldset>
    </FormDialog>
  );
}
