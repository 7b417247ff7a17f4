import { Kind, type FieldNode, type GraphQLField, type ValueNode } from 'graphql';
import { addDays, today } from '../shared/dates';
import { HubError } from '../shared/errors';

/**
 * Budgets of the set-wide reads (dashboard cards, search, lists), as data: what one request may ask
 * of each field. The operation guard checks them on the parsed document and its variables, before
 * any subgraph (and so any SQL) runs, so a request over a budget is refused at once with
 * QUERY_TOO_COMPLEX naming the limit (`extensions.argument`, `limit`, `unit`), instead of running into
 * the request deadline or the statement time limit. The departments keep their own checks of the
 * same arguments (a value below 1, dates in the wrong order: BAD_USER_INPUT); these are only the
 * ceilings, kept equal to what the departments accept.
 */
export type FieldBudget =
  /** An integer argument (its default when not given) at most `max`. */
  | { kind: 'count'; argument: string; max: number; unit: 'months' | 'items' }
  /** The days from `fromArgument` to `toArgument` (defaults: today, and `defaultDays` before `to`) at most `maxDays`. */
  | { kind: 'window'; fromArgument: string; toArgument: string; defaultDays: number; maxDays: number };

/** Keyed by schema coordinate. */
export const FIELD_BUDGETS: Readonly<Record<string, FieldBudget>> = {
  // The dashboard's cards.
  'Query.colorTrend': { kind: 'count', argument: 'months', max: 60, unit: 'months' },
  'Query.colorChanges': { kind: 'window', fromArgument: 'from', toArgument: 'to', defaultDays: 30, maxDays: 366 },
  'Query.colorBucketSubjects': { kind: 'count', argument: 'first', max: 1000, unit: 'items' },
  'Query.recentInspectionDraws': { kind: 'count', argument: 'last', max: 50, unit: 'items' },
  // Two years of feedback: every half-year in the window costs the roll-up a price list.
  'Query.measureFeedbackRollup': { kind: 'window', fromArgument: 'from', toArgument: 'to', defaultDays: 364, maxDays: 731 },
  // Search without paging (connections' `first` counts against HUB_MAX_LIST_ITEMS_PER_REQUEST in the guard).
  'Query.findEnterprises': { kind: 'count', argument: 'first', max: 100, unit: 'items' },
};

/** An argument as the field receives it: the literal, the variable's value, or the definition's default; undefined when absent or unreadable. */
function argumentValue(field: GraphQLField<unknown, unknown>, selection: FieldNode, name: string, variables: Record<string, unknown>): unknown {
  const given: ValueNode | undefined = selection.arguments?.find((argument) => argument.name.value === name)?.value;
  if (given === undefined) return field.args.find((argument) => argument.name === name)?.defaultValue;
  switch (given.kind) {
    case Kind.INT:
      return Number(given.value);
    case Kind.STRING:
      return given.value;
    case Kind.VARIABLE:
      return variables[given.name.value] ?? field.args.find((argument) => argument.name === name)?.defaultValue;
    default:
      return undefined;
  }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

/**
 * Refuses `selection` of `coordinate` when it asks for more than its budget. Values the field would
 * refuse anyway (not a number, not a date) are left to the department, which names them.
 */
export function checkFieldBudget(coordinate: string, field: GraphQLField<unknown, unknown>, selection: FieldNode, variables: Record<string, unknown>): void {
  const budget = FIELD_BUDGETS[coordinate];
  if (!budget) return;
  const fieldName = coordinate.slice(coordinate.indexOf('.') + 1);
  if (budget.kind === 'count') {
    const value = argumentValue(field, selection, budget.argument, variables);
    if (typeof value === 'number' && value > budget.max) {
      throw new HubError('QUERY_TOO_COMPLEX', `${fieldName}(${budget.argument}: ${value}) is over the budget of ${budget.max} ${budget.unit} per request; ask for less at once`, {
        field: coordinate,
        argument: budget.argument,
        limit: budget.max,
        unit: budget.unit,
        actual: value,
      });
    }
    return;
  }
  const toValue = argumentValue(field, selection, budget.toArgument, variables) ?? today();
  if (typeof toValue !== 'string' || !ISO_DATE.test(toValue)) return;
  const fromValue = argumentValue(field, selection, budget.fromArgument, variables) ?? addDays(toValue, -budget.defaultDays);
  if (typeof fromValue !== 'string' || !ISO_DATE.test(fromValue)) return;
  const days = dayNumber(toValue) - dayNumber(fromValue);
  if (Number.isFinite(days) && days > budget.maxDays) {
    throw new HubError(
      'QUERY_TOO_COMPLEX',
      `${fieldName}(${budget.fromArgument}: ${fromValue}, ${budget.toArgument}: ${toValue}) spans ${days} days, over the budget of ${budget.maxDays} days per request; ask for a shorter period`,
      { field: coordinate, argument: `${budget.fromArgument}..${budget.toArgument}`, limit: budget.maxDays, unit: 'days', actual: days },
    );
  }
}
