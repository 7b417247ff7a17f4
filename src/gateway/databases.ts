import type { DataSource } from 'typeorm';
import { gatewayMigrations } from '../../migrations/gateway';
import { createSchemaDataSource, migrateSchema, type SchemaDefinition, type SchemaOwner } from '../shared/database';
import { log } from '../shared/logging';
import { SUBGRAPHS } from '../subgraphs';
import { ApiClientEntity } from './entities/api-client.entity';
import { AuditRecordEntity } from './entities/audit-record.entity';
import { IdempotencyKeyEntity } from './entities/idempotency-key.entity';
import { AuditOutboxEntity } from '../shared/audit/audit-outbox.entity';
import { WEBHOOK_ENTITIES } from './webhooks/entities';

export const GATEWAY_SCHEMA: SchemaDefinition = {
  owner: 'gateway',
  entities: [ApiClientEntity, AuditRecordEntity, IdempotencyKeyEntity, AuditOutboxEntity, ...WEBHOOK_ENTITIES],
  migrations: gatewayMigrations,
};

export type HubDataSources = Record<SchemaOwner, DataSource>;

/** Every schema the hub owns: the gateway's and each department's, in migration order. */
export const HUB_SCHEMAS: SchemaDefinition[] = [GATEWAY_SCHEMA, ...SUBGRAPHS.map((subgraph) => subgraph.database)];

/** Connects one DataSource per schema owner and applies pending migrations. */
export async function openHubDatabases(url: string, options: { migrate: boolean; poolSize?: number; statementTimeoutMs?: number }): Promise<HubDataSources> {
  const sources = {} as HubDataSources;
  try {
    for (const definition of HUB_SCHEMAS) {
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
  return sources;
}

export async function closeHubDatabases(sources: Partial<HubDataSources>): Promise<void> {
  for (const dataSource of Object.values(sources)) {
    if (dataSource?.isInitialized) await dataSource.destroy();
  }
}

/**
 * Every schema owner's DataSource, whose `audit_outbox` the audit chain writer takes in: each
 * department's, and the gateway's own (its admin mutations and the command line's writes).
 */
export function outboxSources(sources: HubDataSources): Record<SchemaOwner, DataSource> {
  return Object.fromEntries(HUB_SCHEMAS.map(({ owner }) => [owner, sources[owner]])) as Record<SchemaOwner, DataSource>;
}
