import { rule } from 'graphql-shield';
import type { HubContext } from '../context';
import { forbidden } from '../errors';
import { ROLES, type Role } from './principal';

type RoleRule = ReturnType<ReturnType<typeof rule>>;
const roleRules = new Map<string, RoleRule>();

/**
 * Rule: the caller's role is one of `roles`. Denial is a FORBIDDEN error on the field's path, and
 * the rest of the answer is unharmed. Cached per request: the role does not change within one.
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

/** Every role, the public included. */
export const anyone = roleIn(...ROLES);

/** Every role that authenticates (not PUBLIC). */
export const anyPartner = roleIn(...ROLES.filter((role) => role !== 'PUBLIC'));

/** Role groups of the CONTRACT.md permission table, named after what they may see. */
export const ENV_STAFF: Role[] = ['ENV_ADMIN', 'ENV_OFFICER'];
export const SUPERVISORS: Role[] = ['ENV_ADMIN', 'ENV_OFFICER', 'CREDIT_OFFICE', 'MARKET_REGULATOR'];
