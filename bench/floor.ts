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
 * GET  /read?name=<read>&…              issue 21's reads (dashboard cards, search, counts): see READS
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

/**
 * Issue 21's reads (GET /read?name=<name>&...): the dashboard's cards, search by name and the counts
 * behind `totalCount`, each as the hand-written SQL that does the same work from the same tables. Where
 * the hub reads a colour on a past day, the floor works it out the same way, from the events valid that
 * day (score = start + points, colour by the policy's thresholds), not from a maintained aggregate:
 * that is the scan the hub has to beat or replace. The dashboard's as-of day is `on` (default today).
 */
const SCORE_ON_DAYS = (days: string) => `
  WITH days AS (${days}),
  policy AS (SELECT start_score, max_score, green_min, blue_min, yellow_min, red_min FROM environment.scoring_policy WHERE subject_kind = 'ENTERPRISE' ORDER BY effective_from DESC LIMIT 1),
  scores AS (
    SELECT d.day, s.uscc, s.district_code, least((SELECT max_score FROM policy), (SELECT start_score FROM policy) + coalesce(sum(e.points), 0)) AS score
      FROM days d JOIN environment.rated_subject s ON s.rated_from <= d.day
      LEFT JOIN environment.credit_event e ON e.uscc = s.uscc AND e.valid_from <= d.day AND e.valid_until > d.day
     GROUP BY d.day, s.uscc, s.district_code),
  colors AS (
    SELECT day, uscc, district_code, CASE WHEN score >= p.green_min THEN 'GREEN' WHEN score >= p.blue_min THEN 'BLUE' WHEN score >= p.yellow_min THEN 'YELLOW'
                                          WHEN score >= p.red_min THEN 'RED' ELSE 'BLACK' END AS color
      FROM scores, policy p)`;

const READS: Record<string, { sql: string; params: (url: URL) => unknown[] }> = {
  // colorTrend(months: 24): the colour count on 23 month ends and on the day itself.
  trend: {
    sql: `${SCORE_ON_DAYS(`SELECT (date_trunc('month', $1::date) - make_interval(months => m) - interval '1 day')::date AS day FROM generate_series(0, 22) m UNION SELECT $1::date`)}
          SELECT day::text AS "on", color, count(*)::int AS count FROM colors GROUP BY 1, 2 ORDER BY 1, 2`,
    params: (url) => [url.searchParams.get('on')],
  },
  // colorChanges over 30 days: the subjects whose colour differs between the two days.
  changes: {
    sql: `${SCORE_ON_DAYS(`SELECT $1::date - 30 AS day UNION SELECT $1::date`)}
          SELECT a.uscc, a.district_code, b.color AS before, a.color AS after
            FROM colors a LEFT JOIN colors b ON b.uscc = a.uscc AND b.day = $1::date - 30
           WHERE a.day = $1::date AND a.color IS DISTINCT FROM b.color ORDER BY a.uscc`,
    params: (url) => [url.searchParams.get('on')],
  },
  // measureFeedbackRollup over a year: feedback per measure and agency (the hub's own statement), and the
  // subjects due per colour-triggered measure from a count per colour, as a maintained aggregate answers it.
  rollup: {
    sql: `WITH per_color AS (SELECT current_color AS color, count(*)::int AS n FROM environment.rated_subject WHERE current_color IS NOT NULL GROUP BY 1),
          due AS (SELECT m.code, sum(p.n)::int AS due FROM credit.measure m JOIN per_color p ON p.color = ANY(m.trigger_values) WHERE m.trigger_kind = 'COLOR' GROUP BY m.code),
          reported AS (SELECT measure_code, agency, count(DISTINCT uscc)::int AS subjects, (count(*) FILTER (WHERE outcome = 'APPLIED'))::int AS applied
                         FROM credit.measure_feedback WHERE applied_on BETWEEN $1::date - 364 AND $1::date GROUP BY 1, 2)
          SELECT m.code, r.agency, d.due, coalesce(r.subjects, 0) AS reported FROM credit.measure m
            LEFT JOIN due d ON d.code = m.code LEFT JOIN reported r ON r.measure_code = m.code ORDER BY 1, 2`,
    params: (url) => [url.searchParams.get('on')],
  },
  draws: { sql: `SELECT id, drawn_at, as_of, district_code, population, selected FROM environment.inspection_draw ORDER BY drawn_at DESC, id DESC LIMIT 10`, params: () => [] },
  // priceSurcharges totalCount of a half-year: the stored snapshots of its snapshot day in a surcharged colour.
  surcharges: {
    sql: `SELECT count(*)::int AS total FROM environment.half_year_snapshot WHERE period_end = $1::date AND color IN ('RED', 'BLACK')`,
    params: (url) => [url.searchParams.get('snapshotDay')],
  },
  // searchEnterprises(filter: { nameContains }) first 50, by code.
  searchByName: {
    sql: `SELECT r.uscc, r.name, r.district_code FROM market.registration r WHERE r.name LIKE '%' || $1 || '%' ORDER BY r.uscc LIMIT 50`,
    params: (url) => [url.searchParams.get('text')],
  },
  // PUBLIC sees rated subjects only: the name matches that are rated (every match, not the first 500).
  publicFind: {
    sql: `SELECT r.uscc, r.name, r.district_code FROM market.registration r JOIN environment.rated_subject s ON s.uscc = r.uscc
           WHERE r.name LIKE '%' || $1 || '%' AND s.rated_from <= $2::date ORDER BY r.uscc LIMIT 20`,
    params: (url) => [url.searchParams.get('text'), url.searchParams.get('on')],
  },
  countPublicName: {
    sql: `SELECT count(*)::int AS total FROM market.registration r JOIN environment.rated_subject s ON s.uscc = r.uscc WHERE r.name LIKE '%' || $1 || '%' AND s.rated_from <= $2::date`,
    params: (url) => [url.searchParams.get('text'), url.searchParams.get('on')],
  },
  countIndustryColor: {
    sql: `SELECT count(*)::int AS total FROM market.registration r JOIN environment.rated_subject s ON s.uscc = r.uscc WHERE r.industry_code = $1 AND s.current_color = $2`,
    params: (url) => [url.searchParams.get('industry'), url.searchParams.get('color')],
  },
  bucket: {
    sql: `SELECT uscc FROM environment.rated_subject WHERE district_code = $1 AND current_color = $2 ORDER BY uscc LIMIT 1000`,
    params: (url) => [url.searchParams.get('district'), url.searchParams.get('color')],
  },
  countAll: { sql: `SELECT count(*)::int AS total FROM market.registration`, params: () => [] },
  countColors: { sql: `SELECT count(*)::int AS total FROM environment.rated_subject WHERE current_color = ANY($1::text[])`, params: (url) => [url.searchParams.get('colors')!.split(',')] },
  countDistrictColor: {
    sql: `SELECT count(*)::int AS total FROM environment.rated_subject WHERE district_code = $1 AND current_color = $2`,
    params: (url) => [url.searchParams.get('district'), url.searchParams.get('color')],
  },
  countListed: {
    sql: `SELECT count(*)::int AS total FROM (SELECT uscc FROM credit.list_designation WHERE removed_on IS NULL UNION SELECT uscc FROM market.list_entry WHERE removed_on IS NULL) l`,
    params: () => [],
  },
};

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
    case '/read': {
      const read = READS[url.searchParams.get('name') ?? ''];
      if (!read) throw new Error(`no read ${url.searchParams.get('name')}`);
      return (await pool.query(read.sql, read.params(url))).rows;
    }
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
