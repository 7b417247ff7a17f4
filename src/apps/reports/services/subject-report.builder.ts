import type { Principal } from '../../../shared/auth/principal';
import { addMonths, today, type IsoDate } from '../../../shared/dates';
import { notFound } from '../../../shared/errors';
import { halfYearEnds } from '../../../shared/half-year';
import type { ApiError, HubApi } from '../../../gateway/hub-api';

/** What a credit report states, as the requester's role may read it; stored as canonical JSON and signed. */
export interface SubjectReportContent {
  version: 1;
  asOf: IsoDate;
  subject: {
    uscc: string;
    name: string;
    districtCode: string;
    registrationStatus: string | null;
    industryCode: string | null;
    enterpriseType: string | null;
    legalRepresentative: string | null;
    registeredOn: string | null;
    address: string | null;
  };
  /** The rating on `asOf`; null when not rated. */
  rating: { color: string; score: number | null; ratedOn: IsoDate } | null;
  /**
   * The colour on each half-year end of the three years up to `asOf`, and on `asOf` (DOMAIN.md §11
   * reports' history rows): `color`/`score` the dynamic rating on that day; `snapshotColor` the half-year
   * snapshot stored for that day (the one prices used), at the version stored by `asOf`; null when
   * none was stored (or the role may not read snapshots).
   */
  ratingHistory: { date: IsoDate; color: string | null; score: number | null; snapshotColor: string | null }[];
  /** Colour changes in those three years; null when the role may not read the bureau's history. */
  colorChanges: { on: IsoDate; colorBefore: string | null; colorAfter: string; scoreAfter: number; cause: string; decisionNo: string | null }[] | null;
  /** Penalties inside their publicity window on `asOf` (repaired and voided ones withdrawn). */
  penalties: { decisionNo: string | null; type: string; typeName: string; decidedOn: IsoDate; points: number | null; publicUntil: IsoDate }[] | null;
  /** Credit commitments (信用承诺) running on `asOf` or signed in the three years, in their state on `asOf` (DOMAIN.md §11). */
  commitments: { signedOn: IsoDate; runsThrough: IsoDate; decisionNo: string | null; state: 'RUNNING' | 'KEPT' | 'BROKEN'; brokenOn: IsoDate | null; brokenBy: string | null }[] | null;
  /** Joint rewards and punishments in force on `asOf`, with their legal bases. */
  measures: { code: string; name: string; nature: string; implementingAgency: string; legalBasis: string; reason: string; since: IsoDate | null }[] | null;
  /** Market-supervision and credit-office list entries, current on `asOf` or ended in the three years. */
  listings: { department: string; listType: string; authority: string; documentNo: string | null; listedOn: IsoDate; removedOn: IsoDate | null; reason: string }[] | null;
  /** Credit repair applications (信用修复) up to `asOf`. */
  repairs: { decisionNo: string | null; type: string; appliedOn: IsoDate; status: string; decidedOn: IsoDate | null }[] | null;
  /** Fields of the API the requester's role may not read (FORBIDDEN), so the report leaves them out. */
  withheld: string[];
}

interface Rating {
  color: string;
  score: number | null;
  ratedOn: string;
}
interface EventRow {
  id: string;
  type: string;
  occurredOn: string;
  points: number;
  validUntil: string;
  decisionNo: string | null;
  voided: boolean;
  voidedOn: string | null;
  publicUntil: string | null;
}
interface ListingRow {
  listType: string;
  authority: string;
  documentNo: string | null;
  listedOn: string;
  removedOn: string | null;
  reason: string;
}
interface Answer {
  enterprise:
    | (Record<string, Rating | null | undefined> & {
        uscc: string;
        name: string;
        districtCode: string;
        registrationStatus?: string | null;
        industryCode?: string | null;
        enterpriseType?: string | null;
        legalRepresentative?: string | null;
        registeredOn?: string | null;
        address?: string | null;
        envCreditEvents?: EventRow[] | null;
        envCreditSnapshots?: { periodEnd: string; color: string; stored: boolean }[] | null;
        envCommitments?: { signedOn: string; runsThrough: string; state: 'RUNNING' | 'KEPT' | 'BROKEN'; brokenOn: string | null; event: { decisionNo: string | null }; brokenBy: { type: string; decisionNo: string | null } | null }[] | null;
        envCreditHistory?: { on: string; colorBefore: string | null; colorAfter: string; scoreAfter: number; cause: string; superseded: boolean; event: { decisionNo: string | null } | null }[] | null;
        publicPenalties?: { decisionNo: string | null; type: string; typeName: string; decidedOn: string; publicUntil: string }[] | null;
        envPenaltyDisclosures?: { event: { id: string; type: string; decisionNo: string | null }; repair: { appliedOn: string; status: string; decidedOn: string | null } | null }[] | null;
        jointMeasures?: { measure: { code: string; name: string; nature: string; implementingAgency: string; legalBasis: string }; reason: string; since: string | null }[] | null;
        marketListings?: ListingRow[] | null;
        creditListings?: ListingRow[] | null;
      })
    | null;
  eventTypeCatalog?: { code: string; nameZh: string }[] | null;
}

/** The query a report is built from: only fields of the client-facing API, asked as the requester. */
export function subjectReportQuery(points: number): string {
  const history = Array.from({ length: points }, (_, i) => `h${i}: envCredit(asOf: $d${i}) { color score ratedOn }`).join('\n    ');
  const dates = Array.from({ length: points }, (_, i) => `, $d${i}: Date!`).join('');
  return `query CreditReportContent($uscc: USCC!, $asOf: Date!, $knownOn: Date!${dates}) {
  eventTypeCatalog(asOf: $asOf) { code nameZh }
  enterprise(uscc: $uscc) {
    uscc name districtCode registrationStatus industryCode enterpriseType legalRepresentative registeredOn address
    rating: envCredit(asOf: $asOf) { color score ratedOn }
    ${history}
    envCreditEvents { id type occurredOn points validUntil decisionNo voided voidedOn publicUntil }
    envCreditSnapshots(knownOn: $knownOn) { periodEnd color stored }
    envCommitments(asOf: $asOf, knownOn: $knownOn) { signedOn runsThrough state brokenOn event { decisionNo } brokenBy { type decisionNo } }
    envCreditHistory { on colorBefore colorAfter scoreAfter cause superseded event { decisionNo } }
    publicPenalties(asOf: $asOf) { decisionNo type typeName decidedOn publicUntil }
    envPenaltyDisclosures { event { id type decisionNo } repair { appliedOn status decidedOn } }
    jointMeasures(asOf: $asOf) { measure { code name nature implementingAgency legalBasis } reason since }
    marketListings { listType authority documentNo listedOn removedOn reason }
    creditListings { listType authority documentNo listedOn removedOn reason }
  }
}`;
}

function withheldFields(errors: ApiError[]): string[] {
  const fields = new Set<string>();
  for (const error of errors) {
    if (error.code !== 'FORBIDDEN' || !error.path) continue;
    const names = error.path.filter((segment): segment is string => typeof segment === 'string');
    // enterprise.envCredit.score → envCredit.score; history aliases (h0…) and `rating` are envCredit.
    fields.add(names.slice(1).map((name) => (/^h\d+$|^rating$/.test(name) ? 'envCredit' : name)).join('.'));
  }
  return [...fields].sort();
}

/**
 * Builds a subject's credit report content for `principal` as of `asOf` from the hub's API. A field
 * the role may not read comes back FORBIDDEN and its section is null (shown as withheld); any other
 * error fails the report, which must never silently miss what the role could read.
 */
export async function buildSubjectReport(api: HubApi, principal: Principal, uscc: string, asOf: IsoDate): Promise<SubjectReportContent> {
  const from = addMonths(asOf, -36);
  // The half-year ends after `from` and before `asOf` (whose rating the report states already).
  const ends = halfYearEnds(from, asOf).filter((end) => end !== from && end !== asOf);
  // What the hub held on asOf (never a day ahead of today's knowledge: a report issued on a clock set ahead).
  const variables: Record<string, unknown> = { uscc, asOf, knownOn: asOf < today() ? asOf : today() };
  ends.forEach((end, i) => (variables[`d${i}`] = end));
  const answer = await api.execute<Answer>(principal, subjectReportQuery(ends.length), variables);
  const failures = answer.errors.filter((error) => error.code !== 'FORBIDDEN');
  if (failures.length > 0) throw new Error(`the hub API could not answer the report: ${failures.map((e) => `${e.code} ${e.message}`).join('; ')}`);
  const e = answer.data?.enterprise;
  if (!e) throw notFound(`no subject ${uscc} that the caller may see`);
  const typeNames = new Map((answer.data?.eventTypeCatalog ?? []).map((t) => [t.code, t.nameZh]));
  const inWindow = (on: string) => on > from && on <= asOf;

  const rating = e.rating ? { color: e.rating.color, score: e.rating.score ?? null, ratedOn: e.rating.ratedOn } : null;
  // The snapshots as the hub held them on asOf: a correction stored later had not been made then.
  const storedSnapshot = new Map((e.envCreditSnapshots ?? []).filter((snapshot) => snapshot.stored).map((snapshot) => [snapshot.periodEnd, snapshot.color]));
  const ratingHistory = [
    ...ends.map((date, i) => {
      const point = e[`h${i}`];
      return { date, color: point?.color ?? null, score: point?.score ?? null, snapshotColor: storedSnapshot.get(date) ?? null };
    }),
    { date: asOf, color: rating?.color ?? null, score: rating?.score ?? null, snapshotColor: storedSnapshot.get(asOf) ?? null },
  ];

  const events = e.envCreditEvents ?? null;
  const liveOn = (event: EventRow, day: string) => event.occurredOn <= day && !(event.voided && (event.voidedOn ?? event.occurredOn) <= day);
  const repairedBy = new Map<string, { appliedOn: string; status: string; decidedOn: string | null }>();
  for (const disclosure of e.envPenaltyDisclosures ?? []) if (disclosure.repair) repairedBy.set(disclosure.event.id, disclosure.repair);
  const repairedOn = (id: string) => {
    const repair = repairedBy.get(id);
    return repair?.status === 'APPROVED' && repair.decidedOn && repair.decidedOn <= asOf;
  };

  let penalties: SubjectReportContent['penalties'] = null;
  if (events) {
    penalties = events
      .filter((event) => event.publicUntil && liveOn(event, asOf) && asOf < event.publicUntil && !repairedOn(event.id))
      .map((event) => ({ decisionNo: event.decisionNo, type: event.type, typeName: typeNames.get(event.type) ?? event.type, decidedOn: event.occurredOn, points: event.points, publicUntil: event.publicUntil! }));
  } else if (e.publicPenalties) {
    // Roles that may not read the bureau's events see what was published on asOf (publicPenalties(asOf)):
    // a penalty repaired, and so withdrawn, after asOf was still published that day.
    penalties = e.publicPenalties.map((penalty) => ({ decisionNo: penalty.decisionNo, type: penalty.type, typeName: penalty.typeName, decidedOn: penalty.decidedOn, points: null, publicUntil: penalty.publicUntil }));
  }

  // Their state as the hub knew it on asOf (envCommitments(asOf:, knownOn:)): RUNNING until the year ends.
  const commitments = e.envCommitments
    ? e.envCommitments
        .filter((commitment) => inWindow(commitment.signedOn) || commitment.runsThrough >= asOf)
        .map((commitment) => ({
          signedOn: commitment.signedOn,
          runsThrough: commitment.runsThrough,
          decisionNo: commitment.event.decisionNo,
          state: commitment.state,
          brokenOn: commitment.brokenOn,
          brokenBy: commitment.brokenBy ? (commitment.brokenBy.decisionNo ?? commitment.brokenBy.type) : null,
        }))
    : null;

  const colorChanges = e.envCreditHistory
    ? e.envCreditHistory
        .filter((change) => !change.superseded && inWindow(change.on))
        .map((change) => ({ on: change.on, colorBefore: change.colorBefore, colorAfter: change.colorAfter, scoreAfter: change.scoreAfter, cause: change.cause, decisionNo: change.event?.decisionNo ?? null }))
    : null;

  const measures = e.jointMeasures
    ? e.jointMeasures.map((applied) => ({ ...applied.measure, reason: applied.reason, since: applied.since }))
    : null;

  const relevant = (row: ListingRow) => row.listedOn <= asOf && (!row.removedOn || row.removedOn > from);
  const listings =
    e.marketListings || e.creditListings
      ? [
          ...(e.marketListings ?? []).filter(relevant).map((row) => ({ department: '市场监管', ...row })),
          ...(e.creditListings ?? []).filter(relevant).map((row) => ({ department: '信用办', ...row })),
        ].map(({ department, listType, authority, documentNo, listedOn, removedOn, reason }) => ({
          department,
          listType,
          authority,
          documentNo,
          listedOn,
          removedOn: removedOn && removedOn <= asOf ? removedOn : null,
          reason,
        }))
      : null;

  const repairs = e.envPenaltyDisclosures
    ? e.envPenaltyDisclosures
        .filter((disclosure) => disclosure.repair && disclosure.repair.appliedOn <= asOf)
        .map(({ event, repair }) => ({
          decisionNo: event.decisionNo,
          type: event.type,
          appliedOn: repair!.appliedOn,
          // A decision after asOf was still pending on asOf.
          status: repair!.decidedOn && repair!.decidedOn <= asOf ? repair!.status : 'PENDING',
          decidedOn: repair!.decidedOn && repair!.decidedOn <= asOf ? repair!.decidedOn : null,
        }))
    : null;

  return {
    version: 1,
    asOf,
    subject: {
      uscc: e.uscc,
      name: e.name,
      districtCode: e.districtCode,
      registrationStatus: e.registrationStatus ?? null,
      industryCode: e.industryCode ?? null,
      enterpriseType: e.enterpriseType ?? null,
      legalRepresentative: e.legalRepresentative ?? null,
      registeredOn: e.registeredOn ?? null,
      address: e.address ?? null,
    },
    rating,
    ratingHistory,
    colorChanges,
    penalties,
    commitments,
    measures,
    listings,
    repairs,
    withheld: withheldFields(answer.errors),
  };
}
