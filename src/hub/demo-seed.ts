import { commandContext, operatorPrincipal, type HubContext } from '../shared/context';
import { today as todayUtc, type IsoDate } from '../shared/dates';
import { demoDatasetChunks, type DemoEnterprise } from '../shared/demo-dataset';
import { log } from '../shared/logging';
import type { DepartmentSeedWriter } from '../shared/seed-writer';
import { openCreditSeed } from '../subgraphs/credit';
import { openEnvironmentSeed } from '../subgraphs/environment';
import { openMarketSeed } from '../subgraphs/market';
import type { HubDataSources } from './databases';

/** The largest dataset `seed` accepts (`--help` promises a province of up to a million subjects). */
export const MAX_SEED_ENTERPRISES = 1_000_000;
/** Subjects per chunk: large enough for COPY to pay off, small enough to keep memory flat. */
const CHUNK_SIZE = 1000;

export interface SeedOptions {
  /** Enterprises to register (default 560, the demo city). */
  enterprises?: number;
  /** See `DemoDatasetOptions.eventsPerSubject`; 0 (default) is the demo city of `npm start`. */
  eventsPerSubject?: number;
  /** The reference date the dataset's events are placed around (default today, UTC). */
  today?: IsoDate;
  /** Called after every chunk the departments have written. */
  onProgress?: (progress: SeedProgress) => void;
  /**
   * The departments whose part is written (default all): a department on its own database is seeded
   * there on its own; the dataset is deterministic, so the parts written apart make one province.
   */
  departments?: readonly ('environment' | 'credit' | 'market')[];
  /** Whose seed it is: each department's part commits with an audit record of it (default `ecocredit seed` by the login user). */
  by?: HubContext;
}

export interface SeedProgress {
  enterprises: number;
  total: number;
  events: number;
}

/** What a seed wrote. */
export interface SeedSummary {
  enterprises: number;
  ratedSubjects: number;
  events: number;
  marketListings: number;
  creditListings: number;
  feedback: number;
  /** Rows and bytes streamed with COPY across every department (the benchmark's floor is sized by them). */
  rowsSent: number;
  bytesSent: number;
}

/**
 * Seeds an empty hub: the dataset is generated in chunks and each chunk is handed to every
 * department's writer, which streams its own part into its own schema with COPY inside its own
 * transaction. The next chunk is generated while the departments write the last one, so at most two
 * chunks are in memory whatever the size. Returns null, writing nothing, when any department already
 * holds data, so that restarts keep what users changed.
 *
 * The departments commit one after the other at the end, market last: its registrations are what
 * marks a hub as seeded. A failure before that rolls every department back.
 */
export async function seedEnterprises(sources: HubDataSources, options: SeedOptions = {}): Promise<SeedSummary | null> {
  const total = options.enterprises ?? 560;
  const day = options.today ?? todayUtc();
  const by = options.by ?? commandContext(operatorPrincipal('seed'), 'Command.seed');
  const writers: DepartmentSeedWriter[] = [];
  try {
    // One at a time, so that a failure to open one still rolls back those already open.
    const writes = (department: 'environment' | 'credit' | 'market') => !options.departments || options.departments.includes(department);
    if (writes('environment')) writers.push(await openEnvironmentSeed(sources.environment, day, by));
    if (writes('credit')) writers.push(await openCreditSeed(sources.credit, by));
    if (writes('market')) writers.push(await openMarketSeed(sources.market, by));
    const occupied = await Promise.all(writers.map((writer) => writer.hasData()));
    if (occupied.some(Boolean)) {
      await Promise.all(writers.map((writer) => writer.rollback()));
      log.info('seed skipped: the database already has data', { departments: writers.filter((_, i) => occupied[i]).map((w) => w.department) });
      return null;
    }
    const summary: SeedSummary = { enterprises: 0, ratedSubjects: 0, events: 0, marketListings: 0, creditListings: 0, feedback: 0, rowsSent: 0, bytesSent: 0 };
    const written = (chunk: readonly DemoEnterprise[]) => {
      for (const e of chunk) {
        summary.enterprises++;
        if (e.ratedFrom) {
          summary.ratedSubjects++;
          summary.events += e.events.length;
        }
        if (e.marketListing) summary.marketListings++;
        if (e.creditListing) summary.creditListings++;
        summary.feedback += e.feedback.length;
      }
      options.onProgress?.({ enterprises: summary.enterprises, total, events: summary.events });
    };
    let writing: Promise<void> = Promise.resolve();
    for (const chunk of demoDatasetChunks(total, day, CHUNK_SIZE, { eventsPerSubject: options.eventsPerSubject })) {
      await writing;
      // Every department finishes its part before a failure is raised, so that rollback finds each connection idle.
      writing = Promise.allSettled(writers.map((writer) => writer.write(chunk))).then((results) => {
        const failure = results.find((result) => result.status === 'rejected');
        if (failure) throw failure.reason;
        written(chunk);
      });
    }
    await writing;
    await Promise.all(writers.map((writer) => writer.finish()));
    for (const writer of writers) await writer.commit();
    for (const writer of writers) {
      summary.rowsSent += writer.sent.rows;
      summary.bytesSent += writer.sent.bytes;
    }
    log.info('demo data seeded', { enterprises: summary.enterprises, rated: summary.ratedSubjects, events: summary.events });
    return summary;
  } catch (error) {
    await Promise.allSettled(writers.map((writer) => writer.rollback()));
    throw error;
  }
}

/** The demo city `npm start` seeds on first start: `size` enterprises (default 560); false when data exists. */
export async function seedDemoData(sources: HubDataSources, size = 560): Promise<boolean> {
  return (await seedEnterprises(sources, { enterprises: size, by: commandContext(operatorPrincipal('start'), 'Command.start.demoSeed') })) !== null;
}
