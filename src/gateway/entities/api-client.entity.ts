import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A partner's API client. Only the SHA-256 of its key is stored; the key is shown once, at issue. */
@Entity({ name: 'api_client' })
export class ApiClientEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar' })
  name: string;

  @Column({ type: 'varchar' })
  role: string;

  @Column({ type: 'varchar', nullable: true })
  agency: string | null;

  @Column({ name: 'district_code', type: 'varchar', nullable: true })
  districtCode: string | null;

  @Column({ name: 'key_hash', type: 'varchar', unique: true })
  keyHash: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ name: 'is_demo', type: 'boolean', default: false })
  isDemo: boolean;
}
