/** The row's materialised rating (current_*) holds on $1: computed on or before it, no change due yet. */
const MATERIALISED_HOLDS = `s.current_on IS NOT NULL AND s.current_on <= $1::date AND (s.next_change_on IS NULL OR s.next_change_on > $1::date)`;

/**
 * The colour of every rated subject on a date, in one SQL statement, with exactly the rules of
 * `ratingOn` in scoring.ts: the start score of the policy in force, the events valid that day
 * (voided ones left out), the cap, the worst forced colour, then a front-runner designation that no
 * deduction decided on or after it has yet taken effect. Keep the two in step.
 *
 * Parameters: $1 the date, $2 a district (or null for all). Yields uscc, district_code,
 * industry_code, score, color.
 */
/** `restriction`: more conditions on the rated subject `s` (SQL starting with AND), or ''. */
function subjectColorsSql(restriction: string): string {
  return `
  WITH scored AS (
    SELECT s.uscc, s.district_code, s.industry_code, p.green_min, p.blue_min, p.yellow_min, p.red_min,
           LEAST(p.max_score, p.start_score + COALESCE(SUM(e.points), 0))::int AS score,
           (ARRAY_AGG(e.forced_color ORDER BY ARRAY_POSITION(ARRAY['GREEN','BLUE','YELLOW','RED','BLACK']::varchar[], e.forced_color) DESC)
              FILTER (WHERE e.forced_color IS NOT NULL))[1] AS forced,
           EXISTS (
             SELECT 1 FROM environment.front_runner f
              WHERE f.uscc = s.uscc AND f.designated_on <= $1::date
                AND NOT EXISTS (
                  SELECT 1 FROM environment.credit_event d
                   WHERE d.uscc = f.uscc AND d.voided_at IS NULL AND d.points < 0
                     AND d.occurred_on >= f.designated_on AND d.valid_from <= $1::date)
           ) AS front_runner
      FROM environment.rated_subject s
      JOIN environment.scoring_policy p
        ON p.subject_kind = s.subject_kind AND p.effective_from <= $1::date AND (p.effective_to IS NULL OR $1::date < p.effective_to)
      LEFT JOIN environment.credit_event e
        ON e.uscc = s.uscc AND e.voided_at IS NULL AND e.valid_from <= $1::date AND $1::date < e.valid_until
     WHERE s.rated_from <= $1::date AND ($2::varchar IS NULL OR s.district_code = $2::varchar)${restriction}
     GROUP BY s.uscc, s.district_code, s.industry_code, p.id
  ), subject_colors AS (
    SELECT uscc, district_code, industry_code, score,
           COALESCE(forced, CASE WHEN front_runner THEN 'GREEN'
                                 WHEN score >= green_min THEN 'GREEN' WHEN score >= blue_min THEN 'BLUE'
                                 WHEN score >= yellow_min THEN 'YELLOW' WHEN score >= red_min THEN 'RED' ELSE 'BLACK' END) AS color
      FROM scored
  )`;
}

export const SUBJECT_COLORS_SQL = subjectColorsSql('');

/**
 * The same for the codes of $3 (varchar[]) only: one page of a search asks for the colours of the
 * codes it holds, so its cost follows the page, not the population.
 */
export const SUBJECT_COLORS_AMONG_SQL = subjectColorsSql(' AND s.uscc = ANY($3::varchar[])');

/**
 * `day_colors` (uscc, district_code, industry_code, color) on $1 with $2 as above. For today
 * (`materialised`): the stored colour of every row whose materialised rating holds today, the rules
 * above only for the others (rows due for a refresh), so that counting 100,000 subjects reads no
 * events; the two agree because the stored rating is `ratingOn` of the same rows. For another date:
 * the rules for every subject.
 */
export function dayColorsSql(materialised: boolean): string {
  if (!materialised) return `${SUBJECT_COLORS_SQL}, day_colors AS (SELECT uscc, district_code, industry_code, color FROM subject_colors)`;
  return `${subjectColorsSql(` AND NOT (${MATERIALISED_HOLDS})`)}, day_colors AS (
    SELECT s.uscc, s.district_code, s.industry_code, s.current_color AS color
      FROM environment.rated_subject s
     WHERE s.current_color IS NOT NULL AND ${MATERIALISED_HOLDS} AND ($2::varchar IS NULL OR s.district_code = $2::varchar)
    UNION ALL
    SELECT uscc, district_code, industry_code, color FROM subject_colors)`;
}
