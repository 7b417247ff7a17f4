import { buildSubgraphSchema } from '@apollo/subgraph';
import { GraphQLObjectType, isUnionType } from 'graphql';
import gql from 'graphql-tag';
import { allow, deny } from 'graphql-shield';
import { DataSource } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { buildSubgraphs } from '../src/hub/hub';
import { permissionMatrix } from '../src/shared/auth/permission-matrix';
import { PERMISSION_TABLE } from '../src/shared/auth/permission-table';
import { ROLES, type Role } from '../src/shared/auth/principal';
import { ruleTreeFromTable } from '../src/shared/auth/rule-tree';
import { tableRule } from '../src/shared/auth/rules';
import { DEPARTMENTS, type Department } from '../src/shared/database';
import { effectiveRule, ruleTreeOf, unguardedFieldsOf } from '../src/shared/federation';

describe('rule trees derived from PERMISSION_TABLE (ruleTreeFromTable)', () => {
  const schema = buildSubgraphSchema({
    typeDefs: gql`
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
      type Query { colorDistribution: [Bucket!]! notInTheTable: String }
      type Enterprise @key(fields: "uscc") { uscc: String! creditRestriction: Restriction notInTheTable: String }
      type Restriction { level: String }
      type Bucket { group: String }
    `,
  });

  it('binds table rows, denies the rest of the roots and entities, and allows value types whole', () => {
    const tree = ruleTreeFromTable(schema, { extra: { 'Mutation.recordCreditEvent': [allow] } });
    expect(effectiveRule(tree, 'Query', 'colorDistribution')).toBe(tableRule('Query.colorDistribution'));
    expect(effectiveRule(tree, 'Enterprise', 'creditRestriction')).toBe(tableRule('Enterprise.creditRestriction'));
    expect(effectiveRule(tree, 'Query', '_entities')).toBe(allow);
    expect(effectiveRule(tree, 'Query', 'notInTheTable')).toBe(deny);
    expect(effectiveRule(tree, 'Enterprise', 'notInTheTable')).toBe(deny);
    expect((tree as Record<string, unknown>).Restriction).toBe(allow);
    expect((tree as Record<string, unknown>).Bucket).toBe(allow);
  });

  it('refuses an extra concern on a field the table has no row for', () => {
    expect(() => ruleTreeFromTable(schema, { extra: { ['Query.notInTheTable' as 'Query.colorDistribution']: [allow] } })).toThrow(
      'permissions: extra rule for Query.notInTheTable, which PERMISSION_TABLE has no row for',
    );
  });
});

describe('the rule trees and PERMISSION_TABLE', () => {
  it('agree on every field the table names (a permissions file that bypasses the table shows up here)', async () => {
    const sources = Object.fromEntries([...DEPARTMENTS, 'gateway'].map((d) => [d, new DataSource({ type: 'postgres' })])) as Record<Department | 'gateway', DataSource>;
    const subgraphs = await buildSubgraphs(sources);
    let compared = 0;
    for (const subgraph of subgraphs) {
      for (const row of await permissionMatrix(subgraph.schema)) {
        const allowed = (PERMISSION_TABLE as Record<string, readonly Role[]>)[row.coordinate];
        if (!allowed) continue;
        compared += 1;
        for (const role of ROLES) expect(row.cells[role], `${subgraph.name} ${row.coordinate} ${role}`).toBe(allowed.includes(role));
      }
    }
    expect(compared).toBeGreaterThan(25);
  });

  it('denies by default: every field of the roots and of every entity type of every subgraph is named in the table or is federation plumbing', async () => {
    const sources = Object.fromEntries([...DEPARTMENTS, 'gateway'].map((d) => [d, new DataSource({ type: 'postgres' })])) as Record<Department | 'gateway', DataSource>;
    for (const subgraph of await buildSubgraphs(sources)) {
      const entityUnion = subgraph.schema.getType('_Entity');
      const entities = new Set(isUnionType(entityUnion) ? entityUnion.getTypes().map((type) => type.name) : []);
      for (const row of await permissionMatrix(subgraph.schema)) {
        const typeName = row.coordinate.split('.')[0];
        if (!(typeName === 'Query' || typeName === 'Mutation' || entities.has(typeName)) || /^Query\._(service|entities)$/.test(row.coordinate)) continue;
        expect(Object.keys(PERMISSION_TABLE), `${subgraph.name} ${row.coordinate}`).toContain(row.coordinate);
      }
    }
  });
});

describe('shield middleware only where a rule is not allow', () => {
  it('leaves a field unwrapped only when its rule is exactly allow, and never a Query, Mutation or Enterprise field but the federation plumbing', async () => {
    const sources = Object.fromEntries([...DEPARTMENTS, 'gateway'].map((d) => [d, new DataSource({ type: 'postgres' })])) as Record<Department | 'gateway', DataSource>;
    let unwrapped = 0;
    for (const subgraph of await buildSubgraphs(sources)) {
      const rules = ruleTreeOf(subgraph.schema)!;
      const unguarded = unguardedFieldsOf(subgraph.schema);
      for (const type of Object.values(subgraph.schema.getTypeMap())) {
        if (!(type instanceof GraphQLObjectType) || type.name.startsWith('__')) continue;
        for (const field of Object.keys(type.getFields())) {
          const coordinate = `${type.name}.${field}`;
          const rule = effectiveRule(rules, type.name, field);
          expect(unguarded.has(coordinate), `${subgraph.name} ${coordinate}`).toBe(rule === allow);
          if (unguarded.has(coordinate)) {
            unwrapped += 1;
            if (/^(Query|Mutation|Enterprise)\./.test(coordinate)) expect(coordinate, subgraph.name).toMatch(/^Query\._(service|entities)$/);
          }
        }
      }
    }
    // Value types are reached only through a guarded field: most of them run unwrapped.
    expect(unwrapped).toBeGreaterThan(50);
  });

  it('denies a field that has no rule at all (deny by default survives the filtering)', () => {
    expect(effectiveRule({ Enterprise: { uscc: allow } }, 'Enterprise', 'name')).toBe(deny);
    expect(effectiveRule({}, 'Anything', 'field')).toBe(deny);
    expect(effectiveRule({ Value: allow }, 'Value', 'field')).toBe(allow);
  });
});
