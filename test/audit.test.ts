import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SHOWCASE_USCC } from '../src/shared/demo-dataset';
import { ratedEnterprise } from './support/fixtures';
import { expectNoLeaks } from './support/leaks';
import { errorCodes, startTestHub, type TestHub } from './support/test-hub';

let hub: TestHub;

beforeAll(async () => {
  hub = await startTestHub({ demoSize: 40, config: { schemaHints: false } });
});

afterAll(async () => {
  if (hub) expectNoLeaks(hub.responses);
  await hub?.stop();
});

interface AuditRow {
  id: string;
  clientName: string;
  role: string;
  agency: string | null;
  purpose: string | null;
  operationName: string | null;
  operationHash: string;
  topLevelFields: string[];
  fields: string[];
  departments: string[];
  usccs: string[];
  outcome: string;
}

const AUDIT_LOG = `query Audit($f: AuditLogFilter) { auditLog(filter: $f) { id clientName role agency purpose operationName operationHash topLevelFields fields departments usccs outcome } }`;
const VERIFY = `{ verifyAuditChain { ok checked firstBrokenId reason } }`;

async function auditLog(filter: Record<string, unknown>, key = 'demo-env-admin') {
  return hub.request<{ auditLog: AuditRow[] }>(AUDIT_LOG, { f: filter }, { key });
}

async function verify() {
  const response = await hub.request<{ verifyAuditChain: { ok: boolean; checked: number; firstBrokenId: string | null; reason: string | null } }>(VERIFY, undefined, {
    key: 'demo-env-admin',
  });
  expect(response.errors).toBeUndefined();
  return response.data!.verifyAuditChain;
}

describe('purpose binding and the audit trail', () => {
  it('refuses a BANK request without a purpose', async () => {
    const response = await hub.request(`{ enterprise(uscc: "${DEMO_SHOWCASE_USCC}") { uscc } }`, undefined, { key: 'demo-bank' });
    expect(response.status).toBe(403);
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
  });

  it('records a BANK read with its purpose, the codes and the fields asked', async () => {
    const other = await ratedEnterprise(hub);
    const response = await hub.request(
      `query BankCheck($u: [USCC!]!) { enterprises(usccs: $u) { uscc name envCredit { color } creditRestriction { level restricted } } }`,
      { u: [DEMO_SHOWCASE_USCC, other] },
      { key: 'demo-bank', purpose: 'LOAN_APPLICATION' },
    );
    expect(response.errors).toBeUndefined();
    const log = await auditLog({ role: 'BANK', uscc: other });
    expect(log.errors).toBeUndefined();
    expect(log.data!.auditLog).toHaveLength(1);
    const [record] = log.data!.auditLog;
    expect(record).toMatchObject({
      role: 'BANK',
      clientName: 'Demo bank',
      agency: 'Demo Bank Lianyungang branch',
      purpose: 'LOAN_APPLICATION',
      operationName: 'BankCheck',
      topLevelFields: ['enterprises'],
      outcome: 'OK',
    });
    expect(record.operationHash).toMatch(/^[0-9a-f]{64}$/);
    expect(record.usccs).toEqual([DEMO_SHOWCASE_USCC, other].sort());
    expect(record.fields).toEqual(expect.arrayContaining(['Query.enterprises', 'Enterprise.creditRestriction', 'EnvCredit.color']));
    expect(record.departments).toEqual(['environment', 'finance', 'market']);
  });

  it('records denied and partial reads with their outcome', async () => {
    await hub.request(`query Peek { enterprise(uscc: "${DEMO_SHOWCASE_USCC}") { uscc legalRepresentativeIdNumber } }`, undefined, { key: 'demo-dashboard' });
    const log = await auditLog({ role: 'DASHBOARD' });
    expect(log.data!.auditLog[0]).toMatchObject({ operationName: 'Peek', outcome: 'PARTIAL', usccs: [DEMO_SHOWCASE_USCC] });
  });

  it('lets a department see who read its data, and only that', async () => {
    await hub.request(`query Listings { enterprise(uscc: "${DEMO_SHOWCASE_USCC}") { creditListings { listType } } }`, undefined, { key: 'demo-market' });
    const credit = await auditLog({}, 'demo-credit-office');
    expect(credit.errors).toBeUndefined();
    expect(credit.data!.auditLog.length).toBeGreaterThan(0);
    expect(credit.data!.auditLog.every((record) => record.departments.includes('credit'))).toBe(true);
    expect(credit.data!.auditLog.map((record) => record.operationName)).toContain('Listings');
    const byField = await auditLog({ field: 'Enterprise.creditListings' }, 'demo-credit-office');
    expect(byField.data!.auditLog.map((r) => r.role)).toContain('MARKET_REGULATOR');
    const foreign = await auditLog({ department: 'finance' }, 'demo-credit-office');
    expect(errorCodes(foreign)).toEqual(['BAD_USER_INPUT']);
    const bank = await auditLog({}, 'demo-bank');
    expect(errorCodes(bank)).toContain('FORBIDDEN');
  });

  it('is append-only for the application', async () => {
    await expect(hub.sql(`UPDATE gateway.audit_log SET purpose = 'NONE'`)).rejects.toThrow(/append-only/);
    await expect(hub.sql(`DELETE FROM gateway.audit_log`)).rejects.toThrow(/append-only/);
  });

  it('verifyAuditChain reports the first altered record, and the record after a deleted one', async () => {
    const before = await verify();
    expect(before).toMatchObject({ ok: true, firstBrokenId: null });
    expect(before.checked).toBeGreaterThanOrEqual(3);
    const rows = await hub.sql<{ id: string; purpose: string | null }>(`SELECT id::text, purpose FROM gateway.audit_log ORDER BY id`);
    const [, second, third] = rows;
    // Someone with DDL rights gets around the trigger: the chain still gives them away.
    await hub.sql(`ALTER TABLE gateway.audit_log DISABLE TRIGGER USER`);
    try {
      await hub.sql(`UPDATE gateway.audit_log SET purpose = 'CREDIT_REVIEW' WHERE id = $1`, [second.id]);
      expect(await verify()).toMatchObject({ ok: false, firstBrokenId: second.id, reason: expect.stringMatching(/changed/) });
      await hub.sql(`UPDATE gateway.audit_log SET purpose = $2 WHERE id = $1`, [second.id, second.purpose]);
      expect(await verify()).toMatchObject({ ok: true });
      await hub.sql(`DELETE FROM gateway.audit_log WHERE id = $1`, [second.id]);
      expect(await verify()).toMatchObject({ ok: false, firstBrokenId: third.id, reason: expect.stringMatching(/previous record/) });
    } finally {
      await hub.sql(`ALTER TABLE gateway.audit_log ENABLE TRIGGER USER`);
    }
  });
});
