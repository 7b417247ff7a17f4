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

/** Puts a registered subject on a market-supervision list. */
export type AddMarketListingInput = {
  /** Deciding authority; default the caller's agency. */
  authority?: InputMaybe<Scalars['String']['input']>;
  documentNo?: InputMaybe<Scalars['String']['input']>;
  listType: MarketListType;
  listedOn: Scalars['Date']['input'];
  reason: Scalars['String']['input'];
  uscc: Scalars['USCC']['input'];
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

/** A measure that applies to a subject on a date, and why. */
export type AppliedMeasure = {
  __typename?: 'AppliedMeasure';
  measure: Measure;
  /** The colour and its period, or the list entry with its document number, that triggers it. */
  reason: Scalars['String']['output'];
  /** Since when it applies without interruption. */
  since?: Maybe<Scalars['Date']['output']>;
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
  id: Scalars['ID']['output'];
  listType: CreditListType;
  listedOn: Scalars['Date']['output'];
  reason: Scalars['String']['output'];
  removalReason?: Maybe<Scalars['String']['output']>;
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
  /** GREEN on the date and not restricted: priority for green credit (绿色信贷). */
  greenCreditPriority: Scalars['Boolean']['output'];
  level: RestrictionLevel;
  restricted: Scalars['Boolean']['output'];
  /** Since when the current level holds. */
  since?: Maybe<Scalars['Date']['output']>;
};

/** CREDIT_OFFICE: a new version of a measure from `effectiveFrom` on. A version of the same code in force that day ends there; earlier history stays. */
export type DefineMeasureInput = {
  /** BANK, UTILITY, ENVIRONMENT, MARKET_SUPERVISION, … */
  agencyKind: Scalars['String']['input'];
  /** Upper-case code, e.g. BANK_CREDIT_RESTRICTION. */
  code: Scalars['String']['input'];
  effectiveFrom: Scalars['Date']['input'];
  effectiveTo?: InputMaybe<Scalars['Date']['input']>;
  implementingAgency: Scalars['String']['input'];
  kind: MeasureKind;
  legalBasis: Scalars['String']['input'];
  name: Scalars['String']['input'];
  nature: MeasureNature;
  triggerKind: MeasureTriggerKind;
  triggerValues: Array<Scalars['String']['input']>;
};

/** CREDIT_OFFICE: designates a subject on one of its lists. */
export type DesignateCreditListingInput = {
  /** Deciding authority; default the caller's agency. */
  authority?: InputMaybe<Scalars['String']['input']>;
  documentNo?: InputMaybe<Scalars['String']['input']>;
  /** Field of the designation; default ENVIRONMENT. */
  field?: InputMaybe<Scalars['String']['input']>;
  listType: CreditListType;
  listedOn: Scalars['Date']['input'];
  reason: Scalars['String']['input'];
  uscc: Scalars['USCC']['input'];
};

/** A court's dishonest-debtor record (失信被执行人). */
export type DishonestDebtorRecord = {
  __typename?: 'DishonestDebtorRecord';
  caseNo: Scalars['String']['output'];
  court: Scalars['String']['output'];
  filedOn: Scalars['Date']['output'];
  obligation: Scalars['String']['output'];
  /** UNPERFORMED or PARTIALLY_PERFORMED. */
  performance: Scalars['String']['output'];
  publishedOn: Scalars['Date']['output'];
  removedOn?: Maybe<Scalars['Date']['output']>;
};

export type DistributionGroup =
  | 'DISTRICT'
  | 'INDUSTRY';

/** The differential electricity price surcharge for the half-year containing the asked date (DOMAIN.md §6). */
export type ElectricitySurcharge = {
  __typename?: 'ElectricitySurcharge';
  basis: Scalars['String']['output'];
  /** The half-year it applies to, YYYY-MM-DD/YYYY-MM-DD. */
  period: Scalars['String']['output'];
  /** CNY per kWh, an exact decimal string ("0.05"); "0.00" is the normal price. */
  surchargePerKwh: Scalars['String']['output'];
};

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
  /** Registered address. */
  address?: Maybe<Scalars['String']['output']>;
  /** Credit-office list designations, current and removed. */
  creditListings?: Maybe<Array<CreditListing>>;
  /** The bank's answer on `asOf` (default today). */
  creditRestriction?: Maybe<CreditRestriction>;
  /** Court dishonest-debtor records (失信被执行人), current and removed. */
  dishonestDebtorRecords?: Maybe<Array<DishonestDebtorRecord>>;
  /** Administrative division code of the registration, e.g. 320706. */
  districtCode: Scalars['String']['output'];
  /** Differential electricity surcharge for the half-year containing `asOf` (default today); null as for sewageFee. */
  electricitySurcharge?: Maybe<ElectricitySurcharge>;
  /** Type of entity as registered, e.g. 有限责任公司. */
  enterpriseType?: Maybe<Scalars['String']['output']>;
  /** The rating on `asOf` (default today); null when the subject is not rated. */
  envCredit?: Maybe<EnvCredit>;
  /** Every scored event, voided ones included, oldest first. */
  envCreditEvents?: Maybe<Array<CreditEvent>>;
  /** Industry code of GB/T 4754. */
  industryCode?: Maybe<Scalars['String']['output']>;
  /** The joint rewards and punishments that apply on `asOf` (default today), and why. Banks and utilities see their own measures only. */
  jointMeasures?: Maybe<Array<AppliedMeasure>>;
  legalRepresentative?: Maybe<Scalars['String']['output']>;
  legalRepresentativeIdNumber?: Maybe<Scalars['String']['output']>;
  marketListings?: Maybe<Array<MarketListing>>;
  name: Scalars['String']['output'];
  /** Administrative penalties from every agency, in the 双公示 format, oldest first. */
  publicPenaltyRecords?: Maybe<Array<PenaltyRecord>>;
  /** Registered capital in CNY, an exact decimal string such as "5000000.00". */
  registeredCapital?: Maybe<Scalars['String']['output']>;
  /** Founding (registration) date. */
  registeredOn?: Maybe<Scalars['Date']['output']>;
  /** ACTIVE, SUSPENDED, REVOKED or CANCELLED. */
  registrationStatus?: Maybe<Scalars['String']['output']>;
  /** Sewage-fee surcharge for the half-year containing `asOf` (default today); null when not rated or the deciding snapshot is still ahead. */
  sewageFee?: Maybe<SewageFee>;
  uscc: Scalars['USCC']['output'];
};


export type EnterpriseCreditRestrictionArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
};


export type EnterpriseElectricitySurchargeArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
};


export type EnterpriseEnvCreditArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
};


export type EnterpriseJointMeasuresArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
};


export type EnterpriseSewageFeeArgs = {
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

export type FeedbackOutcome =
  | 'APPLIED'
  | 'EXEMPTED'
  | 'NOT_APPLIED';

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
  /** The deciding authority. */
  authority: Scalars['String']['output'];
  /** Number of the listing decision. */
  documentNo?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  listType: MarketListType;
  listedOn: Scalars['Date']['output'];
  reason: Scalars['String']['output'];
  removalReason?: Maybe<Scalars['String']['output']>;
  /** The day the entry ended; null while it lasts. */
  removedOn?: Maybe<Scalars['Date']['output']>;
  uscc: Scalars['USCC']['output'];
};

/** A row of the joint rewards and punishments catalogue (DOMAIN.md §5). */
export type Measure = {
  __typename?: 'Measure';
  /** BANK, UTILITY, ENVIRONMENT, …: which partners see and report on the measure. */
  agencyKind: Scalars['String']['output'];
  code: Scalars['String']['output'];
  effectiveFrom: Scalars['Date']['output'];
  /** Exclusive; null while in force. */
  effectiveTo?: Maybe<Scalars['Date']['output']>;
  implementingAgency: Scalars['String']['output'];
  kind: MeasureKind;
  legalBasis: Scalars['String']['output'];
  name: Scalars['String']['output'];
  nature: MeasureNature;
  triggerKind: MeasureTriggerKind;
  /** Colours (GREEN … BLACK) or list types (SERIOUS_DISHONESTY, SERIOUS_ILLEGAL_DISHONEST, …). */
  triggerValues: Array<Scalars['String']['output']>;
};

/** What an implementing agency did about a measure for a subject. */
export type MeasureFeedback = {
  __typename?: 'MeasureFeedback';
  /** The reporting agency. */
  agency: Scalars['String']['output'];
  appliedOn: Scalars['Date']['output'];
  /** The business item (loan application, billing account, tender, …). */
  businessRef?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** The legal basis of the measure version in force on appliedOn. */
  legalBasis: Scalars['String']['output'];
  measureCode: Scalars['String']['output'];
  /** Required for NOT_APPLIED: the reason. */
  note?: Maybe<Scalars['String']['output']>;
  outcome: FeedbackOutcome;
  uscc: Scalars['USCC']['output'];
};

export type MeasureFeedbackInput = {
  /** When the agency acted (not in the future). */
  appliedOn: Scalars['Date']['input'];
  businessRef?: InputMaybe<Scalars['String']['input']>;
  measureCode: Scalars['String']['input'];
  /** Required for NOT_APPLIED: the reason. */
  note?: InputMaybe<Scalars['String']['input']>;
  /** CREDIT_OFFICE only: the agency it reports for (an agency without a hub account). */
  onBehalfOf?: InputMaybe<Scalars['String']['input']>;
  outcome: FeedbackOutcome;
  uscc: Scalars['USCC']['input'];
};

/** Feedback on one measure from one reporting agency, for the initiating bureau. */
export type MeasureFeedbackRollup = {
  __typename?: 'MeasureFeedbackRollup';
  /** The reporting agency; null on the row of a measure nobody reported on. */
  agency?: Maybe<Scalars['String']['output']>;
  applied: Scalars['Int']['output'];
  exempted: Scalars['Int']['output'];
  measure: Measure;
  notApplied: Scalars['Int']['output'];
  /** Subjects due in the window: exact for measures triggered by the credit office's own lists; null where due-ness depends on another department's data (colour, market lists) — ask enterprises(usccs:) { jointMeasures } for those. */
  subjectsDue?: Maybe<Scalars['Int']['output']>;
  /** Distinct subjects reported on. */
  subjectsReported: Scalars['Int']['output'];
};

/** Administrative, market, industry or social measure (DOMAIN.md §5). */
export type MeasureKind =
  | 'ADMINISTRATIVE'
  | 'INDUSTRY'
  | 'MARKET'
  | 'SOCIAL';

export type MeasureNature =
  | 'PUNISHMENT'
  | 'REWARD';

/** COLOR: triggered by an environmental credit colour; LISTING: by an entry on a named credit-office or market list. */
export type MeasureTriggerKind =
  | 'COLOR'
  | 'LISTING';

export type Mutation = {
  __typename?: 'Mutation';
  /** MARKET_REGULATOR: put a registered subject on a market-supervision list. */
  addMarketListing: MarketListing;
  /** Issues a client; its key is in this answer only. */
  createApiClient: IssuedApiKey;
  /** CREDIT_OFFICE: a new version of a catalogue measure from a date on. */
  defineMeasure: Measure;
  /** CREDIT_OFFICE: designate a subject on a credit-office list. */
  designateCreditListing: CreditListing;
  /** ENV_ADMIN: bring a registered subject into the rating scope; it starts at the policy's start score. */
  enrollRatedSubject: EnvCredit;
  /** ENV_ADMIN, or ENV_OFFICER for its own district: record an event; returns the event, the rating before and after it, and the notice. */
  recordCreditEvent: RecordCreditEventPayload;
  /** MARKET_REGULATOR or ENV_ADMIN: create or update a registration (idempotent on uscc). */
  registerEnterprise: Enterprise;
  /** CREDIT_OFFICE: end a designation (kept with its removal date and reason). */
  removeCreditListing: CreditListing;
  /** MARKET_REGULATOR: end a list entry (kept with its removal date and reason). */
  removeMarketListing: MarketListing;
  /** An implementing agency reports what it did about a measure for a subject. */
  reportMeasureFeedback: MeasureFeedback;
  revokeApiClient: ApiClient;
  /** Replaces the key; the old one stops working at once. */
  rotateApiClientKey: IssuedApiKey;
};


export type MutationAddMarketListingArgs = {
  input: AddMarketListingInput;
};


export type MutationCreateApiClientArgs = {
  input: CreateApiClientInput;
};


export type MutationDefineMeasureArgs = {
  input: DefineMeasureInput;
};


export type MutationDesignateCreditListingArgs = {
  input: DesignateCreditListingInput;
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


export type MutationRemoveCreditListingArgs = {
  input: RemoveCreditListingInput;
};


export type MutationRemoveMarketListingArgs = {
  input: RemoveMarketListingInput;
};


export type MutationReportMeasureFeedbackArgs = {
  input: MeasureFeedbackInput;
};


export type MutationRevokeApiClientArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRotateApiClientKeyArgs = {
  id: Scalars['ID']['input'];
};

/** An administrative penalty in the 双公示 format (DOMAIN.md §9); descriptions name the feed column. */
export type PenaltyRecord = {
  __typename?: 'PenaltyRecord';
  /** CF_CFJG */
  authority: Scalars['String']['output'];
  /** CF_CFJGDM */
  authorityUscc: Scalars['String']['output'];
  /** CF_NR */
  content: Scalars['String']['output'];
  /** CF_SJLY */
  dataSource: Scalars['String']['output'];
  /** CF_SJLYDM */
  dataSourceUscc: Scalars['String']['output'];
  /** CF_JDRQ */
  decidedOn: Scalars['Date']['output'];
  /** CF_WSH */
  decisionNo: Scalars['String']['output'];
  /** CF_SY */
  facts: Scalars['String']['output'];
  /** CF_NR_FK: fine in 10,000 CNY, exact decimal string. */
  fineAmount?: Maybe<Scalars['String']['output']>;
  /** CF_YJ */
  legalBasis: Scalars['String']['output'];
  /** CF_FDDB (supervisors only) */
  legalRepresentative?: Maybe<Scalars['String']['output']>;
  /** CF_CFLB (警告, 罚款, …) */
  penaltyCategory: Scalars['String']['output'];
  /** CF_GSJZQ */
  publicityEndsOn?: Maybe<Scalars['Date']['output']>;
  /** BZ */
  remarks?: Maybe<Scalars['String']['output']>;
  /** CF_XDR_MC */
  subjectName: Scalars['String']['output'];
  /** CF_XDR_SHXYM */
  uscc: Scalars['USCC']['output'];
  /** CF_YXQ */
  validUntil: Scalars['Date']['output'];
  /** CF_WFXW */
  violationType: Scalars['String']['output'];
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
  /** The joint rewards and punishments catalogue in force on `asOf` (default today). */
  measureCatalog: Array<Measure>;
  /** CREDIT_OFFICE, ENV_ADMIN: feedback per measure and reporting agency for appliedOn in [from, to] (default: the last 365 days). */
  measureFeedbackRollup: Array<MeasureFeedbackRollup>;
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


export type QueryMeasureCatalogArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
};


export type QueryMeasureFeedbackRollupArgs = {
  from?: InputMaybe<Scalars['Date']['input']>;
  to?: InputMaybe<Scalars['Date']['input']>;
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
  address?: InputMaybe<Scalars['String']['input']>;
  /** Six-digit administrative division code. */
  districtCode: Scalars['String']['input'];
  /** Type of entity as registered, e.g. 有限责任公司. */
  enterpriseType?: InputMaybe<Scalars['String']['input']>;
  industryCode?: InputMaybe<Scalars['String']['input']>;
  legalRepresentative?: InputMaybe<Scalars['String']['input']>;
  legalRepresentativeIdNumber?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  /** Registered capital in CNY as a decimal string, at most 2 decimals ("5000000.00"). */
  registeredCapital?: InputMaybe<Scalars['String']['input']>;
  /** Founding (registration) date. */
  registeredOn?: InputMaybe<Scalars['Date']['input']>;
  /** ACTIVE (default), SUSPENDED, REVOKED or CANCELLED. */
  registrationStatus?: InputMaybe<Scalars['String']['input']>;
  uscc: Scalars['USCC']['input'];
};

/** CREDIT_OFFICE: ends a designation; the row stays with its removal date and reason. */
export type RemoveCreditListingInput = {
  id: Scalars['ID']['input'];
  removalReason: Scalars['String']['input'];
  removedOn: Scalars['Date']['input'];
};

/** Ends a list entry; the entry keeps its row with the removal date and reason. */
export type RemoveMarketListingInput = {
  id: Scalars['ID']['input'];
  removalReason: Scalars['String']['input'];
  removedOn: Scalars['Date']['input'];
};

export type RestrictionLevel =
  | 'NONE'
  | 'PROHIBITED'
  | 'RESTRICTED';

/** The sewage treatment fee surcharge for the half-year containing the asked date (DOMAIN.md §6). */
export type SewageFee = {
  __typename?: 'SewageFee';
  /** The snapshot colour and day that decide it, and the legal basis. */
  basis: Scalars['String']['output'];
  /** The half-year it applies to, YYYY-MM-DD/YYYY-MM-DD. */
  period: Scalars['String']['output'];
  /** CNY per m³ on top of the normal fee, an exact decimal string ("0.60"); "0.00" is the normal fee. */
  surchargePerCubicMetre: Scalars['String']['output'];
};

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

export type AppliedMeasureFieldsFragment = { __typename?: 'AppliedMeasure', reason: string, since?: string | null, measure: { __typename?: 'Measure', code: string, name: string, nature: MeasureNature, implementingAgency: string, agencyKind: string, legalBasis: string } };

export type SupervisorViewQueryVariables = Exact<{
  uscc: Scalars['USCC']['input'];
  asOf?: InputMaybe<Scalars['Date']['input']>;
}>;


export type SupervisorViewQuery = { __typename?: 'Query', enterprise?: { __typename?: 'Enterprise', uscc: string, jointMeasures?: Array<{ __typename?: 'AppliedMeasure', reason: string, since?: string | null, measure: { __typename?: 'Measure', code: string, name: string, nature: MeasureNature, implementingAgency: string, agencyKind: string, legalBasis: string } }> | null, creditRestriction?: { __typename?: 'CreditRestriction', level: RestrictionLevel, restricted: boolean, basis: Array<string>, since?: string | null, greenCreditPriority: boolean } | null, sewageFee?: { __typename?: 'SewageFee', surchargePerCubicMetre: string, period: string, basis: string } | null, electricitySurcharge?: { __typename?: 'ElectricitySurcharge', surchargePerKwh: string, period: string, basis: string } | null } | null };

export type BankViewQueryVariables = Exact<{
  uscc: Scalars['USCC']['input'];
  asOf?: InputMaybe<Scalars['Date']['input']>;
}>;


export type BankViewQuery = { __typename?: 'Query', enterprise?: { __typename?: 'Enterprise', uscc: string, jointMeasures?: Array<{ __typename?: 'AppliedMeasure', reason: string, since?: string | null, measure: { __typename?: 'Measure', code: string, name: string, nature: MeasureNature, implementingAgency: string, agencyKind: string, legalBasis: string } }> | null, creditRestriction?: { __typename?: 'CreditRestriction', level: RestrictionLevel, restricted: boolean, basis: Array<string>, since?: string | null, greenCreditPriority: boolean } | null } | null };

export type UtilityViewQueryVariables = Exact<{
  uscc: Scalars['USCC']['input'];
  asOf?: InputMaybe<Scalars['Date']['input']>;
}>;


export type UtilityViewQuery = { __typename?: 'Query', enterprise?: { __typename?: 'Enterprise', uscc: string, jointMeasures?: Array<{ __typename?: 'AppliedMeasure', reason: string, since?: string | null, measure: { __typename?: 'Measure', code: string, name: string, nature: MeasureNature, implementingAgency: string, agencyKind: string, legalBasis: string } }> | null, sewageFee?: { __typename?: 'SewageFee', surchargePerCubicMetre: string, period: string, basis: string } | null, electricitySurcharge?: { __typename?: 'ElectricitySurcharge', surchargePerKwh: string, period: string, basis: string } | null } | null };

export type MeasuresOnlyQueryVariables = Exact<{
  uscc: Scalars['USCC']['input'];
}>;


export type MeasuresOnlyQuery = { __typename?: 'Query', enterprise?: { __typename?: 'Enterprise', uscc: string, jointMeasures?: Array<{ __typename?: 'AppliedMeasure', measure: { __typename?: 'Measure', code: string } }> | null } | null };

export type SewageFeeOnlyQueryVariables = Exact<{
  uscc: Scalars['USCC']['input'];
}>;


export type SewageFeeOnlyQuery = { __typename?: 'Query', enterprise?: { __typename?: 'Enterprise', uscc: string, sewageFee?: { __typename?: 'SewageFee', surchargePerCubicMetre: string } | null } | null };

export type RestrictionOnlyQueryVariables = Exact<{
  uscc: Scalars['USCC']['input'];
}>;


export type RestrictionOnlyQuery = { __typename?: 'Query', enterprise?: { __typename?: 'Enterprise', uscc: string, creditRestriction?: { __typename?: 'CreditRestriction', level: RestrictionLevel } | null } | null };

export type MeasureCatalogQueryVariables = Exact<{
  asOf?: InputMaybe<Scalars['Date']['input']>;
}>;


export type MeasureCatalogQuery = { __typename?: 'Query', measureCatalog: Array<{ __typename?: 'Measure', code: string, name: string, nature: MeasureNature, kind: MeasureKind, triggerKind: MeasureTriggerKind, triggerValues: Array<string>, implementingAgency: string, agencyKind: string, legalBasis: string, effectiveFrom: string, effectiveTo?: string | null }> };

export type DefineMeasureMutationVariables = Exact<{
  input: DefineMeasureInput;
}>;


export type DefineMeasureMutation = { __typename?: 'Mutation', defineMeasure: { __typename?: 'Measure', code: string, name: string, effectiveFrom: string, effectiveTo?: string | null } };

export type ReportMeasureFeedbackMutationVariables = Exact<{
  input: MeasureFeedbackInput;
}>;


export type ReportMeasureFeedbackMutation = { __typename?: 'Mutation', reportMeasureFeedback: { __typename?: 'MeasureFeedback', id: string, uscc: string, measureCode: string, outcome: FeedbackOutcome, appliedOn: string, businessRef?: string | null, note?: string | null, agency: string, legalBasis: string } };

export type MeasureFeedbackRollupQueryVariables = Exact<{
  from?: InputMaybe<Scalars['Date']['input']>;
  to?: InputMaybe<Scalars['Date']['input']>;
}>;


export type MeasureFeedbackRollupQuery = { __typename?: 'Query', measureFeedbackRollup: Array<{ __typename?: 'MeasureFeedbackRollup', agency?: string | null, subjectsDue?: number | null, subjectsReported: number, applied: number, notApplied: number, exempted: number, measure: { __typename?: 'Measure', code: string, implementingAgency: string } }> };

export type DesignateCreditListingMutationVariables = Exact<{
  input: DesignateCreditListingInput;
}>;


export type DesignateCreditListingMutation = { __typename?: 'Mutation', designateCreditListing: { __typename?: 'CreditListing', id: string, listType: CreditListType, documentNo?: string | null, listedOn: string, removedOn?: string | null } };

export type RemoveCreditListingMutationVariables = Exact<{
  input: RemoveCreditListingInput;
}>;


export type RemoveCreditListingMutation = { __typename?: 'Mutation', removeCreditListing: { __typename?: 'CreditListing', id: string, removedOn?: string | null, removalReason?: string | null } };

export type AddMarketListingMutationVariables = Exact<{
  input: AddMarketListingInput;
}>;


export type AddMarketListingMutation = { __typename?: 'Mutation', addMarketListing: { __typename?: 'MarketListing', id: string, uscc: string, listType: MarketListType, authority: string, documentNo?: string | null, listedOn: string } };

export type RemoveMarketListingMutationVariables = Exact<{
  input: RemoveMarketListingInput;
}>;


export type RemoveMarketListingMutation = { __typename?: 'Mutation', removeMarketListing: { __typename?: 'MarketListing', id: string, removedOn?: string | null, removalReason?: string | null } };

export type RegisterFullRecordMutationVariables = Exact<{
  input: RegisterEnterpriseInput;
}>;


export type RegisterFullRecordMutation = { __typename?: 'Mutation', registerEnterprise: { __typename?: 'Enterprise', uscc: string, name: string, enterpriseType?: string | null, registeredCapital?: string | null, registeredOn?: string | null, address?: string | null, registrationStatus?: string | null } };

export type RegistrationRecordQueryVariables = Exact<{
  uscc: Scalars['USCC']['input'];
}>;


export type RegistrationRecordQuery = { __typename?: 'Query', enterprise?: { __typename?: 'Enterprise', uscc: string, name: string, enterpriseType?: string | null, registeredCapital?: string | null, registeredOn?: string | null, address?: string | null, registrationStatus?: string | null, industryCode?: string | null, legalRepresentative?: string | null, marketListings?: Array<{ __typename?: 'MarketListing', id: string, listType: MarketListType, reason: string, authority: string, documentNo?: string | null, listedOn: string, removedOn?: string | null, removalReason?: string | null }> | null } | null };

export type EverythingBatchQueryVariables = Exact<{
  usccs: Array<Scalars['USCC']['input']> | Scalars['USCC']['input'];
}>;


export type EverythingBatchQuery = { __typename?: 'Query', enterprises: Array<{ __typename?: 'Enterprise', uscc: string, name: string, districtCode: string, registrationStatus?: string | null, industryCode?: string | null, enterpriseType?: string | null, registeredCapital?: string | null, registeredOn?: string | null, address?: string | null, legalRepresentative?: string | null, envCredit?: { __typename?: 'EnvCredit', color: CreditColor, score?: number | null } | null, marketListings?: Array<{ __typename?: 'MarketListing', listType: MarketListType, reason: string, authority: string, documentNo?: string | null, listedOn: string, removedOn?: string | null }> | null, creditListings?: Array<{ __typename?: 'CreditListing', listType: CreditListType, reason: string, authority: string, documentNo?: string | null, listedOn: string, removedOn?: string | null }> | null, publicPenaltyRecords?: Array<{ __typename?: 'PenaltyRecord', decisionNo: string, penaltyCategory: string, fineAmount?: string | null, decidedOn: string, authority: string }> | null, dishonestDebtorRecords?: Array<{ __typename?: 'DishonestDebtorRecord', caseNo: string, court: string, publishedOn: string }> | null, jointMeasures?: Array<{ __typename?: 'AppliedMeasure', reason: string, since?: string | null, measure: { __typename?: 'Measure', code: string, name: string, nature: MeasureNature, implementingAgency: string, agencyKind: string, legalBasis: string } }> | null, creditRestriction?: { __typename?: 'CreditRestriction', level: RestrictionLevel, restricted: boolean, basis: Array<string>, since?: string | null, greenCreditPriority: boolean } | null, sewageFee?: { __typename?: 'SewageFee', surchargePerCubicMetre: string, period: string, basis: string } | null, electricitySurcharge?: { __typename?: 'ElectricitySurcharge', surchargePerKwh: string, period: string, basis: string } | null } | null> };

export type BankBatchQueryVariables = Exact<{
  usccs: Array<Scalars['USCC']['input']> | Scalars['USCC']['input'];
}>;


export type BankBatchQuery = { __typename?: 'Query', enterprises: Array<{ __typename?: 'Enterprise', uscc: string, name: string, envCredit?: { __typename?: 'EnvCredit', color: CreditColor } | null, creditRestriction?: { __typename?: 'CreditRestriction', level: RestrictionLevel, restricted: boolean, basis: Array<string>, since?: string | null } | null, jointMeasures?: Array<{ __typename?: 'AppliedMeasure', since?: string | null, measure: { __typename?: 'Measure', code: string } }> | null } | null> };

export const AppliedMeasureFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AppliedMeasureFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AppliedMeasure"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"measure"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nature"}},{"kind":"Field","name":{"kind":"Name","value":"implementingAgency"}},{"kind":"Field","name":{"kind":"Name","value":"agencyKind"}},{"kind":"Field","name":{"kind":"Name","value":"legalBasis"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"since"}}]}}]} as unknown as DocumentNode<AppliedMeasureFieldsFragment, unknown>;
export const EnterpriseOverviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EnterpriseOverview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"uscc"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"USCC"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enterprise"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"uscc"},"value":{"kind":"Variable","name":{"kind":"Name","value":"uscc"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uscc"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"districtCode"}},{"kind":"Field","name":{"kind":"Name","value":"envCredit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"color"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"ratedOn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"creditListings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"listType"}},{"kind":"Field","name":{"kind":"Name","value":"documentNo"}}]}},{"kind":"Field","name":{"kind":"Name","value":"creditRestriction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"restricted"}},{"kind":"Field","name":{"kind":"Name","value":"basis"}},{"kind":"Field","name":{"kind":"Name","value":"since"}}]}}]}}]}}]} as unknown as DocumentNode<EnterpriseOverviewQuery, EnterpriseOverviewQueryVariables>;
export const EnterprisesByCodeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EnterprisesByCode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"usccs"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"USCC"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enterprises"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"usccs"},"value":{"kind":"Variable","name":{"kind":"Name","value":"usccs"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uscc"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<EnterprisesByCodeQuery, EnterprisesByCodeQueryVariables>;
export const ColorDistributionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ColorDistribution"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DistributionGroup"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"colorDistribution"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"group"}},{"kind":"Field","name":{"kind":"Name","value":"color"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}}]} as unknown as DocumentNode<ColorDistributionQuery, ColorDistributionQueryVariables>;
export const RegisterEnterpriseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RegisterEnterprise"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RegisterEnterpriseInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"registerEnterprise"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uscc"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"districtCode"}}]}}]}}]} as unknown as DocumentNode<RegisterEnterpriseMutation, RegisterEnterpriseMutationVariables>;
export const EnrollRatedSubjectDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EnrollRatedSubject"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EnrollRatedSubjectInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enrollRatedSubject"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"color"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"ratedOn"}}]}}]}}]} as unknown as DocumentNode<EnrollRatedSubjectMutation, EnrollRatedSubjectMutationVariables>;
export const RecordCreditEventDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordCreditEvent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordCreditEventInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordCreditEvent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"event"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"validFrom"}},{"kind":"Field","name":{"kind":"Name","value":"validUntil"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ratingBefore"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"color"}},{"kind":"Field","name":{"kind":"Name","value":"score"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ratingAfter"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"color"}},{"kind":"Field","name":{"kind":"Name","value":"score"}}]}},{"kind":"Field","name":{"kind":"Name","value":"notice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}}]}}]}}]} as unknown as DocumentNode<RecordCreditEventMutation, RecordCreditEventMutationVariables>;
export const SupervisorViewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SupervisorView"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"uscc"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"USCC"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enterprise"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"uscc"},"value":{"kind":"Variable","name":{"kind":"Name","value":"uscc"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uscc"}},{"kind":"Field","name":{"kind":"Name","value":"jointMeasures"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AppliedMeasureFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"creditRestriction"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"restricted"}},{"kind":"Field","name":{"kind":"Name","value":"basis"}},{"kind":"Field","name":{"kind":"Name","value":"since"}},{"kind":"Field","name":{"kind":"Name","value":"greenCreditPriority"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sewageFee"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"surchargePerCubicMetre"}},{"kind":"Field","name":{"kind":"Name","value":"period"}},{"kind":"Field","name":{"kind":"Name","value":"basis"}}]}},{"kind":"Field","name":{"kind":"Name","value":"electricitySurcharge"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"surchargePerKwh"}},{"kind":"Field","name":{"kind":"Name","value":"period"}},{"kind":"Field","name":{"kind":"Name","value":"basis"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AppliedMeasureFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AppliedMeasure"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"measure"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nature"}},{"kind":"Field","name":{"kind":"Name","value":"implementingAgency"}},{"kind":"Field","name":{"kind":"Name","value":"agencyKind"}},{"kind":"Field","name":{"kind":"Name","value":"legalBasis"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"since"}}]}}]} as unknown as DocumentNode<SupervisorViewQuery, SupervisorViewQueryVariables>;
export const BankViewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BankView"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"uscc"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"USCC"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enterprise"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"uscc"},"value":{"kind":"Variable","name":{"kind":"Name","value":"uscc"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uscc"}},{"kind":"Field","name":{"kind":"Name","value":"jointMeasures"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AppliedMeasureFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"creditRestriction"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"restricted"}},{"kind":"Field","name":{"kind":"Name","value":"basis"}},{"kind":"Field","name":{"kind":"Name","value":"since"}},{"kind":"Field","name":{"kind":"Name","value":"greenCreditPriority"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AppliedMeasureFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AppliedMeasure"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"measure"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nature"}},{"kind":"Field","name":{"kind":"Name","value":"implementingAgency"}},{"kind":"Field","name":{"kind":"Name","value":"agencyKind"}},{"kind":"Field","name":{"kind":"Name","value":"legalBasis"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"since"}}]}}]} as unknown as DocumentNode<BankViewQuery, BankViewQueryVariables>;
export const UtilityViewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UtilityView"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"uscc"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"USCC"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enterprise"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"uscc"},"value":{"kind":"Variable","name":{"kind":"Name","value":"uscc"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uscc"}},{"kind":"Field","name":{"kind":"Name","value":"jointMeasures"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AppliedMeasureFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sewageFee"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"surchargePerCubicMetre"}},{"kind":"Field","name":{"kind":"Name","value":"period"}},{"kind":"Field","name":{"kind":"Name","value":"basis"}}]}},{"kind":"Field","name":{"kind":"Name","value":"electricitySurcharge"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"surchargePerKwh"}},{"kind":"Field","name":{"kind":"Name","value":"period"}},{"kind":"Field","name":{"kind":"Name","value":"basis"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AppliedMeasureFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AppliedMeasure"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"measure"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nature"}},{"kind":"Field","name":{"kind":"Name","value":"implementingAgency"}},{"kind":"Field","name":{"kind":"Name","value":"agencyKind"}},{"kind":"Field","name":{"kind":"Name","value":"legalBasis"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"since"}}]}}]} as unknown as DocumentNode<UtilityViewQuery, UtilityViewQueryVariables>;
export const MeasuresOnlyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MeasuresOnly"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"uscc"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"USCC"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enterprise"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"uscc"},"value":{"kind":"Variable","name":{"kind":"Name","value":"uscc"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uscc"}},{"kind":"Field","name":{"kind":"Name","value":"jointMeasures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"measure"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]}}]} as unknown as DocumentNode<MeasuresOnlyQuery, MeasuresOnlyQueryVariables>;
export const SewageFeeOnlyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SewageFeeOnly"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"uscc"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"USCC"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enterprise"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"uscc"},"value":{"kind":"Variable","name":{"kind":"Name","value":"uscc"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uscc"}},{"kind":"Field","name":{"kind":"Name","value":"sewageFee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"surchargePerCubicMetre"}}]}}]}}]}}]} as unknown as DocumentNode<SewageFeeOnlyQuery, SewageFeeOnlyQueryVariables>;
export const RestrictionOnlyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RestrictionOnly"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"uscc"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"USCC"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enterprise"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"uscc"},"value":{"kind":"Variable","name":{"kind":"Name","value":"uscc"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uscc"}},{"kind":"Field","name":{"kind":"Name","value":"creditRestriction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"level"}}]}}]}}]}}]} as unknown as DocumentNode<RestrictionOnlyQuery, RestrictionOnlyQueryVariables>;
export const MeasureCatalogDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MeasureCatalog"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"measureCatalog"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nature"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"triggerKind"}},{"kind":"Field","name":{"kind":"Name","value":"triggerValues"}},{"kind":"Field","name":{"kind":"Name","value":"implementingAgency"}},{"kind":"Field","name":{"kind":"Name","value":"agencyKind"}},{"kind":"Field","name":{"kind":"Name","value":"legalBasis"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveFrom"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveTo"}}]}}]}}]} as unknown as DocumentNode<MeasureCatalogQuery, MeasureCatalogQueryVariables>;
export const DefineMeasureDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DefineMeasure"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DefineMeasureInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"defineMeasure"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveFrom"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveTo"}}]}}]}}]} as unknown as DocumentNode<DefineMeasureMutation, DefineMeasureMutationVariables>;
export const ReportMeasureFeedbackDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReportMeasureFeedback"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MeasureFeedbackInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reportMeasureFeedback"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"uscc"}},{"kind":"Field","name":{"kind":"Name","value":"measureCode"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"appliedOn"}},{"kind":"Field","name":{"kind":"Name","value":"businessRef"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"agency"}},{"kind":"Field","name":{"kind":"Name","value":"legalBasis"}}]}}]}}]} as unknown as DocumentNode<ReportMeasureFeedbackMutation, ReportMeasureFeedbackMutationVariables>;
export const MeasureFeedbackRollupDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MeasureFeedbackRollup"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"measureFeedbackRollup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"measure"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"implementingAgency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"agency"}},{"kind":"Field","name":{"kind":"Name","value":"subjectsDue"}},{"kind":"Field","name":{"kind":"Name","value":"subjectsReported"}},{"kind":"Field","name":{"kind":"Name","value":"applied"}},{"kind":"Field","name":{"kind":"Name","value":"notApplied"}},{"kind":"Field","name":{"kind":"Name","value":"exempted"}}]}}]}}]} as unknown as DocumentNode<MeasureFeedbackRollupQuery, MeasureFeedbackRollupQueryVariables>;
export const DesignateCreditListingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DesignateCreditListing"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DesignateCreditListingInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"designateCreditListing"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"listType"}},{"kind":"Field","name":{"kind":"Name","value":"documentNo"}},{"kind":"Field","name":{"kind":"Name","value":"listedOn"}},{"kind":"Field","name":{"kind":"Name","value":"removedOn"}}]}}]}}]} as unknown as DocumentNode<DesignateCreditListingMutation, DesignateCreditListingMutationVariables>;
export const RemoveCreditListingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveCreditListing"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RemoveCreditListingInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeCreditListing"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"removedOn"}},{"kind":"Field","name":{"kind":"Name","value":"removalReason"}}]}}]}}]} as unknown as DocumentNode<RemoveCreditListingMutation, RemoveCreditListingMutationVariables>;
export const AddMarketListingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddMarketListing"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddMarketListingInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addMarketListing"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"uscc"}},{"kind":"Field","name":{"kind":"Name","value":"listType"}},{"kind":"Field","name":{"kind":"Name","value":"authority"}},{"kind":"Field","name":{"kind":"Name","value":"documentNo"}},{"kind":"Field","name":{"kind":"Name","value":"listedOn"}}]}}]}}]} as unknown as DocumentNode<AddMarketListingMutation, AddMarketListingMutationVariables>;
export const RemoveMarketListingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveMarketListing"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RemoveMarketListingInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeMarketListing"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"removedOn"}},{"kind":"Field","name":{"kind":"Name","value":"removalReason"}}]}}]}}]} as unknown as DocumentNode<RemoveMarketListingMutation, RemoveMarketListingMutationVariables>;
export const RegisterFullRecordDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RegisterFullRecord"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RegisterEnterpriseInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"registerEnterprise"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uscc"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"enterpriseType"}},{"kind":"Field","name":{"kind":"Name","value":"registeredCapital"}},{"kind":"Field","name":{"kind":"Name","value":"registeredOn"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"registrationStatus"}}]}}]}}]} as unknown as DocumentNode<RegisterFullRecordMutation, RegisterFullRecordMutationVariables>;
export const RegistrationRecordDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RegistrationRecord"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"uscc"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"USCC"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enterprise"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"uscc"},"value":{"kind":"Variable","name":{"kind":"Name","value":"uscc"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uscc"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"enterpriseType"}},{"kind":"Field","name":{"kind":"Name","value":"registeredCapital"}},{"kind":"Field","name":{"kind":"Name","value":"registeredOn"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"registrationStatus"}},{"kind":"Field","name":{"kind":"Name","value":"industryCode"}},{"kind":"Field","name":{"kind":"Name","value":"legalRepresentative"}},{"kind":"Field","name":{"kind":"Name","value":"marketListings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"listType"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"authority"}},{"kind":"Field","name":{"kind":"Name","value":"documentNo"}},{"kind":"Field","name":{"kind":"Name","value":"listedOn"}},{"kind":"Field","name":{"kind":"Name","value":"removedOn"}},{"kind":"Field","name":{"kind":"Name","value":"removalReason"}}]}}]}}]}}]} as unknown as DocumentNode<RegistrationRecordQuery, RegistrationRecordQueryVariables>;
export const EverythingBatchDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EverythingBatch"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"usccs"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"USCC"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enterprises"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"usccs"},"value":{"kind":"Variable","name":{"kind":"Name","value":"usccs"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uscc"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"districtCode"}},{"kind":"Field","name":{"kind":"Name","value":"registrationStatus"}},{"kind":"Field","name":{"kind":"Name","value":"industryCode"}},{"kind":"Field","name":{"kind":"Name","value":"enterpriseType"}},{"kind":"Field","name":{"kind":"Name","value":"registeredCapital"}},{"kind":"Field","name":{"kind":"Name","value":"registeredOn"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"legalRepresentative"}},{"kind":"Field","name":{"kind":"Name","value":"envCredit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"color"}},{"kind":"Field","name":{"kind":"Name","value":"score"}}]}},{"kind":"Field","name":{"kind":"Name","value":"marketListings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"listType"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"authority"}},{"kind":"Field","name":{"kind":"Name","value":"documentNo"}},{"kind":"Field","name":{"kind":"Name","value":"listedOn"}},{"kind":"Field","name":{"kind":"Name","value":"removedOn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"creditListings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"listType"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"authority"}},{"kind":"Field","name":{"kind":"Name","value":"documentNo"}},{"kind":"Field","name":{"kind":"Name","value":"listedOn"}},{"kind":"Field","name":{"kind":"Name","value":"removedOn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"publicPenaltyRecords"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decisionNo"}},{"kind":"Field","name":{"kind":"Name","value":"penaltyCategory"}},{"kind":"Field","name":{"kind":"Name","value":"fineAmount"}},{"kind":"Field","name":{"kind":"Name","value":"decidedOn"}},{"kind":"Field","name":{"kind":"Name","value":"authority"}}]}},{"kind":"Field","name":{"kind":"Name","value":"dishonestDebtorRecords"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"caseNo"}},{"kind":"Field","name":{"kind":"Name","value":"court"}},{"kind":"Field","name":{"kind":"Name","value":"publishedOn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"jointMeasures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AppliedMeasureFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"creditRestriction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"restricted"}},{"kind":"Field","name":{"kind":"Name","value":"basis"}},{"kind":"Field","name":{"kind":"Name","value":"since"}},{"kind":"Field","name":{"kind":"Name","value":"greenCreditPriority"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sewageFee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"surchargePerCubicMetre"}},{"kind":"Field","name":{"kind":"Name","value":"period"}},{"kind":"Field","name":{"kind":"Name","value":"basis"}}]}},{"kind":"Field","name":{"kind":"Name","value":"electricitySurcharge"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"surchargePerKwh"}},{"kind":"Field","name":{"kind":"Name","value":"period"}},{"kind":"Field","name":{"kind":"Name","value":"basis"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AppliedMeasureFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AppliedMeasure"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"measure"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nature"}},{"kind":"Field","name":{"kind":"Name","value":"implementingAgency"}},{"kind":"Field","name":{"kind":"Name","value":"agencyKind"}},{"kind":"Field","name":{"kind":"Name","value":"legalBasis"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"since"}}]}}]} as unknown as DocumentNode<EverythingBatchQuery, EverythingBatchQueryVariables>;
export const BankBatchDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BankBatch"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"usccs"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"USCC"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enterprises"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"usccs"},"value":{"kind":"Variable","name":{"kind":"Name","value":"usccs"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uscc"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"envCredit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"color"}}]}},{"kind":"Field","name":{"kind":"Name","value":"creditRestriction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"restricted"}},{"kind":"Field","name":{"kind":"Name","value":"basis"}},{"kind":"Field","name":{"kind":"Name","value":"since"}}]}},{"kind":"Field","name":{"kind":"Name","value":"jointMeasures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"measure"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"since"}}]}}]}}]}}]} as unknown as DocumentNode<BankBatchQuery, BankBatchQueryVariables>;