import { readFile, writeFile } from 'node:fs/promises';
import type { Principal } from '../../shared/auth/principal';
import { createContext } from '../../shared/context';
import { log } from '../../shared/logging';
import type { HubDataSources } from '../../gateway/databases';
import { localSubjectFacts } from '../../gateway/hub';
import { FeedReadError, readFeed, type FeedEncoding, type FeedFormat } from './feed-reader';
import { RowRejected } from './feed-values';
import { FEEDS } from './feeds';

export interface ImportOptions {
  format?: FeedFormat;
  encoding: FeedEncoding;
  rejectsPath?: string;
  /** File with one USCC per line: historical codes accepted despite a failing check character. */
  acceptInvalidCodesPath?: string;
  /** Where progress lines go (stderr by default). */
  progress?: (message: string) => void;
}

export interface ImportSummary {
  imported: number;
  rejected: number;
  unchanged: number;
  rejectsPath: string;
}

/** The principal imports act as: the bureau's own system, recorded on every event it writes. */
const IMPORT_PRINCIPAL: Principal = { clientId: 'cli:import', clientName: 'ecocredit import', role: 'ENV_ADMIN', agency: null, districtCode: null, purpose: 'IMPORT' };

/** Thrown when the file cannot be processed at all; nothing has been applied then. */
export class ImportRefused extends Error {}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function summaryLine(summary: Pick<ImportSummary, 'imported' | 'rejected' | 'unchanged'>): string {
  return `imported ${summary.imported}, rejected ${summary.rejected}, unchanged ${summary.unchanged}`;
}

/**
 * Applies a feed row by row, each row in its own transaction through the owning department's
 * service. Bad rows go to the rejects file (line, row, reason) and never stop the others. The header
 * is checked first: a missing required column refuses the whole file before anything is applied.
 */
export async function importFeed(sources: HubDataSources, feedName: string, path: string, options: ImportOptions): Promise<ImportSummary> {
  const feed = FEEDS[feedName];
  if (!feed) throw new ImportRefused(`unknown feed "${feedName}"; feeds: ${Object.keys(FEEDS).join(', ')}`);
  const format: FeedFormat = options.format ?? (/\.jsonl?$/i.test(path) ? 'jsonl' : 'csv');
  const progress = options.progress ?? ((message: string) => process.stderr.write(message + '\n'));
  let overrides = new Set<string>();
  if (options.acceptInvalidCodesPath) {
    try {
      const text = await readFile(options.acceptInvalidCodesPath, 'utf8');
      overrides = new Set(text.split(/\r?\n/).map((line) => line.trim().toUpperCase()).filter((line) => line && !line.startsWith('#')));
    } catch (error) {
      throw new ImportRefused(`cannot read the override list ${options.acceptInvalidCodesPath}: ${(error as Error).message}`);
    }
  }
  let data;
  try {
    data = await readFeed(path, format, options.encoding);
  } catch (error) {
    if (error instanceof FeedReadError) throw new ImportRefused(error.message);
    throw error;
  }
  if (format === 'csv') {
    const missing = feed.requiredColumns.filter((column) => !data.columns.includes(column));
    if (missing.length > 0) throw new ImportRefused(`${path}: header lacks required column(s) ${missing.join(', ')} for feed ${feedName}; nothing was applied`);
  }
  // Registrations moving district and feedback ask other departments, as the hub would.
  const ctx = createContext(feed.principal ?? IMPORT_PRINCIPAL, `import:${Date.now()}`, localSubjectFacts(sources));
  const apply = feed.handler({
    ctx,
    sources,
    overrides,
    path,
    onOverride: (uscc, line) => log.warn('import accepted a code with a failing check character from the override list', { feed: feedName, file: path, line, uscc }),
    note: (line, message) => progress(`line ${line}: ${message}`),
  });
  const rejectsPath = options.rejectsPath ?? `${path}.rejects.csv`;
  const rejects: string[] = ['line,row,reason'];
  const summary = { imported: 0, rejected: 0, unchanged: 0 };
  for (const [index, row] of data.rows.entries()) {
    try {
      if (row.error) throw new RowRejected(row.error);
      // Each row gets fresh loaders: rows must see what earlier rows wrote.
      ctx.loaders.clear();
      const outcome = await apply(row.values, row.line);
      summary[outcome]++;
    } catch (error) {
      if (!(error instanceof RowRejected)) {
        log.error('import row failed', { feed: feedName, line: row.line, detail: String((error as Error)?.stack ?? error) });
      }
      summary.rejected++;
      const reason = error instanceof RowRejected ? error.message : 'internal error (see the log)';
      rejects.push([String(row.line), csvField(row.raw), csvField(reason)].join(','));
    }
    if ((index + 1) % 1000 === 0) progress(`${index + 1}/${data.rows.length} rows: ${summaryLine(summary)}`);
  }
  if (summary.rejected > 0) await writeFile(rejectsPath, rejects.join('\n') + '\n');
  return { ...summary, rejectsPath };
}
