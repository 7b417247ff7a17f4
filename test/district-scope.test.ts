import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFeed } from '../src/cli/import/import.command';
import { addDays, today } from '../src/shared/dates';
import { newUscc, ratedEnterprise } from './support/fixtures';
import { errorCodes, startTestHub, type GraphqlResponse, type TestHub } from './support/test-hub';

/*
 * One district fact (issue 15): the market registration decides which district officer sees a
 * subject, on every path, and the bureau's copy follows a move made with an ordinary
 * `registerEnterprise` update. Everything goes through the gateway as partners call it.
 */

const ADMIN = { key: 'demo-env-admin' };
const MARKET = { key: 'demo-market' };
const HAIZHOU = { key: 'demo-env-officer-haizhou' };

const SUBJECT = `query Subject($uscc: USCC!) {
  enterprise(uscc: $uscc) { uscc districtCode envCredit { color score } envCreditEvents { id } jointMeasures { measure { code } } }
}`;
const RECORD = `mutation Record($input: RecordCreditEventInput!) {
  recordCreditEvent(input: $input) { event { id } ratingAfter { color } notice { number } }
}`;
const NOTICE = `query Notice($number: String!) { creditNotice(number: $number) { number uscc } }`;
const OBJECT = `mutation Object($input: FileObjectionInput!) { fileObjection(input: $input) { id status } }`;
const REPAIR = `mutation Repair($input: ApplyCreditRepairInput!) { applyCreditRepair(input: $input) { id status } }`;
const DISTRIBUTION = `query Distribution { colorDistribution(groupBy: DISTRICT) { group color count } }`;
const DRAW = `mutation Draw($input: DrawInspectionsInput!) { drawInspections(input: $input) { districtCode populationSize selected { uscc } } }`;
const MEASURE_SUBJECTS = `query Due($code: String!) { measureSubjects(code: $code) { uscc } }`;
const REGISTER = `mutation Register($input: RegisterEnterpriseInput!) {
  registerEnterprise(input: $input) { uscc name districtCode districtInCity registrationStatus industryCode legalRepresentative }
}`;
const ENROL = `mutation Enrol($input: EnrollRatedSubjectInput!) { enrollRatedSubject(input: $input) { color score } }`;
const FEEDBACK = `mutation Feedback($input: MeasureFeedbackInput!) { reportMeasureFeedback(input: $input) { id } }`;

let hub: TestHub;

function ok<T>(response: GraphqlResponse<T>): T {
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data!;
}

beforeAll(async () => {
  hub = await startTestHub();
});

afterAll(async () => {
  await hub?.stop();
});

describe('a registration that moves district', () => {
  it('takes the subject, its notices, events, draws and measures from the old district officer to the new one', async () => {
    // An officer of Ganyu (320707), issued by the bureau like any other client.
    const issued = ok(
      await hub.request<{ createApiClient: { key: string } }>(
        `mutation Issue($input: CreateApiClientInput!) { createApiClient(input: $input) { key } }`,
        { input: { name: 'Ganyu district branch', role: 'ENV_OFFICER', agency: '连云港市赣榆生态环境局', districtCode: '320707' } },
        ADMIN,
      ),
    );
    const GANYU = { key: issued.createApiClient.key };

    // Registered at city level (division 320700): its code fits any of the city's districts.
    const uscc = await ratedEnterprise(hub, { district: '320706', division: '320700', name: '迁址测试企业' });
    const occurredOn = addDays(today(), -3);
    const criminal = ok(await hub.request<{ recordCreditEvent: { event: { id: string }; ratingAfter: { color: string }; notice: { number: string } } }>(
      RECORD,
      { input: { uscc, type: 'CRIMINAL_LIABILITY', occurredOn, decisionNo: '连环罚〔2026〕77号' } },
      HAIZHOU,
    )).recordCreditEvent;
    expect(criminal.ratingAfter.color).toBe('BLACK');
    const warning = ok(await hub.request<{ recordCreditEvent: { event: { id: string } } }>(RECORD, { input: { uscc, type: 'WARNING', occurredOn } }, HAIZHOU)).recordCreditEvent;
    const number = criminal.notice.number;
    const base = hub.hub.url.replace('/graphql', '');
    const noticePage = (who: { key: string }) => fetch(`${base}/notices/${encodeURIComponent(number)}`, { headers: { authorization: `Bearer ${who.key}` } });

    // Before the move, Haizhou supervises it.
    expect(ok(await hub.request<{ enterprise: { envCredit: { color: string } } }>(SUBJECT, { uscc }, HAIZHOU)).enterprise.envCredit.color).toBe('BLACK');
    expect(ok(await hub.request<{ colorDistribution: unknown[] }>(DISTRIBUTION, {}, HAIZHOU)).colorDistribution).toContainEqual({ group: '320706', color: 'BLACK', count: 1 });

    // Market supervision moves the registration with an ordinary update.
    const moved = ok(await hub.request<{ registerEnterprise: { districtCode: string } }>(REGISTER, { input: { uscc, name: '迁址测试企业', districtCode: '320707' } }, MARKET));
    expect(moved.registerEnterprise.districtCode).toBe('320707');
    // The bureau learnt of it in the same request, and the move is on record.
    expect(await hub.sql(`SELECT from_district, to_district FROM environment.district_move WHERE uscc = $1`, [uscc])).toEqual([{ from_district: '320706', to_district: '320707' }]);
    expect(await hub.sql(`SELECT district_code FROM environment.rated_subject WHERE uscc = $1`, [uscc])).toEqual([{ district_code: '320707' }]);

    // The old district's officer: nothing, answered as if the subject did not exist.
    const unknownCode = newUscc('320706');
    expect(ok(await hub.request<{ enterprise: unknown }>(SUBJECT, { uscc }, HAIZHOU)).enterprise).toBeNull();
    expect(ok(await hub.request<{ creditNotice: unknown }>(NOTICE, { number }, HAIZHOU)).creditNotice).toBeNull();
    expect((await noticePage(HAIZHOU)).status).toBe(404);
    const objection = await hub.request(OBJECT, { input: { eventId: warning.event.id, grounds: '事实不清' } }, HAIZHOU);
    expect(errorCodes(objection)).toEqual(['NOT_FOUND']);
    expect(objection.errors![0].message).toBe(`credit event ${warning.event.id} does not exist`);
    const repair = await hub.request(REPAIR, { input: { eventId: warning.event.id, reason: '已整改' } }, HAIZHOU);
    expect(errorCodes(repair)).toEqual(['NOT_FOUND']);
    const distribution = ok(await hub.request<{ colorDistribution: { group: string; color: string; count: number }[] }>(DISTRIBUTION, {}, HAIZHOU)).colorDistribution;
    // Zero counts are answered: the officer's own district, with no BLACK subject left.
    expect(distribution.filter((bucket) => bucket.color === 'BLACK')).toEqual([{ group: '320706', color: 'BLACK', count: 0 }]);
    const draw = ok(await hub.request<{ drawInspections: { populationSize: number; selected: { uscc: string }[] } }>(DRAW, { input: { colors: ['BLACK'], rate: 0.25 } }, HAIZHOU)).drawInspections;
    expect(draw).toMatchObject({ populationSize: 0, selected: [] });
    expect(ok(await hub.request<{ measureSubjects: { uscc: string }[] }>(MEASURE_SUBJECTS, { code: 'ONE_VOTE_VETO' }, HAIZHOU)).measureSubjects).toEqual([]);
    // A mutation naming the moved subject is refused exactly like one naming a code the hub never saw.
    const recordMoved = await hub.request(RECORD, { input: { uscc, type: 'WARNING', occurredOn } }, HAIZHOU);
    const recordUnknown = await hub.request(RECORD, { input: { uscc: unknownCode, type: 'WARNING', occurredOn } }, HAIZHOU);
    expect(errorCodes(recordMoved)).toEqual(['FORBIDDEN']);
    expect(errorCodes(recordUnknown)).toEqual(errorCodes(recordMoved));
    expect(recordMoved.errors![0].message.replace(uscc, 'X')).toBe(recordUnknown.errors![0].message.replace(unknownCode, 'X'));

    // The new district's officer: everything, the BLACK colour and its measures included.
    const seen = ok(await hub.request<{ enterprise: { districtCode: string; envCredit: { color: string }; envCreditEvents: unknown[]; jointMeasures: { measure: { code: string } }[] } }>(SUBJECT, { uscc }, GANYU)).enterprise;
    expect(seen).toMatchObject({ districtCode: '320707', envCredit: { color: 'BLACK' } });
    expect(seen.envCreditEvents).toHaveLength(2);
    expect(seen.jointMeasures.map((applied) => applied.measure.code)).toContain('ONE_VOTE_VETO');
    expect(ok(await hub.request<{ creditNotice: { uscc: string } }>(NOTICE, { number }, GANYU)).creditNotice).toEqual({ number, uscc });
    expect((await noticePage(GANYU)).status).toBe(200);
    expect(ok(await hub.request<{ colorDistribution: unknown[] }>(DISTRIBUTION, {}, GANYU)).colorDistribution).toContainEqual({ group: '320707', color: 'BLACK', count: 1 });
    const ganyuDraw = ok(await hub.request<{ drawInspections: { districtCode: string; selected: { uscc: string }[] } }>(DRAW, { input: { colors: ['BLACK'], rate: 0.25 } }, GANYU)).drawInspections;
    expect(ganyuDraw).toMatchObject({ districtCode: '320707', selected: [{ uscc }] });
    expect(ok(await hub.request<{ measureSubjects: { uscc: string }[] }>(MEASURE_SUBJECTS, { code: 'ONE_VOTE_VETO' }, GANYU)).measureSubjects).toEqual([{ uscc }]);
    expect(ok(await hub.request<{ fileObjection: { status: string } }>(OBJECT, { input: { eventId: warning.event.id, grounds: '事实不清' } }, GANYU)).fileObjection.status).toBe('UNDER_REVIEW');
    expect(ok(await hub.request<{ recordCreditEvent: { ratingAfter: { color: string } } }>(RECORD, { input: { uscc, type: 'WARNING', occurredOn } }, GANYU)).recordCreditEvent.ratingAfter.color).toBe('BLACK');
  });
});

describe('a move the bureau cannot follow', () => {
  it('leaves the registration where it was, so the two departments never disagree', async () => {
    const uscc = await ratedEnterprise(hub, { district: '320706', division: '320700', name: '回滚测试企业' });
    // A real failure in the environment department's write (no stand-in): its move log refuses rows.
    await hub.sql(`ALTER TABLE environment.district_move ADD CONSTRAINT refuse_moves CHECK (false) NOT VALID`);
    try {
      const refused = await hub.request(REGISTER, { input: { uscc, name: '回滚测试企业', districtCode: '320707' } }, MARKET);
      expect(errorCodes(refused)).toEqual(['INTERNAL']);
    } finally {
      await hub.sql(`ALTER TABLE environment.district_move DROP CONSTRAINT refuse_moves`);
    }
    expect(await hub.sql(`SELECT district_code FROM market.registration WHERE uscc = $1`, [uscc])).toEqual([{ district_code: '320706' }]);
    expect(await hub.sql(`SELECT district_code FROM environment.rated_subject WHERE uscc = $1`, [uscc])).toEqual([{ district_code: '320706' }]);
    expect(ok(await hub.request<{ enterprise: { districtCode: string } | null }>(SUBJECT, { uscc }, HAIZHOU)).enterprise?.districtCode).toBe('320706');
  });

  it('is followed when the move arrives in a registrations import file', async () => {
    // Registered at city level (division 320700), so a file may move it to any of the city's districts.
    const uscc = newUscc('320700');
    ok(await hub.request(REGISTER, { input: { uscc, name: '导入迁址企业', districtCode: '320706' } }, MARKET));
    ok(await hub.request(ENROL, { input: { uscc, ratedFrom: '2024-01-01' } }, ADMIN));
    const file = join(mkdtempSync(join(tmpdir(), 'ecocredit-district-')), 'registrations.csv');
    writeFileSync(file, `uscc,name,district_code\n${uscc},导入迁址企业,320724\n`);
    expect(await importFeed(hub.hub.sources, 'registrations', file, { encoding: 'utf8', progress: () => undefined })).toMatchObject({ imported: 1, rejected: 0 });
    expect(await hub.sql(`SELECT district_code FROM environment.rated_subject WHERE uscc = $1`, [uscc])).toEqual([{ district_code: '320724' }]);
    expect(ok(await hub.request<{ enterprise: unknown }>(SUBJECT, { uscc }, HAIZHOU)).enterprise).toBeNull();
  });
});

describe('enrolment follows the registration', () => {
  it('refuses a code market supervision does not know', async () => {
    const unregistered = newUscc('320706');
    const response = await hub.request(ENROL, { input: { uscc: unregistered, ratedFrom: '2024-01-01' } }, ADMIN);
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0].message).toContain(unregistered);
    expect(response.errors![0].message).toContain('not registered');
    expect(await hub.sql(`SELECT 1 FROM environment.rated_subject WHERE uscc = $1`, [unregistered])).toEqual([]);
  });

  it('refuses a district that contradicts the registration, naming the code and both districts', async () => {
    const uscc = newUscc('320700');
    ok(await hub.request(REGISTER, { input: { uscc, name: '登记在海州', districtCode: '320703' } }, MARKET));
    const response = await hub.request(ENROL, { input: { uscc, ratedFrom: '2024-01-01', districtCode: '320706' } }, ADMIN);
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0].message).toContain(uscc);
    expect(response.errors![0].message).toContain('320706');
    expect(response.errors![0].message).toContain('320703');
    // Without a district of its own, the enrolment takes the registration's, not the code's digits.
    ok(await hub.request(ENROL, { input: { uscc, ratedFrom: '2024-01-01' } }, ADMIN));
    expect(await hub.sql(`SELECT district_code FROM environment.rated_subject WHERE uscc = $1`, [uscc])).toEqual([{ district_code: '320703' }]);
  });
});

describe('registerEnterprise', () => {
  it('keeps every field an update leaves out, REVOKED included', async () => {
    const uscc = newUscc('320722');
    const input = { uscc, name: '吊销测试企业', districtCode: '320722', industryCode: 'C2614', legalRepresentative: '张三', registrationStatus: 'REVOKED' };
    expect(ok(await hub.request<{ registerEnterprise: unknown }>(REGISTER, { input }, MARKET)).registerEnterprise).toMatchObject({ registrationStatus: 'REVOKED' });
    const updated = ok(await hub.request<{ registerEnterprise: unknown }>(REGISTER, { input: { uscc, name: '吊销测试企业（更名）', districtCode: '320722' } }, MARKET));
    expect(updated.registerEnterprise).toEqual({
      uscc,
      name: '吊销测试企业（更名）',
      districtCode: '320722',
      districtInCity: true,
      registrationStatus: 'REVOKED',
      industryCode: 'C2614',
      legalRepresentative: '张三',
    });
    expect(await hub.sql(`SELECT status FROM market.registration WHERE uscc = $1`, [uscc])).toEqual([{ status: 'REVOKED' }]);
  });

  it('takes any district of the city for a code of the city, as the registrations import does (one rule)', async () => {
    // Issued in 海州区, now in 连云区: the code's digits say where it was issued, the district where it is (DOMAIN.md §11).
    const uscc = newUscc('320706');
    const registered = ok(await hub.request<{ registerEnterprise: { districtCode: string; districtInCity: boolean } }>(
      REGISTER,
      { input: { uscc, name: '迁入连云区企业', districtCode: '320703' } },
      MARKET,
    ));
    expect(registered.registerEnterprise).toMatchObject({ districtCode: '320703', districtInCity: true });
    const file = join(mkdtempSync(join(tmpdir(), 'ecocredit-division-')), 'registrations.csv');
    const other = newUscc('320706');
    writeFileSync(file, `uscc,name,district_code\n${other},迁入连云区企业二,320703\n`);
    const summary = await importFeed(hub.hub.sources, 'registrations', file, { encoding: 'utf8', progress: () => undefined });
    expect(summary).toMatchObject({ imported: 1, rejected: 0 });
    expect(await hub.sql(`SELECT district_code FROM market.registration WHERE uscc = $1`, [other])).toEqual([{ district_code: '320703' }]);
    const cityLevel = newUscc('320700');
    expect(ok(await hub.request<{ registerEnterprise: { districtCode: string } }>(REGISTER, { input: { uscc: cityLevel, name: '市级登记企业', districtCode: '320703' } }, MARKET)).registerEnterprise.districtCode).toBe('320703');
  });

  it('refuses a district that is no division code, naming it, and flags one of another city', async () => {
    for (const districtCode of ['320799', '990101', '32070', '3207061']) {
      const uscc = newUscc('320706');
      const response = await hub.request(REGISTER, { input: { uscc, name: '错误区划', districtCode } }, MARKET);
      expect(errorCodes(response), districtCode).toEqual(['BAD_USER_INPUT']);
      expect(response.errors![0].message).toContain(`"${districtCode}"`);
      expect(await hub.sql(`SELECT 1 FROM market.registration WHERE uscc = $1`, [uscc])).toEqual([]);
    }
    // Registered in Suzhou: kept as its own district, flagged as outside the city.
    const elsewhere = newUscc('320505');
    const registered = ok(await hub.request<{ registerEnterprise: { districtCode: string; districtInCity: boolean } }>(
      REGISTER,
      { input: { uscc: elsewhere, name: '外市企业', districtCode: '320505' } },
      MARKET,
    ));
    expect(registered.registerEnterprise).toMatchObject({ districtCode: '320505', districtInCity: false });
  });
});

describe('reportMeasureFeedback', () => {
  it('refuses feedback on a subject that is not registered, and writes nothing', async () => {
    const unknown = newUscc('320706');
    const response = await hub.request(
      FEEDBACK,
      { input: { uscc: unknown, measureCode: 'BANK_CREDIT_STOP', outcome: 'APPLIED', appliedOn: today() } },
      { key: 'demo-bank', purpose: 'CREDIT_REVIEW' },
    );
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0].message).toContain(unknown);
    expect(await hub.sql(`SELECT 1 FROM credit.measure_feedback WHERE uscc = $1`, [unknown])).toEqual([]);
  });
});
