import { composeServices } from '@apollo/composition';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Kind, parse, printSchema, type DirectiveNode } from 'graphql';
import type { Department } from '../shared/database';
import type { BuiltSubgraph, SubgraphName } from '../shared/subgraph';

/**
 * The port a department's own process listens on when neither PORT nor its HUB_SUBGRAPH_URLS entry
 * names one; with defaultSubgraphUrl, the placeholder address written in the composed supergraph.
 * No process calls these addresses: HUB_SUBGRAPH_URLS says where departments are (topology.ts).
 */
export const SUBGRAPH_PORTS: Record<Department, number> = { environment: 4001, market: 4002, credit: 4003, finance: 4004 };

export function defaultSubgraphUrl(name: SubgraphName): string {
  // The gateway's own subgraph is always served in the gateway's process.
  if (name === 'gateway') return 'in-process://gateway';
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

/**
 * Which departments own each `Type.field` of the supergraph (from its join directives): the field's
 * `@join__field` graphs that do not merely reference it (`external`), or every graph of its type when
 * there is none. A key field (`Enterprise.uscc`) belongs to no department in particular. The audit
 * trail uses it so that a department can see who read its data.
 */
export function fieldOwners(supergraphSdl: string): Map<string, string[]> {
  const owners = new Map<string, string[]>();
  const document = parse(supergraphSdl);
  const graphName = (value: string) => value.toLowerCase();
  const argument = (directive: DirectiveNode, name: string) => directive.arguments?.find((a) => a.name.value === name)?.value;
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION) continue;
    const typeJoins = (definition.directives ?? []).filter((d) => d.name.value === 'join__type');
    const keys = new Set(typeJoins.flatMap((d) => {
      const key = argument(d, 'key');
      return key?.kind === Kind.STRING ? key.value.split(/\s+/) : [];
    }));
    const typeGraphs = typeJoins.flatMap((d) => {
      const graph = argument(d, 'graph');
      return graph?.kind === Kind.ENUM ? [graphName(graph.value)] : [];
    });
    for (const field of definition.fields ?? []) {
      if (keys.has(field.name.value)) continue;
      const joins = (field.directives ?? []).filter((d) => d.name.value === 'join__field');
      const graphs = joins.length
        ? joins.flatMap((d) => {
            const graph = argument(d, 'graph');
            const external = argument(d, 'external');
            return graph?.kind === Kind.ENUM && !(external?.kind === Kind.BOOLEAN && external.value) ? [graphName(graph.value)] : [];
          })
        : typeGraphs;
      owners.set(`${definition.name.value}.${field.name.value}`, [...new Set(graphs)].sort());
    }
  }
  return owners;
}
