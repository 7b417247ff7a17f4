import { GraphQLObjectType } from 'graphql';
import { allow, deny } from 'graphql-shield';
import { DataSource } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { buildSubgraphs } from '../src/gateway/hub';
import { permissionMatrix } from '../src/shared/auth/permission-matrix';
import { PERMISSION_TABLE } from '../src/shared/auth/permission-table';
import { ROLES, type Role } from '../src/shared/auth/principal';
import { DEPARTMENTS, type Department } from '../src/shared/database';
import { effectiveRule, ruleTreeOf, unguardedFieldsOf } from '../src/shared/federation';

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

  it('denies by default: every Query, Mutation and Enterprise field of every subgraph is named in the table or is federation plumbing', async () => {
    const sources = Object.fromEntries([...DEPARTMENTS, 'gateway'].map((d) => [d, new DataSource({ type: 'postgres' })])) as Record<Department | 'gateway', DataSource>;
    for (const subgraph of await buildSubgraphs(sources)) {
      for (const row of await permissionMatrix(subgraph.schema)) {
        if (!/^(Query|Mutation|Enterprise|EnvCredit)\./.test(row.coordinate) || /^Query\._(service|entities)$/.test(row.coordinate)) continue;
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
