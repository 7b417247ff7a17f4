import { createHash, randomBytes } from 'node:crypto';
import { IsNull, type DataSource } from 'typeorm';
import { isRole, type Principal, type Role } from '../../shared/auth/principal';
import { badInput, notFound, unauthenticated } from '../../shared/errors';
import { ApiClientEntity } from '../entities/api-client.entity';

/** The demo clients of CONTRACT.md, created with these exact keys in demo mode only. */
export const DEMO_CLIENTS: { key: string; name: string; role: Role; agency: string; districtCode: string | null }[] = [
  { key: 'demo-env-admin', name: 'Demo municipal ecology bureau', role: 'ENV_ADMIN', agency: '连云港市生态环境局', districtCode: null },
  { key: 'demo-env-officer-haizhou', name: 'Demo Haizhou district branch', role: 'ENV_OFFICER', agency: '连云港市海州生态环境局', districtCode: '320706' },
  { key: 'demo-credit-office', name: 'Demo credit office', role: 'CREDIT_OFFICE', agency: '连云港市信用办', districtCode: null },
  { key: 'demo-market', name: 'Demo market supervision', role: 'MARKET_REGULATOR', agency: '连云港市市场监督管理局', districtCode: null },
  { key: 'demo-bank', name: 'Demo bank', role: 'BANK', agency: 'Demo Bank Lianyungang branch', districtCode: null },
  { key: 'demo-utility', name: 'Demo water utility', role: 'UTILITY', agency: 'Demo Lianyungang water utility', districtCode: null },
  { key: 'demo-dashboard', name: 'Demo dashboard', role: 'DASHBOARD', agency: 'Demo city dashboard', districtCode: null },
];

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

const CACHE_TTL_MS = 5_000;

/** A new key: shown once to whoever issues it, stored only as its SHA-256. */
export function generateApiKey(): string {
  return `eck_${randomBytes(32).toString('base64url')}`;
}

export interface NewApiClient {
  name: string;
  role: string;
  agency?: string | null;
  districtCode?: string | null;
  expiresAt?: Date | null;
}

/**
 * API clients: turns a presented key into a principal. Lookups are cached for a few seconds per
 * process; revocation through this service clears the cache at once.
 */
export class ApiClientService {
  private readonly cache = new Map<string, { client: ApiClientEntity | null; at: number }>();

  constructor(private readonly dataSource: DataSource) {}

  async authenticateKey(key: string): Promise<Omit<Principal, 'purpose'>> {
    const hash = hashApiKey(key);
    const cached = this.cache.get(hash);
    let client: ApiClientEntity | null;
    if (cached && Date.now() - cached.at < CACHE_TTL_MS) {
      client = cached.client;
    } else {
      client = await this.dataSource.getRepository(ApiClientEntity).findOneBy({ keyHash: hash });
      this.cache.set(hash, { client, at: Date.now() });
    }
    if (!client) throw unauthenticated('unknown API key');
    if (client.revokedAt) throw unauthenticated('this API key was revoked');
    if (client.expiresAt && client.expiresAt.getTime() <= Date.now()) throw unauthenticated('this API key has expired');
    if (!isRole(client.role)) throw unauthenticated('this API key has no valid role');
    return { clientId: `key:${client.id}`, clientName: client.name, role: client.role, agency: client.agency, districtCode: client.districtCode };
  }

  /** Creates the demo clients that do not exist yet. */
  async ensureDemoClients(): Promise<void> {
    const repository = this.dataSource.getRepository(ApiClientEntity);
    for (const demo of DEMO_CLIENTS) {
      const keyHash = hashApiKey(demo.key);
      if (await repository.findOneBy({ keyHash })) continue;
      await repository.insert({ name: demo.name, role: demo.role, agency: demo.agency, districtCode: demo.districtCode, keyHash, isDemo: true });
    }
  }

  /** Whether any demo client is active: a production start refuses to run with them. */
  async hasActiveDemoClients(): Promise<boolean> {
    const count = await this.dataSource.getRepository(ApiClientEntity).countBy({ isDemo: true, revokedAt: IsNull() });
    return count > 0;
  }

  /** Issues a client and its key (returned once). ENV_OFFICER clients need their district. */
  async create(input: NewApiClient): Promise<{ client: ApiClientEntity; key: string }> {
    const name = input.name.trim();
    if (!name) throw badInput('name must not be empty');
    if (!isRole(input.role) || input.role === 'PUBLIC') throw badInput(`role "${input.role}" must be one of the CONTRACT.md roles other than PUBLIC`);
    if (input.role === 'ENV_OFFICER' && !/^\d{6}$/.test(input.districtCode ?? '')) throw badInput('an ENV_OFFICER client needs a six-digit districtCode');
    if (input.expiresAt && input.expiresAt.getTime() <= Date.now()) throw badInput('expiresAt must be in the future');
    const key = generateApiKey();
    const repository = this.dataSource.getRepository(ApiClientEntity);
    const client = repository.create({
      name,
      role: input.role,
      agency: input.agency ?? null,
      districtCode: input.districtCode ?? null,
      expiresAt: input.expiresAt ?? null,
      keyHash: hashApiKey(key),
      isDemo: false,
    });
    await repository.save(client);
    return { client, key };
  }

  /** Replaces the client's key: the old one stops working at once. */
  async rotate(id: number): Promise<{ client: ApiClientEntity; key: string }> {
    const client = await this.active(id);
    const key = generateApiKey();
    this.cache.delete(client.keyHash);
    client.keyHash = hashApiKey(key);
    await this.dataSource.getRepository(ApiClientEntity).save(client);
    return { client, key };
  }

  /** Revokes the client's key for good (the row stays, for the audit trail). */
  async revoke(id: number): Promise<ApiClientEntity> {
    const client = await this.active(id);
    client.revokedAt = new Date();
    await this.dataSource.getRepository(ApiClientEntity).save(client);
    this.cache.delete(client.keyHash);
    return client;
  }

  async list(): Promise<ApiClientEntity[]> {
    return this.dataSource.getRepository(ApiClientEntity).find({ order: { id: 'ASC' } });
  }

  private async active(id: number): Promise<ApiClientEntity> {
    const client = await this.dataSource.getRepository(ApiClientEntity).findOneBy({ id });
    if (!client) throw notFound(`no API client ${id}`);
    if (client.revokedAt) throw badInput(`API client ${id} is revoked`);
    return client;
  }
}
