/**
 * The pages' only data source: the hub's GraphQL API (`POST /graphql`) on the page's own origin,
 * under the caller's credential (none = PUBLIC). Every number a page shows comes through here.
 */
export interface GraphqlError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; [key: string]: unknown };
}

export class GraphqlFailure extends Error {
  constructor(
    readonly errors: GraphqlError[],
    readonly status: number,
  ) {
    super(errors.map((e) => `${e.extensions?.code ?? 'ERROR'}: ${e.message}`).join('; '));
  }
}

export interface Credential {
  apiKey?: string;
  purpose?: string;
}

/** Runs one operation; any error in the answer fails it (the pages never show half an answer). */
export async function graphql<T>(query: string, variables: Record<string, unknown> = {}, credential: Credential = {}): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (credential.apiKey) headers.authorization = `Bearer ${credential.apiKey}`;
  if (credential.purpose) headers['x-access-purpose'] = credential.purpose;
  const response = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data?: T; errors?: GraphqlError[] };
  if (body.errors?.length || !body.data) throw new GraphqlFailure(body.errors ?? [{ message: `HTTP ${response.status}` }], response.status);
  return body.data;
}

/** Text as an element's content, never as markup. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, ...children: (Node | string | null)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  for (const child of children) if (child !== null) node.append(child);
  return node;
}

/** Today in the hub's calendar (UTC, as the API's `today()`), YYYY-MM-DD. */
export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

export const COLORS = ['GREEN', 'BLUE', 'YELLOW', 'RED', 'BLACK'] as const;
export type CreditColor = (typeof COLORS)[number];

/** Display colours of the five ratings. */
export const COLOR_HEX: Record<CreditColor, string> = { GREEN: '#2e9d4f', BLUE: '#2f6fd0', YELLOW: '#e0b400', RED: '#d23a2f', BLACK: '#222222' };

export const COLOR_ZH: Record<CreditColor, string> = { GREEN: '绿色', BLUE: '蓝色', YELLOW: '黄色', RED: '红色', BLACK: '黑色' };
