import { isObjectType, isUnionType, type GraphQLSchema } from 'graphql';
import { allow, type IRules } from 'graphql-shield';
import { PERMISSION_TABLE, type FieldCoordinate } from './permission-table';
import { tableRule, type ShieldRule } from './rules';

/**
 * What a subgraph adds to its PERMISSION_TABLE rows: concerns beyond role and purpose, per field
 * (e.g. `inputInScope`, the ENV_OFFICER district rule, on mutations that name a subject).
 */
export interface SubgraphPermissions {
  extra?: Partial<Record<FieldCoordinate, ShieldRule[]>>;
}

/** Federation plumbing every subgraph must answer for the gateway, whoever the caller is. */
const PLUMBING = new Set(['Query._service', 'Query._entities']);

/**
 * A subgraph's graphql-shield rule tree, derived from PERMISSION_TABLE and the subgraph's schema,
 * so that the table is the only place a permission is written:
 * - **Guarded types** (the roots, every federation entity such as `Enterprise`, and any type the
 *   table has a row for): each field with a row gets `tableRule(row, ...extra)`; the federation
 *   plumbing gets `allow`; on roots and entities, a field without a row gets nothing, which shield
 *   denies (deny by default; test/permission-matrix.test.ts fails on any such field).
 * - **Value types** (no row, not a root, not an entity, e.g. `CreditRestriction`): `allow`. They
 *   are reached only through a guarded field, whose rule decides whether they exist at all; their
 *   fields then run without middleware (federation.ts).
 * An `extra` for a coordinate the table does not have throws: a concern must sit on a table row.
 */
export function ruleTreeFromTable(schema: GraphQLSchema, permissions: SubgraphPermissions = {}): IRules {
  const table = PERMISSION_TABLE as Record<string, unknown>;
  for (const coordinate of Object.keys(permissions.extra ?? {})) {
    if (!(coordinate in table)) throw new Error(`permissions: extra rule for ${coordinate}, which PERMISSION_TABLE has no row for`);
  }
  const entityUnion = schema.getType('_Entity');
  const entities = new Set(isUnionType(entityUnion) ? entityUnion.getTypes().map((type) => type.name) : []);
  const roots = new Set([schema.getQueryType()?.name, schema.getMutationType()?.name, schema.getSubscriptionType()?.name].filter(Boolean));
  const rowsByType = new Set(Object.keys(table).map((coordinate) => coordinate.split('.')[0]));
  const tree: Record<string, ShieldRule | Record<string, ShieldRule>> = {};
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const strict = roots.has(type.name) || entities.has(type.name);
    if (!strict && !rowsByType.has(type.name)) {
      tree[type.name] = allow;
      continue;
    }
    const fields: Record<string, ShieldRule> = {};
    for (const field of Object.keys(type.getFields())) {
      const coordinate = `${type.name}.${field}`;
      if (PLUMBING.has(coordinate)) fields[field] = allow;
      else if (coordinate in table) fields[field] = tableRule(coordinate as FieldCoordinate, ...(permissions.extra?.[coordinate as FieldCoordinate] ?? []));
      else if (!strict) fields[field] = allow;
    }
    tree[type.name] = fields;
  }
  return tree;
}
