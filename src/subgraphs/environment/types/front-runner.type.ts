import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { DateScalar, UsccScalar } from '../../../shared/scalars';
import { EnvCredit } from './env-credit.type';

@InputType()
export class DesignateFrontRunnerInput {
  @Field(() => UsccScalar)
  uscc: string;

  @Field(() => String, { description: 'The bureau’s designation document number.' })
  decisionNo: string;

  @Field(() => DateScalar, { nullable: true, description: 'Default today.' })
  designatedOn?: string | null;
}

@ObjectType({ description: 'An environmental front-runner designation (环保领跑者): GREEN until the next deduction.' })
export class FrontRunnerDesignation {
  @Field(() => ID)
  id: string;

  @Field(() => UsccScalar)
  uscc: string;

  @Field(() => DateScalar)
  designatedOn: string;

  @Field(() => String)
  decisionNo: string;

  @Field(() => DateScalar, { nullable: true, description: 'The day the next deduction took effect; null while it holds.' })
  lapsedOn: string | null;
}

@ObjectType()
export class DesignateFrontRunnerPayload {
  @Field(() => FrontRunnerDesignation)
  designation: FrontRunnerDesignation;

  @Field(() => EnvCredit, { nullable: true, description: 'Today’s rating after the designation.' })
  ratingAfter: EnvCredit | null;
}
