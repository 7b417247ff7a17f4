import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { today } from '../src/shared/dates';
import { ratedEnterprise } from './support/fixtures';
import { startTestHub, type TestHub } from './support/test-hub';

/**
 * Issue 25 part 3 (关于对环境保护领域失信生产经营单位及其有关人员开展联合惩戒的合作备忘录): SERIOUS penalties
 * and SERIOUS_DISHONESTY listings name 法定代表人, 主要负责人 and 直接责任人; ENV_ADMIN and CREDIT_OFFICE
 * read them in full and look a person up across subjects; every other role gets them masked or not at all.
 */
// Valid resident ID numbers (GB 11643 check characters worked out by hand).
const ZHANG = { name: '张三丰', idNumber: '320706198001011236' };
const LI = { name: '李四', idNumber: '11010519491231002X' };
const ZHANG_MASKED = { name: '张**', idNumber: '3207**********1236' };
const WRONG_CHECK = '320706198001011235';

const PERSONS = `{ role name idNumber uscc recordKind recordId recordDate documentNo }`;
const RECORD = `mutation($input: RecordCreditEventInput!) { recordCreditEvent(input: $input) { event { id severity } } }`;
const DESIGNATE = `mutation($input: DesignateCreditListingInput!) { designateCreditListing(input: $input) { id } }`;
const RESPONSIBLE = `query($uscc: USCC!) { enterprise(uscc: $uscc) { uscc responsiblePersons ${PERSONS} } }`;

let hub: TestHub;
let penalised: string; // A: its SERIOUS penalty names 张三丰 (法定代表人) and 李四 (直接责任人)
let listed: string; // B: its SERIOUS_DISHONESTY listing names 张三丰 (主要负责人)
let eventId: string;
let listingId: string;

interface Person {
  role: string;
  name: string;
  idNumber: string;
  uscc: string;
  recordKind: string;
  recordId: string;
  recordDate: string;
  documentNo: string | null;
}

/** The purpose a demo key must state (BANK, PUBLIC_AGENCY), if any. */
const purposeOf = (key?: string) => ({ 'demo-bank': 'CREDIT_REVIEW', 'demo-public-agency': 'PROCUREMENT' })[key ?? ''];

const personsAs = (uscc: string, key?: string) =>
  hub.request<{ enterprise: { responsiblePersons: Person[] | null } | null }>(RESPONSIBLE, { uscc }, { key, purpose: purposeOf(key) });

beforeAll(async () => {
  hub = await startTestHub();
  penalised = await ratedEnterprise(hub, { district: '320706' });
  listed = await ratedEnterprise(hub, { district: '320706' });
  const recorded = await hub.request<{ recordCreditEvent: { event: { id: string; severity: string } } }>(
    RECORD,
    {
      input: {
        uscc: penalised,
        type: 'SUSPENSION_ORDER',
        occurredOn: today(),
        decisionNo: '连环停〔2026〕31号',
        responsiblePersons: [
          { role: 'LEGAL_REPRESENTATIVE', ...ZHANG },
          { role: 'DIRECTLY_RESPONSIBLE', ...LI },
        ],
      },
    },
    { key: 'demo-env-admin' },
  );
  expect(recorded.errors).toBeUndefined();
  expect(recorded.data!.recordCreditEvent.event.severity).toBe('SERIOUS');
  eventId = recorded.data!.recordCreditEvent.event.id;
  const designated = await hub.request<{ designateCreditListing: { id: string } }>(
    DESIGNATE,
    {
      input: {
        uscc: listed,
        listType: 'SERIOUS_DISHONESTY',
        reason: '环境违法严重失信',
        documentNo: '连信办〔2026〕77号',
        listedOn: today(),
        responsiblePersons: [{ role: 'PRINCIPAL_OFFICER', name: ` ${ZHANG.name} `, idNumber: ZHANG.idNumber }],
      },
    },
    { key: 'demo-credit-office' },
  );
  expect(designated.errors).toBeUndefined();
  listingId = designated.data!.designateCreditListing.id;
});

afterAll(async () => {
  await hub?.stop();
});

describe('responsible persons named on a serious penalty and a listing', () => {
  it('shows them in full to ENV_ADMIN and CREDIT_OFFICE, each with the record that named them', async () => {
    for (const key of ['demo-env-admin', 'demo-credit-office']) {
      const a = await personsAs(penalised, key);
      expect(a.errors, key).toBeUndefined();
      expect(a.data!.enterprise!.responsiblePersons).toEqual([
        { role: 'LEGAL_REPRESENTATIVE', ...ZHANG, uscc: penalised, recordKind: 'ENV_PENALTY', recordId: eventId, recordDate: today(), documentNo: '连环停〔2026〕31号' },
        { role: 'DIRECTLY_RESPONSIBLE', ...LI, uscc: penalised, recordKind: 'ENV_PENALTY', recordId: eventId, recordDate: today(), documentNo: '连环停〔2026〕31号' },
      ]);
      const b = await personsAs(listed, key);
      expect(b.errors, key).toBeUndefined();
      expect(b.data!.enterprise!.responsiblePersons).toEqual([
        { role: 'PRINCIPAL_OFFICER', ...ZHANG, uscc: listed, recordKind: 'CREDIT_LISTING', recordId: listingId, recordDate: today(), documentNo: '连信办〔2026〕77号' },
      ]);
    }
    // Each department keeps the persons its own record names.
    const envRows = await hub.sql<{ event_id: number; id_number: string }>(`SELECT event_id, id_number FROM environment.penalty_responsible_person WHERE uscc = $1 ORDER BY id`, [penalised]);
    expect(envRows).toEqual([
      { event_id: Number(eventId), id_number: ZHANG.idNumber },
      { event_id: Number(eventId), id_number: LI.idNumber },
    ]);
    const creditRows = await hub.sql<{ listing_id: number; name: string }>(`SELECT listing_id, name FROM credit.listing_responsible_person WHERE uscc = $1`, [listed]);
    expect(creditRows).toEqual([{ listing_id: Number(listingId), name: ZHANG.name }]);
  });

  it('masks names and ID numbers for the other roles that read listings (BANK, ENV_OFFICER, MARKET_REGULATOR, PUBLIC_AGENCY)', async () => {
    for (const key of ['demo-bank', 'demo-env-officer-haizhou', 'demo-market', 'demo-public-agency']) {
      const a = await personsAs(penalised, key);
      expect(a.errors, key).toBeUndefined();
      expect(a.data!.enterprise!.responsiblePersons!.map(({ name, idNumber, role, recordKind }) => ({ name, idNumber, role, recordKind })), key).toEqual([
        { ...ZHANG_MASKED, role: 'LEGAL_REPRESENTATIVE', recordKind: 'ENV_PENALTY' },
        { name: '李*', idNumber: '1101**********002X', role: 'DIRECTLY_RESPONSIBLE', recordKind: 'ENV_PENALTY' },
      ]);
      const b = await personsAs(listed, key);
      expect(b.data!.enterprise!.responsiblePersons!.map(({ name, idNumber }) => ({ name, idNumber })), key).toEqual([ZHANG_MASKED]);
      expect(JSON.stringify([a, b]), key).not.toContain(ZHANG.idNumber);
      expect(JSON.stringify([a, b]), key).not.toContain(ZHANG.name);
    }
  });

  it('gives PUBLIC, UTILITY and DASHBOARD nothing', async () => {
    for (const key of [undefined, 'demo-utility', 'demo-dashboard']) {
      const a = await personsAs(penalised, key);
      // FORBIDDEN on the field (and on what the gateway would fetch for it): nothing else.
      expect(a.errors?.length, String(key)).toBeGreaterThan(0);
      expect(new Set(a.errors!.map((e) => e.extensions?.code)), String(key)).toEqual(new Set(['FORBIDDEN']));
      expect(a.data?.enterprise?.responsiblePersons ?? null, String(key)).toBeNull();
      expect(JSON.stringify(a), String(key)).not.toContain(ZHANG.idNumber.slice(-4));
    }
  });
});

describe('the person look-up', () => {
  const LOOKUP = `query($idNumber: String!) { responsiblePerson(idNumber: $idNumber) { idNumber records ${PERSONS} } }`;

  it('lists the records naming a person across two companies, for ENV_ADMIN and CREDIT_OFFICE', async () => {
    for (const key of ['demo-env-admin', 'demo-credit-office']) {
      const answer = await hub.request<{ responsiblePerson: { idNumber: string; records: Person[] } }>(LOOKUP, { idNumber: ZHANG.idNumber }, { key });
      expect(answer.errors, key).toBeUndefined();
      expect(answer.data!.responsiblePerson.idNumber).toBe(ZHANG.idNumber);
      const records = answer.data!.responsiblePerson.records.map(({ uscc, recordKind, role, recordId, name }) => ({ uscc, recordKind, role, recordId, name }));
      expect(records).toHaveLength(2);
      expect(records).toEqual(
        expect.arrayContaining([
          { uscc: penalised, recordKind: 'ENV_PENALTY', role: 'LEGAL_REPRESENTATIVE', recordId: eventId, name: ZHANG.name },
          { uscc: listed, recordKind: 'CREDIT_LISTING', role: 'PRINCIPAL_OFFICER', recordId: listingId, name: ZHANG.name },
        ]),
      );
    }
  });

  it('is refused to every other role, and refuses an ID number that is not one', async () => {
    for (const key of ['demo-bank', 'demo-env-officer-haizhou', 'demo-market', undefined]) {
      const answer = await hub.request(LOOKUP, { idNumber: ZHANG.idNumber }, { key, purpose: purposeOf(key) });
      expect(answer.errors?.[0]?.extensions?.code, String(key)).toBe('FORBIDDEN');
      expect(JSON.stringify(answer)).not.toContain(penalised);
    }
    const bad = await hub.request(LOOKUP, { idNumber: WRONG_CHECK }, { key: 'demo-credit-office' });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.message).toMatch(/idNumber/);
  });
});

describe('bad input', () => {
  const counts = async (uscc: string) => ({
    events: (await hub.sql<{ n: number }>(`SELECT count(*)::int AS n FROM environment.credit_event WHERE uscc = $1`, [uscc]))[0].n,
    notices: (await hub.sql<{ n: number }>(`SELECT count(*)::int AS n FROM environment.credit_notice WHERE uscc = $1`, [uscc]))[0].n,
    listings: (await hub.sql<{ n: number }>(`SELECT count(*)::int AS n FROM credit.list_designation WHERE uscc = $1`, [uscc]))[0].n,
    envPersons: (await hub.sql<{ n: number }>(`SELECT count(*)::int AS n FROM environment.penalty_responsible_person WHERE uscc = $1`, [uscc]))[0].n,
    creditPersons: (await hub.sql<{ n: number }>(`SELECT count(*)::int AS n FROM credit.listing_responsible_person WHERE uscc = $1`, [uscc]))[0].n,
  });

  it('refuses a wrong ID number on a penalty or a listing, naming the field, with nothing written', async () => {
    const uscc = await ratedEnterprise(hub, { district: '320706' });
    const before = await counts(uscc);
    const penalty = await hub.request(
      RECORD,
      {
        input: {
          uscc,
          type: 'SUSPENSION_ORDER',
          occurredOn: today(),
          decisionNo: '连环停〔2026〕32号',
          responsiblePersons: [
            { role: 'LEGAL_REPRESENTATIVE', ...ZHANG },
            { role: 'DIRECTLY_RESPONSIBLE', name: '王五', idNumber: WRONG_CHECK },
          ],
        },
      },
      { key: 'demo-env-admin' },
    );
    expect(penalty.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.responsiblePersons[1].idNumber' });
    expect(penalty.errors?.[0]?.message).toContain('input.responsiblePersons[1].idNumber');
    const listing = await hub.request(
      DESIGNATE,
      { input: { uscc, listType: 'SERIOUS_DISHONESTY', reason: '失信', listedOn: today(), responsiblePersons: [{ role: 'PRINCIPAL_OFFICER', name: '王五', idNumber: '32070619801301123X' }] } },
      { key: 'demo-credit-office' },
    );
    expect(listing.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.responsiblePersons[0].idNumber' });
    const noName = await hub.request(
      DESIGNATE,
      { input: { uscc, listType: 'SERIOUS_DISHONESTY', reason: '失信', listedOn: today(), responsiblePersons: [{ role: 'PRINCIPAL_OFFICER', name: '  ', idNumber: LI.idNumber }] } },
      { key: 'demo-credit-office' },
    );
    expect(noName.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.responsiblePersons[0].name' });
    expect(await counts(uscc)).toEqual(before);
  });

  it('refuses persons on a GENERAL penalty or a list other than SERIOUS_DISHONESTY, with nothing written', async () => {
    const uscc = await ratedEnterprise(hub, { district: '320706' });
    const before = await counts(uscc);
    const warning = await hub.request(
      RECORD,
      { input: { uscc, type: 'WARNING', occurredOn: today(), decisionNo: '连环警〔2026〕33号', responsiblePersons: [{ role: 'LEGAL_REPRESENTATIVE', ...ZHANG }] } },
      { key: 'demo-env-admin' },
    );
    expect(warning.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.responsiblePersons' });
    const redList = await hub.request(
      DESIGNATE,
      { input: { uscc, listType: 'RED_LIST', reason: '守信', listedOn: today(), responsiblePersons: [{ role: 'LEGAL_REPRESENTATIVE', ...ZHANG }] } },
      { key: 'demo-credit-office' },
    );
    expect(redList.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.responsiblePersons' });
    expect(await counts(uscc)).toEqual(before);
  });
});

describe('the linked flag', () => {
  const LINKED = `query($uscc: USCC!) { enterprise(uscc: $uscc) { linkedDishonestPersons { uscc recordKind recordId role name idNumber } } }`;
  const REGISTER = `mutation($input: RegisterEnterpriseInput!) { registerEnterprise(input: $input) { uscc } }`;

  const withLegalRepresentative = async (person: { name: string; idNumber: string }) => {
    const uscc = await ratedEnterprise(hub, { district: '320706', name: `关联企业${person.idNumber.slice(-4)}` });
    const registered = await hub.request(
      REGISTER,
      { input: { uscc, name: `关联企业${person.idNumber.slice(-4)}`, districtCode: '320706', industryCode: 'C2614', legalRepresentative: person.name, legalRepresentativeIdNumber: person.idNumber } },
      { key: 'demo-env-admin' },
    );
    expect(registered.errors).toBeUndefined();
    return uscc;
  };

  it("flags to ENV_ADMIN and CREDIT_OFFICE a subject whose legal representative stands on another company's serious-dishonesty listing", async () => {
    const linked = await withLegalRepresentative(ZHANG);
    // 李四 is named on a penalty only, never on a listing: not linked.
    const notLinked = await withLegalRepresentative(LI);
    for (const key of ['demo-env-admin', 'demo-credit-office']) {
      const answer = await hub.request<{ enterprise: { linkedDishonestPersons: Person[] } }>(LINKED, { uscc: linked }, { key });
      expect(answer.errors, key).toBeUndefined();
      expect(answer.data!.enterprise.linkedDishonestPersons).toEqual([
        { uscc: listed, recordKind: 'CREDIT_LISTING', recordId: listingId, role: 'PRINCIPAL_OFFICER', ...ZHANG },
      ]);
      const other = await hub.request<{ enterprise: { linkedDishonestPersons: Person[] } }>(LINKED, { uscc: notLinked }, { key });
      expect(other.data!.enterprise.linkedDishonestPersons, key).toEqual([]);
      // The listed subject itself is not "linked" through its own listing.
      const own = await hub.request<{ enterprise: { linkedDishonestPersons: Person[] } }>(LINKED, { uscc: listed }, { key });
      expect(own.data!.enterprise.linkedDishonestPersons, key).toEqual([]);
    }
    for (const key of ['demo-bank', 'demo-market', 'demo-env-officer-haizhou', undefined]) {
      const answer = await hub.request(LINKED, { uscc: linked }, { key, purpose: purposeOf(key) });
      expect(answer.errors?.map((e) => e.extensions?.code), String(key)).toContain('FORBIDDEN');
      expect(JSON.stringify(answer), String(key)).not.toContain(listed);
    }
  });

  it('drops the link once the listing is removed', async () => {
    const linked = await withLegalRepresentative(ZHANG);
    const removed = await hub.request(
      `mutation($input: RemoveCreditListingInput!) { removeCreditListing(input: $input) { id } }`,
      { input: { id: listingId, removedOn: today(), removalReason: '信用修复' } },
      { key: 'demo-credit-office' },
    );
    expect(removed.errors).toBeUndefined();
    const answer = await hub.request<{ enterprise: { linkedDishonestPersons: Person[] } }>(LINKED, { uscc: linked }, { key: 'demo-credit-office' });
    expect(answer.data!.enterprise.linkedDishonestPersons).toEqual([]);
  });
});
