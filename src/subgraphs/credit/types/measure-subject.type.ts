import { Field, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../../../shared/paging/page-info.type';
import { CreditEnterprise } from './credit-enterprise.type';

@ObjectType({ description: 'One subject a measure applies to, with the cursor to continue after it.' })
export class MeasureSubjectEdge {
  @Field(() => String)
  cursor: string;

  @Field(() => CreditEnterprise)
  node: CreditEnterprise;
}

@ObjectType({ description: 'A page of the subjects a measure applies to, by code.' })
export class MeasureSubjectConnection {
  @Field(() => [MeasureSubjectEdge])
  edges: MeasureSubjectEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int, { description: 'Every subject the measure applies to in the caller\'s scope.' })
  totalCount: number;
}
