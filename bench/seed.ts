import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { closeHubDatabases, openHubDatabases } from '../src/hub/databases';
import { seedEnterprises } from '../src/hub/demo-seed';
import { setLogLevel } from '../src/shared/logging';
import { scratchDatabase } from './scratch-database';

/**
 * The province-scale seed (`ecocredit seed --enterprises N`), against a floor measured in the same
 * run on the same server: one bare COPY of as many rows, of the same average width, into an
 * unindexed table in one transaction. The ratio (seed time / floor time) is what compares across
 * machines; the seconds only describe this one.
 *
 * BENCH_DATABASE_URL / TEST_DATABASE_URL: server to create a scratch database on (required);
 * BENCH_SEED_ENTERPRISES (default 100000), BENCH_SEED_EVENTS_PER_SUBJECT (default 10).
 * Writes bench/results/seed-<date>.json.
 */
const enterprises = Number(process.env.BENCH_SEED_ENTERPRISES ?? 100_000);
const eventsPerSubject = Number(process.env.BENCH_SEED_EVENTS_PER_SUBJECT ?? 10);

/** `rows` lines of `width` bytes (with the newline) in one COPY, on one connection, in one transaction. */
async function bareCopy(url: string, rows: number, width: number): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE TABLE bench_floor (id bigint, payload text)`);
    const payload = 'x'.repeat(Math.max(1, width - 10));
    function* lines(): Generator<string> {
      let buffer = '';
      for (let i = 1; i <= rows; i++) {
        buffer += `${i}\t${payload}\n`;
        if (i % 500 === 0) {
          yield buffer;
          buffer = '';
        }
      }
      if (buffer) yield buffer;
    }
    const started = process.hrtime.bigint();
    await client.query('BEGIN');
    await pipeline(Readable.from(lines()), client.query(copyFrom(`COPY bench_floor (id, payload) FROM STDIN`)));
    await client.query('COMMIT');
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    await client.query(`DROP TABLE bench_floor`);
    return seconds;
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  setLogLevel('warn');
  const database = await scratchDatabase();
  try {
    const sources = await openHubDatabases(database.url, { migrate: true, poolSize: 2 });
    let summary;
    let seedSeconds: number;
    try {
      const started = process.hrtime.bigint();
      summary = await seedEnterprises(sources, { enterprises, eventsPerSubject });
      seedSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    } finally {
      await closeHubDatabases(sources);
    }
    if (!summary) throw new Error('the scratch database was not empty');
    // Peak resident memory of the whole process so far: the seed, plus the hub's modules.
    const peakRssMiB = Math.round(process.resourceUsage().maxRSS / 1024);
    const width = Math.round(summary.bytesSent / summary.rowsSent);
    const floorSeconds = await bareCopy(database.url, summary.rowsSent, width);

    const report = {
      date: new Date().toISOString(),
      machine: { cpus: cpus().length, node: process.version },
      enterprises: summary.enterprises,
      ratedSubjects: summary.ratedSubjects,
      events: summary.events,
      rowsCopied: summary.rowsSent,
      averageRowBytes: width,
      seed: {
        seconds: +seedSeconds.toFixed(2),
        subjectsPerSecond: Math.round(summary.enterprises / seedSeconds),
        eventsPerSecond: Math.round(summary.events / seedSeconds),
        peakRssMiB,
      },
      floor: { what: 'one COPY of as many rows of the same average width into an unindexed table', seconds: +floorSeconds.toFixed(2), rowsPerSecond: Math.round(summary.rowsSent / floorSeconds) },
      ratio: { 'seed seconds / floor seconds': +(seedSeconds / floorSeconds).toFixed(2) },
    };
    const table = [
      ['', 'seconds', 'subjects/s', 'events/s', 'rows/s', 'peak RSS MiB'],
      ['seed', report.seed.seconds, report.seed.subjectsPerSecond, report.seed.eventsPerSecond, Math.round(summary.rowsSent / seedSeconds), peakRssMiB],
      ['floor (bare COPY)', report.floor.seconds, '', '', report.floor.rowsPerSecond, ''],
    ];
    console.log(`seed of ${summary.enterprises} enterprises, ${summary.events} events (${summary.rowsSent} rows, ${width} bytes each on average)`);
    for (const row of table) console.log(row.map((cell, i) => String(cell).padStart(i === 0 ? 0 : 14).padEnd(i === 0 ? 18 : 0)).join(''));
    console.log(`ratio seed / floor: ${report.ratio['seed seconds / floor seconds']}`);
    const directory = join(__dirname, '..', '..', 'bench', 'results');
    mkdirSync(directory, { recursive: true });
    const file = join(directory, `seed-${report.date.slice(0, 10)}.json`);
    writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
    console.log(`wrote ${file}`);
  } finally {
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
