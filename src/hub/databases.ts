import type { DataSource } from 'typeorm';
import { gatewayMigrations } from '../../migrations/gateway';
import { createSchemaDataSource, migrateSchema, type SchemaDefinition, type SchemaOwner } from '../shared/database';
import { log } from '../shared/logging';
import { localOutbox, type OutboxPort } from '../gateway/department-link';
import { SUBGRAPHS } from '../subgraphs';
import { ApiClientEntity } from '../gateway/entities/api-client.entity';
import { AuditRecordEntity } from '../gateway/entities/audit-record.entity';
import { IdempotencyKeyEntity } from '../gateway/entities/idempotency-key.entity';
import { AuditOutboxEntity } from '../shared/audit/audit-outbox.entity';
import { WEBHOOK_ENTITIES } from '../apps/webhooks/entities';

export const GATEWAY_SCHEMA: SchemaDefinition = {
  owner: 'gateway',
  entities: [ApiClientEntity, AuditRecordEntity, IdempotencyKeyEntity, AuditOutboxEntity, ...WEBHOOK_ENTITIES],
  migrations: gatewayMigrations,
};

export type HubDataSources = Record<SchemaOwner, DataSource>;

/** Every schema the hub owns: the gateway's and each department's, in migration order. */
export const HUB_SCHEMAS: SchemaDefinition[] = [GATEWAY_SCHEMA, ...SUBGRAPHS.map((subgraph) => subgraph.database)];

/**
 * Connects one DataSource per schema owner and applies pending migrations. `owners` narrows it to the
 * schemas this process owns (a gateway whose departments run on their own databases opens only its
 * own and its in-process departments'): the others' entries are absent, and reading one throws an
 * error naming it (see withAbsentOwners) rather than touching a schema that is not in this database.
 */
export async function openHubDatabases(
  url: string,
  options: { migrate: boolean; poolSize?: number; statementTimeoutMs?: number; owners?: readonly SchemaOwner[] },
): Promise<HubDataSources> {
  const sources = {} as HubDataSources;
  try {
    for (const definition of HUB_SCHEMAS.filter(({ owner }) => !options.owners || options.owners.includes(owner))) {
      const dataSource = createSchemaDataSource(definition, { url, poolSize: options.poolSize, statementTimeoutMs: options.statementTimeoutMs });
      await dataSource.initialize();
      sources[definition.owner] = dataSource;
      if (options.migrate) {
        const applied = await migrateSchema(dataSource, definition.owner);
        if (applied.length > 0) log.info('migrations applied', { schema: definition.owner, applied });
      }
    }
  } catch (error) {
    await closeHubDatabases(sources);
    throw error;
  }
  return options.owners ? withAbsentOwners(sources) : sources;
}

/** `sources` as HubDataSources, whose missing owners throw when read: their schemas live in their own processes' databases. */
function withAbsentOwners(sources: Partial<HubDataSources>): HubDataSources {
  return new Proxy(sources, {
    get(target, key, receiver) {
      if (typeof key === 'string' && !(key in target) && HUB_SCHEMAS.some(({ owner }) => owner === key)) {
        throw new Error(`the ${key} schema is not in this process's database: ${key} runs as its own process on its own DATABASE_URL`);
      }
      return Reflect.get(target, key, receiver) as unknown;
    },
  }) as HubDataSources;
}

export async function closeHubDatabases(sources: Partial<HubDataSources>): Promise<void> {
  for (const dataSource of Object.values(sources)) {
    if (dataSource?.isInitialized) await dataSource.destroy();
  }
}

/**
 * The `audit_outbox` of every schema owner in this process's database, which the audit chain writer
 * takes in: each department's, and the gateway's own (its admin mutations and the command line's
 * writes). Departments on their own databases add theirs over their link (hub.ts).
 */
export function outboxSources(sources: HubDataSources): Partial<Record<SchemaOwner, OutboxPort<AuditOutboxEntity>>> {
  return Object.fromEntries(HUB_SCHEMAS.filter(({ owner }) => owner in sources).map(({ owner }) => [owner, localOutbox(sources[owner], AuditOutboxEntity)]));
}
