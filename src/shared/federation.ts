import { buildSubgraphSchema, printSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import type { GraphQLSchema } from 'graphql';
import gql from 'graphql-tag';
import { applyMiddleware, type IMiddlewareTypeMap } from 'graphql-middleware';
import { allow, deny as denyRule, shield, type IRules } from 'graphql-shield';
import { buildSchema, createResolversMap, type ContainerType, type NonEmptyArray } from 'type-graphql';
import { ruleTreeFromTable, type SubgraphPermissions } from './auth/rule-tree';
import { verdictOf } from './auth/rules';
import type { HubContext } from './context';
import { forbidden } from './errors';
import { DateScalar, DateTimeScalar, UsccScalar } from './scalars';
import { checkTextInputs } from './text-limits';
import { directFieldResolvers } from './direct-resolvers';

/** Federation 2 directives the subgraphs may use. */
const FEDERATION_LINK = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible"])`;

export interface SubgraphBuildOptions {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: NonEmptyArray<Function>;
  /** Types reachable only through `_entities` (the department's `Enterprise`), which type-graphql would drop. */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entityTypes: Function[];
  /** Resolver instances with their services injected; type-graphql asks it for each resolver class. */
  container: ContainerType;
  /** `__resolveReference` per entity type; must apply the same row scope as a query. */
  referenceResolvers: Record<string, ReferenceResolver>;
  /** The department's concerns beyond its PERMISSION_TABLE rows; the rule tree is derived from the table (ruleTreeFromTable). */
  permissions: SubgraphPermissions;
}

/** Resolves an entity representation `{ __typename, uscc, ...required fields }` for the gateway. */
export interface ReferenceResolver {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  __resolveReference(reference: any, ctx: HubContext): unknown;
}

/** The rule tree guarding each built subgraph schema (read by the permission matrix generator). */
const ruleTrees = new WeakMap<GraphQLSchema, IRules>();
/** Per built schema, the fields left without shield middleware because their rule is `allow`. */
const unguardedFields = new WeakMap<GraphQLSchema, ReadonlySet<string>>();

export function ruleTreeOf(schema: GraphQLSchema): IRules | undefined {
  return ruleTrees.get(schema);
}

/** `Type.field` coordinates of `schema` that run without shield middleware (their rule is `allow`). */
export function unguardedFieldsOf(schema: GraphQLSchema): ReadonlySet<string> {
  return unguardedFields.get(schema) ?? new Set();
}

/**
 * The rule shield applies to `type.field` under `rules` (the same lookup as graphql-shield's
 * generator): a type-level rule, else the field's rule, else the type's `*`, else deny (the fallback).
 */
export function effectiveRule(rules: IRules, typeName: string, fieldName: string): unknown {
  const entry = (rules as Record<string, unknown>)[typeName];
  if (!entry) return denyRule;
  // A rule (Rule, LogicRule) has a resolve method; a field map's values are rules, never functions.
  if (typeof (entry as { resolve?: unknown }).resolve === 'function') return entry;
  const fields = entry as Record<string, unknown>;
  return fields[fieldName] ?? fields['*'] ?? denyRule;
}

/**
 * Names the root mutation field on the context while it runs (its writes' audit records carry it);
 * the previous name is restored afterwards, for a mutation one department asks of another
 * (`followRegistrationDistrict`) inside its own.
 */
const namingMutation: IMiddlewareTypeMap = {
  Mutation: async (resolve, parent, args, context: HubContext, info) => {
    const previous = context.mutationField;
    context.mutationField = `Mutation.${info.fieldName}`;
    try {
      return (await resolve(parent, args, context, info)) as unknown;
    } finally {
      context.mutationField = previous;
    }
  },
};

/**
 * Builds a federated subgraph from type-graphql resolvers: type-graphql builds the schema, it is
 * printed with its directives and rebuilt by @apollo/subgraph (which adds `_service`/`_entities`),
 * and graphql-shield wraps every resolver with the rules derived from PERMISSION_TABLE (plus the
 * department's extra concerns), denying by default. String
 * arguments over their length limit (shared/text-limits.ts) are refused before a resolver runs.
 */
export async function buildFederatedSubgraph(options: SubgraphBuildOptions): Promise<{ schema: GraphQLSchema; sdl: string }> {
  const typeGraphqlSchema = await buildSchema({
    resolvers: options.resolvers,
    container: options.container,
    orphanedTypes: options.entityTypes,
    skipCheck: true,
    // No class-validator: every resolver's arguments get the hub's free-text limits instead.
    validateFn: (_value, _type, { args }) => {
      for (const [name, value] of Object.entries(args)) checkTextInputs(value, name);
    },
    emitSchemaFile: false,
  });
  const resolvers = createResolversMap(typeGraphqlSchema) as GraphQLResolverMap<unknown>;
  // Field resolvers with scalar arguments called directly, without type-graphql's async argument handling (direct-resolvers.ts).
  for (const [coordinate, resolve] of directFieldResolvers(options.resolvers, options.container)) {
    const [typeName, fieldName] = coordinate.split('.');
    const fields = resolvers[typeName] as Record<string, unknown> | undefined;
    if (fields && typeof fields[fieldName] === 'function') fields[fieldName] = resolve;
  }
  for (const [typeName, referenceResolver] of Object.entries(options.referenceResolvers)) {
    resolvers[typeName] = { ...resolvers[typeName], ...referenceResolver } as never;
  }
  // Keep our scalar implementations (createResolversMap copies them by value).
  resolvers.USCC = UsccScalar;
  resolvers.Date = DateScalar;
  // DateTime (graphql-scalars') with its refusals as BAD_USER_INPUT; only in subgraphs that use it.
  if (typeGraphqlSchema.getType('DateTime')) resolvers.DateTime = DateTimeScalar;
  const typeDefs = gql`${FEDERATION_LINK}\n${printSchemaWithDirectives(typeGraphqlSchema)}`;
  const subgraphSchema = buildSubgraphSchema({ typeDefs, resolvers });
  // graphql-shield's middleware for every field, then only where the rule is not `allow`: an
  // awaited middleware per field of every value type (a batch of 1000 subjects resolves tens of
  // thousands) cost more than the rest of the request. Deny by default is unchanged: a field without
  // a rule gets `deny`, which is not `allow`, so it keeps its middleware (test/permission-matrix.test.ts).
  const rules = ruleTreeFromTable(subgraphSchema, options.permissions);
  const generated = shield(rules, { fallbackRule: denyRule, allowExternalErrors: true, fallbackError: () => forbidden() }).generate(subgraphSchema) as Record<string, Record<string, unknown>>;
  const needed: IMiddlewareTypeMap = {};
  const unguarded = new Set<string>();
  for (const [typeName, fields] of Object.entries(generated)) {
    for (const [fieldName, middleware] of Object.entries(fields)) {
      const rule = effectiveRule(rules, typeName, fieldName);
      if (rule === allow) {
        unguarded.add(`${typeName}.${fieldName}`);
        continue;
      }
      // A pure table rule depends only on the caller: decided synchronously, the resolver called
      // directly (no promise per field); a denial is the same FORBIDDEN error on the same path.
      const verdict = verdictOf(rule);
      ((needed[typeName] ??= {}) as Record<string, unknown>)[fieldName] = verdict
        ? (resolve: (...args: unknown[]) => unknown, parent: unknown, args: unknown, ctx: HubContext, info: unknown) => {
            const allowed = verdict(ctx);
            return allowed === true ? resolve(parent, args, ctx, info) : allowed;
          }
        : middleware;
    }
  }
  const guarded = applyMiddleware(
    subgraphSchema,
    // A subgraph without mutations (finance) has nothing to name.
    ...(subgraphSchema.getMutationType() ? [namingMutation] : []),
    needed,
  );
  ruleTrees.set(guarded, rules);
  unguardedFields.set(guarded, unguarded);
  return { schema: guarded, sdl: printSubgraphSchema(subgraphSchema) };
}
