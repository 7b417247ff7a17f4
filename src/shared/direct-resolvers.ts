import { GraphQLEnumType, GraphQLScalarType, GraphQLString, type GraphQLFieldResolver } from 'graphql';
import { getMetadataStorage, type ContainerType } from 'type-graphql';
import { DateScalar, UsccScalar } from './scalars';
import { checkTextInputs } from './text-limits';

type ParamMetadata = NonNullable<ReturnType<typeof getMetadataStorage>['fieldResolvers'][number]['params']>[number];

/** Argument types whose values cannot hold free text: their parsers accept a bounded form only. */
const NO_TEXT = new Set<unknown>([Number, Boolean, Date, DateScalar, UsccScalar]);

/**
 * Plain resolvers for type-graphql `@FieldResolver`s whose arguments are scalars or enums, used in
 * place of type-graphql's own. Type-graphql validates every `@Arg` in an `async` function, so each
 * such field of each entity returns a promise and waits on a `Promise.all` of its arguments even
 * when nothing is checked: about a tenth of a bank batch's CPU (1000 subjects × `envCredit(asOf:)`
 * and `creditRestriction(asOf:)`, issue 21 §3). These call the method with the same parameters,
 * synchronously; string arguments get the same free-text check (`checkTextInputs`, BAD_USER_INPUT
 * naming the argument) that the subgraphs' `validateFn` gives them, before the method runs. A field
 * resolver with anything else (middlewares, roles, `@Args` classes, input objects, custom parameters)
 * keeps type-graphql's resolver.
 *
 * Returns `Type.field` → resolver for the field resolvers of `resolverClasses`.
 */
export function directFieldResolvers(
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolverClasses: readonly Function[],
  container: ContainerType,
): Map<string, GraphQLFieldResolver<unknown, unknown>> {
  const storage = getMetadataStorage();
  const classes = new Set(resolverClasses);
  const direct = new Map<string, GraphQLFieldResolver<unknown, unknown>>();
  for (const field of storage.fieldResolvers) {
    if (field.kind !== 'external' || !classes.has(field.target) || !field.getObjectType) continue;
    if (field.middlewares?.length || field.roles?.length) continue;
    const params = [...(field.params ?? [])].sort((a, b) => a.index - b.index);
    if (!params.some((param) => param.kind === 'arg') || !params.every(isPlainParam)) continue;
    const objectClass = field.getObjectType();
    const typeName = storage.objectTypes.find((type) => type.target === objectClass)?.name;
    if (!typeName) continue;
    const instance = container.get(field.target, undefined as never) as Record<string, (...args: unknown[]) => unknown>;
    if (!instance || instance instanceof Promise) continue;
    const method = instance[field.methodName];
    const texts = params.filter((param): param is Extract<ParamMetadata, { kind: 'arg' }> => param.kind === 'arg' && mayHoldText(param.getType()));
    const pick = params.map((param) => (param.kind === 'root' ? rootOf(param.getType?.()) : param.kind === 'context' ? 1 : param.kind === 'info' ? 2 : (param as { name: string }).name));
    direct.set(`${typeName}.${field.schemaName}`, (root, args, context, info) => {
      const values = args as Record<string, unknown>;
      for (const param of texts) checkTextInputs(values[param.name], param.name);
      const call = pick.map((how) => (typeof how === 'string' ? values[how] : how === 1 ? context : how === 2 ? info : how(root)));
      return method.apply(instance, call);
    });
  }
  return direct;
}

function isPlainParam(param: ParamMetadata): boolean {
  if (param.kind === 'context' || param.kind === 'info') return !('propertyName' in param && param.propertyName);
  if (param.kind === 'root') return !param.propertyName;
  if (param.kind !== 'arg') return false;
  const type = param.getType();
  return type === String || NO_TEXT.has(type) || type instanceof GraphQLScalarType || type instanceof GraphQLEnumType || isRegisteredEnum(type);
}

/** An enum object registered with type-graphql's registerEnumType (its arguments are enum values, never free text). */
function isRegisteredEnum(type: unknown): boolean {
  return getMetadataStorage().enums.some((registered) => registered.enumObj === type);
}

function mayHoldText(type: unknown): boolean {
  if (NO_TEXT.has(type) || type instanceof GraphQLEnumType || isRegisteredEnum(type)) return false;
  return type === String || type === GraphQLString || type instanceof GraphQLScalarType;
}

/** The root as type-graphql hands it to a `@Root()` parameter: an instance of its class (convertToType), the value itself otherwise. */
function rootOf(type: unknown): (root: unknown) => unknown {
  if (typeof type !== 'function' || type === Object || type === String || type === Number || type === Boolean || type === Date) return (root) => root;
  const Target = type as new () => object;
  return (root) => (root == null || root instanceof Target || Array.isArray(root) ? root : Object.assign(new Target(), root));
}
