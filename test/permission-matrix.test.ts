import { DataSource } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { buildSubgraphs } from '../src/gateway/hub';
import { permissionMatrix } from '../src/shared/auth/permission-matrix';
import { PERMISSION_TABLE } from '../src/shared/auth/permission-table';
import { ROLES, type Role } from '../src/shared/auth/principal';
import { DEPARTMENTS, type Department } from '../src/shared/database';

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
