import { and, rule, type IRule } from 'graphql-shield';

/** A rule or a combination of rules (what shield accepts for a field). */
export type ShieldRule = IRule | ReturnType<typeof and>;
import type { HubContext } from '../context';
import { forbidden } from '../errors';
import { rolesFor, type FieldCoordinate } from './permission-table';
import type { Role } from './principal';
import { purposeProblem } from './purpose';
import { rowScope } from './scope';
import { subjectVisible } from './subject-scope';

/*
 * One rule per concern, combined per field by `tableRule`:
 *   role     roleIn(...)     the caller's role is in the field's row of PERMISSION_TABLE
 *   purpose  purposeStated   BANK/UTILITY carry an allowed X-Access-Purpose (the gateway checks it
 *                            too; subgraphs reached over HTTP re-check what the token says)
 *   district inputInScope    a mutation's subject lies in an ENV_OFFICER's district
 *   agency   JointMeasureService filters joint measures by implementing agency (AGENCY_KIND_OF_ROLE)
 * Every denial is a FORBIDDEN error on the field's path; the rest of the answer is unharmed.
 */

type RoleRule = ReturnType<ReturnType<typeof rule>>;
const roleRules = new Map<string, RoleRule>();

/**
 * Rule: the caller's role is one of `roles`. Cached per request: the role does not change within one.
 */
export function roleIn(...roles: Role[]): RoleRule {
  const allowed = new Set<Role>(roles);
  const name = `role-in:${[...allowed].sort().join(',')}`;
  // shield refuses two rule objects with one name: hand out one instance per role set.
  let roleRule = roleRules.get(name);
  if (!roleRule) {
    roleRule = rule(name, { cache: 'contextual' })(
      (_parent, _args, ctx: HubContext) => allowed.has(ctx.principal.role) || forbidden(`role ${ctx.principal.role} may not read this field`),
    );
    roleRules.set(name, roleRule);
  }
  return roleRule;
}

/** Rule: a role bound to purposes (BANK, UTILITY) stated an allowed one. */
export const purposeStated = rule('purpose-stated', { cache: 'contextual' })((_parent, _args, ctx: HubContext) => {
  const problem = purposeProblem(ctx.principal);
  return problem === null || forbidden(problem);
});

/**
 * Rule for mutations: an ENV_OFFICER may act only on subjects of its own district (`input.uscc`,
 * `input.districtCode`). Evaluated before the resolver runs; the service re-checks inside its
 * transaction.
 */
export const inputInScope = rule('input-in-scope', { cache: 'strict' })(async (_parent, args: { input?: { uscc?: string; districtCode?: string | null } }, ctx: HubContext) => {
  const scope = rowScope(ctx.principal);
  if (scope.kind !== 'district') return true;
  const input = args.input ?? {};
  if (input.districtCode && input.districtCode !== scope.district) {
    return forbidden(`district ${input.districtCode} is outside the caller's district ${scope.district}`);
  }
  if (input.uscc && !(await subjectVisible(ctx, input.uscc))) {
    return forbidden(`${input.uscc} is not a subject of the caller's district ${scope.district}`);
  }
  return true;
});

const tableRules = new Map<string, ShieldRule>();
/** The synchronous verdict of each pure table rule (no `extra`), see `verdictOf`. */
const verdicts = new WeakMap<object, (ctx: HubContext) => true | Error>();

/**
 * For a rule `tableRule` built without extra concerns: its verdict as a plain function of the
 * caller (role, then purpose, the order `and` evaluates them in, so the same first error), or
 * undefined for any other rule. The subgraphs run it synchronously in place of shield's awaited
 * middleware (shared/federation.ts); the rule object itself stays what the matrix and shield see.
 */
export function verdictOf(rule: unknown): ((ctx: HubContext) => true | Error) | undefined {
  return typeof rule === 'object' && rule !== null ? verdicts.get(rule) : undefined;
}

/**
 * The rule of one PERMISSION_TABLE coordinate: role and purpose, plus `extra` concerns (e.g.
 * `inputInScope` on mutations). Every rule tree binds each of its table's fields with this (rule-tree.ts).
 */
export function tableRule(coordinate: FieldCoordinate, ...extra: ShieldRule[]): ShieldRule {
  const key = extra.length === 0 ? coordinate : undefined;
  const cached = key && tableRules.get(key);
  if (cached) return cached;
  const combined = and(roleIn(...rolesFor(coordinate)), purposeStated, ...extra);
  if (key) {
    tableRules.set(key, combined);
    const allowed = new Set<Role>(rolesFor(coordinate));
    verdicts.set(combined, (ctx) => {
      if (!allowed.has(ctx.principal.role)) return forbidden(`role ${ctx.principal.role} may not read this field`);
      const problem = purposeProblem(ctx.principal);
      return problem === null || forbidden(problem);
    });
  }
  return combined;
}

/** Role groups of the CONTRACT.md permission table, named after what they may see. */
export const ENV_STAFF: Role[] = ['ENV_ADMIN', 'ENV_OFFICER'];
