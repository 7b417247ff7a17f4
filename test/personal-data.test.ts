import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { today } from '../src/shared/dates';
import { AddMarketListingDocument, RecordCreditEventDocument } from './generated/graphql';
import { CliProcess } from './support/cli-process';
import { ratedEnterprise } from './support/fixtures';
import { startTestHub, type TestHub } from './support/test-hub';

/**
 * DOMAIN.md §10: ID-card and mobile numbers typed into free text reach only the roles that may read
 * `legalRepresentativeIdNumber` (ENV_ADMIN, MARKET_REGULATOR); everyone else sees them masked.
 */
const ID_NUMBER = '32070619800101123X';
const MOBILE = '13812345678';
const TEXT = `法定代表人张三（身份证号${ID_NUMBER}）现场签字，联系电话${MOBILE}`;
const MASKED = '法定代表人张三（身份证号3****************X）现场签字，联系电话138****5678';
const AUTHORITY = '11320700MB12345679';

let hub: TestHub;
let uscc: string;

beforeAll(async () => {
  hub = await startTestHub();
  uscc = await ratedEnterprise(hub, { district: '320706' });
});

afterAll(async () => {
  await hub?.stop();
});

describe('personal data in free text', () => {
  it('masks a 双公示 penalty’s facts and content for banks and the credit office, not for the bureau', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ecocredit-pii-')), 'penalties.csv');
    writeFileSync(
      file,
      [
        'CF_XDR_MC,CF_XDR_SHXYM,CF_WSH,CF_WFXW,CF_SY,CF_YJ,CF_CFLB,CF_NR,CF_NR_FK,CF_JDRQ,CF_YXQ,CF_CFJG,CF_CFJGDM,CF_SJLY,CF_SJLYDM,BZ',
        `测试企业,${uscc},连环罚〔2026〕88号,超标排放,${TEXT},水污染防治法第八十三条,罚款,${TEXT},10,2026-10-01,2027-10-01,连云港市生态环境局,${AUTHORITY},连云港市生态环境局,${AUTHORITY},经办人手机${MOBILE}`,
      ].join('\n'),
    );
    const importer = new CliProcess(['import', 'penalties', file], { DATABASE_URL: hub.hub.databaseUrl });
    expect((await importer.exited).code, importer.output()).toBe(0);
    expect(importer.output()).toMatch(/imported 1, rejected 0/);

    const query = `query($uscc: USCC!) { enterprise(uscc: $uscc) { publicPenaltyRecords { facts content remarks } } }`;
    const asked = async (key: string, purpose?: string) =>
      (await hub.request<{ enterprise: { publicPenaltyRecords: { facts: string; content: string; remarks: string }[] } }>(query, { uscc }, { key, purpose })).data!.enterprise
        .publicPenaltyRecords[0];
    expect(await asked('demo-env-admin')).toEqual({ facts: TEXT, content: TEXT, remarks: `经办人手机${MOBILE}` });
    expect(await asked('demo-bank', 'CREDIT_REVIEW')).toEqual({ facts: MASKED, content: MASKED, remarks: '经办人手机138****5678' });
    expect(await asked('demo-credit-office')).toEqual({ facts: MASKED, content: MASKED, remarks: '经办人手机138****5678' });
    // Stored as received: masking is a matter of who reads.
    const [row] = await hub.sql<{ facts: string }>(`SELECT facts FROM credit.penalty_record WHERE uscc = $1`, [uscc]);
    expect(row.facts).toBe(TEXT);
  });

  it('masks an event’s description and a listing’s reason for roles without access to personal data', async () => {
    const recorded = await hub.execute(
      RecordCreditEventDocument,
      { input: { uscc, type: 'WARNING', occurredOn: today(), decisionNo: '连环警〔2026〕5号', description: TEXT } },
      { key: 'demo-env-admin' },
    );
    expect(recorded.errors).toBeUndefined();
    const listed = await hub.execute(
      AddMarketListingDocument,
      { input: { uscc, listType: 'ABNORMAL_OPERATIONS', reason: TEXT, documentNo: '连市监异〔2026〕9号', listedOn: today() } },
      { key: 'demo-market' },
    );
    expect(listed.errors).toBeUndefined();
    const query = `query($uscc: USCC!) { enterprise(uscc: $uscc) { envCreditEvents { description } marketListings { reason } } }`;
    const asked = async (key: string) => (await hub.request<{ enterprise: { envCreditEvents: { description: string | null }[]; marketListings: { reason: string }[] } }>(query, { uscc }, { key })).data!.enterprise;
    const admin = await asked('demo-env-admin');
    expect(admin.envCreditEvents.map((e) => e.description)).toContain(TEXT);
    expect(admin.marketListings.map((l) => l.reason)).toEqual([TEXT]);
    const officer = await asked('demo-env-officer-haizhou');
    expect(officer.envCreditEvents.map((e) => e.description)).toContain(MASKED);
    expect(officer.envCreditEvents.map((e) => e.description)).not.toContain(TEXT);
    expect(officer.marketListings.map((l) => l.reason)).toEqual([MASKED]);
  });
});
