import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { RatedSubjectEntity } from './rated-subject.entity';

/**
 * A move of a rated subject's supervising district, learnt from its market registration (DOMAIN.md
 * §11 "Relocation"). From `movedOn` the subject is in `toDistrict`; every answer about an earlier day
 * keeps it in `fromDistrict` (the colour periods are cut at this day, see the migration DistrictByDay).
 */
@Entity({ name: 'district_move' })
@Index('district_move_uscc', ['uscc', 'movedOn', 'id'])
export class DistrictMoveEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'varchar', length: 18 })
  @ForeignKey(() => RatedSubjectEntity, { name: 'district_move_uscc_fkey' })
  uscc: string;

  @Column({ name: 'from_district', type: 'varchar', length: 6 })
  fromDistrict: string;

  @Column({ name: 'to_district', type: 'varchar', length: 6 })
  toDistrict: string;

  @Column({ name: 'moved_at', type: 'timestamptz', default: () => 'now()' })
  movedAt: Date;

  /** The day the move takes effect: the day it was recorded (UTC calendar, like `today()`). */
  @Column({ name: 'moved_on', type: 'date', default: () => "(timezone('UTC', now()))" })
  movedOn: string;

  /** Who told the bureau: the request that changed the registration. */
  @Column({ type: 'varchar' })
  source: string;
}
