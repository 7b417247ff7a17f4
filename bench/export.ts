import 'reflect-metadata';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { seedEnterprises } from '../src/hub/demo-seed';
import { startHub } from '../src/hub/hub';
import type { Principal } from '../src/shared/auth/principal';
import { loadConfig } from '../src/shared/config';
import { createContext } from '../src/shared/context';
import { setLogLevel } from '../src/shared/logging';
import { scratchDatabase } from './scratch-database';

/**
 * Exports at constant memory (issue 12): the public rating list exported from a hub of SMALL and of
 * LARGE subjects (defaults 5,000 and 20,000), each into a sink that takes 64 KiB at a time. Reported:
 * the memory the export retains (the heap after a forced collection, every 100 ms of a second run,
 * peak over the baseline) at both sizes, and their ratio: about 1 when memory does not grow with the
 * export (a page of rows and the streams' buffers), about LARGE/SMALL when it does. Needs
 * `node --expose-gc` (npm run bench:export). Throughput (from a run without the collections) is a ratio against a floor
 * measured in the same run on the same database: PostgreSQL's own `COPY (SELECT …) TO STDOUT CSV` of
 * the same rated subjects, which does no federation, no permissions and no paging.
 *
 * BENCH_DATABASE_URL / TEST_DATABASE_URL: server for the scratch databases (else an embedded one);
 * BENCH_EXPORT_SMALL, BENCH_EXPORT_LARGE. Writes bench/results/export-<date>.json.
 */
const SMALL = Number(process.env.BENCH_EXPORT_SMALL ?? 5_000);
const LARGE = Number(process.env.BENCH_EXPORT_LARGE ?? 20_000);
const BENCH_PRINCIPAL: Principal = { clientId: 'bench:export', clientName: 'export benchmark', role: 'ENV_ADMIN', agency: null, districtCode: null, purpose: null };

/** A destination that takes what it is given at once and counts it. */
function countingSink(): { sink: Writable; bytes: () => number } {
  let bytes = 0;
  const sink = new Writable({
    highWaterMark: 64 * 1024,
    write(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done();
    },
  });
  return { sink, bytes: () => bytes };
}

interface Measure {
  subjects: number;
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  retainedHeapMiB: number;
  floorSeconds: number;
  floorRowsPerSecond: number;
  ratioToFloor: number;
}

async function measure(subjects: number): Promise<Measure> {
  const database = await scratchDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'ecocredit-bench-export-'));
  const config = { ...loadConfig({ HUB_DATA_DIR: dataDir }), databaseUrl: database.url, port: 0, demo: true };
  const hub = await startHub({ config, seedDemo: false });
  try {
    await seedEnterprises(hub.sources, { enterprises: subjects, eventsPerSubject: 2 });
    await hub.sources.gateway.query('ANALYZE');
    // Warm up (plans, caches) on a first export, then measure the second.
    const warm = await hub.exports.prepare(createContext(BENCH_PRINCIPAL, 'bench-warm', null), 'public-ratings', {}, 'utf8', 'bench');
    await warm.writeTo(countingSink().sink);
    const started = process.hrtime.bigint();
    const prepared = await hub.exports.prepare(createContext(BENCH_PRINCIPAL, 'bench-export', null), 'public-ratings', {}, 'utf8', 'bench');
    const { rows } = await prepared.writeTo(countingSink().sink);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;

    if (!global.gc) throw new Error('run with node --expose-gc (npm run bench:export)');
    const collect = global.gc;
    collect();
    const baseline = process.memoryUsage().heapUsed;
    let peak = baseline;
    const sampler = setInterval(() => {
      collect();
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    }, 100);
    const retained = await hub.exports.prepare(createContext(BENCH_PRINCIPAL, 'bench-memory', null), 'public-ratings', {}, 'utf8', 'bench');
    await retained.writeTo(countingSink().sink);
    clearInterval(sampler);

    const client = new Client({ connectionString: database.url });
    await client.connect();
    const floorStarted = process.hrtime.bigint();
    await pipeline(
      client.query(copyTo(`COPY (SELECT r.uscc, r.name, r.district_code, s.current_color, s.current_on FROM market.registration r JOIN environment.rated_subject s ON s.uscc = r.uscc ORDER BY r.uscc) TO STDOUT WITH (FORMAT csv, HEADER)`)),
      countingSink().sink,
    );
    const floorSeconds = Number(process.hrtime.bigint() - floorStarted) / 1e9;
    await client.end();
    return {
      subjects,
      rows,
      seconds: Number(seconds.toFixed(2)),
      rowsPerSecond: Math.round(rows / seconds),
      retainedHeapMiB: Number(((peak - baseline) / 2 ** 20).toFixed(1)),
      floorSeconds: Number(floorSeconds.toFixed(3)),
      floorRowsPerSecond: Math.round(rows / floorSeconds),
      ratioToFloor: Number((floorSeconds / seconds).toFixed(3)),
    };
  } finally {
    await hub.stop();
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  setLogLevel('warn');
  const small = await measure(SMALL);
  const large = await measure(LARGE);
  const report = {
    date: new Date().toISOString(),
    small,
    large,
    // ~1: memory does not grow with the export; LARGE/SMALL: it grows with it.
    retainedHeapRatio: Number((large.retainedHeapMiB / Math.max(small.retainedHeapMiB, 0.1)).toFixed(2)),
    sizeRatio: LARGE / SMALL,
  };
  console.table([small, large]);
  console.log(`retained heap ratio ${report.retainedHeapRatio} for ${report.sizeRatio}× the rows (≈1 = constant memory)`);
  const directory = join(__dirname, '..', '..', 'bench', 'results');
  mkdirSync(directory, { recursive: true });
  const file = join(directory, `export-${report.date.slice(0, 10)}.json`);
  writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
  console.log(`wrote ${file}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
