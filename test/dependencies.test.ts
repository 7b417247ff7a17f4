import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { minVersion, satisfies } from 'semver';
import { describe, expect, it } from 'vitest';

interface PackageJson {
  engines: { node: string };
}

interface PackageLock {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[] }>;
}

const root = join(__dirname, '..');
const readJson = <T>(file: string): T => JSON.parse(readFileSync(join(root, file), 'utf8')) as T;

/**
 * The hub supports the oldest Node its package.json accepts (the machines run 20.20). Every locked
 * package must accept it too, or `npm ci` warns EBADENGINE and the package may not run. Newer
 * majors of some dev tools' dependencies (the graphql-tools / whatwg-node family behind
 * graphql-codegen) need Node 22: when a lockfile update brings one back, this names it.
 */
describe('package-lock.json', () => {
  it('locks only packages whose engines accept the oldest supported Node', () => {
    const oldestNode = minVersion(readJson<PackageJson>('package.json').engines.node);
    expect(oldestNode, 'package.json engines.node').not.toBeNull();
    const { packages } = readJson<PackageLock>('package-lock.json');
    const refusing = Object.entries(packages).flatMap(([path, entry]) => {
      // Old lockfile entries may carry engines as a list of strings; npm only checks the object form.
      const wanted = entry.engines && !Array.isArray(entry.engines) ? entry.engines.node : undefined;
      return wanted && !satisfies(oldestNode!, wanted) ? [`${path}@${entry.version} wants node ${wanted}`] : [];
    });
    expect(refusing, `packages that refuse Node ${oldestNode?.version}`).toEqual([]);
  });
});
