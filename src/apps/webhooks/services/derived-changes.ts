import type { DataSource } from 'typeorm';
import { HUB_SYSTEM_PRINCIPAL, type Principal } from '../../../shared/auth/principal';
import type { ChangeOutboxEntity } from '../../../shared/changes/change-outbox.entity';
import { FACTS_CHANGED } from '../../../shared/changes/change-events';
import { addDays, today } from '../../../shared/dates';
import { chunked, READ_CHUNK, type SubscriberRead } from './subscriber-read';

/** A change on its way to subscribers: an outbox row, or one derived from it. */
export interface RelayedChange {
  /** Where it came from: a department, or `<deriving department>:<source department>[:<detail>]` for derived changes. */
  department: string;
  row: Pick<ChangeOutboxEntity, 'id' | 'type' | 'uscc' | 'effectiveOn' | 'data'> & {
    /** When the hub learnt of it (`recordedAt`): the outbox row's commit time; a derived change has its cause's; default the relay's time. */
    at?: Date | string | null;
  };
}

/** The relay reading derived answers for itself (never a partner; not audited as a partner read). */
const RELAY_PRINCIPAL: Principal = { ...HUB_SYSTEM_PRINCIPAL, clientId: 'hub:webhook-relay', clientName: 'hub webhook relay' };

const DERIVED_QUERY = `query WebhookDerived($usccs: [USCC!]!, $known: Date!, $on: Date!) {
  enterprises(usccs: $usccs) {
    uscc
    restrictionBefore: creditRestriction(knownOn: $known, asOf: $on) { level }
    restrictionNow: creditRestriction(asOf: $on) { level since }
    measuresBefore: jointMeasures(knownOn: $known, asOf: $on) { measure { code agencyKind priceKind } }
    measuresNow: jointMeasures(asOf: $on) { measure { code agencyKind } since }
    sewageFee(asOf: $on) { surchargePerCubicMetre period provisional }
    envCreditSnapshots { periodEnd color consecutiveRed }
  }
}`;

interface DerivedAnswer {
  restrictionBefore: { level: string } | null;
  restrictionNow: { level: string; since: string | null } | null;
  measuresBefore: { measure: { code: string; agencyKind: string; priceKind: string | null } }[] | null;
  measuresNow: { measure: { code: string; agencyKind: string }; since: string | null }[] | null;
  sewageFee: { surchargePerCubicMetre: string; period: string; provisional: boolean } | null;
  envCreditSnapshots: { periodEnd: string; color: string; consecutiveRed: number }[] | null;
}

/** `2027-01-01/2027-06-30` → `2027-H1`, the form SURCHARGE_DECIDED's `period` takes (followingHalfYear). */
const halfYearName = (period: string): string => `${period.slice(0, 4)}-${period.slice(5, 7) === '01' ? 'H1' : 'H2'}`;

/** The later of two days; `today()` when neither is known. */
const later = (a: string | null, b: string | null | undefined): string => (a && b ? (b > a ? b : a) : (a ?? b ?? today()));

/** The normal fee: what a subject the relay never told of a surcharge is taken to pay. */
const NO_SURCHARGE = '0.00';

/** The stored changes that the answers derived from them follow. */
const CAUSES = new Set(['COLOR_CHANGED', 'LISTING_CHANGED', 'SURCHARGE_DECIDED', FACTS_CHANGED]);

/**
 * Changes of what other departments derive, through federation, from the stored changes: the credit
 * restriction level (finance) and the joint measures that apply (credit office). Neither department
 * stores them (they are functions of the colour, the lists and the snapshots), so there is no write
 * to hang an outbox row on; instead, when the relay takes a change of a cause, it reads the derived
 * answers now and compares them with what it saw last (gateway.webhook_*_state, updated in the relay's
 * transaction with the messages), or, the first time, with the answers of the day before the cause.
 * A cause dated ahead (a daily job run early for its day, e.g. a scoring policy version's first day)
 * is answered on its own day, as the relay checks its messages: the level the new colour brings then.
 * Each derived change takes the outbox id of its cause, under a source naming the deriving department
 * and the detail, so relaying the cause again cannot repeat it.
 *
 * Comparing with what was told last (not with the day before) is what makes a late, voided or
 * corrected fact tell every change it brings: a penalty recorded after its decision day changes the
 * colour, then the level and the measures from that day, whatever the answers of the days between.
 * The day a derived change takes effect (`effectiveOn`) is the day its new answer holds from
 * (`since`), never before its causes' earliest day (a voided penalty's day: the corrected answer may
 * hold from long before, but it differs from what was told only from then); an ended measure, which
 * has no `since`, takes its causes' earliest day. Several causes of one subject in a pass are compared
 * once: the answer now against what was told last.
 *
 * The sewage-fee surcharge of the current half-year (credit office's price answer) is compared the
 * same way: a late or voided fact may change a provisional price, or an upheld objection a corrected
 * snapshot's. A SURCHARGE_DECIDED the bureau wrote itself (a snapshot stored) is told as written and
 * only updates the state. A derived one takes effect on its half-year's first day; its facts are the
 * deciding snapshot's colour and run of RED, as the bureau's are, and the fee read here
 * (`sewageFee`, also set on the bureau's change): what the state records is exactly what its
 * messages tell, whatever the subscribers' own reads, made later in the pass, see.
 */
export class DerivedChanges {
  constructor(private readonly readAs: SubscriberRead) {}

  async of(manager: { query: DataSource['query'] }, changes: RelayedChange[]): Promise<RelayedChange[]> {
    // Per subject: its last cause (the derived changes take its source) and the earliest day any cause takes effect.
    const causes = new Map<string, { cause: RelayedChange; from: string | null }>();
    for (const change of changes) {
      if (!CAUSES.has(change.row.type)) continue;
      const seen = causes.get(change.row.uscc)?.from ?? null;
      // FACTS_CHANGED says only that something changed: it bounds no day.
      const own = change.row.type === FACTS_CHANGED ? null : change.row.effectiveOn;
      const from = seen && (!own || seen < own) ? seen : own;
      causes.set(change.row.uscc, { cause: change, from });
    }
    if (causes.size === 0) return [];
    const usccs = [...causes.keys()];
    const levels = new Map(
      (await manager.query<{ uscc: string; level: string }[]>(`SELECT uscc, level FROM gateway.webhook_restriction_state WHERE uscc = ANY($1::varchar[])`, [usccs])).map((r) => [r.uscc, r.level]),
    );
    const measures = new Map(
      (
        await manager.query<{ uscc: string; codes: string[]; agency_kinds: Record<string, string> }[]>(
          `SELECT uscc, codes, agency_kinds FROM gateway.webhook_measure_state WHERE uscc = ANY($1::varchar[])`,
          [usccs],
        )
      ).map((r) => [r.uscc, r]),
    );
    const surcharges = new Map(
      (await manager.query<{ uscc: string; period: string; surcharge: string }[]>(`SELECT uscc, period, surcharge FROM gateway.webhook_surcharge_state WHERE uscc = ANY($1::varchar[])`, [usccs])).map(
        (r) => [r.uscc, r],
      ),
    );
    const decidedByBureau = new Set(changes.filter((c) => c.row.type === 'SURCHARGE_DECIDED').map((c) => c.row.uscc));
    const seenSurcharges: [string, string, string][] = [];
    const derived: RelayedChange[] = [];
    const seenLevels: [string, string][] = [];
    const seenMeasures: [string, string[], Record<string, string>][] = [];
    // One read per answer day (usually one: today) for all the causes' subjects.
    const answers = new Map<string, DerivedAnswer | null>();
    const byDate = new Map<string, string[]>();
    for (const [uscc, { from }] of causes) {
      const on = from && from > today() ? from : today();
      byDate.set(on, [...(byDate.get(on) ?? []), uscc]);
    }
    for (const [on, codes] of byDate) {
      for (const chunk of chunked(codes, READ_CHUNK)) {
        const read = await this.readAs(RELAY_PRINCIPAL, DERIVED_QUERY, { usccs: chunk, known: addDays(today(), -1), on });
        chunk.forEach((uscc, i) => answers.set(uscc, (read[i] ?? null) as DerivedAnswer | null));
      }
    }
    for (const [uscc, { cause, from }] of causes) {
      const { id, at } = cause.row;
      const answer = answers.get(uscc);
      if (!answer) continue;
      const level = answer.restrictionNow?.level;
      if (level) {
        const previous = levels.get(uscc) ?? answer.restrictionBefore?.level ?? 'NONE';
        seenLevels.push([uscc, level]);
        if (level !== previous) {
          const effectiveOn = later(from, answer.restrictionNow?.since);
          derived.push({ department: `finance:${cause.department}`, row: { id, at, type: 'RESTRICTION_CHANGED', uscc, effectiveOn, data: { level, previousLevel: previous } } });
        }
      }
      if (answer.measuresNow) {
        const stored = measures.get(uscc);
        const kinds: Record<string, string> = { ...(stored?.agency_kinds ?? {}) };
        for (const m of answer.measuresBefore ?? []) kinds[m.measure.code] ??= m.measure.agencyKind;
        const since = new Map<string, string | null>();
        for (const m of answer.measuresNow) {
          kinds[m.measure.code] = m.measure.agencyKind;
          since.set(m.measure.code, m.since);
        }
        const now = [...since.keys()].sort();
        // Never told of: what the hub answered yesterday; price measures have no known-on answer (they follow
        // today's knowledge of the half-year snapshot), so, as for the surcharge, none is taken to have applied.
        const before = new Set(stored?.codes ?? (answer.measuresBefore ?? []).filter((m) => !m.measure.priceKind).map((m) => m.measure.code));
        seenMeasures.push([uscc, now, Object.fromEntries(now.map((code) => [code, kinds[code]]))]);
        for (const code of now.filter((c) => !before.has(c))) {
          derived.push({
            department: `credit:${cause.department}:started:${code}`,
            row: { id, at, type: 'MEASURE_STARTED', uscc, effectiveOn: later(from, since.get(code)), data: { measureCode: code, ...(kinds[code] ? { agencyKind: kinds[code] } : {}) } },
          });
        }
        for (const code of [...before].filter((c) => !now.includes(c)).sort()) {
          derived.push({
            department: `credit:${cause.department}:ended:${code}`,
            row: { id, at, type: 'MEASURE_ENDED', uscc, effectiveOn: from ?? today(), data: { measureCode: code, ...(kinds[code] ? { agencyKind: kinds[code] } : {}) } },
          });
        }
      }
    }
    for (const [uscc, { cause }] of causes) {
      const fee = answers.get(uscc)?.sewageFee;
      if (!fee) continue;
      seenSurcharges.push([uscc, fee.period, fee.surchargePerCubicMetre]);
      const told = surcharges.get(uscc);
      const previous = told && told.period === fee.period ? told.surcharge : NO_SURCHARGE;
      // The fee told travels in the change (data.sewageFee): every message says the amount recorded as
      // told here, never a later read's (one that saw a write committed meanwhile would leave the state
      // and the receivers apart, and a change back to the recorded amount would then go untold).
      const sewageFee = { surchargePerCubicMetre: fee.surchargePerCubicMetre, period: fee.period, provisional: fee.provisional };
      if (decidedByBureau.has(uscc)) {
        for (const change of changes) {
          if (change.row.type === 'SURCHARGE_DECIDED' && change.row.uscc === uscc) change.row.data = { ...change.row.data, sewageFee };
        }
        continue;
      }
      if (previous === fee.surchargePerCubicMetre) continue;
      const periodStart = fee.period.slice(0, 10);
      const deciding = (answers.get(uscc)?.envCreditSnapshots ?? []).find((snapshot) => snapshot.periodEnd === addDays(periodStart, -1));
      derived.push({
        department: `credit:${cause.department}:surcharge`,
        row: {
          id: cause.row.id,
          at: cause.row.at,
          type: 'SURCHARGE_DECIDED',
          uscc,
          effectiveOn: periodStart,
          data: { period: halfYearName(fee.period), color: deciding?.color ?? null, consecutiveRed: deciding?.consecutiveRed ?? 0, sewageFee },
        },
      });
    }
    if (seenSurcharges.length > 0) {
      await manager.query(
        `INSERT INTO gateway.webhook_surcharge_state (uscc, period, surcharge) SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::varchar[])
         ON CONFLICT (uscc) DO UPDATE SET period = EXCLUDED.period, surcharge = EXCLUDED.surcharge, updated_at = now()`,
        [seenSurcharges.map(([uscc]) => uscc), seenSurcharges.map(([, period]) => period), seenSurcharges.map(([, , surcharge]) => surcharge)],
      );
    }
    if (seenLevels.length > 0) {
      await manager.query(
        `INSERT INTO gateway.webhook_restriction_state (uscc, level) SELECT * FROM unnest($1::varchar[], $2::varchar[])
         ON CONFLICT (uscc) DO UPDATE SET level = EXCLUDED.level, updated_at = now()`,
        [seenLevels.map(([uscc]) => uscc), seenLevels.map(([, level]) => level)],
      );
    }
    if (seenMeasures.length > 0) {
      // One row per subject; the codes travel as one JSON array each (text[][] cannot be ragged).
      await manager.query(
        `INSERT INTO gateway.webhook_measure_state (uscc, codes, agency_kinds)
         SELECT v.uscc, ARRAY(SELECT jsonb_array_elements_text(v.codes)), v.kinds FROM unnest($1::varchar[], $2::jsonb[], $3::jsonb[]) AS v(uscc, codes, kinds)
         ON CONFLICT (uscc) DO UPDATE SET codes = EXCLUDED.codes, agency_kinds = EXCLUDED.agency_kinds, updated_at = now()`,
        [seenMeasures.map(([uscc]) => uscc), seenMeasures.map(([, codes]) => JSON.stringify(codes)), seenMeasures.map(([, , kinds]) => JSON.stringify(kinds))],
      );
    }
    return derived;
  }
}
