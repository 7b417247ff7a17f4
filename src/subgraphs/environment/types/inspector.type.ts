import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar, UsccScalar } from '../../../shared/scalars';

export enum InspectionOutcome {
  NO_PROBLEM = 'NO_PROBLEM',
  PROBLEMS_FOUND = 'PROBLEMS_FOUND',
}
registerEnumType(InspectionOutcome, { name: 'InspectionOutcome', description: 'NO_PROBLEM (未发现问题), or PROBLEMS_FOUND with the credit events they led to.' });

@InputType()
export class AddInspectorInput {
  @Field(() => String)
  name: string;

  @Field(() => String, { description: 'A city district; an ENV_OFFICER adds to its own district only.' })
  districtCode: string;
}

@InputType()
export class InspectorConflictInput {
  @Field(() => ID)
  inspectorId: string;

  @Field(() => UsccScalar, { description: 'The subject the inspector must not inspect.' })
  uscc: string;

  @Field(() => String, { nullable: true, description: 'Why (回避: kinship, earlier employment, …); required when adding.' })
  reason?: string | null;
}

@ObjectType({ description: 'A subject an inspector must not inspect.' })
export class InspectorConflict {
  @Field(() => UsccScalar)
  uscc: string;

  @Field(() => String)
  reason: string;
}

@ObjectType({ description: 'An inspector of the pool as the bureau manages it, with its conflicts and workload.' })
export class PoolInspector {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => String)
  districtCode: string;

  @Field(() => Boolean, { description: 'False once removed from the pool (kept: past draws name it).' })
  active: boolean;

  @Field(() => [InspectorConflict])
  conflicts: InspectorConflict[];

  @Field(() => Int, { description: 'Inspections assigned to it by draws so far.' })
  assignments: number;
}

@InputType()
export class RecordInspectionResultInput {
  @Field(() => ID)
  drawId: string;

  @Field(() => UsccScalar, { description: 'A subject drawn by that draw.' })
  uscc: string;

  @Field(() => DateScalar, { description: 'The day of the inspection: not before the draw’s day, not after today.' })
  inspectedOn: string;

  @Field(() => InspectionOutcome)
  outcome: InspectionOutcome;

  @Field(() => [ID], { nullable: true, description: 'PROBLEMS_FOUND: the credit events (of this subject) the problems led to; none for NO_PROBLEM.' })
  eventIds?: string[] | null;

  @Field(() => String, { description: 'What was inspected and found, as published.' })
  summary: string;
}

@ObjectType({ description: 'The published result of one random inspection (一公开).' })
export class InspectionResult {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  drawId: string;

  @Field(() => UsccScalar)
  uscc: string;

  @Field(() => String)
  districtCode: string;

  @Field(() => DateScalar)
  inspectedOn: string;

  @Field(() => InspectionOutcome)
  outcome: InspectionOutcome;

  @Field(() => [ID], { description: 'The credit events the problems led to.' })
  eventIds: string[];

  @Field(() => String)
  summary: string;

  @Field(() => DateScalar, { description: 'The day it was published (recorded).' })
  publishedOn: string;

  @Field(() => DateScalar, { description: 'The last day of the limit: 20 working days after the inspection.' })
  publishBy: string;

  @Field(() => Boolean, { description: 'Published after publishBy.' })
  publishedLate: boolean;
}
