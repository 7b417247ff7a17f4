import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A move of a rated subject's supervising district, learnt from its market registration. */
@Entity({ name: 'district_move' })
export class DistrictMoveEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'varchar', length: 18 })
  uscc: string;

  @Column({ name: 'from_district', type: 'varchar', length: 6 })
  fromDistrict: string;

  @Column({ name: 'to_district', type: 'varchar', length: 6 })
  toDistrict: string;

  @Column({ name: 'moved_at', type: 'timestamptz', default: () => 'now()' })
  movedAt: Date;

  /** Who told the bureau: the request that changed the registration. */
  @Column({ type: 'varchar' })
  source: string;
}
