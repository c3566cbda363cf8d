/**
 * Free text through the privacy scanner before it is stored (ARCHITECTURE.md, "Free-text
 * scanner"). Each field is cleaned (text.ts) and scanned; findings are reported with offsets
 * into the text as sent. A finding the advisor did not accept — and any special-category one,
 * which can never be accepted — refuses the write with NOTE_FINDINGS: where, what kind, how
 * serious; never the text itself.
 */
import { CarnetError, type NoteFinding } from '../../contract/index.js';
import type { Db } from '../../../db/store.js';
import { redact, scanText, type Finding } from '../privacy/scanner/index.js';
import { cleanMapped } from './text.js';

export interface Acceptance {
  field?: string | undefined;
  kind: string;
  start: number;
  end: number;
  reason: string;
}

export interface ScreenField {
  /** The field's name as the channel spells it (`note`, `purpose`…). */
  field: string;
  /** The text as sent; undefined or null: nothing to scan. */
  text: string | null | undefined;
  multiline: boolean;
}

function mapped(field: string, f: Finding, from: number[], to: number[]): NoteFinding {
  const out: NoteFinding = {
    field,
    kind: f.kind,
    start: from[f.start] ?? 0,
    end: to[f.end - 1] ?? 0,
    severity: f.severity,
  };
  if (f.category !== undefined) out.category = f.category;
  return out;
}

/** Every finding in one text, offsets into the text as sent. */
export function scanAsSent(field: string, text: string, multiline: boolean, knownContacts: readonly string[]): NoteFinding[] {
  const cleaned = cleanMapped(text, multiline);
  if (cleaned.text === '') return [];
  return scanText(cleaned.text, { knownContacts }).map((f) => mapped(field, f, cleaned.from, cleaned.to));
}

function accepted(f: NoteFinding, acceptances: readonly Acceptance[]): boolean {
  if (f.severity === 'special') return false;
  return acceptances.some((a) => (a.field ?? 'note') === f.field && a.kind === f.kind && a.start === f.start && a.end === f.end && a.reason.trim() !== '');
}

/**
 * Scans the fields; throws NOTE_FINDINGS listing every finding that was not accepted (special
 * categories always). Returns nothing: the caller stores the cleaned texts.
 */
export function screen(fields: readonly ScreenField[], acceptances: readonly Acceptance[] | undefined, knownContacts: readonly string[] = []): void {
  const refused: NoteFinding[] = [];
  for (const { field, text, multiline } of fields) {
    if (text === undefined || text === null || text === '') continue;
    for (const f of scanAsSent(field, text, multiline, knownContacts)) {
      if (!accepted(f, acceptances ?? [])) refused.push(f);
    }
  }
  if (refused.length === 0) return;
  const special = refused.some((f) => f.severity === 'special');
  throw new CarnetError(
    'NOTE_FINDINGS',
    special
      ? `The text holds ${refused.length === 1 ? 'something' : `${refused.length} things`} Carnet never keeps (health, beliefs and the like): rephrase it. Nothing was saved.`
      : `The text holds ${refused.length === 1 ? 'a detail' : `${refused.length} details`} Carnet does not keep as is: rephrase, redact, or keep with a reason. Nothing was saved.`,
    { findings: refused },
  );
}

/** What `scan.text` answers: the findings, and the text with each replaced by "[redacted]". */
export function scanForHighlight(text: string, knownContacts: readonly string[]): { findings: NoteFinding[]; redacted: string } {
  const findings = scanAsSent('text', text, true, knownContacts);
  return { findings, redacted: findings.length === 0 ? text : redact(text, findings) };
}

/** A person's own e-mail addresses and phone numbers: not findings in a note about them. */
export async function knownContactsOf(db: Db, personId: string): Promise<string[]> {
  const rows = await db.selectFrom('contact_point').select('value').where('person_id', '=', personId).where('channel', '!=', 'post').execute();
  return rows.map((r) => r.value);
}
