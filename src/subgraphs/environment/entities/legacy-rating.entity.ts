import { Check, Column, Entity, ForeignKey, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { RatedSubjectEntity } from './rated-subject.entity';

/** A historical rating on the old annual 100-point scale; history only, never 12-point arithmetic. */
@Entity({ name: 'legacy_rating' })
@Unique('legacy_rating_uscc_scale_year_key', ['uscc', 'scale', 'year'])
@Check('legacy_rating_year_check', 'year BETWEEN 1990 AND 2100')
@Check('legacy_rating_score_check', 'score >= 0 AND score <= 100')
@Check('legacy_rating_color_check', "color IN ('GREEN', 'BLUE', 'YELLOW', 'RED', 'BLACK')")
export class LegacyRatingEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 18 })
  @ForeignKey(() => RatedSubjectEntity, { name: 'legacy_rating_uscc_fkey' })
  uscc: string;

  @Column({ type: 'int' })
  year: number;

  /** ANNUAL_100: the older annual 100-point scale (green ≥ 95 … black ≤ 39). */
  @Column({ type: 'varchar', default: 'ANNUAL_100' })
  scale: string;

  /** numeric(5,2), kept as its decimal string. */
  @Column({ type: 'numeric', precision: 5, scale: 2 })
  score: string;

  @Column({ type: 'varchar' })
  color: string;

  @Column({ type: 'varchar' })
  source: string;

  @Column({ name: 'imported_by', type: 'varchar', nullable: true })
  importedBy: string | null;

  @Column({ name: 'imported_at', type: 'timestamptz', default: () => 'now()' })
  importedAt: Date;
}
