import type { DataSource } from 'typeorm';
import type { HubContext } from '../../../shared/context';
import { today } from '../../../shared/dates';
import { badInput } from '../../../shared/errors';
import { readManager, writeTransaction } from '../../../shared/read-snapshot';
import { WorkingDayCalendarEntity } from '../entities/working-day.entity';
import type { CalendarDayKind, SetWorkingDayCalendarYearInput, WorkingDayCalendarYear } from '../types/working-day.type';
import { optionalText } from '../rules/credit-event';

function toYear(year: number, rows: readonly WorkingDayCalendarEntity[]): WorkingDayCalendarYear {
  return { year, covered: rows.length > 0, days: rows.map((row) => ({ day: row.day, kind: row.kind as CalendarDayKind, name: row.name, source: row.source })) };
}

/**
 * The national holiday calendar as the bureau's table (src/shared/working-days.ts computes with it):
 * read by partners, a year's schedule set by ENV_ADMIN when the State Council publishes it. Limits
 * already decided (an event's `recordedLate`) keep what they were when recorded.
 */
export class WorkingDayService {
  constructor(private readonly dataSource: DataSource) {}

  async calendarYear(ctx: HubContext, year: number): Promise<WorkingDayCalendarYear> {
    if (!Number.isInteger(year) || year < 1900 || year > 9999) throw badInput(`year ${year} is not a calendar year`);
    const rows = await (await readManager(ctx, this.dataSource))
      .getRepository(WorkingDayCalendarEntity)
      .createQueryBuilder('d')
      .where('d.day >= :from AND d.day <= :to', { from: `${year}-01-01`, to: `${year}-12-31` })
      .orderBy('d.day')
      .getMany();
    return toYear(year, rows);
  }

  /** ENV_ADMIN: replaces a year's holidays and make-up working days (this year or later: past years are history). */
  async setYear(ctx: HubContext, input: SetWorkingDayCalendarYearInput): Promise<WorkingDayCalendarYear> {
    const current = Number(today().slice(0, 4));
    if (!Number.isInteger(input.year) || input.year < current || input.year > current + 5) {
      throw badInput(`year ${input.year} must be from ${current} to ${current + 5}: the calendar of past years is history`);
    }
    const source = optionalText(input.source, 'source');
    if ('refusal' in source) throw badInput(source.refusal.message);
    if (!source.text) throw badInput('source must name the notice the schedule comes from');
    const seen = new Set<string>();
    for (const day of input.days) {
      if (!day.day.startsWith(`${input.year}-`)) throw badInput(`day ${day.day} is not in ${input.year}`);
      if (seen.has(day.day)) throw badInput(`day ${day.day} is listed twice`);
      seen.add(day.day);
      const name = optionalText(day.name, 'name');
      if ('refusal' in name) throw badInput(name.refusal.message);
    }
    return writeTransaction(ctx, this.dataSource, async (manager) => {
      const repository = manager.getRepository(WorkingDayCalendarEntity);
      await repository.createQueryBuilder().delete().where('day >= :from AND day <= :to', { from: `${input.year}-01-01`, to: `${input.year}-12-31` }).execute();
      const rows = input.days
        .map((day) => repository.create({ day: day.day, kind: day.kind, name: day.name?.trim() || null, source: source.text! }))
        .sort((a, b) => a.day.localeCompare(b.day));
      if (rows.length) await repository.insert(rows);
      return toYear(input.year, rows);
    });
  }
}
