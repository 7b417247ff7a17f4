import DataLoader from 'dataloader';
import type { HubContext } from './context';
import { loaderBatchSize } from './metrics';

/**
 * The request's loader named `key`, created on first use. A batch function must return one result
 * per key, in key order (DESIGN.md convention 5); `byKey` helps with that. `key` is a name fixed in
 * code (it labels the batch-size metric), never data.
 */
export function requestLoader<K, V>(
  ctx: HubContext,
  key: string,
  batch: (keys: readonly K[]) => Promise<ArrayLike<V | Error>>,
): DataLoader<K, V> {
  let loader = ctx.loaders.get(key) as DataLoader<K, V> | undefined;
  if (!loader) {
    const observed = (keys: readonly K[]) => {
      loaderBatchSize.observe({ loader: key }, keys.length);
      return batch(keys);
    };
    loader = new DataLoader<K, V>(observed, { maxBatchSize: 1000 });
    ctx.loaders.set(key, loader);
  }
  return loader;
}

/** Orders `rows` by `keys`: one entry per key, `fallback` where no row matched. */
export function byKey<K, R, V = R | null>(keys: readonly K[], rows: R[], keyOf: (row: R) => K, fallback: V | null = null): (R | V | null)[] {
  const index = new Map<K, R>();
  for (const row of rows) index.set(keyOf(row), row);
  return keys.map((key) => index.get(key) ?? fallback);
}

/** Groups `rows` by `keys`: one (possibly empty) array per key. */
export function groupByKey<K, R>(keys: readonly K[], rows: R[], keyOf: (row: R) => K): R[][] {
  const index = new Map<K, R[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const list = index.get(key);
    if (list) list.push(row);
    else index.set(key, [row]);
  }
  return keys.map((key) => index.get(key) ?? []);
}
