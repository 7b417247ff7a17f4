import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { parse } from 'csv-parse';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { closeHubDatabases, openHubDatabases } from '../src/hub/databases';
import { CITY_DISTRICTS } from '../src/shared/divisions';
import { USCC_ALPHABET, withCheckCharacter } from '../src/shared/uscc';

/**
 * Import throughput and memory (`npm run bench:import`): generates a registrations file and a 双公示
 * penalties file of ROWS rows each (default 1,000,000; realistic values, valid codes), imports them
 * into a scratch database through the CLI (`ecocredit import`, a child process), and reports rows/s
 * and the import process's peak RSS next to a floor measured in the same run on the same file: a
 * bare csv-parse + COPY into an unindexed text table (also a child process). Results are ratios
 * (comparable across machines) and go to bench/results/import-<date>.json.
 *
 * BENCH_DATABASE_URL / TEST_DATABASE_URL: server for the scratch database (required). ROWS: rows per file.
 * RATED_SHARE (default 0.02): share of the registered subjects enrolled in the rating scope, whose
 * penalties are scored (events, notices, ratings) and not only stored.
 */
const ROWS = Number(process.env.ROWS ?? 1_000_000);
const RATED_SHARE = Number(process.env.RATED_SHARE ?? 0.02);
const DISTRICTS = Object.keys(CITY_DISTRICTS);
const CLI = join(__dirname, '..', 'src', 'cli', 'main.js');
const AUTHORITY = withCheckCharacter('11320700MB1234567');

/** The i-th code: a city district's division and a 7-character organisation part counting in the USCC alphabet. */
function code(i: number): string {
  const district = DISTRICTS[i % DISTRICTS.length];
  let org = '';
  for (let n = i; org.length < 7; n = Math.floor(n / 31)) org = USCC_ALPHABET[n % 31] + org;
  return withCheckCharacter(`91${district}MA${org}`);
}

function isoDaysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

async function writeLines(path: string, header: string, row: (i: number) => string): Promise<void> {
  const out = createWriteStream(path);
  out.write(header + '\n');
  for (let i = 0; i < ROWS; i++) {
    if (!out.write(row(i) + '\n')) await once(out, 'drain');
  }
  out.end();
  await once(out, 'close');
}

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];
const TRADES = ['化工', '纺织', '食品', '建材', '医药', '电力', '机械', '印染', '造纸', '电镀'];
const CATEGORIES = ['罚款', '警告', '没收违法所得', '责令改正', '罚款;没收违法所得'];

function registrationRow(i: number): string {
  const district = DISTRICTS[i % DISTRICTS.length];
  return [
    code(i),
    `连云港${TRADES[i % 10]}示例${i}有限公司`,
    district,
    `C${2600 + (i % 90)}`,
    `${SURNAMES[i % 10]}${SURNAMES[(i >> 3) % 10]}明`,
    `${2000 + (i % 25)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
    'ACTIVE',
  ].join(',');
}

function penaltyRow(i: number): string {
  const decided = isoDaysAgo(5 + (i % 300));
  return [
    `连云港${TRADES[i % 10]}示例${i}有限公司`,
    code(i),
    `${SURNAMES[i % 10]}某`,
    `连环罚〔2026〕${i + 1}号`,
    '超标排放水污染物',
    '"废水排放口化学需氧量超标, 经监测超过排放标准"',
    '《中华人民共和国水污染防治法》第八十三条',
    CATEGORIES[i % CATEGORIES.length],
    '罚款人民币十万元',
    String(1 + (i % 50)),
    decided,
    isoDaysAgo(-(365 - (i % 300))),
    '连云港市生态环境局',
    AUTHORITY,
    '连云港市生态环境局',
    AUTHORITY,
  ].join(',');
}

const CLOCK_TICKS = 100; // USER_HZ on Linux: /proc/<pid>/stat counts CPU time in 1/100 s

/**
 * Runs a child process and samples its peak RSS (VmHWM) and CPU time (user + system, all threads)
 * every 100 ms until it exits. On a shared machine the CPU seconds per row are steadier than rows/s.
 */
async function measured(args: string[], env: Record<string, string>): Promise<{ seconds: number; cpuSeconds: number; peakRssMb: number; stdout: string; stderr: string; code: number | null }> {
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-20_000)));
  let peakKb = 0;
  let cpuTicks = 0;
  const sample = () => {
    try {
      const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (match) peakKb = Math.max(peakKb, Number(match[1]));
      // Fields 14 and 15 of /proc/<pid>/stat (utime, stime), counted after the command name's closing parenthesis.
      const stat = readFileSync(`/proc/${child.pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      cpuTicks = Math.max(cpuTicks, Number(fields[11]) + Number(fields[12]));
    } catch {
      // the process has exited
    }
  };
  const timer = setInterval(sample, 100);
  const [code] = (await once(child, 'exit')) as [number | null];
  clearInterval(timer);
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, cpuSeconds: cpuTicks / CLOCK_TICKS, peakRssMb: Math.round(peakKb / 1024), stdout, stderr, code };
}

/** The floor, run as its own process: stream the file through csv-parse and COPY it into an unindexed text table. */
async function floorProcess(url: string, file: string, table: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  const started = process.hrtime.bigint();
  let rows = 0;
  let columns = 0;
  let pending = '';
  const toCopy = new Transform({
    objectMode: true,
    transform(record: string[], _encoding, done) {
      if (columns === 0) {
        columns = record.length;
        client
          .query(`CREATE UNLOGGED TABLE ${table} (${record.map((_, i) => `c${i} text`).join(', ')})`)
          .then(() => done(null), done);
        return;
      }
      rows++;
      // Lines are sent in chunks of about 64 KB, as any COPY loader would.
      pending += record.map((value) => value.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'))).join('\t') + '\n';
      if (pending.length < 65_536) return done();
      const chunk = pending;
      pending = '';
      done(null, chunk);
    },
    flush(done) {
      done(null, pending || undefined);
    },
  });
  const parser = parse({ relax_column_count: true });
  // The table exists once the header went through; COPY starts then.
  const head = createReadStream(file).pipe(parser).pipe(toCopy);
  await once(head, 'readable');
  await pipeline(head, client.query(copyFrom(`COPY ${table} FROM STDIN`)));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await client.end();
  process.stdout.write(JSON.stringify({ rows, seconds }) + '\n');
}

const HEADERS = {
  registrations: 'uscc,name,district_code,industry_code,legal_representative,registered_on,status',
  penalties: 'CF_XDR_MC,CF_XDR_SHXYM,CF_FDDB,CF_WSH,CF_WFXW,CF_SY,CF_YJ,CF_CFLB,CF_NR,CF_NR_FK,CF_JDRQ,CF_YXQ,CF_CFJG,CF_CFJGDM,CF_SJLY,CF_SJLYDM',
};

/** The two feed files of ROWS rows each, in `dir`. */
async function writeFiles(dir: string): Promise<{ registrations: string; penalties: string }> {
  const files = { registrations: join(dir, 'registrations.csv'), penalties: join(dir, 'penalties.csv') };
  await writeLines(files.registrations, HEADERS.registrations, registrationRow);
  await writeLines(files.penalties, HEADERS.penalties, penaltyRow);
  return files;
}

/** `--generate <dir>`: only writes the files (for profiling an import by hand). */
async function generate(dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const files = await writeFiles(dir);
  console.log(`${ROWS} rows each: ${files.registrations}, ${files.penalties}`);
}

async function main(): Promise<void> {
  if (process.argv[2] === '--floor') return floorProcess(process.argv[3], process.argv[4], process.argv[5]);
  if (process.argv[2] === '--generate') return generate(process.argv[3]);
  const base = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!base) throw new Error('set BENCH_DATABASE_URL or TEST_DATABASE_URL to a PostgreSQL server for the scratch database');
  const name = `ecocredit_bench_import_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const dir = mkdtempSync(join(tmpdir(), 'ecocredit-bench-import-'));
  const benchStarted = Date.now();
  // The issue's targets (on a quiet 2-core machine, 1,000,000 rows); the load average says how quiet the run was.
  const report: Record<string, unknown> = {
    date: new Date().toISOString(),
    rows: ROWS,
    ratedShare: RATED_SHARE,
    node: process.version,
    cpus: cpus().length,
    loadAverageAtStart: loadavg()[0],
    targets: { 'import rows/s': 20_000, 'import peak RSS MB': 400 },
  };
  try {
    const sources = await openHubDatabases(url.toString(), { migrate: true, poolSize: 2 });
    await closeHubDatabases(sources);
    const files = await writeFiles(dir);

    const table: Record<string, Record<string, number | string>> = {};
    for (const feed of ['registrations', 'penalties'] as const) {
      const floorRun = await measured([__filename, '--floor', url.toString(), files[feed], `floor_${feed}`], {});
      if (floorRun.code !== 0) throw new Error(`floor for ${feed} failed: ${floorRun.stderr}`);
      const floor = JSON.parse(floorRun.stdout) as { rows: number; seconds: number };
      if (feed === 'penalties') {
        // Setup, not measured: enrol a share of the registered subjects (their penalties get scored).
        const client = new Client({ connectionString: url.toString() });
        await client.connect();
        await client.query(
          `INSERT INTO environment.rated_subject (uscc, subject_kind, district_code, industry_code, rated_from, current_color, current_score, current_on)
           SELECT uscc, 'ENTERPRISE', district_code, industry_code, '2024-01-01', 'BLUE', 9, CURRENT_DATE
             FROM market.registration WHERE abs(hashtext(uscc)) % 10000 < $1`,
          [Math.round(RATED_SHARE * 10_000)],
        );
        await client.end();
      }
      const run = await measured([CLI, 'import', feed, files[feed]], { DATABASE_URL: url.toString(), LOG_LEVEL: 'error' });
      if (run.code !== 0) throw new Error(`import of ${feed} failed (exit ${run.code}): ${run.stderr}`);
      const summary = run.stdout.trim().split('\n').at(-1)!;
      // The import's own rate, from its last progress line (process start-up and migration check excluded).
      const progress = [...run.stderr.matchAll(/(\d+) rows \(100%\), (\d+) rows\/s/g)].at(-1);
      const importRate = progress ? Number(progress[2]) : ROWS / run.seconds;
      const floorRate = floor.rows / floor.seconds;
      table[feed] = {
        'import rows/s': Math.round(importRate),
        'import rows/s incl. start-up': Math.round(ROWS / run.seconds),
        'floor rows/s (csv-parse + COPY)': Math.round(floorRate),
        'rate ratio (import / floor)': Number((importRate / floorRate).toFixed(3)),
        'import CPU s (node)': run.cpuSeconds,
        'floor CPU s (node)': floorRun.cpuSeconds,
        'CPU ratio (import / floor)': Number((run.cpuSeconds / Math.max(floorRun.cpuSeconds, 0.01)).toFixed(2)),
        'import peak RSS MB': run.peakRssMb,
        'floor peak RSS MB': floorRun.peakRssMb,
        'RSS ratio (import / floor)': Number((run.peakRssMb / floorRun.peakRssMb).toFixed(2)),
        summary,
      };
    }
    const counts = new Client({ connectionString: url.toString() });
    await counts.connect();
    const [row] = (
      await counts.query<{ registrations: number; penalties: number; events: number; rated: number }>(`SELECT (SELECT COUNT(*) FROM market.registration)::int AS registrations, (SELECT COUNT(*) FROM credit.penalty_record)::int AS penalties,
                                 (SELECT COUNT(*) FROM environment.credit_event)::int AS events, (SELECT COUNT(*) FROM environment.rated_subject)::int AS rated`)
    ).rows;
    await counts.end();
    report.results = table;
    report.loadAverageAtEnd = loadavg()[0];
    report.totalSeconds = Math.round((Date.now() - benchStarted) / 1000);
    report.stored = row;
    console.table(table);
    console.log(JSON.stringify(report, null, 2));
    const out = join(__dirname, '..', '..', 'bench', 'results');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, `import-${report.date as string}.json`.replace(/:/g, '-')), JSON.stringify(report, null, 2) + '\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
    const client = new Client({ connectionString: base });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
