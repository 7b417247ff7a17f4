import type { DataSource, EntityManager } from 'typeorm';
import { HUB_SYSTEM_PRINCIPAL, type Principal } from '../../../shared/auth/principal';
import { addDays, type IsoDate } from '../../../shared/dates';
import type { RelayedChange } from './derived-changes';
import { JobProgress } from './job-progress';
import type { WebhookRelayService } from './relay.service';
import { chunked, READ_CHUNK, type HubRead } from './subscriber-read';

/** The name of the job in `gateway.webhook_job_progress`, and of its graphile-worker task. */
export const MEASURES_DUE_JOB = 'measures_due';

/** The messages' source department: the credit office's measures, changed by the calendar. */
const SOURCE = 'credit:calendar';

/** The job reading for itself (never a partner; not audited as a partner read). */
const JOB_PRINCIPAL: Principal = { ...HUB_SYSTEM_PRINCIPAL, clientId: 'hub:measures-due', clientName: 'hub measures-due job' };

/** One catalogue measure whose subjects may change on its day (the credit office's MeasureCalendarService). */
export interface MeasureOnChangeDay {
  day: IsoDate;
  code: string;
  inForceBefore: boolean;
  inForceOn: boolean;
}

/** The measures concerned on each day of [from, to] on which measures can change by the calendar alone. */
export type MeasureChangeDays = (from: IsoDate, to: IsoDate) => Promise<MeasureOnChangeDay[]>;

export interface TimedMeasureRun {
  from: IsoDate;
  to: IsoDate;
  /** Days in [from, to] on which some measure could change. */
  changeDays: number;
  /** Subjects whose measures were compared. */
  subjects: number;
  /** MEASURE_STARTED and MEASURE_ENDED changes written (not those a run before wrote already). */
  changes: number;
  /** Messages queued for them. */
  messages: number;
}

const SUBJECTS_PAGE = `query MeasuresDueSubjects($code: String!, $asOf: Date!, $after: String) {
  measureSubjectsConnection(code: $code, asOf: $asOf, first: 1000, after: $after) {
    edges { node { uscc } }
    pageInfo { hasNextPage endCursor }
  }
}`;

const MEASURES_AROUND = `query MeasuresDueAround($usccs: [USCC!]!, $before: Date!, $on: Date!) {
  enterprises(usccs: $usccs) {
    uscc
    before: jointMeasures(asOf: $before) { measure { code } }
    on: jointMeasures(asOf: $on) { measure { code } }
  }
}`;

interface SubjectsPage {
  measureSubjectsConnection: { edges: { node: { uscc: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

interface Around {
  uscc: string;
  before: { measure: { code: string } }[] | null;
  on: { measure: { code: string } }[] | null;
}

/** What the day changes for one subject, among the measures of that day. */
interface SubjectChange {
  uscc: string;
  before: string[];
  started: string[];
  ended: string[];
}

const codesOf = (applied: Around['before']) => [...new Set((applied ?? []).map((m) => m.measure.code))].sort();

/**
 * The daily job of joint measures that start or end by the passage of time alone (issue 12): a
 * measure whose catalogue period ends or begins, a new version triggering on other colours or lists,
 * a price measure at a half-year's start. Nothing is recorded that day, so no department writes a
 * change; the job finds them and writes them as the relay writes derived changes:
 * - the days come from the catalogue (MeasureChangeDays: one query over the measures' start and end
 *   dates, not a pass over every subject), with the measures concerned on each;
 * - the subjects concerned are those the measure applies to the day before or on the day
 *   (`measureSubjectsConnection`), and what changed for each is read from `jointMeasures` on both
 *   days, through the gateway like any answer (so exactly what a partner's query would show);
 * - each change is written to `gateway.webhook_timed_change` (unique per subject, measure, change
 *   and day: the job's outbox; a second run of the day writes nothing) and to the derived state
 *   the relay compares with (`webhook_measure_state`), so neither this job again nor a later colour
 *   or listing change repeats it; a change the state shows as told already (a cause relayed first)
 *   is not written; the messages are queued in the same transaction (WebhookRelayService.relayTimed).
 * A run names a day; the cron's run goes on from the day after the last it went through
 * (`webhook_job_progress`), so days missed while no instance ran are caught up. Several instances
 * may run it at once: the unique rows and the relay's lock keep every change single.
 */
export class TimedMeasureChanges {
  private readonly progress: JobProgress;

  constructor(
    private readonly read: HubRead,
    private readonly changeDays: MeasureChangeDays,
    private readonly relay: WebhookRelayService,
    gateway: DataSource,
  ) {
    this.progress = new JobProgress(gateway, MEASURES_DUE_JOB);
  }

  /**
   * The changes of `day`, and with `catchUp` of every day since the last run went through (the first
   * run ever starts at `day`: the past was not told by this job and is not told now).
   */
  async run(day: IsoDate, options: { catchUp: boolean }): Promise<TimedMeasureRun> {
    const last = options.catchUp ? await this.progress.doneThrough() : null;
    const from = last && last < day ? addDays(last, 1) : day;
    const run: TimedMeasureRun = { from, to: day, changeDays: 0, subjects: 0, changes: 0, messages: 0 };
    if (last && last >= day) return run;
    const measures = await this.changeDays(from, day);
    const byDay = new Map<IsoDate, MeasureOnChangeDay[]>();
    for (const measure of measures) byDay.set(measure.day, [...(byDay.get(measure.day) ?? []), measure]);
    for (const [changeDay, ofDay] of [...byDay].sort(([a], [b]) => a.localeCompare(b))) {
      const subjects = await this.changesOn(changeDay, ofDay);
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

  /** Who is concerned on `day` and what changes for each, among the day's measures. */
  private async changesOn(day: IsoDate, measures: MeasureOnChangeDay[]): Promise<{ compared: number; changes: SubjectChange[] }> {
    const before = addDays(day, -1);
    const concerned = new Set<string>();
    for (const measure of measures) {
      if (measure.inForceBefore) for (const uscc of await this.subjectsOf(measure.code, before)) concerned.add(uscc);
      if (measure.inForceOn) for (const uscc of await this.subjectsOf(measure.code, day)) concerned.add(uscc);
    }
    const codes = new Set(measures.map((m) => m.code));
    const changes: SubjectChange[] = [];
    for (const chunk of chunked([...concerned].sort(), READ_CHUNK)) {
      const data = await this.read(JOB_PRINCIPAL, MEASURES_AROUND, { usccs: chunk, before, on: day });
      for (const answer of (data.enterprises ?? []) as (Around | null)[]) {
        if (!answer) continue;
        const was = codesOf(answer.before);
        const is = codesOf(answer.on);
        const started = is.filter((code) => codes.has(code) && !was.includes(code));
        const ended = was.filter((code) => codes.has(code) && !is.includes(code));
        if (started.length > 0 || ended.length > 0) changes.push({ uscc: answer.uscc, before: was, started, ended });
      }
    }
    return { compared: concerned.size, changes };
  }

  /** Every subject `code` applies to on `asOf`, a page at a time. */
  private async subjectsOf(code: string, asOf: IsoDate): Promise<string[]> {
    const usccs: string[] = [];
    let after: string | null = null;
    for (;;) {
      const data = (await this.read(JOB_PRINCIPAL, SUBJECTS_PAGE, { code, asOf, after })) as unknown as SubjectsPage;
      const page = data.measureSubjectsConnection;
      for (const edge of page.edges) usccs.push(edge.node.uscc);
      if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return usccs;
      after = page.pageInfo.endCursor;
    }
  }

  /**
   * Writes the day's changes not told yet, in the relay's transaction: against the derived state
   * (or, for a subject the relay never compared, the day before's answer), then the unique rows.
   */
  private async write(manager: EntityManager, day: IsoDate, subjects: SubjectChange[]): Promise<RelayedChange[]> {
    const usccs = subjects.map((s) => s.uscc);
    const stored = new Map(
      (await manager.query<{ uscc: string; codes: string[] }[]>(`SELECT uscc, codes FROM gateway.webhook_measure_state WHERE uscc = ANY($1::varchar[])`, [usccs])).map((r) => [r.uscc, r.codes]),
    );
    const rows: { uscc: string; code: string; change: 'STARTED' | 'ENDED' }[] = [];
    const states: [string, string[]][] = [];
    for (const subject of subjects) {
      const current = new Set(stored.get(subject.uscc) ?? subject.before);
      const ended = subject.ended.filter((code) => current.has(code));
      const started = subject.started.filter((code) => !current.has(code));
      if (ended.length === 0 && started.length === 0) continue;
      for (const code of ended) rows.push({ uscc: subject.uscc, code, change: 'ENDED' });
      for (const code of started) rows.push({ uscc: subject.uscc, code, change: 'STARTED' });
      for (const code of ended) current.delete(code);
      for (const code of started) current.add(code);
      states.push([subject.uscc, [...current].sort()]);
    }
    if (rows.length === 0) return [];
    const written = await manager.query<{ id: string; uscc: string; measure_code: string; change: 'STARTED' | 'ENDED' }[]>(
      `INSERT INTO gateway.webhook_timed_change (uscc, measure_code, change, effective_on)
       SELECT u, c, k, $4::date FROM unnest($1::varchar[], $2::varchar[], $3::varchar[]) AS v(u, c, k)
       ON CONFLICT (uscc, measure_code, change, effective_on) DO NOTHING
       RETURNING id::text, uscc, measure_code, change`,
      [rows.map((r) => r.uscc), rows.map((r) => r.code), rows.map((r) => r.change), day],
    );
    // One row per subject; the codes travel as one JSON array each (text[][] cannot be ragged), as in DerivedChanges.
    await manager.query(
      `INSERT INTO gateway.webhook_measure_state (uscc, codes)
       SELECT v.uscc, ARRAY(SELECT jsonb_array_elements_text(v.codes)) FROM unnest($1::varchar[], $2::jsonb[]) AS v(uscc, codes)
       ON CONFLICT (uscc) DO UPDATE SET codes = EXCLUDED.codes, updated_at = now()`,
      [states.map(([uscc]) => uscc), states.map(([, codes]) => JSON.stringify(codes))],
    );
    return written.map((row) => ({
      department: SOURCE,
      row: { id: row.id, type: row.change === 'STARTED' ? 'MEASURE_STARTED' : 'MEASURE_ENDED', uscc: row.uscc, effectiveOn: day, data: { measureCode: row.measure_code } },
    }));
  }
}
