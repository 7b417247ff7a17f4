import { Check, Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Assignment, PoolMember } from '../rules/inspector-assignment';

export interface DrawnSubject {
  uscc: string;
  color: string;
  /** Set (true) only for a GREEN subject on a punishment list that day: drawn at no less than the base rate. */
  rewardsSuspended?: boolean;
}

/**
 * A random-inspection draw, stored for audit with everything needed to reproduce it: the seed, the
 * weights used, and the population snapshot (each subject with its colour on `asOf`).
 */
@Entity({ name: 'inspection_draw' })
@Check('inspection_draw_sample_size_check', 'sample_size > 0')
@Check('inspection_draw_rate_check', 'rate > 0 AND rate <= 1')
// Either a sample size or a rate, never both.
@Check('inspection_draw_check', '(sample_size IS NULL) <> (rate IS NULL)')
export class InspectionDrawEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'drawn_at', type: 'timestamptz', default: () => 'now()' })
  drawnAt: Date;

  @Column({ name: 'drawn_by', type: 'varchar' })
  drawnBy: string;

  @Column({ name: 'as_of', type: 'date' })
  asOf: string;

  @Column({ name: 'district_code', type: 'varchar', nullable: true })
  districtCode: string | null;

  @Column({ name: 'industry_code', type: 'varchar', nullable: true })
  industryCode: string | null;

  @Column({ type: 'varchar', array: true })
  colors: string[];

  @Column({ name: 'sample_size', type: 'int', nullable: true })
  sampleSize: number | null;

  /** numeric(7,4) as its decimal string. */
  @Column({ type: 'numeric', precision: 7, scale: 4, nullable: true })
  rate: string | null;

  @Column({ type: 'varchar' })
  seed: string;

  /** Name and version of the selection algorithm, so a replay uses the same one. */
  @Column({ type: 'varchar' })
  algorithm: string;

  /** Multiplier per colour in force on `asOf`. */
  @Column({ type: 'jsonb' })
  weights: Record<string, number>;

  @Column({ type: 'jsonb' })
  population: DrawnSubject[];

  @Column({ type: 'jsonb' })
  selected: DrawnSubject[];

  /** The inspector pool as the draw saw it (rules/inspector-assignment.ts); null for draws made before inspectors. */
  @Column({ name: 'inspector_pool', type: 'jsonb', nullable: true })
  inspectorPool: PoolMember[] | null;

  /** The inspectors given to each selected subject, in selection order; null for draws made before inspectors. */
  @Column({ type: 'jsonb', nullable: true })
  assignments: Assignment[] | null;
}
