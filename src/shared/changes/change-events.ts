import type { EntityManager } from 'typeorm';
import type { IsoDate } from '../dates';
import { ChangeOutboxEntity } from './change-outbox.entity';

/** CONTRACT.md `enum ChangeEventType`: the changes partners can subscribe to. */
export const CHANGE_EVENT_TYPES = ['COLOR_CHANGED', 'RESTRICTION_CHANGED', 'MEASURE_STARTED', 'MEASURE_ENDED', 'LISTING_CHANGED', 'SURCHARGE_DECIDED'] as const;
export type ChangeEventType = (typeof CHANGE_EVENT_TYPES)[number];

/**
 * An outbox row no partner subscribes to: what a subject's rating rests on changed (an event recorded
 * or voided) without changing its colour today. The webhook relay compares what it derives from it
 * (restriction level, measures, surcharge) and tells what changed; the row itself is never sent.
 */
export const FACTS_CHANGED = 'FACTS_CHANGED';

/** The facts each department writes per change type (the outbox row's `data`). */
export interface ChangeFacts {
  COLOR_CHANGED: { color: string; previousColor: string; score: number | null };
  LISTING_CHANGED: { listType: string; listed: boolean; documentNo: string | null };
  SURCHARGE_DECIDED: { period: string; color: string; consecutiveRed: number };
  RESTRICTION_CHANGED: { level: string; previousLevel: string };
  /** `agencyKind`: who implements the measure (the relay's own note, to tell each role only of the measures it may see; not sent). */
  MEASURE_STARTED: { measureCode: string; agencyKind?: string };
  MEASURE_ENDED: { measureCode: string; agencyKind?: string };
}

export interface Change<T extends ChangeEventType = ChangeEventType> {
  type: T;
  uscc: string;
  districtCode: string | null;
  effectiveOn: IsoDate;
  data: ChangeFacts[T];
}

/**
 * Writes a change into the department's outbox through `manager`, i.e. inside the transaction that
 * makes the change: the change and its notification commit together, or neither does.
 */
export async function recordChange<T extends ChangeEventType>(manager: EntityManager, change: Change<T>): Promise<void> {
  const row: Omit<ChangeOutboxEntity, 'id' | 'at'> = { ...change, data: { ...change.data } };
  await manager.getRepository(ChangeOutboxEntity).insert(row as never);
}
