import { createHash } from 'node:crypto';
import {
  getNamedType,
  getNullableType,
  GraphQLError,
  GraphQLList,
  isInterfaceType,
  isObjectType,
  Kind,
  parse,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DirectiveNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import type { OperationLimits } from '../shared/config';
import { badInput, HubError } from '../shared/errors';
import { checkFieldBudget } from './field-budgets';
import { textProblem } from '../shared/text-limits';

/*
 * Why this is written here and not taken from a library: graphql-query-complexity (used before)
 * and GraphQL Armor's cost-limit and max-depth rules walk fragment spreads by expanding them, or
 * memoise a fragment's cost at the depth it was first met (wrong at any other depth); a chain of 12
 * fragments each spread four times then costs 4^12 steps (issue 15: 34 s of a blocked event loop
 * for a 136-token request). Neither models the hub's cost (a list argument multiplies its children
 * by its length) nor counts the codes asked across aliases, and both run as validation rules, after
 * graphql-js's own validation. This guard analyses each fragment once, memoising its totals, so its
 * work is linear in the document's size (at most HUB_MAX_TOKENS tokens), and it runs on the parsed
 * document before validation.
 */

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

/**
 * Selection nodes the guard has visited since the process started: its work per request is bounded
 * by the document's size, which tests check on hostile documents (like StatementCounter for SQL).
 */
export const guardWork = { visitedSelections: 0 };

const tooComplex = (message: string, extensions: Record<string, unknown>) => new HubError('QUERY_TOO_COMPLEX', message, extensions);

/** Assumed length of a list field without a size argument, for the cost estimate. */
const ASSUMED_LIST_LENGTH = 5;

/**
 * Deepest selection of an introspection-only query (`introspectionOnly`) where introspection is
 * answered (`limits.introspection`): graphql-js's getIntrospectionQuery, which GraphiQL sends for its
 * docs and completion, nests 15 levels (TypeRef's chain of `ofType`). Every other limit (tokens,
 * fragment spreads, expanded selections, aliases, cost) applies to it unchanged.
 */
export const INTROSPECTION_MAX_DEPTH = 20;

/**
 * Whether the operation is a query that selects only `__schema` and `__type` at its root: it reads
 * the schema, which introspection answers from the gateway's own copy, and no subject data.
 */
function introspectionOnly(operation: OperationDefinitionNode): boolean {
  const roots = operation.selectionSet.selections;
  return (
    operation.operation === 'query' &&
    roots.length > 0 &&
    roots.every((selection) => selection.kind === Kind.FIELD && (selection.name.value === '__schema' || selection.name.value === '__type'))
  );
}

/** Nesting of lists and objects in `variables` past which the request is refused (the hub's inputs nest 3 deep). */
export const MAX_VARIABLE_DEPTH = 16;

/** Totals of a selection set with every fragment counted as often as it is spread, computed without expanding. */
interface ShapeTotals {
  /** Field selections, fragments expanded. */
  selections: number;
  aliases: number;
  depth: number;
}

/** Totals that depend on the variables: worked out per request, still once per fragment. */
interface RequestTotals {
  /** Estimated cost: every field costs 1; a list field multiplies its children (see `fieldCost`). */
  cost: number;
  /** Items in every list argument (codes asked), summed over every place they are asked. */
  listItems: number;
}

/**
 * How often one response name may be selected in one selection set. graphql-js's validation
 * (OverlappingFieldsCanBeMerged) compares such fields pairwise: 250 copies of
 * `enterprise(uscc: "...") { uscc }` (2000 tokens) cost it about half a second. No client needs a field twice.
 */
export const MAX_SAME_FIELD = 10;

/**
 * The response name selected most often in one selection set of the document, and how often; as
 * graphql-js merges them, fields of inline fragments and of each distinct fragment spread there count
 * too. Each fragment's names are counted once (memoised) and at most HUB_MAX_FRAGMENT_SPREADS are merged.
 */
function mostRepeatedField(document: DocumentNode, fragments: Map<string, FragmentDefinitionNode>): { name: string; count: number } {
  const memo = new Map<string, Map<string, number>>();
  const namesOf = (selectionSet: SelectionSetNode, seen: Set<string>, counts = new Map<string, number>()): Map<string, number> => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.alias?.value ?? selection.name.value;
        counts.set(name, (counts.get(name) ?? 0) + 1);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        namesOf(selection.selectionSet, seen, counts);
      } else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        for (const [name, count] of fragmentNames(selection.name.value)) counts.set(name, (counts.get(name) ?? 0) + count);
      }
    }
    return counts;
  };
  const fragmentNames = (fragmentName: string): Map<string, number> => {
    const known = memo.get(fragmentName);
    if (known) return known;
    memo.set(fragmentName, new Map()); // A cycle counts nothing here; `fragmentOrder` refuses it.
    const fragment = fragments.get(fragmentName);
    const names = fragment ? namesOf(fragment.selectionSet, new Set([fragmentName])) : new Map<string, number>();
    memo.set(fragmentName, names);
    return names;
  };
  let most = { name: '', count: 0 };
  visit(document, {
    SelectionSet: (node) => {
      for (const [name, count] of namesOf(node, new Set())) if (count > most.count) most = { name, count };
    },
  });
  return most;
}

const ZERO_SHAPE: ShapeTotals = { selections: 0, aliases: 0, depth: 0 };

function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION && !fragments.has(definition.name.value)) fragments.set(definition.name.value, definition);
  }
  return fragments;
}

/**
 * The fragments reachable from `operation`, dependencies first; a cycle is refused here, before any
 * totals are computed (each fragment is entered once, so this is linear too).
 */
function fragmentOrder(operation: OperationDefinitionNode, fragments: Map<string, FragmentDefinitionNode>): FragmentDefinitionNode[] {
  const state = new Map<string, 'open' | 'done'>();
  const order: FragmentDefinitionNode[] = [];
  const spreadsIn = (selectionSet: SelectionSetNode | undefined, found: string[] = []): string[] => {
    for (const selection of selectionSet?.selections ?? []) {
      guardWork.visitedSelections++;
      if (selection.kind === Kind.FRAGMENT_SPREAD) found.push(selection.name.value);
      else spreadsIn(selection.selectionSet, found);
    }
    return found;
  };
  const enter = (name: string, via: string) => {
    const seen = state.get(name);
    if (seen === 'done') return;
    if (seen === 'open') throw badInput(`fragment "${name}" spreads itself (through "${via}"): fragment cycles are not allowed`, { fragment: name });
    const fragment = fragments.get(name);
    if (!fragment) return; // An unknown fragment: validation names it.
    state.set(name, 'open');
    for (const next of new Set(spreadsIn(fragment.selectionSet))) enter(next, name);
    state.set(name, 'done');
    order.push(fragment);
  };
  for (const name of new Set(spreadsIn(operation.selectionSet))) enter(name, name);
  return order;
}

/** The shape totals of the operation, each fragment's computed once from its dependencies' (`fragmentOrder`). */
function shapeOf(operation: OperationDefinitionNode, order: FragmentDefinitionNode[]): ShapeTotals {
  const memo = new Map<string, ShapeTotals>();
  const totals = (selectionSet: SelectionSetNode | undefined): ShapeTotals => {
    const sum = { selections: 0, aliases: 0, depth: 0 };
    for (const selection of selectionSet?.selections ?? []) {
      guardWork.visitedSelections++;
      let part: ShapeTotals;
      if (selection.kind === Kind.FIELD) {
        const child = totals(selection.selectionSet);
        part = { selections: 1 + child.selections, aliases: (selection.alias ? 1 : 0) + child.aliases, depth: 1 + child.depth };
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        part = totals(selection.selectionSet);
      } else {
        part = memo.get(selection.name.value) ?? ZERO_SHAPE;
      }
      sum.selections += part.selections;
      sum.aliases += part.aliases;
      sum.depth = Math.max(sum.depth, part.depth);
    }
    return sum;
  };
  for (const fragment of order) memo.set(fragment.name.value, totals(fragment.selectionSet));
  return totals(operation.selectionSet);
}

/** Items in a list argument's value (nested lists and lists inside input objects count too); `itemsOf` counts a variable's. */
function itemsInValue(value: ValueNode, itemsOf: (variable: string) => number): number {
  switch (value.kind) {
    case Kind.LIST:
      return value.values.reduce((sum, item) => sum + 1 + itemsInValue(item, itemsOf), 0);
    case Kind.OBJECT:
      return value.fields.reduce((sum, field) => sum + itemsInValue(field.value, itemsOf), 0);
    case Kind.VARIABLE:
      return itemsOf(value.name.value);
    default:
      return 0;
  }
}

function itemsInJson(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + 1 + itemsInJson(item), 0);
  if (value && typeof value === 'object') return Object.values(value).reduce((sum: number, item) => sum + itemsInJson(item), 0);
  return 0;
}

/** The length of a list argument as the field will receive it (a single value is coerced to a list of one). */
function listLength(value: ValueNode, variables: Record<string, unknown>): number | undefined {
  if (value.kind === Kind.LIST) return value.values.length;
  if (value.kind === Kind.VARIABLE) {
    const given = variables[value.name.value];
    return Array.isArray(given) ? given.length : undefined;
  }
  return undefined;
}

/** `@skip(if:)` / `@include(if:)` with a known condition, as graphql-js will apply them. */
function skipped(directives: readonly DirectiveNode[] | undefined, variables: Record<string, unknown>): boolean {
  for (const directive of directives ?? []) {
    const condition = directive.arguments?.find((argument) => argument.name.value === 'if')?.value;
    const value = condition?.kind === Kind.BOOLEAN ? condition.value : condition?.kind === Kind.VARIABLE ? variables[condition.name.value] : undefined;
    if (typeof value !== 'boolean') continue;
    if ((directive.name.value === 'skip' && value) || (directive.name.value === 'include' && !value)) return true;
  }
  return false;
}

/**
 * The page size a connection field (one with `first: Int` and `after`) is asked for: the argument as
 * given (literal or variable), else its default; undefined for any other field or an unreadable value
 * (validation or the resolver names a wrong one).
 */
function pageSizeAsked(field: GraphQLField<unknown, unknown>, selection: FieldNode, variables: Record<string, unknown>): number | undefined {
  const definition = field.args.find((argument) => argument.name === 'first');
  if (!definition || !field.args.some((argument) => argument.name === 'after') || getNamedType(definition.type).name !== 'Int') return undefined;
  const given = selection.arguments?.find((argument) => argument.name.value === 'first')?.value;
  const value = given === undefined ? definition.defaultValue : given.kind === Kind.INT ? Number(given.value) : given.kind === Kind.VARIABLE ? variables[given.name.value] : undefined;
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
}

/**
 * Cost and list items of the operation for these variables: every field costs 1; a list field
 * multiplies its children by the length of its list argument (`enterprises(usccs:)` costs per code
 * asked) or by ASSUMED_LIST_LENGTH. Fields the schema does not know cost 1 (validation names them).
 */
function requestTotalsOf(
  schema: GraphQLSchema | undefined,
  operation: OperationDefinitionNode,
  order: FragmentDefinitionNode[],
  variables: Record<string, unknown>,
): RequestTotals {
  const memo = new Map<string, RequestTotals>();
  // Each variable's items are counted once, however often the operation uses it.
  const variableItems = new Map<string, number>();
  const itemsOf = (name: string) => variableItems.get(name) ?? variableItems.set(name, itemsInJson(variables[name])).get(name)!;
  const totals = (selectionSet: SelectionSetNode | undefined, parent: GraphQLNamedType | undefined): RequestTotals => {
    const sum = { cost: 0, listItems: 0 };
    for (const selection of selectionSet?.selections ?? []) {
      guardWork.visitedSelections++;
      if (skipped(selection.directives, variables)) continue;
      if (selection.kind === Kind.FIELD) {
        const field = parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[selection.name.value] : undefined;
        if (field && parent) checkFieldBudget(`${parent.name}.${field.name}`, field, selection, variables);
        const child = totals(selection.selectionSet, field ? getNamedType(field.type) : undefined);
        let multiplier = field && getNullableType(field.type) instanceof GraphQLList ? ASSUMED_LIST_LENGTH : 1;
        let listArgumentSeen = false;
        for (const argument of selection.arguments ?? []) {
          sum.listItems += itemsInValue(argument.value, itemsOf);
          const definition = field?.args.find((candidate) => candidate.name === argument.name.value);
          if (!listArgumentSeen && definition && getNullableType(definition.type) instanceof GraphQLList) {
            listArgumentSeen = true;
            multiplier = Math.max(listLength(argument.value, variables) ?? 1, 1);
          }
        }
        // A connection's page (`first`) counts as the items it asks for, like a list of codes.
        const page = field && pageSizeAsked(field, selection, variables);
        if (page !== undefined) {
          sum.listItems += page;
          multiplier = Math.max(page, 1);
        }
        sum.cost += 1 + child.cost * multiplier;
        sum.listItems += child.listItems;
      } else {
        const part =
          selection.kind === Kind.INLINE_FRAGMENT
            ? totals(selection.selectionSet, selection.typeCondition ? (schema?.getType(selection.typeCondition.name.value) ?? undefined) : parent)
            : memo.get(selection.name.value);
        sum.cost += part?.cost ?? 0;
        sum.listItems += part?.listItems ?? 0;
      }
    }
    return sum;
  };
  for (const fragment of order) memo.set(fragment.name.value, totals(fragment.selectionSet, schema?.getType(fragment.typeCondition.name.value) ?? undefined));
  const root = schema ? (operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType()) : undefined;
  return totals(operation.selectionSet, root ?? undefined);
}

/**
 * Checks `variables` without recursion: nesting (MAX_VARIABLE_DEPTH), and strings PostgreSQL cannot
 * store or that no client means to send (see `textProblem`); returns the longest list.
 */
function checkVariables(variables: unknown): number {
  let longest = 0;
  const pending: { value: unknown; path: string; depth: number }[] = [{ value: variables, path: '', depth: 0 }];
  while (pending.length > 0) {
    const { value, path, depth } = pending.pop()!;
    if (typeof value === 'string') {
      const problem = textProblem(value);
      if (problem) throw badInput(`variable ${path} ${problem}`, { variable: path });
      continue;
    }
    if (!value || typeof value !== 'object') continue;
    if (depth > MAX_VARIABLE_DEPTH) {
      throw badInput(`variables nest more than ${MAX_VARIABLE_DEPTH} levels deep (at ${path}); no input of the hub nests that deep`, { limit: MAX_VARIABLE_DEPTH });
    }
    if (Array.isArray(value)) {
      longest = Math.max(longest, value.length);
      value.forEach((item, index) => pending.push({ value: item, path: `${path}[${index}]`, depth: depth + 1 }));
    } else {
      for (const [key, item] of Object.entries(value)) pending.push({ value: item, path: path ? `${path}.${key}` : `$${key}`, depth: depth + 1 });
    }
  }
  return longest;
}

/** The operation the request names; a request that names none or an unknown one is BAD_USER_INPUT (not Apollo's INTERNAL). */
function selectedOperation(document: DocumentNode, operationName: string | undefined): OperationDefinitionNode {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (operations.length === 0) throw badInput('the document contains no operation (only fragments)');
  if (operationName !== undefined) {
    const named = operations.find((o) => o.name?.value === operationName);
    if (!named) throw badInput(`the document has no operation named "${operationName}"`, { operationName });
    return named;
  }
  if (operations.length > 1) throw badInput(`the document has ${operations.length} operations: name the one to run in "operationName"`);
  return operations[0];
}

/** What does not depend on the variables: worked out once per document text (see `guardOperation`). */
interface DocumentAnalysis {
  document: DocumentNode;
  operation: OperationDefinitionNode;
  /** Fragments reachable from the operation, dependencies first. */
  fragmentOrder: FragmentDefinitionNode[];
  longestLiteralList: number;
  summary: Readonly<OperationSummary>;
}

/** Analyses of documents that passed the static checks, per API schema; bounded (partners send few distinct documents). */
const analyses = new WeakMap<GraphQLSchema, Map<string, DocumentAnalysis>>();
const MAX_CACHED_ANALYSES = 1_000;

/**
 * Parses and checks what the variables cannot change, cheapest first: tokens, fragment spreads and
 * cycles, then expanded selections, aliases and depth (all counted without expanding a fragment).
 */
function analyse(query: string, operationName: string | undefined, limits: OperationLimits, schema: GraphQLSchema | undefined): DocumentAnalysis | null {
  const textIssue = textProblem(query);
  if (textIssue) throw badInput(`the query text ${textIssue}`);
  let document: DocumentNode;
  try {
    document = parse(query, { maxTokens: limits.maxTokens, noLocation: true });
  } catch (error) {
    if (error instanceof GraphQLError && /contains more tha[nt] \d+ tokens/.test(error.message)) {
      throw tooComplex(`the operation has more than ${limits.maxTokens} tokens`, { limit: limits.maxTokens });
    }
    return null; // A syntax error: Apollo answers it (BAD_USER_INPUT with its location).
  }
  let spreads = 0;
  let longestLiteral = 0;
  visit(document, {
    FragmentSpread: () => void spreads++,
    ListValue: (node) => void (longestLiteral = Math.max(longestLiteral, node.values.length)),
    StringValue: (node) => {
      const problem = textProblem(node.value);
      if (problem) throw badInput(`a string in the query ${problem}`);
    },
  });
  if (spreads > limits.maxFragmentSpreads) {
    throw tooComplex(`the operation has ${spreads} fragment spreads; at most ${limits.maxFragmentSpreads} are allowed`, { limit: limits.maxFragmentSpreads, actual: spreads });
  }
  const fragments = fragmentsOf(document);
  const repeated = mostRepeatedField(document, fragments);
  if (repeated.count > MAX_SAME_FIELD) {
    throw tooComplex(`"${repeated.name}" is selected ${repeated.count} times in one selection set; at most ${MAX_SAME_FIELD} are allowed`, {
      limit: MAX_SAME_FIELD,
      actual: repeated.count,
    });
  }
  const operation = selectedOperation(document, operationName);
  if (operation.operation === 'subscription') throw badInput('subscriptions are not supported: ask with a query, or register a webhook for changes');
  const order = fragmentOrder(operation, fragments);
  const shape = shapeOf(operation, order);
  if (shape.selections > limits.maxSelections) {
    throw tooComplex(`the operation selects ${shape.selections} fields once its fragments are expanded; at most ${limits.maxSelections} are allowed`, {
      limit: limits.maxSelections,
      actual: shape.selections,
      fragmentSpreads: spreads,
    });
  }
  if (shape.aliases > limits.maxAliases) {
    throw tooComplex(`the operation uses ${shape.aliases} aliases; at most ${limits.maxAliases} are allowed`, { limit: limits.maxAliases, actual: shape.aliases });
  }
  // Worked out only for a document over the depth limit, once per document text (the analysis is cached).
  const maxDepth = shape.depth > limits.maxDepth && limits.introspection && introspectionOnly(operation) ? Math.max(limits.maxDepth, INTROSPECTION_MAX_DEPTH) : limits.maxDepth;
  if (shape.depth > maxDepth) {
    throw tooComplex(`the operation is ${shape.depth} levels deep; at most ${maxDepth} are allowed`, { limit: maxDepth, actual: shape.depth });
  }
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
  return {
    document,
    operation,
    fragmentOrder: order,
    longestLiteralList: longestLiteral,
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
 * The gateway's checks on an operation, before any subgraph (and so any SQL) runs: tokens, fragment
 * spreads, expanded selections, aliases, depth, list sizes, list items across the operation, cost
 * and the set-wide reads' budgets (field-budgets.ts) over the limits are QUERY_TOO_COMPLEX; a request naming no runnable operation, a
 * subscription, over-nested variables and strings with NUL or lone surrogates are BAD_USER_INPUT.
 * Runs before validation, in time linear in the document's size. Returns null when the document
 * does not parse: Apollo then answers with its usual error. What the variables cannot change is
 * worked out once per document text and API schema; the rest on every request.
 */
export function guardOperation(
  request: { query: string; variables?: unknown; operationName?: string },
  limits: OperationLimits,
  schema: GraphQLSchema | undefined,
): OperationSummary | null {
  const longestVariable = checkVariables(request.variables);
  if (request.operationName !== undefined) {
    const problem = textProblem(request.operationName);
    if (problem) throw badInput(`operationName ${problem}`);
  }
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
  const longest = Math.max(analysis.longestLiteralList, longestVariable);
  if (longest > limits.maxListSize) {
    throw tooComplex(`a list of ${longest} items is over the limit of ${limits.maxListSize}`, { limit: limits.maxListSize, actual: longest });
  }
  const variables = (request.variables && typeof request.variables === 'object' ? request.variables : {}) as Record<string, unknown>;
  const { cost, listItems } = requestTotalsOf(schema, analysis.operation, analysis.fragmentOrder, variables);
  if (listItems > limits.maxListItems) {
    throw tooComplex(`the operation asks for ${listItems} list items (codes) in total across its fields and aliases; at most ${limits.maxListItems} per request are allowed`, {
      limit: limits.maxListItems,
      actual: listItems,
    });
  }
  if (schema && cost > limits.maxCost) {
    throw tooComplex(`the operation's estimated cost ${cost} is over the limit of ${limits.maxCost}`, { limit: limits.maxCost, actual: cost });
  }
  return analysis.summary;
}
