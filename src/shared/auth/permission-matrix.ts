import { isObjectType, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import type { IRules } from 'graphql-shield';
import { createContext } from '../context';
import { ruleTreeOf } from '../federation';
import type { BuiltSubgraph } from '../subgraph';
import { ROLES, type Principal, type Role } from './principal';
import { ALLOWED_PURPOSES } from './purpose';
import type { ShieldRule } from './rules';
import type { SubjectFacts } from './subject-scope';

interface Resolvable {
  resolve(parent: unknown, args: unknown, ctx: unknown, info: unknown, options: unknown): Promise<unknown>;
}

const SHIELD_OPTIONS = { debug: false, allowExternalErrors: true, fallbackError: () => new Error('denied'), hashFunction: () => 'matrix' };

/** Facts that put every subject in scope: the matrix shows the field rules, not row scope. */
const ALL_VISIBLE: SubjectFacts = {
  districtsOf: async (usccs) => new Map(usccs.map((uscc) => [uscc, '320706'])),
  ratedOf: async (usccs) => new Set(usccs),
  coloredBetween: async () => new Set(),
  coloredBetweenEach: async (sets) => sets.map(() => new Set<string>()),
  marketListedBetween: async () => new Set(),
  halfYearSnapshotsOn: async () => [],
  halfYearSnapshotsKnownOn: async () => new Map(),
  followDistrict: async () => undefined,
  followSuccession: async () => undefined,
  subjectRecordsOf: async () => new Map(),
  measureCatalogOn: async () => [],
  colorTimelinesOf: async () => new Map(),
  storedColorPeriodsOf: async () => new Map(),
  colorsAmong: async (usccs) => new Map(usccs.map((uscc) => [uscc, 'BLUE'])),
  creditListedAmong: async () => new Set(),
  creditListedOn: async () => [],
  ratedCount: async () => 0,
  ratedAmong: async (usccs) => new Set(usccs),
  countRatedAmong: async (usccs) => usccs.length,
  subjectsOfColors: async () => [],
  countOfColors: async () => 0,
};

/** A caller of `role` as the demo clients are: in district 320706, stating an allowed purpose. */
function probePrincipal(role: Role): Principal {
  return {
    clientId: `matrix:${role}`,
    clientName: role,
    role,
    agency: null,
    districtCode: role === 'ENV_OFFICER' ? '320706' : null,
    purpose: ALLOWED_PURPOSES[role]?.[0] ?? null,
  };
}

async function allows(rule: ShieldRule | undefined, role: Role, typeName: string, fieldName: string): Promise<boolean> {
  if (!rule) return false; // fallbackRule: deny
  const ctx = { ...createContext(probePrincipal(role), 'matrix', ALL_VISIBLE), _shield: { cache: {} } };
  const info = { fieldName, parentType: { name: typeName } } as unknown as GraphQLResolveInfo;
  return (await (rule as unknown as Resolvable).resolve({}, {}, ctx, info, SHIELD_OPTIONS)) === true;
}

function ruleFor(tree: IRules, typeName: string, fieldName: string): { rule: ShieldRule | undefined; typeWide: boolean } {
  const entry = (tree as Record<string, unknown>)[typeName];
  if (entry && typeof (entry as Resolvable).resolve === 'function') return { rule: entry as ShieldRule, typeWide: true };
  // A field without a rule of its own takes the type's '*' rule, as the subgraphs apply it (effectiveRule).
  const fields = entry as Record<string, ShieldRule> | undefined;
  const fieldRule = fields?.[fieldName] ?? fields?.['*'];
  return { rule: fieldRule, typeWide: false };
}

export type MatrixRow = { coordinate: string; cells: Record<Role, boolean> };

/**
 * The role × field table that a subgraph's rule tree actually produces: every field of every object
 * type, each rule evaluated for a probe caller of each role (deny where the tree names nothing).
 * A type guarded as a whole (a value type reachable only through a guarded field) is one `Type.*` row.
 */
export async function permissionMatrix(schema: GraphQLSchema): Promise<MatrixRow[]> {
  const tree = ruleTreeOf(schema);
  if (!tree) throw new Error('this schema was not built by buildFederatedSubgraph: no rule tree');
  const rows: MatrixRow[] = [];
  const typeNames = Object.keys(schema.getTypeMap()).filter((name) => !name.startsWith('__')).sort();
  for (const typeName of typeNames) {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) continue;
    const fields = Object.keys(type.getFields()).sort();
    if (ruleFor(tree, typeName, fields[0]).typeWide) {
      const { rule } = ruleFor(tree, typeName, fields[0]);
      const cells = {} as Record<Role, boolean>;
      for (const role of ROLES) cells[role] = await allows(rule, role, typeName, fields[0]);
      rows.push({ coordinate: `${typeName}.*`, cells });
      continue;
    }
    for (const fieldName of fields) {
      // Another subgraph resolves an @external field; this one only receives it in representations.
      if (type.getFields()[fieldName].astNode?.directives?.some((d) => d.name.value === 'external')) continue;
      const { rule } = ruleFor(tree, typeName, fieldName);
      const cells = {} as Record<Role, boolean>;
      for (const role of ROLES) cells[role] = await allows(rule, role, typeName, fieldName);
      rows.push({ coordinate: `${typeName}.${fieldName}`, cells });
    }
  }
  return rows;
}

/** schema/permissions.md: one table per subgraph, generated by `npm run schema`. */
export async function permissionMatrixMarkdown(subgraphs: BuiltSubgraph[]): Promise<string> {
  const lines = [
    '# Permission matrix',
    '',
    'GENERATED by `npm run schema` from the subgraphs\' graphql-shield rule trees (each rule evaluated for a',
    'probe caller of each role); do not edit. A changed permission shows up here as a diff. ✓ = the',
    'field resolves, – = `null` + FORBIDDEN. BANK and UTILITY are probed with an allowed',
    '`X-Access-Purpose` (without one they get nothing); row scope (ENV_OFFICER: own district, PUBLIC:',
    'rated subjects only) is applied by the services on top of this table. `Type.*` = every field of a',
    'value type that is reachable only through a guarded field.',
  ];
  for (const subgraph of [...subgraphs].sort((a, b) => a.name.localeCompare(b.name))) {
    lines.push('', `## ${subgraph.name}`, '', `| field | ${ROLES.join(' | ')} |`, `|---|${ROLES.map(() => '---').join('|')}|`);
    for (const row of await permissionMatrix(subgraph.schema)) {
      lines.push(`| \`${row.coordinate}\` | ${ROLES.map((role) => (row.cells[role] ? '✓' : '–')).join(' | ')} |`);
    }
  }
  return lines.join('\n') + '\n';
}
