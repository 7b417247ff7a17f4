import type { IsoDate } from '../../../shared/dates';

/** What of a stored event "as known on" reads. */
export interface KnowableEvent {
  knownOn: IsoDate;
  voidedAt: Date | null;
  voidReason: string | null;
}

const utcDay = (at: Date): IsoDate => new Date(at).toISOString().slice(0, 10);

/**
 * The events as the hub knew them at the end of day `knownOn` (DOMAIN.md §10 known-on dates): an
 * event known later did not exist yet, and a voiding done later had not happened yet (the event
 * still counted). Pure: the same stored rows always give the same answer for the same day.
 */
export function eventsAsKnownOn<E extends KnowableEvent>(events: readonly E[], knownOn: IsoDate): E[] {
  return events
    .filter((event) => event.knownOn <= knownOn)
    .map((event) => (event.voidedAt !== null && utcDay(event.voidedAt) > knownOn ? { ...event, voidedAt: null, voidReason: null } : event));
}

/** Designations (front-runner) recorded by the end of day `knownOn`. */
export function recordedBy<R extends { recordedAt: Date }>(rows: readonly R[], knownOn: IsoDate): R[] {
  return rows.filter((row) => utcDay(row.recordedAt) <= knownOn);
}

/** True when the subject's enrolment in the rating scope was known by the end of day `knownOn`. */
export function enrolledBy(subject: { knownOn: IsoDate }, knownOn: IsoDate): boolean {
  return subject.knownOn <= knownOn;
}
