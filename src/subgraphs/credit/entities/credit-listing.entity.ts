import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A designation on one of the credit office's lists; a removed entry keeps its row with `removedOn`. */
@Entity({ name: 'list_designation' })
@Index('list_designation_uscc_idx', ['uscc'])
@Check('list_designation_list_type_check', "list_type IN ('SERIOUS_DISHONESTY', 'COURT_DISHONEST_DEBTOR', 'RED_LIST')")
@Check('list_designation_check', 'removed_on IS NULL OR removed_on >= listed_on')
@Check('list_designation_removal_recorded_check', '(removed_on IS NULL) = (removal_recorded_on IS NULL)')
@Index('list_designation_inherited_idx', ['uscc', 'inheritedFrom'], { unique: true, where: 'inherited_from IS NOT NULL' })
export class CreditListingEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 18 })
  uscc: string;

  /** SERIOUS_DISHONESTY (严重失信主体名单), COURT_DISHONEST_DEBTOR (失信被执行人) or RED_LIST (守信红名单). */
  @Column({ name: 'list_type', type: 'varchar' })
  listType: string;

  /** The field of the designation, e.g. ENVIRONMENT. */
  @Column({ type: 'varchar', default: 'ENVIRONMENT' })
  field: string;

  @Column({ type: 'varchar' })
  reason: string;

  @Column({ type: 'varchar' })
  authority: string;

  @Column({ name: 'document_no', type: 'varchar', nullable: true })
  documentNo: string | null;

  @Column({ name: 'listed_on', type: 'date' })
  listedOn: string;

  @Column({ name: 'removed_on', type: 'date', nullable: true })
  removedOn: string | null;

  @Column({ name: 'removal_reason', type: 'varchar', nullable: true })
  removalReason: string | null;

  /**
   * The day (UTC calendar, like `today()`) the hub learned of the entry (DOMAIN.md §10 known-on
   * dates): what the hub said on an earlier day did not count it, whatever `listedOn` says. Set by
   * the service; the default (`timezone('UTC', now())::date`, written as TypeORM reads it back
   * without casts) covers bulk writers.
   */
  @Column({ name: 'recorded_on', type: 'date', default: () => "(timezone('UTC', now()))" })
  recordedOn: string;

  /** The day the hub learned of the removal; set exactly when `removedOn` is. */
  @Column({ name: 'removal_recorded_on', type: 'date', nullable: true })
  removalRecordedOn: string | null;

  /** Set on a successor's copy of a predecessor's designation (DOMAIN.md §11 Successors): the one it came from. */
  @Column({ name: 'inherited_from', type: 'int', nullable: true })
  inheritedFrom: number | null;
}
