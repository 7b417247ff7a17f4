import { composeServices } from '@apollo/composition';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse, printSchema } from 'graphql';
import type { Department } from '../shared/database';
import type { BuiltSubgraph } from '../shared/subgraph';

/** Default address of each subgraph when it runs as its own process (`ecocredit start <department>`). */
export const SUBGRAPH_PORTS: Record<Department, number> = { environment: 4001, market: 4002, credit: 4003, finance: 4004 };

export function defaultSubgraphUrl(name: Department): string {
  return `http://localhost:${SUBGRAPH_PORTS[name]}/graphql`;
}

export interface Composition {
  supergraphSdl: string;
  /** The client-facing schema: what partners see (no `@inaccessible` fields, no join directives). */
  apiSdl: string;
}

/** Composes the subgraphs into a supergraph; throws with every composition error listed. */
export function composeSupergraph(subgraphs: BuiltSubgraph[]): Composition {
  const result = composeServices(
    subgraphs.map((subgraph) => ({ name: subgraph.name, url: defaultSubgraphUrl(subgraph.name), typeDefs: parse(subgraph.sdl) })),
  );
  if (result.errors) {
    throw new Error(`supergraph composition failed:\n${result.errors.map((error) => `- ${error.message}`).join('\n')}`);
  }
  return { supergraphSdl: result.supergraphSdl, apiSdl: printSchema(result.schema.toAPISchema().toGraphQLJSSchema()) };
}

/** The project's root: the folder with package.json, found from this file (works from src and dist). */
export function projectRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('package.json not found above ' + __dirname);
    dir = parent;
  }
  return dir;
}

export const SCHEMA_DIR = () => join(projectRoot(), 'schema');

/** The committed supergraph: the gateway's schema input (CI fails when it is stale). */
export function readCommittedSupergraph(): string {
  return readFileSync(join(SCHEMA_DIR(), 'supergraph.graphql'), 'utf8');
}
