import 'reflect-metadata';
import autocannon from 'autocannon';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { StatementCounter } from '../src/shared/database';
import { loadConfig } from '../src/shared/config';
import { setLogLevel } from '../src/shared/logging';
import { startHub } from '../src/hub/hub';
import { MAX_SEED_ENTERPRISES, seedEnterprises } from '../src/hub/demo-seed';
import { scratchDatabase } from './scratch-database';

/**
 * `npm run bench`: the hub's partner paths under load, each next to a floor measured in the same run
 * on the same machine (bench/floor.ts: a bare node:http server with a pg pool answering the same
 * question with one SQL statement). Ratios, not absolute times, are comparable across machines;
 * nothing here is asserted by `npm test`.
 *
 * 1. A scratch database is seeded with `seedEnterprises` (COPY): BENCH_ENTERPRISES subjects (default
 *    100,000) with about 10 events each.
 * 2. SQL statements per request: each scenario's request is sent a few times to an in-process hub and
 *    StatementCounter counts what the hub sent (the departments' data, the gateway's own).
 * 3. Load: the hub runs as `ecocredit start` in a child process (production path: permissions,
 *    purpose checks, rate limiting with a limit too high to trip, the audit trail; HUB_WORKERS
 *    processes, default 2), the floor as another child process, and autocannon drives each in turn.
 *
 * BENCH_DATABASE_URL / TEST_DATABASE_URL: server for the scratch database (default: embedded);
 * BENCH_SECONDS per scenario (default 10); BENCH_ONLY: comma-separated scenario names;
 * BENCH_CPU_PROF=1: the hub's workers write V8 CPU profiles into bench/results/profiles/.
 * Prints a table and writes bench/results/bench-<date>.json with the machine's description.
 */
const enterprises = Number(process.env.BENCH_ENTERPRISES ?? 100_000);
// The seeder's range: up to the 1,000,000-subject tier (issue 21 §5).
if (!Number.isInteger(enterprises) || enterprises < 1 || enterprises > MAX_SEED_ENTERPRISES) {
  console.error(`BENCH_ENTERPRISES must be a whole number from 1 to ${MAX_SEED_ENTERPRISES}, got ${process.env.BENCH_ENTERPRISES}`);
  process.exit(2);
}
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const workers = Number(process.env.HUB_WORKERS ?? 2);
const only = process.env.BENCH_ONLY?.split(',').filter(Boolean);
/** The bank path's measurements (measureBankPath): unmeasured requests before each, and the idle reading just before it. */
const warmUpSeconds = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);
const idleSeconds = Number(process.env.BENCH_IDLE_SECONDS ?? 3);

interface Call {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

interface Scenario {
  name: string;
  /** Connections autocannon keeps busy. */
  connections: number;
  /** The hub's request number `i` (GraphQL over POST /graphql). */
  hub: (i: number) => Call;
  /** The same question to the floor. */
  floor: (i: number) => Call;
  /** A target stated in issue #10, checked against this run's figures. */
  target?: { text: string; met: (hub: Measured, floor: Measured) => boolean };
}

interface Measured {
  perSecond: number;
  p50: number;
  p99: number;
  requests: number;
  failures: number;
}

const BANK = { authorization: 'Bearer demo-bank', 'x-access-purpose': 'LOAN_APPLICATION' };
const ENV_ADMIN = { authorization: 'Bearer demo-env-admin' };
const DASHBOARD = { authorization: 'Bearer demo-dashboard' };
const BANK_FIELDS = 'uscc name envCredit { color } creditRestriction { level restricted }';
/** Every field CONTRACT.md names on Enterprise, as the agency (ENV_ADMIN) sees it. */
const FULL_VIEW = `query FullView($u: USCC!) { enterprise(uscc: $u) {
  uscc name districtCode registrationStatus industryCode enterpriseType registeredCapital registeredOn address legalRepresentative
  envCredit { color score ratedOn }
  envCreditEvents { id type occurredOn points validUntil decisionNo }
  marketListings { listType reason authority documentNo listedOn removedOn }
  creditListings { listType reason authority documentNo listedOn removedOn }
  publicPenaltyRecords { decisionNo penaltyCategory fineAmount decidedOn authority }
  dishonestDebtorRecords { caseNo court publishedOn }
  jointMeasures { measure { code name nature implementingAgency legalBasis } reason since }
  creditRestriction { level restricted basis since greenCreditPriority }
  sewageFee { surchargePerCubicMetre period basis }
  electricitySurcharge { surchargePerKwh period basis }
} }`;

function graphql(query: string, variables: Record<string, unknown>, headers: Record<string, string>): Call {
  return { method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) };
}

function scenarios(codes: string[], today: string): Scenario[] {
  const pick = (i: number) => codes[(i * 104_729) % codes.length];
  const batch = codes.slice(0, 1000);
  const batchBody = JSON.stringify(batch);
  // Writes go to subjects the reads do not pick first, one after another.
  const writer = (i: number) => codes[codes.length - 1 - (i % codes.length)];
  const all: Scenario[] = [
    {
      name: 'bank check, one subject',
      connections: 16,
      hub: (i) => graphql(`query BankCheck($u: USCC!) { enterprise(uscc: $u) { ${BANK_FIELDS} } }`, { u: pick(i) }, BANK),
      floor: (i) => ({ method: 'GET', path: `/bank?u=${pick(i)}` }),
      target: { text: 'req/s >= 0.5 x floor', met: (hub, floor) => hub.perSecond >= 0.5 * floor.perSecond },
    },
    {
      name: 'bank batch of 1000, one connection',
      connections: 1,
      hub: () => graphql(`query BankBatch($u: [USCC!]!) { enterprises(usccs: $u) { ${BANK_FIELDS} } }`, { u: batch }, BANK),
      floor: () => ({ method: 'POST', path: '/batch', headers: { 'content-type': 'application/json' }, body: batchBody }),
      target: { text: 'p50 <= 150 ms', met: (hub) => hub.p50 <= 150 },
    },
    {
      name: 'agency full view of one subject',
      connections: 16,
      hub: (i) => graphql(FULL_VIEW, { u: pick(i) }, ENV_ADMIN),
      floor: (i) => ({ method: 'GET', path: `/full?u=${pick(i)}` }),
    },
    {
      name: 'colorDistribution by district',
      connections: 4,
      hub: () => graphql(`{ colorDistribution(groupBy: DISTRICT) { group color count } }`, {}, DASHBOARD),
      floor: () => ({ method: 'GET', path: '/distribution?by=district' }),
      target: { text: 'p50 <= 100 ms', met: (hub) => hub.p50 <= 100 },
    },
    {
      name: 'colorDistribution by industry',
      connections: 4,
      hub: () => graphql(`{ colorDistribution(groupBy: INDUSTRY) { group color count } }`, {}, DASHBOARD),
      floor: () => ({ method: 'GET', path: '/distribution?by=industry' }),
      target: { text: 'p50 <= 100 ms', met: (hub) => hub.p50 <= 100 },
    },
    {
      name: 'recordCreditEvent',
      connections: 16,
      hub: (i) =>
        graphql(
          `mutation Record($input: RecordCreditEventInput!) { recordCreditEvent(input: $input) { event { id } ratingAfter { color score } } }`,
          { input: { uscc: writer(i), type: 'WARNING', occurredOn: today, description: 'bench' } },
          ENV_ADMIN,
        ),
      floor: (i) => ({ method: 'POST', path: '/event', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ uscc: writer(i) }) }),
      target: { text: '>= 300 events/s', met: (hub) => hub.perSecond >= 300 },
    },
    {
      name: 'measureSubjects BANK_CREDIT_STOP (BLACK)',
      connections: 4,
      hub: () => graphql(`{ measureSubjects(code: "BANK_CREDIT_STOP") { uscc name } }`, {}, BANK),
      floor: () => ({ method: 'GET', path: '/measure?color=BLACK' }),
    },
  ];
  return all.filter((scenario) => !only || only.some((name) => scenario.name.startsWith(name)));
}

/**
 * Issue 21's reads: each dashboard card's query (as web/dashboard asks it), search by name and
 * `totalCount` under four filters. Each is sent one at a time, BENCH_READ_ROUNDS times (default 5),
 * to the hub and to the floor's hand-written SQL doing the same work (bench/floor.ts, READS), and
 * reported as p50/p95 of both and their ratio. A read the hub refuses or fails counts as a failure
 * with its error code (a card over the request deadline answers QUERY_TOO_COMPLEX).
 */
interface ReadScenario {
  name: string;
  hub: Call;
  floor: Call;
  /** Issue 21's target for the hub's p50 at 100,000 subjects. */
  targetMs: number;
}

const readRounds = Number(process.env.BENCH_READ_ROUNDS ?? 5);
const readTimeoutMs = Number(process.env.BENCH_READ_TIMEOUT_MS ?? 120_000);

function readScenarios(today: string, district: string, industry: string): ReadScenario[] {
  const floorRead = (name: string, params: Record<string, string> = {}): Call => ({ method: 'GET', path: `/read?${new URLSearchParams({ name, on: today, ...params }).toString()}` });
  const year = Number(today.slice(0, 4));
  const half = Number(today.slice(5, 7)) > 6 ? { period: `${year}-H2`, snapshotDay: `${year}-06-30` } : { period: `${year}-H1`, snapshotDay: `${year - 1}-12-31` };
  const lastYear = new Date(Date.parse(today) - 365 * 86_400_000).toISOString().slice(0, 10);
  // The agency's search (ENV_ADMIN): DASHBOARD may not filter by listing.
  const count = (filter: string) => graphql(`query Count($f: EnterpriseFilter) { searchEnterprises(filter: $f, first: 1) { totalCount } }`, { f: JSON.parse(filter) }, ENV_ADMIN);
  const all: ReadScenario[] = [
    { name: 'card colorDistribution DISTRICT', hub: graphql('query D($asOf: Date) { colorDistribution(asOf: $asOf, groupBy: DISTRICT) { group groupName color count } }', { asOf: today }, DASHBOARD), floor: { method: 'GET', path: '/distribution?by=district' }, targetMs: 1000 },
    { name: 'card colorDistribution INDUSTRY', hub: graphql('query D($asOf: Date) { colorDistribution(asOf: $asOf, groupBy: INDUSTRY) { group groupName color count } }', { asOf: today }, DASHBOARD), floor: { method: 'GET', path: '/distribution?by=industry' }, targetMs: 1000 },
    { name: 'card colorTrend 24 months', hub: graphql('query T($asOf: Date) { colorTrend(asOf: $asOf, months: 24) { on color count } }', { asOf: today }, DASHBOARD), floor: floorRead('trend'), targetMs: 1000 },
    { name: 'card colorChanges 30 days', hub: graphql('query C($to: Date) { colorChanges(to: $to) { enterprise { uscc name districtCode } districtCode colorBefore colorAfter } }', { to: today }, DASHBOARD), floor: floorRead('changes'), targetMs: 1000 },
    {
      name: 'card measureFeedbackRollup 1 year',
      hub: graphql('query R($from: Date, $to: Date) { measureFeedbackRollup(from: $from, to: $to) { measure { code name implementingAgency } agency subjectsDue subjectsReported } }', { from: lastYear, to: today }, DASHBOARD),
      floor: floorRead('rollup'),
      targetMs: 1000,
    },
    { name: 'card recentInspectionDraws', hub: graphql('{ recentInspectionDraws(last: 10) { id drawnAt asOf districtCode populationSize reproducible strata { color population selected } } }', {}, DASHBOARD), floor: floorRead('draws'), targetMs: 1000 },
    {
      name: `card priceSurcharges totalCount ${half.period}`,
      hub: graphql('query S($period: String!) { priceSurcharges(period: $period, first: 1) { totalCount } }', { period: half.period }, DASHBOARD),
      floor: floorRead('surcharges', { snapshotDay: half.snapshotDay }),
      targetMs: 1000,
    },
    {
      name: 'card colorBucketSubjects (drill-down)',
      hub: graphql('query B($asOf: Date, $g: String!) { colorBucketSubjects(asOf: $asOf, groupBy: DISTRICT, group: $g, color: YELLOW, first: 1000) { uscc name districtCode } }', { asOf: today, g: district }, DASHBOARD),
      floor: floorRead('bucket', { district, color: 'YELLOW' }),
      targetMs: 1000,
    },
    // PUBLIC (no key): rated subjects only, every match (issue 21 §2).
    { name: 'search public findEnterprises 化工', hub: graphql('query F($t: String!) { findEnterprises(text: $t, first: 20) { uscc name districtCode } }', { t: '化工' }, {}), floor: floorRead('publicFind', { text: '化工' }), targetMs: 300 },
    { name: 'search by name 化工', hub: graphql('query N($f: EnterpriseFilter) { searchEnterprises(filter: $f, first: 50) { edges { node { uscc name districtCode } } } }', { f: { nameContains: '化工' } }, DASHBOARD), floor: floorRead('searchByName', { text: '化工' }), targetMs: 300 },
    { name: 'totalCount, no filter', hub: count('null'), floor: floorRead('countAll'), targetMs: 200 },
    { name: 'totalCount, colors RED BLACK', hub: count('{"colors":["RED","BLACK"]}'), floor: floorRead('countColors', { colors: 'RED,BLACK' }), targetMs: 200 },
    { name: 'totalCount, district + YELLOW', hub: count(JSON.stringify({ districtCode: district, color: 'YELLOW' })), floor: floorRead('countDistrictColor', { district, color: 'YELLOW' }), targetMs: 200 },
    { name: 'totalCount, PUBLIC name 化工', hub: graphql('query P($f: EnterpriseFilter) { searchEnterprises(filter: $f, first: 1) { totalCount } }', { f: { nameContains: '化工' } }, {}), floor: floorRead('countPublicName', { text: '化工' }), targetMs: 200 },
    { name: 'totalCount, industry + RED', hub: count(JSON.stringify({ industryCode: industry, color: 'RED' })), floor: floorRead('countIndustryColor', { industry, color: 'RED' }), targetMs: 200 },
    { name: 'totalCount, listed', hub: count('{"listed":true}'), floor: floorRead('countListed'), targetMs: 200 },
  ];
  return all.filter((scenario) => !only || only.some((name) => scenario.name.startsWith(name)));
}

/** Nearest-rank percentile of `sorted` (ascending). */
const percentile = (sorted: readonly number[], p: number) => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]);

/** One read sent `readRounds` times in a row: milliseconds of the answered ones, and the codes of those that failed. */
async function timeRead(base: string, call: Call): Promise<{ ms: number[]; failures: string[] }> {
  const ms: number[] = [];
  const failures: string[] = [];
  for (let round = 0; round < readRounds; round++) {
    const started = performance.now();
    try {
      const response = await fetch(base + call.path, { method: call.method, headers: call.headers, body: call.body, signal: AbortSignal.timeout(readTimeoutMs) });
      const text = await response.text();
      if (response.status !== 200 || text.includes('"errors"')) {
        failures.push(/"code":"([A-Z_]+)"/.exec(text)?.[1] ?? `HTTP ${response.status}`);
        continue;
      }
      ms.push(performance.now() - started);
    } catch (error) {
      failures.push((error as Error).name === 'TimeoutError' ? `no answer in ${readTimeoutMs} ms` : String(error));
    }
  }
  return { ms: ms.sort((a, b) => a - b), failures };
}

async function measureReads(hubBase: string, floorBase: string, list: ReadScenario[]): Promise<Record<string, unknown>[]> {
  const rows: Record<string, unknown>[] = [];
  for (const scenario of list) {
    const floor = await timeRead(floorBase, scenario.floor);
    const hub = await timeRead(hubBase, scenario.hub);
    const hubP50 = percentile(hub.ms, 50);
    rows.push({
      read: scenario.name,
      'hub p50 ms': Math.round(hubP50),
      'hub p95 ms': Math.round(percentile(hub.ms, 95)),
      'floor p50 ms': Math.round(percentile(floor.ms, 50)),
      'floor p95 ms': Math.round(percentile(floor.ms, 95)),
      'p50 hub / floor': +(hubP50 / percentile(floor.ms, 50)).toFixed(2),
      failures: [...hub.failures, ...floor.failures.map((f) => `floor: ${f}`)].join(', '),
      target: `p50 <= ${scenario.targetMs} ms: ${hub.failures.length === 0 && hubP50 <= scenario.targetMs ? 'met' : 'NOT met'}`,
    });
  }
  return rows;
}

/**
 * Issue 21's mixed load: BENCH_MIXED_CLIENTS connections (default 50) for BENCH_MIXED_SECONDS (default
 * 120), every fifth request a write (recordCreditEvent on a subject the reads do not pick first) and
 * the others reads in turn: the bank check, the agency's full view, the public search (PUBLIC, no key),
 * the agency's search by district with its totalCount, and the dashboard's colour distribution. Reports
 * p50/p99 over all requests and over each kind, failures, and the hub's resident memory (each process's
 * VmRSS: the primary and its workers) before and after; the target is issue 21's: p99 <= 500 ms, no
 * failure, RSS growth <= 100 MB (the largest growth of one process).
 */
const mixedClients = Number(process.env.BENCH_MIXED_CLIENTS ?? 50);
const mixedSeconds = Number(process.env.BENCH_MIXED_SECONDS ?? 120);

/** Resident memory (VmRSS, MiB) of a process and of each of its direct children (the cluster's workers), by pid. */
function rssMiB(pid: number): Map<number, number> {
  const sizes = new Map<number, number>();
  for (const id of [pid, ...childrenOf(pid)]) {
    try {
      sizes.set(id, Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${id}/status`, 'utf8'))?.[1] ?? 0) / 1024);
    } catch {
      // a process that ended
    }
  }
  return sizes;
}

async function measureMixed(hubBase: string, hubPid: number, codes: string[], today: string, district: string): Promise<Record<string, unknown>> {
  const pick = (i: number) => codes[(i * 15_485_863) % codes.length];
  const writer = (i: number) => codes[codes.length - 1 - ((i * 7) % codes.length)];
  const kinds: { name: string; build: (i: number) => Call }[] = [
    { name: 'bank check', build: (i) => graphql(`query BankCheck($u: USCC!) { enterprise(uscc: $u) { ${BANK_FIELDS} } }`, { u: pick(i) }, BANK) },
    {
      name: 'recordCreditEvent (write)',
      build: (i) =>
        graphql(
          `mutation Record($input: RecordCreditEventInput!) { recordCreditEvent(input: $input) { event { id } ratingAfter { color score } } }`,
          { input: { uscc: writer(i), type: 'WARNING', occurredOn: today, description: 'bench mixed' } },
          ENV_ADMIN,
        ),
    },
    { name: 'agency full view', build: (i) => graphql(FULL_VIEW, { u: pick(i) }, ENV_ADMIN) },
    { name: 'public findEnterprises', build: (i) => graphql('query F($t: String!) { findEnterprises(text: $t, first: 20) { uscc name } }', { t: ['化工', '科技', '纺织', '食品'][i % 4] }, {}) },
    {
      name: 'agency search + totalCount',
      build: (i) =>
        graphql('query S($f: EnterpriseFilter) { searchEnterprises(filter: $f, first: 20) { totalCount edges { node { uscc name } } } }', { f: { districtCode: district, color: ['RED', 'YELLOW', 'BLUE', 'GREEN'][i % 4] } }, ENV_ADMIN),
    },
    { name: 'colorDistribution', build: () => graphql('{ colorDistribution(groupBy: DISTRICT) { group color count } }', {}, DASHBOARD) },
  ];
  // Request i: a write when i % 5 == 1 (20%), else one of the reads in turn (80%).
  const kindOf = (i: number) => (i % 5 === 1 ? 1 : [0, 2, 3, 4, 5][Math.floor(i / 5) % 5] ?? 0);
  for (const kind of kinds) await send(hubBase, kind.build(9_000_000));
  const before = rssMiB(hubPid);
  const perKind = kinds.map(() => ({ ms: [] as number[], failures: 0 }));
  let next = 0;
  let failures = 0;
  const failureSamples = new Set<string>();
  const started = new Map<object, { kind: number; at: number }>();
  const result = await autocannon({
    url: hubBase,
    connections: mixedClients,
    duration: mixedSeconds,
    requests: [
      {
        setupRequest: (request, context) => {
          const i = next++;
          const kind = kindOf(i);
          started.set(context, { kind, at: performance.now() });
          return { ...request, ...kinds[kind].build(i) };
        },
        onResponse: (status, body, context) => {
          const start = started.get(context);
          if (start) perKind[start.kind].ms.push(performance.now() - start.at);
          if (status !== 200 || body.includes('"errors"')) {
            failures++;
            if (start) perKind[start.kind].failures++;
            if (failureSamples.size < 5) failureSamples.add(`${status} ${/"code":"([A-Z_]+)"/.exec(body)?.[1] ?? body.slice(0, 120)}`);
          }
        },
      },
    ],
  });
  const after = rssMiB(hubPid);
  const growth = Math.max(0, ...[...after].map(([pid, mib]) => mib - (before.get(pid) ?? mib)));
  const total = failures + result.errors + result.timeouts;
  const row = {
    scenario: `mixed load, ${mixedClients} clients, ${mixedSeconds} s, 80% reads / 20% writes`,
    requests: result.requests.total,
    'req/s': Math.round(result.requests.total / result.duration),
    'p50 ms': result.latency.p50,
    'p99 ms': result.latency.p99,
    failures: total,
    // Of those: no answer within autocannon's 10 s, and connection errors (the rest answered an error).
    'of which timeouts': result.timeouts,
    'of which connection errors': result.errors,
    'RSS before MiB': Math.round(Math.max(...before.values())),
    'RSS after MiB': Math.round(Math.max(...after.values())),
    'RSS growth MiB (largest of one process)': Math.round(growth),
    target: `p99 <= 500 ms, no failure, RSS growth <= 100 MB: ${result.latency.p99 <= 500 && total === 0 && growth <= 100 ? 'met' : 'NOT met'}`,
  };
  const kindsRows = kinds.map((kind, k) => {
    const ms = perKind[k].ms.sort((a, b) => a - b);
    return { request: kind.name, answered: ms.length, 'p50 ms': Math.round(percentile(ms, 50)), 'p99 ms': Math.round(percentile(ms, 99)), failures: perKind[k].failures };
  });
  console.table([row]);
  console.table(kindsRows);
  return { ...row, kinds: kindsRows, failureSamples: [...failureSamples] };
}

/** Starts a child process and resolves with the first stdout line matching `ready`. */
function startChild(command: string[], env: NodeJS.ProcessEnv, ready: RegExp): Promise<{ child: ChildProcess; match: RegExpMatchArray }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, command, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    let seen = '';
    child.stdout.on('data', (chunk: Buffer) => {
      seen += chunk.toString('utf8');
      const match = seen.match(ready);
      if (match) resolve({ child, match });
    });
    child.once('exit', (code) => reject(new Error(`${command.join(' ')} exited with ${code} before it was ready:\n${seen}`)));
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** The direct children of a process (the cluster's workers); none where /proc does not say (not Linux). */
function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** Peak resident set (VmHWM, MiB) of a process and its direct children (the cluster's workers). */
function peakRssMiB(pid: number): number {
  const hwm = (id: number) => {
    try {
      return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${id}/status`, 'utf8'))?.[1] ?? 0) / 1024;
    } catch {
      return 0;
    }
  };
  return Math.round(Math.max(hwm(pid), ...childrenOf(pid).map(hwm)));
}

async function load(base: string, scenario: Scenario, side: 'hub' | 'floor'): Promise<Measured> {
  return drive(base, scenario.connections, side === 'hub' ? scenario.hub : scenario.floor);
}

/** Keeps `connections` connections busy for BENCH_SECONDS with the calls `build` makes. */
async function drive(base: string, connections: number, build: (i: number) => Call, duration = seconds): Promise<Measured> {
  let next = 0;
  let failures = 0;
  const result = await autocannon({
    url: base,
    connections,
    duration,
    requests: [
      {
        setupRequest: (request) => ({ ...request, ...build(next++) }),
        onResponse: (status, body) => {
          if (status !== 200 || body.includes('"errors"')) failures++;
        },
      },
    ],
  });
  return {
    perSecond: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    failures: failures + result.errors + result.timeouts,
  };
}

async function send(base: string, call: Call): Promise<string> {
  const response = await fetch(base + call.path, { method: call.method, headers: call.headers, body: call.body });
  const text = await response.text();
  if (response.status !== 200 || text.includes('"errors"')) throw new Error(`${call.path} answered ${response.status}: ${text.slice(0, 300)}`);
  return text;
}

async function main(): Promise<void> {
  setLogLevel('warn');
  const loadAverageAtStart = loadavg().map((n) => +n.toFixed(2));
  const database = await scratchDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'ecocredit-bench-hub-'));
  const children: ChildProcess[] = [];
  try {
    const config = { ...loadConfig({}), databaseUrl: database.url, port: 0, demo: true, dataDir };
    const hub = await startHub({ config, seedDemo: false });
    const seedStarted = Date.now();
    await seedEnterprises(hub.sources, { enterprises, eventsPerSubject: 10 });
    const seedSeconds = (Date.now() - seedStarted) / 1000;
    const pool = new Pool({ connectionString: database.url, max: 1 });
    const codes = (await pool.query<{ uscc: string }>(`SELECT uscc FROM environment.rated_subject ORDER BY uscc`)).rows.map((r) => r.uscc);
    const events = Number((await pool.query<{ n: string }>(`SELECT count(*) AS n FROM environment.credit_event`)).rows[0].n);
    await pool.query('VACUUM ANALYZE');
    await pool.end();
    const today = new Date().toISOString().slice(0, 10);
    const list = scenarios(codes, today);
    const readPool = new Pool({ connectionString: database.url, max: 1 });
    const busiestDistrict = (await readPool.query<{ d: string }>(`SELECT district_code AS d FROM environment.rated_subject GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`)).rows[0]?.d ?? '';
    const busiestIndustry = (await readPool.query<{ i: string }>(`SELECT industry_code AS i FROM market.registration WHERE industry_code IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`)).rows[0]?.i ?? '';
    await readPool.end();
    const reads = readScenarios(today, busiestDistrict, busiestIndustry);

    // SQL statements per request, in-process (the counter lives in the process that sends them).
    const base = hub.url.replace(/\/graphql$/, '');
    const statements: Record<string, { data: number; total: number }> = {};
    const DATA = ['environment', 'market', 'credit', 'finance', 'snapshot'] as const;
    for (const scenario of list) {
      await send(base, scenario.hub(1_000_000)); // warm-up: plans, key cache
      const before = { data: StatementCounter.total(DATA), total: StatementCounter.total() };
      const rounds = 3;
      for (let i = 0; i < rounds; i++) await send(base, scenario.hub(i + 1_000_001));
      statements[scenario.name] = {
        data: (StatementCounter.total(DATA) - before.data) / rounds,
        total: (StatementCounter.total() - before.total) / rounds,
      };
    }
    await hub.stop();

    const built = join(__dirname, '..');
    const hubEnv = {
      DATABASE_URL: database.url,
      HUB_DEMO: '1',
      HUB_DATA_DIR: dataDir,
      PORT: '0',
      LOG_LEVEL: 'warn',
      HUB_WORKERS: String(workers),
      // The limit is on (every request is counted) but too high to trip: the benchmark measures the path.
      HUB_RATE_LIMIT: '1000000000',
    };
    // Node refuses --cpu-prof in NODE_OPTIONS; as a flag of the primary it reaches the cluster's workers (execArgv).
    const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${join(__dirname, '..', '..', 'bench', 'results', 'profiles')}`] : [];
    const hubProcess = await startChild([...profile, '--max-semi-space-size=64', join(built, 'src', 'cli', 'main.js'), 'start'], hubEnv, /ecocredit hub: (http:\/\/\S+)\/graphql/);
    children.push(hubProcess.child);
    const floorProcess = await startChild([join(built, 'bench', 'floor.js')], { DATABASE_URL: database.url, FLOOR_POOL: '10' }, /floor: (\d+)/);
    children.push(floorProcess.child);
    const hubBase = hubProcess.match[1];
    const floorBase = `http://localhost:${floorProcess.match[1]}`;

    const rows: Record<string, unknown>[] = [];
    for (const scenario of list) {
      // Both answer before they are measured (a wrong request would measure the error path).
      await send(hubBase, scenario.hub(2_000_000));
      await send(floorBase, scenario.floor(2_000_000));
      const floor = await load(floorBase, scenario, 'floor');
      const measured = await load(hubBase, scenario, 'hub');
      rows.push({
        scenario: scenario.name,
        connections: scenario.connections,
        'hub req/s': Math.round(measured.perSecond),
        'floor req/s': Math.round(floor.perSecond),
        ratio: +(measured.perSecond / floor.perSecond).toFixed(3),
        'hub p50 ms': measured.p50,
        'hub p99 ms': measured.p99,
        'floor p50 ms': floor.p50,
        'floor p99 ms': floor.p99,
        'SQL/request (data)': statements[scenario.name].data,
        'SQL/request (all)': statements[scenario.name].total,
        'hub peak RSS MiB': peakRssMiB(hubProcess.child.pid!),
        failures: measured.failures + floor.failures,
        target: scenario.target ? `${scenario.target.text}: ${scenario.target.met(measured, floor) ? 'met' : 'NOT met'}` : '',
      });
    }
    console.table(rows);
    const readRows = await measureReads(hubBase, floorBase, reads);
    if (readRows.length > 0) console.table(readRows);
    const mixed = !only || only.some((name) => name.startsWith('mixed')) ? await measureMixed(hubBase, hubProcess.child.pid!, codes, today, busiestDistrict) : undefined;
    const runBankPath = !only || only.some((name) => name.startsWith('bank'));
    const bankPath = runBankPath
      ? await measureBankPath({
          codes,
          hubBase,
          hubPid: hubProcess.child.pid!,
          floorBase,
          floorPid: floorProcess.child.pid!,
          stopHub: () => stopChild(hubProcess.child),
          distributed: { databaseUrl: database.url, dataDir, hubEnv, nodeArgs: [...profile, '--max-semi-space-size=64'], main: join(built, 'src', 'cli', 'main.js') },
        })
      : undefined;
    const now = new Date();
    const report = {
      date: now.toISOString(),
      command: `BENCH_ENTERPRISES=${enterprises} BENCH_SECONDS=${seconds} HUB_WORKERS=${workers} npm run bench`,
      machine: {
        cpus: cpus().length,
        loadAverageAtStart,
        model: cpus()[0]?.model,
        memoryGiB: Math.round(totalmem() / 2 ** 30),
        loadAverageAtEnd: loadavg().map((n) => +n.toFixed(2)),
        node: process.version,
        platform: `${process.platform} ${process.arch}`,
        postgres: 'PostgreSQL on the same machine (BENCH_DATABASE_URL / TEST_DATABASE_URL, or embedded)',
      },
      data: { enterprises: codes.length, events, seedSeconds: +seedSeconds.toFixed(1) },
      hubWorkers: workers,
      seconds,
      results: rows,
      reads: { rounds: readRounds, rows: readRows },
      ...(mixed ? { mixed } : {}),
      ...(bankPath ? { bankPath } : {}),
    };
    const folder = join(__dirname, '..', '..', 'bench', 'results');
    mkdirSync(folder, { recursive: true });
    const file = join(folder, `bench-${now.toISOString().slice(0, 19).replace(/:/g, '-')}.json`);
    writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
    console.log(`written: ${file}`);
  } finally {
    for (const child of children) await stopChild(child);
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

// ---------------------------------------------------------------------------------------------
// The bank path (issues 21 §3, §6 and 22 §4): the bank check and the batch of 1000 against both
// floors (the one-join floor and the hand-written federated floor of bench/federated-floor.ts), and
// the CPU per request of the hub all-in-one (one process per worker) and distributed (a gateway and
// the four departments each as its own process, over HTTP with signed tokens), in the same run.
// ---------------------------------------------------------------------------------------------

const CLOCK_TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** CPU seconds (user + system) that `pid` and its children (a cluster's workers) have used so far, from /proc. */
function cpuSeconds(pid: number): number {
  const ticks = (id: number) => {
    try {
      // Fields after the command name (which may hold spaces): state is the 3rd field, utime the 14th, stime the 15th.
      const fields = readFileSync(`/proc/${id}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
      return Number(fields[11]) + Number(fields[12]);
    } catch {
      return 0;
    }
  };
  const children = childrenOf(pid);
  return [pid, ...children].reduce((sum, id) => sum + ticks(id), 0) / CLOCK_TICKS_PER_SECOND;
}

/**
 * CPU seconds (user + system) used so far by the PostgreSQL backends serving `databaseName`, by pid
 * (pg_stat_activity; /proc, so only for a server on this machine: empty otherwise).
 */
async function backendCpuSeconds(pool: Pool, databaseName: string): Promise<Map<number, number>> {
  const { rows } = await pool.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [databaseName]);
  const seconds = new Map<number, number>();
  for (const { pid } of rows) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
      seconds.set(pid, (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND);
    } catch {
      // another machine's server, or a backend that just ended
    }
  }
  return seconds;
}

/** What PostgreSQL's backends of the scratch database spent between two `backendCpuSeconds` readings (backends that ended meanwhile are missed). */
function backendSpent(before: Map<number, number>, after: Map<number, number>): number {
  let spent = 0;
  for (const [pid, seconds] of after) spent += seconds - (before.get(pid) ?? 0);
  return spent;
}

interface CpuMeasured extends Measured {
  /** CPU ms per request of the side's own processes (the hub's or the floor's, workers and departments included). */
  cpuMsPerRequest: number;
  /** The same less what those processes spend with no request (idle, measured just before), spread over the requests answered. */
  netCpuMsPerRequest: number;
  /** CPU ms per request of the PostgreSQL backends serving the scratch database (null when the server is not on this machine). */
  postgresCpuMsPerRequest: number | null;
}

/**
 * `drive`, with the CPU that the processes `pids` (and their workers) and PostgreSQL's backends spent
 * per request, in ms. The processes first settle, idle (measured over `BENCH_IDLE_SECONDS`), then
 * answer `BENCH_WARMUP_SECONDS` of the same requests unmeasured (JIT, pools, plans, caches), so that
 * both topologies are measured in the same state: warm, with every worker up.
 */
async function driveWithCpu(base: string, connections: number, build: (i: number) => Call, pids: number[], postgres: PostgresProbe): Promise<CpuMeasured> {
  await settled(pids);
  await drive(base, connections, (i) => build(5_000_000 + i), warmUpSeconds);
  const idleMsPerSecond = await idleCpuMsPerSecond(pids, idleSeconds * 1000);
  const pgBefore = await backendCpuSeconds(postgres.pool, postgres.databaseName);
  const before = pids.reduce((sum, pid) => sum + cpuSeconds(pid), 0);
  const started = Date.now();
  const measured = await drive(base, connections, build);
  const spent = pids.reduce((sum, pid) => sum + cpuSeconds(pid), 0) - before;
  const elapsedSeconds = (Date.now() - started) / 1000;
  const pgAfter = await backendCpuSeconds(postgres.pool, postgres.databaseName);
  const requests = Math.max(1, measured.requests);
  return {
    ...measured,
    cpuMsPerRequest: +((spent * 1000) / requests).toFixed(3),
    netCpuMsPerRequest: +((spent * 1000 - idleMsPerSecond * elapsedSeconds) / requests).toFixed(3),
    postgresCpuMsPerRequest: pgAfter.size === 0 ? null : +((backendSpent(pgBefore, pgAfter) * 1000) / requests).toFixed(3),
  };
}

/** CPU ms per second that the processes `pids` spend over `ms` (with no request: timers, pools, a worker still starting). */
async function idleCpuMsPerSecond(pids: number[], ms: number): Promise<number> {
  const before = pids.reduce((sum, pid) => sum + cpuSeconds(pid), 0);
  await new Promise((resolve) => setTimeout(resolve, ms));
  return +(((pids.reduce((sum, pid) => sum + cpuSeconds(pid), 0) - before) * 1000) / (ms / 1000)).toFixed(1);
}

/** Resolves once the processes `pids` idle (under 20 CPU ms/s each over a second), or after a minute. */
async function settled(pids: number[]): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && (await idleCpuMsPerSecond(pids, 1_000)) > 20 * pids.length) {
    // still starting
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

interface DistributedOptions {
  databaseUrl: string;
  dataDir: string;
  hubEnv: Record<string, string>;
  nodeArgs: string[];
  main: string;
}

/** The four departments as their own processes (`ecocredit start <department>`) and a gateway calling them over HTTP. */
async function startDistributed(options: DistributedOptions): Promise<{ base: string; pids: number[]; children: ChildProcess[] }> {
  const departments = ['environment', 'market', 'credit', 'finance'] as const;
  const ports = await Promise.all(departments.map(() => freePort()));
  const urls = departments.map((department, i) => `${department}=http://127.0.0.1:${ports[i]}/graphql`).join(',');
  const shared = { DATABASE_URL: options.databaseUrl, HUB_SUBGRAPH_SECRET: randomBytes(32).toString('base64url'), HUB_SUBGRAPH_URLS: urls, LOG_LEVEL: 'warn' };
  const children: ChildProcess[] = [];
  try {
    for (const [i, department] of departments.entries()) {
      const env = { ...shared, PORT: String(ports[i]), HUB_SNAPSHOT_JOB_INTERVAL_MS: '0' };
      children.push((await startChild([...options.nodeArgs, options.main, 'start', department], env, /subgraph: http/)).child);
    }
    const gateway = await startChild([...options.nodeArgs, options.main, 'start', 'gateway'], { ...options.hubEnv, ...shared }, /ecocredit hub: (http:\/\/\S+)\/graphql/);
    children.push(gateway.child);
    return { base: gateway.match[1], pids: children.map((child) => child.pid!), children };
  } catch (error) {
    for (const child of children) await stopChild(child);
    throw error;
  }
}

interface PostgresProbe {
  /** A pool of one connection to the scratch database (never counted: its own backend is left out). */
  pool: Pool;
  databaseName: string;
}

interface BankPathOptions {
  codes: string[];
  hubBase: string;
  hubPid: number;
  floorBase: string;
  floorPid: number;
  /** Stops the all-in-one hub (measured first) before the distributed topology starts. */
  stopHub: () => Promise<void>;
  distributed: DistributedOptions;
}

async function measureBankPath(options: BankPathOptions): Promise<Record<string, unknown>> {
  const { codes } = options;
  const pick = (i: number) => codes[(i * 7_919 + 13) % codes.length];
  const batch = codes.slice(0, 1000);
  const batchBody = JSON.stringify(batch);
  const cases = [
    {
      name: 'bank check, one subject',
      connections: 16,
      hub: (i: number) => graphql(`query BankCheck($u: USCC!) { enterprise(uscc: $u) { ${BANK_FIELDS} } }`, { u: pick(i) }, BANK),
      oneJoin: (i: number): Call => ({ method: 'GET', path: `/bank?u=${pick(i)}` }),
      federated: (i: number): Call => ({ method: 'GET', path: `/federated/bank?u=${pick(i)}` }),
    },
    {
      name: 'bank batch of 1000, one connection',
      connections: 1,
      hub: () => graphql(`query BankBatch($u: [USCC!]!) { enterprises(usccs: $u) { ${BANK_FIELDS} } }`, { u: batch }, BANK),
      oneJoin: (): Call => ({ method: 'POST', path: '/batch', headers: { 'content-type': 'application/json' }, body: batchBody }),
      federated: (): Call => ({ method: 'POST', path: '/federated/batch', headers: { 'content-type': 'application/json' }, body: batchBody }),
    },
  ];
  // The all-in-one hub first, then (once it has stopped and closed its connections: the server's
  // max_connections is shared) the distributed topology on the same requests. Each measurement is
  // preceded by the same settling, warm-up and idle reading (driveWithCpu).
  const databaseName = new URL(options.distributed.databaseUrl).pathname.slice(1);
  const postgres: PostgresProbe = { pool: new Pool({ connectionString: options.distributed.databaseUrl, max: 1 }), databaseName };
  const allInOne: Record<string, CpuMeasured>[] = [];
  const rows: Record<string, unknown>[] = [];
  try {
    for (const c of cases) {
      await send(options.floorBase, c.federated(3_000_000));
      await send(options.hubBase, c.hub(3_000_000));
      allInOne.push({
        oneJoin: await driveWithCpu(options.floorBase, c.connections, c.oneJoin, [options.floorPid], postgres),
        federated: await driveWithCpu(options.floorBase, c.connections, c.federated, [options.floorPid], postgres),
        hub: await driveWithCpu(options.hubBase, c.connections, c.hub, [options.hubPid], postgres),
      });
    }
    await options.stopHub();
    const distributed = await startDistributed(options.distributed);
    try {
      for (const [i, c] of cases.entries()) {
        await send(distributed.base, c.hub(3_000_000));
        const apart = await driveWithCpu(distributed.base, c.connections, c.hub, distributed.pids, postgres);
        const { oneJoin, federated, hub } = allInOne[i];
        const ratio = (a: number | null, b: number | null) => (a === null || b === null ? null : +(a / b).toFixed(3));
        rows.push({
          scenario: c.name,
          connections: c.connections,
          'hub req/s': Math.round(hub.perSecond),
          'hub p50 ms': hub.p50,
          'hub p99 ms': hub.p99,
          'federated floor req/s': Math.round(federated.perSecond),
          'federated floor p50 ms': federated.p50,
          'one-join floor req/s': Math.round(oneJoin.perSecond),
          'one-join floor p50 ms': oneJoin.p50,
          'hub / federated floor': +(hub.perSecond / federated.perSecond).toFixed(3),
          'hub / one-join floor': +(hub.perSecond / oneJoin.perSecond).toFixed(3),
          'hub CPU ms/request': hub.cpuMsPerRequest,
          'distributed req/s': Math.round(apart.perSecond),
          'distributed p50 ms': apart.p50,
          'distributed CPU ms/request': apart.cpuMsPerRequest,
          'distributed / all-in-one CPU': ratio(apart.cpuMsPerRequest, hub.cpuMsPerRequest),
          // Less what each side spends with no request (timers, pollers, pools), which a loaded machine's low req/s spreads over few requests.
          'hub CPU ms/request, net of idle': hub.netCpuMsPerRequest,
          'distributed CPU ms/request, net of idle': apart.netCpuMsPerRequest,
          'distributed / all-in-one CPU, net of idle': ratio(apart.netCpuMsPerRequest, hub.netCpuMsPerRequest),
          // PostgreSQL's side of the same requests (not in the figures above): the snapshots and statements each topology sends.
          'hub PostgreSQL CPU ms/request': hub.postgresCpuMsPerRequest,
          'distributed PostgreSQL CPU ms/request': apart.postgresCpuMsPerRequest,
          'federated floor CPU ms/request': federated.cpuMsPerRequest,
          'federated floor PostgreSQL CPU ms/request': federated.postgresCpuMsPerRequest,
          failures: hub.failures + apart.failures + federated.failures + oneJoin.failures,
          targets: [
            c.connections === 1 ? `p50 <= 50 ms: ${hub.p50 <= 50 ? 'met' : 'NOT met'}` : `req/s >= 1.0 x federated floor: ${hub.perSecond >= federated.perSecond ? 'met' : 'NOT met'}`,
            `distributed CPU <= 1.5 x all-in-one: ${apart.cpuMsPerRequest <= 1.5 * hub.cpuMsPerRequest ? 'met' : 'NOT met'}`,
          ].join('; '),
        });
      }
    } finally {
      for (const child of distributed.children) await stopChild(child);
    }
  } finally {
    await postgres.pool.end();
  }
  // One row per line: the table is too wide for a terminal.
  for (const row of rows) console.table(row);
  return {
    note: 'CPU: user + system seconds of every process of each side (gateway workers and departments) over the requests answered, after the same settling and warm-up; net of idle: less what those processes spent per second with no request (measured just before); PostgreSQL: its backends serving the scratch database, apart',
    warmUpSeconds,
    idleSeconds,
    rows,
  };
}
