import type { DataSource } from 'typeorm';
import { asRow, rowByRow, type FeedStage } from '../../../shared/import/feed';
import { feedDate, feedUscc, oneOf, optional, required, RowRejected } from '../../../shared/import/feed-values';
import { listEntryRow } from '../../../shared/import/list-entry-rows';
import { CreditListType } from '../../../shared/list-types';
import type { CreditListingService } from '../services/credit-listing.service';
import type { MeasureFeedbackService } from '../services/measure-feedback.service';
import type { PublicRecordService } from '../services/public-record.service';
import { FeedbackOutcome } from '../types/measure-feedback.type';

/** Credit-office designations, row by row through CreditListingService (files are small). */
export function creditListsFeed(listings: CreditListingService): FeedStage {
  return {
    open(context) {
      return rowByRow(
        context,
        listEntryRow(context.overrides, Object.values(CreditListType), {
          entriesOf: (ctx, uscc) => listings.listingsOf(ctx, uscc),
          add: (ctx, entry, values) => listings.designate(ctx, { ...entry, field: optional(values, 'field') }),
          remove: (ctx, removal) => listings.remove(ctx, removal),
        }),
      );
    },
  };
}

/** Court feeds write performance in Chinese (全部未履行 / 部分未履行) or as the code. */
function debtorPerformance(raw: string): string {
  if (raw === 'UNPERFORMED' || raw.includes('全部未履行')) return 'UNPERFORMED';
  if (raw === 'PARTIALLY_PERFORMED' || raw.includes('部分')) return 'PARTIALLY_PERFORMED';
  throw new RowRejected(`performance "${raw}" must be UNPERFORMED (全部未履行) or PARTIALLY_PERFORMED (部分未履行)`);
}

export const DISHONEST_DEBTOR_COLUMNS = ['uscc', 'subject_name', 'case_no', 'court', 'obligation', 'performance', 'filed_on', 'published_on'];

/** Court dishonest-debtor records (失信被执行人), row by row through PublicRecordService. */
export function dishonestDebtorsFeed(publicRecords: PublicRecordService): FeedStage {
  return {
    open(context) {
      return rowByRow(context, async (ctx, { values }) => {
        const { uscc, overridden } = feedUscc(values, 'uscc', context.overrides);
        const changed = await publicRecords.storeDishonestDebtor(ctx, {
          uscc,
          subjectName: required(values, 'subject_name'),
          caseNo: required(values, 'case_no'),
          court: required(values, 'court'),
          obligation: required(values, 'obligation'),
          performance: debtorPerformance(required(values, 'performance')),
          filedOn: feedDate(values, 'filed_on')!,
          publishedOn: feedDate(values, 'published_on')!,
          removedOn: feedDate(values, 'removed_on', true),
        });
        return { outcome: changed ? 'imported' : 'unchanged', overrides: overridden ? [uscc] : undefined };
      });
    },
  };
}

export const FEEDBACK_COLUMNS = ['uscc', 'measure_code', 'outcome', 'applied_on', 'agency'];

/** Implementing agencies' feedback, row by row through MeasureFeedbackService; a repeated report is unchanged. */
export function feedbackFeed(dataSource: DataSource, feedback: MeasureFeedbackService): FeedStage {
  return {
    // The credit office collects feedback on behalf of the implementing agencies named in the file.
    principal: { clientId: 'cli:import', clientName: 'ecocredit import', role: 'CREDIT_OFFICE', agency: null, districtCode: null, purpose: 'IMPORT' },
    open(context) {
      return rowByRow(context, async (ctx, { values }) => {
        const { uscc, overridden } = feedUscc(values, 'uscc', context.overrides);
        const outcome = oneOf(values, 'outcome', Object.values(FeedbackOutcome));
        const appliedOn = feedDate(values, 'applied_on')!;
        const businessRef = optional(values, 'business_ref');
        const measureCode = required(values, 'measure_code');
        const agency = required(values, 'agency');
        const [duplicate] = await dataSource.query<unknown[]>(
          `SELECT 1 FROM credit.measure_feedback WHERE uscc = $1 AND measure_code = $2 AND applied_on = $3 AND outcome = $4 AND agency = $5 AND business_ref IS NOT DISTINCT FROM $6 LIMIT 1`,
          [uscc, measureCode, appliedOn, outcome, agency, businessRef],
        );
        if (duplicate) return { outcome: 'unchanged', overrides: overridden ? [uscc] : undefined };
        await asRow(() => feedback.report(ctx, { uscc, measureCode, outcome, appliedOn, businessRef, note: optional(values, 'note'), onBehalfOf: agency }));
        return { outcome: 'imported', overrides: overridden ? [uscc] : undefined };
      });
    },
  };
}
