import { Check, Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One version of the random-inspection multiple of the base rate for a colour (DOMAIN.md §4). */
@Entity({ name: 'inspection_frequency' })
@Check('inspection_frequency_color_check', "color IN ('GREEN', 'BLUE', 'YELLOW', 'RED', 'BLACK')")
@Check('inspection_frequency_multiplier_check', 'multiplier >= 0')
@Check('inspection_frequency_check', 'effective_to IS NULL OR effective_to > effective_from')
export class InspectionFrequencyEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar' })
  color: string;

  /** numeric(6,2) as its decimal string. */
  @Column({ type: 'numeric', precision: 6, scale: 2 })
  multiplier: string;

  @Column({ name: 'legal_basis', type: 'varchar' })
  legalBasis: string;

  @Column({ name: 'effective_from', type: 'date' })
  effectiveFrom: string;

  @Column({ name: 'effective_to', type: 'date', nullable: true })
  effectiveTo: string | null;
}
