import type { FeedStage, RowResult } from '../../../shared/import/feed';
import { RowRejected } from '../../../shared/import/feed-values';
import { penaltyDecision } from '../../../shared/import/penalty-decision';
import type { CreditEventService } from '../services/credit-event.service';
import type { RecordCreditEventInput } from '../types/record-credit-event.input';

/** 双公示 penalty categories (CF_CFLB) → event types of the scoring catalogue, most severe first. */
const PENALTY_CATEGORIES: [RegExp, string][] = [
  [/刑事/, 'CRIMINAL_LIABILITY'],
  [/行政拘留/, 'ADMIN_DETENTION_TRANSFER'],
  [/按日连续/, 'DAILY_CONTINUOUS_PENALTY'],
  [/停产|停业/, 'SUSPENSION_ORDER'],
  [/强制执行/, 'COURT_ENFORCEMENT'],
  [/查封|扣押/, 'SEIZURE'],
  [/限制生产|限产/, 'PRODUCTION_LIMIT'],
  [/罚款/, 'FINE'],
  [/责令改正/, 'ORDER_TO_CORRECT'],
  [/警告/, 'WARNING'],
];

export function eventTypeForPenalty(category: string): string | null {
  for (const [pattern, type] of PENALTY_CATEGORIES) if (pattern.test(category)) return type;
  return null;
}

/**
 * The bureau's part of the penalties feed: a decision whose category is in the scoring catalogue
 * becomes a credit event of the rated subject, with its notice and the rating refreshed, through
 * CreditEventService.recordMany (set-wise, the same checks and stored state as recordCreditEvent).
 * A decision already scored is unchanged; an unrated subject's decision is noted, not scored.
 */
export function penaltyEventsFeed(events: CreditEventService): FeedStage {
  return {
    open({ context, overrides, note }) {
      return async (rows) => {
        const results = new Array<RowResult>(rows.length);
        const inputs: RecordCreditEventInput[] = [];
        const indexOf: number[] = [];
        rows.forEach((row, index) => {
          try {
            if (row.error) throw new RowRejected(row.error);
            const { decision } = penaltyDecision(row.values, overrides);
            const type = eventTypeForPenalty(decision.penaltyCategory);
            if (!type) {
              note(row.line, `not scored: penalty category "${decision.penaltyCategory}" has no event type in the scoring catalogue`);
              results[index] = { outcome: 'unchanged' };
              return;
            }
            inputs.push({ uscc: decision.uscc, type, occurredOn: decision.decidedOn, decisionNo: decision.decisionNo, description: decision.facts });
            indexOf.push(index);
          } catch (error) {
            if (!(error instanceof RowRejected)) throw error;
            results[index] = { rejected: error.message };
          }
        });
        const outcomes = await events.recordMany(context(), inputs, { skipRecorded: true });
        outcomes.forEach((outcome, i) => {
          const index = indexOf[i];
          if ('refused' in outcome) results[index] = { rejected: outcome.refused };
          else if ('unrated' in outcome) {
            note(rows[index].line, `not scored: ${inputs[i].uscc} is not a rated subject`);
            results[index] = { outcome: 'unchanged' };
          } else results[index] = { outcome: 'stored' in outcome && outcome.stored ? 'imported' : 'unchanged' };
        });
        return results;
      };
    },
  };
}
