import { parseArgs } from 'node:util';
import { SingleBar, Presets } from 'cli-progress';
import { loadConfig } from '../shared/config';
import { startEmbeddedPostgres } from '../shared/embedded-postgres';
import { closeHubDatabases, openHubDatabases } from '../gateway/databases';
import { MAX_SEED_ENTERPRISES, seedEnterprises, type SeedProgress, type SeedSummary } from '../gateway/demo-seed';

const DEFAULT_ENTERPRISES = 560;
const DEFAULT_EVENTS_PER_SUBJECT = 10;
const MAX_EVENTS_PER_SUBJECT = 100;

export const SEED_HELP = `Usage: ecocredit seed [--enterprises N] [--events-per-subject K]

Seeds an empty database (DATABASE_URL, or the embedded one) with a fictional province: N enterprises
(default ${DEFAULT_ENTERPRISES}, at most ${MAX_SEED_ENTERPRISES}) across the Lianyungang districts and eight industries,
95% of them rated in all five colours, with market and credit list entries, 双公示 penalty records
and implementing agencies' feedback. Every rated subject gets about K events (default ${DEFAULT_EVENTS_PER_SUBJECT}): those
that give it its colour today plus older, expired ones. --events-per-subject 0 seeds exactly the
demo city that \`npm start\` seeds. Current colours are stored as computed, so the first query is fast.
Does nothing when the database already has data. Exit 0 when done (or nothing to do), 2 on bad options.`;

/** Thrown for options a user got wrong: printed without a stack, exit code 2. */
class UsageError extends Error {}

function wholeNumber(option: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw.trim()) || Number(raw) < min || Number(raw) > max) {
    throw new UsageError(`--${option} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return Number(raw);
}

function parseSeedArgs(args: string[]): { help: boolean; enterprises: number; eventsPerSubject: number } {
  // parseArgs refuses "--enterprises -1" as ambiguous; join a dash-led value to its option so that
  // the range check below names the real problem.
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (/^--[a-z-]+$/.test(args[i]) && /^-\d/.test(args[i + 1] ?? '')) joined.push(`${args[i]}=${args[++i]}`);
    else joined.push(args[i]);
  }
  let values: { help?: boolean; enterprises?: string; 'events-per-subject'?: string };
  try {
    ({ values } = parseArgs({
      args: joined,
      options: { help: { type: 'boolean', short: 'h' }, enterprises: { type: 'string' }, 'events-per-subject': { type: 'string' } },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0]);
  }
  return {
    help: values.help ?? false,
    enterprises: wholeNumber('enterprises', values.enterprises, DEFAULT_ENTERPRISES, 1, MAX_SEED_ENTERPRISES),
    eventsPerSubject: wholeNumber('events-per-subject', values['events-per-subject'], DEFAULT_EVENTS_PER_SUBJECT, 0, MAX_EVENTS_PER_SUBJECT),
  };
}

/**
 * Progress on stdout: a bar on a terminal; otherwise (a log, a pipe, CI) a plain line at every tenth,
 * so that a million subjects do not print a thousand lines.
 */
function progressReporter(total: number): { update(progress: SeedProgress): void; stop(): void } {
  if (process.stdout.isTTY) {
    const bar = new SingleBar(
      { format: 'seeding [{bar}] {percentage}% | {value}/{total} enterprises | {events} events | {eta_formatted} left', stream: process.stdout, hideCursor: true },
      Presets.shades_classic,
    );
    bar.start(total, 0, { events: 0 });
    let running = true;
    return {
      update: (p) => bar.update(p.enterprises, { events: p.events }),
      stop() {
        if (running) bar.stop();
        running = false;
      },
    };
  }
  let reportedTenths = 0;
  return {
    update(p) {
      const tenths = Math.floor((p.enterprises * 10) / total);
      if (tenths <= reportedTenths) return;
      reportedTenths = tenths;
      console.log(`seeding: ${p.enterprises}/${total} enterprises, ${p.events} events`);
    },
    stop() {},
  };
}

function summaryLine(summary: SeedSummary, seconds: number): string {
  return (
    `seeded ${summary.enterprises} enterprises (${summary.ratedSubjects} rated, ${summary.events} events, ` +
    `${summary.marketListings} market and ${summary.creditListings} credit list entries, ${summary.feedback} feedback reports) in ${seconds.toFixed(1)} s`
  );
}

/** `ecocredit seed ...`; resolves to the exit code. */
export async function seedCommand(args: string[]): Promise<number> {
  let options: ReturnType<typeof parseSeedArgs>;
  try {
    options = parseSeedArgs(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`error: ${error.message}\n\n${SEED_HELP}`);
    return 2;
  }
  if (options.help) {
    console.log(SEED_HELP);
    return 0;
  }
  const config = loadConfig();
  const embedded = config.databaseUrl ? undefined : await startEmbeddedPostgres(config.dataDir);
  try {
    const sources = await openHubDatabases(config.databaseUrl ?? embedded!.url, { migrate: true, poolSize: 2 });
    const progress = progressReporter(options.enterprises);
    const started = process.hrtime.bigint();
    try {
      const summary = await seedEnterprises(sources, { enterprises: options.enterprises, eventsPerSubject: options.eventsPerSubject, onProgress: progress.update });
      progress.stop();
      console.log(summary ? summaryLine(summary, Number(process.hrtime.bigint() - started) / 1e9) : 'the database already has data: nothing seeded');
      return 0;
    } finally {
      progress.stop();
      await closeHubDatabases(sources);
    }
  } finally {
    await embedded?.stop();
  }
}
