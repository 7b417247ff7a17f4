import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** One row of the audit trail (append-only; see the CreateAuditLog migration). */
@Entity({ name: 'audit_log' })
@Index('audit_log_at', ['at'])
@Index('audit_log_usccs', ['usccs'], { type: 'gin' })
@Index('audit_log_departments', ['departments'], { type: 'gin' })
@Index('audit_log_one_successor', ['prevHash'], { unique: true })
@Unique('audit_log_source_key', ['sourceDepartment', 'sourceId'])
export class AuditRecordEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'timestamptz' })
  at: Date;

  @Column({ name: 'request_id', type: 'varchar' })
  requestId: string;

  @Column({ name: 'client_id', type: 'varchar' })
  clientId: string;

  @Column({ name: 'client_name', type: 'varchar' })
  clientName: string;

  @Column({ type: 'varchar' })
  role: string;

  @Column({ type: 'varchar', nullable: true })
  agency: string | null;

  @Column({ name: 'district_code', type: 'varchar', nullable: true })
  districtCode: string | null;

  @Column({ type: 'varchar', nullable: true })
  purpose: string | null;

  @Column({ name: 'operation_name', type: 'varchar', nullable: true })
  operationName: string | null;

  @Column({ name: 'operation_hash', type: 'varchar' })
  operationHash: string;

  @Column({ name: 'operation_type', type: 'varchar' })
  operationType: string;

  @Column({ name: 'top_level_fields', type: 'text', array: true })
  topLevelFields: string[];

  @Column({ type: 'text', array: true })
  fields: string[];

  @Column({ type: 'text', array: true })
  departments: string[];

  @Column({ type: 'text', array: true })
  usccs: string[];

  @Column({ type: 'varchar' })
  outcome: string;

  @Column({ name: 'error_codes', type: 'text', array: true })
  errorCodes: string[];

  /** The previous record's `hash` (GENESIS_HASH for the first); both are SHA-256 in hex, 64 characters. */
  @Column({ name: 'prev_hash', type: 'varchar', length: 64 })
  prevHash: string;

  @Column({ type: 'varchar', length: 64, unique: true })
  hash: string;

  /**
   * Where a write's record came from: its department and outbox row id (null for records the
   * gateway wrote itself). Not part of the hash; unique, so an outbox row is taken once.
   */
  @Column({ name: 'source_department', type: 'varchar', nullable: true })
  sourceDepartment: string | null;

  @Column({ name: 'source_id', type: 'bigint', nullable: true })
  sourceId: string | null;
}
