import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** An entry on one of market supervision's lists; a removed entry keeps its row with `removedOn`. */
@Entity({ name: 'list_entry' })
@Index('list_entry_uscc_dates_idx', ['uscc', 'listedOn', 'removedOn'])
@Check('list_entry_list_type_check', "list_type IN ('ABNORMAL_OPERATIONS', 'SERIOUS_ILLEGAL_DISHONEST')")
@Check('list_entry_check', 'removed_on IS NULL OR removed_on >= listed_on')
@Check('list_entry_removal_recorded_check', '(removed_on IS NULL) = (removal_recorded_on IS NULL)')
@Index('list_entry_inherited_idx', ['uscc', 'inheritedFrom'], { unique: true, where: 'inherited_from IS NOT NULL' })
export class MarketListingEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 18 })
  uscc: string;

  /** ABNORMAL_OPERATIONS (经营异常名录) or SERIOUS_ILLEGAL_DISHONEST (严重违法失信名单). */
  @Column({ name: 'list_type', type: 'varchar' })
  listType: string;

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

  /** Set on a successor's copy of a predecessor's entry (DOMAIN.md §11 Successors): the entry it came from. */
  @Column({ name: 'inherited_from', type: 'int', nullable: true })
  inheritedFrom: number | null;
}
