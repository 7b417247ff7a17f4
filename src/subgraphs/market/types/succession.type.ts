import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar, UsccScalar } from '../../../shared/scalars';

export enum SuccessionKind {
  MERGER = 'MERGER',
  SPLIT = 'SPLIT',
  DEREGISTRATION = 'DEREGISTRATION',
}
registerEnumType(SuccessionKind, {
  name: 'SuccessionKind',
  description:
    'MERGER (合并): `from` subjects merge into the one surviving or new subject in `to`; SPLIT (分立): `from` is one subject, each of `to` inherits its whole history; DEREGISTRATION (注销): `from` subjects end, with at most one successor in `to`.',
});

@InputType({ description: 'A merger, split or deregistration, as market supervision records it (DOMAIN.md §11 Successors).' })
export class RecordSuccessionInput {
  @Field(() => SuccessionKind)
  kind: SuccessionKind;

  @Field(() => [UsccScalar], { description: 'The subjects that merge, split or end; registered codes.' })
  from: string[];

  @Field(() => [UsccScalar], { description: 'The successors; registered codes. Empty only for a DEREGISTRATION without successor.' })
  to: string[];

  @Field(() => DateScalar, { description: 'The day the merger, split or deregistration took effect.' })
  on: string;
}

@ObjectType({ description: 'A recorded succession.' })
export class Succession {
  @Field(() => ID)
  id: string;

  @Field(() => SuccessionKind)
  kind: SuccessionKind;

  @Field(() => [UsccScalar])
  from: string[];

  @Field(() => [UsccScalar])
  to: string[];

  @Field(() => DateScalar)
  on: string;
}
