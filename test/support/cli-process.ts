import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createServer, type AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';

/** The project's root (vitest runs from it). */
const ROOT = process.cwd();
const CLI = join(ROOT, 'dist', 'src', 'cli', 'main.js');

function* typescriptSources(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* typescriptSources(path);
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') && !entry.name.endsWith('.d.ts')) yield path;
  }
}

/**
 * Compiles the CLI (`tsc -p tsconfig.build.json`, incremental) unless every source under src/ and
 * migrations/ has a compiled file at least as new: tests of process behaviour (signals, exit codes,
 * start-up) run the real `node dist/src/cli/main.js`, as an operator would.
 */
export function ensureCliBuilt(): void {
  const stale = ['src', 'migrations'].some((folder) =>
    [...typescriptSources(join(ROOT, folder))].some((source) => {
      const compiled = join(ROOT, 'dist', relative(ROOT, source)).replace(/\.ts$/, '.js');
      return !existsSync(compiled) || statSync(compiled).mtimeMs < statSync(source).mtimeMs;
    }),
  );
  if (stale) execFileSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-b', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
}

/** One JSON log line of the process (pino, on stderr). */
export interface LogLine {
  level: string;
  message: string;
  [field: string]: unknown;
}

function waitUntil<T>(find: () => T | undefined, what: string, timeoutMs: number, child: ChildProcess, output: () => string): Promise<T> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = setInterval(() => {
      const found = find();
      if (found !== undefined) {
        clearInterval(poll);
        resolve(found);
      } else if (child.exitCode !== null || child.signalCode !== null || Date.now() - started > timeoutMs) {
        clearInterval(poll);
        reject(new Error(`${what}: not seen (exit ${child.exitCode ?? child.signalCode ?? 'none'}); output:\n${output().slice(-4000)}`));
      }
    }, 25);
  });
}

/** `node dist/src/cli/main.js <args>` as a child process, with its stdout and its JSON log lines collected. */
export class CliProcess {
  readonly logs: LogLine[] = [];
  readonly stdout: string[] = [];
  /** Every line the process wrote to stderr (log lines included). */
  readonly stderr: string[] = [];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private readonly child: ChildProcess;

  constructor(args: string[], env: Record<string, string>) {
    const inherited = { ...process.env };
    for (const name of ['NODE_ENV', 'DATABASE_URL', 'HUB_SUBGRAPH_URLS', 'HUB_SUBGRAPH_SECRET', 'REDIS_URL', 'PORT', 'HUB_DEMO']) delete inherited[name];
    this.child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...inherited, LOG_LEVEL: 'info', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    createInterface({ input: this.child.stdout! }).on('line', (line) => this.stdout.push(line));
    createInterface({ input: this.child.stderr! }).on('line', (line) => {
      this.stderr.push(line);
      try {
        const parsed = JSON.parse(line) as LogLine;
        if (parsed && typeof parsed.message === 'string') this.logs.push(parsed);
      } catch {
        // Not a log line (a library writing to stderr): kept in the output shown on failure.
      }
    });
    this.exited = new Promise((resolve) => this.child.once('exit', (code, signal) => resolve({ code, signal })));
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** Neither exited nor killed by a signal yet. */
  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  output(): string {
    return [...this.stdout, ...this.stderr].join('\n');
  }

  waitForStdout(pattern: RegExp, timeoutMs = 90_000): Promise<RegExpMatchArray> {
    return waitUntil(() => this.stdout.map((line) => line.match(pattern)).find(Boolean) ?? undefined, `stdout ${pattern}`, timeoutMs, this.child, () => this.output());
  }

  waitForLog(predicate: (line: LogLine) => boolean, what: string, timeoutMs = 30_000): Promise<LogLine> {
    return waitUntil(() => this.logs.find(predicate), `log line ${what}`, timeoutMs, this.child, () => this.output());
  }

  signal(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }

  /** Test clean-up: kills the process if a test left it running. */
  async kill(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill('SIGKILL');
      await this.exited;
    }
  }
}

/** Free local ports, held open together so that they differ, then released for processes to listen on. */
export async function freePorts(count: number): Promise<number[]> {
  const servers = Array.from({ length: count }, () => createServer());
  const ports = await Promise.all(
    servers.map((server) => new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)))),
  );
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}
