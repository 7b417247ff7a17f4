import type { DataSource } from 'typeorm';
import { districtScope } from '../../../shared/auth/scope';
import { facts, subjectVisible } from '../../../shared/auth/subject-scope';
import type { HubContext } from '../../../shared/context';
import { formulaLike } from '../../../shared/csv-cells';
import { classifyDistrict } from '../../../shared/divisions';
import { isUniqueViolation } from '../../../shared/database';
import { badInput, HubError } from '../../../shared/errors';
import { writeTransaction } from '../../../shared/read-snapshot';
import { RegistrationEntity } from '../entities/registration.entity';
import { registrationLoader } from '../loaders/registration.loader';
import { registrationDistrict } from '../rules/registration-district';
import type { MarketEnterprise } from '../types/enterprise.type';
import type { RegisterEnterpriseInput } from '../types/register-enterprise.input';

export const REGISTRATION_STATUSES = ['ACTIVE', 'SUSPENDED', 'REVOKED', 'CANCELLED'] as const;
/** numeric(18,2): up to 16 integer digits and 2 decimals, never a float. */
const CAPITAL_PATTERN = /^\d{1,16}(\.\d{1,2})?$/;
/** The most codes one `enterprises(usccs:)` may ask for (CONTRACT.md). */
export const MAX_BATCH_CODES = 1000;

/** The GraphQL view of a registration. */
export function toEnterprise(row: RegistrationEntity): MarketEnterprise {
  return {
    uscc: row.uscc,
    name: row.name,
    nameLooksLikeFormula: formulaLike(row.name),
    districtCode: row.districtCode,
    districtInCity: classifyDistrict(row.districtCode)?.inCity ?? false,
    registrationStatus: row.status,
    industryCode: row.industryCode,
    legalRepresentative: row.legalRepresentative,
    legalRepresentativeIdNumber: row.legalRepresentativeIdNumber,
    enterpriseType: row.enterpriseType,
    registeredCapital: row.registeredCapital,
    registeredOn: row.registeredOn,
    address: row.address,
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

  /**
   * One entry per asked code, in the asked order; null for unknown or out-of-scope codes. More than
   * MAX_BATCH_CODES codes are refused before any SQL is sent; the codes share one batched statement.
   */
  async findMany(ctx: HubContext, usccs: readonly string[]): Promise<(MarketEnterprise | null)[]> {
    if (usccs.length > MAX_BATCH_CODES) {
      throw new HubError('QUERY_TOO_COMPLEX', `enterprises(usccs:) takes at most ${MAX_BATCH_CODES} codes, got ${usccs.length}`);
    }
    return Promise.all(usccs.map((uscc) => this.find(ctx, uscc)));
  }

  /**
   * Creates or updates a registration; idempotent on the USCC. On update, a field the input leaves
   * out (or null) keeps its stored value, the status included; `name` and `districtCode` are always
   * given. The environment department is told the registration's district inside this transaction
   * (SubjectDistrictService): if it cannot follow, the registration does not change. It is told on
   * every write, not only on a move, so that a copy left behind (the bureau committed, then this
   * commit failed) is set right by the next write of the registration; the bureau writes only moves.
   *
   * Concurrent first registrations of one code: each finds no row to lock, so each inserts, and all
   * but the first meet the primary key's unique violation once the first commits. That violation
   * means "registered meanwhile": the write runs once more, now finding (and locking) the row, and
   * answers like any repeated registration (idempotent, never INTERNAL). Nothing else was written
   * before the insert (the environment department is told after it), so the retry repeats nothing.
   */
  async register(ctx: HubContext, input: RegisterEnterpriseInput): Promise<MarketEnterprise> {
    const name = input.name.trim();
    if (!name) throw badInput('name must not be empty');
    const district = registrationDistrict(input.uscc, input.districtCode, 'districtCode');
    if (!district.ok) throw badInput(district.problem);
    // A code of another city keeps the stated district (`district.flag`: the import shows it to the operator).
    const scope = districtScope(ctx.principal);
    if (scope !== null && scope !== input.districtCode) {
      throw badInput(`districtCode "${input.districtCode}" is outside the caller's district ${scope}`);
    }
    if (input.registeredCapital != null && !CAPITAL_PATTERN.test(input.registeredCapital)) {
      throw badInput(`registeredCapital "${input.registeredCapital}" must be a non-negative decimal with at most 2 decimals, e.g. "5000000.00"`);
    }
    const givenStatus = input.registrationStatus ?? null;
    if (givenStatus !== null && !(REGISTRATION_STATUSES as readonly string[]).includes(givenStatus)) {
      throw badInput(`registrationStatus "${givenStatus}" must be one of ${REGISTRATION_STATUSES.join(', ')}`);
    }
    try {
      return await this.write(ctx, input, name, givenStatus);
    } catch (error) {
      if (!isUniqueViolation(error, 'registration_pkey')) throw error;
      return this.write(ctx, input, name, givenStatus);
    }
  }

  /** The registration's write, in one transaction (see `register`). */
  private write(ctx: HubContext, input: RegisterEnterpriseInput, name: string, givenStatus: string | null): Promise<MarketEnterprise> {
    return writeTransaction(ctx, this.dataSource, async (manager) => {
      const repository = manager.getRepository(RegistrationEntity);
      const existing = await repository.createQueryBuilder('r').setLock('pessimistic_write').where('r.uscc = :uscc', { uscc: input.uscc }).getOne();
      const row = repository.merge(existing ?? repository.create({ uscc: input.uscc }), {
        name,
        districtCode: input.districtCode,
        industryCode: input.industryCode ?? existing?.industryCode ?? null,
        legalRepresentative: input.legalRepresentative ?? existing?.legalRepresentative ?? null,
        legalRepresentativeIdNumber: input.legalRepresentativeIdNumber ?? existing?.legalRepresentativeIdNumber ?? null,
        registeredOn: input.registeredOn ?? existing?.registeredOn ?? null,
        enterpriseType: input.enterpriseType ?? existing?.enterpriseType ?? null,
        registeredCapital: input.registeredCapital ?? existing?.registeredCapital ?? null,
        address: input.address ?? existing?.address ?? null,
        status: givenStatus ?? existing?.status ?? 'ACTIVE',
        updatedAt: new Date(),
      });
      await repository.save(row);
      await facts(ctx).followDistrict(input.uscc, input.districtCode, `registerEnterprise by ${ctx.principal.clientId} (request ${ctx.requestId})`, ctx);
      ctx.touchedUsccs.add(input.uscc);
      // Read back so that numeric columns come as Postgres prints them ("5000000.00").
      return toEnterprise((await repository.findOneBy({ uscc: input.uscc }))!);
    });
  }
}
