import type { DataSource, EntityManager } from 'typeorm';

/**
 * The rule tables of a department (scoring policies, event types, measures, restriction rules…) are
 * data that changes rarely and only by mutation; every request needs them. A trigger bumps the
 * department's `rules_version` in the changing transaction (migrations/rules-version.ts), so a reader
 * asks for the version (one tiny statement, inside its read snapshot) and reuses the tables loaded
 * for that version. A new version is loaded once, from the snapshot that saw it. Correct with any
 * number of processes: nothing is invalidated, versions are compared.
 *
 * The cached values are shared by every request of the process: they are frozen so that no caller
 * can change another's rules.
 */
export class RulesCache<T> {
  private readonly perDatabase = new WeakMap<DataSource, { version: bigint; value: T }>();

  constructor(
    /** The department's schema, which holds `rules_version`. */
    private readonly schema: string,
    private readonly load: (manager: EntityManager) => Promise<T>,
  ) {}

  async get(dataSource: DataSource, manager: EntityManager): Promise<T> {
    const [row] = await manager.query<{ version: string }[]>(`SELECT version FROM ${this.schema}.rules_version`);
    const version = BigInt(row.version);
    const cached = this.perDatabase.get(dataSource);
    if (cached?.version === version) return cached.value;
    const value = deepFreeze(await this.load(manager));
    // Requests on older snapshots may still load older versions: keep the newest.
    const latest = this.perDatabase.get(dataSource);
    if (!latest || latest.version < version) this.perDatabase.set(dataSource, { version, value });
    return value;
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
