import { Check, Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A differential-price rule (DOMAIN.md §6): the surcharge for a half-year whose preceding snapshot
 * had `snapshotColor` (and, for RED, at least `minConsecutiveRed` RED snapshots in a row).
 */
@Entity({ name: 'price_surcharge' })
@Check('price_surcharge_price_kind_check', "price_kind IN ('SEWAGE', 'ELECTRICITY')")
@Check('price_surcharge_snapshot_color_check', "snapshot_color IN ('GREEN', 'BLUE', 'YELLOW', 'RED', 'BLACK')")
@Check('price_surcharge_min_consecutive_red_check', 'min_consecutive_red >= 0')
@Check('price_surcharge_amount_check', 'amount >= 0')
@Check('price_surcharge_check', 'effective_to IS NULL OR effective_to > effective_from')
export class PriceSurchargeEntity {
  @PrimaryGeneratedColumn()
  id: number;

  /** SEWAGE (per m³) or ELECTRICITY (per kWh). */
  @Column({ name: 'price_kind', type: 'varchar' })
  priceKind: string;

  @Column({ name: 'snapshot_color', type: 'varchar' })
  snapshotColor: string;

  @Column({ name: 'min_consecutive_red', type: 'int', default: 0 })
  minConsecutiveRed: number;

  /** numeric(10,2): pg hands it over as the exact decimal string ("0.60"). */
  @Column({ type: 'numeric', precision: 10, scale: 2 })
  amount: string;

  @Column({ type: 'varchar' })
  unit: string;

  @Column({ name: 'legal_basis', type: 'varchar' })
  legalBasis: string;

  @Column({ name: 'effective_from', type: 'date' })
  effectiveFrom: string;

  @Column({ name: 'effective_to', type: 'date', nullable: true })
  effectiveTo: string | null;
}
