import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { CreditColor } from '../../../shared/credit-color';
import { PageInfo } from '../../../shared/paging/page-info.type';
import { DateScalar } from '../../../shared/scalars';
import { MarketEnterprise } from './enterprise.type';

@InputType({ description: 'What searchEnterprises looks for; every given criterion must hold (AND). PUBLIC may use nameContains and usccPrefix only.' })
export class EnterpriseFilter {
  @Field(() => String, { nullable: true, description: 'Part of the registered name (case-insensitive), at least 2 characters.' })
  nameContains?: string | null;

  @Field(() => String, { nullable: true, description: 'The first characters of the code (1 to 18 of the USCC alphabet).' })
  usccPrefix?: string | null;

  @Field(() => String, { nullable: true, description: "The registration's district (six-digit division code)." })
  districtCode?: string | null;

  @Field(() => CreditColor, { nullable: true, description: 'The colour on `colorAsOf` (default today); only rated subjects have one.' })
  color?: CreditColor | null;

  @Field(() => [CreditColor], { nullable: true, description: 'Any of these colours on `colorAsOf` (with `color`: either).' })
  colors?: CreditColor[] | null;

  @Field(() => DateScalar, { nullable: true, description: 'The date of `color`/`colors` and of `listed` (default today).' })
  colorAsOf?: string | null;

  @Field(() => String, { nullable: true, description: 'GB/T 4754 industry code of the registration.' })
  industryCode?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "true: on a list of market supervision or the credit office on `colorAsOf` (default today); false: on none.",
  })
  listed?: boolean | null;
}

@ObjectType({ description: 'One subject found, with the cursor to continue after it.' })
export class EnterpriseEdge {
  @Field(() => String)
  cursor: string;

  @Field(() => MarketEnterprise)
  node: MarketEnterprise;
}

@ObjectType({ description: 'A page of subjects, by code (a stable order): ask for the next with `after: pageInfo.endCursor`.' })
export class EnterpriseConnection {
  @Field(() => [EnterpriseEdge])
  edges: EnterpriseEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int, { description: 'Every subject the filter matches in the caller\'s scope, on all pages (computed only when asked for).' })
  totalCount: number;

  /** Counts the matches when `totalCount` is selected (not a GraphQL field). */
  countMatches: () => Promise<number>;
}
