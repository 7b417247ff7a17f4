/**
 * The colour of rated subjects on a date, read from the one colour source
 * (`environment.subject_color_period`, see color-period.service): exactly the colour `envCredit`
 * gives each subject that day (front-runner lapses and late records included), since both come from
 * the same rating basis by `colorPeriods`.
 *
 * `subject_colors` (uscc, district_code, industry_code, color) on $1 (a date), with $2 a district (or
 * null for all); `restriction`: more conditions on the period `p` (SQL starting with AND), or ''.
 */
function subjectColorsSql(restriction: string): string {
  return `
  WITH subject_colors AS (
    SELECT p.uscc, p.district_code, p.industry_code, p.color
      FROM environment.subject_color_period p
     WHERE p.valid_from <= $1::date AND (p.valid_until IS NULL OR $1::date < p.valid_until)
       AND ($2::varchar IS NULL OR p.district_code = $2::varchar)${restriction}
  )`;
}

export const SUBJECT_COLORS_SQL = subjectColorsSql('');

/**
 * The same for the codes of $3 (varchar[]) only: one page of a search asks for the colours of the
 * codes it holds, so its cost follows the page, not the population.
 */
export const SUBJECT_COLORS_AMONG_SQL = subjectColorsSql(' AND p.uscc = ANY($3::varchar[])');
