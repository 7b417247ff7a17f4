import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One `Idempotency-Key` of one client (IdempotencyService; the ExactlyOnceWrites migration). */
@Entity({ name: 'idempotency_key' })
@Index('idempotency_key_created_at', ['createdAt'])
export class IdempotencyKeyEntity {
  @PrimaryColumn({ name: 'client_id', type: 'varchar' })
  clientId: string;

  @PrimaryColumn({ type: 'varchar', length: 255 })
  key: string;

  /** SHA-256 (hex) of the request body the key was first used with. */
  @Column({ name: 'body_hash', type: 'varchar', length: 64 })
  bodyHash: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  /** Null while the first request runs. */
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  @Column({ name: 'response_status', type: 'integer', nullable: true })
  responseStatus: number | null;

  @Column({ name: 'response_body', type: 'text', nullable: true })
  responseBody: string | null;
}
