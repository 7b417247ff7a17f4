import DataLoader from 'dataloader';
import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { selectByKeys } from './batch-select';
import type { HubContext } from './context';
import { loaderBatchSize } from './metrics';
import { readManager } from './read-snapshot';

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

/** What `keyedLoader` reads: `entity` rows whose `key` is one of the asked keys. */
export interface KeyedLoaderOptions<E extends ObjectLiteral, K extends keyof E & string> {
  /** The loader's name in the request (and its batch-size metric label). */
  name: string;
  entity: EntityTarget<E>;
  key: K;
  /** Row order within a key's list (`many`). */
  orderBy?: [keyof E & string, 'ASC' | 'DESC'][];
}

/**
 * A per-request loader factory over one entity by one column: each batch is one statement
 * (`selectByKeys`), read within the request's snapshot; answers the row per key (null when none),
 * or with `many` every row per key (possibly none) in `orderBy` order. The shape of most loaders, so
 * they are declared instead of written out.
 */
export function keyedLoader<E extends ObjectLiteral, K extends keyof E & string>(
  options: KeyedLoaderOptions<E, K> & { many: true },
): (ctx: HubContext, dataSource: DataSource) => DataLoader<E[K], E[]>;
export function keyedLoader<E extends ObjectLiteral, K extends keyof E & string>(
  options: KeyedLoaderOptions<E, K> & { many?: false },
): (ctx: HubContext, dataSource: DataSource) => DataLoader<E[K], E | null>;
export function keyedLoader<E extends ObjectLiteral, K extends keyof E & string>(options: KeyedLoaderOptions<E, K> & { many?: boolean }) {
  const keyOf = (row: E) => row[options.key];
  return (ctx: HubContext, dataSource: DataSource) =>
    requestLoader<E[K], E[] | E | null>(ctx, options.name, async (keys) => {
      const rows = await selectByKeys(await readManager(ctx, dataSource), options.entity, options.key, keys, options.orderBy);
      return options.many ? groupByKey(keys, rows, keyOf) : byKey(keys, rows, keyOf);
    });
}
