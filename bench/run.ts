import 'reflect-metadata';
import { Pool } from 'pg';
import { loadConfig } from '../src/shared/config';
import { setLogLevel } from '../src/shared/logging';
import { startHub } from '../src/gateway/hub';
import { seedEnterprises } from '../src/gateway/demo-seed';
import { closedLoop, postGraphql } from './load';
import { scratchDatabase } from './scratch-database';

/**
 * Benchmarks of the hub's partner paths, each reported as a ratio against a floor measured in the
 * same run on the same machine: the one-statement SQL lookup the answer could at best cost. Ratios,
 * not absolute times, are comparable across machines; nothing here is asserted by `npm test`.
 *
 * BENCH_DATABASE_URL / TEST_DATABASE_URL: server to create a scratch database on (default: embedded);
 * BENCH_ENTERPRISES (default 10000; seeded like `ecocredit seed`, about 10 events each), BENCH_SECONDS per scenario (default 5), BENCH_CONCURRENCY (default 16).
 */
const enterprises = Number(process.env.BENCH_ENTERPRISES ?? 10_000);
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 16);

async function main(): Promise<void> {
  setLogLevel('warn');
  const database = await scratchDatabase();
  // The benchmark measures the request path, not the per-client rate limit: lift it.
  const config = { ...loadConfig({}), databaseUrl: database.url, port: 0, demo: true };
  const hub = await startHub({ config: { ...config, rateLimit: { ...config.rateLimit, requests: 1_000_000_000 } }, seedDemo: false });
  await seedEnterprises(hub.sources, { enterprises, eventsPerSubject: 10 });
  const pool = new Pool({ connectionString: hub.databaseUrl, max: concurrency });
  try {
    const codes = (await pool.query<{ uscc: string }>(`SELECT uscc FROM environment.rated_subject ORDER BY uscc`)).rows.map((r) => r.uscc);
    const pick = (worker: number, iteration: number) => codes[(worker * 7919 + iteration * 104729) % codes.length];
    const bank = { authorization: 'Bearer demo-bank', 'x-access-purpose': 'LOAN_APPLICATION' };
    const batch = codes.slice(0, 1000);
    const results: Record<string, number> = {};

    const floor = await closedLoop(concurrency, seconds, async (w, i) => {
      await pool.query(`SELECT uscc, name FROM market.registration WHERE uscc = $1`, [pick(w, i)]);
    });
    results['floor: one-statement SQL lookup (req/s)'] = floor.perSecond;

    const single = await closedLoop(concurrency, seconds, (w, i) =>
      postGraphql(hub.url, JSON.stringify({ query: `query BankCheck($u: USCC!) { enterprise(uscc: $u) { name envCredit { color } creditRestriction { level restricted } } }`, variables: { u: pick(w, i) } }), bank),
    );
    results['bank check, one subject (req/s)'] = single.perSecond;

    const batchFloor = await closedLoop(concurrency, seconds, async () => {
      await pool.query(`SELECT uscc, name FROM market.registration WHERE uscc = ANY($1)`, [batch]);
    });
    const batched = await closedLoop(Math.max(1, concurrency / 4), seconds, () =>
      postGraphql(hub.url, JSON.stringify({ query: `query BankBatch($u: [USCC!]!) { enterprises(usccs: $u) { uscc name envCredit { color } creditRestriction { level restricted } } }`, variables: { u: batch } }), bank),
    );
    results['floor: one-statement SQL batch of 1000 (req/s)'] = batchFloor.perSecond;
    results['bank check, batch of 1000 (req/s)'] = batched.perSecond;

    const report = {
      machine: { cpus: (await import('node:os')).cpus().length, node: process.version },
      enterprises: codes.length,
      seconds,
      concurrency,
      results: Object.fromEntries(Object.entries(results).map(([k, v]) => [k, Math.round(v)])),
      ratios: {
        'bank check / floor': +(single.perSecond / floor.perSecond).toFixed(3),
        'bank batch of 1000 / batch floor': +(batched.perSecond / batchFloor.perSecond).toFixed(3),
      },
      errors: { single: single.errors, batch: batched.errors },
      rssMiB: Math.round(process.memoryUsage().rss / 1024 / 1024),
    };
    console.log(JSON.stringify(report, null, 2));
  } finally {
    await pool.end();
    await hub.stop();
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
