import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool } from 'pg';
import { federatedBankCheck, prepareFederatedFloor } from './federated-floor';

/**
 * The benchmark's floor: a bare `node:http` server over a `pg` pool of the hub's size that answers
 * each scenario's question with ONE hand-written SQL statement and no GraphQL, permissions or audit.
 * It is what the answer could at best cost on this machine; the hub is reported as a ratio of it.
 * Started by bench/run.ts as a child process (DATABASE_URL, FLOOR_POOL); prints `floor: <port>`.
 *
 * GET  /bank?u=<code>                  one subject's name, colour and whether a restriction applies
 * POST /batch  ["code", ...]           the same for up to 1000 codes
 * GET  /full?u=<code>                  registration, rating, events, listings, penalties as JSON
 * GET  /distribution?by=district|industry   counts per group and colour
 * POST /event  {"uscc": ..}            one credit event inserted, the subject's rating version bumped
 * GET  /measure?color=BLACK            the subjects of a colour-triggered measure, by code
 *
 * The federated floor (bench/federated-floor.ts: one snapshot over the four departments' tables, then
 * one chained audit record):
 * GET  /federated/bank?u=<code>        the bank check of one subject
 * POST /federated/batch ["code", ...]  the same for up to 1000 codes
 */
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.FLOOR_POOL ?? 10) });

const BANK = `
  SELECT r.uscc, r.name, s.current_color AS color,
         (s.current_color IN ('RED','BLACK') OR EXISTS (SELECT 1 FROM credit.list_designation l WHERE l.uscc = r.uscc AND l.removed_on IS NULL)) AS restricted
  FROM market.registration r LEFT JOIN environment.rated_subject s ON s.uscc = r.uscc`;

const FULL = `
  SELECT r.*, s.current_color, s.current_score, s.current_on,
    (SELECT coalesce(json_agg(e ORDER BY e.occurred_on, e.id), '[]') FROM environment.credit_event e WHERE e.uscc = r.uscc) AS events,
    (SELECT coalesce(json_agg(m ORDER BY m.listed_on, m.id), '[]') FROM market.list_entry m WHERE m.uscc = r.uscc) AS market_listings,
    (SELECT coalesce(json_agg(c ORDER BY c.listed_on, c.id), '[]') FROM credit.list_designation c WHERE c.uscc = r.uscc) AS credit_listings,
    (SELECT coalesce(json_agg(p ORDER BY p.decided_on, p.id), '[]') FROM credit.penalty_record p WHERE p.uscc = r.uscc) AS penalties,
    (SELECT coalesce(json_agg(d ORDER BY d.published_on, d.id), '[]') FROM credit.dishonest_debtor d WHERE d.uscc = r.uscc) AS debtors
  FROM market.registration r LEFT JOIN environment.rated_subject s ON s.uscc = r.uscc WHERE r.uscc = $1`;

const DISTRIBUTION: Record<string, string> = {
  district: `SELECT coalesce(district_code, 'UNKNOWN') AS "group", current_color AS color, count(*)::int AS count FROM environment.rated_subject WHERE current_color IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2`,
  industry: `SELECT coalesce(industry_code, 'UNKNOWN') AS "group", current_color AS color, count(*)::int AS count FROM environment.rated_subject WHERE current_color IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2`,
};

const EVENT = `
  WITH inserted AS (
    INSERT INTO environment.credit_event (uscc, type, occurred_on, points, served_on, valid_from, valid_until, recorded_by, known_on)
    VALUES ($1, 'WARNING', current_date, -1, current_date, current_date, current_date + 365, 'floor', current_date) RETURNING id, uscc)
  UPDATE environment.rated_subject s SET rating_version = s.rating_version + 1 FROM inserted WHERE s.uscc = inserted.uscc RETURNING inserted.id`;

const MEASURE = `SELECT r.uscc, r.name FROM environment.rated_subject s JOIN market.registration r ON r.uscc = s.uscc WHERE s.current_color = $1 ORDER BY r.uscc`;

function body(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

async function answer(request: IncomingMessage): Promise<unknown> {
  const url = new URL(request.url ?? '/', 'http://floor');
  switch (url.pathname) {
    case '/bank':
      return (await pool.query(`${BANK} WHERE r.uscc = $1`, [url.searchParams.get('u')])).rows[0] ?? null;
    case '/batch':
      return (await pool.query(`${BANK} WHERE r.uscc = ANY($1::varchar[])`, [JSON.parse(await body(request)) as string[]])).rows;
    case '/full':
      return (await pool.query(FULL, [url.searchParams.get('u')])).rows[0] ?? null;
    case '/distribution':
      return (await pool.query(DISTRIBUTION[url.searchParams.get('by') ?? 'district'])).rows;
    case '/event':
      return (await pool.query(EVENT, [(JSON.parse(await body(request)) as { uscc: string }).uscc])).rows[0];
    case '/measure':
      return (await pool.query(MEASURE, [url.searchParams.get('color') ?? 'BLACK'])).rows;
    case '/federated/bank':
      return (await federatedBankCheck(pool, [url.searchParams.get('u') ?? '']))[0] ?? null;
    case '/federated/batch':
      return federatedBankCheck(pool, JSON.parse(await body(request)) as string[]);
    default:
      throw new Error(`no route ${url.pathname}`);
  }
}

const server = createServer((request, response) => {
  answer(request).then(
    (data) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ data }));
    },
    (error: unknown) => {
      response.writeHead(500, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ errors: [{ message: String(error) }] }));
    },
  );
});
server.keepAliveTimeout = 60_000;
void prepareFederatedFloor(pool).then(() => server.listen(0, () => console.log(`floor: ${(server.address() as AddressInfo).port}`)));
process.on('SIGTERM', () => server.close(() => void pool.end().then(() => process.exit(0))));
