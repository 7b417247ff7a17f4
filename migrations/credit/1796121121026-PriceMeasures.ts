import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A measure may be a price measure (DOMAIN.md §6, §10): `price_kind` names the surcharge it carries
 * out, and then it applies exactly when that surcharge for the half-year, decided by the stored
 * snapshot of the half-year before, is above the normal price (not when today's colour matches).
 * The catalogue's two price measures are marked; their trigger colours stay for the notice.
 */
export class PriceMeasures1796121121026 implements MigrationInterface {
  name = 'PriceMeasures1796121121026';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE credit.measure ADD COLUMN price_kind varchar NULL`);
    await q.query(`ALTER TABLE credit.measure ADD CONSTRAINT measure_price_kind_check CHECK (price_kind IS NULL OR price_kind IN ('SEWAGE', 'ELECTRICITY'))`);
    await q.query(`UPDATE credit.measure SET price_kind = 'SEWAGE' WHERE code = 'SEWAGE_FEE_SURCHARGE'`);
    await q.query(`UPDATE credit.measure SET price_kind = 'ELECTRICITY' WHERE code = 'ELECTRICITY_SURCHARGE'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE credit.measure DROP CONSTRAINT measure_price_kind_check`);
    await q.query(`ALTER TABLE credit.measure DROP COLUMN price_kind`);
  }
}
