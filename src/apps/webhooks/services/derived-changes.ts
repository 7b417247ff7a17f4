import type { DataSource } from 'typeorm';
import { HUB_SYSTEM_PRINCIPAL, type Principal } from '../../../shared/auth/principal';
import type { ChangeOutboxEntity } from '../../../shared/changes/change-outbox.entity';
import { addDays, today } from '../../../shared/dates';
import { chunked, READ_CHUNK, type SubscriberRead } from './subscriber-read';

/** A change on its way to subscribers: an outbox row, or one derived from it. */
export interface RelayedChange {
  /** Where it came from: a department, or `<deriving department>:<source department>[:<detail>]` for derived changes. */
  department: string;
  row: Pick<ChangeOutboxEntity, 'id' | 'type' | 'uscc' | 'effectiveOn' | 'data'>;
}

/** The relay reading derived answers for itself (never a partner; not audited as a partner read). */
const RELAY_PRINCIPAL: Principal = { ...HUB_SYSTEM_PRINCIPAL, clientId: 'hub:webhook-relay', clientName: 'hub webhook relay' };

const DERIVED_QUERY = `query WebhookDerived($usccs: [USCC!]!, $before: Date!, $on: Date!) {
  enterprises(usccs: $usccs) {
    uscc
    restrictionBefore: creditRestriction(asOf: $before) { level }
    restrictionNow: creditRestriction(asOf: $on) { level }
    measuresBefore: jointMeasures(asOf: $before) { measure { code } }
    measuresNow: jointMeasures(asOf: $on) { measure { code } }
  }
}`;

interface DerivedAnswer {
  restrictionBefore: { level: string } | null;
  restrictionNow: { level: string } | null;
  measuresBefore: { measure: { code: string } }[] | null;
  measuresNow: { measure: { code: string } }[] | null;
}

/** The stored changes that the answers derived from them follow. */
const CAUSES = new Set(['COLOR_CHANGED', 'LISTING_CHANGED', 'SURCHARGE_DECIDED']);

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
 */
export class DerivedChanges {
  constructor(private readonly readAs: SubscriberRead) {}

  async of(manager: { query: DataSource['query'] }, changes: RelayedChange[]): Promise<RelayedChange[]> {
    const causes = new Map<string, RelayedChange>();
    for (const change of changes) if (CAUSES.has(change.row.type)) causes.set(change.row.uscc, change);
    if (causes.size === 0) return [];
    const usccs = [...causes.keys()];
    const levels = new Map(
      (await manager.query<{ uscc: string; level: string }[]>(`SELECT uscc, level FROM gateway.webhook_restriction_state WHERE uscc = ANY($1::varchar[])`, [usccs])).map((r) => [r.uscc, r.level]),
    );
    const measures = new Map(
      (await manager.query<{ uscc: string; codes: string[] }[]>(`SELECT uscc, codes FROM gateway.webhook_measure_state WHERE uscc = ANY($1::varchar[])`, [usccs])).map((r) => [r.uscc, r.codes]),
    );
    const derived: RelayedChange[] = [];
    const seenLevels: [string, string][] = [];
    const seenMeasures: [string, string[]][] = [];
    // One read per day-before date (usually one) for all the causes' subjects.
    const answers = new Map<string, DerivedAnswer | null>();
    const byDate = new Map<string, string[]>();
    for (const [uscc, cause] of causes) {
      const before = addDays(cause.row.effectiveOn, -1);
      byDate.set(before, [...(byDate.get(before) ?? []), uscc]);
    }
    for (const [before, codes] of byDate) {
      for (const chunk of chunked(codes, READ_CHUNK)) {
        const read = await this.readAs(RELAY_PRINCIPAL, DERIVED_QUERY, { usccs: chunk, before, on: addDays(before, 1) > today() ? addDays(before, 1) : today() });
        chunk.forEach((uscc, i) => answers.set(uscc, (read[i] ?? null) as DerivedAnswer | null));
      }
    }
    for (const [uscc, cause] of causes) {
      const { effectiveOn, id } = cause.row;
      const answer = answers.get(uscc);
      if (!answer) continue;
      const level = answer.restrictionNow?.level;
      if (level) {
        const previous = levels.get(uscc) ?? answer.restrictionBefore?.level ?? 'NONE';
        seenLevels.push([uscc, level]);
        if (level !== previous) {
          derived.push({ department: `finance:${cause.department}`, row: { id, type: 'RESTRICTION_CHANGED', uscc, effectiveOn, data: { level, previousLevel: previous } } });
        }
      }
      if (answer.measuresNow) {
        const now = [...new Set(answer.measuresNow.map((m) => m.measure.code))].sort();
        const before = new Set(measures.get(uscc) ?? (answer.measuresBefore ?? []).map((m) => m.measure.code));
        seenMeasures.push([uscc, now]);
        for (const code of now.filter((c) => !before.has(c))) {
          derived.push({ department: `credit:${cause.department}:started:${code}`, row: { id, type: 'MEASURE_STARTED', uscc, effectiveOn, data: { measureCode: code } } });
        }
        for (const code of [...before].filter((c) => !now.includes(c)).sort()) {
          derived.push({ department: `credit:${cause.department}:ended:${code}`, row: { id, type: 'MEASURE_ENDED', uscc, effectiveOn, data: { measureCode: code } } });
        }
      }
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
        `INSERT INTO gateway.webhook_measure_state (uscc, codes)
         SELECT v.uscc, ARRAY(SELECT jsonb_array_elements_text(v.codes)) FROM unnest($1::varchar[], $2::jsonb[]) AS v(uscc, codes)
         ON CONFLICT (uscc) DO UPDATE SET codes = EXCLUDED.codes, updated_at = now()`,
        [seenMeasures.map(([uscc]) => uscc), seenMeasures.map(([, codes]) => JSON.stringify(codes))],
      );
    }
    return derived;
  }
}
