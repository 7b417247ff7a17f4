import { log } from '../shared/logging';

/**
 * Stops a long-running service on the first SIGINT or SIGTERM, then exits: 0 once it stopped, 1 when
 * stopping failed (logged, never an unhandled rejection). Signal handlers cannot await, so the
 * promise is settled here, in both directions.
 */
export function stopOnTerminationSignal(stop: () => Promise<void>): void {
  const onSignal = (signal: NodeJS.Signals) => {
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error('shutdown failed', { signal, error: error instanceof Error ? error.message : String(error) });
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
}
