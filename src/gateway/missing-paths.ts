import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { Kind, parse, type DocumentNode, type GraphQLError, type GraphQLFormattedError, type SelectionSetNode } from 'graphql';
import type { HubContext } from '../shared/context';

/**
 * Paths named per fetch at most: a 1000-code batch with a department down would otherwise carry
 * thousands of identical errors. Past it, one more error without a path says how many were left out.
 */
export const MAX_MISSING_PATHS = 100;

/** Response names of the fields selected directly in `selections` (through inline fragments), without `__typename`. */
function fieldNames(selections: SelectionSetNode | undefined): string[] {
  const names = new Set<string>();
  for (const selection of selections?.selections ?? []) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value !== '__typename') names.add(selection.alias?.value ?? selection.name.value);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      for (const name of fieldNames(selection.selectionSet)) names.add(name);
    }
  }
  return [...names];
}

/**
 * The answer of a fetch that a department could not give: no data, and `error` (SERVICE_UNAVAILABLE
 * naming the department) once on each path the fetch would have filled, in the fetch's own terms.
 * Apollo Gateway maps those to the client's paths: `[field]` under the fetch's place for a root fetch,
 * `['_entities', i, field]` to the i-th entity's field for an entity fetch. Thrown instead, the error
 * would reach the client with no path at all (executeQueryPlan pushes a thrown error as it is).
 */
export function unavailableAnswer(error: GraphQLError, options: GraphQLDataSourceProcessOptions<HubContext>): GatewayGraphQLResponse {
  const { message, extensions } = error;
  const document: DocumentNode | undefined = ('document' in options ? options.document : undefined) ?? (options.request.query ? parse(options.request.query) : undefined);
  const operation = document?.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  const roots = operation?.kind === Kind.OPERATION_DEFINITION ? operation.selectionSet.selections : [];
  const entities = roots.find((selection) => selection.kind === Kind.FIELD && selection.name.value === '_entities');
  const paths: (string | number)[][] = [];
  if (entities?.kind === Kind.FIELD) {
    const representations: unknown = options.request.variables?.representations;
    const count = Array.isArray(representations) ? representations.length : 0;
    const fields = fieldNames(entities.selectionSet);
    for (let i = 0; i < count; i++) for (const field of fields) paths.push(['_entities', i, field]);
  } else if (operation?.kind === Kind.OPERATION_DEFINITION) {
    for (const field of fieldNames(operation.selectionSet)) paths.push([field]);
  }
  const errors: GraphQLFormattedError[] = paths.slice(0, MAX_MISSING_PATHS).map((path) => ({ message, path, extensions }));
  if (paths.length > MAX_MISSING_PATHS) errors.push({ message: `${message} (${paths.length - MAX_MISSING_PATHS} more missing fields)`, extensions });
  if (errors.length === 0) errors.push({ message, extensions });
  return { errors };
}
