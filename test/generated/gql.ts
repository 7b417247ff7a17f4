/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query EnterpriseOverview($uscc: USCC!) {\n  enterprise(uscc: $uscc) {\n    uscc\n    name\n    districtCode\n    envCredit {\n      color\n      score\n      ratedOn\n    }\n    creditListings {\n      listType\n      documentNo\n    }\n    creditRestriction {\n      level\n      restricted\n      basis\n      since\n    }\n  }\n}\n\nquery EnterprisesByCode($usccs: [USCC!]!) {\n  enterprises(usccs: $usccs) {\n    uscc\n    name\n  }\n}\n\nquery ColorDistribution($groupBy: DistributionGroup!, $asOf: Date) {\n  colorDistribution(groupBy: $groupBy, asOf: $asOf) {\n    group\n    color\n    count\n  }\n}\n\nmutation RegisterEnterprise($input: RegisterEnterpriseInput!) {\n  registerEnterprise(input: $input) {\n    uscc\n    name\n    districtCode\n  }\n}\n\nmutation EnrollRatedSubject($input: EnrollRatedSubjectInput!) {\n  enrollRatedSubject(input: $input) {\n    color\n    score\n    ratedOn\n  }\n}\n\nmutation RecordCreditEvent($input: RecordCreditEventInput!) {\n  recordCreditEvent(input: $input) {\n    event {\n      id\n      type\n      points\n      validFrom\n      validUntil\n    }\n    ratingBefore {\n      color\n      score\n    }\n    ratingAfter {\n      color\n      score\n    }\n    notice {\n      number\n      text\n    }\n  }\n}": typeof types.EnterpriseOverviewDocument,
};
const documents: Documents = {
    "query EnterpriseOverview($uscc: USCC!) {\n  enterprise(uscc: $uscc) {\n    uscc\n    name\n    districtCode\n    envCredit {\n      color\n      score\n      ratedOn\n    }\n    creditListings {\n      listType\n      documentNo\n    }\n    creditRestriction {\n      level\n      restricted\n      basis\n      since\n    }\n  }\n}\n\nquery EnterprisesByCode($usccs: [USCC!]!) {\n  enterprises(usccs: $usccs) {\n    uscc\n    name\n  }\n}\n\nquery ColorDistribution($groupBy: DistributionGroup!, $asOf: Date) {\n  colorDistribution(groupBy: $groupBy, asOf: $asOf) {\n    group\n    color\n    count\n  }\n}\n\nmutation RegisterEnterprise($input: RegisterEnterpriseInput!) {\n  registerEnterprise(input: $input) {\n    uscc\n    name\n    districtCode\n  }\n}\n\nmutation EnrollRatedSubject($input: EnrollRatedSubjectInput!) {\n  enrollRatedSubject(input: $input) {\n    color\n    score\n    ratedOn\n  }\n}\n\nmutation RecordCreditEvent($input: RecordCreditEventInput!) {\n  recordCreditEvent(input: $input) {\n    event {\n      id\n      type\n      points\n      validFrom\n      validUntil\n    }\n    ratingBefore {\n      color\n      score\n    }\n    ratingAfter {\n      color\n      score\n    }\n    notice {\n      number\n      text\n    }\n  }\n}": types.EnterpriseOverviewDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query EnterpriseOverview($uscc: USCC!) {\n  enterprise(uscc: $uscc) {\n    uscc\n    name\n    districtCode\n    envCredit {\n      color\n      score\n      ratedOn\n    }\n    creditListings {\n      listType\n      documentNo\n    }\n    creditRestriction {\n      level\n      restricted\n      basis\n      since\n    }\n  }\n}\n\nquery EnterprisesByCode($usccs: [USCC!]!) {\n  enterprises(usccs: $usccs) {\n    uscc\n    name\n  }\n}\n\nquery ColorDistribution($groupBy: DistributionGroup!, $asOf: Date) {\n  colorDistribution(groupBy: $groupBy, asOf: $asOf) {\n    group\n    color\n    count\n  }\n}\n\nmutation RegisterEnterprise($input: RegisterEnterpriseInput!) {\n  registerEnterprise(input: $input) {\n    uscc\n    name\n    districtCode\n  }\n}\n\nmutation EnrollRatedSubject($input: EnrollRatedSubjectInput!) {\n  enrollRatedSubject(input: $input) {\n    color\n    score\n    ratedOn\n  }\n}\n\nmutation RecordCreditEvent($input: RecordCreditEventInput!) {\n  recordCreditEvent(input: $input) {\n    event {\n      id\n      type\n      points\n      validFrom\n      validUntil\n    }\n    ratingBefore {\n      color\n      score\n    }\n    ratingAfter {\n      color\n      score\n    }\n    notice {\n      number\n      text\n    }\n  }\n}"): (typeof documents)["query EnterpriseOverview($uscc: USCC!) {\n  enterprise(uscc: $uscc) {\n    uscc\n    name\n    districtCode\n    envCredit {\n      color\n      score\n      ratedOn\n    }\n    creditListings {\n      listType\n      documentNo\n    }\n    creditRestriction {\n      level\n      restricted\n      basis\n      since\n    }\n  }\n}\n\nquery EnterprisesByCode($usccs: [USCC!]!) {\n  enterprises(usccs: $usccs) {\n    uscc\n    name\n  }\n}\n\nquery ColorDistribution($groupBy: DistributionGroup!, $asOf: Date) {\n  colorDistribution(groupBy: $groupBy, asOf: $asOf) {\n    group\n    color\n    count\n  }\n}\n\nmutation RegisterEnterprise($input: RegisterEnterpriseInput!) {\n  registerEnterprise(input: $input) {\n    uscc\n    name\n    districtCode\n  }\n}\n\nmutation EnrollRatedSubject($input: EnrollRatedSubjectInput!) {\n  enrollRatedSubject(input: $input) {\n    color\n    score\n    ratedOn\n  }\n}\n\nmutation RecordCreditEvent($input: RecordCreditEventInput!) {\n  recordCreditEvent(input: $input) {\n    event {\n      id\n      type\n      points\n      validFrom\n      validUntil\n    }\n    ratingBefore {\n      color\n      score\n    }\n    ratingAfter {\n      color\n      score\n    }\n    notice {\n      number\n      text\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;