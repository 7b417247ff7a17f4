import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { today } from '../src/shared/dates';
import { demoEnterprises } from '../src/shared/demo-dataset';
import { withCheckCharacter } from '../src/shared/uscc';
import { CliProcess } from './support/cli-process';

/**
 * The embedded default as a user runs it: `ecocredit start` with no DATABASE_URL, and
 * `ecocredit import` beside it on the same data directory. Both must use one PostgreSQL server:
 * nothing acknowledged is lost, and the server sees imported rows at once.
 */
const dataDir = mkdtempSync(join(tmpdir(), 'ecocredit-embedded-'));
const env = { HUB_DATA_DIR: dataDir, PORT: '0' };
const running: CliProcess[] = [];

async function startHubProcess(): Promise<{ hub: CliProcess; url: string }> {
  const hub = new CliProcess(['start'], env);
  running.push(hub);
  const [, url] = await hub.waitForStdout(/ecocredit hub: (http:\/\/\S+\/graphql)/, 180_000);
  return { hub, url };
}

async function graphql<T>(url: string, query: string, variables: Record<string, unknown>, key: string): Promise<{ status: number; data?: T; errors?: { message: string }[] }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as { data?: T; errors?: { message: string }[] }) };
}

const RECORD = `mutation($input: RecordCreditEventInput!) { recordCreditEvent(input: $input) { event { id } notice { number } } }`;
const EVENTS = `query($usccs: [USCC!]!) { enterprises(usccs: $usccs) { uscc name envCreditEvents { id } } }`;

afterAll(async () => {
  for (const process of running) await process.kill();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('embedded PostgreSQL shared by the hub and the CLI', () => {
  it('keeps every acknowledged write and every imported row, and the hub sees the import at once', async () => {
    const first = await startHubProcess();
    expect(first.hub.output()).toMatch(/embedded PostgreSQL started/);

    const rated = [...demoEnterprises(560, today())].filter((enterprise) => enterprise.ratedFrom).slice(0, 40);
    const imported = Array.from({ length: 400 }, (_, i) => withCheckCharacter(`91320706MA9${String(i).padStart(6, '0')}`));
    const file = join(dataDir, 'registrations.csv');
    writeFileSync(file, ['uscc,name,district_code,industry_code', ...imported.map((uscc, i) => `${uscc},并发导入测试${i}有限公司,320706,C2614`)].join('\n'));

    // Writes through the hub while the import runs beside it on the same data directory.
    const acknowledged: { uscc: string; id: string }[] = [];
    let writing = true;
    const writer = (async () => {
      for (let i = 0; writing; i++) {
        const subject = rated[i % rated.length];
        const answer = await graphql<{ recordCreditEvent: { event: { id: string } } }>(
          first.url,
          RECORD,
          { input: { uscc: subject.uscc, type: 'WARNING', occurredOn: today(), decisionNo: `并发〔${i}〕号` } },
          'demo-env-admin',
        ).catch(() => undefined);
        // Only what the hub acknowledged must survive; a failed call promises nothing.
        if (answer?.status === 200 && answer.data?.recordCreditEvent) acknowledged.push({ uscc: subject.uscc, id: answer.data.recordCreditEvent.event.id });
      }
    })();
    const importer = new CliProcess(['import', 'registrations', file], env);
    running.push(importer);
    expect((await importer.exited).code, importer.output()).toBe(0);
    expect(importer.output()).toMatch(/embedded PostgreSQL attached/);
    expect(importer.output()).toMatch(/imported 400, rejected 0, unchanged 0/);

    // The import's writes are in the audit trail: it notified the hub, which chained its record.
    const importRecords = async () =>
      (await graphql<{ auditLog: { clientName: string; fields: string[]; usccs: string[] }[] }>(
        first.url,
        `{ auditLog(filter: { field: "Command.import.registrations" }) { clientName fields usccs } }`,
        {},
        'demo-env-admin',
      )).data?.auditLog ?? [];
    let records = await importRecords();
    for (let wait = 0; records.length === 0 && wait < 50; wait++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      records = await importRecords();
    }
    expect(records.map((record) => record.clientName)).toEqual(['ecocredit import']);
    expect(records[0].usccs).toEqual([...imported].sort());

    // The running hub answers the imported rows at once (same server, not a copy of the files).
    const seen = await graphql<{ enterprises: ({ uscc: string; name: string } | null)[] }>(first.url, EVENTS, { usccs: imported }, 'demo-env-admin');
    expect(seen.data?.enterprises.map((enterprise) => enterprise?.name)).toEqual(imported.map((_, i) => `并发导入测试${i}有限公司`));

    writing = false;
    await writer;
    expect(acknowledged.length).toBeGreaterThan(0);
    // The import left the server running for the hub; the hub, last to leave, stops it.
    first.hub.signal('SIGTERM');
    expect((await first.hub.exited).code).toBe(0);
    expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);

    const second = await startHubProcess();
    const after = await graphql<{ enterprises: ({ uscc: string; name: string; envCreditEvents: { id: string }[] } | null)[] }>(
      second.url,
      EVENTS,
      { usccs: [...new Set(acknowledged.map((write) => write.uscc)), ...imported] },
      'demo-env-admin',
    );
    const stored = new Set(after.data!.enterprises.flatMap((enterprise) => enterprise?.envCreditEvents?.map((event) => `${enterprise.uscc}/${event.id}`) ?? []));
    expect(acknowledged.filter((write) => !stored.has(`${write.uscc}/${write.id}`))).toEqual([]);
    expect(after.data!.enterprises.filter((enterprise) => enterprise === null)).toEqual([]);
    second.hub.signal('SIGTERM');
    expect((await second.hub.exited).code).toBe(0);
  }, 300_000);

  it('lets only one server own a data directory: a second start attaches to the first', async () => {
    const first = await startHubProcess();
    const second = await startHubProcess();
    expect(second.hub.output()).toMatch(/embedded PostgreSQL attached/);
    // Either hub may stop first; the server stays up until the last one leaves.
    first.hub.signal('SIGTERM');
    expect((await first.hub.exited).code).toBe(0);
    const answer = await graphql<{ enterprise: { uscc: string } | null }>(second.url, `{ enterprise(uscc: "91320700MA1Q3K7P2H") { uscc } }`, {}, 'demo-env-admin');
    expect(answer.data?.enterprise?.uscc).toBe('91320700MA1Q3K7P2H');
    second.hub.signal('SIGTERM');
    expect((await second.hub.exited).code).toBe(0);
    expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
  }, 180_000);
});
