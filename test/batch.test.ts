import { In, type DataSource, type EntityTarget, type ObjectLiteral } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectByKeys } from '../src/shared/batch-select';
import { CreditListingEntity } from '../src/subgraphs/credit/entities/credit-listing.entity';
import { DishonestDebtorEntity } from '../src/subgraphs/credit/entities/dishonest-debtor.entity';
import { PenaltyRecordEntity } from '../src/subgraphs/credit/entities/penalty-record.entity';
import { CreditEventEntity } from '../src/subgraphs/environment/entities/credit-event.entity';
import { RatedSubjectEntity } from '../src/subgraphs/environment/entities/rated-subject.entity';
import { MarketListingEntity } from '../src/subgraphs/market/entities/market-listing.entity';
import { RegistrationEntity } from '../src/subgraphs/market/entities/registration.entity';
import { DEPARTMENTS, StatementCounter } from '../src/shared/database';
import { setSnapshotParkMs, SNAPSHOT_PARK_MS } from '../src/shared/read-snapshot';
import { USCC_ALPHABET, withCheckCharacter } from '../src/shared/uscc';
import { BankBatchDocument, EverythingBatchDocument } from './generated/graphql';
import { errorCodes, startTestHub, type TestHub } from './support/test-hub';

const BANK = { key: 'demo-bank', purpose: 'LOAN_APPLICATION' };
let hub: TestHub;
let known: string[];

/**
 * Statements the departments' data receives while `work` runs: through their pools, or through the
 * request's read snapshot (test/snapshot.test.ts). The gateway's own are authentication and audit.
 */
const DATA_READERS = [...DEPARTMENTS, 'snapshot'] as const;
async function statementsOf(work: () => Promise<unknown>): Promise<number> {
  const before = StatementCounter.total(DATA_READERS);
  await work();
  return StatementCounter.total(DATA_READERS) - before;
}

/** A valid code that no demo subject has. */
function unknownCode(n: number): string {
  return withCheckCharacter(`91320700YY${String(n).padStart(7, '0')}`);
}

/** A code with its check character changed: malformed. */
function malformed(code: string): string {
  const check = code[17];
  const other = USCC_ALPHABET[(USCC_ALPHABET.indexOf(check) + 1) % USCC_ALPHABET.length];
  return code.slice(0, 17) + other;
}

beforeAll(async () => {
  // A parked snapshot's COMMIT goes out with the next snapshot's BEGIN however slow this machine is
  // (alone after SNAPSHOT_PARK_MS otherwise): each request below then counts the one before it's.
  setSnapshotParkMs(600_000);
  hub = await startTestHub({ demoSize: 1000 });
  known = (await hub.sql<{ uscc: string }>(`SELECT uscc FROM market.registration ORDER BY uscc`)).map((row) => row.uscc);
  expect(known).toHaveLength(1000);
});

afterAll(async () => {
  await hub?.stop();
  setSnapshotParkMs(SNAPSHOT_PARK_MS);
});

describe('enterprises(usccs:) with every field of issue 4', () => {
  it('sends as many SQL statements for 1000 codes as for 10', async () => {
    const ask = async (usccs: string[]) => {
      const response = await hub.execute(EverythingBatchDocument, { usccs }, { key: 'demo-env-admin' });
      expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
      expect(response.data!.enterprises.map((e) => e!.uscc)).toEqual(usccs);
      return response;
    };
    await ask(known.slice(0, 10)); // warm-up: query plans, API key cache
    const ten = await statementsOf(() => ask(known.slice(0, 10)));
    let answer: Awaited<ReturnType<typeof ask>> | undefined;
    const thousand = await statementsOf(async () => (answer = await ask(known)));
    expect(ten).toBeGreaterThan(0);
    expect(thousand).toBe(ten);
    // The answer is a real one: measures, restrictions and fees across the demo city.
    const enterprises = answer!.data!.enterprises;
    expect(enterprises.some((e) => e!.creditRestriction?.level === 'PROHIBITED')).toBe(true);
    expect(enterprises.some((e) => e!.sewageFee && e!.sewageFee.surchargePerCubicMetre !== '0.00')).toBe(true);
    expect(enterprises.some((e) => (e!.jointMeasures ?? []).some((m) => m.measure.code.startsWith('MEMO_')))).toBe(true);
    expect(enterprises.some((e) => (e!.publicPenaltyRecords ?? []).length > 0)).toBe(true);
    expect(enterprises.some((e) => (e!.dishonestDebtorRecords ?? []).length > 0)).toBe(true);
  });

  it('refuses more than 1000 codes with QUERY_TOO_COMPLEX before any SQL', async () => {
    const codes = [...known, unknownCode(1)];
    let response: Awaited<ReturnType<typeof hub.execute>> | undefined;
    const statements = await statementsOf(async () => (response = await hub.execute(BankBatchDocument, { usccs: codes }, BANK)));
    expect(errorCodes(response!)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(response!.errors![0].message).toContain('1001');
    expect(statements).toBe(0);
  });
});

describe("a bank's batch of 1000 codes", () => {
  const unknown = [unknownCode(1), unknownCode(2), unknownCode(3)];

  it('rejects malformed codes with BAD_USER_INPUT naming them, answering nothing else', async () => {
    const bad = [malformed(known[10]), malformed(known[500])];
    const codes = [...known.slice(0, 995), ...unknown];
    codes.splice(100, 0, bad[0]);
    codes.splice(700, 0, bad[1]);
    expect(codes).toHaveLength(1000);
    const response = await hub.execute(BankBatchDocument, { usccs: codes }, BANK);
    expect(response.data ?? null).toBeNull();
    expect(new Set(errorCodes(response))).toEqual(new Set(['BAD_USER_INPUT']));
    const messages = response.errors!.map((e) => e.message).join('\n');
    for (const code of bad) expect(messages).toContain(code);
  });

  it('answers null in place for the 3 unknown codes', async () => {
    const codes = known.slice(0, 997);
    const positions = [0, 498, 999];
    positions.forEach((position, i) => codes.splice(position, 0, unknown[i]));
    expect(codes).toHaveLength(1000);
    const response = await hub.execute(BankBatchDocument, { usccs: codes }, BANK);
    expect(response.errors).toBeUndefined();
    const answered = response.data!.enterprises;
    expect(answered).toHaveLength(1000);
    answered.forEach((enterprise, i) => {
      if (positions.includes(i)) expect(enterprise).toBeNull();
      else expect(enterprise!.uscc).toBe(codes[i]);
    });
    // Banks see bank measures only.
    const kinds = new Set(answered.flatMap((e) => (e?.jointMeasures ?? []).map((m) => m.measure.code)));
    expect([...kinds].every((code) => ['BANK_GREEN_CREDIT', 'BANK_CREDIT_RESTRICTION', 'BANK_CREDIT_STOP', 'MEMO_BANK_CREDIT', 'COURT_DEBTOR_BANK_CREDIT', 'SID_BANK_CREDIT'].includes(code))).toBe(true);
    expect(kinds.size).toBeGreaterThan(1);
  });
});

describe('the loaders’ compiled batch selects', () => {
  it('return exactly the entities TypeORM’s own find returns, for every entity the loaders read', async () => {
    const { sources } = hub.hub;
    const cases: [DataSource, EntityTarget<ObjectLiteral>, [string, 'ASC' | 'DESC'][]][] = [
      [sources.market, RegistrationEntity, []],
      [sources.market, MarketListingEntity, [['listedOn', 'ASC'], ['id', 'ASC']]],
      [sources.environment, RatedSubjectEntity, []],
      [sources.environment, CreditEventEntity, [['occurredOn', 'ASC'], ['id', 'ASC']]],
      [sources.credit, CreditListingEntity, [['listedOn', 'ASC'], ['id', 'ASC']]],
      [sources.credit, PenaltyRecordEntity, [['decidedOn', 'ASC'], ['id', 'ASC']]],
      [sources.credit, DishonestDebtorEntity, [['publishedOn', 'ASC'], ['id', 'ASC']]],
    ];
    for (const [dataSource, entity, orderBy] of cases) {
      const ours = await selectByKeys(dataSource.manager, entity, 'uscc', known, orderBy);
      const theirs = await dataSource.getRepository(entity).find({
        where: { uscc: In(known) },
        order: Object.fromEntries(orderBy.length ? orderBy : [['uscc', 'ASC']]),
      });
      const sorted = orderBy.length ? ours : [...ours].sort((a, b) => String(a.uscc).localeCompare(String(b.uscc)));
      expect(sorted.length, dataSource.getMetadata(entity).name).toBeGreaterThan(0);
      expect(sorted, dataSource.getMetadata(entity).name).toEqual(theirs);
      expect(Object.getPrototypeOf(sorted[0])).toBe(Object.getPrototypeOf(theirs[0]));
    }
  });
});
