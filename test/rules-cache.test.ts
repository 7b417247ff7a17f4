import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StatementCounter } from '../src/shared/database';
import { rulesTopic, VersionWatch } from '../src/shared/version-watch';
import { MeasureCatalogDocument } from './generated/graphql';
import { startTestHub, type TestHub } from './support/test-hub';

const CREDIT_OFFICE = { key: 'demo-credit-office' };
let hub: TestHub;

beforeAll(async () => {
  hub = await startTestHub();
});

afterAll(async () => {
  await hub?.stop();
});

/** Statements the hub sends while `work` runs, and what it answered. */
async function counted<T>(work: () => Promise<T>): Promise<{ statements: number; answer: T }> {
  const before = StatementCounter.total();
  const answer = await work();
  return { statements: StatementCounter.total() - before, answer };
}

const catalog = () => hub.execute(MeasureCatalogDocument, {}, CREDIT_OFFICE);

/** The statements reading the credit office's rule tables or their version while `work` runs. */
async function ruleStatements(work: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const stop = StatementCounter.observe((_, sql) => /rules_version|FROM "credit"\."(measure|price_surcharge)"/.test(sql) && seen.push(sql));
  try {
    await work();
  } finally {
    stop();
  }
  return seen;
}

describe('rule tables cached per rules version', () => {
  it('reads the catalogue once, then nothing while no change is notified, and reloads it after any writer changed it', async () => {
    await catalog(); // loads the catalogue for this process
    const warm = await counted(catalog);
    const again = await counted(catalog);
    expect(again.statements).toBe(warm.statements);
    // The hub listens for version notifications: a cached catalogue costs no statement, not even its version.
    expect(await ruleStatements(catalog)).toEqual([]);

    // Another process (or a DBA) changes a rule row: the trigger bumps the version in that transaction,
    // and its commit notifies every listening process.
    const [before] = await hub.sql<{ version: string }>(`SELECT version FROM credit.rules_version`);
    await hub.sql(`UPDATE credit.measure SET name = '不得参加评优评先（修订）' WHERE code = 'AWARD_BAR'`);
    const [after] = await hub.sql<{ version: string }>(`SELECT version FROM credit.rules_version`);
    expect(BigInt(after.version)).toBe(BigInt(before.version) + 1n);

    let changed: Awaited<ReturnType<typeof catalog>> | undefined;
    const reread = await ruleStatements(async () => (changed = await catalog()));
    expect(changed!.data!.measureCatalog.find((m) => m.code === 'AWARD_BAR')!.name).toBe('不得参加评优评先（修订）');
    // The version and the two rule tables of the credit office are read again, once (counted by text:
    // a read snapshot's COMMIT goes out with the next query's BEGIN, in whichever request comes next).
    expect(reread).toHaveLength(3);
    expect(await ruleStatements(catalog)).toEqual([]);
  });

  it('reloads after its listening connection was lost, and reads the version per request until it listens again', async () => {
    await catalog();
    const watch = VersionWatch.of(hub.hub.sources.credit)!;
    const before = watch.current(rulesTopic('credit'))!;
    expect(before).not.toBeNull();
    await hub.sql(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'ecocredit-version-watch'`);
    await expect.poll(() => watch.current(rulesTopic('credit'))?.epoch !== before.epoch, { timeout: 10_000 }).toBe(true);
    // Changed while nobody listens: the notification is lost, yet the next answer has the change.
    await hub.sql(`UPDATE credit.measure SET name = '不得参加评优评先（断线）' WHERE code = 'AWARD_BAR'`);
    expect((await catalog()).data!.measureCatalog.find((m) => m.code === 'AWARD_BAR')!.name).toBe('不得参加评优评先（断线）');
    await expect.poll(() => watch.current(rulesTopic('credit')) !== null, { timeout: 10_000 }).toBe(true);
    await catalog();
    expect(await ruleStatements(catalog)).toEqual([]);
  });

  it('leaves the version and the answer as they were after a rolled-back change', async () => {
    const first = await catalog();
    const second = await catalog();
    expect(second.data!.measureCatalog).toEqual(first.data!.measureCatalog);
    // A rollback leaves the version (and so the cache) as it was.
    const [before] = await hub.sql<{ version: string }>(`SELECT version FROM credit.rules_version`);
    await hub.sql(`DO $$ BEGIN UPDATE credit.measure SET name = 'never' WHERE code = 'AWARD_BAR'; RAISE EXCEPTION 'rolled back'; END $$`).catch(() => undefined);
    const [after] = await hub.sql<{ version: string }>(`SELECT version FROM credit.rules_version`);
    expect(after.version).toBe(before.version);
    expect((await catalog()).data!.measureCatalog.find((m) => m.code === 'AWARD_BAR')!.name).not.toBe('never');
  });
});
