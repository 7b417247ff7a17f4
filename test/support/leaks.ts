import { expect } from 'vitest';
import type { GraphqlResponse } from './test-hub';

/** No error of any response carries a stack trace, SQL, or a schema suggestion. */
export function expectNoLeaks(responses: GraphqlResponse<unknown>[]): void {
  expect(responses.length).toBeGreaterThan(0);
  for (const response of responses) {
    const errors = JSON.stringify(response.errors ?? []);
    expect(errors).not.toMatch(/stacktrace|\bat \S+ \(|\.(ts|js):\d+/);
    expect(errors).not.toMatch(/\b(SELECT|INSERT|UPDATE|DELETE)\b.*\b(FROM|INTO|SET)\b|relation "|syntax error at/i);
    expect(errors).not.toMatch(/Did you mean/);
  }
}
