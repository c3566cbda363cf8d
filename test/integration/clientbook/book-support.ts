/**
 * Helpers for the client book's integration tests: a real encrypted profile in a temp folder
 * (test/integration/privacy/support.ts), driven through the router, plus shortcuts to create
 * clients and read answers.
 */
import { expect } from 'vitest';
import type { CallResult, World } from '../privacy/support.js';

export { addConsent, addPerson, addRelation, openWorld, type World } from '../privacy/support.js';

/** The value of a call that must succeed (the error code otherwise, to read the failure). */
export function ok<T = any>(result: CallResult): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error?.code}: ${result.error?.message}`);
  return result.value as T;
}

/** The error of a call that must fail. */
export function refused(result: CallResult): { code: string; message: string; findings?: any[]; repeatOf?: any } {
  expect(result.ok, JSON.stringify(result.value ?? null).slice(0, 200)).toBe(false);
  return result.error as { code: string; message: string };
}

export const GRANT_ALL = [
  { purpose: 'personalisation', source: 'in_person', noticeVersion: 'v3' },
  { purpose: 'relationship_mapping', source: 'in_person', noticeVersion: 'v3' },
  { purpose: 'outreach', channel: 'email', source: 'in_person', noticeVersion: 'v3' },
] as const;

/** A new client through `clients.create`; every consent granted unless `consents` says otherwise. */
export async function newClient(w: World, fields: Record<string, unknown> = {}): Promise<string> {
  const value = ok(
    await w.call('clients.create', {
      firstName: 'Margaux',
      lastName: 'Lefèvre',
      provenance: 'declared',
      consents: GRANT_ALL,
      ...fields,
    }),
  );
  return value.client.id as string;
}

/** Rows of a table about a person: proves that a refused write left nothing. */
export function count(w: World, table: string, column: string, id: string): number {
  return (w.raw.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${column} = ?`).get(id) as { n: number }).n;
}

export function restrict(w: World, clientId: string): void {
  w.raw.prepare("UPDATE person SET status = 'restricted' WHERE id = ?").run(clientId);
}

export function erase(w: World, clientId: string): void {
  w.raw.prepare("UPDATE person SET status = 'erased' WHERE id = ?").run(clientId);
}

/** A string every free-text field must store verbatim, as text (short enough for any field). */
export const HTML = '<script>alert(1)</script><b onclick="x()">B</b>&amp;';
