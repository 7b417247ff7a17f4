import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEPARTMENTS, SNAPSHOT_IDLE_TIMEOUT_MS, StatementCounter } from '../src/shared/database';
import { ConsistentBatchDocument } from './generated/graphql';
import { startTestHub, type TestHub } from './support/test-hub';

const ADMIN = { key: 'demo-env-admin' };
let hub: TestHub;
let subject: { uscc: string; name: string };
let others: string[];

beforeAll(async () => {
  hub = await startTestHub({ demoSize: 60 });
  const unlisted = await hub.sql<{ uscc: string; name: string }>(
    `SELECT r.uscc, r.name FROM market.registration r
      WHERE NOT EXISTS (SELECT 1 FROM credit.list_designation l WHERE l.uscc = r.uscc)
        -- Not RED or BLACK today: the listing below is what makes it RESTRICTED (DOMAIN.md §10).
        AND NOT EXISTS (SELECT 1 FROM environment.rated_subject s WHERE s.uscc = r.uscc AND s.current_color IN ('RED', 'BLACK'))
      ORDER BY r.uscc`,
  );
  subject = unlisted[0];
  others = unlisted.slice(1, 10).map((row) => row.uscc);
});

afterAll(async () => {
  await hub?.stop();
});

/** Waits until a statement of the hub's read snapshot waits for a lock (the request is mid-way). */
async function snapshotWaitingForLock(): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const waiting = await hub.sql(
      `SELECT 1 FROM pg_stat_activity
        WHERE datname = current_database() AND application_name = 'ecocredit-snapshot' AND wait_event_type = 'Lock'`,
    );
    if (waiting.length > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('the request never reached the locked table');
}

describe('one read snapshot per query', () => {
  it('answers from the data as it was when the query began, though another department changed meanwhile', async () => {
    const usccs = [subject.uscc, ...others];
    // Another writer holds the credit office's list table: the query reads market's registrations,
    // then waits at the credit office's listings while the writer changes both departments.
    const writer = new Client({ connectionString: hub.hub.databaseUrl });
    await writer.connect();
    try {
      await writer.query('BEGIN');
      await writer.query('LOCK TABLE credit.list_designation IN ACCESS EXCLUSIVE MODE');
      const answer = hub.execute(ConsistentBatchDocument, { usccs }, ADMIN);
      await snapshotWaitingForLock();
      await writer.query(`UPDATE market.registration SET name = 'Renamed Mid-Request Co.' WHERE uscc = $1`, [subject.uscc]);
      await writer.query(
        `INSERT INTO credit.list_designation (uscc, list_type, reason, authority, document_no, listed_on)
         VALUES ($1, 'SERIOUS_DISHONESTY', 'fraud', 'Lianyungang Credit Office', 'LYG-SD-2026-901', CURRENT_DATE - 1)`,
        [subject.uscc],
      );
      await writer.query('COMMIT');

      const during = await answer;
      expect(during.errors, JSON.stringify(during.errors)).toBeUndefined();
      const seen = during.data!.enterprises[0]!;
      // Neither change: the name (read before the commit) and the listings (read after it) agree.
      expect(seen.name).toBe(subject.name);
      expect(seen.creditListings).toEqual([]);
      expect(seen.creditRestriction?.level).not.toBe('RESTRICTED');
      expect(during.data!.enterprises.map((e) => e!.uscc)).toEqual(usccs);
    } finally {
      await writer.query('ROLLBACK').catch(() => undefined);
      await writer.end();
    }

    // The next query sees both.
    const after = await hub.execute(ConsistentBatchDocument, { usccs: [subject.uscc] }, ADMIN);
    const now = after.data!.enterprises[0]!;
    expect(now.name).toBe('Renamed Mid-Request Co.');
    expect(now.creditListings).toEqual([{ listType: 'SERIOUS_DISHONESTY', documentNo: 'LYG-SD-2026-901' }]);
    expect(now.creditRestriction?.level).toBe('RESTRICTED');
  });

  it('reads every department through the one snapshot connection, not the departments’ pools', async () => {
    const usccs = [subject.uscc, ...others];
    await hub.execute(ConsistentBatchDocument, { usccs }, ADMIN); // warm-up: today's ratings materialised
    const departmentsBefore = StatementCounter.total(DEPARTMENTS);
    const snapshotBefore = StatementCounter.total(['snapshot']);
    const response = await hub.execute(ConsistentBatchDocument, { usccs }, ADMIN);
    expect(response.errors).toBeUndefined();
    expect(StatementCounter.total(DEPARTMENTS) - departmentsBefore).toBe(0);
    // START TRANSACTION, the reads, COMMIT.
    expect(StatementCounter.total(['snapshot']) - snapshotBefore).toBeGreaterThan(2);
  });

  it('closes a snapshot the server sees idle for too long', async () => {
    const [setting] = await hub.hub.snapshotSource.query<{ ms: number }[]>(
      `SELECT (EXTRACT(EPOCH FROM current_setting('idle_in_transaction_session_timeout')::interval) * 1000)::int AS ms`,
    );
    expect(setting.ms).toBe(SNAPSHOT_IDLE_TIMEOUT_MS);
  });

  it('lets a mutation see its own write and the query after it see the mutation', async () => {
    const response = await hub.request<{ designateCreditListing: { documentNo: string } }>(
      `mutation { designateCreditListing(input: { uscc: "${others[0]}", listType: RED_LIST, reason: "model discharger",
         authority: "Lianyungang Credit Office", documentNo: "LYG-RL-2026-17", listedOn: "2026-01-05" }) { documentNo } }`,
      {},
      { key: 'demo-credit-office' },
    );
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    const after = await hub.execute(ConsistentBatchDocument, { usccs: [others[0]] }, ADMIN);
    expect(after.data!.enterprises[0]!.creditListings).toEqual([{ listType: 'RED_LIST', documentNo: 'LYG-RL-2026-17' }]);
  });
});
