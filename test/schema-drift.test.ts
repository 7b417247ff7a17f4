import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateSchemaFiles } from '../src/cli/emit-schema';

describe('committed schema files', () => {
  it('match what `npm run schema` generates (run it and commit the result when this fails)', async () => {
    const files = await generateSchemaFiles();
    expect(Object.keys(files)).toContain('schema/supergraph.graphql');
    for (const [path, content] of Object.entries(files)) {
      expect(readFileSync(join(__dirname, '..', path), 'utf8'), path).toBe(content);
    }
  });

  it('the supergraph lists the four department subgraphs', () => {
    const supergraph = readFileSync(join(__dirname, '..', 'schema/supergraph.graphql'), 'utf8');
    for (const name of ['environment', 'market', 'credit', 'finance']) expect(supergraph).toContain(`@join__graph(name: "${name}"`);
  });
});
