import type { DataSource, EntityManager } from 'typeorm';
import { HUB_SYSTEM_PRINCIPAL, type Principal } from '../../../shared/auth/principal';
import { addDays, type IsoDate } from '../../../shared/dates';
import type { RelayedChange } from './derived-changes';
import { JobProgress } from './job-progress';
import type { WebhookRelayService } from './relay.service';
import { chunked, READ_CHUNK, type HubRead } from './subscriber-read';

/** The name of the job in `gateway.webhook_job_progress`, and of its graphile-worker task. */
export const RESTRICTIONS_DUE_JOB = 'restrictions_due';

/** The messages' source department: finance's restriction table, changed by the calendar. */
const SOURCE = 'finance:calendar';

/** The job reading for itself (never a partner; not audited as a partner read). */
const JOB_PRINCIPAL: Principal = { ...HUB_SYSTEM_PRINCIPAL, clientId: 'hub:restrictions-due', clientName: 'hub restrictions-due job' };

/** A trigger of the restriction table whose level changes on `day` (finance's RestrictionCalendarService). */
export interface RestrictionTriggerOnChangeDay {
  day: IsoDate;
  /** COLOR or LISTING. */
  triggerKind: string;
  /** A colour, or a list type (the credit office's or market supervision's). */
  triggerValue: string;
  levelBefore: string;
  levelOn: string;
}

/** The triggers concerned on each day of [from, to] on which the restriction table changes a level by itself. */
export type RestrictionChangeDays = (from: IsoDate, to: IsoDate) => Promise<RestrictionTriggerOnChangeDay[]>;

/**
 * The subjects with one of `colors` (environment) or an entry on one of `listTypes` (credit office,
 * market supervision) on some day of [from, to], as the hub learns them from the departments that
 * hold them (hub-internal, no row scope).
 */
export type SubjectsWithTriggers = (triggers: { colors: string[]; listTypes: string[] }, from: IsoDate, to: IsoDate) => Promise<Iterable<string>>;

export interface TimedRestrictionRun {
  from: IsoDate;
  to: IsoDate;
  /** Days in [from, to] on which some trigger's level changed. */
  changeDays: number;
  /** Subjects whose restriction was compared. */
  subjects: number;
  /** RESTRICTION_CHANGED changes written (not those a run before, or the relay, told already). */
  changes: number;
  /** Messages queued for them. */
  messages: number;
}

const RESTRICTIONS_AROUND = `query RestrictionsDueAround($usccs: [USCC!]!, $before: Date!, $on: Date!) {
  enterprises(usccs: $usccs) {
    uscc
    before: creditRestriction(asOf: $before) { level }
    on: creditRestriction(asOf: $on) { level }
  }
}`;

interface Around {
  uscc: string;
  before: { level: string } | null;
  on: { level: string } | null;
}

/** What the day changes for one subject. */
interface SubjectChange {
  uscc: string;
  before: string;
  on: string;
}

/**
 * The daily job of banks' credit-restriction levels changed by the passage of time alone (issue 12):
 * a version of the restriction table (finance.restriction_rule, set from a future day) takes effect or
 * ends on its day, and every subject whose colour or listing the table maps differently from then on
 * gets another `creditRestriction` answer with nothing recorded, so no department writes a change. The
 * job finds them as TimedMeasureChanges finds measures:
 * - the days come from the table (RestrictionChangeDays: the triggers whose level differs the day
 *   before and on the day; a version that only restates a level is no change), not from a pass over
 *   every subject;
 * - the subjects concerned are those with a changed trigger's colour or list entry the day before or
 *   on the day (SubjectsWithTriggers), and what changed for each is read from `creditRestriction` on
 *   both days through the gateway, like any answer (so exactly what a bank's query shows, all the rules
 *   of `decideRestriction` included: the most severe trigger decides, a colour already PROHIBITED
 *   outranks a list);
 * - a subject whose level differs between the two days is compared with what was told last
 *   (`webhook_restriction_state`, which the relay keeps for RESTRICTION_CHANGED derived from colour and
 *   listing changes): a change told already (the colour changed the same day, and the relay derived it
 *   first) is not written again; otherwise it is written to `gateway.webhook_timed_restriction`
 *   (unique per subject and day: the job's outbox; a second run of the day writes nothing) with the
 *   state, so the relay does not tell it again either, and its messages are queued in the same
 *   transaction (WebhookRelayService.relayTimed), to the subscribers whose role, scope and watch-list
 *   may see it.
 * A run names a day; the cron's run goes on from the day after the last it went through
 * (`webhook_job_progress`), so days missed while no instance ran are caught up. Several instances may
 * run it at once: the unique rows and the relay's lock keep every change single.
 */
export class TimedRestrictionChanges {
  private readonly progress: JobProgress;

  constructor(
    private readonly read: HubRead,
    private readonly changeDays: RestrictionChangeDays,
    private readonly subjectsWith: SubjectsWithTriggers,
    private readonly relay: WebhookRelayService,
    gateway: DataSource,
  ) {
    this.progress = new JobProgress(gateway, RESTRICTIONS_DUE_JOB);
  }

  /**
   * The changes of `day`, and with `catchUp` of every day since the last run went through (the first
   * run ever starts at `day`: the past was not told by this job and is not told now).
   */
  async run(day: IsoDate, options: { catchUp: boolean }): Promise<TimedRestrictionRun> {
    const last = options.catchUp ? await this.progress.doneThrough() : null;
    const from = last && last < day ? addDays(last, 1) : day;
    const run: TimedRestrictionRun = { from, to: day, changeDays: 0, subjects: 0, changes: 0, messages: 0 };
    if (last && last >= day) return run;
    const byDay = new Map<IsoDate, RestrictionTriggerOnChangeDay[]>();
    for (const trigger of await this.changeDays(from, day)) byDay.set(trigger.day, [...(byDay.get(trigger.day) ?? []), trigger]);
    for (const [changeDay, triggers] of [...byDay].sort(([a], [b]) => a.localeCompare(b))) {
      const subjects = await this.changesOn(changeDay, triggers);
      run.changeDays += 1;
      run.subjects += subjects.compared;
      if (subjects.changes.length === 0) continue;
      let written = 0;
      run.messages += await this.relay.relayTimed(async (manager) => {
        const changes = await this.write(manager, changeDay, subjects.changes);
        written = changes.length;
        return changes;
      });
      run.changes += written;
    }
    if (options.catchUp) await this.progress.markDone(day);
    return run;
  }

  /** Who is concerned on `day` and whose level differs from the day before. */
  private async changesOn(day: IsoDate, triggers: RestrictionTriggerOnChangeDay[]): Promise<{ compared: number; changes: SubjectChange[] }> {
    const before = addDays(day, -1);
    const colors = [...new Set(triggers.filter((t) => t.triggerKind === 'COLOR').map((t) => t.triggerValue))].sort();
    const listTypes = [...new Set(triggers.filter((t) => t.triggerKind === 'LISTING').map((t) => t.triggerValue))].sort();
    const concerned = [...new Set(await this.subjectsWith({ colors, listTypes }, before, day))].sort();
    const changes: SubjectChange[] = [];
    for (const chunk of chunked(concerned, READ_CHUNK)) {
      const data = await this.read(JOB_PRINCIPAL, RESTRICTIONS_AROUND, { usccs: chunk, before, on: day });
      for (const answer of (data.enterprises ?? []) as (Around | null)[]) {
        if (!answer) continue;
        // No answer (not rated, on no list): nothing to restrict, as the relay counts it.
        const was = answer.before?.level ?? 'NONE';
        const is = answer.on?.level ?? 'NONE';
        if (was !== is) changes.push({ uscc: answer.uscc, before: was, on: is });
      }
    }
    return { compared: concerned.length, changes };
  }

  /**
   * Writes the day's changes not told yet, in the relay's transaction: against the derived state (or,
   * for a subject the relay never compared, the day before's answer), then the unique rows; the state
   * follows only the rows written (a row a run before wrote is that run's to tell).
   */
  private async write(manager: EntityManager, day: IsoDate, subjects: SubjectChange[]): Promise<RelayedChange[]> {
    const stored = new Map(
      (
        await manager.query<{ uscc: string; level: string }[]>(`SELECT uscc, level FROM gateway.webhook_restriction_state WHERE uscc = ANY($1::varchar[])`, [
          subjects.map((s) => s.uscc),
        ])
      ).map((r) => [r.uscc, r.level]),
    );
    const rows = subjects.map((s) => ({ uscc: s.uscc, level: s.on, previous: stored.get(s.uscc) ?? s.before })).filter((r) => r.level !== r.previous);
    if (rows.length === 0) return [];
    const written = await manager.query<{ id: string; uscc: string; level: string; previous_level: string }[]>(
      `INSERT INTO gateway.webhook_timed_restriction (uscc, effective_on, level, previous_level)
       SELECT u, $4::date, l, p FROM unnest($1::varchar[], $2::varchar[], $3::varchar[]) AS v(u, l, p)
       ON CONFLICT (uscc, effective_on) DO NOTHING
       RETURNING id::text, uscc, level, previous_level`,
      [rows.map((r) => r.uscc), rows.map((r) => r.level), rows.map((r) => r.previous), day],
    );
    if (written.length === 0) return [];
    await manager.query(
      `INSERT INTO gateway.webhook_restriction_state (uscc, level) SELECT * FROM unnest($1::varchar[], $2::varchar[])
       ON CONFLICT (uscc) DO UPDATE SET level = EXCLUDED.level, updated_at = now()`,
      [written.map((r) => r.uscc), written.map((r) => r.level)],
    );
    return written.map((row) => ({
      department: SOURCE,
      row: { id: row.id, type: 'RESTRICTION_CHANGED', uscc: row.uscc, effectiveOn: day, data: { level: row.level, previousLevel: row.previous_level } },
    }));
  }
}
