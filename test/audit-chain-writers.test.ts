import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type Hub } from '../src/hub/hub';
import { loadConfig } from '../src/shared/config';
import { StatementCounter } from '../src/shared/database';
import { DEMO_SHOWCASE_USCC } from '../src/shared/demo-dataset';
import { startTestHub, type TestHub } from './support/test-hub';

/**
 * Issue 21 §4: a read's audit record is appended in one INSERT, linked onto the head its process
 * holds in memory, with no chain lock and no read of the head; the unique index on `prev_hash` keeps
 * the chain one linear list whoever appends. What this file proves: concurrent writers in two
 * processes leave a chain that verifies, a fork cannot be stored, and truncating or re-linking the
 * chain under a writer that holds a stale head is still reported.
 */
let hub: TestHub;
let other: Hub;

const READ = `query Check($u: USCC!) { enterprise(uscc: $u) { uscc envCredit { color } } }`;

beforeAll(async () => {
  hub = await startTestHub({ demoSize: 30, config: { schemaHints: false } });
  // A second process on the same database with the same data folder (the same audit key and checkpoint file).
  const defaults = loadConfig({ HUB_DATA_DIR: hub.dataDir });
  other = await startHub({
    config: { ...defaults, databaseUrl: hub.hub.databaseUrl, port: 0, demo: true, schemaHints: false, webhooks: { ...defaults.webhooks, enabled: false } },
    seedDemo: false,
  });
});

afterAll(async () => {
  await other?.stop();
  await hub?.stop();
});

async function readOn(url: string, uscc: string): Promise<number> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer demo-env-admin' },
    body: JSON.stringify({ query: READ, variables: { u: uscc } }),
  });
  const body = (await response.json()) as { errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  return response.status;
}

describe('one chain, appended without a lock by every process', () => {
  it('two processes reading at once leave one linear chain that verifies, each record with its own predecessor', async () => {
    const usccs = (await hub.sql<{ uscc: string }>(`SELECT uscc FROM environment.rated_subject ORDER BY uscc LIMIT 12`)).map((row) => row.uscc);
    const [{ last }] = await hub.sql<{ last: string }>(`SELECT coalesce(max(id), 0)::text AS last FROM gateway.audit_log`);
    const statuses = await Promise.all(usccs.flatMap((uscc) => [readOn(hub.hub.url, uscc), readOn(other.url, uscc), readOn(hub.hub.url, uscc), readOn(other.url, uscc)]));
    expect(statuses.every((status) => status === 200)).toBe(true);
    const [{ after, links, reads }] = await hub.sql<{ after: number; links: number; reads: number }>(
      `SELECT count(*)::int AS after, count(DISTINCT prev_hash)::int AS links, count(*) FILTER (WHERE id > $1 AND operation_name = 'Check')::int AS reads FROM gateway.audit_log`,
      [last],
    );
    // Every read has its record (the processes' own start-up records may have been chained meanwhile too).
    expect(reads).toBe(usccs.length * 4);
    expect(links).toBe(after);
    // Both processes verify the same chain, and each one's signed checkpoint names it.
    await hub.hub.audit.checkpoint();
    await other.audit.checkpoint();
    expect(await hub.hub.audit.verifyChain()).toMatchObject({ ok: true, checked: after });
    expect(await other.audit.verifyChain()).toMatchObject({ ok: true, checked: after });
  });

  it('a record that names a predecessor already taken (a fork) cannot be stored', async () => {
    const [newest] = await hub.sql<{ id: string }>(`SELECT max(id)::text AS id FROM gateway.audit_log`);
    await expect(
      hub.sql(
        `INSERT INTO gateway.audit_log (at, request_id, client_id, client_name, role, operation_hash, operation_type, top_level_fields, fields, departments, usccs, outcome, error_codes, prev_hash, hash)
         SELECT at, 'forged', client_id, client_name, role, operation_hash, operation_type, top_level_fields, fields, departments, usccs, outcome, error_codes, prev_hash, repeat('f', 64)
           FROM gateway.audit_log WHERE id = $1`,
        [Number(newest.id)],
      ),
    ).rejects.toThrow(/audit_log_one_successor/);
  });

  it('a writer whose head another process moved appends once more, after reading the head; a warm writer sends one INSERT', async () => {
    await readOn(hub.hub.url, DEMO_SHOWCASE_USCC); // this process's head is the newest record
    await readOn(other.url, DEMO_SHOWCASE_USCC); // the other process moved it
    const sent: string[] = [];
    const stop = StatementCounter.observe((owner, sql) => owner === 'gateway' && /audit_log/.test(sql) && !/a\.id <= l\.id/.test(sql) && sent.push(sql));
    try {
      await readOn(hub.hub.url, DEMO_SHOWCASE_USCC); // refused once by the index, then linked onto the head read afresh
      await readOn(hub.hub.url, DEMO_SHOWCASE_USCC); // its head is right again: one INSERT
    } finally {
      stop();
    }
    expect(sent.map((sql) => (/^\s*INSERT/.test(sql) ? 'INSERT' : /ORDER BY id DESC LIMIT 1/.test(sql) ? 'HEAD' : sql))).toEqual(['INSERT', 'HEAD', 'INSERT', 'INSERT']);
    expect(await hub.hub.audit.verifyChain()).toMatchObject({ ok: true });
  });

  it('reports the newest records deleted under a writer that still holds the deleted head, at the record it links next', async () => {
    const usccs = (await hub.sql<{ uscc: string }>(`SELECT uscc FROM environment.rated_subject ORDER BY uscc LIMIT 3`)).map((row) => row.uscc);
    for (const uscc of usccs) await readOn(hub.hub.url, uscc);
    expect(await hub.hub.audit.verifyChain()).toMatchObject({ ok: true });
    const [newest] = await hub.sql<{ id: string }>(`SELECT max(id)::text AS id FROM gateway.audit_log`);
    await hub.sql(`ALTER TABLE gateway.audit_log DISABLE TRIGGER USER`);
    try {
      await hub.sql(`DELETE FROM gateway.audit_log WHERE id > $1 - 3`, [Number(newest.id)]);
    } finally {
      await hub.sql(`ALTER TABLE gateway.audit_log ENABLE TRIGGER USER`);
    }
    // The truncated chain is consistent on its own; the next record links to the deleted head.
    await readOn(hub.hub.url, DEMO_SHOWCASE_USCC);
    const [appended] = await hub.sql<{ id: string }>(`SELECT max(id)::text AS id FROM gateway.audit_log`);
    expect(await hub.hub.audit.verifyChain()).toMatchObject({ ok: false, firstBrokenId: appended.id, reason: expect.stringMatching(/previous record/) });
  });
});

describe('a read of a warm process', () => {
  it('takes no chain lock and sends one INSERT for its record', async () => {
    await readOn(other.url, DEMO_SHOWCASE_USCC); // its head, moved by the first process above, is read again
    const sent: string[] = [];
    const stop = StatementCounter.observe((_, sql) => sent.push(sql));
    try {
      await readOn(other.url, DEMO_SHOWCASE_USCC);
    } finally {
      stop();
    }
    expect(sent.filter((sql) => /pg_advisory/.test(sql))).toEqual([]);
    expect(sent.filter((sql) => /INSERT INTO "gateway"."audit_log"/.test(sql))).toHaveLength(1);
  });
});
