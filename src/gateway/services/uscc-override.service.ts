import type { DataSource } from 'typeorm';
import { overrideCandidates } from '../../shared/uscc-overrides';

const NONE: ReadonlySet<string> = new Set();

/** One import's use of an admitted code: the first line it appeared on and how many rows carried it. */
export interface OverrideUse {
  uscc: string;
  problem: string;
  firstLine: number;
  rows: number;
}

/**
 * The audited list of codes admitted despite a failing check character (gateway.uscc_override):
 * written by imports that were given an override list, read by the gateway for each request that
 * names such a code.
 */
export class UsccOverrideService {
  constructor(private readonly dataSource: DataSource) {}

  /** The codes of a request (query text and variables) that are admitted overrides; no SQL when there is no candidate. */
  async admittedIn(query: string, variables: unknown): Promise<ReadonlySet<string>> {
    const candidates = overrideCandidates([query, ...stringsIn(variables)].join('\n'));
    if (candidates.length === 0) return NONE;
    const rows: { uscc: string }[] = await this.dataSource.query(`SELECT uscc FROM gateway.uscc_override WHERE uscc = ANY($1)`, [candidates]);
    return new Set(rows.map((row) => row.uscc));
  }

  /**
   * Records codes an import admitted from `overrideList` (once per code; the first admission keeps
   * its record) and this import's use of each of them.
   */
  async record(uses: readonly OverrideUse[], source: { feed: string; file: string; overrideList: string; by: string }): Promise<void> {
    if (uses.length === 0) return;
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO gateway.uscc_override (uscc, problem, override_list, admitted_by)
         SELECT u, p, $3, $4 FROM unnest($1::varchar[], $2::varchar[]) AS v(u, p)
         ON CONFLICT (uscc) DO NOTHING`,
        [uses.map((use) => use.uscc), uses.map((use) => use.problem), source.overrideList, source.by],
      );
      await manager.query(
        `INSERT INTO gateway.uscc_override_use (uscc, feed, file, first_line, rows, used_by)
         SELECT u, $3, $4, l, n, $5 FROM unnest($1::varchar[], $2::int[], $6::int[]) AS v(u, l, n)`,
        [uses.map((use) => use.uscc), uses.map((use) => use.firstLine), source.feed, source.file, source.by, uses.map((use) => use.rows)],
      );
    });
  }
}

/**
 * The strings inside request variables, to the depth any accepted request can have: deeper ones are
 * refused by the operation guard anyway, and a hostile 5000-level nesting must not cost a recursion.
 */
function stringsIn(variables: unknown, maxDepth = 16): string[] {
  const found: string[] = [];
  const pending: [unknown, number][] = [[variables, 0]];
  while (pending.length > 0) {
    const [value, depth] = pending.pop()!;
    if (typeof value === 'string') found.push(value);
    else if (value !== null && typeof value === 'object' && depth < maxDepth) {
      for (const child of Object.values(value as Record<string, unknown>)) pending.push([child, depth + 1]);
    }
  }
  return found;
}
