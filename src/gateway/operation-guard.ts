import { createHash } from 'node:crypto';
import {
  getNamedType,
  getNullableType,
  GraphQLError,
  GraphQLList,
  Kind,
  parse,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import type { OperationLimits } from '../shared/config';
import { HubError } from '../shared/errors';

/** What the gateway knows about an operation before it runs (also written to the audit trail). */
export interface OperationSummary {
  name: string | null;
  /** SHA-256 of the query text. */
  hash: string;
  type: 'query' | 'mutation' | 'subscription' | 'unknown';
  topLevelFields: string[];
  /** Every `Type.field` the operation asks for (e.g. `Enterprise.creditRestriction`). */
  coordinates: string[];
}

const tooComplex = (message: string, extensions: Record<string, unknown>) => new HubError('QUERY_TOO_COMPLEX', message, extensions);

/** Assumed length of a list field without a size argument, for the cost estimate. */
const ASSUMED_LIST_LENGTH = 5;

/**
 * Cost: every field costs 1; a list field multiplies its children by the length of its list
 * argument (`enterprises(usccs:)` costs per code asked) or by ASSUMED_LIST_LENGTH.
 */
const listAwareEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  const listArgument = Object.values(args).find(Array.isArray) as unknown[] | undefined;
  const returnsList = getNullableType(field.type) instanceof GraphQLList;
  const multiplier = listArgument ? Math.max(listArgument.length, 1) : returnsList ? ASSUMED_LIST_LENGTH : 1;
  return 1 + childComplexity * multiplier;
};

function countAliases(document: DocumentNode): number {
  let aliases = 0;
  visit(document, { Field: (node) => void (node.alias && aliases++) });
  return aliases;
}

function depthOf(selectionSet: SelectionSetNode | undefined, fragments: Map<string, FragmentDefinitionNode>, seen: Set<string>): number {
  if (!selectionSet) return 0;
  let deepest = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      deepest = Math.max(deepest, selection.selectionSet ? 1 + depthOf(selection.selectionSet, fragments, seen) : 1);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      deepest = Math.max(deepest, depthOf(selection.selectionSet, fragments, seen));
    } else if (!seen.has(selection.name.value)) {
      const fragment = fragments.get(selection.name.value);
      deepest = Math.max(deepest, depthOf(fragment?.selectionSet, fragments, new Set([...seen, selection.name.value])));
    }
  }
  return deepest;
}

/** The longest list among the variables' values. */
function longestVariableList(variables: unknown): number {
  let longest = 0;
  const walk = (value: unknown) => {
    if (Array.isArray(value)) {
      longest = Math.max(longest, value.length);
      value.forEach(walk);
    } else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(variables);
  return longest;
}

/** The longest list literal in the document. */
function longestLiteralList(document: DocumentNode): number {
  let longest = 0;
  visit(document, { ListValue: (node: { values: readonly ValueNode[] }) => void (longest = Math.max(longest, node.values.length)) });
  return longest;
}

function selectedOperation(document: DocumentNode, operationName: string | undefined): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  return operationName ? operations.find((o) => o.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
}

/** What does not depend on the variables: worked out once per document text (see `guardOperation`). */
interface DocumentAnalysis {
  document: DocumentNode;
  longestLiteralList: number;
  /** The cost when the operation declares no variables (it cannot change); else computed per request. */
  fixedCost: number | null;
  summary: Readonly<OperationSummary>;
}

/** Analyses of documents that passed the static checks, per API schema; bounded (partners send few distinct documents). */
const analyses = new WeakMap<GraphQLSchema, Map<string, DocumentAnalysis>>();
const MAX_CACHED_ANALYSES = 1_000;

function costOf(schema: GraphQLSchema, document: DocumentNode, variables: unknown, operationName: string | undefined): number | undefined {
  try {
    return getComplexity({ schema, query: document, variables: (variables ?? {}) as Record<string, unknown>, operationName, estimators: [listAwareEstimator] });
  } catch {
    return undefined; // Variables that do not coerce: validation reports them next.
  }
}

/** Parses and checks what the variables cannot change: tokens, aliases, depth; null when Apollo should answer. */
function analyse(query: string, operationName: string | undefined, limits: OperationLimits, schema: GraphQLSchema | undefined): DocumentAnalysis | null {
  let document: DocumentNode;
  try {
    document = parse(query, { maxTokens: limits.maxTokens, noLocation: true });
  } catch (error) {
    if (error instanceof GraphQLError && /contains more tha[nt] \d+ tokens/.test(error.message)) {
      throw tooComplex(`the operation has more than ${limits.maxTokens} tokens`, { limit: limits.maxTokens });
    }
    return null;
  }
  const aliases = countAliases(document);
  if (aliases > limits.maxAliases) throw tooComplex(`the operation uses ${aliases} aliases; at most ${limits.maxAliases} are allowed`, { limit: limits.maxAliases, actual: aliases });
  const operation = selectedOperation(document, operationName);
  if (!operation) return null;
  const fragments = new Map(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  const depth = depthOf(operation.selectionSet, fragments, new Set());
  if (depth > limits.maxDepth) throw tooComplex(`the operation is ${depth} levels deep; at most ${limits.maxDepth} are allowed`, { limit: limits.maxDepth, actual: depth });
  const coordinates = new Set<string>();
  if (schema) {
    const typeInfo = new TypeInfo(schema);
    visit(
      document,
      visitWithTypeInfo(typeInfo, {
        Field: (node) => {
          const parent = typeInfo.getParentType();
          if (parent && !node.name.value.startsWith('__')) coordinates.add(`${getNamedType(parent).name}.${node.name.value}`);
        },
      }),
    );
  }
  const hasVariables = (operation.variableDefinitions?.length ?? 0) > 0;
  return {
    document,
    longestLiteralList: longestLiteralList(document),
    fixedCost: schema && !hasVariables ? (costOf(schema, document, {}, operationName) ?? null) : null,
    summary: Object.freeze({
      name: operation.name?.value ?? operationName ?? null,
      hash: createHash('sha256').update(query).digest('hex'),
      type: operation.operation,
      topLevelFields: operation.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : [])),
      coordinates: [...coordinates].sort(),
    }),
  };
}

/**
 * The gateway's checks on an operation, before any subgraph (and so any SQL) runs: tokens, aliases,
 * depth, list sizes and cost over the limits are QUERY_TOO_COMPLEX. Runs before validation, so a
 * hostile document costs only its parse. Returns null when the document does not parse or names no
 * operation: Apollo then answers with its usual error. What the variables cannot change is worked
 * out once per document text and API schema; list sizes and the cost are checked on every request.
 */
export function guardOperation(
  request: { query: string; variables?: unknown; operationName?: string },
  limits: OperationLimits,
  schema: GraphQLSchema | undefined,
): OperationSummary | null {
  const cacheKey = `${request.operationName ?? ''}\n${request.query}`;
  let cache = schema ? analyses.get(schema) : undefined;
  if (schema && !cache) analyses.set(schema, (cache = new Map<string, DocumentAnalysis>()));
  let analysis = cache?.get(cacheKey) ?? null;
  if (!analysis) {
    analysis = analyse(request.query, request.operationName, limits, schema);
    if (!analysis) return null;
    if (cache) {
      if (cache.size >= MAX_CACHED_ANALYSES) cache.clear();
      cache.set(cacheKey, analysis);
    }
  }
  const longest = Math.max(analysis.longestLiteralList, longestVariableList(request.variables));
  if (longest > limits.maxListSize) {
    throw tooComplex(`a list of ${longest} items is over the limit of ${limits.maxListSize}`, { limit: limits.maxListSize, actual: longest });
  }
  if (schema) {
    const cost = analysis.fixedCost ?? costOf(schema, analysis.document, request.variables, request.operationName);
    if (cost !== undefined && cost > limits.maxCost) {
      throw tooComplex(`the operation's estimated cost ${cost} is over the limit of ${limits.maxCost}`, { limit: limits.maxCost, actual: cost });
    }
  }
  return analysis.summary;
}
