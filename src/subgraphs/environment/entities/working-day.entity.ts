import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One day of the national holiday calendar that is not an ordinary day (src/shared/working-days.ts):
 * a public holiday (HOLIDAY, weekends inside the holiday included) or a make-up working day on a
 * weekend (WORKDAY, 调休上班). Days not listed are working days Monday to Friday. Seeded from the
 * published schedules; the bureau adds each new year's rows when the State Council publishes them.
 */
@Entity({ name: 'working_day_calendar' })
@Check('working_day_calendar_kind_check', "kind IN ('HOLIDAY', 'WORKDAY')")
export class WorkingDayCalendarEntity {
  @PrimaryColumn({ type: 'date' })
  day: string;

  /** HOLIDAY or WORKDAY. */
  @Column({ type: 'varchar' })
  kind: string;

  /** The holiday it belongs to (元旦, 春节, …). */
  @Column({ type: 'varchar', nullable: true })
  name: string | null;

  /** Where the day comes from (the State Council notice of that year). */
  @Column({ type: 'varchar' })
  source: string;
}
