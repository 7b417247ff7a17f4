import type { DataSource } from 'typeorm';
import { facts } from '../../../shared/auth/subject-scope';
import type { HubContext } from '../../../shared/context';
import type { FeedRow, FeedStage, RowResult } from '../../../shared/import/feed';
import { feedDate, feedUscc, optional, required, RowRejected } from '../../../shared/import/feed-values';
import { stageRows } from '../../../shared/import/copy-rows';
import { REGISTRATION_STATUSES } from '../services/registration.service';
import { registrationDistrict } from '../rules/registration-district';
import { writeTransaction } from '../../../shared/read-snapshot';

export const REGISTRATION_COLUMNS = ['uscc', 'name', 'district_code'];

interface StagedRegistration {
  index: number;
  uscc: string;
  name: string;
  districtCode: string;
  industryCode: string | null;
  legalRepresentative: string | null;
  legalRepresentativeIdNumber: string | null;
  registeredOn: string | null;
  status: string | null;
}

/** The checks a bureau makes on a registration row; throws RowRejected naming the value. */
function registrationOf(row: FeedRow, index: number, overrides: ReadonlySet<string>, note: (message: string) => void): { staged: StagedRegistration; overridden: boolean } {
  const { values } = row;
  const { uscc, overridden } = feedUscc(values, 'uscc', overrides);
  const name = required(values, 'name');
  const districtCode = required(values, 'district_code');
  const district = registrationDistrict(uscc, districtCode, 'district_code');
  if (!district.ok) throw new RowRejected(district.problem);
  if (district.flag) note(district.flag);
  const status = optional(values, 'status')?.toUpperCase() ?? null;
  if (status !== null && !(REGISTRATION_STATUSES as readonly string[]).includes(status)) {
    throw new RowRejected(`status "${status}" must be one of ${REGISTRATION_STATUSES.join(', ')}`);
  }
  return {
    overridden,
    staged: {
      index,
      uscc,
      name,
      districtCode,
      industryCode: optional(values, 'industry_code'),
      legalRepresentative: optional(values, 'legal_representative'),
      legalRepresentativeIdNumber: optional(values, 'legal_representative_id_number'),
      registeredOn: feedDate(values, 'registered_on', true),
      status,
    },
  };
}

/**
 * Splits rows into rounds in which each code occurs once: one INSERT ... ON CONFLICT may not touch a
 * row twice, and applying round after round gives what applying the rows in file order gives.
 */
function rounds(rows: StagedRegistration[]): StagedRegistration[][] {
  const result: StagedRegistration[][] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    const round = seen.get(row.uscc) ?? 0;
    seen.set(row.uscc, round + 1);
    (result[round] ??= []).push(row);
  }
  return result;
}

/**
 * Upserts one round set-wise: COPY into a staging table, then one INSERT ... ON CONFLICT that writes
 * exactly the rows the per-row path (RegistrationService.register) would write, with its merge rules:
 * optional columns left empty keep the stored value; status defaults to ACTIVE. A row that matches the
 * stored registration on what it states is left alone (unchanged). Returns the codes written.
 */
async function upsertRound(dataSource: DataSource, ctx: HubContext, round: StagedRegistration[]): Promise<Set<string>> {
  // writeTransaction: the round commits with its audit record (the codes it wrote) in market's outbox.
  return writeTransaction(ctx, dataSource, async (manager) => {
    await stageRows(
      manager,
      {
        name: 'staged_registration',
        columns: {
          uscc: 'varchar(18)', name: 'varchar', district_code: 'varchar(6)', industry_code: 'varchar', legal_representative: 'varchar',
          legal_representative_id_number: 'varchar', registered_on: 'date', status: 'varchar',
        },
      },
      round.map((r) => [r.uscc, r.name, r.districtCode, r.industryCode, r.legalRepresentative, r.legalRepresentativeIdNumber, r.registeredOn, r.status]),
    );
    // Each staged code looks its registration up once, by primary key: the lateral subquery (OFFSET 0
    // keeps it from being flattened) stops the planner from hashing the whole stored table for every
    // batch, which it prefers once the table is large and made a 1,000,000-row import quadratic.
    const written: { uscc: string; district_code: string; old_district: string | null }[] = await manager.query(`
      WITH s AS MATERIALIZED (
        SELECT s.*, e.uscc IS NOT NULL AS known, e.name AS stored_name, e.district_code AS stored_district,
               e.industry_code AS stored_industry, e.legal_representative AS stored_representative, e.status AS stored_status
          FROM staged_registration s
          LEFT JOIN LATERAL (SELECT * FROM market.registration e WHERE e.uscc = s.uscc OFFSET 0) e ON true),
      written AS (
      INSERT INTO market.registration AS r
             (uscc, name, district_code, industry_code, legal_representative, legal_representative_id_number, registered_on, status, updated_at)
      SELECT uscc, name, district_code, industry_code, legal_representative, legal_representative_id_number, registered_on,
             -- An omitted status keeps the stored one (a REVOKED registration stays REVOKED); new ones are ACTIVE.
             COALESCE(status, stored_status, 'ACTIVE'), now()
        FROM s
       WHERE NOT known
          OR NOT (stored_name = name AND stored_district = district_code
                  AND (industry_code IS NULL OR stored_industry IS NOT DISTINCT FROM industry_code)
                  AND (legal_representative IS NULL OR stored_representative IS NOT DISTINCT FROM legal_representative)
                  AND (status IS NULL OR stored_status = status))
      ON CONFLICT (uscc) DO UPDATE SET
             name = EXCLUDED.name,
             district_code = EXCLUDED.district_code,
             industry_code = COALESCE(EXCLUDED.industry_code, r.industry_code),
             legal_representative = COALESCE(EXCLUDED.legal_representative, r.legal_representative),
             legal_representative_id_number = COALESCE(EXCLUDED.legal_representative_id_number, r.legal_representative_id_number),
             registered_on = COALESCE(EXCLUDED.registered_on, r.registered_on),
             status = EXCLUDED.status,
             updated_at = now()
      RETURNING r.uscc, r.district_code)
      SELECT w.uscc, w.district_code, s.stored_district AS old_district FROM written w JOIN s ON s.uscc = w.uscc`);
    // The bureau's copy of the district follows a move, inside this transaction as registerEnterprise does
    // (environment refusing rolls the batch back). Unmoved rows need no call: a batch of new codes stays one statement.
    for (const row of written) {
      if (row.old_district !== null && row.old_district !== row.district_code) {
        await facts(ctx).followDistrict(row.uscc, row.district_code, `import registrations (${ctx.requestId})`);
      }
    }
    for (const row of written) ctx.touchedUsccs.add(row.uscc);
    return new Set(written.map((row) => row.uscc));
  });
}

/**
 * Market registrations, applied set-wise per batch. Idempotent: a batch applied twice writes nothing
 * the second time (every row is then unchanged).
 */
export function registrationsFeed(dataSource: DataSource): FeedStage {
  return {
    open({ context, overrides, note }) {
      return async (rows) => {
        const results = new Array<RowResult>(rows.length);
        const staged: StagedRegistration[] = [];
        const ctx = context();
        const overridden = new Set<number>();
        rows.forEach((row, index) => {
          try {
            if (row.error) throw new RowRejected(row.error);
            const checked = registrationOf(row, index, overrides, (message) => note(row.line, message));
            staged.push(checked.staged);
            if (checked.overridden) overridden.add(index);
          } catch (error) {
            if (!(error instanceof RowRejected)) throw error;
            results[index] = { rejected: error.message };
          }
        });
        for (const round of rounds(staged)) {
          const written = await upsertRound(dataSource, ctx, round);
          for (const row of round) {
            const changed = written.has(row.uscc);
            results[row.index] = { outcome: changed ? 'imported' : 'unchanged', overrides: overridden.has(row.index) ? [row.uscc] : undefined };
          }
        }
        return results;
      };
    },
  };
}
