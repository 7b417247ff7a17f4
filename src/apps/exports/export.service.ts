import { createHash } from 'node:crypto';
import { Readable, Transform, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import { SAFE_CSV_CAST } from '../../shared/csv-cells';
import iconv from 'iconv-lite';
import type { HubContext } from '../../shared/context';
import { forbidden, HubError, type ErrorCode, ERROR_CODES } from '../../shared/errors';
import type { AuditRecorder } from '../../gateway/audit-recorder';
import type { HubApi } from '../../gateway/hub-api';
import { EXPORT_VIEWS, type ExportParameters, type ExportView, type QueryRunner } from './export-views';

export type ExportEncoding = 'utf8' | 'gb18030';
export const EXPORT_ENCODINGS: readonly ExportEncoding[] = ['utf8', 'gb18030'];

/** What a finished export wrote. */
export interface ExportSummary {
  view: string;
  rows: number;
}

/**
 * A view that can be streamed: its rows were checked and its first page read (so refusals come before
 * any byte). It holds one of the MAX_RUNNING_EXPORTS slots until `writeTo` ends: write it.
 */
export interface PreparedExport {
  view: ExportView;
  /** Streams the CSV into `destination` at constant memory; resolves once its audit record is stored. */
  writeTo(destination: Writable): Promise<ExportSummary>;
}

const KNOWN_CODES = new Set<string>(ERROR_CODES);

/**
 * Exports running at once in this process. An export is long work (every row through the gateway),
 * so past this a caller is told to come back (RATE_LIMITED) instead of the hub queueing unbounded work.
 */
export const MAX_RUNNING_EXPORTS = 4;

/**
 * Exports (`GET /exports/<view>.csv`, `ecocredit export <view>`): a view's rows read page by page
 * through the gateway's own GraphQL operations as the caller (same permissions, row scope, purpose),
 * written as CSV with csv-stringify and, for GB18030, transcoded with iconv-lite.
 *
 * Constant memory: the rows are an async generator of pages behind `Readable.from`, so `pipeline`
 * reads the next page only when the destination has taken the previous one (backpressure); one page
 * (EXPORT_PAGE rows) and the streams' buffers are all that is held, whatever the size of the export.
 *
 * Audited: one record per export, naming the view, its parameters' digest and the row count, written
 * when the last row has been produced and before the stream ends. If it cannot be written the stream
 * is destroyed, so the caller never receives a complete file whose reading is not on record (as a
 * read whose record fails is answered INTERNAL instead of with data).
 */
export class ExportService {
  constructor(
    private readonly api: HubApi,
    private readonly audit: AuditRecorder,
  ) {}

  private running = 0;

  /** Each page is its own GraphQL request (its own snapshot); the audit trail gets one record for the export, not one per page. */
  private readonly run: QueryRunner = async (principal, query, variables) => {
    const { data, errors } = await this.api.execute<Record<string, unknown>>(principal, query, variables);
    if (errors.length) {
      const { code, message } = errors[0];
      throw new HubError(KNOWN_CODES.has(code) ? (code as ErrorCode) : 'INTERNAL', code === 'INTERNAL' ? 'internal error' : message);
    }
    return data ?? {};
  };

  /**
   * Checks the view, the caller's role and the parameters, and reads the first page: every refusal
   * (unknown view, FORBIDDEN, BAD_USER_INPUT) is thrown here, before anything is written.
   */
  async prepare(ctx: HubContext, viewName: string, parameters: ExportParameters, encoding: ExportEncoding, source: string): Promise<PreparedExport> {
    const view = EXPORT_VIEWS[viewName];
    if (!view) throw new HubError('NOT_FOUND', `no export "${viewName}"; exports: ${Object.keys(EXPORT_VIEWS).join(', ')}`);
    if (!view.roles.includes(ctx.principal.role)) throw forbidden(`role ${ctx.principal.role} may not export ${view.name}`);
    view.check(parameters);
    if (this.running >= MAX_RUNNING_EXPORTS) {
      throw new HubError('RATE_LIMITED', `${MAX_RUNNING_EXPORTS} exports are running; retry in a minute`, { retryAfter: 60 });
    }
    this.running++;
    let released = false;
    const release = () => {
      if (!released) this.running--;
      released = true;
    };
    let pages: AsyncGenerator<string[][]>;
    let first: IteratorResult<string[][]>;
    try {
      pages = view.rows(this.run, ctx.principal, parameters);
      first = await pages.next();
    } catch (error) {
      release();
      throw error;
    }
    let rows = 0;
    async function* counted(): AsyncGenerator<string[]> {
      for (let page = first; !page.done; page = await pages.next()) {
        for (const row of page.value) {
          rows++;
          yield row;
        }
      }
    }
    let recorded = false;
    const record = async (outcome: 'OK' | 'PARTIAL') => {
      recorded = true;
      const digest = createHash('sha256').update(JSON.stringify(parameters)).digest('hex');
      const name = `export ${view.name}: ${rows} rows (${encoding}, ${source})`;
      this.audit.noteOperation(ctx, { name, hash: digest, type: 'query', topLevelFields: view.coordinates.filter((c) => c.startsWith('Query.')).map((c) => c.slice('Query.'.length)), coordinates: view.coordinates });
      this.audit.noteOutcome(ctx, outcome);
      // A portfolio names the codes it was asked about; list views name none (their reads are the view).
      for (const code of parameters.codes ?? []) ctx.touchedUsccs.add(code);
      await this.audit.finish(ctx);
    };
    return {
      view,
      writeTo: async (destination) => {
        const csv = stringify({ header: true, columns: view.columns, bom: encoding === 'utf8', cast: SAFE_CSV_CAST });
        // SAFE_CSV_CAST: a cell a spreadsheet would run as a formula (a name beginning with `=`) is written as text.
        // The record is stored when the rows are done, before the last bytes are released downstream.
        const audited = new Transform({
          transform: (chunk: Buffer, _encoding, done) => done(null, chunk),
          flush: (done) => void record('OK').then(() => done(), (error: unknown) => done(error as Error)),
        });
        // csv-stringify emits UTF-8 bytes; iconv-lite re-encodes them as a stream (characters split across chunks are joined).
        const stages = encoding === 'gb18030' ? [csv, iconv.decodeStream('utf8'), iconv.encodeStream('gb18030'), audited] : [csv, audited];
        try {
          await pipeline(Readable.from(counted()), ...(stages as [Transform, ...Transform[]]), destination);
        } catch (error) {
          // Stopped part-way (the reader went away, a page failed): what was read is still on record.
          if (!recorded) await record('PARTIAL').catch(() => undefined);
          throw error;
        } finally {
          release();
        }
        return { view: view.name, rows };
      },
    };
  }
}
