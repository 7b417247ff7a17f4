/**
 * What the dispatcher (main.ts) hands a command module, and how a module reports bad input.
 * Dependency-free: the dispatcher imports it before any of the application is loaded.
 */
export interface CommandArgs {
  /** Positional arguments after the command name. */
  positionals: string[];
  /** Options of this command as parsed by `util.parseArgs` (only the ones the command declares). */
  values: Record<string, string | boolean | undefined>;
}

/**
 * Exit code of a command: 0 done, 1 failed, 2 bad input; KEEP_RUNNING for a server that stays up
 * until a signal stops it.
 */
export const KEEP_RUNNING = -1;

/** A command module: loaded only when its command runs, so that help and input errors stay instant. */
export interface CommandModule {
  run(args: CommandArgs): Promise<number>;
}

/**
 * Bad input found by a command (e.g. a value only the database can judge): the dispatcher prints
 * the message and the command's usage and exits 2, without a stack trace.
 */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
