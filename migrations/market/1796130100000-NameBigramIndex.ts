import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Name and code search that works whatever the server's locale (issue 21 §2).
 *
 * Names are matched by substring (ILIKE '%…%'), mostly with 2-character Chinese words (化工, 电镀).
 * The trigram index of SearchIndexes1796121000000 could not serve them: a LIKE pattern of 2
 * characters yields no trigram, and pg_trgm takes trigrams only from characters the database's
 * locale calls alphanumeric, which under the C locale (the embedded server's `initdb --no-locale`)
 * excludes every Chinese character. So the index is over the name's distinct 2-character substrings
 * (`market.name_bigrams`, lower-cased as ILIKE compares): every name containing a pattern holds every
 * bigram of the pattern, so `name_bigrams(name) @> name_bigrams(pattern)` finds a superset of the
 * matches from the GIN index, which the ILIKE then rechecks. An expression index, not a column: every
 * writer (the service, imports, the COPY seed) is covered without knowing of it.
 *
 * A code prefix (`uscc LIKE 'P%'`) cannot use the primary key unless the collation is C; the
 * pattern-ops index serves it under any collation.
 */
export class NameBigramIndex1796130100000 implements MigrationInterface {
  name = 'NameBigramIndex1796130100000';

  async up(q: QueryRunner): Promise<void> {
    // IMMUTABLE as lower() is: the index is valid as long as the database's LC_CTYPE does not change (it cannot).
    await q.query(`
      CREATE FUNCTION market.name_bigrams(name text) RETURNS text[]
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        RETURN ARRAY(SELECT DISTINCT substr(lower(name), i, 2) FROM generate_series(1, char_length(name) - 1) AS i)`);
    await q.query(`CREATE INDEX registration_name_bigrams_idx ON market.registration USING gin (market.name_bigrams(name))`);
    await q.query(`DROP INDEX market.registration_name_trgm_idx`);
    await q.query(`CREATE INDEX registration_uscc_prefix_idx ON market.registration (uscc varchar_pattern_ops)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX market.registration_uscc_prefix_idx`);
    await q.query(`CREATE INDEX registration_name_trgm_idx ON market.registration USING gin (name public.gin_trgm_ops)`);
    await q.query(`DROP INDEX market.registration_name_bigrams_idx`);
    await q.query(`DROP FUNCTION market.name_bigrams(text)`);
  }
}
