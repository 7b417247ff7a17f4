import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A subject in the rating scope. The bureau keeps its own supervision district and industry (from
 * its discharge-permit register) so that colours can be grouped without another department's data.
 */
@Entity({ name: 'rated_subject' })
export class RatedSubjectEntity {
  @PrimaryColumn({ type: 'varchar', length: 18 })
  uscc: string;

  @Column({ name: 'subject_kind', type: 'varchar', default: 'ENTERPRISE' })
  subjectKind: string;

  @Column({ name: 'district_code', type: 'varchar', length: 6 })
  districtCode: string;

  @Column({ name: 'industry_code', type: 'varchar', nullable: true })
  industryCode: string | null;

  @Column({ name: 'rated_from', type: 'date' })
  ratedFrom: string;

  @Column({ name: 'enrolled_at', type: 'timestamptz', default: () => 'now()' })
  enrolledAt: Date;
}
