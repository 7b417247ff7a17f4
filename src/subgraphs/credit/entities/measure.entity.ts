import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A row of the measure catalogue (DOMAIN.md §5): what happens to a subject, triggered by its colour
 * or by a listing, implemented by which agency, on which legal basis, in which period. A change is a
 * new row from a date on (the old one ends that day), so history is never rewritten.
 */
@Entity({ name: 'measure' })
@Index('measure_code_idx', ['code'])
@Check('measure_code_check', "code ~ '^[A-Z][A-Z0-9_]*$'")
@Check('measure_nature_check', "nature IN ('REWARD', 'PUNISHMENT')")
@Check('measure_kind_check', "kind IN ('ADMINISTRATIVE', 'MARKET', 'INDUSTRY', 'SOCIAL')")
@Check('measure_trigger_kind_check', "trigger_kind IN ('COLOR', 'LISTING')")
@Check('measure_trigger_values_check', 'cardinality(trigger_values) > 0')
@Check('measure_price_kind_check', "price_kind IS NULL OR price_kind IN ('SEWAGE', 'ELECTRICITY')")
@Check('measure_check', 'effective_to IS NULL OR effective_to > effective_from')
export class MeasureEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar' })
  code: string;

  @Column({ type: 'varchar' })
  name: string;

  /** REWARD or PUNISHMENT. */
  @Column({ type: 'varchar' })
  nature: string;

  /** ADMINISTRATIVE, MARKET, INDUSTRY or SOCIAL. */
  @Column({ type: 'varchar' })
  kind: string;

  /** COLOR (trigger values are colours) or LISTING (trigger values are list types, credit's or market's). */
  @Column({ name: 'trigger_kind', type: 'varchar' })
  triggerKind: string;

  @Column({ name: 'trigger_values', type: 'varchar', array: true })
  triggerValues: string[];

  @Column({ name: 'implementing_agency', type: 'varchar' })
  implementingAgency: string;

  /** BANK, UTILITY, ENVIRONMENT, ...: decides which partners see and report on the measure. */
  @Column({ name: 'agency_kind', type: 'varchar' })
  agencyKind: string;

  /**
   * SEWAGE or ELECTRICITY for a price measure: it applies exactly when that surcharge for the
   * half-year (decided by the snapshot before it) is above the normal price; null otherwise.
   */
  @Column({ name: 'price_kind', type: 'varchar', nullable: true })
  priceKind: string | null;

  @Column({ name: 'legal_basis', type: 'varchar' })
  legalBasis: string;

  @Column({ name: 'effective_from', type: 'date' })
  effectiveFrom: string;

  /** Exclusive; null while in force. */
  @Column({ name: 'effective_to', type: 'date', nullable: true })
  effectiveTo: string | null;
}
