/**
 * The audit log: append-only and hash-chained. Each entry's hash covers the previous hash and
 * the entry itself, so altering, removing or reordering any entry breaks the chain from there.
 * It records who did what to which ids — never the personal data itself.
 */
import { createHash } from 'node:crypto';
import type { RawDatabase } from '../../../db/open.js';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  at: string;
  actor: string;
  action: string;
  targetIds: readonly string[];
  outcome: 'ok' | 'error';
}

function entryHash(prevHash: string, e: { at: string; actor: string; action: string; target_ids: string; outcome: string }): string {
  return createHash('sha256')
    .update(prevHash)
    .update('\n')
    .update(JSON.stringify([e.at, e.actor, e.action, e.target_ids, e.outcome]))
    .digest('hex');
}

export function appendAudit(raw: RawDatabase, entry: AuditEntry): void {
  const row = {
    at: entry.at,
    actor: entry.actor,
    action: entry.action,
    target_ids: JSON.stringify([...new Set(entry.targetIds)]),
    outcome: entry.outcome,
  };
  raw.transaction(() => {
    const last = raw.prepare('SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { hash: string } | undefined;
    const prevHash = last?.hash ?? GENESIS_HASH;
    raw
      .prepare(
        'INSERT INTO audit_log (at, actor, action, target_ids, outcome, prev_hash, hash) VALUES (@at, @actor, @action, @target_ids, @outcome, @prev_hash, @hash)',
      )
      .run({ ...row, prev_hash: prevHash, hash: entryHash(prevHash, row) });
  })();
}

export interface AuditVerification {
  valid: boolean;
  entries: number;
  /** The sequence number of the first entry whose link or hash does not hold. */
  firstBrokenSeq: number | null;
}

export function verifyAudit(raw: RawDatabase): AuditVerification {
  let prevHash = GENESIS_HASH;
  let entries = 0;
  const rows = raw
    .prepare('SELECT seq, at, actor, action, target_ids, outcome, prev_hash, hash FROM audit_log ORDER BY seq')
    .iterate() as IterableIterator<{ seq: number; at: string; actor: string; action: string; target_ids: string; outcome: string; prev_hash: string; hash: string }>;
  for (const row of rows) {
    entries++;
    if (row.prev_hash !== prevHash || row.hash !== entryHash(prevHash, row)) {
      return { valid: false, entries, firstBrokenSeq: row.seq };
    }
    prevHash = row.hash;
  }
  return { valid: true, entries, firstBrokenSeq: null };
}

export interface AuditListItem {
  seq: number;
  at: string;
  action: string;
  targetIds: string[];
  outcome: 'ok' | 'error';
}

function parseTargets(text: string): string[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * A page of the log, newest first: what was done to which ids, and how it ended — never the
 * data, never the hashes. `nextBeforeSeq` continues with older entries; null at the start.
 */
export function listAudit(raw: RawDatabase, options: { limit: number; beforeSeq?: number | undefined }): {
  entries: AuditListItem[];
  nextBeforeSeq: number | null;
} {
  const rows = raw
    .prepare('SELECT seq, at, action, target_ids, outcome FROM audit_log WHERE seq < ? ORDER BY seq DESC LIMIT ?')
    .all(options.beforeSeq ?? Number.MAX_SAFE_INTEGER, options.limit + 1) as {
    seq: number;
    at: string;
    action: string;
    target_ids: string;
    outcome: 'ok' | 'error';
  }[];
  const page = rows.slice(0, options.limit);
  const last = page.at(-1);
  return {
    entries: page.map((r) => ({ seq: r.seq, at: r.at, action: r.action, targetIds: parseTargets(r.target_ids), outcome: r.outcome })),
    nextBeforeSeq: rows.length > options.limit && last ? last.seq : null,
  };
}
