import { createHash, randomBytes } from 'node:crypto';
import { IsNull, type DataSource, type EntityManager } from 'typeorm';
import { isRole, type Principal, type Role } from '../../shared/auth/principal';
import type { HubContext } from '../../shared/context';
import { badInput, notFound, unauthenticated } from '../../shared/errors';
import { writeTransaction } from '../../shared/read-snapshot';
import { CREDENTIALS_TOPIC, VersionWatch } from '../../shared/version-watch';
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
  { key: 'demo-public-agency', name: 'Demo public resources trading centre', role: 'PUBLIC_AGENCY', agency: '连云港市公共资源交易中心', districtCode: null },
];

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** Most lookups kept per process, known and unknown keys together (unknown keys are what an attacker sends). */
const CACHE_MAX_ENTRIES = 10_000;

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
 * API clients: turns a presented key into a principal. Lookups (found or not) are cached per process
 * for as long as `gateway.credentials_version` is unchanged: a trigger bumps it on every change to
 * `api_client` and notifies the new version on commit. While the process's VersionWatch listens, a
 * notification (or a lost listening connection) drops the cache, and an authentication sends no
 * statement for a cached key; while it does not listen, each authentication reads the version (one
 * primary-key row) as before. Either way a revocation or rotation on any process is effective on
 * every process for its next request. The cache holds at most CACHE_MAX_ENTRIES, the oldest dropped
 * first (a Map keeps insertion order; no library needed for that).
 */
export class ApiClientService {
  /** The lookups made since the credentials were last known to be at `validity` (see `validity`). */
  private cache: { validity: string; entries: Map<string, ApiClientEntity | null> } = { validity: '', entries: new Map() };

  constructor(private readonly dataSource: DataSource) {}

  async authenticateKey(key: string): Promise<Omit<Principal, 'purpose'>> {
    const hash = hashApiKey(key);
    const validity = await this.validity();
    if (this.cache.validity !== validity) this.cache = { validity, entries: new Map() };
    // A lookup that a change overtakes while it runs is used for this request only, not cached.
    const cache = this.cache;
    let client = cache.entries.get(hash);
    if (client === undefined) {
      client = await this.dataSource.getRepository(ApiClientEntity).findOneBy({ keyHash: hash });
      if (this.cache === cache && (this.notifiedValidity() ?? validity) === validity) {
        if (cache.entries.size >= CACHE_MAX_ENTRIES) cache.entries.delete(cache.entries.keys().next().value!);
        cache.entries.set(hash, client);
      }
    }
    if (!client) throw unauthenticated('unknown API key');
    if (client.revokedAt) throw unauthenticated('this API key was revoked');
    if (client.expiresAt && client.expiresAt.getTime() <= Date.now()) throw unauthenticated('this API key has expired');
    if (!isRole(client.role)) throw unauthenticated('this API key has no valid role');
    return { clientId: `key:${client.id}`, clientName: client.name, role: client.role, agency: client.agency, districtCode: client.districtCode };
  }

  /**
   * The API client `key:<id>` as it stands now (a signed link minted for it is checked again on open):
   * null when unknown, revoked, expired or without a valid role. Read from the database, uncached: a
   * link open is rare, and a revocation must count at once.
   */
  async current(clientId: string): Promise<Omit<Principal, 'purpose'> | null> {
    const match = /^key:(\d{1,10})$/.exec(clientId);
    if (!match) return null;
    const client = await this.dataSource.getRepository(ApiClientEntity).findOneBy({ id: Number(match[1]) });
    if (!client || client.revokedAt || (client.expiresAt && client.expiresAt.getTime() <= Date.now()) || !isRole(client.role)) return null;
    return { clientId, clientName: client.name, role: client.role, agency: client.agency, districtCode: client.districtCode };
  }

  /**
   * What the cache is valid for: the watch's epoch and the newest credentials version notified while
   * it listens (no statement); the version read from the database while it does not. A lookup made
   * after a version was notified reads data at least that new (the notification comes after the commit).
   */
  private async validity(): Promise<string> {
    const notified = this.notifiedValidity();
    if (notified) return notified;
    const [current] = await this.dataSource.query<{ version: string }[]>(`SELECT version::text AS version FROM gateway.credentials_version`);
    return `read ${current?.version ?? 'none'}`;
  }

  /** After this process changed credentials: its next lookups read them again, whatever the watch has heard yet. */
  private forgetLookups(): void {
    this.cache = { validity: '', entries: new Map() };
  }

  private notifiedValidity(): string | null {
    const watched = VersionWatch.of(this.dataSource)?.current(CREDENTIALS_TOPIC);
    return watched ? `notified ${watched.epoch} ${watched.version}` : null;
  }

  /** Creates the demo clients that do not exist yet (audited as `ctx`'s write when it creates any). */
  async ensureDemoClients(ctx: HubContext): Promise<void> {
    const repository = this.dataSource.getRepository(ApiClientEntity);
    const missing: Pick<ApiClientEntity, 'name' | 'role' | 'agency' | 'districtCode' | 'keyHash' | 'isDemo'>[] = [];
    for (const demo of DEMO_CLIENTS) {
      const keyHash = hashApiKey(demo.key);
      if (!(await repository.findOneBy({ keyHash }))) missing.push({ name: demo.name, role: demo.role, agency: demo.agency, districtCode: demo.districtCode, keyHash, isDemo: true });
    }
    if (missing.length > 0) await writeTransaction(ctx, this.dataSource, (manager) => manager.getRepository(ApiClientEntity).insert(missing));
  }

  /** Revokes every active demo client (a start outside demo mode); returns how many were (audited as `ctx`'s write when any). */
  async revokeDemoClients(ctx: HubContext): Promise<number> {
    const active = await this.dataSource.getRepository(ApiClientEntity).countBy({ isDemo: true, revokedAt: IsNull() });
    if (active === 0) return 0;
    const result = await writeTransaction(ctx, this.dataSource, (manager) =>
      manager.getRepository(ApiClientEntity).update({ isDemo: true, revokedAt: IsNull() }, { revokedAt: new Date() }),
    );
    this.forgetLookups();
    return result.affected ?? 0;
  }

  /**
   * Issues a client and its key (returned once). ENV_OFFICER clients need their district. Like every
   * change of credentials below, it commits together with its audit record (`ctx`: the GraphQL
   * mutation's context, or the command line's, commandContext) or not at all.
   */
  async create(ctx: HubContext, input: NewApiClient): Promise<{ client: ApiClientEntity; key: string }> {
    const name = input.name.trim();
    if (!name) throw badInput('name must not be empty');
    if (!isRole(input.role) || input.role === 'PUBLIC') throw badInput(`role "${input.role}" must be one of the CONTRACT.md roles other than PUBLIC`);
    if (input.role === 'ENV_OFFICER' && !/^\d{6}$/.test(input.districtCode ?? '')) throw badInput('an ENV_OFFICER client needs a six-digit districtCode');
    if (input.expiresAt && input.expiresAt.getTime() <= Date.now()) throw badInput('expiresAt must be in the future');
    const key = generateApiKey();
    const client = this.dataSource.getRepository(ApiClientEntity).create({
      name,
      role: input.role,
      agency: input.agency ?? null,
      districtCode: input.districtCode ?? null,
      expiresAt: input.expiresAt ?? null,
      keyHash: hashApiKey(key),
      isDemo: false,
    });
    await writeTransaction(ctx, this.dataSource, (manager) => manager.save(client));
    return { client, key };
  }

  /** Replaces the client's key: the old one stops working at once. */
  async rotate(ctx: HubContext, id: number): Promise<{ client: ApiClientEntity; key: string }> {
    const key = generateApiKey();
    const client = await writeTransaction(ctx, this.dataSource, async (manager) => {
      const active = await this.active(manager, id);
      active.keyHash = hashApiKey(key);
      return manager.save(active);
    });
    this.forgetLookups();
    return { client, key };
  }

  /** Revokes the client's key for good (the row stays, for the audit trail). */
  async revoke(ctx: HubContext, id: number): Promise<ApiClientEntity> {
    const revoked = await writeTransaction(ctx, this.dataSource, async (manager) => {
      const client = await this.active(manager, id);
      client.revokedAt = new Date();
      return manager.save(client);
    });
    this.forgetLookups();
    return revoked;
  }

  async list(): Promise<ApiClientEntity[]> {
    return this.dataSource.getRepository(ApiClientEntity).find({ order: { id: 'ASC' } });
  }

  /** The client, locked for the change (two concurrent rotations cannot both hand out a working key). */
  private async active(manager: EntityManager, id: number): Promise<ApiClientEntity> {
    const client = await manager.getRepository(ApiClientEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!client) throw notFound(`no API client ${id}`);
    if (client.revokedAt) throw badInput(`API client ${id} is revoked`);
    return client;
  }
}
