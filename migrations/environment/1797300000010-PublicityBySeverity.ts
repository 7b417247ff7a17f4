import type { MigrationInterface, QueryRunner } from 'typeorm';
import calendar from 'chinese-days/dist/chinese-days.json';

/** The catalogue's types that are SERIOUS by default (DOMAIN.md §11), and those that may be decided by simple procedure. */
const SERIOUS = ['SUSPENSION_ORDER', 'DAILY_CONTINUOUS_PENALTY', 'ADMIN_DETENTION_TRANSFER', 'CRIMINAL_LIABILITY'];
const SIMPLE = ['WARNING', 'FINE'];
const SERIOUS_BASIS = '《关于进一步完善“信用中国”网站及地方信用门户网站行政处罚信息信用修复机制的通知》（发改办财金〔2019〕527号）：严重失信行为的行政处罚';
const GENERAL_BASIS = '《关于进一步完善“信用中国”网站及地方信用门户网站行政处罚信息信用修复机制的通知》（发改办财金〔2019〕527号）：一般失信行为的行政处罚';
const CALENDAR_SOURCE = '国务院办公厅关于部分节假日安排的通知（按年发布），经 chinese-days 1.5.7 整理';

/**
 * Procedure and severity of penalties, publicity by severity, timely collection (DOMAIN.md §11):
 *
 * - the catalogue gets each type's default severity with its basis and whether it may be decided by
 *   simple procedure; the policy gets the publicity tiers (GENERAL 3–12 months, SERIOUS 12–36) and the
 *   entry limit (5 working days); `event_type.publicity_months` is cleared, as the tier now decides;
 * - every event gets its procedure (existing ones: GENERAL, the procedure was not recorded), its
 *   severity (existing penalties: their type's default on their date) and its publicity end clamped
 *   into its tier (existing penalties were published 3 years: a GENERAL one now ends after 1 year);
 * - the national holiday calendar, seeded from the State Council's yearly schedules (2004–2026, as the
 *   `chinese-days` package collects them), is the bureau's table; a rules table like the catalogue;
 * - every event gets the working days it took to be entered (decision day → known day) and whether
 *   that was beyond the limit.
 */
export class PublicityBySeverity1797300000010 implements MigrationInterface {
  name = 'PublicityBySeverity1797300000010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE environment.event_type
        ADD COLUMN default_severity varchar,
        ADD COLUMN severity_basis varchar,
        ADD COLUMN simple_procedure boolean NOT NULL DEFAULT false,
        ADD CONSTRAINT event_type_default_severity_check CHECK (default_severity IN ('GENERAL', 'SERIOUS'))`);
    await q.query(
      `UPDATE environment.event_type
          SET default_severity = CASE WHEN code = ANY($1) THEN 'SERIOUS' ELSE 'GENERAL' END,
              severity_basis = CASE WHEN code = ANY($1) THEN $3 ELSE $4 END,
              simple_procedure = code = ANY($2),
              publicity_months = NULL
        WHERE default_points < 0`,
      [SERIOUS, SIMPLE, SERIOUS_BASIS, GENERAL_BASIS],
    );
    await q.query(`
      ALTER TABLE environment.scoring_policy
        ADD COLUMN general_publicity_min_months int NOT NULL DEFAULT 3,
        ADD COLUMN general_publicity_max_months int NOT NULL DEFAULT 12,
        ADD COLUMN serious_publicity_min_months int NOT NULL DEFAULT 12,
        ADD COLUMN serious_publicity_max_months int NOT NULL DEFAULT 36,
        ADD COLUMN entry_limit_working_days int NOT NULL DEFAULT 5,
        ADD CONSTRAINT scoring_policy_general_publicity_check CHECK (general_publicity_min_months > 0 AND general_publicity_min_months <= general_publicity_max_months),
        ADD CONSTRAINT scoring_policy_serious_publicity_check CHECK (serious_publicity_min_months > 0 AND serious_publicity_min_months <= serious_publicity_max_months),
        ADD CONSTRAINT scoring_policy_entry_limit_check CHECK (entry_limit_working_days >= 0)`);

    await q.query(`
      ALTER TABLE environment.credit_event
        ADD COLUMN simple_procedure boolean NOT NULL DEFAULT false,
        ADD COLUMN severity varchar,
        ADD COLUMN severity_reason varchar,
        ADD COLUMN entry_delay_working_days int NOT NULL DEFAULT 0,
        ADD COLUMN recorded_late boolean NOT NULL DEFAULT false,
        ADD CONSTRAINT credit_event_severity_check CHECK (severity IN ('GENERAL', 'SERIOUS')),
        ADD CONSTRAINT credit_event_simple_procedure_check CHECK (NOT (simple_procedure AND publicity_until IS NOT NULL))`);
    // The type version in force on the event's date, for the subject's kind; GENERAL when none names one.
    await q.query(`
      UPDATE environment.credit_event e
         SET severity = COALESCE((
               SELECT t.default_severity FROM environment.event_type t JOIN environment.rated_subject s ON s.subject_kind = t.subject_kind
                WHERE s.uscc = e.uscc AND t.code = e.type AND t.effective_from <= e.occurred_on AND (t.effective_to IS NULL OR t.effective_to > e.occurred_on)
                ORDER BY t.effective_from DESC LIMIT 1), 'GENERAL')
       WHERE e.points < 0`);
    // The publicity end clamped into the tier of the policy in force on the decision day.
    await q.query(`
      UPDATE environment.credit_event e
         SET publicity_until = LEAST(GREATEST(e.publicity_until, (e.occurred_on + make_interval(months => tier.min_months))::date),
                                     (e.occurred_on + make_interval(months => tier.max_months))::date)
        FROM (
          SELECT e2.id,
                 CASE WHEN e2.severity = 'SERIOUS' THEN p.serious_publicity_min_months ELSE p.general_publicity_min_months END AS min_months,
                 CASE WHEN e2.severity = 'SERIOUS' THEN p.serious_publicity_max_months ELSE p.general_publicity_max_months END AS max_months
            FROM environment.credit_event e2
            JOIN environment.rated_subject s ON s.uscc = e2.uscc
            JOIN LATERAL (
              SELECT * FROM environment.scoring_policy p
               WHERE p.subject_kind = s.subject_kind AND p.effective_from <= e2.occurred_on AND (p.effective_to IS NULL OR p.effective_to > e2.occurred_on)
               ORDER BY p.effective_from DESC LIMIT 1) p ON true
           WHERE e2.publicity_until IS NOT NULL) tier
       WHERE tier.id = e.id`);

    await q.query(`
      CREATE TABLE environment.working_day_calendar (
        day date PRIMARY KEY,
        kind varchar NOT NULL CONSTRAINT working_day_calendar_kind_check CHECK (kind IN ('HOLIDAY', 'WORKDAY')),
        name varchar,
        source varchar NOT NULL)`);
    const rows: [string, string, string][] = [
      ...Object.entries(calendar.holidays).map(([day, label]): [string, string, string] => [day, 'HOLIDAY', label.split(',')[1] ?? label]),
      ...Object.entries(calendar.workdays).map(([day, label]): [string, string, string] => [day, 'WORKDAY', label.split(',')[1] ?? label]),
    ];
    await q.query(
      `INSERT INTO environment.working_day_calendar (day, kind, name, source)
       SELECT d, k, n, $4 FROM unnest($1::date[], $2::varchar[], $3::varchar[]) AS r(d, k, n)`,
      [rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2]), CALENDAR_SOURCE],
    );
    // A rules table: a change bumps the rules version (the cached calendar is read again).
    await q.query(`
      CREATE TRIGGER working_day_calendar_bumps_rules_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON environment.working_day_calendar
        FOR EACH STATEMENT EXECUTE FUNCTION environment.bump_rules_version()`);

    // Working days after the decision day up to the known day: the difference of running counts of working days.
    await q.query(`
      WITH bounds AS (SELECT min(occurred_on) AS lo, max(GREATEST(known_on, occurred_on)) AS hi FROM environment.credit_event),
      days AS (
        SELECT g::date AS day,
               count(*) FILTER (WHERE COALESCE(c.kind = 'WORKDAY', extract(isodow FROM g) < 6)) OVER (ORDER BY g) AS n
          FROM bounds, generate_series(bounds.lo::timestamp, bounds.hi::timestamp, interval '1 day') AS g
          LEFT JOIN environment.working_day_calendar c ON c.day = g::date
         WHERE bounds.lo IS NOT NULL)
      UPDATE environment.credit_event e
         SET entry_delay_working_days = GREATEST(k.n - o.n, 0)
        FROM days o, days k
       WHERE o.day = e.occurred_on AND k.day = e.known_on AND e.known_on > e.occurred_on`);
    await q.query(`
      UPDATE environment.credit_event e
         SET recorded_late = e.entry_delay_working_days > p.entry_limit_working_days
        FROM environment.rated_subject s, environment.scoring_policy p
       WHERE s.uscc = e.uscc AND p.subject_kind = s.subject_kind AND p.effective_from <= e.occurred_on AND (p.effective_to IS NULL OR p.effective_to > e.occurred_on)
         AND e.entry_delay_working_days > 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE environment.working_day_calendar`);
    await q.query(`
      ALTER TABLE environment.credit_event
        DROP CONSTRAINT credit_event_simple_procedure_check, DROP CONSTRAINT credit_event_severity_check,
        DROP COLUMN recorded_late, DROP COLUMN entry_delay_working_days, DROP COLUMN severity_reason, DROP COLUMN severity, DROP COLUMN simple_procedure`);
    await q.query(`
      ALTER TABLE environment.scoring_policy
        DROP CONSTRAINT scoring_policy_entry_limit_check, DROP CONSTRAINT scoring_policy_serious_publicity_check, DROP CONSTRAINT scoring_policy_general_publicity_check,
        DROP COLUMN entry_limit_working_days, DROP COLUMN serious_publicity_max_months, DROP COLUMN serious_publicity_min_months,
        DROP COLUMN general_publicity_max_months, DROP COLUMN general_publicity_min_months`);
    await q.query(`UPDATE environment.event_type SET publicity_months = 36 WHERE default_points < 0`);
    await q.query(`
      ALTER TABLE environment.event_type
        DROP CONSTRAINT event_type_default_severity_check, DROP COLUMN simple_procedure, DROP COLUMN severity_basis, DROP COLUMN default_severity`);
  }
}
