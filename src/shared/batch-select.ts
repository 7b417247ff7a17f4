import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

interface CompiledSelect {
  sql: string;
  columns: ColumnMetadata[];
  create: () => ObjectLiteral;
}

const compiled = new WeakMap<DataSource, Map<string, CompiledSelect>>();

function compile(dataSource: DataSource, entity: EntityTarget<ObjectLiteral>, keyProperty: string, orderBy: [string, 'ASC' | 'DESC'][]): CompiledSelect {
  const metadata = dataSource.getMetadata(entity);
  const columnOf = (property: string) => {
    const column = metadata.findColumnWithPropertyName(property);
    if (!column) throw new Error(`${metadata.name} has no column for property "${property}"`);
    return `"${column.databaseName}"`;
  };
  const columns = metadata.columns;
  // A `date` column is read as its text ('YYYY-MM-DD' under PostgreSQL's ISO DateStyle), the value
  // the driver's hydration would make of the Date that `pg` parses it into: a batch of 1000 subjects
  // reads about ten dates per subject, each a Date object parsed and formatted back for nothing.
  const selected = (column: ColumnMetadata) =>
    column.type === 'date' ? `"${column.databaseName}"::text AS "${column.databaseName}"` : `"${column.databaseName}"`;
  const order = orderBy.map(([property, direction]) => `${columnOf(property)} ${direction}`).join(', ');
  const sql =
    `SELECT ${columns.map(selected).join(', ')} FROM ${metadata.tablePath.replace(/[^.]+/g, (part) => `"${part}"`)}` +
    ` WHERE ${columnOf(keyProperty)} = ANY($1)${order ? ` ORDER BY ${order}` : ''}`;
  return { sql, columns, create: () => metadata.create() as ObjectLiteral };
}

/**
 * The rows of `entity` whose `keyProperty` is one of `keys`, in `orderBy` order: one statement with
 * the keys as one array parameter (`= ANY($1)`), whatever their number. The statement text is built
 * once per DataSource from the entity's metadata, and rows are hydrated with the driver's own
 * conversions (dates as 'YYYY-MM-DD', numerics as strings…), so the entities are the ones
 * `repository.find` would return, without building the query and mapping aliases on every batch —
 * the loaders' hot path (README, performance notes). Entities without relations or embedded columns.
 */
export async function selectByKeys<E extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<E>,
  keyProperty: keyof E & string,
  keys: readonly unknown[],
  orderBy: [keyof E & string, 'ASC' | 'DESC'][] = [],
): Promise<E[]> {
  const dataSource = manager.connection;
  let cache = compiled.get(dataSource);
  if (!cache) compiled.set(dataSource, (cache = new Map<string, CompiledSelect>()));
  const cacheKey = `${dataSource.getMetadata(entity).name}|${keyProperty}|${orderBy.join(';')}`;
  let select = cache.get(cacheKey);
  if (!select) cache.set(cacheKey, (select = compile(dataSource, entity, keyProperty, orderBy)));
  const rows = await manager.query<Record<string, unknown>[]>(select.sql, [[...keys]]);
  const { driver } = dataSource;
  return rows.map((row) => {
    const entityObject = select.create();
    for (const column of select.columns) {
      const value: unknown = driver.prepareHydratedValue(row[column.databaseName], column);
      entityObject[column.propertyName] = value;
    }
    return entityObject as E;
  });
}
