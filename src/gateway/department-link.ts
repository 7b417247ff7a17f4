import type { DepartmentCalls } from './department-calls';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { OperationTypeNode } from 'graphql';
import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { AuditOutboxEntity } from '../shared/audit/audit-outbox.entity';
import { isRole, type Principal } from '../shared/auth/principal';
import type { SubjectFacts } from '../shared/auth/subject-scope';
import { createContext, type HubContext } from '../shared/context';
import { SUBGRAPH_TOKEN_HEADER, signSubgraphToken, verifySubgraphToken } from '../shared/auth/subgraph-token';
import type { ReplayGuard } from '../shared/auth/token-replay';
import { ChangeOutboxEntity } from '../shared/changes/change-outbox.entity';
import type { IsoDate } from '../shared/dates';
import type { Department } from '../shared/database';
import { badInput, HubError, type ErrorCode } from '../shared/errors';
import { log } from '../shared/logging';
import { ReadSnapshot } from '../shared/read-snapshot';
import { createCreditServices, localPriceList, type PriceListRow } from '../subgraphs/credit';
import { createEnvironmentServices, localNoticePages } from '../subgraphs/environment';
import { createFinanceServices } from '../subgraphs/finance';

/** What a department's service method resolves to (its types stay behind the department's index.ts). */
type Resolved<F> = F extends (...args: never[]) => Promise<infer R> ? R : never;
type DueRatingsRun = Resolved<ReturnType<typeof createEnvironmentServices>['dueRatings']['refreshDue']>;
type MeasureOnChangeDay = Resolved<ReturnType<typeof createCreditServices>['calendar']['changeDays']>[number];
type RestrictionTriggerChange = Resolved<ReturnType<typeof createFinanceServices>['calendar']['changeDays']>[number];

/**
 * The gateway's link to a department beside GraphQL: what the gateway's own work (the audit chain,
 * the webhook relay, the daily jobs) needs of a department's database. A department in the gateway's
 * process is called directly; a department in its own process (`ecocredit start <department>`, on its
 * own DATABASE_URL) is called at `POST <its origin>/internal/<procedure>`, the origin of its
 * HUB_SUBGRAPH_URLS entry, signed like a fetch (HS256 with HUB_SUBGRAPH_SECRET, bound to the
 * procedure and its arguments, used once) as INTERNAL_PRINCIPAL. So the gateway never needs a
 * department's database credentials, and HUB_SUBGRAPH_URLS stays the one place that says where the
 * departments are.
 *
 * The outboxes keep their guarantee across the link: rows are peeked, taken into the gateway's
 * database (audit chain, webhook messages) and only then removed; a row taken but not removed (the
 * gateway died in between) is recognised by its unique source (department, outbox id) on the next
 * pass and only removed.
 */
export interface ProcedureTypes {
  'audit-outbox.peek': { args: { limit: number }; result: AuditOutboxEntity[] };
  'audit-outbox.remove': { args: { ids: string[] }; result: null };
  'change-outbox.peek': { args: { limit: number }; result: ChangeOutboxEntity[] };
  'change-outbox.remove': { args: { ids: string[] }; result: null };
  'ratings.refresh-due': { args: { day: IsoDate }; result: DueRatingsRun };
  'measures.change-days': { args: { from: IsoDate; to: IsoDate }; result: MeasureOnChangeDay[] };
  'listings.designated-between': { args: { listTypes: string[]; from: IsoDate; to: IsoDate }; result: string[] };
  'restrictions.change-days': { args: { from: IsoDate; to: IsoDate }; result: RestrictionTriggerChange[] };
  /** `/notices/<number>`'s page, read as `reader` (the gateway has checked the caller or the signed link). */
  'notices.html': { args: ReaderArgs & { number: string }; result: { html: string | null; touchedUsccs: string[] } };
  /** `/exports/price-surcharges.csv`'s rows, in `reader`'s row scope (the gateway has checked the role). */
  'price-list.rows': { args: ReaderArgs & { period: string }; result: PriceListRow[] };
}

/**
 * A read the gateway makes on a caller's behalf (its routes beside GraphQL): who reads, as the gateway
 * established it (credential or signed link), and the request's id. The department applies that
 * reader's row scope as it does for a fetch; the gateway keeps the role checks and the audit record.
 */
export interface ReaderArgs {
  reader: Principal;
  requestId: string;
}
export type ProcedureName = keyof ProcedureTypes;
type Procedures = { [K in ProcedureName]?: (args: ProcedureTypes[K]['args']) => Promise<ProcedureTypes[K]['result']> };

export const INTERNAL_PATH_PREFIX = '/internal/';

/** Who calls a department's internal procedures: the hub itself, never a partner. */
export const INTERNAL_PRINCIPAL: Principal = {
  clientId: 'hub:internal',
  clientName: 'hub internal link',
  role: 'ENV_ADMIN',
  agency: null,
  districtCode: null,
  purpose: null,
};

/** Departments that own a change outbox (their ChangeOutbox migration). */
export const CHANGE_OUTBOX_OWNERS: readonly Department[] = ['environment', 'credit', 'market'];

/** An outbox the gateway takes rows from: peek the oldest, then remove what was taken. */
export interface OutboxPort<Row> {
  /** The DataSource of an outbox in this process (a mutation's context names those it filled); absent over HTTP. */
  readonly source?: DataSource;
  peek(limit: number): Promise<Row[]>;
  remove(ids: string[]): Promise<void>;
}

export function localOutbox<Row extends ObjectLiteral & { id: string }>(source: DataSource, entity: EntityTarget<Row>): OutboxPort<Row> {
  return {
    source,
    peek: (limit) => source.getRepository(entity).find({ order: { id: 'ASC' } as never, take: limit }),
    async remove(ids) {
      if (ids.length > 0) await source.getRepository(entity).delete(ids);
    },
  };
}

/**
 * The procedures a department answers over its own DataSource; `facts` (its process's, asking the
 * other departments through HUB_SUBGRAPH_URLS) serve the reads made for a caller.
 */
export function departmentProcedures(department: Department, source: DataSource, facts: SubjectFacts | null = null): Procedures {
  const audit = localOutbox(source, AuditOutboxEntity);
  const procedures: Procedures = {
    'audit-outbox.peek': ({ limit }) => audit.peek(boundedLimit(limit)),
    'audit-outbox.remove': async ({ ids }) => (await audit.remove(numericIds(ids)), null),
  };
  if (CHANGE_OUTBOX_OWNERS.includes(department)) {
    const changes = localOutbox(source, ChangeOutboxEntity);
    procedures['change-outbox.peek'] = ({ limit }) => changes.peek(boundedLimit(limit));
    procedures['change-outbox.remove'] = async ({ ids }) => (await changes.remove(numericIds(ids)), null);
  }
  if (department === 'environment') {
    const { dueRatings } = createEnvironmentServices(source);
    procedures['ratings.refresh-due'] = ({ day }) => dueRatings.refreshDue(day);
    const pages = localNoticePages(source);
    procedures['notices.html'] = (args) =>
      asReader(args, source, facts, async (ctx) => {
        if (typeof args.number !== 'string') throw badInput('number must be a notice number');
        const html = await pages(ctx, args.number);
        return { html, touchedUsccs: [...ctx.touchedUsccs] };
      });
  }
  if (department === 'credit') {
    const { calendar, listings } = createCreditServices(source);
    procedures['measures.change-days'] = ({ from, to }) => calendar.changeDays(from, to);
    procedures['listings.designated-between'] = ({ listTypes, from, to }) => listings.designatedBetween(listTypes, from, to);
    const priceList = localPriceList(source);
    procedures['price-list.rows'] = (args) =>
      asReader(args, source, facts, (ctx) => {
        if (typeof args.period !== 'string') throw badInput('period must be a half-year');
        return priceList(ctx, args.period);
      });
  }
  if (department === 'finance') {
    const { calendar } = createFinanceServices(source);
    procedures['restrictions.change-days'] = ({ from, to }) => calendar.changeDays(from, to);
  }
  return procedures;
}

/** Runs `work` as the reader the gateway named, on one snapshot of this department's database (as a query fetch). */
async function asReader<T>(args: ReaderArgs, source: DataSource, facts: SubjectFacts | null, work: (ctx: HubContext) => Promise<T>): Promise<T> {
  const { reader, requestId } = args ?? {};
  if (!reader || typeof reader !== 'object' || typeof reader.clientId !== 'string' || !isRole(String(reader.role))) throw badInput('reader must be a principal');
  const snapshot = new ReadSnapshot(source);
  const ctx = createContext(reader, typeof requestId === 'string' ? requestId : 'unknown', facts, snapshot);
  snapshot.begin(OperationTypeNode.QUERY);
  try {
    return await work(ctx);
  } finally {
    await snapshot.release();
  }
}

function boundedLimit(limit: unknown): number {
  return Number.isInteger(limit) && (limit as number) > 0 ? Math.min(limit as number, 1000) : 100;
}

function numericIds(ids: unknown): string[] {
  if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string' && /^\d{1,19}$/.test(id))) throw new HubError('BAD_USER_INPUT', 'ids must be outbox ids (digit strings)');
  return ids as string[];
}

/** A department as the gateway's own work sees it (DepartmentLink.call), local or over HTTP. */
export interface DepartmentLink {
  readonly department: Department;
  call<K extends ProcedureName>(name: K, args: ProcedureTypes[K]['args']): Promise<ProcedureTypes[K]['result']>;
  auditOutbox(): OutboxPort<AuditOutboxEntity>;
  /** Null for a department without a change outbox. */
  changeOutbox(): OutboxPort<ChangeOutboxEntity> | null;
}

/** A department in this process, over its DataSource. */
export function localDepartment(department: Department, source: DataSource): DepartmentLink {
  const procedures = departmentProcedures(department, source);
  return {
    department,
    call(name, args) {
      const procedure = procedures[name] as ((args: unknown) => Promise<never>) | undefined;
      if (!procedure) throw new Error(`the ${department} department has no procedure ${name}`);
      return procedure(args);
    },
    auditOutbox: () => localOutbox(source, AuditOutboxEntity),
    changeOutbox: () => (CHANGE_OUTBOX_OWNERS.includes(department) ? localOutbox(source, ChangeOutboxEntity) : null),
  };
}

/** Outbox rows over JSON: `at` back to a Date. */
function revived<Row extends { at: Date }>(rows: Row[]): Row[] {
  return rows.map((row) => ({ ...row, at: new Date(row.at) }));
}

/** A department in its own process, at the origin of its subgraph URL (`graphqlUrl`). */
export function remoteDepartment(department: Department, graphqlUrl: string, secret: Uint8Array, calls: DepartmentCalls): DepartmentLink {
  const origin = new URL(graphqlUrl).origin;
  const call = async <K extends ProcedureName>(name: K, args: ProcedureTypes[K]['args']): Promise<ProcedureTypes[K]['result']> => {
    const variables = args as unknown as Record<string, unknown>;
    const token = await signSubgraphToken(INTERNAL_PRINCIPAL, randomUUID(), secret, { department, operation: internalOperation(name, variables) });
    // The department's time limit and circuit breaker, shared with the gateway's fetches: a stalled
    // department holds the outbox takers and daily jobs no longer than it holds a query.
    const response = await calls.fetch(department, `${origin}${INTERNAL_PATH_PREFIX}${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [SUBGRAPH_TOKEN_HEADER]: token },
      body: JSON.stringify(args),
    });
    let body: InternalAnswer<ProcedureTypes[K]['result']> | null;
    try {
      body = JSON.parse(response.body) as InternalAnswer<ProcedureTypes[K]['result']> | null;
    } catch {
      body = null;
    }
    // The department's refusal of what it was asked (a bad period) or its own peer unavailable: the caller's answer, as in one process.
    if (response.status !== 200 && body?.error && body.code && PASSED_ON.has(body.code)) throw new HubError(body.code, body.error, body.extensions ?? {});
    if (response.status !== 200 || !body || !('result' in body)) throw new Error(`${department} refused ${name}: HTTP ${response.status} ${body?.error ?? ''}`.trim());
    return body.result as ProcedureTypes[K]['result'];
  };
  const outbox = <Row extends { at: Date }>(peek: 'audit-outbox.peek' | 'change-outbox.peek', remove: 'audit-outbox.remove' | 'change-outbox.remove'): OutboxPort<Row> => ({
    peek: async (limit) => revived((await call(peek, { limit })) as unknown as Row[]),
    async remove(ids) {
      if (ids.length > 0) await call(remove, { ids });
    },
  });
  return {
    department,
    call,
    auditOutbox: () => outbox<AuditOutboxEntity>('audit-outbox.peek', 'audit-outbox.remove'),
    changeOutbox: () => (CHANGE_OUTBOX_OWNERS.includes(department) ? outbox<ChangeOutboxEntity>('change-outbox.peek', 'change-outbox.remove') : null),
  };
}

/** The body of an internal answer: the result, or the refusal (with the HubError's code when it is one to pass on). */
interface InternalAnswer<Result> {
  result?: Result;
  error?: string;
  code?: ErrorCode;
  extensions?: Record<string, unknown>;
}

/**
 * Errors a procedure's caller receives as they were thrown in the department (HubErrors), with the
 * status they travel with. Never a 502/503/504: those say the department itself is unavailable (its
 * circuit counts them), whereas SERVICE_UNAVAILABLE here names a department it asked in turn.
 */
const PASSED_ON_STATUS: Partial<Record<ErrorCode, number>> = { BAD_USER_INPUT: 400, FORBIDDEN: 403, NOT_FOUND: 404, SERVICE_UNAVAILABLE: 424 };
const PASSED_ON: ReadonlySet<string> = new Set(Object.keys(PASSED_ON_STATUS));

/** What the link's token is bound to: the procedure and its arguments, as a fetch's token is to its operation. */
function internalOperation(name: string, args: Record<string, unknown> | undefined) {
  return { query: `internal:${name}`, operationName: null, variables: args ?? null };
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}

async function readJson(request: IncomingMessage, limit: number): Promise<Record<string, unknown> | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) return null;
    chunks.push(chunk);
  }
  try {
    const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * Answers `POST /internal/<procedure>` on a department's process: only the gateway's link
 * (INTERNAL_PRINCIPAL, a valid token for this department, procedure and body, used once) is
 * served; anything else is 401, an unknown procedure 404.
 */
export async function answerInternalCall(
  request: IncomingMessage,
  response: ServerResponse,
  options: { department: Department; procedures: Procedures; secret: Uint8Array; replay: ReplayGuard; maxBodyBytes: number },
): Promise<void> {
  const name = (request.url ?? '').split('?')[0].slice(INTERNAL_PATH_PREFIX.length);
  if (request.method !== 'POST') return send(response, 405, { error: `use POST ${INTERNAL_PATH_PREFIX}<procedure>` });
  const args = await readJson(request, options.maxBodyBytes);
  if (!args) return send(response, 400, { error: 'a JSON object body is required' });
  const token = request.headers[SUBGRAPH_TOKEN_HEADER];
  try {
    const { principal } = await verifySubgraphToken(Array.isArray(token) ? token[0] : token, options.secret, {
      department: options.department,
      operation: internalOperation(name, args),
      replay: options.replay,
    });
    if (principal.clientId !== INTERNAL_PRINCIPAL.clientId) throw new HubError('UNAUTHENTICATED', 'internal procedures answer the hub only');
  } catch (error) {
    return send(response, 401, { error: error instanceof HubError ? error.message : 'not signed by the gateway' });
  }
  const procedure = options.procedures[name as ProcedureName] as ((args: unknown) => Promise<unknown>) | undefined;
  if (!procedure) return send(response, 404, { error: `the ${options.department} department has no procedure "${name.slice(0, 60)}"` });
  try {
    send(response, 200, { result: await procedure(args) });
  } catch (error) {
    const status = error instanceof HubError ? PASSED_ON_STATUS[error.extensions.code as ErrorCode] : undefined;
    if (status) {
      const { code, ...extensions } = (error as HubError).extensions;
      return send(response, status, { error: (error as HubError).message, code, extensions });
    }
    log.error('internal procedure failed', { department: options.department, procedure: name, detail: String((error as Error)?.stack ?? error) });
    send(response, 500, { error: 'internal error' });
  }
}
