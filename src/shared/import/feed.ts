import type { Principal } from '../auth/principal';
import type { HubContext } from '../context';
import { HubError } from '../errors';
import { RowRejected } from './feed-values';

/** One data row of a feed file: the line it started on and its values by column name (trimmed). */
export interface FeedRow {
  line: number;
  values: Record<string, string>;
  /** The row as a CSV line (or the JSONL line), to copy into the rejects file; built only for rejected rows. */
  raw(): string;
  /** Set when the row itself could not be parsed (broken quoting, a JSONL line that is not an object). */
  error?: string;
}

export type RowOutcome = 'imported' | 'unchanged';

/**
 * What became of one row. `overrides` names the codes with a failing check character that the row
 * was admitted with (from the audited override list); the import records each of them.
 */
export type RowResult = { outcome: RowOutcome; overrides?: readonly string[] } | { rejected: string };

export interface FeedContext {
  // Function-typed properties, not methods: stages destructure them off the context.
  /** A fresh context per batch (loaders and touched codes do not grow with the file). */
  context: () => HubContext;
  /** Codes accepted despite a failing check character (explicit, audited override list). */
  overrides: ReadonlySet<string>;
  /** The file being imported (legacy ratings cite it as their source by default). */
  path: string;
  /** A remark on an applied row (e.g. stored but not scored), shown to the operator. */
  note: (line: number, message: string) => void;
}

/**
 * Applies one batch of rows and answers one result per row, in order. A batch is applied so that
 * applying it again changes nothing: an interrupted import run again ends in the same state.
 */
export type BatchApplier = (rows: readonly FeedRow[]) => Promise<RowResult[]>;

/** A department's part of a feed. A feed may have several stages (penalties: credit records, then scoring). */
export interface FeedStage {
  /** Builds the batch applier once per import. */
  open(context: FeedContext): BatchApplier;
  /** Who the stage acts as; default the bureau's import principal. */
  principal?: Principal;
}

/** Service errors (BAD_USER_INPUT etc.) become row rejections with the service's message. */
export async function asRow<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof HubError) throw new RowRejected(error.message);
    throw error;
  }
}

/**
 * The row-by-row applier for feeds whose rows are few (lists, court records, feedback, legacy
 * ratings): each row through the department's service, as a mutation would; rows see what earlier
 * rows wrote because each row gets fresh loaders.
 */
export function rowByRow(context: FeedContext, apply: (ctx: HubContext, row: FeedRow) => Promise<{ outcome: RowOutcome; overrides?: string[] }>): BatchApplier {
  return async (rows) => {
    const results: RowResult[] = [];
    for (const row of rows) {
      try {
        if (row.error) throw new RowRejected(row.error);
        results.push(await apply(context.context(), row));
      } catch (error) {
        if (!(error instanceof RowRejected)) throw error;
        results.push({ rejected: error.message });
      }
    }
    return results;
  };
}
