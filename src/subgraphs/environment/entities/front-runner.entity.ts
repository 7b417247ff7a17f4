import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { RatedSubjectEntity } from './rated-subject.entity';

/**
 * An environmental front-runner designation (环保领跑者): GREEN from `designatedOn` until the
 * subject's next deduction takes effect. The lapse is derived from the events, so voiding that
 * deduction restores the designation.
 */
@Entity({ name: 'front_runner' })
@Index('front_runner_uscc_idx', ['uscc'])
export class FrontRunnerEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 18 })
  @ForeignKey(() => RatedSubjectEntity, { name: 'front_runner_uscc_fkey' })
  uscc: string;

  @Column({ name: 'designated_on', type: 'date' })
  designatedOn: string;

  @Column({ name: 'decision_no', type: 'varchar' })
  decisionNo: string;

  @Column({ name: 'designated_by', type: 'varchar', nullable: true })
  designatedBy: string | null;

  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' })
  recordedAt: Date;
}
