import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../../../shared/scalars';

export enum CalendarDayKind {
  HOLIDAY = 'HOLIDAY',
  WORKDAY = 'WORKDAY',
}
registerEnumType(CalendarDayKind, { name: 'CalendarDayKind', description: 'HOLIDAY: a public holiday (weekends inside it included); WORKDAY: a make-up working day (调休上班).' });

@ObjectType({ description: 'A day of the national holiday calendar that is not an ordinary day.' })
export class CalendarDay {
  @Field(() => DateScalar)
  day: string;

  @Field(() => CalendarDayKind)
  kind: CalendarDayKind;

  @Field(() => String, { nullable: true, description: 'The holiday it belongs to (元旦, 春节, …).' })
  name: string | null;

  @Field(() => String, { description: 'Where the day comes from (the State Council notice of that year).' })
  source: string;
}

@ObjectType({ description: "One year of the national holiday calendar: the days that are not ordinary days (others are working days Monday to Friday)." })
export class WorkingDayCalendarYear {
  @Field(() => Int)
  year: number;

  @Field(() => Boolean, { description: 'Whether the table holds the year; a year it does not hold counts Monday to Friday only.' })
  covered: boolean;

  @Field(() => [CalendarDay], { description: 'Oldest first.' })
  days: CalendarDay[];
}

@InputType()
export class CalendarDayInput {
  @Field(() => DateScalar)
  day: string;

  @Field(() => CalendarDayKind)
  kind: CalendarDayKind;

  @Field(() => String, { nullable: true })
  name?: string | null;
}

@InputType()
export class SetWorkingDayCalendarYearInput {
  @Field(() => Int)
  year: number;

  @Field(() => [CalendarDayInput], { description: "The year's holidays and make-up working days; they replace the year's rows." })
  days: CalendarDayInput[];

  @Field(() => String, { description: 'The notice the schedule comes from (国务院办公厅关于…年部分节假日安排的通知).' })
  source: string;
}
