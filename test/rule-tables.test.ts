import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, today } from '../src/shared/dates';
import { errorCodes, startTestHub, type TestHub } from './support/test-hub';

/**
 * DOMAIN.md §10 and DESIGN.md convention 9: the surcharge table (credit.price_surcharge) and the bank
 * restriction table (finance.restriction_rule) are data with a legal basis and an effective period,
 * published, and changed by a new version from a day after today (the past and today are never
 * rewritten), audited like every mutation.
 */
const OFFICE = { key: 'demo-credit-office' };
const BANK = { key: 'demo-bank', purpose: 'LOAN_APPLICATION' };
let hub: TestHub;

const SET_SURCHARGE = `mutation S($input: SetPriceSurchargeInput!) { setPriceSurcharge(input: $input) {
  priceKind snapshotColor minConsecutiveRed amount unit legalBasis effectiveFrom effectiveTo } }`;
const SET_RULE = `mutation R($input: SetRestrictionRuleInput!) { setRestrictionRule(input: $input) { triggerKind triggerValue level legalBasis effectiveFrom effectiveTo } }`;

interface SurchargeRow {
  priceKind: string;
  snapshotColor: string;
  minConsecutiveRed: number;
  amount: string;
  unit: string;
  effectiveFrom: string;
  effectiveTo: string | null;
}

async function surcharges(asOf?: string): Promise<SurchargeRow[]> {
  const response = await hub.request<{ priceSurchargeRules: SurchargeRow[] }>(
    `query Q($asOf: Date) { priceSurchargeRules(asOf: $asOf) { priceKind snapshotColor minConsecutiveRed amount unit effectiveFrom effectiveTo } }`,
    { asOf },
    BANK,
  );
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data!.priceSurchargeRules;
}

beforeAll(async () => {
  hub = await startTestHub();
});

afterAll(async () => {
  await hub?.stop();
});

describe('the surcharge table', () => {
  it('is published with its DOMAIN.md §6 defaults', async () => {
    expect((await surcharges()).map((r) => `${r.priceKind} ${r.snapshotColor} ${r.minConsecutiveRed} ${r.amount} ${r.unit}`)).toEqual([
      'SEWAGE RED 1 0.60 CNY/m3',
      'SEWAGE RED 2 1.00 CNY/m3',
      'SEWAGE BLACK 0 1.00 CNY/m3',
      'ELECTRICITY RED 1 0.05 CNY/kWh',
      'ELECTRICITY BLACK 0 0.10 CNY/kWh',
    ]);
  });

  it('gets a new version from a later day, ending the one in force, and refuses today, the past and bad amounts', async () => {
    const input = { priceKind: 'SEWAGE', snapshotColor: 'RED', minConsecutiveRed: 1, amount: '0.80', legalBasis: '连价〔2027〕1号', effectiveFrom: addDays(today(), 40) };
    expect(errorCodes(await hub.request(SET_SURCHARGE, { input }, BANK))).toEqual(['FORBIDDEN']);
    const now = await hub.request(SET_SURCHARGE, { input: { ...input, effectiveFrom: today() } }, OFFICE);
    expect(errorCodes(now)).toEqual(['BAD_USER_INPUT']);
    expect(now.errors![0].message).toBe(
      `effectiveFrom ${today()} of the new SEWAGE surcharge for RED (1 consecutive RED) must be after today (${today()}); answers already given are never rewritten`,
    );
    const amount = await hub.request(SET_SURCHARGE, { input: { ...input, amount: '0.605' } }, OFFICE);
    expect(amount.errors![0].message).toBe('amount "0.605" of the SEWAGE surcharge for RED (1 consecutive RED) must be a decimal in CNY with at most 2 places, e.g. 0.60');

    const set = await hub.request<{ setPriceSurcharge: SurchargeRow }>(SET_SURCHARGE, { input }, OFFICE);
    expect(set.errors, JSON.stringify(set.errors)).toBeUndefined();
    expect(set.data!.setPriceSurcharge).toEqual({ ...input, unit: 'CNY/m3', effectiveTo: null });
    // The old version now ends where the new one starts; today's table is unchanged.
    const old = (await surcharges()).find((r) => r.priceKind === 'SEWAGE' && r.snapshotColor === 'RED' && r.minConsecutiveRed === 1)!;
    expect(old).toMatchObject({ amount: '0.60', effectiveTo: input.effectiveFrom });
    expect((await surcharges(input.effectiveFrom)).find((r) => r.snapshotColor === 'RED' && r.minConsecutiveRed === 1 && r.priceKind === 'SEWAGE')!.amount).toBe('0.80');
    // A version between today and the new one would rewrite a plan already published.
    const between = await hub.request(SET_SURCHARGE, { input: { ...input, effectiveFrom: addDays(today(), 20) } }, OFFICE);
    expect(between.errors![0].message).toContain(`already starts on ${input.effectiveFrom}`);
    // Audited: the write reached the keyed chain as the credit office's mutation.
    const audited = await hub.sql<{ client_id: string }>(`SELECT client_id FROM gateway.audit_log WHERE 'Mutation.setPriceSurcharge' = ANY(fields) AND source_id IS NOT NULL`);
    expect(audited.length).toBe(1);
  });
});

describe('the bank restriction table', () => {
  it('is published, and lists give RESTRICTED with the memorandum as basis (DOMAIN.md §10)', async () => {
    const response = await hub.request<{ restrictionRules: { triggerKind: string; triggerValue: string; level: string; legalBasis: string }[] }>(
      `{ restrictionRules { triggerKind triggerValue level legalBasis } }`,
      {},
      BANK,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.restrictionRules.map((r) => `${r.triggerKind} ${r.triggerValue} ${r.level}`)).toEqual([
      'COLOR RED RESTRICTED',
      'COLOR BLACK PROHIBITED',
      'LISTING SERIOUS_DISHONESTY RESTRICTED',
      'LISTING COURT_DISHONEST_DEBTOR RESTRICTED',
      'LISTING SERIOUS_ILLEGAL_DISHONEST RESTRICTED',
    ]);
    expect(response.data!.restrictionRules[3].legalBasis).toContain('发改财金〔2016〕141号');
  });

  it('gets versions from a later day and can end a rule; the past and unknown triggers are refused', async () => {
    const from = addDays(today(), 30);
    const input = { triggerKind: 'LISTING', triggerValue: 'ABNORMAL_OPERATIONS', level: 'RESTRICTED', legalBasis: '连银发〔2027〕2号', effectiveFrom: from };
    const past = await hub.request(SET_RULE, { input: { ...input, effectiveFrom: addDays(today(), -1) } }, OFFICE);
    expect(errorCodes(past)).toEqual(['BAD_USER_INPUT']);
    expect(past.errors![0].message).toContain('must be after today');
    const unknown = await hub.request(SET_RULE, { input: { ...input, triggerValue: 'PURPLE_LIST' } }, OFFICE);
    expect(unknown.errors![0].message).toContain('triggerValue "PURPLE_LIST" is not among');
    const added = await hub.request<{ setRestrictionRule: unknown }>(SET_RULE, { input }, OFFICE);
    expect(added.errors, JSON.stringify(added.errors)).toBeUndefined();
    expect(added.data!.setRestrictionRule).toEqual({ ...input, effectiveTo: null });
    const ended = await hub.request<{ setRestrictionRule: unknown }>(SET_RULE, { input: { ...input, level: 'NONE', effectiveFrom: addDays(from, 30) } }, OFFICE);
    expect(ended.data!.setRestrictionRule).toBeNull();
    const later = await hub.request<{ restrictionRules: { triggerValue: string }[] }>(`query Q($d: Date) { restrictionRules(asOf: $d) { triggerValue } }`, { d: addDays(from, 1) }, BANK);
    expect(later.data!.restrictionRules.map((r) => r.triggerValue)).toContain('ABNORMAL_OPERATIONS');
    const after = await hub.request<{ restrictionRules: { triggerValue: string }[] }>(`query Q($d: Date) { restrictionRules(asOf: $d) { triggerValue } }`, { d: addDays(from, 30) }, BANK);
    expect(after.data!.restrictionRules.map((r) => r.triggerValue)).not.toContain('ABNORMAL_OPERATIONS');
    expect((await hub.request<{ restrictionRules: { triggerValue: string }[] }>(`{ restrictionRules { triggerValue } }`, {}, BANK)).data!.restrictionRules).toHaveLength(5);
  });
});

