import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A court's dishonest-debtor record (失信被执行人), as the court publishes it. */
@Entity({ name: 'dishonest_debtor' })
@Index('dishonest_debtor_uscc_idx', ['uscc'])
@Check('dishonest_debtor_performance_check', "performance IN ('UNPERFORMED', 'PARTIALLY_PERFORMED')")
@Check('dishonest_debtor_check', 'removed_on IS NULL OR removed_on >= published_on')
export class DishonestDebtorEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 18 })
  uscc: string;

  @Column({ name: 'subject_name', type: 'varchar' })
  subjectName: string;

  @Column({ name: 'case_no', type: 'varchar' })
  caseNo: string;

  @Column({ type: 'varchar' })
  court: string;

  /** The obligation set by the effective legal document. */
  @Column({ type: 'text' })
  obligation: string;

  /** UNPERFORMED or PARTIALLY_PERFORMED. */
  @Column({ type: 'varchar' })
  performance: string;

  @Column({ name: 'filed_on', type: 'date' })
  filedOn: string;

  @Column({ name: 'published_on', type: 'date' })
  publishedOn: string;

  @Column({ name: 'removed_on', type: 'date', nullable: true })
  removedOn: string | null;
}
