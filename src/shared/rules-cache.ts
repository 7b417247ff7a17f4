import type { DataSource, EntityManager } from 'typeorm';
import { rulesTopic, VersionWatch } from './version-watch';

/**
 * The rule tables of a department (scoring policies, event types, measures, restriction rules…) are
 * data that changes rarely and only by mutation; every request needs them. A trigger bumps the
 * department's `rules_version` in the changing transaction (migrations/rules-version.ts) and
 * notifies the new version on commit. The tables are loaded together with their version, inside the
 * reader's snapshot, and cached with it.
 *
 * While the process's VersionWatch listens, a cached value is reused with no statement at all as long
 * as no newer version was notified and the listening connection was not lost since it was loaded (a
 * lost connection may have lost a notification: everything cached before is loaded again). While it
 * does not listen, a reader asks for the version (one tiny statement, inside its snapshot) and reuses
 * the tables loaded for that version, as before the watch. A value loaded from a snapshot older than
 * the newest notified version serves that snapshot's request only. Correct with any number of
 * processes; a change is seen by a process from its notification on (or its next request, unwatched).
 *
 * The cached values are shared by every request of the process: they are frozen so that no caller
 * can change another's rules.
 */
export class RulesCache<T> {
  private readonly perDatabase = new WeakMap<DataSource, { version: bigint; epoch: number | null; value: T }>();

  constructor(
    /** The department's schema, which holds `rules_version`. */
    private readonly schema: string,
    private readonly load: (manager: EntityManager) => Promise<T>,
  ) {}

  async get(dataSource: DataSource, manager: EntityManager): Promise<T> {
    const watch = VersionWatch.of(dataSource);
    const topic = rulesTopic(this.schema);
    const watched = watch?.current(topic) ?? null;
    const cached = this.perDatabase.get(dataSource);
    if (watched && cached?.epoch === watched.epoch && cached.version >= watched.version) return cached.value;
    const [row] = await manager.query<{ version: string }[]>(`SELECT version FROM ${this.schema}.rules_version`);
    const version = BigInt(row.version);
    if (!watched && cached?.version === version) return cached.value;
    const value = cached?.version === version ? cached.value : deepFreeze(await this.load(manager));
    // Requests on older snapshots may still load older versions: keep the newest. Under a watch, only
    // what is at least as new as every notified version, in the epoch it was loaded in, is kept.
    const now = watch?.current(topic) ?? null;
    const epoch = watched && now?.epoch === watched.epoch && version >= now.version ? watched.epoch : null;
    const latest = this.perDatabase.get(dataSource);
    if (!latest || latest.version < version || (latest.version === version && epoch !== null)) this.perDatabase.set(dataSource, { version, epoch, value });
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
