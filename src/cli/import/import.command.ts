import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Principal } from '../../shared/auth/principal';
import type { SubjectFacts } from '../../shared/auth/subject-scope';
import { commandContext } from '../../shared/context';
import { log } from '../../shared/logging';
import type { HubDataSources } from '../../hub/databases';
import { UsccOverrideService, type OverrideUse } from '../../gateway/services/uscc-override.service';
import type { BatchApplier, FeedRow, RowResult } from '../../shared/import/feed';
import { FeedReadError, inBatches, openFeed, type FeedEncoding, type FeedFormat } from '../../shared/import/feed-reader';
import { ImportProgress } from '../../shared/import/import-progress';
import { RejectsWriter } from '../../shared/import/rejects-writer';
import { formulaLike } from '../../shared/csv-cells';
import { usccProblem } from '../../shared/uscc';
import { FEEDS } from './feeds';

export interface ImportOptions {
  format?: FeedFormat;
  encoding: FeedEncoding;
  rejectsPath?: string;
  /** File with one USCC per line: historical codes accepted despite a failing check character. */
  acceptInvalidCodesPath?: string;
  /** Where plain progress lines and notes go (stderr by default). */
  progress?: (message: string) => void;
  /** Draw a progress bar (default: when stderr is a terminal and no `progress` callback is given). */
  tty?: boolean;
  /** Rows per batch (default 5000): each batch is validated and applied set-wise, then the next is read. */
  batchSize?: number;
}

export interface ImportSummary {
  imported: number;
  rejected: number;
  unchanged: number;
  rejectsPath: string;
  /** Rows applied with a name a spreadsheet would read as a formula (`formulaLike`), each noted with its line. */
  formulaNames: number;
}

/**
 * The columns of the feeds that name a subject: registrations' `name`, the dishonest debtors'
 * `subject_name`, the 双公示 penalty's counterpart name `CF_XDR_MC`. A name beginning with `=`, `+`,
 * `-`, `@`, a tab or a CR is accepted (a registry's data is what it is) but flagged: a note with the
 * line, and a count in the summary; CSV exports write it with a leading quote (docs/security.md).
 */
const NAME_COLUMNS = ['name', 'subject_name', 'CF_XDR_MC'];

/** The principal imports act as: the bureau's own system, recorded on every event it writes. */
const IMPORT_PRINCIPAL: Principal = { clientId: 'cli:import', clientName: 'ecocredit import', role: 'ENV_ADMIN', agency: null, districtCode: null, purpose: 'IMPORT' };

/** Notes printed one by one before they are only counted (a large file may note every row). */
const NOTES_SHOWN = 50;

/** Thrown when the file cannot be processed at all; when thrown before the first batch, nothing has been applied. */
export class ImportRefused extends Error {}

export function summaryLine(summary: Pick<ImportSummary, 'imported' | 'rejected' | 'unchanged'> & { formulaNames?: number }): string {
  const flagged = summary.formulaNames ? `, names flagged as formula-like ${summary.formulaNames}` : '';
  return `imported ${summary.imported}, rejected ${summary.rejected}, unchanged ${summary.unchanged}${flagged}`;
}

async function readOverrideList(path: string): Promise<Set<string>> {
  try {
    const text = await readFile(path, 'utf8');
    return new Set(text.split(/\r?\n/).map((line) => line.trim().toUpperCase()).filter((line) => line && !line.startsWith('#')));
  } catch (error) {
    throw new ImportRefused(`cannot read the override list ${path}: ${(error as Error).message}`);
  }
}

/**
 * Other departments' facts, asked through every subgraph built in-process (as the hub would), loaded
 * on first use: most batches never ask (a registrations file without moves, penalties of unrated
 * subjects), and the gateway's code is a third of the process's heap.
 */
function lazySubjectFacts(sources: HubDataSources): SubjectFacts {
  let facts: Promise<SubjectFacts> | undefined;
  const load = () => (facts ??= import('../../hub/hub').then((hub) => hub.localSubjectFacts(sources)));
  return {
    districtsOf: async (...args) => (await load()).districtsOf(...args),
    ratedOf: async (...args) => (await load()).ratedOf(...args),
    coloredBetween: async (...args) => (await load()).coloredBetween(...args),
    coloredBetweenEach: async (...args) => (await load()).coloredBetweenEach(...args),
    marketListedBetween: async (...args) => (await load()).marketListedBetween(...args),
    followDistrict: async (...args) => (await load()).followDistrict(...args),
    followSuccession: async (...args) => (await load()).followSuccession(...args),
    subjectRecordsOf: async (...args) => (await load()).subjectRecordsOf(...args),
    measureCatalogOn: async (...args) => (await load()).measureCatalogOn(...args),
    colorsAmong: async (...args) => (await load()).colorsAmong(...args),
    ratedAmong: async (...args) => (await load()).ratedAmong(...args),
    countRatedAmong: async (...args) => (await load()).countRatedAmong(...args),
    subjectsOfColors: async (...args) => (await load()).subjectsOfColors(...args),
    countOfColors: async (...args) => (await load()).countOfColors(...args),
    creditListedAmong: async (...args) => (await load()).creditListedAmong(...args),
    creditListedOn: async (...args) => (await load()).creditListedOn(...args),
    ratedCount: async (...args) => (await load()).ratedCount(...args),
    colorTimelinesOf: async (...args) => (await load()).colorTimelinesOf(...args),
    storedColorPeriodsOf: async (...args) => (await load()).storedColorPeriodsOf(...args),
    halfYearSnapshotsOn: async (...args) => (await load()).halfYearSnapshotsOn(...args),
    halfYearSnapshotsKnownOn: async (...args) => (await load()).halfYearSnapshotsKnownOn(...args),
  };
}

const UNCHANGED: RowResult = Object.freeze({ outcome: 'unchanged' });

/** Runs a batch through the feed's stages: a row refused by one stage goes no further. */
async function applyStages(appliers: BatchApplier[], rows: FeedRow[]): Promise<RowResult[]> {
  const results: RowResult[] = new Array<RowResult>(rows.length).fill(UNCHANGED);
  let live = rows.map((_, index) => index);
  for (const apply of appliers) {
    if (live.length === 0) break;
    const stageResults = await apply(live.map((index) => rows[index]));
    const next: number[] = [];
    stageResults.forEach((result, i) => {
      const index = live[i];
      const previous = results[index];
      if ('rejected' in result) results[index] = result;
      else if (!('rejected' in previous)) {
        const overrides = previous.overrides?.length ? (result.overrides?.length ? [...new Set([...previous.overrides, ...result.overrides])] : previous.overrides) : result.overrides;
        results[index] = { outcome: previous.outcome === 'imported' || result.outcome === 'imported' ? 'imported' : 'unchanged', overrides };
        next.push(index);
      }
    });
    live = next;
  }
  return results;
}

/**
 * Streams a feed file through its departments' stages in batches (memory flat in the file's size).
 * Bad rows go to the rejects file (line, row, reason; in the input's encoding) and never stop the
 * others. The header is checked first: a missing required column refuses the whole file before
 * anything is applied. Each batch is idempotent, so an interrupted import run again ends in the
 * state of one uninterrupted run. Codes admitted through the override list are recorded
 * (gateway.uscc_override), so that the API answers for them afterwards.
 */
export async function importFeed(sources: HubDataSources, feedName: string, path: string, options: ImportOptions): Promise<ImportSummary> {
  const feed = FEEDS[feedName];
  if (!feed) throw new ImportRefused(`unknown feed "${feedName}"; feeds: ${Object.keys(FEEDS).join(', ')}`);
  const format: FeedFormat = options.format ?? (/\.jsonl?$/i.test(path) ? 'jsonl' : 'csv');
  const write = options.progress ?? ((message: string) => process.stderr.write(message + '\n'));
  const overrides = options.acceptInvalidCodesPath ? await readOverrideList(options.acceptInvalidCodesPath) : new Set<string>();
  let data;
  try {
    data = await openFeed(path, format, options.encoding);
  } catch (error) {
    if (error instanceof FeedReadError) throw new ImportRefused(error.message);
    throw error;
  }
  if (data.columns) {
    const columns = data.columns;
    const missing = feed.requiredColumns.filter((column) => !columns.includes(column));
    if (missing.length > 0) throw new ImportRefused(`${path}: header lacks required column(s) ${missing.join(', ')} for feed ${feedName}; nothing was applied`);
  }
  let notes = 0;
  let formulaNames = 0;
  const note = (line: number, message: string) => {
    notes++;
    if (notes <= NOTES_SHOWN) write(`line ${line}: ${message}`);
  };
  const stages = feed.stages(sources);
  const runId = `import:${randomUUID()}`;
  // Every write of the run is in the audit trail: its batches' records name the feed and the codes written.
  const field = `Command.import.${feedName}`;
  // Registrations moving district and feedback ask other departments, as the hub would.
  const subjectFacts = lazySubjectFacts(sources);
  const appliers = stages.map((stage) =>
    stage.open({ context: () => commandContext(stage.principal ?? IMPORT_PRINCIPAL, field, subjectFacts, runId), overrides, path, note }),
  );
  const overrideRecords = new UsccOverrideService(sources.gateway);
  const rejects = new RejectsWriter(options.rejectsPath ?? `${path}.rejects.csv`, options.encoding);
  const counts = { rows: 0, imported: 0, rejected: 0, unchanged: 0 };
  const progress = new ImportProgress(data.totalBytes, { tty: options.tty ?? (!options.progress && process.stderr.isTTY === true), write });
  try {
    const batches = inBatches(data.rows, options.batchSize ?? 5000);
    // The next batch is read and parsed while the database applies this one.
    let next = batches.next();
    for (let current = await next; !current.done; current = await next) {
      const batch = current.value;
      next = batches.next();
      next.catch(() => {}); // a read error is raised when that batch is awaited
      const results = await applyStages(appliers, batch);
      const uses = new Map<string, OverrideUse>();
      for (let i = 0; i < results.length; i++) {
        const result = results[i];
        const row = batch[i];
        if ('rejected' in result) {
          counts.rejected++;
          await rejects.add(row.line, row.raw(), result.rejected);
          continue;
        }
        counts[result.outcome]++;
        for (const column of NAME_COLUMNS) {
          const name = row.values[column];
          if (name === undefined || !formulaLike(name)) continue;
          formulaNames++;
          note(row.line, `${column} ${JSON.stringify(name)} begins with ${JSON.stringify(name[0])}, which a spreadsheet reads as a formula: accepted; CSV exports write it as text with a leading '`);
        }
        for (const uscc of result.overrides ?? []) {
          const use = uses.get(uscc) ?? { uscc, problem: usccProblem(uscc) ?? 'check character', firstLine: row.line, rows: 0 };
          use.rows++;
          uses.set(uscc, use);
          log.warn('import accepted a code with a failing check character from the override list', { feed: feedName, file: path, line: row.line, uscc });
        }
      }
      await overrideRecords.record([...uses.values()], { feed: feedName, file: path, overrideList: options.acceptInvalidCodesPath ?? '', by: IMPORT_PRINCIPAL.clientId });
      counts.rows += batch.length;
      progress.update(data.bytesRead(), counts);
    }
  } catch (error) {
    if (error instanceof FeedReadError) {
      throw new ImportRefused(`${error.message}; ${counts.rows} rows before it were processed (${summaryLine(counts)}); run again after fixing the file`);
    }
    throw error;
  } finally {
    await rejects.close();
  }
  progress.finish(counts);
  if (notes > NOTES_SHOWN) write(`… ${notes - NOTES_SHOWN} more notes like these (${notes} in all)`);
  return { imported: counts.imported, rejected: counts.rejected, unchanged: counts.unchanged, rejectsPath: rejects.path, formulaNames };
}
