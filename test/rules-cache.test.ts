import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StatementCounter } from '../src/shared/database';
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

describe('rule tables cached per rules version', () => {
  it('reads the catalogue once, then only its version, and reloads it after any writer changed it', async () => {
    await catalog(); // loads the catalogue for this process
    const warm = await counted(catalog);
    const again = await counted(catalog);
    expect(again.statements).toBe(warm.statements);

    // Another process (or a DBA) changes a rule row: the trigger bumps the version in that transaction.
    const [before] = await hub.sql<{ version: string }>(`SELECT version FROM credit.rules_version`);
    await hub.sql(`UPDATE credit.measure SET name = '不得参加评优评先（修订）' WHERE code = 'AWARD_BAR'`);
    const [after] = await hub.sql<{ version: string }>(`SELECT version FROM credit.rules_version`);
    expect(BigInt(after.version)).toBe(BigInt(before.version) + 1n);

    const changed = await counted(catalog);
    expect(changed.answer.data!.measureCatalog.find((m) => m.code === 'AWARD_BAR')!.name).toBe('不得参加评优评先（修订）');
    // The two rule tables of the credit office are read again, once.
    expect(changed.statements).toBe(warm.statements + 2);
    expect((await counted(catalog)).statements).toBe(warm.statements);
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
