import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PublicityBySeverity1797300000010 } from '../migrations/environment/1797300000010-PublicityBySeverity';
import { ratedEnterprise } from './support/fixtures';
import { startTestHub, type TestHub } from './support/test-hub';

/**
 * The migration that brought procedure, severity, publicity tiers and timely collection backfills the
 * rows recorded before it: run here on rows of the earlier shape (its `down`, rows written as the hub
 * wrote them then, its `up`), then read through the API.
 */
let hub: TestHub;
let uscc: string;

beforeAll(async () => {
  hub = await startTestHub();
  uscc = await ratedEnterprise(hub, { ratedFrom: '2024-01-01' });
  const migration = new PublicityBySeverity1797300000010();
  const runner = hub.hub.sources.environment.createQueryRunner();
  try {
    await migration.down(runner);
    // As recorded before: every penalty published 3 years, no procedure, severity or entry delay.
    for (const [type, occurredOn, knownOn, points, publicityUntil] of [
      ['FINE', '2026-03-02', '2026-03-02', -3, '2029-03-02'],
      ['SUSPENSION_ORDER', '2025-06-03', '2025-06-20', -6, '2028-06-03'],
      ['ENV_AWARD', '2025-02-03', '2025-02-03', 1, null],
    ] as const) {
      await runner.query(
        `INSERT INTO environment.credit_event (uscc, type, occurred_on, served_on, points, publicity_until, valid_from, valid_until, known_on)
         VALUES ($1, $2, $3, $3, $4, $5, $3, ($3::date + interval '6 months')::date, $6)`,
        [uscc, type, occurredOn, points, publicityUntil, knownOn],
      );
    }
    await migration.up(runner);
  } finally {
    await runner.release();
  }
});

afterAll(async () => {
  await hub?.stop();
});

describe('backfill of rows recorded before procedure, severity and timely collection', () => {
  it.each([
    // type, severity, publicity end (clamped into its tier), working days to entry, late
    ['FINE', 'GENERAL', '2027-03-02', 0, false],
    // 2025-06-03 → 06-20: 13 working days (the Dragon Boat holiday of 31 May–2 June is before it).
    ['SUSPENSION_ORDER', 'SERIOUS', '2028-06-03', 13, true],
    ['ENV_AWARD', null, null, 0, false],
  ])('%s: %s, published until %s, entered after %i working days (late %s)', async (type, severity, publicUntil, delay, late) => {
    const answer = await hub.request<{ enterprise: { envCreditEvents: { type: string; simpleProcedure: boolean; severity: string | null; publicUntil: string | null; entryDelayWorkingDays: number; recordedLate: boolean }[] } }>(
      'query($u: USCC!) { enterprise(uscc: $u) { envCreditEvents { type simpleProcedure severity publicUntil entryDelayWorkingDays recordedLate } } }',
      { u: uscc },
      { key: 'demo-env-admin' },
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.enterprise.envCreditEvents.find((e) => e.type === type)).toEqual({
      type,
      simpleProcedure: false,
      severity,
      publicUntil,
      entryDelayWorkingDays: delay,
      recordedLate: late,
    });
  });

  it('gives the catalogue its severities and procedures, and leaves the type’s own publicity to the tier', async () => {
    const rows = await hub.sql<{ code: string; default_severity: string | null; simple_procedure: boolean; publicity_months: number | null }>(
      `SELECT DISTINCT code, default_severity, simple_procedure, publicity_months FROM environment.event_type
        WHERE subject_kind = 'ENTERPRISE' AND code IN ('WARNING', 'FINE', 'SUSPENSION_ORDER', 'CRIMINAL_LIABILITY', 'ENV_AWARD') ORDER BY code`,
    );
    expect(rows).toEqual([
      { code: 'CRIMINAL_LIABILITY', default_severity: 'SERIOUS', simple_procedure: false, publicity_months: null },
      { code: 'ENV_AWARD', default_severity: null, simple_procedure: false, publicity_months: null },
      { code: 'FINE', default_severity: 'GENERAL', simple_procedure: true, publicity_months: null },
      { code: 'SUSPENSION_ORDER', default_severity: 'SERIOUS', simple_procedure: false, publicity_months: null },
      { code: 'WARNING', default_severity: 'GENERAL', simple_procedure: true, publicity_months: null },
    ]);
  });
});
