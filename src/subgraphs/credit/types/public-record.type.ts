import { Field, Int, ObjectType, UseMiddleware } from 'type-graphql';
import { PageInfo } from '../../../shared/paging/page-info.type';
import { MaskPersonalData } from '../../../shared/personal-data';
import { DateScalar, UsccScalar } from '../../../shared/scalars';

@ObjectType({ description: 'An administrative penalty in the 双公示 format (DOMAIN.md §9); descriptions name the feed column.' })
export class PenaltyRecord {
  @Field(() => String, { description: 'CF_XDR_MC' })
  subjectName: string;

  @Field(() => UsccScalar, { description: 'CF_XDR_SHXYM' })
  uscc: string;

  @Field(() => String, { nullable: true, description: 'CF_FDDB (supervisors only)' })
  legalRepresentative: string | null;

  @Field(() => String, { description: 'CF_WSH' })
  decisionNo: string;

  @UseMiddleware(MaskPersonalData)
  @Field(() => String, { description: 'CF_WFXW' })
  violationType: string;

  @UseMiddleware(MaskPersonalData)
  @Field(() => String, { description: 'CF_SY' })
  facts: string;

  @Field(() => String, { description: 'CF_YJ' })
  legalBasis: string;

  @Field(() => String, { description: 'CF_CFLB (警告, 罚款, …)' })
  penaltyCategory: string;

  @UseMiddleware(MaskPersonalData)
  @Field(() => String, { description: 'CF_NR' })
  content: string;

  @Field(() => String, { nullable: true, description: 'CF_NR_FK: fine in 10,000 CNY, exact decimal string.' })
  fineAmount: string | null;

  @Field(() => DateScalar, { description: 'CF_JDRQ' })
  decidedOn: string;

  @Field(() => DateScalar, { description: 'CF_YXQ' })
  validUntil: string;

  @Field(() => DateScalar, { nullable: true, description: 'CF_GSJZQ' })
  publicityEndsOn: string | null;

  @Field(() => String, { description: 'CF_CFJG' })
  authority: string;

  @Field(() => String, { description: 'CF_CFJGDM' })
  authorityUscc: string;

  @Field(() => String, { description: 'CF_SJLY' })
  dataSource: string;

  @Field(() => String, { description: 'CF_SJLYDM' })
  dataSourceUscc: string;

  @UseMiddleware(MaskPersonalData)
  @Field(() => String, { nullable: true, description: 'BZ' })
  remarks: string | null;
}

@ObjectType({ description: "A court's dishonest-debtor record (失信被执行人)." })
export class DishonestDebtorRecord {
  @Field(() => String)
  caseNo: string;

  @Field(() => String)
  court: string;

  @UseMiddleware(MaskPersonalData)
  @Field(() => String)
  obligation: string;

  @Field(() => String, { description: 'UNPERFORMED or PARTIALLY_PERFORMED.' })
  performance: string;

  @Field(() => DateScalar)
  filedOn: string;

  @Field(() => DateScalar)
  publishedOn: string;

  @Field(() => DateScalar, { nullable: true })
  removedOn: string | null;
}

@ObjectType({ description: 'One penalty record, with the cursor to continue after it.' })
export class PenaltyRecordEdge {
  @Field(() => String)
  cursor: string;

  @Field(() => PenaltyRecord)
  node: PenaltyRecord;
}

@ObjectType({ description: "A page of a subject's penalty records, oldest first (by decision date, then arrival)." })
export class PenaltyRecordConnection {
  @Field(() => [PenaltyRecordEdge])
  edges: PenaltyRecordEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int)
  totalCount: number;
}
