import type { Role } from '../../shared/auth/principal';
import { rolesFor, type FieldCoordinate } from '../../shared/auth/permission-table';
import type { ChangeEventType } from '../../shared/changes/change-events';

/**
 * The field a subscriber must be allowed to read (PERMISSION_TABLE) to be told of each kind of
 * change: a change tells what that field would now answer, so it is as readable as the field.
 */
export const CHANGE_FIELD: Record<ChangeEventType, FieldCoordinate> = {
  COLOR_CHANGED: 'EnvCredit.color',
  RESTRICTION_CHANGED: 'Enterprise.creditRestriction',
  MEASURE_STARTED: 'Enterprise.jointMeasures',
  MEASURE_ENDED: 'Enterprise.jointMeasures',
  LISTING_CHANGED: 'Enterprise.creditListings',
  SURCHARGE_DECIDED: 'Enterprise.sewageFee',
};

export const mayRead = (role: Role, coordinate: FieldCoordinate): boolean => rolesFor(coordinate).includes(role);

export function mayBeTold(role: Role, type: ChangeEventType): boolean {
  return mayRead(role, CHANGE_FIELD[type]);
}

/**
 * The read that checks subjects are in the subscriber's row scope and fetches the extras its role may
 * see, asked through the gateway as the subscriber: only fields its role may read are asked, and
 * shield checks them again. An answer is null for a subject outside its row scope. The restriction
 * level and the measures now are answered on `$on`: today, or the change's own day when it is later
 * (a daily job run ahead of its day), so a message never pairs a change with an answer it predates.
 */
export function subscriberQuery(role: Role): string {
  const restriction = mayRead(role, 'Enterprise.creditRestriction');
  const measures = mayRead(role, 'Enterprise.jointMeasures');
  const extras = [
    restriction ? 'creditRestriction(asOf: $on) { level }' : '',
    mayRead(role, 'Enterprise.sewageFee') ? 'sewageFee { surchargePerCubicMetre period provisional }' : '',
    measures ? 'measuresBefore: jointMeasures(asOf: $before) { measure { code } } measuresNow: jointMeasures(asOf: $on) { measure { code } }' : '',
  ].filter(Boolean);
  // `$before` and `$on` are declared only where a field uses them (GraphQL refuses unused variables; an extra value is ignored).
  const variables = ['$usccs: [USCC!]!', measures ? '$before: Date!' : '', restriction || measures ? '$on: Date!' : ''].filter(Boolean).join(', ');
  return `query WebhookSubjects(${variables}) { enterprises(usccs: $usccs) { uscc districtCode ${extras.join(' ')} } }`;
}

export interface SubscriberView {
  uscc: string;
  districtCode: string;
  creditRestriction?: { level: string } | null;
  sewageFee?: { surchargePerCubicMetre: string; period: string; provisional: boolean } | null;
  /** The joint measures the subscriber sees, the day before the change and now (or on the change's day, if later). */
  measuresBefore?: { measure: { code: string } }[] | null;
  measuresNow?: { measure: { code: string } }[] | null;
}

/** Where a change stands in its subject's feed (CONTRACT.md, "Added for round 3"). */
export interface FeedPosition {
  /** Per subject, strictly increasing across every event type: receivers apply a subject's messages in this order. */
  sequence: number;
  /** When the hub learnt of the change (ISO 8601). */
  recordedAt: string;
}

/**
 * The `data` of a webhook body: the subject, its place in the subject's feed (`sequence`), the day
 * the change takes effect and when the hub learnt of it, the change's facts the role may read, and
 * the answers of related fields it may read now, or on the change's day when later (a bank: colour
 * and restriction level, never the score).
 */
export function payloadData(
  role: Role,
  change: { type: string; uscc: string; effectiveOn: string; data: Record<string, unknown> },
  view: SubscriberView,
  position: FeedPosition,
): Record<string, unknown> {
  const data: Record<string, unknown> = { uscc: change.uscc, sequence: position.sequence, effectiveOn: change.effectiveOn, recordedAt: position.recordedAt };
  const facts = change.data;
  switch (change.type as ChangeEventType) {
    case 'COLOR_CHANGED':
      data.color = facts.color;
      data.previousColor = facts.previousColor;
      if (mayRead(role, 'EnvCredit.score')) data.score = facts.score ?? null;
      break;
    case 'LISTING_CHANGED':
      data.listType = facts.listType;
      data.listed = facts.listed;
      data.documentNo = facts.documentNo ?? null;
      break;
    case 'SURCHARGE_DECIDED':
      data.period = facts.period;
      data.color = facts.color;
      data.consecutiveRed = facts.consecutiveRed;
      // The amount the relay recorded as told (DerivedChanges), to a role that may read it (its view
      // has the field); the subscriber's own read only when the change carries none.
      if (view.sewageFee) data.sewageFee = facts.sewageFee ?? view.sewageFee;
      break;
    case 'RESTRICTION_CHANGED':
      data.level = facts.level;
      data.previousLevel = facts.previousLevel;
      return data;
    case 'MEASURE_STARTED':
    case 'MEASURE_ENDED':
      data.measureCode = facts.measureCode;
      break;
    default:
      Object.assign(data, facts);
  }
  if (view.creditRestriction) data.restrictionLevel = view.creditRestriction.level;
  return data;
}
