import 'reflect-metadata';
import { Presets, SingleBar } from 'cli-progress';
import { notifyAuditWriter } from '../../shared/audit/audit-outbox';
import { closeHubDatabases, openHubDatabases } from '../../hub/databases';
import { seedEnterprises, type SeedProgress, type SeedSummary } from '../../hub/demo-seed';
import type { CommandArgs } from '../command-args';
import { withDatabase } from '../with-database';

/**
 * Progress on stdout: a bar on a terminal; otherwise (a log, a pipe, CI) a plain line at every tenth,
 * so that a million subjects do not print a thousand lines.
 */
function progressReporter(total: number): { update: (progress: SeedProgress) => void; stop: () => void } {
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
    update: (p) => {
      const tenths = Math.floor((p.enterprises * 10) / total);
      if (tenths <= reportedTenths) return;
      reportedTenths = tenths;
      console.log(`seeding: ${p.enterprises}/${total} enterprises, ${p.events} events`);
    },
    stop: () => {},
  };
}

function summaryLine(summary: SeedSummary, seconds: number): string {
  return (
    `seeded ${summary.enterprises} enterprises (${summary.ratedSubjects} rated, ${summary.events} events, ` +
    `${summary.marketListings} market and ${summary.creditListings} credit list entries, ${summary.feedback} feedback reports) in ${seconds.toFixed(1)} s`
  );
}

/** `ecocredit seed [--enterprises N] [--events-per-subject K] [--department D]` (the dispatcher has checked them). */
export async function run({ values }: CommandArgs): Promise<number> {
  const enterprises = Number(values.enterprises ?? 560);
  const eventsPerSubject = Number(values['events-per-subject'] ?? 10);
  const department = values.department as 'environment' | 'credit' | 'market' | undefined;
  await withDatabase(async (url) => {
    const sources = await openHubDatabases(url, { migrate: true, poolSize: 2, owners: department ? [department] : undefined });
    const progress = progressReporter(enterprises);
    const started = process.hrtime.bigint();
    try {
      const summary = await seedEnterprises(sources, { enterprises, eventsPerSubject, onProgress: progress.update, departments: department ? [department] : undefined });
      progress.stop();
      console.log(summary ? summaryLine(summary, Number(process.hrtime.bigint() - started) / 1e9) : 'the database already has data: nothing seeded');
    } finally {
      progress.stop();
      // What this command committed waits in the audit outboxes: a running gateway chains it now.
      await notifyAuditWriter(department ? sources[department] : sources.gateway).catch(() => undefined);
      await closeHubDatabases(sources);
    }
  });
  return 0;
}
