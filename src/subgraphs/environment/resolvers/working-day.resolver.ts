import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { HubContext } from '../../../shared/context';
import { WorkingDayService } from '../services/working-day.service';
import { SetWorkingDayCalendarYearInput, WorkingDayCalendarYear } from '../types/working-day.type';

/** The national holiday calendar (working days): read by partners, a year set by ENV_ADMIN. */
@Resolver()
export class WorkingDayResolver {
  constructor(private readonly calendar: WorkingDayService) {}

  @Query(() => WorkingDayCalendarYear, { description: "A year's public holidays and make-up working days, as the hub counts working days." })
  workingDayCalendar(@Ctx() ctx: HubContext, @Arg('year', () => Int) year: number): Promise<WorkingDayCalendarYear> {
    return this.calendar.calendarYear(ctx, year);
  }

  @Mutation(() => WorkingDayCalendarYear, { description: "ENV_ADMIN: set a year's holidays and make-up working days (this year or later), from the State Council's notice." })
  setWorkingDayCalendarYear(@Ctx() ctx: HubContext, @Arg('input', () => SetWorkingDayCalendarYearInput) input: SetWorkingDayCalendarYearInput): Promise<WorkingDayCalendarYear> {
    return this.calendar.setYear(ctx, input);
  }
}
