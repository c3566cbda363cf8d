/**
 * Consent coverage across the book, for the Privacy page: how many clients have granted,
 * withdrawn or were never asked each purpose (each outreach channel), how many are restricted
 * and how many objected to aggregate analytics. Counts only — no id, no name leaves here.
 *
 * Computed in SQL from the ledger's current state (the latest row of each client × purpose ×
 * channel, in the ledger's own order: effective time, then recording time, then id), in one
 * grouped query over the ledger and one over the clients — fast at 10,000 clients.
 */
import { sql } from 'kysely';
import type { ChannelOutput, OutreachChannel, Purpose } from '../../contract/index.js';
import type { Db } from '../../../db/store.js';
import { PURPOSES, consentSlots, outreachChannels, purposes } from './policy.js';

export type PrivacyOverview = ChannelOutput<'privacy.overview'>;

interface SlotCount {
  purpose: string;
  channel: string | null;
  action: 'grant' | 'withdraw';
  n: number;
}

export async function privacyOverview(db: Db): Promise<PrivacyOverview> {
  const totals = await sql<{ clients: number; restricted: number }>`
    SELECT count(*) AS clients, coalesce(sum(status = 'restricted'), 0) AS restricted
    FROM person WHERE kind = 'client' AND status != 'erased'`.execute(db);
  const clients = Number(totals.rows[0]?.clients ?? 0);
  const restricted = Number(totals.rows[0]?.restricted ?? 0);

  const perChannel = purposes.filter((p) => PURPOSES[p].perChannel);
  const whole = purposes.filter((p) => !PURPOSES[p].perChannel);
  // Only rows the policy understands: a known purpose, with a channel exactly when it needs one.
  const known = sql`(
    (c.purpose IN (${sql.join(whole)}) AND c.channel IS NULL)
    ${perChannel.length > 0 ? sql`OR (c.purpose IN (${sql.join(perChannel)}) AND c.channel IN (${sql.join([...outreachChannels])}))` : sql``}
  )`;
  const { rows } = await sql<SlotCount>`
    WITH ranked AS (
      SELECT c.purpose, c.channel, c.action,
        row_number() OVER (
          PARTITION BY c.person_id, c.purpose, c.channel
          ORDER BY c.effective_at DESC, c.recorded_at DESC, c.id DESC
        ) AS rn
      FROM consent c
      JOIN person p ON p.id = c.person_id
      WHERE p.kind = 'client' AND p.status != 'erased' AND ${known}
    )
    SELECT purpose, channel, action, count(*) AS n FROM ranked WHERE rn = 1
    GROUP BY purpose, channel, action`.execute(db);

  const key = (purpose: string, channel: string | null) => (channel === null ? purpose : `${purpose}:${channel}`);
  const counts = new Map<string, { granted: number; withdrawn: number }>();
  for (const row of rows) {
    const k = key(row.purpose, row.channel);
    const slot = counts.get(k) ?? { granted: 0, withdrawn: 0 };
    if (row.action === 'grant') slot.granted += Number(row.n);
    else slot.withdrawn += Number(row.n);
    counts.set(k, slot);
  }

  const coverage = consentSlots().map(({ purpose, channel }: { purpose: Purpose; channel: OutreachChannel | null }) => {
    const { granted, withdrawn } = counts.get(key(purpose, channel)) ?? { granted: 0, withdrawn: 0 };
    return { purpose, channel, granted, withdrawn, never: Math.max(0, clients - granted - withdrawn) };
  });
  const analytics = coverage.find((c) => c.purpose === 'analytics');
  return { clients, coverage, restricted, analyticsObjections: analytics?.withdrawn ?? 0 };
}
