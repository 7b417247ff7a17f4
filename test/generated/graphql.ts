/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null | undefined;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A calendar date, YYYY-MM-DD. */
  Date: { input: string; output: string; }
  /** Unified Social Credit Code (GB 32100-2015): 18 characters, check character verified. */
  USCC: { input: string; output: string; }
};

/** A partner credential. The key itself is never stored, only its hash. */
export type ApiClient = {
  __typename?: 'ApiClient';
  agency?: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['String']['output'];
  districtCode?: Maybe<Scalars['String']['output']>;
  expiresAt?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  isDemo: Scalars['Boolean']['output'];
  name: Scalars['String']['output'];
  revokedAt?: Maybe<Scalars['String']['output']>;
  role: Scalars['String']['output'];
};

export type AuditChainReport = {
  __typename?: 'AuditChainReport';
  /** Records verified before the first broken one (all of them when ok). */
  checked: Scalars['Int']['output'];
  firstBrokenId?: Maybe<Scalars['ID']['output']>;
  ok: Scalars['Boolean']['output'];
  reason?: Maybe<Scalars['String']['output']>;
};

export type AuditLogFilter = {
  clientId?: InputMaybe<Scalars['String']['input']>;
  /** environment, market, credit or finance: who read this department’s data. */
  department?: InputMaybe<Scalars['String']['input']>;
  /** A Type.field coordinate, e.g. Enterprise.creditRestriction. */
  field?: InputMaybe<Scalars['String']['input']>;
  /** ISO 8601; inclusive. */
  from?: InputMaybe<Scalars['String']['input']>;
  purpose?: InputMaybe<Scalars['String']['input']>;
  role?: InputMaybe<Scalars['String']['input']>;
  /** ISO 8601; exclusive. */
  to?: InputMaybe<Scalars['String']['input']>;
  uscc?: InputMaybe<Scalars['USCC']['input']>;
};

/** One request that read or wrote subject data (append-only, chained by hash). */
export type AuditRecord = {
  __typename?: 'AuditRecord';
  agency?: Maybe<Scalars['String']['output']>;
  /** ISO 8601 timestamp. */
  at: Scalars['String']['output'];
  clientId: Scalars['String']['output'];
  clientName: Scalars['String']['output'];
  /** Departments whose fields were asked. */
  departments: Array<Scalars['String']['output']>;
  errorCodes: Array<Scalars['String']['output']>;
  /** Every Type.field asked, e.g. Enterprise.creditRestriction. */
  fields: Array<Scalars['String']['output']>;
  hash: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** SHA-256 of the query text. */
  operationHash: Scalars['String']['output'];
  operationName?: Maybe<Scalars['String']['output']>;
  operationType: Scalars['String']['output'];
  /** OK, PARTIAL (some fields refused or failed) or FAILED. */
  outcome: Scalars['String']['output'];
  prevHash: Scalars['String']['output'];
  purpose?: Maybe<Scalars['String']['output']>;
  requestId: Scalars['String']['output'];
  role: Scalars['String']['output'];
  topLevelFields: Array<Scalars['String']['output']>;
  /** The subjects the request touched. */
  usccs: Array<Scalars['String']['output']>;
};

/** How many rated subjects of one group had one colour on a date. */
export type ColorBucket = {
  __typename?: 'ColorBucket';
  color: CreditColor;
  count: Scalars['Int']['output'];
  /** District code or industry code; UNKNOWN when not recorded. */
  group: Scalars['String']['output'];
};

export type CreateApiClientInput = {
  agency?: InputMaybe<Scalars['String']['input']>;
  /** Required for ENV_OFFICER. */
  districtCode?: InputMaybe<Scalars['String']['input']>;
  /** ISO 8601; the key stops working then. */
  expiresAt?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  /** A CONTRACT.md role other than PUBLIC. */
  role: Scalars['String']['input'];
};

/** Environmental credit colour, best (GREEN) to worst (BLACK). */
export type CreditColor =
  | 'BLACK'
  | 'BLUE'
  | 'GREEN'
  | 'RED'
  | 'YELLOW';

/** A scored event: a penalty decision or another supervision fact. */
export type CreditEvent = {
  __typename?: 'CreditEvent';
  decisionNo?: Maybe<Scalars['String']['output']>;
  description?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  occurredOn: Scalars['Date']['output'];
  points: Scalars['Int']['output'];
  /** Event-type code of the catalogue (FINE, WARNING, ...). */
  type: Scalars['String']['output'];
  validFrom: Scalars['Date']['output'];
  /** The day the points return (exclusive end of validity). */
  validUntil: Scalars['Date']['output'];
  voidReason?: Maybe<Scalars['String']['output']>;
  voided: Scalars['Boolean']['output'];
};

/** 严重失信主体名单 (SERIOUS_DISHONESTY), 失信被执行人 (COURT_DISHONEST_DEBTOR), 守信红名单 (RED_LIST). */
export type CreditListType =
  | 'COURT_DISHONEST_DEBTOR'
  | 'RED_LIST'
  | 'SERIOUS_DISHONESTY';

/** A designation on a credit-office list. */
export type CreditListing = {
  __typename?: 'CreditListing';
  authority: Scalars['String']['output'];
  documentNo?: Maybe<Scalars['String']['output']>;
  field: Scalars['String']['output'];
  listType: CreditListType;
  listedOn: Scalars['Date']['output'];
  reason: Scalars['String']['output'];
  removedOn?: Maybe<Scalars['Date']['output']>;
};

/** A credit record notice (环保信用记录告知书), served with the penalty decision. */
export type CreditNotice = {
  __typename?: 'CreditNotice';
  number: Scalars['String']['output'];
  text: Scalars['String']['output'];
};

/** A bank's answer: may this subject get credit, and on what basis. */
export type CreditRestriction = {
  __typename?: 'CreditRestriction';
  /** Why: the colour and its period, list entries with their document numbers, legal bases. */
  basis: Array<Scalars['String']['output']>;
  level: RestrictionLevel;
  restricted: Scalars['Boolean']['output'];
  /** Since when the current level holds. */
  since?: Maybe<Scalars['Date']['output']>;
};

export type DistributionGroup =
  | 'DISTRICT'
  | 'INDUSTRY';

export type EnrollRatedSubjectInput = {
  /** Supervising district; defaults to positions 3–8 of the code. */
  districtCode?: InputMaybe<Scalars['String']['input']>;
  /** GB/T 4754 industry code from the discharge-permit register. */
  industryCode?: InputMaybe<Scalars['String']['input']>;
  ratedFrom: Scalars['Date']['input'];
  /** ENTERPRISE (default), EIA_AGENCY, MONITORING_AGENCY, OM_AGENCY or TREATMENT_AGENCY. */
  subjectKind?: InputMaybe<Scalars['String']['input']>;
  uscc: Scalars['USCC']['input'];
};

export type Enterprise = {
  __typename?: 'Enterprise';
  /** Credit-office list designations, current and removed. */
  creditListings?: Maybe<Array<CreditListing>>;
  /** The bank's answer on `asOf` (default today). */
  creditRestriction?: Maybe<CreditRestriction>;
  /** Administrative division code of the registration, e.g. 320706. */
  districtCode: Scalars['String']['output'];
  /** The rating on `asOf` (default today); null when the subject is not rated. */
  envCredit?: Maybe<EnvCredit>;
  /** Every scored event, voided ones included, oldest first. */
  envCreditEvents?: Maybe<Array<CreditEvent>>;
  /** Industry code of GB/T 4754. */
  industryCode?: Maybe<Scalars['String']['output']>;
  legalRepresentative?: Maybe<Scalars['String']['output']>;
  legalRepresentativeIdNumber?: Maybe<Scalars['String']['output']>;
  marketListings?: Maybe<Array<MarketListing>>;
  name: Scalars['String']['output'];
  registeredOn?: Maybe<Scalars['Date']['output']>;
  /** ACTIVE, SUSPENDED, REVOKED or CANCELLED. */
  registrationStatus?: Maybe<Scalars['String']['output']>;
  uscc: Scalars['USCC']['output'];
};


export type EnterpriseCreditRestrictionArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
};


export type EnterpriseEnvCreditArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
};

/** The 12-point environmental credit rating on a date. */
export type EnvCredit = {
  __typename?: 'EnvCredit';
  color: CreditColor;
  /** The date this rating describes. */
  ratedOn: Scalars['Date']['output'];
  /** The 12-point score; not every partner may see it. */
  score?: Maybe<Scalars['Int']['output']>;
};

/** A client with its new key: shown this once. */
export type IssuedApiKey = {
  __typename?: 'IssuedApiKey';
  client: ApiClient;
  key: Scalars['String']['output'];
};

/** 经营异常名录 (ABNORMAL_OPERATIONS) or 严重违法失信名单 (SERIOUS_ILLEGAL_DISHONEST). */
export type MarketListType =
  | 'ABNORMAL_OPERATIONS'
  | 'SERIOUS_ILLEGAL_DISHONEST';

export type MarketListing = {
  __typename?: 'MarketListing';
  authority: Scalars['String']['output'];
  documentNo?: Maybe<Scalars['String']['output']>;
  listType: MarketListType;
  listedOn: Scalars['Date']['output'];
  reason: Scalars['String']['output'];
  removedOn?: Maybe<Scalars['Date']['output']>;
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Issues a client; its key is in this answer only. */
  createApiClient: IssuedApiKey;
  /** ENV_ADMIN: bring a registered subject into the rating scope; it starts at the policy's start score. */
  enrollRatedSubject: EnvCredit;
  /** ENV_ADMIN, or ENV_OFFICER for its own district: record an event; returns the event, the rating before and after it, and the notice. */
  recordCreditEvent: RecordCreditEventPayload;
  /** MARKET_REGULATOR or ENV_ADMIN: create or update a registration (idempotent on uscc). */
  registerEnterprise: Enterprise;
  revokeApiClient: ApiClient;
  /** Replaces the key; the old one stops working at once. */
  rotateApiClientKey: IssuedApiKey;
};


export type MutationCreateApiClientArgs = {
  input: CreateApiClientInput;
};


export type MutationEnrollRatedSubjectArgs = {
  input: EnrollRatedSubjectInput;
};


export type MutationRecordCreditEventArgs = {
  input: RecordCreditEventInput;
};


export type MutationRegisterEnterpriseArgs = {
  input: RegisterEnterpriseInput;
};


export type MutationRevokeApiClientArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRotateApiClientKeyArgs = {
  id: Scalars['ID']['input'];
};

export type Query = {
  __typename?: 'Query';
  apiClients: Array<ApiClient>;
  /** ENV_ADMIN: the audit trail, newest first; a department: who read its data. */
  auditLog: Array<AuditRecord>;
  /** Counts per colour, grouped by district or industry, as of a date (default today). */
  colorDistribution: Array<ColorBucket>;
  /** The subject with this code, or null when the hub does not know it. */
  enterprise?: Maybe<Enterprise>;
  /** Same order as asked; null for a code the hub does not know; at most 1000 codes. */
  enterprises: Array<Maybe<Enterprise>>;
  /** ENV_ADMIN: recomputes the hash chain and reports the first broken record. */
  verifyAuditChain: AuditChainReport;
};


export type QueryAuditLogArgs = {
  filter?: InputMaybe<AuditLogFilter>;
  limit?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryColorDistributionArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
  groupBy: DistributionGroup;
};


export type QueryEnterpriseArgs = {
  uscc: Scalars['USCC']['input'];
};


export type QueryEnterprisesArgs = {
  usccs: Array<Scalars['USCC']['input']>;
};

export type RecordCreditEventInput = {
  decisionNo?: InputMaybe<Scalars['String']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  occurredOn: Scalars['Date']['input'];
  /** The event's own points, within its type's allowed range; default the type's points. */
  points?: InputMaybe<Scalars['Int']['input']>;
  /** Event-type code of the catalogue (FINE, WARNING, CRIMINAL_LIABILITY, CREDIT_COMMITMENT, ...). */
  type: Scalars['String']['input'];
  uscc: Scalars['USCC']['input'];
};

export type RecordCreditEventPayload = {
  __typename?: 'RecordCreditEventPayload';
  event: CreditEvent;
  notice: CreditNotice;
  ratingAfter: EnvCredit;
  /** Today’s rating before the event; null if the subject had none. */
  ratingBefore?: Maybe<EnvCredit>;
};

export type RegisterEnterpriseInput = {
  /** Six-digit administrative division code. */
  districtCode: Scalars['String']['input'];
  industryCode?: InputMaybe<Scalars['String']['input']>;
  legalRepresentative?: InputMaybe<Scalars['String']['input']>;
  legalRepresentativeIdNumber?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  registeredOn?: InputMaybe<Scalars['Date']['input']>;
  /** ACTIVE (default), SUSPENDED, REVOKED or CANCELLED. */
  registrationStatus?: InputMaybe<Scalars['String']['input']>;
  uscc: Scalars['USCC']['input'];
};

export type RestrictionLevel =
  | 'NONE'
  | 'PROHIBITED'
  | 'RESTRICTED';

export type EnterpriseOverviewQueryVariables = Exact<{
  uscc: Scalars['USCC']['input'];
}>;


export type EnterpriseOverviewQuery = { __typename?: 'Query', enterprise?: { __typename?: 'Enterprise', uscc: string, name: string, districtCode: string, envCredit?: { __typename?: 'EnvCredit', color: CreditColor, score?: number | null, ratedOn: string } | null, creditListings?: Array<{ __typename?: 'CreditListing', listType: CreditListType, documentNo?: string | null }> | null, creditRestriction?: { __typename?: 'CreditRestriction', level: RestrictionLevel, restricted: boolean, basis: Array<string>, since?: string | null } | null } | null };

export type EnterprisesByCodeQueryVariables = Exact<{
  usccs: Array<Scalars['USCC']['input']> | Scalars['USCC']['input'];
}>;


export type EnterprisesByCodeQuery = { __typename?: 'Query', enterprises: Array<{ __typename?: 'Enterprise', uscc: string, name: string } | null> };

export type ColorDistributionQueryVariables = Exact<{
  groupBy: DistributionGroup;
  asOf?: InputMaybe<Scalars['Date']['input']>;
}>;


export type ColorDistributionQuery = { __typename?: 'Query', colorDistribution: Array<{ __typename?: 'ColorBucket', group: string, color: CreditColor, count: number }> };

export type RegisterEnterpriseMutationVariables = Exact<{
  input: RegisterEnterpriseInput;
}>;


export type RegisterEnterpriseMutation = { __typename?: 'Mutation', registerEnterprise: { __typename?: 'Enterprise', uscc: string, name: string, districtCode: string } };

export type EnrollRatedSubjectMutationVariables = Exact<{
  input: EnrollRatedSubjectInput;
}>;


export type EnrollRatedSubjectMutation = { __typename?: 'Mutation', enrollRatedSubject: { __typename?: 'EnvCredit', color: CreditColor, score?: number | null, ratedOn: string } };

export type RecordCreditEventMutationVariables = Exact<{
  input: RecordCreditEventInput;
}>;


export type RecordCreditEventMutation = { __typename?: 'Mutation', recordCreditEvent: { __typename?: 'RecordCreditEventPayload', event: { __typename?: 'CreditEvent', id: string, type: string, points: number, validFrom: string, validUntil: string }, ratingBefore?: { __typename?: 'EnvCredit', color: CreditColor, score?: number | null } | null, ratingAfter: { __typename?: 'EnvCredit', color: CreditColor, score?: number | null }, notice: { __typename?: 'CreditNotice', number: string, text: string } } };


export const EnterpriseOverviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EnterpriseOverview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"uscc"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"USCC"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enterprise"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"uscc"},"value":{"kind":"Variable","name":{"kind":"Name","value":"uscc"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uscc"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"districtCode"}},{"kind":"Field","name":{"kind":"Name","value":"envCredit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"color"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"ratedOn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"creditListings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"listType"}},{"kind":"Field","name":{"kind":"Name","value":"documentNo"}}]}},{"kind":"Field","name":{"kind":"Name","value":"creditRestriction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"restricted"}},{"kind":"Field","name":{"kind":"Name","value":"basis"}},{"kind":"Field","name":{"kind":"Name","value":"since"}}]}}]}}]}}]} as unknown as DocumentNode<EnterpriseOverviewQuery, EnterpriseOverviewQueryVariables>;
export const EnterprisesByCodeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EnterprisesByCode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"usccs"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"USCC"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enterprises"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"usccs"},"value":{"kind":"Variable","name":{"kind":"Name","value":"usccs"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uscc"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<EnterprisesByCodeQuery, EnterprisesByCodeQueryVariables>;
export const ColorDistributionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ColorDistribution"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DistributionGroup"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"colorDistribution"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"group"}},{"kind":"Field","name":{"kind":"Name","value":"color"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}}]} as unknown as DocumentNode<ColorDistributionQuery, ColorDistributionQueryVariables>;
export const RegisterEnterpriseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RegisterEnterprise"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RegisterEnterpriseInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"registerEnterprise"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uscc"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"districtCode"}}]}}]}}]} as unknown as DocumentNode<RegisterEnterpriseMutation, RegisterEnterpriseMutationVariables>;
export const EnrollRatedSubjectDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EnrollRatedSubject"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EnrollRatedSubjectInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enrollRatedSubject"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"color"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"ratedOn"}}]}}]}}]} as unknown as DocumentNode<EnrollRatedSubjectMutation, EnrollRatedSubjectMutationVariables>;
export const RecordCreditEventDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordCreditEvent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordCreditEventInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordCreditEvent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"event"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"validFrom"}},{"kind":"Field","name":{"kind":"Name","value":"validUntil"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ratingBefore"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"color"}},{"kind":"Field","name":{"kind":"Name","value":"score"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ratingAfter"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"color"}},{"kind":"Field","name":{"kind":"Name","value":"score"}}]}},{"kind":"Field","name":{"kind":"Name","value":"notice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}}]}}]}}]} as unknown as DocumentNode<RecordCreditEventMutation, RecordCreditEventMutationVariables>;