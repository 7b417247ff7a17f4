/**
 * The `ecocredit` command's dispatcher: help texts, argument parsing and input checks, then the
 * command's own module (commands/<name>.command.ts), imported only when the command runs.
 *
 * Contract: this file imports nothing of the application (no reflect-metadata, typeorm, graphql...),
 * so that `--help` and input errors answer at once; loading the application takes seconds.
 * Exit codes: 0 done, 1 failed, 2 bad input (one line naming what is wrong, then the usage; never a
 * stack trace). An unexpected failure prints one line `error: <message>`; its stack goes to the log
 * at debug level (LOG_LEVEL=debug).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { type CommandArgs, type CommandModule, KEEP_RUNNING, UsageError } from './command-args';
import { EXPORT_CATALOG } from './export-catalog';
import { FEED_CATALOG } from './import/feed-catalog';

/** The departments `start` accepts (the application's DEPARTMENTS; test/cli.test.ts keeps them equal). */
const SERVICES = ['gateway', 'environment', 'market', 'credit', 'finance'] as const;

interface CommandSpec {
  summary: string;
  help: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** Throws UsageError on input the command cannot run with; runs before the module is loaded. */
  check?(args: CommandArgs): void;
  load(): Promise<CommandModule>;
}

function positionalCount(args: CommandArgs, max: number): void {
  const extra = args.positionals.slice(max);
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
}

/** A whole-number option within [min, max], when given. */
function wholeNumberOption(args: CommandArgs, name: string, min: number, max: number): void {
  const raw = args.values[name];
  if (raw === undefined) return;
  if (!/^\d+$/.test(String(raw).trim()) || Number(raw) < min || Number(raw) > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, got "${String(raw)}"`);
  }
}

/**
 * `--option -5` → `--option=-5`: parseArgs refuses a dash-led value as ambiguous, and the user should
 * hear what is wrong with the number instead.
 */
function joinNegativeValues(args: readonly string[]): string[] {
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (/^--[a-z-]+$/.test(args[i]) && /^-\d/.test(args[i + 1] ?? '')) joined.push(`${args[i]}=${args[++i]}`);
    else joined.push(args[i]);
  }
  return joined;
}

function oneOf(name: string, value: string | boolean | undefined, allowed: readonly string[]): void {
  if (value !== undefined && !allowed.includes(String(value))) {
    throw new UsageError(`--${name} must be ${allowed.join(' or ')}, got "${value}"`);
  }
}

const COMMANDS: Record<string, CommandSpec> = {
  start: {
    summary: [
      'start [gateway|environment|market|credit|finance]',
      'Start the hub (everything in one process by default) on PORT (4000).',
      'Without DATABASE_URL it runs an embedded PostgreSQL under ./.data with demo data.',
      '"gateway" alone calls the departments over HTTP; "<department>" serves one of them.',
    ].join('\n'),
    help: [
      'Usage: ecocredit start [gateway|environment|market|credit|finance]',
      '',
      'With no argument: the gateway with all four departments in one process.',
      '"gateway": the gateway alone; each department is called over HTTP at HUB_SUBGRAPH_URLS',
      '  (environment=http://...,market=...) or its default port (4001-4004), with tokens signed by HUB_SUBGRAPH_SECRET.',
      '"<department>": that department\'s subgraph alone, on PORT or its default port; needs DATABASE_URL and',
      '  HUB_SUBGRAPH_SECRET, and answers only requests signed by the gateway.',
    ].join('\n'),
    options: {},
    check(args) {
      positionalCount(args, 1);
      const service = args.positionals[0];
      if (service !== undefined && !(SERVICES as readonly string[]).includes(service)) {
        throw new UsageError(`unknown service "${service}": use ${SERVICES.join(', ')}`);
      }
    },
    load: () => import('./commands/start.command'),
  },
  clients: {
    summary: 'clients create|rotate|revoke|list\nManage partner API keys (stored as hashes; a new key is printed once).',
    help: [
      'Usage: ecocredit clients <action> [options]',
      '',
      '  list                                  every client (id, role, agency, district, state)',
      '  create --name N --role R [--agency A] [--district D] [--expires ISO-8601]',
      '                                        issues a client and prints its key once',
      '  rotate <id>                           replaces the key (the old one stops working) and prints the new one',
      '  revoke <id>                           revokes the key for good',
    ].join('\n'),
    options: { name: { type: 'string' }, role: { type: 'string' }, agency: { type: 'string' }, district: { type: 'string' }, expires: { type: 'string' } },
    check(args) {
      const [action, id] = args.positionals;
      if (!action) throw new UsageError('"clients" needs an action: list, create, rotate or revoke');
      if (!['list', 'create', 'rotate', 'revoke'].includes(action)) throw new UsageError(`unknown action "${action}": use list, create, rotate or revoke`);
      positionalCount(args, action === 'rotate' || action === 'revoke' ? 2 : 1);
      if ((action === 'rotate' || action === 'revoke') && !/^\d+$/.test(id ?? '')) {
        throw new UsageError(`"clients ${action}" needs the client's numeric id (see "clients list")`);
      }
      const { values } = args;
      if (action === 'create' && (typeof values.name !== 'string' || typeof values.role !== 'string')) {
        throw new UsageError('"clients create" needs --name and --role');
      }
      if (typeof values.expires === 'string' && Number.isNaN(new Date(values.expires).getTime())) {
        throw new UsageError(`--expires "${values.expires}" is not an ISO 8601 timestamp`);
      }
    },
    load: () => import('./commands/clients.command'),
  },
  migrate: {
    summary: 'migrate [gateway|environment|market|credit|finance]\nApply pending migrations of every schema (or one) to DATABASE_URL (or the embedded database).',
    help: [
      'Usage: ecocredit migrate [gateway|environment|market|credit|finance]',
      '',
      'Applies pending migrations of the gateway and every department schema. Idempotent.',
      'With a name: that schema only, e.g. a department on its own database (its DATABASE_URL);',
      '`ecocredit start <department>` migrates its own schema itself.',
    ].join('\n'),
    options: {},
    check(args) {
      positionalCount(args, 1);
      const owner = args.positionals[0];
      if (owner !== undefined && !(SERVICES as readonly string[]).includes(owner)) throw new UsageError(`unknown schema "${owner}": use ${SERVICES.join(', ')}`);
    },
    load: () => import('./commands/migrate.command'),
  },
  seed: {
    summary: 'seed [--enterprises N] [--events-per-subject K] [--department D]\nSeed a fictional province (N enterprises, default 560, up to 1000000) into an empty database.',
    help: `Usage: ecocredit seed [--enterprises N] [--events-per-subject K] [--department D]

Seeds an empty database (DATABASE_URL, or the embedded one) with a fictional province: N enterprises
(default 560, at most 1000000) across the Lianyungang districts and eight industries, 95% of them
rated in all five colours, with market and credit list entries, 双公示 penalty records and
implementing agencies' feedback. Every rated subject gets about K events (default 10, at most 100):
those that give it its colour today plus older, expired ones. --events-per-subject 0 seeds exactly the
demo city that \`npm start\` seeds. Current colours are stored as computed, so the first query is fast.
Written with COPY, chunk by chunk (memory stays flat); progress on stdout. Does nothing when the
database already has data.
--department D (environment, market or credit): that department's part only, into DATABASE_URL, for a
department on its own database; the same N and K on each department's database give one province.`,
    options: { enterprises: { type: 'string' }, 'events-per-subject': { type: 'string' }, department: { type: 'string' } },
    check(args) {
      positionalCount(args, 0);
      oneOf('department', args.values.department, ['environment', 'market', 'credit']);
      wholeNumberOption(args, 'enterprises', 1, 1_000_000);
      wholeNumberOption(args, 'events-per-subject', 0, 100);
    },
    load: () => import('./commands/seed.command'),
  },
  import: {
    summary: `import <feed> <file> [--format csv|jsonl] [--encoding utf8|gb18030] [--rejects <path>]\nApply a data feed; bad rows go to the rejects file. Feeds: ${Object.keys(FEED_CATALOG).join(', ')}.`,
    help: `Usage: ecocredit import <feed> <file> [--format csv|jsonl] [--encoding utf8|gb18030] [--rejects <path>] [--accept-invalid-codes <file>] [--batch-size N]

Applies the good rows of a feed file and writes bad rows to the rejects file (default <file>.rejects.csv:
original line number, the row, the reason). The last line printed is "imported N, rejected M, unchanged K".
Exit 0 when the file was processed (even with rejects); non-zero when it could not be (unreadable file,
unknown feed, missing required column): then nothing is applied.
--accept-invalid-codes names a file of historical USCCs (one per line) accepted despite a failing check
character; every use is logged and recorded (the API then answers for those codes).
--batch-size N: rows validated and applied together (default 5000). The file is streamed; an import
stopped half-way and run again ends as one uninterrupted run. Progress (rate, ETA) goes to stderr.

Feeds:
${Object.entries(FEED_CATALOG)
  .map(([name, description]) => `  ${name.padEnd(18)} ${description}`)
  .join('\n')}`,
    options: { format: { type: 'string' }, encoding: { type: 'string' }, rejects: { type: 'string' }, 'accept-invalid-codes': { type: 'string' }, 'batch-size': { type: 'string' } },
    check(args) {
      const [feed, file] = args.positionals;
      if (!feed || !file) throw new UsageError('"import" needs a feed and a file');
      positionalCount(args, 2);
      if (!FEED_CATALOG[feed]) throw new UsageError(`unknown feed "${feed}"; feeds: ${Object.keys(FEED_CATALOG).join(', ')}`);
      oneOf('format', args.values.format, ['csv', 'jsonl']);
      oneOf('encoding', args.values.encoding, ['utf8', 'gb18030']);
      const batchSize = args.values['batch-size'];
      if (batchSize !== undefined && !/^[1-9]\d{0,6}$/.test(String(batchSize))) {
        throw new UsageError(`--batch-size must be a positive whole number, got "${String(batchSize)}"`);
      }
    },
    load: () => import('./commands/import.command'),
  },
  report: {
    summary: 'report subject <uscc> | report annual <year>\nIssue a signed credit report (信用报告) as PDF/HTML, or write the yearly summary (总结报告) as PDF/CSV.',
    help: [
      'Usage: ecocredit report subject <uscc> [--as-of YYYY-MM-DD] [--purpose P] [--format pdf|html] [--out <path>]',
      '       ecocredit report annual <year> [--format pdf|csv] [--out <path>]',
      '',
      'subject: issues, signs, stores and audits a credit report of the subject as of a date (default today) for',
      '  the bureau (ENV_ADMIN), purpose SUPERVISION by default (or PROCUREMENT, BIDDING, APPROVAL, MARKET_ACCESS,',
      '  QUALIFICATION, DISCLOSURE_REQUEST), and writes it (default <number>.pdf). Prints its number and verification code.',
      'annual: the yearly summary of credit supervision for <year> (default annual-<year>.pdf).',
      'Runs a hub in-process over DATABASE_URL (or the embedded database); needs HUB_REPORT_SIGNING_KEY and HUB_REPORT_SM2_KEY in production; the verify link printed is under HUB_PUBLIC_URL.',
    ].join('\n'),
    options: { 'as-of': { type: 'string' }, purpose: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' } },
    check(args) {
      const [kind, subject] = args.positionals;
      if (kind !== 'subject' && kind !== 'annual') throw new UsageError(kind ? `unknown report "${kind}": use subject or annual` : '"report" needs subject <uscc> or annual <year>');
      positionalCount(args, 2);
      if (kind === 'subject') {
        if (!subject || !/^[0-9A-HJ-NP-RTUWXY]{18}$/.test(subject)) throw new UsageError(`"report subject" needs an 18-character USCC, got "${subject ?? ''}"`);
        oneOf('format', args.values.format, ['pdf', 'html']);
        const asOf = args.values['as-of'];
        if (asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(String(asOf))) throw new UsageError(`--as-of must be a date YYYY-MM-DD, got "${String(asOf)}"`);
      } else {
        if (!subject || !/^\d{4}$/.test(subject)) throw new UsageError(`"report annual" needs a year (YYYY), got "${subject ?? ''}"`);
        oneOf('format', args.values.format, ['pdf', 'csv']);
        if (args.values['as-of'] !== undefined || args.values.purpose !== undefined) throw new UsageError('--as-of and --purpose are for "report subject"');
      }
    },
    load: () => import('./commands/report.command'),
  },
  export: {
    summary: `export <view> [--encoding utf8|gb18030] [--out <path>] [--period YYYY-H1|H2] [--codes <file>]\nWrite a view as CSV. Views: ${Object.keys(EXPORT_CATALOG).join(', ')}.`,
    help: `Usage: ecocredit export <view> [--format csv] [--encoding utf8|gb18030] [--out <path>] [--period YYYY-H1|YYYY-H2] [--codes <file>]
Writes a view as CSV (UTF-8 with a BOM by default, or GB18030) to --out or stdout, streamed page by page
at constant memory, read through the hub's own GraphQL operations as the bureau (ENV_ADMIN) and recorded
in the audit trail (one record: the view and its row count). Partners export over HTTP with their own key:
GET /exports/<view>.csv.
--period: the half-year of the surcharges view, e.g. 2026-H2 (decided by the colour on 2026-06-30).
--codes: the portfolio view's codes file, one USCC per line (a header line "uscc" is allowed).
Views:
${Object.entries(EXPORT_CATALOG)
  .map(([name, description]) => `  ${name.padEnd(16)} ${description}`)
  .join('\n')}`,
    options: { format: { type: 'string' }, encoding: { type: 'string' }, out: { type: 'string' }, period: { type: 'string' }, codes: { type: 'string' } },
    check(args) {
      const [view] = args.positionals;
      if (!view) throw new UsageError('"export" needs a view');
      positionalCount(args, 1);
      if (!Object.hasOwn(EXPORT_CATALOG, view)) throw new UsageError(`unknown view "${view}"; views: ${Object.keys(EXPORT_CATALOG).join(', ')}`);
      oneOf('format', args.values.format, ['csv']);
      oneOf('encoding', args.values.encoding, ['utf8', 'gb18030']);
      if (view === 'surcharges' && (typeof args.values.period !== 'string' || !/^\d{4}-H[12]$/.test(args.values.period))) {
        throw new UsageError(`"export surcharges" needs --period YYYY-H1 or YYYY-H2, got "${String(args.values.period ?? '')}"`);
      }
      if (view === 'portfolio' && typeof args.values.codes !== 'string') throw new UsageError('"export portfolio" needs --codes <file> (one USCC per line)');
    },
    load: () => import('./commands/export.command'),
  },
  'emit-schema': {
    summary: 'emit-schema\nRegenerate schema/ (subgraph SDLs, supergraph, API schema).',
    help: 'Usage: ecocredit emit-schema\n\nWrites schema/subgraphs/<department>.graphql, schema/supergraph.graphql and schema/api.graphql.',
    options: {},
    check: (args) => positionalCount(args, 0),
    load: () => import('./commands/emit-schema.command'),
  },
};

function usage(): string {
  const commands = Object.values(COMMANDS).map((command) => {
    const [synopsis, ...description] = command.summary.split('\n');
    const indent = ' '.repeat(21);
    // A short synopsis shares its line with the description, as in the usual help layout.
    const head = synopsis.length < 17 ? `  ${synopsis.padEnd(17)}  ${description.shift()}` : `  ${synopsis}`;
    return [head, ...description.map((line) => indent + line)].join('\n');
  });
  return `Usage: ecocredit <command> [options]

Commands:
${commands.join('\n')}

Options:
  -h, --help         Show help for a command.

Environment: DATABASE_URL, PORT, HUB_DEMO, HUB_DATA_DIR, NODE_ENV, REDIS_URL, LOG_LEVEL, HUB_SUBGRAPH_SECRET,
HUB_SUBGRAPH_URLS, HUB_JWT_*, HUB_MAX_*, HUB_RATE_*, HUB_SHUTDOWN_TIMEOUT_MS, HUB_DB_WAIT_MS (see README).`;
}

/** One line for a user: parseArgs messages carry a second sentence of advice about `--`. */
function firstSentence(message: string): string {
  const sentence = message.split('. To specify')[0].split('\n')[0];
  return sentence.charAt(0).toLowerCase() + sentence.slice(1);
}

/** One line describing an unexpected failure (a failed connection is an AggregateError with an empty message). */
function describeFailure(error: unknown): string {
  if (error instanceof AggregateError && !error.message) return error.errors.map((inner) => describeFailure(inner)).join('; ');
  if (error instanceof Error) return (error.message || (error as { code?: string }).code || error.name).split('\n')[0];
  return String(error);
}

function inputError(message: string, help: string): number {
  console.error(`error: ${message}\n\n${help}`);
  return 2;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '-h' || name === '--help' || name === 'help') {
    const topic = name === 'help' && rest[0] !== undefined && Object.hasOwn(COMMANDS, rest[0]) ? COMMANDS[rest[0]] : undefined;
    console.log(topic ? topic.help : usage());
    return 0;
  }
  if (!name) return inputError('no command given', usage());
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) return inputError(name.startsWith('-') ? `unknown option "${name}" (options follow the command)` : `unknown command "${name}"`, usage());

  let args: CommandArgs;
  try {
    const parsed = parseArgs({ args: joinNegativeValues(rest), allowPositionals: true, strict: true, options: { ...command.options, help: { type: 'boolean', short: 'h' } } });
    if (parsed.values.help) {
      console.log(command.help);
      return 0;
    }
    args = { positionals: parsed.positionals, values: parsed.values };
    command.check?.(args);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      return inputError(firstSentence((error as Error).message), command.help);
    }
    throw error;
  }
  try {
    const module = await command.load();
    return await module.run(args);
  } catch (error) {
    if (error instanceof UsageError) return inputError(error.message, command.help);
    throw error;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== KEEP_RUNNING) process.exit(code);
  },
  async (error: unknown) => {
    console.error(`error: ${describeFailure(error)}`);
    try {
      const { log } = await import('../shared/logging');
      log.debug('command failed', { detail: String((error as Error)?.stack ?? error) });
    } finally {
      process.exit(1);
    }
  },
);
