import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeHubDatabases, openHubDatabases } from '../src/hub/databases';
import { startHub, type Hub } from '../src/hub/hub';
import { GENESIS_HASH, legacyRecordHash } from '../src/gateway/services/audit-trail.service';
import { loadConfig } from '../src/shared/config';
import { DEMO_SHOWCASE_USCC } from '../src/shared/demo-dataset';
import { createTestDatabase, type TestDatabase } from './support/test-database';

let database: TestDatabase;
let folder: string;
let hub: Hub | undefined;

const VERIFY = `{ verifyAuditChain { ok checked firstBrokenId reason } }`;

async function ask(query: string) {
  const response = await fetch(hub!.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer demo-env-admin' }, body: JSON.stringify({ query }) });
  return (await response.json()) as { data?: { verifyAuditChain?: { ok: boolean; checked: number; firstBrokenId: string | null; reason: string | null } }; errors?: unknown[] };
}

beforeAll(async () => {
  database = await createTestDatabase();
  folder = mkdtempSync(join(tmpdir(), 'ecocredit-upgrade-'));
  // A trail written by the hub before the chain was keyed: undo the migrations back to before it
  // (later ones go with it and are applied again at start), write unkeyed rows.
  const sources = await openHubDatabases(database.url, { migrate: false });
  try {
    const keyed = () => sources.gateway.query<unknown[]>(`SELECT 1 FROM gateway.migrations WHERE name = 'KeyedAuditChain1733000000000'`);
    while ((await keyed()).length > 0) await sources.gateway.undoLastMigration({ transaction: 'each' });
    let prevHash = GENESIS_HASH;
    for (let i = 0; i < 3; i += 1) {
      const row = {
        at: new Date(Date.UTC(2026, 10, 1 + i)),
        requestId: `legacy-${i}`,
        clientId: 'key:1',
        clientName: 'Old bank',
        role: 'BANK',
        agency: null,
        districtCode: null,
        purpose: 'CREDIT_REVIEW',
        operationName: 'Old',
        operationHash: 'f'.repeat(64),
        operationType: 'query',
        topLevelFields: ['enterprise'],
        fields: ['Query.enterprise'],
        departments: ['market'],
        usccs: [],
        outcome: 'OK',
        errorCodes: [],
        prevHash,
      };
      prevHash = legacyRecordHash(row);
      // The columns the table had then (later migrations, undone above, add others).
      await sources.gateway.query(
        `INSERT INTO gateway.audit_log (at, request_id, client_id, client_name, role, agency, district_code, purpose, operation_name, operation_hash, operation_type,
                                        top_level_fields, fields, departments, usccs, outcome, error_codes, prev_hash, hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)`,
        [row.at, row.requestId, row.clientId, row.clientName, row.role, row.agency, row.districtCode, row.purpose, row.operationName, row.operationHash, row.operationType,
          row.topLevelFields, row.fields, row.departments, row.usccs, row.outcome, row.errorCodes, row.prevHash, prevHash],
      );
    }
  } finally {
    await closeHubDatabases(sources);
  }
  const config = { ...loadConfig({ HUB_DATA_DIR: folder }), databaseUrl: database.url, port: 0, demo: true };
  hub = await startHub({ config, seedDemo: false });
});

afterAll(async () => {
  await hub?.stop();
  await database?.drop();
  rmSync(folder, { recursive: true, force: true });
});

describe('upgrading a trail written before the chain was keyed', () => {
  it('verifies the old rows unkeyed up to the mark and the new rows keyed', async () => {
    const [mark] = await hub!.sources.gateway.query<{ legacy: string }[]>(`SELECT legacy_until_id::text AS legacy FROM gateway.audit_chain`);
    const [third] = await hub!.sources.gateway.query<{ id: string }[]>(`SELECT id::text FROM gateway.audit_log WHERE request_id = 'legacy-2'`);
    expect(mark.legacy).toBe(third.id);
    expect((await ask(`{ enterprise(uscc: "${DEMO_SHOWCASE_USCC}") { uscc } }`)).errors).toBeUndefined();
    const report = (await ask(VERIFY)).data!.verifyAuditChain!;
    expect(report).toMatchObject({ ok: true, firstBrokenId: null });
    expect(report.checked).toBeGreaterThanOrEqual(4);
  });

  it('still reports an old row changed after the upgrade', async () => {
    const gateway = hub!.sources.gateway;
    const [second] = await gateway.query<{ id: string }[]>(`SELECT id::text FROM gateway.audit_log WHERE request_id = 'legacy-1'`);
    await gateway.query(`ALTER TABLE gateway.audit_log DISABLE TRIGGER USER`);
    try {
      await gateway.query(`UPDATE gateway.audit_log SET purpose = 'LOAN_APPLICATION' WHERE id = $1`, [second.id]);
    } finally {
      await gateway.query(`ALTER TABLE gateway.audit_log ENABLE TRIGGER USER`);
    }
    expect((await ask(VERIFY)).data!.verifyAuditChain).toMatchObject({ ok: false, firstBrokenId: second.id, reason: expect.stringMatching(/changed/) });
  });
});
