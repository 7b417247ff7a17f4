import type { DataSource } from 'typeorm';
import { districtScope } from '../../../shared/auth/scope';
import { subjectVisible } from '../../../shared/auth/subject-scope';
import type { HubContext } from '../../../shared/context';
import { badInput } from '../../../shared/errors';
import { RegistrationEntity } from '../entities/registration.entity';
import { registrationLoader } from '../loaders/registration.loader';
import type { MarketEnterprise } from '../types/enterprise.type';
import type { RegisterEnterpriseInput } from '../types/register-enterprise.input';

export const REGISTRATION_STATUSES = ['ACTIVE', 'SUSPENDED', 'REVOKED', 'CANCELLED'] as const;
const DISTRICT_PATTERN = /^\d{6}$/;

function toEnterprise(row: RegistrationEntity): MarketEnterprise {
  return {
    uscc: row.uscc,
    name: row.name,
    districtCode: row.districtCode,
    registrationStatus: row.status,
    industryCode: row.industryCode,
    legalRepresentative: row.legalRepresentative,
    legalRepresentativeIdNumber: row.legalRepresentativeIdNumber,
    registeredOn: row.registeredOn,
  };
}

/** Registrations: the identity of every subject the hub knows. */
export class RegistrationService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The registration of `uscc` as the caller may see it; null when unknown or outside its row scope
   * (another district for ENV_OFFICER, an unrated subject for PUBLIC).
   */
  async find(ctx: HubContext, uscc: string): Promise<MarketEnterprise | null> {
    const row = await registrationLoader(ctx, this.dataSource).load(uscc);
    if (!row || !(await subjectVisible(ctx, uscc, { districtCode: row.districtCode }))) return null;
    ctx.touchedUsccs.add(uscc);
    return toEnterprise(row);
  }

  /** One entry per asked code, in the asked order; null for unknown or out-of-scope codes. */
  async findMany(ctx: HubContext, usccs: readonly string[]): Promise<(MarketEnterprise | null)[]> {
    return Promise.all(usccs.map((uscc) => this.find(ctx, uscc)));
  }

  /** Creates or updates a registration; idempotent on the USCC. */
  async register(ctx: HubContext, input: RegisterEnterpriseInput): Promise<MarketEnterprise> {
    const name = input.name.trim();
    if (!name) throw badInput('name must not be empty');
    if (!DISTRICT_PATTERN.test(input.districtCode)) {
      throw badInput(`districtCode "${input.districtCode}" must be a six-digit administrative division code`);
    }
    const scope = districtScope(ctx.principal);
    if (scope !== null && scope !== input.districtCode) {
      throw badInput(`districtCode "${input.districtCode}" is outside the caller's district ${scope}`);
    }
    const status = input.registrationStatus ?? 'ACTIVE';
    if (!(REGISTRATION_STATUSES as readonly string[]).includes(status)) {
      throw badInput(`registrationStatus "${status}" must be one of ${REGISTRATION_STATUSES.join(', ')}`);
    }
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(RegistrationEntity);
      const existing = await repository.findOneBy({ uscc: input.uscc });
      const row = repository.merge(existing ?? repository.create({ uscc: input.uscc }), {
        name,
        districtCode: input.districtCode,
        industryCode: input.industryCode ?? existing?.industryCode ?? null,
        legalRepresentative: input.legalRepresentative ?? existing?.legalRepresentative ?? null,
        legalRepresentativeIdNumber: input.legalRepresentativeIdNumber ?? existing?.legalRepresentativeIdNumber ?? null,
        registeredOn: input.registeredOn ?? existing?.registeredOn ?? null,
        status,
        updatedAt: new Date(),
      });
      await repository.save(row);
      ctx.touchedUsccs.add(input.uscc);
      return toEnterprise(row);
    });
  }
}
