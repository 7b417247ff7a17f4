import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, parse, type GraphQLSchema } from 'graphql';
import { guardOperation } from '../src/gateway/operation-guard';
import { loadConfig } from '../src/shared/config';

/**
 * The operation guard's cost on hostile documents (issue 15), as a ratio against a floor measured in
 * the same run: graphql-js parsing the same text, which any GraphQL server pays. Each request varies
 * one character, as an attacker would, so the analysis cache never answers. Linear analysis shows
 * as a ratio that does not grow with the fragment chain's length (the old guard took 34 s at 12 levels).
 *
 * Run: npm run build && node dist/bench/guard.js
 */
const limits = loadConfig({}).limits;
const schema: GraphQLSchema = buildSchema(readFileSync(join(__dirname, '..', '..', 'schema', 'api.graphql'), 'utf8'));
const USCC = '91320700MA1Q3K7P2H';

function chain(levels: number): string {
  const fragments = Array.from({ length: levels }, (_, i) =>
    i === levels - 1 ? `fragment F${i} on Enterprise { uscc }` : `fragment F${i} on Enterprise { ...F${i + 1} ...F${i + 1} ...F${i + 1} ...F${i + 1} }`,
  );
  return `{ enterprise(uscc: "${USCC}") { ...F0 } } ${fragments.join(' ')}`;
}

const documents: Record<string, string> = {
  'fragment chain, 12 levels': chain(12),
  'fragment chain, 24 levels': chain(24),
  '50 aliases × 1000 codes (variables)': `query($u: [USCC!]!) { ${Array.from({ length: 50 }, (_, i) => `a${i}: enterprises(usccs: $u) { uscc name }`).join(' ')} }`,
  'bank check (accepted)': `query($u: [USCC!]!) { enterprises(usccs: $u) { uscc name envCredit { color } creditRestriction { level restricted basis since } } }`,
};
const codes = Array.from({ length: 1000 }, () => USCC);

/** Mean microseconds per call of `work` over about `ms` milliseconds. */
function timeIt(work: (i: number) => void, ms = 1000): number {
  for (let i = 0; i < 200; i++) work(i);
  let runs = 0;
  const start = performance.now();
  while (performance.now() - start < ms) work(runs++);
  return ((performance.now() - start) * 1000) / runs;
}

for (const [name, query] of Object.entries(documents)) {
  const variables = query.includes('$u') ? { u: codes } : undefined;
  const floor = timeIt((i) => parse(`${query} #${i}`));
  const guarded = timeIt((i) => {
    try {
      guardOperation({ query: `${query} #${i}`, variables }, limits, schema);
    } catch {
      // Refused, as intended: the cost of the refusal is what is measured.
    }
  });
  console.log(`${name.padEnd(38)} guard / parse = ${(guarded / floor).toFixed(2)}  (parse ${floor.toFixed(0)} µs on this machine)`);
}
