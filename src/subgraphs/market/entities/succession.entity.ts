import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One (predecessor, successor) pair of a succession market supervision recorded (DOMAIN.md §11
 * Successors): a merger, split or deregistration; `recordId` groups the pairs of one record. A
 * deregistration without successor has a null `toUscc`. Both codes are registrations (checked by
 * SuccessionService before the write).
 */
@Entity({ name: 'succession' })
@Index('succession_from_idx', ['fromUscc'])
@Index('succession_to_idx', ['toUscc'])
@Check('succession_kind_check', "kind IN ('MERGER', 'SPLIT', 'DEREGISTRATION')")
@Check('succession_not_self_check', 'to_uscc IS NULL OR to_uscc <> from_uscc')
export class SuccessionEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'record_id', type: 'uuid' })
  recordId: string;

  @Column({ type: 'varchar' })
  kind: string;

  @Column({ name: 'from_uscc', type: 'varchar', length: 18 })
  fromUscc: string;

  @Column({ name: 'to_uscc', type: 'varchar', length: 18, nullable: true })
  toUscc: string | null;

  @Column({ name: 'effective_on', type: 'date' })
  effectiveOn: string;

  @Column({ type: 'varchar' })
  source: string;

  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' })
  recordedAt: Date;
}
