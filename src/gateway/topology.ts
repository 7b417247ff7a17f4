import { DEPARTMENTS, type Department } from '../shared/database';

/** An example of the setting, for messages. */
const EXAMPLE = 'HUB_SUBGRAPH_URLS=environment=http://environment:4000/graphql,market=http://market:4000/graphql,credit=http://credit:4000/graphql,finance=http://finance:4000/graphql';

/**
 * The addresses of `needed` from HUB_SUBGRAPH_URLS, the one setting that says where departments run
 * as their own processes; `who` (the process starting) refuses to start when one is missing or an
 * entry is not a department with an http(s) URL. There is no default address: a guessed port would
 * leave a process that looks ready and answers SERVICE_UNAVAILABLE (issue 22).
 */
export function departmentUrls(configured: Record<string, string>, needed: readonly Department[], who: string): Partial<Record<Department, string>> {
  for (const [name, url] of Object.entries(configured)) {
    if (!(DEPARTMENTS as readonly string[]).includes(name)) {
      throw new Error(`refusing to start ${who}: HUB_SUBGRAPH_URLS names "${name}", which is not a department (${DEPARTMENTS.join(', ')})`);
    }
    if (!/^https?:\/\/[^/]/.test(url)) throw new Error(`refusing to start ${who}: HUB_SUBGRAPH_URLS gives ${name} "${url}", not an http(s) URL such as http://${name}:4000/graphql`);
  }
  const missing = needed.filter((department) => !configured[department]);
  if (missing.length > 0) {
    throw new Error(
      `refusing to start ${who}: HUB_SUBGRAPH_URLS does not say where ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} ` +
        `(${who} calls ${missing.length === 1 ? 'it' : 'them'}); every process reads the same setting, e.g. ${EXAMPLE}`,
    );
  }
  return Object.fromEntries(needed.map((department) => [department, configured[department]]));
}

/** The port written in a department's own entry of HUB_SUBGRAPH_URLS (where it listens when PORT is unset), if any. */
export function ownPort(configured: Record<string, string>, department: Department): number | undefined {
  const url = configured[department];
  const port = url ? new URL(url).port : '';
  return port ? Number(port) : undefined;
}
