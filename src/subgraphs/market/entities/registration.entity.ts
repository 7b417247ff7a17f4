import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A market-supervision registration (DOMAIN.md §8); one row per USCC. */
@Entity({ name: 'registration' })
// Search pages by code within a district or industry (EnterpriseSearchService); names by their
// bigrams and codes by prefix, which TypeORM cannot describe (an expression index and an operator
// class: created by NameBigramIndex1796130100000, left alone by the schema builder).
@Index('registration_district_uscc_idx', ['districtCode', 'uscc'])
@Index('registration_industry_uscc_idx', ['industryCode', 'uscc'])
@Index('registration_name_bigrams_idx', { synchronize: false })
@Index('registration_uscc_prefix_idx', { synchronize: false })
@Check('registration_status_check', "status IN ('ACTIVE', 'SUSPENDED', 'REVOKED', 'CANCELLED')")
@Check('registration_capital_nonnegative', 'registered_capital IS NULL OR registered_capital >= 0')
export class RegistrationEntity {
  @PrimaryColumn({ type: 'varchar', length: 18 })
  uscc: string;

  @Column({ type: 'varchar' })
  name: string;

  @Column({ name: 'district_code', type: 'varchar', length: 6 })
  districtCode: string;

  @Column({ name: 'industry_code', type: 'varchar', nullable: true })
  industryCode: string | null;

  /** Type of entity as registered (有限责任公司, 个人独资企业, ...). */
  @Column({ name: 'enterprise_type', type: 'varchar', nullable: true })
  enterpriseType: string | null;

  @Column({ name: 'legal_representative', type: 'varchar', nullable: true })
  legalRepresentative: string | null;

  @Column({ name: 'legal_representative_id_number', type: 'varchar', nullable: true })
  legalRepresentativeIdNumber: string | null;

  @Column({ name: 'registered_capital', type: 'numeric', precision: 18, scale: 2, nullable: true })
  registeredCapital: string | null;

  @Column({ name: 'registered_on', type: 'date', nullable: true })
  registeredOn: string | null;

  @Column({ type: 'varchar', nullable: true })
  address: string | null;

  /** ACTIVE, SUSPENDED, REVOKED or CANCELLED. */
  @Column({ type: 'varchar', default: 'ACTIVE' })
  status: string;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
