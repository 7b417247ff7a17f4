import type { EntityManager } from 'typeorm';
import type { IsoDate } from '../dates';
import { ChangeOutboxEntity } from './change-outbox.entity';

/** CONTRACT.md `enum ChangeEventType`: the changes partners can subscribe to. */
export const CHANGE_EVENT_TYPES = ['COLOR_CHANGED', 'RESTRICTION_CHANGED', 'MEASURE_STARTED', 'MEASURE_ENDED', 'LISTING_CHANGED', 'SURCHARGE_DECIDED'] as const;
export type ChangeEventType = (typeof CHANGE_EVENT_TYPES)[number];

/** The facts each department writes per change type (the outbox row's `data`). */
export interface ChangeFacts {
  COLOR_CHANGED: { color: string; previousColor: string; score: number | null };
  LISTING_CHANGED: { listType: string; listed: boolean; documentNo: string | null };
  SURCHARGE_DECIDED: { period: string; color: string; consecutiveRed: number };
  RESTRICTION_CHANGED: { level: string; previousLevel: string };
  MEASURE_STARTED: { measureCode: string };
  MEASURE_ENDED: { measureCode: string };
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
