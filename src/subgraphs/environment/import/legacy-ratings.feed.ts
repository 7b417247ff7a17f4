import { basename } from 'node:path';
import { CreditColor } from '../../../shared/credit-color';
import { asRow, rowByRow, type FeedStage } from '../../../shared/import/feed';
import { feedUscc, optional, required, RowRejected } from '../../../shared/import/feed-values';
import type { LegacyRatingService } from '../services/legacy-rating.service';

export const LEGACY_RATING_COLUMNS = ['uscc', 'year', 'score'];

const GRADES: Record<string, CreditColor> = { 绿: CreditColor.GREEN, 蓝: CreditColor.BLUE, 黄: CreditColor.YELLOW, 红: CreditColor.RED, 黑: CreditColor.BLACK };

/** A historical grade as written in old registers: the colour's code, or its Chinese name (绿色, 蓝…). */
function legacyGrade(raw: string): CreditColor {
  const upper = raw.toUpperCase();
  if ((Object.values(CreditColor) as string[]).includes(upper)) return upper as CreditColor;
  const grade = GRADES[raw.charAt(0)];
  if (!grade) throw new RowRejected(`color "${raw}" must be GREEN, BLUE, YELLOW, RED or BLACK (or 绿/蓝/黄/红/黑)`);
  return grade;
}

/** Historical annual 100-point ratings, row by row through LegacyRatingService; kept apart from 12-point scores. */
export function legacyRatingsFeed(legacy: LegacyRatingService): FeedStage {
  return {
    open(context) {
      return rowByRow(context, async (ctx, { values }) => {
        const { uscc, overridden } = feedUscc(values, 'uscc', context.overrides);
        const year = Number(required(values, 'year'));
        if (!Number.isInteger(year)) throw new RowRejected(`year "${values.year}" is not a whole year`);
        const rawColor = optional(values, 'color');
        const color = rawColor === null ? null : legacyGrade(rawColor);
        const result = await asRow(() =>
          legacy.import(ctx, { source: optional(values, 'source') ?? `import of ${basename(context.path)}`, ratings: [{ uscc, year, score: required(values, 'score'), color }] }),
        );
        return { outcome: result.imported > 0 ? 'imported' : 'unchanged', overrides: overridden ? [uscc] : undefined };
      });
    },
  };
}
