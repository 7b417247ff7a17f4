import type { GraphQLSchema } from 'graphql';
import type { DataSource } from 'typeorm';
import type { ContainerType } from 'type-graphql';
import type { Department, SchemaDefinition } from './database';

/** A subgraph of the supergraph: a department's, or the gateway's own (audit trail, credentials). */
export type SubgraphName = Department | 'gateway';

export interface BuiltSubgraph {
  name: SubgraphName;
  schema: GraphQLSchema;
  /** The subgraph SDL with its federation directives, as composition reads it. */
  sdl: string;
}

/** What each department's `index.ts` exports: its tables, migrations and how to build its schema. */
export interface SubgraphModule {
  name: Department;
  database: SchemaDefinition;
  build(dataSource: DataSource): Promise<BuiltSubgraph>;
}

/** A type-graphql container over resolver instances that were built with their services. */
export function resolverContainer(instances: object[]): ContainerType {
  const byClass = new Map<unknown, object>(instances.map((instance) => [instance.constructor, instance]));
  return {
    get(resolverClass: unknown) {
      const instance = byClass.get(resolverClass);
      if (!instance) throw new Error(`no instance registered for resolver ${String((resolverClass as { name?: string }).name)}`);
      return instance;
    },
  };
}
