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
  /** A date-time string at UTC, such as 2007-12-03T10:15:30Z, compliant with the `date-time` format outlined in section 5.6 of the RFC 3339 profile of the ISO 8601 standard for representation of dates and times using the Gregorian calendar. */
  DateTime: { input: string; output: string; }
  /** Unified Social Credit Code (GB 32100-2015): 18 characters, check character verified. */
  USCC: { input: string; output: string; }
};

export type AddEventTypeVersionInput = {
  clearForcedColor?: InputMaybe<Scalars['Boolean']['input']>;
  /** Upper-case code, e.g. FINE. */
  code: Scalars['String']['input'];
  defaultPoints?: InputMaybe<Scalars['Int']['input']>;
  /** After today. */
  effectiveFrom: Scalars['Date']['input'];
  /** Direct judgement; omit to keep, and set clearForcedColor to remove. */
  forcedColor?: InputMaybe<CreditColor>;
  legalBasis: Scalars['String']['input'];
  maxPoints?: InputMaybe<Scalars['Int']['input']>;
  minPoints?: InputMaybe<Scalars['Int']['input']>;
  nameEn?: InputMaybe<Scalars['String']['input']>;
  nameZh?: InputMaybe<Scalars['String']['input']>;
  /** 0 removes the limit. */
  oncePerMonths?: InputMaybe<Scalars['Int']['input']>;
  /** 0 makes the type unpublished. */
  publicityMonths?: InputMaybe<Scalars['Int']['input']>;
  subjectKind: Scalars['String']['input'];
  validityMonths?: InputMaybe<Scalars['Int']['input']>;
};

export type AddInspectorInput = {
  /** A city district; an ENV_OFFICER adds to its own district only. */
  districtCode: Scalars['String']['input'];
  name: Scalars['String']['input'];
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

export type AddScoringPolicyVersionInput = {
  blueMin?: InputMaybe<Scalars['Int']['input']>;
  /** After today: a change never rewrites ratings already given. */
  effectiveFrom: Scalars['Date']['input'];
  frontRunnerCleanMonths?: InputMaybe<Scalars['Int']['input']>;
  greenMin?: InputMaybe<Scalars['Int']['input']>;
  /** Document title and number. */
  legalBasis: Scalars['String']['input'];
  maxScore?: InputMaybe<Scalars['Int']['input']>;
  objectionDays?: InputMaybe<Scalars['Int']['input']>;
  publicityMaxMonths?: InputMaybe<Scalars['Int']['input']>;
  publicityMinMonths?: InputMaybe<Scalars['Int']['input']>;
  redMin?: InputMaybe<Scalars['Int']['input']>;
  startScore?: InputMaybe<Scalars['Int']['input']>;
  subjectKind: Scalars['String']['input'];
  validityOffsetDays?: InputMaybe<Scalars['Int']['input']>;
  yellowMin?: InputMaybe<Scalars['Int']['input']>;
};

/** One headline figure of the yearly summary (a table of rows). */
export type AnnualFigure = {
  __typename?: 'AnnualFigure';
  /** Stable key: subjectsRated, colorsAtStartByDistrict, colorsAtEndByDistrict, colorsAtStartByIndustry, colorsAtEndByIndustry, movements, eventsByType, objections, repairs, inspections, measureFeedback, surcharges, frontRunners, timeliness. */
  key: Scalars['String']['output'];
  rows: Array<AnnualFigureRow>;
  /** Chinese title as printed. */
  title: Scalars['String']['output'];
};

/** One line of a figure: a label, its count, and the subjects behind it. */
export type AnnualFigureRow = {
  __typename?: 'AnnualFigureRow';
  count: Scalars['Int']['output'];
  /** What is counted, e.g. "320706/RED", "BLUE→RED", "FINE", "H2/0.60". */
  label: Scalars['String']['output'];
  /** The subjects behind the count, by code: as many as the count for a count of subjects, the distinct subjects of a count of occurrences; empty only for the number of inspection draws. */
  subjects: Array<Scalars['USCC']['output']>;
};

/** The bureau's yearly summary of credit supervision (总结报告), built from the hub's API answers for every subject rated in the year. */
export type AnnualSupervisionReport = {
  __typename?: 'AnnualSupervisionReport';
  /** Path of the CSV for the social-credit department (GET, authenticated). */
  csvPath: Scalars['String']['output'];
  figures: Array<AnnualFigure>;
  from: Scalars['Date']['output'];
  /** Path of the PDF (GET, authenticated as the same roles). */
  pdfPath: Scalars['String']['output'];
  /** Subjects rated on some day of the year. */
  subjectsRated: Scalars['Int']['output'];
  /** Timely collection per district (DOMAIN.md: 5 working days, Jiangsu). */
  timeliness: Array<DistrictTimeliness>;
  /** 31 December, or today for the running year. */
  to: Scalars['Date']['output'];
  year: Scalars['Int']['output'];
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

export type ApplyCreditRepairInput = {
  /** The day the application was received (default today). */
  appliedOn?: InputMaybe<Scalars['Date']['input']>;
  eventId: Scalars['ID']['input'];
  /** What the subject corrected (整改), with evidence. */
  reason: Scalars['String']['input'];
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

/** A day of the national holiday calendar that is not an ordinary day. */
export type CalendarDay = {
  __typename?: 'CalendarDay';
  day: Scalars['Date']['output'];
  kind: CalendarDayKind;
  /** The holiday it belongs to (元旦, 春节, …). */
  name?: Maybe<Scalars['String']['output']>;
  /** Where the day comes from (the State Council notice of that year). */
  source: Scalars['String']['output'];
};

export type CalendarDayInput = {
  day: Scalars['Date']['input'];
  kind: CalendarDayKind;
  name?: InputMaybe<Scalars['String']['input']>;
};

/** HOLIDAY: a public holiday (weekends inside it included); WORKDAY: a make-up working day (调休上班). */
export type CalendarDayKind =
  | 'HOLIDAY'
  | 'WORKDAY';

/** A change a partner may subscribe to (docs/partners.md, "Webhooks"). */
export type ChangeEventType =
  | 'COLOR_CHANGED'
  | 'LISTING_CHANGED'
  | 'MEASURE_ENDED'
  | 'MEASURE_STARTED'
  | 'RESTRICTION_CHANGED'
  | 'SURCHARGE_DECIDED';

/** How many rated subjects of one group had one colour on a date. */
export type ColorBucket = {
  __typename?: 'ColorBucket';
  color: CreditColor;
  /** Zero counts are included: every group the caller may see has a bucket for each of the five colours. */
  count: Scalars['Int']['output'];
  /** Drill-down: pass it as `searchEnterprises(filter:)` to page through the subjects counted here; null for the UNKNOWN industry group. */
  filter?: Maybe<ColorBucketFilter>;
  /** District code or industry code; UNKNOWN when not recorded. */
  group: Scalars['String']['output'];
  /** The group's name: the district's (连云区 …; the province for a district of another city) or the industry's (GB/T 4754 class, else its section); null when unknown. */
  groupName?: Maybe<Scalars['String']['output']>;
};

/** The searchEnterprises filter that lists the subjects counted in a bucket (drill-down). */
export type ColorBucketFilter = {
  __typename?: 'ColorBucketFilter';
  color: CreditColor;
  colorAsOf: Scalars['Date']['output'];
  districtCode?: Maybe<Scalars['String']['output']>;
  industryCode?: Maybe<Scalars['String']['output']>;
};

/** ENROLLED: rating started; EVENT: an event took effect; EXPIRY: an event’s points returned; FRONT_RUNNER: designated; POLICY: a new policy version; VOIDED: an event was voided (objection upheld or correction). */
export type ColorChangeCause =
  | 'ENROLLED'
  | 'EVENT'
  | 'EXPIRY'
  | 'FRONT_RUNNER'
  | 'POLICY'
  | 'VOIDED';

/** How many rated subjects had one colour on one day of a trend (zero counts included). */
export type ColorTrendPoint = {
  __typename?: 'ColorTrendPoint';
  color: CreditColor;
  count: Scalars['Int']['output'];
  /** The last day of a month, or the trend’s own date for its last point. */
  on: Scalars['Date']['output'];
};

/** A credit commitment (信用承诺) and how it stands: it runs 12 months from signing; a deduction dated inside them breaks it from that day (its +1 ends then, and no new commitment may be signed for 12 months). */
export type Commitment = {
  __typename?: 'Commitment';
  /** The deduction that broke it; null unless BROKEN. */
  brokenBy?: Maybe<CreditEvent>;
  /** The date of the deduction that broke it; null unless BROKEN. */
  brokenOn?: Maybe<Scalars['Date']['output']>;
  /** The commitment as recorded (event type CREDIT_COMMITMENT). */
  event: CreditEvent;
  /** The last day of its 12 months. */
  runsThrough: Scalars['Date']['output'];
  signedOn: Scalars['Date']['output'];
  state: CommitmentState;
};

/** RUNNING (履行中): inside the 12 months from signing, no deduction dated in them yet; KEPT (已履行): the 12 months ended with none; BROKEN (未履行): a deduction is dated inside them, whenever it was recorded. */
export type CommitmentState =
  | 'BROKEN'
  | 'KEPT'
  | 'RUNNING';

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

/** A change of colour and what caused it. */
export type CreditColorChange = {
  __typename?: 'CreditColorChange';
  cause: ColorChangeCause;
  colorAfter: CreditColor;
  /** Null at enrolment. */
  colorBefore?: Maybe<CreditColor>;
  /** The event that caused it (started, expired or was voided). */
  event?: Maybe<CreditEvent>;
  /** The day from which the colour changed. */
  on: Scalars['Date']['output'];
  /** For a voiding: the day it was recorded (it applies from `on`). */
  recordedOn?: Maybe<Scalars['Date']['output']>;
  scoreAfter: Scalars['Int']['output'];
  scoreBefore?: Maybe<Scalars['Int']['output']>;
  /** A change the hub showed that a later voiding took back. */
  superseded: Scalars['Boolean']['output'];
};

/** A scored event: a penalty decision or another supervision fact. */
export type CreditEvent = {
  __typename?: 'CreditEvent';
  decisionNo?: Maybe<Scalars['String']['output']>;
  description?: Maybe<Scalars['String']['output']>;
  /** Working days from the decision day to the day the hub learnt of it (knownOn), by the national holiday calendar. */
  entryDelayWorkingDays: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  /** The day the event became known to the hub (answers "as known on" a day leave out events known later). */
  knownOn: Scalars['Date']['output'];
  occurredOn: Scalars['Date']['output'];
  points: Scalars['Int']['output'];
  /** Exclusive end of public disclosure; null when not published (simple procedure, or not a penalty). */
  publicUntil?: Maybe<Scalars['Date']['output']>;
  /** Entered later than the limit (5 working days of its decision day, Jiangsu). */
  recordedLate: Scalars['Boolean']['output'];
  /** The day the decision was served; the objection window counts from it. */
  servedOn?: Maybe<Scalars['Date']['output']>;
  /** A penalty's severity (the catalogue's default for its type unless the decision said otherwise); null for other events. */
  severity?: Maybe<PenaltySeverity>;
  /** Why the severity differs from the catalogue's default. */
  severityReason?: Maybe<Scalars['String']['output']>;
  /** Decided by simple procedure (简易程序, WARNING and FINE only): never published. */
  simpleProcedure: Scalars['Boolean']['output'];
  /** Event-type code of the catalogue (FINE, WARNING, ...). */
  type: Scalars['String']['output'];
  validFrom: Scalars['Date']['output'];
  /** The day the points return (exclusive end of validity). */
  validUntil: Scalars['Date']['output'];
  voidReason?: Maybe<Scalars['String']['output']>;
  voided: Scalars['Boolean']['output'];
  /** The day it was voided. */
  voidedOn?: Maybe<Scalars['Date']['output']>;
};

/** A page of a subject's events, oldest first (by date, then id). */
export type CreditEventConnection = {
  __typename?: 'CreditEventConnection';
  edges: Array<CreditEventEdge>;
  pageInfo: PageInfo;
  /** Every event of the subject (voided ones included). */
  totalCount: Scalars['Int']['output'];
};

/** One event of a subject, with the cursor to continue after it. */
export type CreditEventEdge = {
  __typename?: 'CreditEventEdge';
  cursor: Scalars['String']['output'];
  node: CreditEvent;
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
  /** The day the hub learnt of the entry (DOMAIN.md §10 known-on dates); an answer as known on an earlier day leaves it out. */
  recordedOn: Scalars['Date']['output'];
  removalReason?: Maybe<Scalars['String']['output']>;
  /** The day the hub learnt of the removal; null while the entry lasts. */
  removalRecordedOn?: Maybe<Scalars['Date']['output']>;
  removedOn?: Maybe<Scalars['Date']['output']>;
};

/** A credit record notice (环保信用记录告知书), served with the penalty decision. */
export type CreditNotice = {
  __typename?: 'CreditNotice';
  /** The event the notice describes. */
  eventId?: Maybe<Scalars['ID']['output']>;
  /** Path of the printable HTML page on the gateway (GET, authenticated). */
  htmlPath?: Maybe<Scalars['String']['output']>;
  issuedOn?: Maybe<Scalars['Date']['output']>;
  number: Scalars['String']['output'];
  /** A short-lived signed link to the printable page on the gateway, which a browser opens without a credential (GET; refused once expired). */
  printUrl: Scalars['String']['output'];
  text: Scalars['String']['output'];
  uscc?: Maybe<Scalars['USCC']['output']>;
};

/** A credit repair application (信用修复) for a published penalty. */
export type CreditRepair = {
  __typename?: 'CreditRepair';
  appliedOn: Scalars['Date']['output'];
  decidedOn?: Maybe<Scalars['Date']['output']>;
  decisionNote?: Maybe<Scalars['String']['output']>;
  eventId: Scalars['ID']['output'];
  id: Scalars['ID']['output'];
  reason: Scalars['String']['output'];
  status: RepairStatus;
  uscc: Scalars['USCC']['output'];
};

/** An issued credit report (信用报告): its number, validity, verification code and links to its printable forms. */
export type CreditReport = {
  __typename?: 'CreditReport';
  /** The day whose facts the report states. */
  asOf: Scalars['Date']['output'];
  /** A short-lived signed link to the HTML page (GET, no credential). */
  htmlUrl: Scalars['String']['output'];
  issuedAt: Scalars['DateTime']['output'];
  /** The report number, e.g. XYBG-2026-7KQ2M9XPH4R (random, with an ISO 7064 MOD 37,36 check character); checked at /verify/<number>. */
  number: Scalars['String']['output'];
  /** A short-lived signed link to the PDF (GET, no credential). */
  pdfUrl: Scalars['String']['output'];
  /** What it was issued for (PROCUREMENT, BIDDING, …). */
  purpose: Scalars['String']['output'];
  uscc: Scalars['USCC']['output'];
  /** The last day the report is valid. */
  validUntil: Scalars['Date']['output'];
  /** Printed on the report; the receiving office gives it to /verify/<number>?code=…. */
  verificationCode: Scalars['String']['output'];
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

/** The rating on a half-year’s last day (30 June, 31 December), which decides the next half-year’s price surcharges. */
export type CreditSnapshot = {
  __typename?: 'CreditSnapshot';
  color: CreditColor;
  /** How many snapshots in a row, ending with this one, were RED. */
  consecutiveRed: Scalars['Int']['output'];
  /** The day of the latest correction; null when never corrected. */
  correctedOn?: Maybe<Scalars['Date']['output']>;
  /** The colour as originally taken, when corrected since. */
  originalColor?: Maybe<CreditColor>;
  periodEnd: Scalars['Date']['output'];
  score?: Maybe<Scalars['Int']['output']>;
  /** True when taken and stored (immutable); false when derived because it has not been taken yet. */
  stored: Scalars['Boolean']['output'];
  /** 1 for the snapshot as taken, 2… for corrected versions (an objection upheld after it was taken); 0 when derived. */
  version: Scalars['Int']['output'];
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
  /** Makes it a price measure, following the half-year snapshot (see Measure.priceKind). */
  priceKind?: InputMaybe<PriceKind>;
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
  /** A SERIOUS_DISHONESTY designation may name its 法定代表人, 主要负责人 and 直接责任人 (name and resident ID number, check digit verified). */
  responsiblePersons?: InputMaybe<Array<ResponsiblePersonInput>>;
  uscc: Scalars['USCC']['input'];
};

export type DesignateFrontRunnerInput = {
  /** The bureau’s designation document number. */
  decisionNo: Scalars['String']['input'];
  /** Default today. */
  designatedOn?: InputMaybe<Scalars['Date']['input']>;
  uscc: Scalars['USCC']['input'];
};

export type DesignateFrontRunnerPayload = {
  __typename?: 'DesignateFrontRunnerPayload';
  designation: FrontRunnerDesignation;
  /** Today’s rating after the designation. */
  ratingAfter?: Maybe<EnvCredit>;
};

/** PUBLISHED: shown to the public; REPAIRED: withdrawn after credit repair (still scored until it expires); ENDED: publicity period over; VOIDED. */
export type DisclosureState =
  | 'ENDED'
  | 'PUBLISHED'
  | 'REPAIRED'
  | 'VOIDED';

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

/** Timely collection in one district: the decisions of the year, how many were entered later than 5 working days after their decision day, and the median delay. */
export type DistrictTimeliness = {
  __typename?: 'DistrictTimeliness';
  districtCode: Scalars['String']['output'];
  /** Decisions of the year (not voided) of subjects of the district. */
  entered: Scalars['Int']['output'];
  /** Of them, entered late (recordedLate). */
  late: Scalars['Int']['output'];
  /** late / entered. */
  lateShare: Scalars['Float']['output'];
  /** Median of the working days from decision day to entry. */
  medianDelayWorkingDays: Scalars['Float']['output'];
};

export type DrawInspectionsInput = {
  /** The day whose colours define the population (default today). */
  asOf?: InputMaybe<Scalars['Date']['input']>;
  /** Colours of the population (default all). */
  colors?: InputMaybe<Array<CreditColor>>;
  /** District of the population; an ENV_OFFICER draws in its own district only. */
  districtCode?: InputMaybe<Scalars['String']['input']>;
  /** GB/T 4754 industry code of the population. */
  industryCode?: InputMaybe<Scalars['String']['input']>;
  /** Base rate (0–1, up to 4 decimals) multiplied per colour by its weight. Give this or sampleSize. */
  rate?: InputMaybe<Scalars['Float']['input']>;
  /** How many to select, allocated to colours by size × weight. Give this or rate. */
  sampleSize?: InputMaybe<Scalars['Int']['input']>;
  /** Seed of the random selection (default a random one); stored for replay. */
  seed?: InputMaybe<Scalars['String']['input']>;
};

export type DrawnSubject = {
  __typename?: 'DrawnSubject';
  color: CreditColor;
  /** The two inspectors drawn for this subject (the second random): from its district’s pool, never one in conflict with it, least-assigned first with seeded ties. Empty when its district had no pool at the draw (and for draws made before inspectors). */
  inspectors: Array<Inspector>;
  /** On a punishment list on the draw’s day while GREEN: the fewer-inspections reward is suspended (DOMAIN.md §10), so it was drawn in its colour’s suspended stratum. */
  rewardsSuspended: Scalars['Boolean']['output'];
  uscc: Scalars['USCC']['output'];
};

/** The differential electricity price surcharge for the half-year containing the asked date (DOMAIN.md §6). */
export type ElectricitySurcharge = {
  __typename?: 'ElectricitySurcharge';
  basis: Scalars['String']['output'];
  /** As for SewageFee.correction. */
  correction?: Maybe<SurchargeCorrection>;
  /** The half-year it applies to, YYYY-MM-DD/YYYY-MM-DD. */
  period: Scalars['String']['output'];
  /** As for SewageFee.provisional. */
  provisional: Scalars['Boolean']['output'];
  /** CNY per kWh, an exact decimal string ("0.05"); "0.00" is the normal price. */
  surchargePerKwh: Scalars['String']['output'];
};

export type EnrollRatedSubjectInput = {
  /** Optional check: the supervising district is always the market registration's, and a different one here is refused. */
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
  /** The bank's answer on `asOf` (default today, or `knownOn` when given). With `knownOn`, what the hub answered on that day: the colour as then known (envCredit(knownOn:)), list entries and removals the hub learnt of later left out. */
  creditRestriction?: Maybe<CreditRestriction>;
  /** Court dishonest-debtor records (失信被执行人), current and removed. */
  dishonestDebtorRecords?: Maybe<Array<DishonestDebtorRecord>>;
  /** Administrative division code of the registration, e.g. 320706. */
  districtCode: Scalars['String']['output'];
  /** Whether districtCode is one of the city's districts; false flags a registration whose division code names another city (DOMAIN.md §10). */
  districtInCity?: Maybe<Scalars['Boolean']['output']>;
  /** Differential electricity surcharge for the half-year containing `asOf` (default today, or `knownOn` when given); null, and `knownOn`, as for sewageFee. */
  electricitySurcharge?: Maybe<ElectricitySurcharge>;
  /** Type of entity as registered, e.g. 有限责任公司. */
  enterpriseType?: Maybe<Scalars['String']['output']>;
  /** Credit commitments (信用承诺) signed on or before `asOf` (default today, or `knownOn` when given), oldest first, each with its state on `asOf`; voided ones left out. With `knownOn`, as the hub knew them that day (a deduction recorded later has not broken one yet). Null when the subject is not rated. */
  envCommitments?: Maybe<Array<Commitment>>;
  /** The rating on `asOf` (default today, or `knownOn` when given); null when the subject is not rated. With `knownOn`, what the hub said on that day: events that became known later, and later voidings, left out; null when the enrolment became known later. */
  envCredit?: Maybe<EnvCredit>;
  /** Every scored event, voided ones included, oldest first; with `knownOn`, as the hub knew them that day. */
  envCreditEvents?: Maybe<Array<CreditEvent>>;
  /** envCreditEvents a page at a time (oldest first); `first` at most 1000. */
  envCreditEventsConnection?: Maybe<CreditEventConnection>;
  /** Every change of colour with the event that caused it, oldest first; voidings show both the change taken back and the correction. */
  envCreditHistory?: Maybe<Array<CreditColorChange>>;
  /** The colour on every 30 June and 31 December since rated: stored where taken, derived otherwise. With `knownOn`, as the hub held them that day: snapshots stored by then at the version stored by then (later corrections left out), the rest derived from the rating as then known. */
  envCreditSnapshots?: Maybe<Array<CreditSnapshot>>;
  /** The district the bureau supervised the subject in on `asOf` (default today): the registration's district of that day, moves within the city taking effect on their day; the district that counts, buckets and draws as of that day group it by. Null when the subject is not rated. */
  envDistrictOn?: Maybe<Scalars['String']['output']>;
  /** Front-runner designations (环保领跑者), oldest first, each with the day it lapsed; null when the subject is not rated. */
  envFrontRunnerDesignations?: Maybe<Array<FrontRunnerDesignation>>;
  /** Historical annual ratings on the older 100-point scale (history only). */
  envLegacyRatings?: Maybe<Array<LegacyRating>>;
  /** Objections to the subject’s events, oldest first. */
  envObjections?: Maybe<Array<Objection>>;
  /** The disclosure state of every published penalty. */
  envPenaltyDisclosures?: Maybe<Array<PenaltyDisclosure>>;
  /** Industry code of GB/T 4754. */
  industryCode?: Maybe<Scalars['String']['output']>;
  /** The joint rewards and punishments that apply on `asOf` (default today, or `knownOn` when given), and why. Banks and utilities see their own measures only. With `knownOn`, what the hub answered on that day: colour measures from the colour as then known (envCredit(knownOn:)), list measures without the entries and removals the hub learnt of later. Price measures (sewage fee, electricity surcharges) as sewageFee(knownOn:) decides them: from the half-year snapshot version stored by then. */
  jointMeasures?: Maybe<Array<AppliedMeasure>>;
  legalRepresentative?: Maybe<Scalars['String']['output']>;
  legalRepresentativeIdNumber?: Maybe<Scalars['String']['output']>;
  /** ENV_ADMIN, CREDIT_OFFICE: the subject's legal representative as named on a SERIOUS_DISHONESTY designation in force of ANOTHER subject (each naming, with that subject's code). Empty when not linked. */
  linkedDishonestPersons?: Maybe<Array<ResponsiblePerson>>;
  marketListings?: Maybe<Array<MarketListing>>;
  name: Scalars['String']['output'];
  /** Whether the name begins with =, +, -, @, a tab or a carriage return, which a spreadsheet reads as a formula: such a name is accepted as registered and flagged here; the hub's CSV files write it as text with a leading ' (docs/security.md). */
  nameLooksLikeFormula?: Maybe<Scalars['Boolean']['output']>;
  /** The subjects whose records passed to this one (merged into it, split from, deregistered to it), in code order. */
  predecessors?: Maybe<Array<Enterprise>>;
  /** Penalties published on `asOf` (default today): a repaired or voided penalty is withdrawn from the day of the repair or void, so a past `asOf` shows one repaired later as published. Null when not rated. PUBLIC may ask for today only. */
  publicPenalties?: Maybe<Array<PublicPenalty>>;
  /** Administrative penalties from every agency, in the 双公示 format, oldest first. */
  publicPenaltyRecords?: Maybe<Array<PenaltyRecord>>;
  /** publicPenaltyRecords a page at a time (oldest first); `first` at most 1000. */
  publicPenaltyRecordsConnection?: Maybe<PenaltyRecordConnection>;
  /** Registered capital in CNY, an exact decimal string such as "5000000.00". */
  registeredCapital?: Maybe<Scalars['String']['output']>;
  /** Founding (registration) date. */
  registeredOn?: Maybe<Scalars['Date']['output']>;
  /** ACTIVE, SUSPENDED, REVOKED or CANCELLED. */
  registrationStatus?: Maybe<Scalars['String']['output']>;
  /** The 法定代表人, 主要负责人 and 直接责任人 named by the subject's SERIOUS penalties and SERIOUS_DISHONESTY designations, each with its record, by the record's date. Name and ID number masked (张*, 3207**********1234) for every role but ENV_ADMIN and CREDIT_OFFICE. */
  responsiblePersons?: Maybe<Array<ResponsiblePerson>>;
  /** Sewage-fee surcharge for the half-year containing `asOf` (default today, or `knownOn` when given); null when not rated or the deciding snapshot is still ahead. With `knownOn`, what the hub answered that day: the snapshot version stored by then (corrections stored later left out; one not stored yet derived from the colour as then known), and null for a half-year whose snapshot day had not passed. */
  sewageFee?: Maybe<SewageFee>;
  /** Where the subject's record went: the one successor of its merger or deregistration; null when it has none, or was split (see `successors`). */
  successor?: Maybe<Enterprise>;
  /** Every successor of the subject (all parts of a split), in code order; empty when none. */
  successors?: Maybe<Array<Enterprise>>;
  uscc: Scalars['USCC']['output'];
};


export type EnterpriseCreditRestrictionArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
  knownOn?: InputMaybe<Scalars['Date']['input']>;
};


export type EnterpriseElectricitySurchargeArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
  knownOn?: InputMaybe<Scalars['Date']['input']>;
};


export type EnterpriseEnvCommitmentsArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
  knownOn?: InputMaybe<Scalars['Date']['input']>;
};


export type EnterpriseEnvCreditArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
  knownOn?: InputMaybe<Scalars['Date']['input']>;
};


export type EnterpriseEnvCreditEventsArgs = {
  knownOn?: InputMaybe<Scalars['Date']['input']>;
};


export type EnterpriseEnvCreditEventsConnectionArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type EnterpriseEnvCreditHistoryArgs = {
  knownOn?: InputMaybe<Scalars['Date']['input']>;
};


export type EnterpriseEnvCreditSnapshotsArgs = {
  knownOn?: InputMaybe<Scalars['Date']['input']>;
};


export type EnterpriseEnvDistrictOnArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
};


export type EnterpriseJointMeasuresArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
  knownOn?: InputMaybe<Scalars['Date']['input']>;
};


export type EnterprisePublicPenaltiesArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
};


export type EnterprisePublicPenaltyRecordsConnectionArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type EnterpriseSewageFeeArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
  knownOn?: InputMaybe<Scalars['Date']['input']>;
};

/** A page of subjects, by code (a stable order): ask for the next with `after: pageInfo.endCursor`. */
export type EnterpriseConnection = {
  __typename?: 'EnterpriseConnection';
  edges: Array<EnterpriseEdge>;
  pageInfo: PageInfo;
  /** Every subject the filter matches in the caller's scope, on all pages (computed only when asked for). */
  totalCount: Scalars['Int']['output'];
};

/** One subject found, with the cursor to continue after it. */
export type EnterpriseEdge = {
  __typename?: 'EnterpriseEdge';
  cursor: Scalars['String']['output'];
  node: Enterprise;
};

/** What searchEnterprises looks for; every given criterion must hold (AND). PUBLIC may use nameContains and usccPrefix only. */
export type EnterpriseFilter = {
  /** The colour on `colorAsOf` (default today); only rated subjects have one. */
  color?: InputMaybe<CreditColor>;
  /** The date of `color`/`colors` and of `listed` (default today). */
  colorAsOf?: InputMaybe<Scalars['Date']['input']>;
  /** Any of these colours on `colorAsOf` (with `color`: either). */
  colors?: InputMaybe<Array<CreditColor>>;
  /** The registration's district (six-digit division code). */
  districtCode?: InputMaybe<Scalars['String']['input']>;
  /** GB/T 4754 industry code of the registration. */
  industryCode?: InputMaybe<Scalars['String']['input']>;
  /** true: on a list of market supervision or the credit office on `colorAsOf` (default today); false: on none. */
  listed?: InputMaybe<Scalars['Boolean']['input']>;
  /** Part of the registered name (case-insensitive), at least 2 characters. */
  nameContains?: InputMaybe<Scalars['String']['input']>;
  /** The first characters of the code (1 to 18 of the USCC alphabet). */
  usccPrefix?: InputMaybe<Scalars['String']['input']>;
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

/** One version of an event type of the catalogue, for one kind of subject. */
export type EventType = {
  __typename?: 'EventType';
  code: Scalars['String']['output'];
  defaultPoints: Scalars['Int']['output'];
  /** The severity of a penalty of this type unless its decision says otherwise; null for types that are not penalties. */
  defaultSeverity?: Maybe<PenaltySeverity>;
  effectiveFrom: Scalars['Date']['output'];
  /** Exclusive; null while in force. */
  effectiveTo?: Maybe<Scalars['Date']['output']>;
  /** Direct judgement while valid, whatever the score (CRIMINAL_LIABILITY: BLACK). */
  forcedColor?: Maybe<CreditColor>;
  id: Scalars['ID']['output'];
  legalBasis: Scalars['String']['output'];
  maxPoints: Scalars['Int']['output'];
  /** Lowest points an event of this type may carry. */
  minPoints: Scalars['Int']['output'];
  nameEn: Scalars['String']['output'];
  nameZh: Scalars['String']['output'];
  /** At most one event of this type per this many months. */
  oncePerMonths?: Maybe<Scalars['Int']['output']>;
  /** Publicity of a penalty of this type when inside its tier; null: the tier of its severity decides. */
  publicityMonths?: Maybe<Scalars['Int']['output']>;
  /** The document the default severity rests on. */
  severityBasis?: Maybe<Scalars['String']['output']>;
  /** May be decided by simple procedure (简易程序). */
  simpleProcedure: Scalars['Boolean']['output'];
  subjectKind: Scalars['String']['output'];
  validityMonths: Scalars['Int']['output'];
};

export type FeedbackOutcome =
  | 'APPLIED'
  | 'EXEMPTED'
  | 'NOT_APPLIED';

export type FileObjectionInput = {
  eventId: Scalars['ID']['input'];
  /** The day the written objection was received (default today). */
  filedOn?: InputMaybe<Scalars['Date']['input']>;
  grounds: Scalars['String']['input'];
};

/** An environmental front-runner designation (环保领跑者): GREEN until the next deduction. */
export type FrontRunnerDesignation = {
  __typename?: 'FrontRunnerDesignation';
  decisionNo: Scalars['String']['output'];
  designatedOn: Scalars['Date']['output'];
  id: Scalars['ID']['output'];
  /** The day the next deduction took effect; null while it holds. */
  lapsedOn?: Maybe<Scalars['Date']['output']>;
  uscc: Scalars['USCC']['output'];
};

/** The result of taking the half-year snapshot of every rated subject. */
export type HalfYearSnapshotRun = {
  __typename?: 'HalfYearSnapshotRun';
  /** Snapshots that were already stored and were left as they were. */
  alreadyStored: Scalars['Int']['output'];
  black: Scalars['Int']['output'];
  periodEnd: Scalars['Date']['output'];
  red: Scalars['Int']['output'];
  /** Snapshots stored by this run. */
  stored: Scalars['Int']['output'];
  /** Subjects rated on that day. */
  subjects: Scalars['Int']['output'];
};

export type ImportLegacyRatingsInput = {
  ratings: Array<LegacyRatingInput>;
  /** Where the ratings come from (document or archive reference). */
  source: Scalars['String']['input'];
};

export type ImportLegacyRatingsPayload = {
  __typename?: 'ImportLegacyRatingsPayload';
  imported: Scalars['Int']['output'];
  /** Rows already imported with the same score. */
  unchanged: Scalars['Int']['output'];
};

/** A random-inspection draw (双随机), stored for audit with its seed and population snapshot. */
export type InspectionDraw = {
  __typename?: 'InspectionDraw';
  algorithm: Scalars['String']['output'];
  asOf: Scalars['Date']['output'];
  colors: Array<CreditColor>;
  districtCode?: Maybe<Scalars['String']['output']>;
  /** ISO timestamp. */
  drawnAt: Scalars['String']['output'];
  drawnBy: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  industryCode?: Maybe<Scalars['String']['output']>;
  /** The inspector-assignment algorithm (null for draws made before inspectors). */
  inspectorAlgorithm?: Maybe<Scalars['String']['output']>;
  populationSize: Scalars['Int']['output'];
  rate?: Maybe<Scalars['Float']['output']>;
  /** Replaying the stored seed over the stored population selects exactly the stored subjects, and over the stored inspector pool assigns exactly the stored inspectors. */
  reproducible: Scalars['Boolean']['output'];
  sampleSize?: Maybe<Scalars['Int']['output']>;
  seed: Scalars['String']['output'];
  /** In draw order within each stratum, worst colour first (a colour’s suspended stratum before its own). */
  selected: Array<DrawnSubject>;
  strata: Array<InspectionStratum>;
};

/** One version of the random-inspection frequency for a colour, as a multiple of the base rate. */
export type InspectionFrequency = {
  __typename?: 'InspectionFrequency';
  color: CreditColor;
  effectiveFrom: Scalars['Date']['output'];
  effectiveTo?: Maybe<Scalars['Date']['output']>;
  id: Scalars['ID']['output'];
  legalBasis: Scalars['String']['output'];
  /** Decimal string, e.g. "0.50". */
  multiplier: Scalars['String']['output'];
};

/** NO_PROBLEM (未发现问题), or PROBLEMS_FOUND with the credit events they led to. */
export type InspectionOutcome =
  | 'NO_PROBLEM'
  | 'PROBLEMS_FOUND';

/** The published result of one random inspection (一公开). */
export type InspectionResult = {
  __typename?: 'InspectionResult';
  districtCode: Scalars['String']['output'];
  drawId: Scalars['ID']['output'];
  /** The credit events the problems led to. */
  eventIds: Array<Scalars['ID']['output']>;
  id: Scalars['ID']['output'];
  inspectedOn: Scalars['Date']['output'];
  outcome: InspectionOutcome;
  /** The last day of the limit: 20 working days after the inspection. */
  publishBy: Scalars['Date']['output'];
  /** Published after publishBy. */
  publishedLate: Scalars['Boolean']['output'];
  /** The day it was published (recorded). */
  publishedOn: Scalars['Date']['output'];
  summary: Scalars['String']['output'];
  uscc: Scalars['USCC']['output'];
};

/** One stratum of a draw: a colour, and apart from it the colour’s subjects whose fewer-inspections reward is suspended (GREEN on a punishment list); its population, weight and how many were selected. */
export type InspectionStratum = {
  __typename?: 'InspectionStratum';
  color: CreditColor;
  /** The exact quota (population × rate × weight, or the weighted share of a sample size); the number selected is this rounded up or down at random from the seed, never systematically down. */
  expected: Scalars['Float']['output'];
  population: Scalars['Int']['output'];
  /** selected / population: the rate this stratum was actually drawn at. */
  realisedRate: Scalars['Float']['output'];
  /** True for the GREEN subjects on a punishment list (DOMAIN.md §10): drawn at no less than the base rate (weight at least 1), not at GREEN’s reduced weight. */
  rewardsSuspended: Scalars['Boolean']['output'];
  selected: Scalars['Int']['output'];
  /** Multiple of the base rate in force on the draw’s date. */
  weight: Scalars['Float']['output'];
};

/** A law-enforcement inspector of the bureau’s pool (执法检查人员名录库). */
export type Inspector = {
  __typename?: 'Inspector';
  /** The district whose subjects the inspector inspects. */
  districtCode: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
};

/** A subject an inspector must not inspect. */
export type InspectorConflict = {
  __typename?: 'InspectorConflict';
  reason: Scalars['String']['output'];
  uscc: Scalars['USCC']['output'];
};

export type InspectorConflictInput = {
  inspectorId: Scalars['ID']['input'];
  /** Why (回避: kinship, earlier employment, …); required when adding. */
  reason?: InputMaybe<Scalars['String']['input']>;
  /** The subject the inspector must not inspect. */
  uscc: Scalars['USCC']['input'];
};

/** A client with its new key: shown this once. */
export type IssuedApiKey = {
  __typename?: 'IssuedApiKey';
  client: ApiClient;
  key: Scalars['String']['output'];
};

/** A subscription with its signing secret (whsec_...): shown this once. */
export type IssuedWebhookSubscription = {
  __typename?: 'IssuedWebhookSubscription';
  secret: Scalars['String']['output'];
  subscription: WebhookSubscription;
};

/** A historical annual rating on the older 100-point scale; never mixed into 12-point scores. */
export type LegacyRating = {
  __typename?: 'LegacyRating';
  color: CreditColor;
  /** ANNUAL_100: green ≥ 95, blue 80–94, yellow 64–79, red 40–63, black ≤ 39. */
  scale: Scalars['String']['output'];
  /** Decimal string on the 100-point scale. */
  score: Scalars['String']['output'];
  source: Scalars['String']['output'];
  year: Scalars['Int']['output'];
};

export type LegacyRatingInput = {
  /** The grade recorded at the time; must agree with the score when given. */
  color?: InputMaybe<CreditColor>;
  /** Decimal string 0–100, e.g. "86.5". */
  score: Scalars['String']['input'];
  uscc: Scalars['USCC']['input'];
  year: Scalars['Int']['input'];
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
  /** The day the hub learnt of the entry (DOMAIN.md §10 known-on dates); an answer as known on an earlier day leaves it out. */
  recordedOn: Scalars['Date']['output'];
  removalReason?: Maybe<Scalars['String']['output']>;
  /** The day the hub learnt of the removal; null while the entry lasts. */
  removalRecordedOn?: Maybe<Scalars['Date']['output']>;
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
  /** Set for a price measure: it applies exactly when that surcharge for the half-year, decided by the half-year snapshot before it, is above the normal price (DOMAIN.md §6), not by today's colour. */
  priceKind?: Maybe<PriceKind>;
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
  /** CREDIT_OFFICE, ENV_ADMIN: the subjects behind subjectsDue, by code (the same on every row of the measure). Null when subjectsDue is. */
  dueSubjects?: Maybe<Array<Scalars['USCC']['output']>>;
  exempted: Scalars['Int']['output'];
  measure: Measure;
  notApplied: Scalars['Int']['output'];
  /** CREDIT_OFFICE, ENV_ADMIN: the subjects behind subjectsReported, by code. */
  reportedSubjects?: Maybe<Array<Scalars['USCC']['output']>>;
  /** Distinct subjects the measure was due for on some day of the window: with a triggering colour (environment's rating), or on a triggering credit-office or market list. Null only when another department could not be asked. */
  subjectsDue?: Maybe<Scalars['Int']['output']>;
  /** Distinct subjects reported on. */
  subjectsReported: Scalars['Int']['output'];
  /** Of those, subjects the measure was not due for on any day of the window: reports to check (a wrong code, subject or date). Null when subjectsDue is. */
  subjectsReportedNotDue?: Maybe<Scalars['Int']['output']>;
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

/** A page of the subjects a measure applies to, by code. */
export type MeasureSubjectConnection = {
  __typename?: 'MeasureSubjectConnection';
  edges: Array<MeasureSubjectEdge>;
  pageInfo: PageInfo;
  /** Every subject the measure applies to in the caller's scope. */
  totalCount: Scalars['Int']['output'];
};

/** One subject a measure applies to, with the cursor to continue after it. */
export type MeasureSubjectEdge = {
  __typename?: 'MeasureSubjectEdge';
  cursor: Scalars['String']['output'];
  node: Enterprise;
};

/** COLOR: triggered by an environmental credit colour; LISTING: by an entry on a named credit-office or market list. */
export type MeasureTriggerKind =
  | 'COLOR'
  | 'LISTING';

export type Mutation = {
  __typename?: 'Mutation';
  /** ENV_ADMIN: add a version of an event type (or a new type) from a future date, closing the one in force. */
  addEventTypeVersion: EventType;
  /** ENV staff: add an inspector to a district’s pool (an ENV_OFFICER to its own district). */
  addInspector: PoolInspector;
  /** ENV staff: record a subject the inspector must not inspect (回避), with the reason. */
  addInspectorConflict: PoolInspector;
  /** MARKET_REGULATOR: put a registered subject on a market-supervision list. */
  addMarketListing: MarketListing;
  /** ENV_ADMIN: add a scoring policy version from a future date, closing the one in force. */
  addScoringPolicyVersion: ScoringPolicy;
  /** Adds a batch of codes to a watch-list (up to 100,000 in all); answers its size. */
  addWebhookWatchCodes: Scalars['Int']['output'];
  /** ENV staff: register a credit repair application for a published penalty after its minimum publicity. */
  applyCreditRepair: CreditRepair;
  /** Issues a client; its key is in this answer only. */
  createApiClient: IssuedApiKey;
  /** Subscribes the calling partner; the secret is in this answer only. */
  createWebhookSubscription: IssuedWebhookSubscription;
  /** CREDIT_OFFICE: a new version of a catalogue measure from a date on. */
  defineMeasure: Measure;
  /** Ends a subscription; its delivery log stays readable. */
  deleteWebhookSubscription: WebhookSubscription;
  /** CREDIT_OFFICE: designate a subject on a credit-office list. */
  designateCreditListing: CreditListing;
  /** ENV_ADMIN: designate an environmental front-runner (GREEN); refused when the clean period holds a deduction; lapses on the next deduction. */
  designateFrontRunner: DesignateFrontRunnerPayload;
  /** ENV staff: draw subjects for inspection, stratified and weighted by colour; stored for audit. */
  drawInspections: InspectionDraw;
  /** Enables again a subscription disabled after its endpoint kept failing; every message it missed (held while disabled, or given up) is sent. */
  enableWebhookSubscription: WebhookSubscription;
  /** ENV_ADMIN: bring a registered subject into the rating scope; it starts at the policy's start score. */
  enrollRatedSubject: EnvCredit;
  /** ENV staff: register an objection received within the policy’s window after service. */
  fileObjection: Objection;
  /** ENV_ADMIN: import historical annual ratings on the older 100-point scale (all or nothing). */
  importLegacyRatings: ImportLegacyRatingsPayload;
  /** ENV_ADMIN, CREDIT_OFFICE, MARKET_REGULATOR, BANK, PUBLIC_AGENCY: issue a signed credit report of a subject as of a date (default today), holding what the caller may read, for a purpose its role may state. */
  issueCreditReport: CreditReport;
  /** ENV_ADMIN, or ENV_OFFICER for its own district: record an event; returns the event, the rating before and after it, and the notice. */
  recordCreditEvent: RecordCreditEventPayload;
  /** ENV staff: record (and so publish) the result of one drawn subject’s inspection. */
  recordInspectionResult: InspectionResult;
  /** MARKET_REGULATOR: record a merger, split or deregistration (DOMAIN.md §11 Successors). The predecessors are deregistered; the successors inherit their events (points and windows unchanged) and list entries. A subject succeeding itself, a cycle, or an unknown code is refused (BAD_USER_INPUT, `extensions.rule`). */
  recordSuccession: Succession;
  /** MARKET_REGULATOR or ENV_ADMIN: create or update a registration (idempotent on uscc). */
  registerEnterprise: Enterprise;
  /** CREDIT_OFFICE: end a designation (kept with its removal date and reason). */
  removeCreditListing: CreditListing;
  /** ENV staff: take an inspector out of the pool (later draws do not assign it; past draws keep it). */
  removeInspector: PoolInspector;
  /** ENV staff: lift an inspector’s conflict with a subject. */
  removeInspectorConflict: PoolInspector;
  /** MARKET_REGULATOR: end a list entry (kept with its removal date and reason). */
  removeMarketListing: MarketListing;
  /** Removes a batch of codes from a watch-list; answers its size. */
  removeWebhookWatchCodes: Scalars['Int']['output'];
  /** Sends again, with their original webhook-id, the messages made from `since` (inclusive) to `until` (exclusive), and/or those of one subject (`uscc`) from `fromSequence` on; answers how many. */
  replayWebhookDeliveries: Scalars['Int']['output'];
  /** An implementing agency reports what it did about a measure for a subject. */
  reportMeasureFeedback: MeasureFeedback;
  /** ENV_ADMIN: decide a repair application; UPHOLD withdraws the penalty from public view (it still counts for scoring). */
  reviewCreditRepair: CreditRepair;
  /** ENV_ADMIN: decide an objection; UPHOLD voids the event and recomputes the rating, REJECT keeps it. */
  reviewObjection: ReviewObjectionPayload;
  revokeApiClient: ApiClient;
  /** Replaces the key; the old one stops working at once. */
  rotateApiClientKey: IssuedApiKey;
  /** A new secret (in this answer only); the old one also signs for a grace period. */
  rotateWebhookSecret: IssuedWebhookSubscription;
  /** ENV_ADMIN: set the inspection multiple of a colour from a date. */
  setInspectionFrequency: InspectionFrequency;
  /** CREDIT_OFFICE: a new version of a surcharge from a day after today (audited). */
  setPriceSurcharge: PriceSurchargeRule;
  /** CREDIT_OFFICE: a new version of a bank restriction rule from a day after today (audited); null when level NONE ended it. */
  setRestrictionRule?: Maybe<RestrictionRule>;
  /** ENV_ADMIN: set a year's holidays and make-up working days (this year or later), from the State Council's notice. */
  setWorkingDayCalendarYear: WorkingDayCalendarYear;
  /** ENV_ADMIN: store the immutable snapshot of every rated subject for a past 30 June or 31 December. */
  takeHalfYearSnapshot: HalfYearSnapshotRun;
  /** ENV_ADMIN: void an event (the reason is kept with it); the rating is recomputed. */
  voidCreditEvent: VoidCreditEventPayload;
};


export type MutationAddEventTypeVersionArgs = {
  input: AddEventTypeVersionInput;
};


export type MutationAddInspectorArgs = {
  input: AddInspectorInput;
};


export type MutationAddInspectorConflictArgs = {
  input: InspectorConflictInput;
};


export type MutationAddMarketListingArgs = {
  input: AddMarketListingInput;
};


export type MutationAddScoringPolicyVersionArgs = {
  input: AddScoringPolicyVersionInput;
};


export type MutationAddWebhookWatchCodesArgs = {
  subscriptionId: Scalars['ID']['input'];
  usccs: Array<Scalars['USCC']['input']>;
};


export type MutationApplyCreditRepairArgs = {
  input: ApplyCreditRepairInput;
};


export type MutationCreateApiClientArgs = {
  input: CreateApiClientInput;
};


export type MutationCreateWebhookSubscriptionArgs = {
  input: WebhookSubscriptionInput;
};


export type MutationDefineMeasureArgs = {
  input: DefineMeasureInput;
};


export type MutationDeleteWebhookSubscriptionArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDesignateCreditListingArgs = {
  input: DesignateCreditListingInput;
};


export type MutationDesignateFrontRunnerArgs = {
  input: DesignateFrontRunnerInput;
};


export type MutationDrawInspectionsArgs = {
  input: DrawInspectionsInput;
};


export type MutationEnableWebhookSubscriptionArgs = {
  id: Scalars['ID']['input'];
};


export type MutationEnrollRatedSubjectArgs = {
  input: EnrollRatedSubjectInput;
};


export type MutationFileObjectionArgs = {
  input: FileObjectionInput;
};


export type MutationImportLegacyRatingsArgs = {
  input: ImportLegacyRatingsInput;
};


export type MutationIssueCreditReportArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
  purpose: Scalars['String']['input'];
  uscc: Scalars['USCC']['input'];
};


export type MutationRecordCreditEventArgs = {
  input: RecordCreditEventInput;
};


export type MutationRecordInspectionResultArgs = {
  input: RecordInspectionResultInput;
};


export type MutationRecordSuccessionArgs = {
  input: RecordSuccessionInput;
};


export type MutationRegisterEnterpriseArgs = {
  input: RegisterEnterpriseInput;
};


export type MutationRemoveCreditListingArgs = {
  input: RemoveCreditListingInput;
};


export type MutationRemoveInspectorArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRemoveInspectorConflictArgs = {
  input: InspectorConflictInput;
};


export type MutationRemoveMarketListingArgs = {
  input: RemoveMarketListingInput;
};


export type MutationRemoveWebhookWatchCodesArgs = {
  subscriptionId: Scalars['ID']['input'];
  usccs: Array<Scalars['USCC']['input']>;
};


export type MutationReplayWebhookDeliveriesArgs = {
  fromSequence?: InputMaybe<Scalars['Int']['input']>;
  since?: InputMaybe<Scalars['DateTime']['input']>;
  subscriptionId: Scalars['ID']['input'];
  until?: InputMaybe<Scalars['DateTime']['input']>;
  uscc?: InputMaybe<Scalars['USCC']['input']>;
};


export type MutationReportMeasureFeedbackArgs = {
  input: MeasureFeedbackInput;
};


export type MutationReviewCreditRepairArgs = {
  input: ReviewCreditRepairInput;
};


export type MutationReviewObjectionArgs = {
  input: ReviewObjectionInput;
};


export type MutationRevokeApiClientArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRotateApiClientKeyArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRotateWebhookSecretArgs = {
  id: Scalars['ID']['input'];
};


export type MutationSetInspectionFrequencyArgs = {
  input: SetInspectionFrequencyInput;
};


export type MutationSetPriceSurchargeArgs = {
  input: SetPriceSurchargeInput;
};


export type MutationSetRestrictionRuleArgs = {
  input: SetRestrictionRuleInput;
};


export type MutationSetWorkingDayCalendarYearArgs = {
  input: SetWorkingDayCalendarYearInput;
};


export type MutationTakeHalfYearSnapshotArgs = {
  periodEnd: Scalars['Date']['input'];
};


export type MutationVoidCreditEventArgs = {
  input: VoidCreditEventInput;
};

/** An objection (异议) to a recorded event; while under review the event still counts. */
export type Objection = {
  __typename?: 'Objection';
  /** The last day it could be filed. */
  deadline: Scalars['Date']['output'];
  eventId: Scalars['ID']['output'];
  filedOn: Scalars['Date']['output'];
  grounds: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  reviewNote?: Maybe<Scalars['String']['output']>;
  reviewedOn?: Maybe<Scalars['Date']['output']>;
  status: ObjectionStatus;
  uscc: Scalars['USCC']['output'];
};

export type ObjectionStatus =
  | 'REJECTED'
  | 'UNDER_REVIEW'
  | 'UPHELD';

/** Where a page of a connection ends and whether another follows. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** The last edge's cursor (null on an empty page). */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** True when a page after this one exists: ask again with `after: endCursor`. */
  hasNextPage: Scalars['Boolean']['output'];
};

/** The public-disclosure state of one penalty. */
export type PenaltyDisclosure = {
  __typename?: 'PenaltyDisclosure';
  event: CreditEvent;
  publicUntil: Scalars['Date']['output'];
  /** The latest repair application. */
  repair?: Maybe<CreditRepair>;
  /** First day a repair may be applied for (after the minimum publicity). */
  repairableFrom: Scalars['Date']['output'];
  state: DisclosureState;
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

/** A page of a subject's penalty records, oldest first (by decision date, then arrival). */
export type PenaltyRecordConnection = {
  __typename?: 'PenaltyRecordConnection';
  edges: Array<PenaltyRecordEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

/** One penalty record, with the cursor to continue after it. */
export type PenaltyRecordEdge = {
  __typename?: 'PenaltyRecordEdge';
  cursor: Scalars['String']['output'];
  node: PenaltyRecord;
};

/** GENERAL: published 3 months to 1 year; SERIOUS: 1 to 3 years (发改办财金〔2019〕527号). */
export type PenaltySeverity =
  | 'GENERAL'
  | 'SERIOUS';

export type Person = {
  __typename?: 'Person';
  idNumber: Scalars['String']['output'];
  /** The SERIOUS penalties and SERIOUS_DISHONESTY designations naming the person, across subjects, by date. */
  records: Array<ResponsiblePerson>;
};

/** An inspector of the pool as the bureau manages it, with its conflicts and workload. */
export type PoolInspector = {
  __typename?: 'PoolInspector';
  /** False once removed from the pool (kept: past draws name it). */
  active: Scalars['Boolean']['output'];
  /** Inspections assigned to it by draws so far. */
  assignments: Scalars['Int']['output'];
  conflicts: Array<InspectorConflict>;
  districtCode: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
};

/** SEWAGE: the sewage treatment fee surcharge (per m³); ELECTRICITY: the differential electricity price (per kWh). */
export type PriceKind =
  | 'ELECTRICITY'
  | 'SEWAGE';

/** The half-year price list, paged by code. */
export type PriceSurchargeConnection = {
  __typename?: 'PriceSurchargeConnection';
  edges: Array<PriceSurchargeEdge>;
  pageInfo: PageInfo;
  /** Subjects on the whole list (in the caller's row scope). */
  totalCount: Scalars['Int']['output'];
};

export type PriceSurchargeEdge = {
  __typename?: 'PriceSurchargeEdge';
  cursor: Scalars['String']['output'];
  node: PriceSurchargeEntry;
};

/** A subject on the half-year price list: its surcharges for the half-year (as sewageFee and electricitySurcharge answer them) and the deciding snapshot. */
export type PriceSurchargeEntry = {
  __typename?: 'PriceSurchargeEntry';
  /** RED snapshots in a row ending with the deciding one. */
  consecutiveRed: Scalars['Int']['output'];
  electricitySurcharge: ElectricitySurcharge;
  /** The subject, for its name and other fields the caller may read. */
  enterprise: Enterprise;
  /** The half-year, YYYY-MM-DD/YYYY-MM-DD. */
  period: Scalars['String']['output'];
  /** True while the deciding snapshot has not been stored (derived colour). */
  provisional: Scalars['Boolean']['output'];
  sewageFee: SewageFee;
  snapshotColor: CreditColor;
  /** The deciding snapshot day (the last day of the half-year before). */
  snapshotDay: Scalars['Date']['output'];
  uscc: Scalars['USCC']['output'];
};

/** A differential-price rule (credit.price_surcharge, DOMAIN.md §6): the surcharge for a half-year whose deciding snapshot matches. */
export type PriceSurchargeRule = {
  __typename?: 'PriceSurchargeRule';
  /** CNY per unit, an exact decimal string ("0.60"). */
  amount: Scalars['String']['output'];
  /** A half-year is priced by the versions in force on its first day. */
  effectiveFrom: Scalars['Date']['output'];
  /** Exclusive; null while in force. */
  effectiveTo?: Maybe<Scalars['Date']['output']>;
  legalBasis: Scalars['String']['output'];
  /** For RED: how many RED snapshots in a row it needs (1 first time, 2 for the repeated-RED rate). */
  minConsecutiveRed: Scalars['Int']['output'];
  priceKind: PriceKind;
  snapshotColor: CreditColor;
  /** CNY/m3 or CNY/kWh. */
  unit: Scalars['String']['output'];
};

/** A penalty as the public sees it (no points, no personal data). */
export type PublicPenalty = {
  __typename?: 'PublicPenalty';
  decidedOn: Scalars['Date']['output'];
  decisionNo?: Maybe<Scalars['String']['output']>;
  /** Shown until this day (exclusive): the maximum of its tier, unless a repair ended it earlier. */
  publicUntil: Scalars['Date']['output'];
  /** GENERAL (published 3 months to 1 year) or SERIOUS (1 to 3 years). */
  severity: PenaltySeverity;
  type: Scalars['String']['output'];
  /** Chinese name of the event type. */
  typeName: Scalars['String']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** ENV_ADMIN, CREDIT_OFFICE: the yearly summary of credit supervision for `year`, every figure with the subjects behind it. */
  annualSupervisionReport: AnnualSupervisionReport;
  apiClients: Array<ApiClient>;
  /** ENV_ADMIN: the audit trail, newest first; a department: who read its data. */
  auditLog: Array<AuditRecord>;
  /** The subjects behind one bucket of colorDistribution (same group, colour and date), by code; at most `first` (1–1000, default 200). */
  colorBucketSubjects: Array<Enterprise>;
  /** Subjects whose colour on `to` (default today) differs from their colour on `from` (default 30 days before `to`); at most 366 days apart. */
  colorChanges: Array<SubjectColorChange>;
  /** Counts per colour, grouped by district or industry, as of a date (default today). */
  colorDistribution: Array<ColorBucket>;
  /** Counts per colour on the last day of each of `months` months (1–60, default 24) up to `asOf` (default today), zeros included. */
  colorTrend: Array<ColorTrendPoint>;
  /** A credit record notice as issued; null when unknown or outside the caller’s district. */
  creditNotice?: Maybe<CreditNotice>;
  /** A report as issued; null when unknown or issued to another client (ENV_ADMIN and CREDIT_OFFICE read any). */
  creditReport?: Maybe<CreditReport>;
  /** The subject with this code, or null when the hub does not know it. */
  enterprise?: Maybe<Enterprise>;
  /** Same order as asked; null for a code the hub does not know; at most 1000 codes. */
  enterprises: Array<Maybe<Enterprise>>;
  /** The event-type catalogue, every version; only those in force on asOf when given. */
  eventTypeCatalog: Array<EventType>;
  /** A simple search by name (contains, any letter case) or code (prefix), by code: the first `first` (1–100, default 20) of every match the caller may see (PUBLIC: rated subjects only); page with searchEnterprises for more. */
  findEnterprises: Array<Enterprise>;
  /** A stored draw, replayed from its seed and population snapshot. */
  inspectionDraw?: Maybe<InspectionDraw>;
  /** The draws whose population day lies in [from, to], oldest first; an ENV_OFFICER sees its district’s only. */
  inspectionDraws: Array<InspectionDraw>;
  /** Random-inspection multiples by colour; only those in force on asOf when given. */
  inspectionFrequencies: Array<InspectionFrequency>;
  /** The inspector pool (执法检查人员名录库), removed inspectors included; an ENV_OFFICER sees its own district’s. */
  inspectors: Array<PoolInspector>;
  /** The joint rewards and punishments catalogue in force on `asOf` (default today). */
  measureCatalog: Array<Measure>;
  /** CREDIT_OFFICE, ENV_ADMIN: feedback per measure and reporting agency for appliedOn in [from, to] (default: the last 365 days). */
  measureFeedbackRollup: Array<MeasureFeedbackRollup>;
  /** The subjects a measure applies to on `asOf` (default today, or `knownOn` when given), ordered by code: the initiating bureau's publication of who is subject to it. Banks and utilities may list their own measures only; ask each subject's `jointMeasures` for the reason and since when. With `knownOn`, what the hub answered that day, as jointMeasures(knownOn:) decides for each subject: colours as then known, list entries and removals learnt later left out, price measures from the half-year snapshot version stored by then. */
  measureSubjects: Array<Enterprise>;
  /** measureSubjects a page at a time, by code; `first` at most 1000. */
  measureSubjectsConnection: MeasureSubjectConnection;
  /** The differential-price rules in force on `asOf` (default today). */
  priceSurchargeRules: Array<PriceSurchargeRule>;
  /** UTILITY, CREDIT_OFFICE, ENV_ADMIN: everyone with a sewage-fee or electricity surcharge for a half-year ("2026-H2", or "2026-07-01/2026-12-31"), by code, with the deciding snapshot and basis; exactly what sewageFee and electricitySurcharge answer for each. Refused while the deciding snapshot day has not passed. */
  priceSurcharges: PriceSurchargeConnection;
  /** 一公开: the published results of random inspections done in [from, to] (at most 366 days), oldest first; for everyone. */
  publicInspectionResults: Array<InspectionResult>;
  /** The published list: subjects rated on `asOf` (default today), by code, `first` (1–1000, default 100) after the code `after`. */
  publishedRatings: Array<Enterprise>;
  /** The last `last` draws (1–50, default 10), newest first; an ENV_OFFICER sees its own district’s. */
  recentInspectionDraws: Array<InspectionDraw>;
  /** ENV_ADMIN, CREDIT_OFFICE: a responsible person by resident ID number (BAD_USER_INPUT when not a valid one), with every record naming them across subjects. */
  responsiblePerson?: Maybe<Person>;
  /** The bank restriction rules in force on `asOf` (default today). */
  restrictionRules: Array<RestrictionRule>;
  /** Scoring policy versions, oldest first; only those in force on asOf when given. */
  scoringPolicies: Array<ScoringPolicy>;
  /** Subjects by name, code prefix, district, colour (as of a date), industry and list membership, in the caller's row scope, a page at a time by code. PUBLIC: rated subjects only, by name or code. `first` at most 1000. */
  searchEnterprises: EnterpriseConnection;
  /** ENV_ADMIN: recomputes the hash chain and reports the first broken record. */
  verifyAuditChain: AuditChainReport;
  /** A subscription’s delivery log, newest first. */
  webhookDeliveries: WebhookDeliveryConnection;
  /** The calling partner’s subscriptions (deleted ones are left out). */
  webhookSubscriptions: Array<WebhookSubscription>;
  /** A year's public holidays and make-up working days, as the hub counts working days. */
  workingDayCalendar: WorkingDayCalendarYear;
};


export type QueryAnnualSupervisionReportArgs = {
  year: Scalars['Int']['input'];
};


export type QueryAuditLogArgs = {
  filter?: InputMaybe<AuditLogFilter>;
  limit?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryColorBucketSubjectsArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
  color: CreditColor;
  first?: Scalars['Int']['input'];
  group: Scalars['String']['input'];
  groupBy: DistributionGroup;
};


export type QueryColorChangesArgs = {
  from?: InputMaybe<Scalars['Date']['input']>;
  to?: InputMaybe<Scalars['Date']['input']>;
};


export type QueryColorDistributionArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
  groupBy: DistributionGroup;
};


export type QueryColorTrendArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
  months?: Scalars['Int']['input'];
};


export type QueryCreditNoticeArgs = {
  number: Scalars['String']['input'];
};


export type QueryCreditReportArgs = {
  number: Scalars['String']['input'];
};


export type QueryEnterpriseArgs = {
  uscc: Scalars['USCC']['input'];
};


export type QueryEnterprisesArgs = {
  usccs: Array<Scalars['USCC']['input']>;
};


export type QueryEventTypeCatalogArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
  subjectKind?: InputMaybe<Scalars['String']['input']>;
};


export type QueryFindEnterprisesArgs = {
  first?: Scalars['Int']['input'];
  text: Scalars['String']['input'];
};


export type QueryInspectionDrawArgs = {
  id: Scalars['ID']['input'];
};


export type QueryInspectionDrawsArgs = {
  from: Scalars['Date']['input'];
  to: Scalars['Date']['input'];
};


export type QueryInspectionFrequenciesArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
};


export type QueryInspectorsArgs = {
  districtCode?: InputMaybe<Scalars['String']['input']>;
};


export type QueryMeasureCatalogArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
};


export type QueryMeasureFeedbackRollupArgs = {
  from?: InputMaybe<Scalars['Date']['input']>;
  to?: InputMaybe<Scalars['Date']['input']>;
};


export type QueryMeasureSubjectsArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
  code: Scalars['String']['input'];
  knownOn?: InputMaybe<Scalars['Date']['input']>;
};


export type QueryMeasureSubjectsConnectionArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  asOf?: InputMaybe<Scalars['Date']['input']>;
  code: Scalars['String']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
  knownOn?: InputMaybe<Scalars['Date']['input']>;
};


export type QueryPriceSurchargeRulesArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
};


export type QueryPriceSurchargesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
  period: Scalars['String']['input'];
};


export type QueryPublicInspectionResultsArgs = {
  districtCode?: InputMaybe<Scalars['String']['input']>;
  from: Scalars['Date']['input'];
  to: Scalars['Date']['input'];
};


export type QueryPublishedRatingsArgs = {
  after?: InputMaybe<Scalars['USCC']['input']>;
  asOf?: InputMaybe<Scalars['Date']['input']>;
  first?: Scalars['Int']['input'];
};


export type QueryRecentInspectionDrawsArgs = {
  last?: Scalars['Int']['input'];
};


export type QueryResponsiblePersonArgs = {
  idNumber: Scalars['String']['input'];
};


export type QueryRestrictionRulesArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
};


export type QueryScoringPoliciesArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
  subjectKind?: InputMaybe<Scalars['String']['input']>;
};


export type QuerySearchEnterprisesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<EnterpriseFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryWebhookDeliveriesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
  subscriptionId: Scalars['ID']['input'];
};


export type QueryWorkingDayCalendarArgs = {
  year: Scalars['Int']['input'];
};

export type RecordCreditEventInput = {
  decisionNo?: InputMaybe<Scalars['String']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  occurredOn: Scalars['Date']['input'];
  /** The event's own points, within its type's allowed range; default the type's points. */
  points?: InputMaybe<Scalars['Int']['input']>;
  /** Months a penalty is published, within its severity's tier (GENERAL 3–12, SERIOUS 12–36); default the tier's maximum. */
  publicityMonths?: InputMaybe<Scalars['Int']['input']>;
  /** A SERIOUS penalty may name its 法定代表人, 主要负责人 and 直接责任人 (name and resident ID number, check digit verified). */
  responsiblePersons?: InputMaybe<Array<ResponsiblePersonInput>>;
  /** The day the decision and its notice were served: on or after occurredOn, not after today; default the day the notice is issued (today). The objection window counts from it. */
  servedOn?: InputMaybe<Scalars['Date']['input']>;
  /** The penalty's severity; default the catalogue's for its type. Another needs severityReason. */
  severity?: InputMaybe<PenaltySeverity>;
  /** Why the severity differs from the catalogue's default (e.g. the penalty puts the subject on a punishment list). */
  severityReason?: InputMaybe<Scalars['String']['input']>;
  /** Decided by simple procedure (简易程序): only WARNING and FINE may be; such a penalty is not published. Default false. */
  simpleProcedure?: InputMaybe<Scalars['Boolean']['input']>;
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

export type RecordInspectionResultInput = {
  drawId: Scalars['ID']['input'];
  /** PROBLEMS_FOUND: the credit events (of this subject) the problems led to; none for NO_PROBLEM. */
  eventIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The day of the inspection: not before the draw’s day, not after today. */
  inspectedOn: Scalars['Date']['input'];
  outcome: InspectionOutcome;
  /** What was inspected and found, as published. */
  summary: Scalars['String']['input'];
  /** A subject drawn by that draw. */
  uscc: Scalars['USCC']['input'];
};

/** A merger, split or deregistration, as market supervision records it (DOMAIN.md §11 Successors). */
export type RecordSuccessionInput = {
  /** The subjects that merge, split or end; registered codes. */
  from: Array<Scalars['USCC']['input']>;
  kind: SuccessionKind;
  /** The day the merger, split or deregistration took effect. */
  on: Scalars['Date']['input'];
  /** The successors; registered codes. Empty only for a DEREGISTRATION without successor. */
  to: Array<Scalars['USCC']['input']>;
};

export type RegisterEnterpriseInput = {
  address?: InputMaybe<Scalars['String']['input']>;
  /** A district of the city (320703, 320706, 320707, 320722, 320723, 320724, 320771, 320772) or, registered elsewhere, that place's six-digit division code. */
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
  /** ACTIVE (default for a new registration), SUSPENDED, REVOKED or CANCELLED; left out, an update keeps the stored status. */
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

export type RepairStatus =
  | 'APPROVED'
  | 'PENDING'
  | 'REJECTED';

/** A person named by a record, with the record. Name and ID are masked for every role but ENV_ADMIN and CREDIT_OFFICE. */
export type ResponsiblePerson = {
  __typename?: 'ResponsiblePerson';
  /** The decision or document number of the record. */
  documentNo?: Maybe<Scalars['String']['output']>;
  idNumber: Scalars['String']['output'];
  name: Scalars['String']['output'];
  /** The penalty's date (occurredOn) or the listing's (listedOn). */
  recordDate: Scalars['Date']['output'];
  /** The record's id: the credit event's or the listing's. */
  recordId: Scalars['ID']['output'];
  recordKind: ResponsibleRecordKind;
  role: ResponsiblePersonRole;
  /** The subject the record is about. */
  uscc: Scalars['USCC']['output'];
};

/** A responsible person named by a serious penalty or a serious-dishonesty listing. */
export type ResponsiblePersonInput = {
  /** 18-character resident ID number (GB 11643, with its check digit). */
  idNumber: Scalars['String']['input'];
  name: Scalars['String']['input'];
  role: ResponsiblePersonRole;
};

/** 法定代表人 (LEGAL_REPRESENTATIVE), 主要负责人 (PRINCIPAL_OFFICER), 直接责任人 (DIRECTLY_RESPONSIBLE). */
export type ResponsiblePersonRole =
  | 'DIRECTLY_RESPONSIBLE'
  | 'LEGAL_REPRESENTATIVE'
  | 'PRINCIPAL_OFFICER';

/** The record that named the person: a SERIOUS penalty (environment's credit event) or a SERIOUS_DISHONESTY listing (credit office). */
export type ResponsibleRecordKind =
  | 'CREDIT_LISTING'
  | 'ENV_PENALTY';

export type RestrictionLevel =
  | 'NONE'
  | 'PROHIBITED'
  | 'RESTRICTED';

/** A bank restriction rule (finance.restriction_rule, DOMAIN.md §5, §10): a trigger and the level it imposes. */
export type RestrictionRule = {
  __typename?: 'RestrictionRule';
  effectiveFrom: Scalars['Date']['output'];
  /** Exclusive; null while in force. */
  effectiveTo?: Maybe<Scalars['Date']['output']>;
  legalBasis: Scalars['String']['output'];
  level: RestrictionLevel;
  triggerKind: RestrictionTriggerKind;
  /** A colour (RED, BLACK) or a list type (SERIOUS_DISHONESTY, COURT_DISHONEST_DEBTOR, SERIOUS_ILLEGAL_DISHONEST). */
  triggerValue: Scalars['String']['output'];
};

/** COLOR: an environmental credit colour; LISTING: an entry on a named list. */
export type RestrictionTriggerKind =
  | 'COLOR'
  | 'LISTING';

export type ReviewCreditRepairInput = {
  applicationId: Scalars['ID']['input'];
  decision: ReviewDecision;
  note: Scalars['String']['input'];
};

/** UPHOLD grants the request (objection: the event is voided; repair: the penalty is withdrawn from public view); REJECT keeps things as they are. */
export type ReviewDecision =
  | 'REJECT'
  | 'UPHOLD';

export type ReviewObjectionInput = {
  decision: ReviewDecision;
  /** The reasoning of the review; kept with the objection (and the voiding). */
  note: Scalars['String']['input'];
  objectionId: Scalars['ID']['input'];
};

export type ReviewObjectionPayload = {
  __typename?: 'ReviewObjectionPayload';
  /** The event, voided when the objection is upheld. */
  event: CreditEvent;
  objection: Objection;
  /** Today’s rating after the review. */
  ratingAfter?: Maybe<EnvCredit>;
};

/** One version of the 12-point scoring policy for a kind of subject; versions never overlap. */
export type ScoringPolicy = {
  __typename?: 'ScoringPolicy';
  blueMin: Scalars['Int']['output'];
  effectiveFrom: Scalars['Date']['output'];
  /** Exclusive; null while in force. */
  effectiveTo?: Maybe<Scalars['Date']['output']>;
  /** A decision is to be entered within this many working days of its decision day. */
  entryLimitWorkingDays: Scalars['Int']['output'];
  /** Months without a deduction needed for a front-runner designation. */
  frontRunnerCleanMonths: Scalars['Int']['output'];
  /** Publicity of a GENERAL penalty: at most this many months (its default end). */
  generalPublicityMaxMonths: Scalars['Int']['output'];
  /** Publicity of a GENERAL penalty: at least this many months (then it may be repaired). */
  generalPublicityMinMonths: Scalars['Int']['output'];
  /** Lowest GREEN score. */
  greenMin: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  legalBasis: Scalars['String']['output'];
  maxScore: Scalars['Int']['output'];
  /** Days after service within which an event can be objected to. */
  objectionDays: Scalars['Int']['output'];
  /** Longest publicity of a penalty. */
  publicityMaxMonths: Scalars['Int']['output'];
  /** Shortest publicity of a penalty; repair may be applied for after it. */
  publicityMinMonths: Scalars['Int']['output'];
  /** Lowest RED score; below it is BLACK. */
  redMin: Scalars['Int']['output'];
  /** Publicity of a SERIOUS penalty: at most this many months. */
  seriousPublicityMaxMonths: Scalars['Int']['output'];
  /** Publicity of a SERIOUS penalty: at least this many months. */
  seriousPublicityMinMonths: Scalars['Int']['output'];
  startScore: Scalars['Int']['output'];
  /** ENTERPRISE, EIA_AGENCY, MONITORING_AGENCY, OM_AGENCY or TREATMENT_AGENCY. */
  subjectKind: Scalars['String']['output'];
  /** Days from an event to the start of its validity. */
  validityOffsetDays: Scalars['Int']['output'];
  yellowMin: Scalars['Int']['output'];
};

export type SetInspectionFrequencyInput = {
  color: CreditColor;
  /** After today. */
  effectiveFrom: Scalars['Date']['input'];
  legalBasis: Scalars['String']['input'];
  /** Decimal multiple of the base rate, e.g. "3.00". */
  multiplier: Scalars['String']['input'];
};

/** CREDIT_OFFICE: a new version of the surcharge for (priceKind, snapshotColor, minConsecutiveRed) from a day after today; the version in force then ends there. "0.00" ends a surcharge. */
export type SetPriceSurchargeInput = {
  /** CNY per unit, a decimal with at most 2 places ("1.00"). */
  amount: Scalars['String']['input'];
  effectiveFrom: Scalars['Date']['input'];
  legalBasis: Scalars['String']['input'];
  minConsecutiveRed?: Scalars['Int']['input'];
  priceKind: PriceKind;
  snapshotColor: CreditColor;
};

/** CREDIT_OFFICE: a new version of the rule for (triggerKind, triggerValue) from a day after today; the version in force then ends there. Level NONE only ends it. */
export type SetRestrictionRuleInput = {
  effectiveFrom: Scalars['Date']['input'];
  legalBasis: Scalars['String']['input'];
  level: RestrictionLevel;
  triggerKind: RestrictionTriggerKind;
  triggerValue: Scalars['String']['input'];
};

export type SetWorkingDayCalendarYearInput = {
  /** The year's holidays and make-up working days; they replace the year's rows. */
  days: Array<CalendarDayInput>;
  /** The notice the schedule comes from (国务院办公厅关于…年部分节假日安排的通知). */
  source: Scalars['String']['input'];
  year: Scalars['Int']['input'];
};

/** The sewage treatment fee surcharge for the half-year containing the asked date (DOMAIN.md §6). */
export type SewageFee = {
  __typename?: 'SewageFee';
  /** The snapshot colour and day that decide it, and the legal basis. */
  basis: Scalars['String']['output'];
  /** Set when the deciding snapshot was corrected after it was stored: the original price and the difference owed for the months already billed. */
  correction?: Maybe<SurchargeCorrection>;
  /** The half-year it applies to, YYYY-MM-DD/YYYY-MM-DD. */
  period: Scalars['String']['output'];
  /** True while the deciding half-year snapshot has not been stored: the colour was derived and a back-dated event may still change the amount. */
  provisional: Scalars['Boolean']['output'];
  /** CNY per m³ on top of the normal fee, an exact decimal string ("0.60"); "0.00" is the normal fee. */
  surchargePerCubicMetre: Scalars['String']['output'];
};

/** A subject whose colour on `to` differs from its colour on `from`. */
export type SubjectColorChange = {
  __typename?: 'SubjectColorChange';
  colorAfter: CreditColor;
  /** Null when the subject was not rated yet on `from`. */
  colorBefore?: Maybe<CreditColor>;
  /** District code of the rated subject. */
  districtCode: Scalars['String']['output'];
  enterprise: Enterprise;
};

/** A recorded succession. */
export type Succession = {
  __typename?: 'Succession';
  from: Array<Scalars['USCC']['output']>;
  id: Scalars['ID']['output'];
  kind: SuccessionKind;
  on: Scalars['Date']['output'];
  to: Array<Scalars['USCC']['output']>;
};

/** MERGER (合并): `from` subjects merge into the one surviving or new subject in `to`; SPLIT (分立): `from` is one subject, each of `to` inherits its whole history; DEREGISTRATION (注销): `from` subjects end, with at most one successor in `to`. */
export type SuccessionKind =
  | 'DEREGISTRATION'
  | 'MERGER'
  | 'SPLIT';

/** The price as first decided, when the deciding snapshot was corrected after it was stored (an objection upheld later; DOMAIN.md §10). */
export type SurchargeCorrection = {
  __typename?: 'SurchargeCorrection';
  /** Those months, YYYY-MM-DD/YYYY-MM-DD; null when none. */
  billedPeriod?: Maybe<Scalars['String']['output']>;
  /** The day of the correction; the corrected surcharge applies to what is billed from then. */
  correctedOn: Scalars['Date']['output'];
  /** Original minus corrected surcharge per unit (m³ or kWh), an exact decimal: owed back to the subject for every unit billed in billedPeriod when positive, owed by it when negative. */
  differencePerUnit: Scalars['String']['output'];
  /** Whole months of the half-year that ended before the correction, billed at the original surcharge. */
  monthsBilled: Scalars['Int']['output'];
  originalBasis: Scalars['String']['output'];
  /** The surcharge per unit as first decided, from the snapshot as taken. */
  originalSurcharge: Scalars['String']['output'];
};

export type VoidCreditEventInput = {
  eventId: Scalars['ID']['input'];
  /** Why it is voided; kept with the event. */
  reason: Scalars['String']['input'];
};

/** A voided event and today’s rating before and after the voiding. */
export type VoidCreditEventPayload = {
  __typename?: 'VoidCreditEventPayload';
  event: CreditEvent;
  ratingAfter?: Maybe<EnvCredit>;
  ratingBefore?: Maybe<EnvCredit>;
};

/** One entry of a delivery log: an attempt (DELIVERED, FAILED, DEAD) or a note (DISABLED, REPLAYED). */
export type WebhookDelivery = {
  __typename?: 'WebhookDelivery';
  at: Scalars['DateTime']['output'];
  /** Attempt number of the message (1 = first try); 0 for notes. */
  attempt: Scalars['Int']['output'];
  durationMs?: Maybe<Scalars['Int']['output']>;
  error?: Maybe<Scalars['String']['output']>;
  eventType?: Maybe<ChangeEventType>;
  id: Scalars['ID']['output'];
  /** The webhook-id header (the same on every attempt and replay). */
  messageId?: Maybe<Scalars['String']['output']>;
  outcome: Scalars['String']['output'];
  statusCode?: Maybe<Scalars['Int']['output']>;
  uscc?: Maybe<Scalars['USCC']['output']>;
};

/** A subscription’s delivery log, newest first. */
export type WebhookDeliveryConnection = {
  __typename?: 'WebhookDeliveryConnection';
  edges: Array<WebhookDeliveryEdge>;
  pageInfo: PageInfo;
};

export type WebhookDeliveryEdge = {
  __typename?: 'WebhookDeliveryEdge';
  cursor: Scalars['String']['output'];
  node: WebhookDelivery;
};

/** A webhook subscription of the calling partner. */
export type WebhookSubscription = {
  __typename?: 'WebhookSubscription';
  /** False once deleted, or disabled after its endpoint kept failing (see disabledReason). */
  active: Scalars['Boolean']['output'];
  createdAt: Scalars['DateTime']['output'];
  disabledReason?: Maybe<Scalars['String']['output']>;
  /** The district of a DISTRICT subscription. */
  districtCode?: Maybe<Scalars['String']['output']>;
  eventTypes: Array<ChangeEventType>;
  id: Scalars['ID']['output'];
  /** ALL (every subject in scope), DISTRICT or WATCHLIST. */
  scope: Scalars['String']['output'];
  url: Scalars['String']['output'];
  /** Codes on the watch-list (0 unless WATCHLIST). */
  watchCount: Scalars['Int']['output'];
};

/** Where to send which changes: every subject in your scope, one district (districtCode), or a watch-list (usccs; more with addWebhookWatchCodes). */
export type WebhookSubscriptionInput = {
  districtCode?: InputMaybe<Scalars['String']['input']>;
  eventTypes: Array<ChangeEventType>;
  /** https endpoint (http and private addresses only where the hub allows them). */
  url: Scalars['String']['input'];
  usccs?: InputMaybe<Array<Scalars['USCC']['input']>>;
};

/** One year of the national holiday calendar: the days that are not ordinary days (others are working days Monday to Friday). */
export type WorkingDayCalendarYear = {
  __typename?: 'WorkingDayCalendarYear';
  /** Whether the table holds the year; a year it does not hold counts Monday to Friday only. */
  covered: Scalars['Boolean']['output'];
  /** Oldest first. */
  days: Array<CalendarDay>;
  year: Scalars['Int']['output'];
};

export type EnvCreditOnQueryVariables = Exact<{
  uscc: Scalars['USCC']['input'];
  asOf?: InputMaybe<Scalars['Date']['input']>;
}>;


export type EnvCreditOnQuery = { __typename?: 'Query', enterprise?: { __typename?: 'Enterprise', uscc: string, envCredit?: { __typename?: 'EnvCredit', color: CreditColor, score?: number | null, ratedOn: string } | null } | null };

export type EnvCreditHistoryQueryVariables = Exact<{
  uscc: Scalars['USCC']['input'];
}>;


export type EnvCreditHistoryQuery = { __typename?: 'Query', enterprise?: { __typename?: 'Enterprise', uscc: string, envCreditHistory?: Array<{ __typename?: 'CreditColorChange', on: string, colorBefore?: CreditColor | null, scoreBefore?: number | null, colorAfter: CreditColor, scoreAfter: number, cause: ColorChangeCause, superseded: boolean, recordedOn?: string | null, event?: { __typename?: 'CreditEvent', id: string, type: string, voided: boolean } | null }> | null, envCreditEvents?: Array<{ __typename?: 'CreditEvent', id: string, type: string, occurredOn: string, voided: boolean, voidReason?: string | null, voidedOn?: string | null }> | null, envObjections?: Array<{ __typename?: 'Objection', id: string, eventId: string, status: ObjectionStatus, deadline: string }> | null } | null };

export type RecordEventMutationVariables = Exact<{
  input: RecordCreditEventInput;
}>;


export type RecordEventMutation = { __typename?: 'Mutation', recordCreditEvent: { __typename?: 'RecordCreditEventPayload', event: { __typename?: 'CreditEvent', id: string, type: string, points: number, servedOn?: string | null, validFrom: string, validUntil: string, publicUntil?: string | null }, ratingBefore?: { __typename?: 'EnvCredit', color: CreditColor, score?: number | null } | null, ratingAfter: { __typename?: 'EnvCredit', color: CreditColor, score?: number | null }, notice: { __typename?: 'CreditNotice', number: string, text: string, uscc?: string | null, eventId?: string | null, htmlPath?: string | null, printUrl: string } } };

export type VoidCreditEventMutationVariables = Exact<{
  input: VoidCreditEventInput;
}>;


export type VoidCreditEventMutation = { __typename?: 'Mutation', voidCreditEvent: { __typename?: 'VoidCreditEventPayload', event: { __typename?: 'CreditEvent', id: string, voided: boolean, voidReason?: string | null }, ratingBefore?: { __typename?: 'EnvCredit', color: CreditColor, score?: number | null } | null, ratingAfter?: { __typename?: 'EnvCredit', color: CreditColor, score?: number | null } | null } };

export type FileObjectionMutationVariables = Exact<{
  input: FileObjectionInput;
}>;


export type FileObjectionMutation = { __typename?: 'Mutation', fileObjection: { __typename?: 'Objection', id: string, eventId: string, filedOn: string, deadline: string, status: ObjectionStatus } };

export type ReviewObjectionMutationVariables = Exact<{
  input: ReviewObjectionInput;
}>;


export type ReviewObjectionMutation = { __typename?: 'Mutation', reviewObjection: { __typename?: 'ReviewObjectionPayload', objection: { __typename?: 'Objection', id: string, status: ObjectionStatus, reviewNote?: string | null }, event: { __typename?: 'CreditEvent', id: string, voided: boolean, voidReason?: string | null }, ratingAfter?: { __typename?: 'EnvCredit', color: CreditColor, score?: number | null } | null } };

export type DesignateFrontRunnerMutationVariables = Exact<{
  input: DesignateFrontRunnerInput;
}>;


export type DesignateFrontRunnerMutation = { __typename?: 'Mutation', designateFrontRunner: { __typename?: 'DesignateFrontRunnerPayload', designation: { __typename?: 'FrontRunnerDesignation', id: string, designatedOn: string, decisionNo: string }, ratingAfter?: { __typename?: 'EnvCredit', color: CreditColor, score?: number | null } | null } };

export type TakeHalfYearSnapshotMutationVariables = Exact<{
  periodEnd: Scalars['Date']['input'];
}>;


export type TakeHalfYearSnapshotMutation = { __typename?: 'Mutation', takeHalfYearSnapshot: { __typename?: 'HalfYearSnapshotRun', periodEnd: string, subjects: number, stored: number, alreadyStored: number, red: number, black: number } };

export type EnvCreditSnapshotsQueryVariables = Exact<{
  uscc: Scalars['USCC']['input'];
}>;


export type EnvCreditSnapshotsQuery = { __typename?: 'Query', enterprise?: { __typename?: 'Enterprise', uscc: string, envCreditSnapshots?: Array<{ __typename?: 'CreditSnapshot', periodEnd: string, color: CreditColor, score?: number | null, consecutiveRed: number, stored: boolean }> | null } | null };

export type CreditNoticeQueryVariables = Exact<{
  number: Scalars['String']['input'];
}>;


export type CreditNoticeQuery = { __typename?: 'Query', creditNotice?: { __typename?: 'CreditNotice', number: string, text: string, uscc?: string | null, eventId?: string | null, issuedOn?: string | null, htmlPath?: string | null } | null };

export type ImportLegacyRatingsMutationVariables = Exact<{
  input: ImportLegacyRatingsInput;
}>;


export type ImportLegacyRatingsMutation = { __typename?: 'Mutation', importLegacyRatings: { __typename?: 'ImportLegacyRatingsPayload', imported: number, unchanged: number } };

export type LegacyRatingsQueryVariables = Exact<{
  uscc: Scalars['USCC']['input'];
}>;


export type LegacyRatingsQuery = { __typename?: 'Query', enterprise?: { __typename?: 'Enterprise', uscc: string, envLegacyRatings?: Array<{ __typename?: 'LegacyRating', year: number, scale: string, score: string, color: CreditColor, source: string }> | null, envCredit?: { __typename?: 'EnvCredit', color: CreditColor, score?: number | null } | null } | null };

export type PublicPenaltiesQueryVariables = Exact<{
  uscc: Scalars['USCC']['input'];
}>;


export type PublicPenaltiesQuery = { __typename?: 'Query', enterprise?: { __typename?: 'Enterprise', uscc: string, publicPenalties?: Array<{ __typename?: 'PublicPenalty', decisionNo?: string | null, type: string, typeName: string, decidedOn: string, publicUntil: string }> | null } | null };

export type PenaltyDisclosuresQueryVariables = Exact<{
  uscc: Scalars['USCC']['input'];
}>;


export type PenaltyDisclosuresQuery = { __typename?: 'Query', enterprise?: { __typename?: 'Enterprise', uscc: string, envPenaltyDisclosures?: Array<{ __typename?: 'PenaltyDisclosure', state: DisclosureState, publicUntil: string, repairableFrom: string, event: { __typename?: 'CreditEvent', id: string, type: string }, repair?: { __typename?: 'CreditRepair', id: string, status: RepairStatus } | null }> | null, envCredit?: { __typename?: 'EnvCredit', color: CreditColor, score?: number | null } | null } | null };

export type ApplyCreditRepairMutationVariables = Exact<{
  input: ApplyCreditRepairInput;
}>;


export type ApplyCreditRepairMutation = { __typename?: 'Mutation', applyCreditRepair: { __typename?: 'CreditRepair', id: string, eventId: string, status: RepairStatus, appliedOn: string } };

export type ReviewCreditRepairMutationVariables = Exact<{
  input: ReviewCreditRepairInput;
}>;


export type ReviewCreditRepairMutation = { __typename?: 'Mutation', reviewCreditRepair: { __typename?: 'CreditRepair', id: string, status: RepairStatus, decidedOn?: string | null } };

export type PolicyCatalogQueryVariables = Exact<{
  subjectKind?: InputMaybe<Scalars['String']['input']>;
  asOf?: InputMaybe<Scalars['Date']['input']>;
}>;


export type PolicyCatalogQuery = { __typename?: 'Query', scoringPolicies: Array<{ __typename?: 'ScoringPolicy', id: string, subjectKind: string, startScore: number, maxScore: number, greenMin: number, blueMin: number, yellowMin: number, redMin: number, objectionDays: number, frontRunnerCleanMonths: number, publicityMinMonths: number, publicityMaxMonths: number, legalBasis: string, effectiveFrom: string, effectiveTo?: string | null }>, eventTypeCatalog: Array<{ __typename?: 'EventType', id: string, code: string, subjectKind: string, nameZh: string, nameEn: string, defaultPoints: number, minPoints: number, maxPoints: number, validityMonths: number, forcedColor?: CreditColor | null, oncePerMonths?: number | null, publicityMonths?: number | null, legalBasis: string, effectiveFrom: string, effectiveTo?: string | null }>, inspectionFrequencies: Array<{ __typename?: 'InspectionFrequency', color: CreditColor, multiplier: string, effectiveFrom: string }> };

export type AddScoringPolicyVersionMutationVariables = Exact<{
  input: AddScoringPolicyVersionInput;
}>;


export type AddScoringPolicyVersionMutation = { __typename?: 'Mutation', addScoringPolicyVersion: { __typename?: 'ScoringPolicy', id: string, subjectKind: string, startScore: number, greenMin: number, effectiveFrom: string, effectiveTo?: string | null } };

export type AddEventTypeVersionMutationVariables = Exact<{
  input: AddEventTypeVersionInput;
}>;


export type AddEventTypeVersionMutation = { __typename?: 'Mutation', addEventTypeVersion: { __typename?: 'EventType', id: string, code: string, defaultPoints: number, minPoints: number, maxPoints: number, validityMonths: number, effectiveFrom: string } };

export type DrawInspectionsMutationVariables = Exact<{
  input: DrawInspectionsInput;
}>;


export type DrawInspectionsMutation = { __typename?: 'Mutation', drawInspections: { __typename?: 'InspectionDraw', id: string, seed: string, asOf: string, districtCode?: string | null, populationSize: number, algorithm: string, reproducible: boolean, strata: Array<{ __typename?: 'InspectionStratum', color: CreditColor, rewardsSuspended: boolean, population: number, weight: number, expected: number, selected: number, realisedRate: number }>, selected: Array<{ __typename?: 'DrawnSubject', uscc: string, color: CreditColor, rewardsSuspended: boolean }> } };

export type InspectionDrawQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type InspectionDrawQuery = { __typename?: 'Query', inspectionDraw?: { __typename?: 'InspectionDraw', id: string, seed: string, algorithm: string, populationSize: number, reproducible: boolean, selected: Array<{ __typename?: 'DrawnSubject', uscc: string, color: CreditColor, rewardsSuspended: boolean }> } | null };

export type FeedAnswersQueryVariables = Exact<{
  usccs: Array<Scalars['USCC']['input']> | Scalars['USCC']['input'];
}>;


export type FeedAnswersQuery = { __typename?: 'Query', enterprises: Array<{ __typename?: 'Enterprise', uscc: string, envCredit?: { __typename?: 'EnvCredit', color: CreditColor } | null, creditRestriction?: { __typename?: 'CreditRestriction', level: RestrictionLevel } | null, jointMeasures?: Array<{ __typename?: 'AppliedMeasure', measure: { __typename?: 'Measure', code: string } }> | null, sewageFee?: { __typename?: 'SewageFee', surchargePerCubicMetre: string, period: string } | null } | null> };

export type FeedAnswersBankQueryVariables = Exact<{
  usccs: Array<Scalars['USCC']['input']> | Scalars['USCC']['input'];
}>;


export type FeedAnswersBankQuery = { __typename?: 'Query', enterprises: Array<{ __typename?: 'Enterprise', uscc: string, envCredit?: { __typename?: 'EnvCredit', color: CreditColor } | null, creditRestriction?: { __typename?: 'CreditRestriction', level: RestrictionLevel } | null, jointMeasures?: Array<{ __typename?: 'AppliedMeasure', measure: { __typename?: 'Measure', code: string } }> | null } | null> };

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

export type DrawWithInspectorsFragment = { __typename?: 'InspectionDraw', id: string, seed: string, asOf: string, districtCode?: string | null, reproducible: boolean, inspectorAlgorithm?: string | null, selected: Array<{ __typename?: 'DrawnSubject', uscc: string, color: CreditColor, inspectors: Array<{ __typename?: 'Inspector', id: string, name: string, districtCode: string }> }> };

export type PoolInspectorFieldsFragment = { __typename?: 'PoolInspector', id: string, name: string, districtCode: string, active: boolean, assignments: number, conflicts: Array<{ __typename?: 'InspectorConflict', uscc: string, reason: string }> };

export type InspectionResultFieldsFragment = { __typename?: 'InspectionResult', id: string, drawId: string, uscc: string, districtCode: string, inspectedOn: string, outcome: InspectionOutcome, eventIds: Array<string>, summary: string, publishedOn: string, publishBy: string, publishedLate: boolean };

export type DrawWithInspectorsMutationVariables = Exact<{
  input: DrawInspectionsInput;
}>;


export type DrawWithInspectorsMutation = { __typename?: 'Mutation', drawInspections: { __typename?: 'InspectionDraw', id: string, seed: string, asOf: string, districtCode?: string | null, reproducible: boolean, inspectorAlgorithm?: string | null, selected: Array<{ __typename?: 'DrawnSubject', uscc: string, color: CreditColor, inspectors: Array<{ __typename?: 'Inspector', id: string, name: string, districtCode: string }> }> } };

export type InspectionDrawWithInspectorsQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type InspectionDrawWithInspectorsQuery = { __typename?: 'Query', inspectionDraw?: { __typename?: 'InspectionDraw', id: string, seed: string, asOf: string, districtCode?: string | null, reproducible: boolean, inspectorAlgorithm?: string | null, selected: Array<{ __typename?: 'DrawnSubject', uscc: string, color: CreditColor, inspectors: Array<{ __typename?: 'Inspector', id: string, name: string, districtCode: string }> }> } | null };

export type InspectorPoolQueryVariables = Exact<{
  districtCode?: InputMaybe<Scalars['String']['input']>;
}>;


export type InspectorPoolQuery = { __typename?: 'Query', inspectors: Array<{ __typename?: 'PoolInspector', id: string, name: string, districtCode: string, active: boolean, assignments: number, conflicts: Array<{ __typename?: 'InspectorConflict', uscc: string, reason: string }> }> };

export type AddInspectorMutationVariables = Exact<{
  input: AddInspectorInput;
}>;


export type AddInspectorMutation = { __typename?: 'Mutation', addInspector: { __typename?: 'PoolInspector', id: string, name: string, districtCode: string, active: boolean, assignments: number, conflicts: Array<{ __typename?: 'InspectorConflict', uscc: string, reason: string }> } };

export type RemoveInspectorMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type RemoveInspectorMutation = { __typename?: 'Mutation', removeInspector: { __typename?: 'PoolInspector', id: string, name: string, districtCode: string, active: boolean, assignments: number, conflicts: Array<{ __typename?: 'InspectorConflict', uscc: string, reason: string }> } };

export type AddInspectorConflictMutationVariables = Exact<{
  input: InspectorConflictInput;
}>;


export type AddInspectorConflictMutation = { __typename?: 'Mutation', addInspectorConflict: { __typename?: 'PoolInspector', id: string, name: string, districtCode: string, active: boolean, assignments: number, conflicts: Array<{ __typename?: 'InspectorConflict', uscc: string, reason: string }> } };

export type RemoveInspectorConflictMutationVariables = Exact<{
  input: InspectorConflictInput;
}>;


export type RemoveInspectorConflictMutation = { __typename?: 'Mutation', removeInspectorConflict: { __typename?: 'PoolInspector', id: string, name: string, districtCode: string, active: boolean, assignments: number, conflicts: Array<{ __typename?: 'InspectorConflict', uscc: string, reason: string }> } };

export type RecordInspectionResultMutationVariables = Exact<{
  input: RecordInspectionResultInput;
}>;


export type RecordInspectionResultMutation = { __typename?: 'Mutation', recordInspectionResult: { __typename?: 'InspectionResult', id: string, drawId: string, uscc: string, districtCode: string, inspectedOn: string, outcome: InspectionOutcome, eventIds: Array<string>, summary: string, publishedOn: string, publishBy: string, publishedLate: boolean } };

export type PublicInspectionResultsQueryVariables = Exact<{
  from: Scalars['Date']['input'];
  to: Scalars['Date']['input'];
  districtCode?: InputMaybe<Scalars['String']['input']>;
}>;


export type PublicInspectionResultsQuery = { __typename?: 'Query', publicInspectionResults: Array<{ __typename?: 'InspectionResult', id: string, drawId: string, uscc: string, districtCode: string, inspectedOn: string, outcome: InspectionOutcome, eventIds: Array<string>, summary: string, publishedOn: string, publishBy: string, publishedLate: boolean }> };

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


export type MeasureFeedbackRollupQuery = { __typename?: 'Query', measureFeedbackRollup: Array<{ __typename?: 'MeasureFeedbackRollup', agency?: string | null, subjectsDue?: number | null, subjectsReported: number, subjectsReportedNotDue?: number | null, applied: number, notApplied: number, exempted: number, measure: { __typename?: 'Measure', code: string, implementingAgency: string } }> };

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

export type ConsistentBatchQueryVariables = Exact<{
  usccs: Array<Scalars['USCC']['input']> | Scalars['USCC']['input'];
}>;


export type ConsistentBatchQuery = { __typename?: 'Query', enterprises: Array<{ __typename?: 'Enterprise', uscc: string, name: string, creditListings?: Array<{ __typename?: 'CreditListing', listType: CreditListType, documentNo?: string | null }> | null, creditRestriction?: { __typename?: 'CreditRestriction', level: RestrictionLevel } | null } | null> };

export type MeasureSubjectsQueryVariables = Exact<{
  code: Scalars['String']['input'];
  asOf?: InputMaybe<Scalars['Date']['input']>;
}>;


export type MeasureSubjectsQuery = { __typename?: 'Query', measureSubjects: Array<{ __typename?: 'Enterprise', uscc: string, name: string, jointMeasures?: Array<{ __typename?: 'AppliedMeasure', since?: string | null, measure: { __typename?: 'Measure', code: string } }> | null }> };

export type SearchEnterprisesQueryVariables = Exact<{
  filter?: InputMaybe<EnterpriseFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type SearchEnterprisesQuery = { __typename?: 'Query', searchEnterprises: { __typename?: 'EnterpriseConnection', edges: Array<{ __typename?: 'EnterpriseEdge', cursor: string, node: { __typename?: 'Enterprise', uscc: string, name: string, districtCode: string, envCredit?: { __typename?: 'EnvCredit', color: CreditColor } | null } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type SearchEnterprisesCountedQueryVariables = Exact<{
  filter?: InputMaybe<EnterpriseFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type SearchEnterprisesCountedQuery = { __typename?: 'Query', searchEnterprises: { __typename?: 'EnterpriseConnection', totalCount: number, edges: Array<{ __typename?: 'EnterpriseEdge', cursor: string, node: { __typename?: 'Enterprise', uscc: string } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type ColorDistributionDrillDownQueryVariables = Exact<{
  groupBy: DistributionGroup;
  asOf?: InputMaybe<Scalars['Date']['input']>;
}>;


export type ColorDistributionDrillDownQuery = { __typename?: 'Query', colorDistribution: Array<{ __typename?: 'ColorBucket', group: string, groupName?: string | null, color: CreditColor, count: number, filter?: { __typename?: 'ColorBucketFilter', districtCode?: string | null, industryCode?: string | null, color: CreditColor, colorAsOf: string } | null }> };

export type MeasureSubjectsPageQueryVariables = Exact<{
  code: Scalars['String']['input'];
  asOf?: InputMaybe<Scalars['Date']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type MeasureSubjectsPageQuery = { __typename?: 'Query', measureSubjectsConnection: { __typename?: 'MeasureSubjectConnection', totalCount: number, edges: Array<{ __typename?: 'MeasureSubjectEdge', cursor: string, node: { __typename?: 'Enterprise', uscc: string } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type SubjectRecordsPageQueryVariables = Exact<{
  uscc: Scalars['USCC']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
  eventsAfter?: InputMaybe<Scalars['String']['input']>;
  penaltiesAfter?: InputMaybe<Scalars['String']['input']>;
}>;


export type SubjectRecordsPageQuery = { __typename?: 'Query', enterprise?: { __typename?: 'Enterprise', uscc: string, envCreditEvents?: Array<{ __typename?: 'CreditEvent', id: string }> | null, envCreditEventsConnection?: { __typename?: 'CreditEventConnection', totalCount: number, edges: Array<{ __typename?: 'CreditEventEdge', cursor: string, node: { __typename?: 'CreditEvent', id: string, type: string, occurredOn: string } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } | null, publicPenaltyRecords?: Array<{ __typename?: 'PenaltyRecord', decisionNo: string }> | null, publicPenaltyRecordsConnection?: { __typename?: 'PenaltyRecordConnection', totalCount: number, edges: Array<{ __typename?: 'PenaltyRecordEdge', cursor: string, node: { __typename?: 'PenaltyRecord', decisionNo: string } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } | null } | null };

export type CreateWebhookSubscriptionMutationVariables = Exact<{
  input: WebhookSubscriptionInput;
}>;


export type CreateWebhookSubscriptionMutation = { __typename?: 'Mutation', createWebhookSubscription: { __typename?: 'IssuedWebhookSubscription', secret: string, subscription: { __typename?: 'WebhookSubscription', id: string, url: string, eventTypes: Array<ChangeEventType>, active: boolean, scope: string, districtCode?: string | null, watchCount: number } } };

export type WebhookSubscriptionsQueryVariables = Exact<{ [key: string]: never; }>;


export type WebhookSubscriptionsQuery = { __typename?: 'Query', webhookSubscriptions: Array<{ __typename?: 'WebhookSubscription', id: string, url: string, eventTypes: Array<ChangeEventType>, active: boolean, scope: string, districtCode?: string | null, watchCount: number, disabledReason?: string | null, createdAt: string }> };

export type WebhookDeliveriesQueryVariables = Exact<{
  subscriptionId: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type WebhookDeliveriesQuery = { __typename?: 'Query', webhookDeliveries: { __typename?: 'WebhookDeliveryConnection', edges: Array<{ __typename?: 'WebhookDeliveryEdge', cursor: string, node: { __typename?: 'WebhookDelivery', id: string, messageId?: string | null, eventType?: ChangeEventType | null, uscc?: string | null, attempt: number, outcome: string, statusCode?: number | null, error?: string | null, at: string } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type ReplayWebhookDeliveriesMutationVariables = Exact<{
  subscriptionId: Scalars['ID']['input'];
  since?: InputMaybe<Scalars['DateTime']['input']>;
  until?: InputMaybe<Scalars['DateTime']['input']>;
  uscc?: InputMaybe<Scalars['USCC']['input']>;
  fromSequence?: InputMaybe<Scalars['Int']['input']>;
}>;


export type ReplayWebhookDeliveriesMutation = { __typename?: 'Mutation', replayWebhookDeliveries: number };

export type EnableWebhookSubscriptionMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type EnableWebhookSubscriptionMutation = { __typename?: 'Mutation', enableWebhookSubscription: { __typename?: 'WebhookSubscription', id: string, active: boolean, disabledReason?: string | null } };

export type DeleteWebhookSubscriptionMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type DeleteWebhookSubscriptionMutation = { __typename?: 'Mutation', deleteWebhookSubscription: { __typename?: 'WebhookSubscription', id: string, active: boolean } };

export type AddWebhookWatchCodesMutationVariables = Exact<{
  subscriptionId: Scalars['ID']['input'];
  usccs: Array<Scalars['USCC']['input']> | Scalars['USCC']['input'];
}>;


export type AddWebhookWatchCodesMutation = { __typename?: 'Mutation', addWebhookWatchCodes: number };

export type RemoveWebhookWatchCodesMutationVariables = Exact<{
  subscriptionId: Scalars['ID']['input'];
  usccs: Array<Scalars['USCC']['input']> | Scalars['USCC']['input'];
}>;


export type RemoveWebhookWatchCodesMutation = { __typename?: 'Mutation', removeWebhookWatchCodes: number };

export type RotateWebhookSecretMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type RotateWebhookSecretMutation = { __typename?: 'Mutation', rotateWebhookSecret: { __typename?: 'IssuedWebhookSubscription', secret: string, subscription: { __typename?: 'WebhookSubscription', id: string } } };

export const DrawWithInspectorsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DrawWithInspectors"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InspectionDraw"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"seed"}},{"kind":"Field","name":{"kind":"Name","value":"asOf"}},{"kind":"Field","name":{"kind":"Name","value":"districtCode"}},{"kind":"Field","name":{"kind":"Name","value":"reproducible"}},{"kind":"Field","name":{"kind":"Name","value":"inspectorAlgorithm"}},{"kind":"Field","name":{"kind":"Name","value":"selected"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uscc"}},{"kind":"Field","name":{"kind":"Name","value":"color"}},{"kind":"Field","name":{"kind":"Name","value":"inspectors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"districtCode"}}]}}]}}]}}]} as unknown as DocumentNode<DrawWithInspectorsFragment, unknown>;
export const PoolInspectorFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PoolInspectorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PoolInspector"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"districtCode"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"assignments"}},{"kind":"Field","name":{"kind":"Name","value":"conflicts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uscc"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]} as unknown as DocumentNode<PoolInspectorFieldsFragment, unknown>;
export const InspectionResultFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"InspectionResultFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InspectionResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"drawId"}},{"kind":"Field","name":{"kind":"Name","value":"uscc"}},{"kind":"Field","name":{"kind":"Name","value":"districtCode"}},{"kind":"Field","name":{"kind":"Name","value":"inspectedOn"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"eventIds"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"publishedOn"}},{"kind":"Field","name":{"kind":"Name","value":"publishBy"}},{"kind":"Field","name":{"kind":"Name","value":"publishedLate"}}]}}]} as unknown as DocumentNode<InspectionResultFieldsFragment, unknown>;
export const AppliedMeasureFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AppliedMeasureFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AppliedMeasure"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"measure"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nature"}},{"kind":"Field","name":{"kind":"Name","value":"implementingAgency"}},{"kind":"Field","name":{"kind":"Name","value":"agencyKind"}},{"kind":"Field","name":{"kind":"Name","value":"legalBasis"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"since"}}]}}]} as unknown as DocumentNode<AppliedMeasureFieldsFragment, unknown>;
export const EnvCreditOnDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EnvCreditOn"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"uscc"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"USCC"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enterprise"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"uscc"},"value":{"kind":"Variable","name":{"kind":"Name","value":"uscc"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uscc"}},{"kind":"Field","name":{"kind":"Name","value":"envCredit"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"color"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"ratedOn"}}]}}]}}]}}]} as unknown as DocumentNode<EnvCreditOnQuery, EnvCreditOnQueryVariables>;
export const EnvCreditHistoryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EnvCreditHistory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"uscc"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"USCC"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enterprise"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"uscc"},"value":{"kind":"Variable","name":{"kind":"Name","value":"uscc"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uscc"}},{"kind":"Field","name":{"kind":"Name","value":"envCreditHistory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"on"}},{"kind":"Field","name":{"kind":"Name","value":"colorBefore"}},{"kind":"Field","name":{"kind":"Name","value":"scoreBefore"}},{"kind":"Field","name":{"kind":"Name","value":"colorAfter"}},{"kind":"Field","name":{"kind":"Name","value":"scoreAfter"}},{"kind":"Field","name":{"kind":"Name","value":"cause"}},{"kind":"Field","name":{"kind":"Name","value":"superseded"}},{"kind":"Field","name":{"kind":"Name","value":"recordedOn"}},{"kind":"Field","name":{"kind":"Name","value":"event"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"voided"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"envCreditEvents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"occurredOn"}},{"kind":"Field","name":{"kind":"Name","value":"voided"}},{"kind":"Field","name":{"kind":"Name","value":"voidReason"}},{"kind":"Field","name":{"kind":"Name","value":"voidedOn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"envObjections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"deadline"}}]}}]}}]}}]} as unknown as DocumentNode<EnvCreditHistoryQuery, EnvCreditHistoryQueryVariables>;
export const RecordEventDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordEvent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordCreditEventInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordCreditEvent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"event"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"servedOn"}},{"kind":"Field","name":{"kind":"Name","value":"validFrom"}},{"kind":"Field","name":{"kind":"Name","value":"validUntil"}},{"kind":"Field","name":{"kind":"Name","value":"publicUntil"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ratingBefore"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"color"}},{"kind":"Field","name":{"kind":"Name","value":"score"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ratingAfter"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"color"}},{"kind":"Field","name":{"kind":"Name","value":"score"}}]}},{"kind":"Field","name":{"kind":"Name","value":"notice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"uscc"}},{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"htmlPath"}},{"kind":"Field","name":{"kind":"Name","value":"printUrl"}}]}}]}}]}}]} as unknown as DocumentNode<RecordEventMutation, RecordEventMutationVariables>;
export const VoidCreditEventDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"VoidCreditEvent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"VoidCreditEventInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"voidCreditEvent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"event"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"voided"}},{"kind":"Field","name":{"kind":"Name","value":"voidReason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ratingBefore"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"color"}},{"kind":"Field","name":{"kind":"Name","value":"score"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ratingAfter"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"color"}},{"kind":"Field","name":{"kind":"Name","value":"score"}}]}}]}}]}}]} as unknown as DocumentNode<VoidCreditEventMutation, VoidCreditEventMutationVariables>;
export const FileObjectionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"FileObjection"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"FileObjectionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fileObjection"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"filedOn"}},{"kind":"Field","name":{"kind":"Name","value":"deadline"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<FileObjectionMutation, FileObjectionMutationVariables>;
export const ReviewObjectionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReviewObjection"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReviewObjectionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reviewObjection"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"objection"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reviewNote"}}]}},{"kind":"Field","name":{"kind":"Name","value":"event"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"voided"}},{"kind":"Field","name":{"kind":"Name","value":"voidReason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ratingAfter"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"color"}},{"kind":"Field","name":{"kind":"Name","value":"score"}}]}}]}}]}}]} as unknown as DocumentNode<ReviewObjectionMutation, ReviewObjectionMutationVariables>;
export const DesignateFrontRunnerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DesignateFrontRunner"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DesignateFrontRunnerInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"designateFrontRunner"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"designation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"designatedOn"}},{"kind":"Field","name":{"kind":"Name","value":"decisionNo"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ratingAfter"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"color"}},{"kind":"Field","name":{"kind":"Name","value":"score"}}]}}]}}]}}]} as unknown as DocumentNode<DesignateFrontRunnerMutation, DesignateFrontRunnerMutationVariables>;
export const TakeHalfYearSnapshotDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TakeHalfYearSnapshot"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"periodEnd"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"takeHalfYearSnapshot"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"periodEnd"},"value":{"kind":"Variable","name":{"kind":"Name","value":"periodEnd"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"periodEnd"}},{"kind":"Field","name":{"kind":"Name","value":"subjects"}},{"kind":"Field","name":{"kind":"Name","value":"stored"}},{"kind":"Field","name":{"kind":"Name","value":"alreadyStored"}},{"kind":"Field","name":{"kind":"Name","value":"red"}},{"kind":"Field","name":{"kind":"Name","value":"black"}}]}}]}}]} as unknown as DocumentNode<TakeHalfYearSnapshotMutation, TakeHalfYearSnapshotMutationVariables>;
export const EnvCreditSnapshotsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EnvCreditSnapshots"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"uscc"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"USCC"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enterprise"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"uscc"},"value":{"kind":"Variable","name":{"kind":"Name","value":"uscc"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uscc"}},{"kind":"Field","name":{"kind":"Name","value":"envCreditSnapshots"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"periodEnd"}},{"kind":"Field","name":{"kind":"Name","value":"color"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"consecutiveRed"}},{"kind":"Field","name":{"kind":"Name","value":"stored"}}]}}]}}]}}]} as unknown as DocumentNode<EnvCreditSnapshotsQuery, EnvCreditSnapshotsQueryVariables>;
export const CreditNoticeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CreditNotice"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"number"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"creditNotice"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"number"},"value":{"kind":"Variable","name":{"kind":"Name","value":"number"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"uscc"}},{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"issuedOn"}},{"kind":"Field","name":{"kind":"Name","value":"htmlPath"}}]}}]}}]} as unknown as DocumentNode<CreditNoticeQuery, CreditNoticeQueryVariables>;
export const ImportLegacyRatingsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ImportLegacyRatings"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ImportLegacyRatingsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"importLegacyRatings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"imported"}},{"kind":"Field","name":{"kind":"Name","value":"unchanged"}}]}}]}}]} as unknown as DocumentNode<ImportLegacyRatingsMutation, ImportLegacyRatingsMutationVariables>;
export const LegacyRatingsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LegacyRatings"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"uscc"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"USCC"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enterprise"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"uscc"},"value":{"kind":"Variable","name":{"kind":"Name","value":"uscc"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uscc"}},{"kind":"Field","name":{"kind":"Name","value":"envLegacyRatings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"scale"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"color"}},{"kind":"Field","name":{"kind":"Name","value":"source"}}]}},{"kind":"Field","name":{"kind":"Name","value":"envCredit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"color"}},{"kind":"Field","name":{"kind":"Name","value":"score"}}]}}]}}]}}]} as unknown as DocumentNode<LegacyRatingsQuery, LegacyRatingsQueryVariables>;
export const PublicPenaltiesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PublicPenalties"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"uscc"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"USCC"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enterprise"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"uscc"},"value":{"kind":"Variable","name":{"kind":"Name","value":"uscc"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uscc"}},{"kind":"Field","name":{"kind":"Name","value":"publicPenalties"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decisionNo"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"typeName"}},{"kind":"Field","name":{"kind":"Name","value":"decidedOn"}},{"kind":"Field","name":{"kind":"Name","value":"publicUntil"}}]}}]}}]}}]} as unknown as DocumentNode<PublicPenaltiesQuery, PublicPenaltiesQueryVariables>;
export const PenaltyDisclosuresDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PenaltyDisclosures"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"uscc"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"USCC"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enterprise"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"uscc"},"value":{"kind":"Variable","name":{"kind":"Name","value":"uscc"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uscc"}},{"kind":"Field","name":{"kind":"Name","value":"envPenaltyDisclosures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"event"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}}]}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"publicUntil"}},{"kind":"Field","name":{"kind":"Name","value":"repairableFrom"}},{"kind":"Field","name":{"kind":"Name","value":"repair"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"envCredit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"color"}},{"kind":"Field","name":{"kind":"Name","value":"score"}}]}}]}}]}}]} as unknown as DocumentNode<PenaltyDisclosuresQuery, PenaltyDisclosuresQueryVariables>;
export const ApplyCreditRepairDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ApplyCreditRepair"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ApplyCreditRepairInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"applyCreditRepair"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"appliedOn"}}]}}]}}]} as unknown as DocumentNode<ApplyCreditRepairMutation, ApplyCreditRepairMutationVariables>;
export const ReviewCreditRepairDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReviewCreditRepair"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReviewCreditRepairInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reviewCreditRepair"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"decidedOn"}}]}}]}}]} as unknown as DocumentNode<ReviewCreditRepairMutation, ReviewCreditRepairMutationVariables>;
export const PolicyCatalogDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PolicyCatalog"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"subjectKind"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scoringPolicies"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"subjectKind"},"value":{"kind":"Variable","name":{"kind":"Name","value":"subjectKind"}}},{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subjectKind"}},{"kind":"Field","name":{"kind":"Name","value":"startScore"}},{"kind":"Field","name":{"kind":"Name","value":"maxScore"}},{"kind":"Field","name":{"kind":"Name","value":"greenMin"}},{"kind":"Field","name":{"kind":"Name","value":"blueMin"}},{"kind":"Field","name":{"kind":"Name","value":"yellowMin"}},{"kind":"Field","name":{"kind":"Name","value":"redMin"}},{"kind":"Field","name":{"kind":"Name","value":"objectionDays"}},{"kind":"Field","name":{"kind":"Name","value":"frontRunnerCleanMonths"}},{"kind":"Field","name":{"kind":"Name","value":"publicityMinMonths"}},{"kind":"Field","name":{"kind":"Name","value":"publicityMaxMonths"}},{"kind":"Field","name":{"kind":"Name","value":"legalBasis"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveFrom"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveTo"}}]}},{"kind":"Field","name":{"kind":"Name","value":"eventTypeCatalog"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"subjectKind"},"value":{"kind":"Variable","name":{"kind":"Name","value":"subjectKind"}}},{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"subjectKind"}},{"kind":"Field","name":{"kind":"Name","value":"nameZh"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}},{"kind":"Field","name":{"kind":"Name","value":"defaultPoints"}},{"kind":"Field","name":{"kind":"Name","value":"minPoints"}},{"kind":"Field","name":{"kind":"Name","value":"maxPoints"}},{"kind":"Field","name":{"kind":"Name","value":"validityMonths"}},{"kind":"Field","name":{"kind":"Name","value":"forcedColor"}},{"kind":"Field","name":{"kind":"Name","value":"oncePerMonths"}},{"kind":"Field","name":{"kind":"Name","value":"publicityMonths"}},{"kind":"Field","name":{"kind":"Name","value":"legalBasis"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveFrom"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveTo"}}]}},{"kind":"Field","name":{"kind":"Name","value":"inspectionFrequencies"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"color"}},{"kind":"Field","name":{"kind":"Name","value":"multiplier"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveFrom"}}]}}]}}]} as unknown as DocumentNode<PolicyCatalogQuery, PolicyCatalogQueryVariables>;
export const AddScoringPolicyVersionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddScoringPolicyVersion"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddScoringPolicyVersionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addScoringPolicyVersion"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subjectKind"}},{"kind":"Field","name":{"kind":"Name","value":"startScore"}},{"kind":"Field","name":{"kind":"Name","value":"greenMin"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveFrom"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveTo"}}]}}]}}]} as unknown as DocumentNode<AddScoringPolicyVersionMutation, AddScoringPolicyVersionMutationVariables>;
export const AddEventTypeVersionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddEventTypeVersion"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddEventTypeVersionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addEventTypeVersion"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"defaultPoints"}},{"kind":"Field","name":{"kind":"Name","value":"minPoints"}},{"kind":"Field","name":{"kind":"Name","value":"maxPoints"}},{"kind":"Field","name":{"kind":"Name","value":"validityMonths"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveFrom"}}]}}]}}]} as unknown as DocumentNode<AddEventTypeVersionMutation, AddEventTypeVersionMutationVariables>;
export const DrawInspectionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DrawInspections"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DrawInspectionsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"drawInspections"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"seed"}},{"kind":"Field","name":{"kind":"Name","value":"asOf"}},{"kind":"Field","name":{"kind":"Name","value":"districtCode"}},{"kind":"Field","name":{"kind":"Name","value":"populationSize"}},{"kind":"Field","name":{"kind":"Name","value":"algorithm"}},{"kind":"Field","name":{"kind":"Name","value":"reproducible"}},{"kind":"Field","name":{"kind":"Name","value":"strata"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"color"}},{"kind":"Field","name":{"kind":"Name","value":"rewardsSuspended"}},{"kind":"Field","name":{"kind":"Name","value":"population"}},{"kind":"Field","name":{"kind":"Name","value":"weight"}},{"kind":"Field","name":{"kind":"Name","value":"expected"}},{"kind":"Field","name":{"kind":"Name","value":"selected"}},{"kind":"Field","name":{"kind":"Name","value":"realisedRate"}}]}},{"kind":"Field","name":{"kind":"Name","value":"selected"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uscc"}},{"kind":"Field","name":{"kind":"Name","value":"color"}},{"kind":"Field","name":{"kind":"Name","value":"rewardsSuspended"}}]}}]}}]}}]} as unknown as DocumentNode<DrawInspectionsMutation, DrawInspectionsMutationVariables>;
export const InspectionDrawDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"InspectionDraw"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inspectionDraw"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"seed"}},{"kind":"Field","name":{"kind":"Name","value":"algorithm"}},{"kind":"Field","name":{"kind":"Name","value":"populationSize"}},{"kind":"Field","name":{"kind":"Name","value":"reproducible"}},{"kind":"Field","name":{"kind":"Name","value":"selected"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uscc"}},{"kind":"Field","name":{"kind":"Name","value":"color"}},{"kind":"Field","name":{"kind":"Name","value":"rewardsSuspended"}}]}}]}}]}}]} as unknown as DocumentNode<InspectionDrawQuery, InspectionDrawQueryVariables>;
export const FeedAnswersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FeedAnswers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"usccs"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"USCC"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enterprises"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"usccs"},"value":{"kind":"Variable","name":{"kind":"Name","value":"usccs"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uscc"}},{"kind":"Field","name":{"kind":"Name","value":"envCredit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"color"}}]}},{"kind":"Field","name":{"kind":"Name","value":"creditRestriction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"level"}}]}},{"kind":"Field","name":{"kind":"Name","value":"jointMeasures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"measure"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"sewageFee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"surchargePerCubicMetre"}},{"kind":"Field","name":{"kind":"Name","value":"period"}}]}}]}}]}}]} as unknown as DocumentNode<FeedAnswersQuery, FeedAnswersQueryVariables>;
export const FeedAnswersBankDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FeedAnswersBank"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"usccs"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"USCC"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enterprises"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"usccs"},"value":{"kind":"Variable","name":{"kind":"Name","value":"usccs"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uscc"}},{"kind":"Field","name":{"kind":"Name","value":"envCredit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"color"}}]}},{"kind":"Field","name":{"kind":"Name","value":"creditRestriction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"level"}}]}},{"kind":"Field","name":{"kind":"Name","value":"jointMeasures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"measure"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]}}]} as unknown as DocumentNode<FeedAnswersBankQuery, FeedAnswersBankQueryVariables>;
export const EnterpriseOverviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EnterpriseOverview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"uscc"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"USCC"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enterprise"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"uscc"},"value":{"kind":"Variable","name":{"kind":"Name","value":"uscc"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uscc"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"districtCode"}},{"kind":"Field","name":{"kind":"Name","value":"envCredit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"color"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"ratedOn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"creditListings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"listType"}},{"kind":"Field","name":{"kind":"Name","value":"documentNo"}}]}},{"kind":"Field","name":{"kind":"Name","value":"creditRestriction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"restricted"}},{"kind":"Field","name":{"kind":"Name","value":"basis"}},{"kind":"Field","name":{"kind":"Name","value":"since"}}]}}]}}]}}]} as unknown as DocumentNode<EnterpriseOverviewQuery, EnterpriseOverviewQueryVariables>;
export const EnterprisesByCodeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EnterprisesByCode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"usccs"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"USCC"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enterprises"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"usccs"},"value":{"kind":"Variable","name":{"kind":"Name","value":"usccs"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uscc"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<EnterprisesByCodeQuery, EnterprisesByCodeQueryVariables>;
export const ColorDistributionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ColorDistribution"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DistributionGroup"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"colorDistribution"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"group"}},{"kind":"Field","name":{"kind":"Name","value":"color"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}}]} as unknown as DocumentNode<ColorDistributionQuery, ColorDistributionQueryVariables>;
export const RegisterEnterpriseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RegisterEnterprise"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RegisterEnterpriseInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"registerEnterprise"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uscc"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"districtCode"}}]}}]}}]} as unknown as DocumentNode<RegisterEnterpriseMutation, RegisterEnterpriseMutationVariables>;
export const EnrollRatedSubjectDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EnrollRatedSubject"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EnrollRatedSubjectInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enrollRatedSubject"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"color"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"ratedOn"}}]}}]}}]} as unknown as DocumentNode<EnrollRatedSubjectMutation, EnrollRatedSubjectMutationVariables>;
export const RecordCreditEventDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordCreditEvent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordCreditEventInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordCreditEvent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"event"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"validFrom"}},{"kind":"Field","name":{"kind":"Name","value":"validUntil"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ratingBefore"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"color"}},{"kind":"Field","name":{"kind":"Name","value":"score"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ratingAfter"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"color"}},{"kind":"Field","name":{"kind":"Name","value":"score"}}]}},{"kind":"Field","name":{"kind":"Name","value":"notice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}}]}}]}}]} as unknown as DocumentNode<RecordCreditEventMutation, RecordCreditEventMutationVariables>;
export const DrawWithInspectorsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DrawWithInspectors"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DrawInspectionsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"drawInspections"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DrawWithInspectors"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DrawWithInspectors"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InspectionDraw"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"seed"}},{"kind":"Field","name":{"kind":"Name","value":"asOf"}},{"kind":"Field","name":{"kind":"Name","value":"districtCode"}},{"kind":"Field","name":{"kind":"Name","value":"reproducible"}},{"kind":"Field","name":{"kind":"Name","value":"inspectorAlgorithm"}},{"kind":"Field","name":{"kind":"Name","value":"selected"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uscc"}},{"kind":"Field","name":{"kind":"Name","value":"color"}},{"kind":"Field","name":{"kind":"Name","value":"inspectors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"districtCode"}}]}}]}}]}}]} as unknown as DocumentNode<DrawWithInspectorsMutation, DrawWithInspectorsMutationVariables>;
export const InspectionDrawWithInspectorsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"InspectionDrawWithInspectors"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inspectionDraw"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DrawWithInspectors"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DrawWithInspectors"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InspectionDraw"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"seed"}},{"kind":"Field","name":{"kind":"Name","value":"asOf"}},{"kind":"Field","name":{"kind":"Name","value":"districtCode"}},{"kind":"Field","name":{"kind":"Name","value":"reproducible"}},{"kind":"Field","name":{"kind":"Name","value":"inspectorAlgorithm"}},{"kind":"Field","name":{"kind":"Name","value":"selected"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uscc"}},{"kind":"Field","name":{"kind":"Name","value":"color"}},{"kind":"Field","name":{"kind":"Name","value":"inspectors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"districtCode"}}]}}]}}]}}]} as unknown as DocumentNode<InspectionDrawWithInspectorsQuery, InspectionDrawWithInspectorsQueryVariables>;
export const InspectorPoolDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"InspectorPool"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"districtCode"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inspectors"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"districtCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"districtCode"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PoolInspectorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PoolInspectorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PoolInspector"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"districtCode"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"assignments"}},{"kind":"Field","name":{"kind":"Name","value":"conflicts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uscc"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]} as unknown as DocumentNode<InspectorPoolQuery, InspectorPoolQueryVariables>;
export const AddInspectorDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddInspector"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddInspectorInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addInspector"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PoolInspectorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PoolInspectorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PoolInspector"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"districtCode"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"assignments"}},{"kind":"Field","name":{"kind":"Name","value":"conflicts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uscc"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]} as unknown as DocumentNode<AddInspectorMutation, AddInspectorMutationVariables>;
export const RemoveInspectorDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveInspector"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeInspector"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PoolInspectorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PoolInspectorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PoolInspector"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"districtCode"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"assignments"}},{"kind":"Field","name":{"kind":"Name","value":"conflicts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uscc"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]} as unknown as DocumentNode<RemoveInspectorMutation, RemoveInspectorMutationVariables>;
export const AddInspectorConflictDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddInspectorConflict"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InspectorConflictInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addInspectorConflict"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PoolInspectorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PoolInspectorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PoolInspector"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"districtCode"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"assignments"}},{"kind":"Field","name":{"kind":"Name","value":"conflicts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uscc"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]} as unknown as DocumentNode<AddInspectorConflictMutation, AddInspectorConflictMutationVariables>;
export const RemoveInspectorConflictDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveInspectorConflict"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InspectorConflictInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeInspectorConflict"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PoolInspectorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PoolInspectorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PoolInspector"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"districtCode"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"assignments"}},{"kind":"Field","name":{"kind":"Name","value":"conflicts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uscc"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]} as unknown as DocumentNode<RemoveInspectorConflictMutation, RemoveInspectorConflictMutationVariables>;
export const RecordInspectionResultDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordInspectionResult"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordInspectionResultInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordInspectionResult"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"InspectionResultFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"InspectionResultFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InspectionResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"drawId"}},{"kind":"Field","name":{"kind":"Name","value":"uscc"}},{"kind":"Field","name":{"kind":"Name","value":"districtCode"}},{"kind":"Field","name":{"kind":"Name","value":"inspectedOn"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"eventIds"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"publishedOn"}},{"kind":"Field","name":{"kind":"Name","value":"publishBy"}},{"kind":"Field","name":{"kind":"Name","value":"publishedLate"}}]}}]} as unknown as DocumentNode<RecordInspectionResultMutation, RecordInspectionResultMutationVariables>;
export const PublicInspectionResultsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PublicInspectionResults"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"districtCode"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"publicInspectionResults"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"districtCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"districtCode"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"InspectionResultFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"InspectionResultFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InspectionResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"drawId"}},{"kind":"Field","name":{"kind":"Name","value":"uscc"}},{"kind":"Field","name":{"kind":"Name","value":"districtCode"}},{"kind":"Field","name":{"kind":"Name","value":"inspectedOn"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"eventIds"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"publishedOn"}},{"kind":"Field","name":{"kind":"Name","value":"publishBy"}},{"kind":"Field","name":{"kind":"Name","value":"publishedLate"}}]}}]} as unknown as DocumentNode<PublicInspectionResultsQuery, PublicInspectionResultsQueryVariables>;
export const SupervisorViewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SupervisorView"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"uscc"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"USCC"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enterprise"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"uscc"},"value":{"kind":"Variable","name":{"kind":"Name","value":"uscc"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uscc"}},{"kind":"Field","name":{"kind":"Name","value":"jointMeasures"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AppliedMeasureFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"creditRestriction"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"restricted"}},{"kind":"Field","name":{"kind":"Name","value":"basis"}},{"kind":"Field","name":{"kind":"Name","value":"since"}},{"kind":"Field","name":{"kind":"Name","value":"greenCreditPriority"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sewageFee"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"surchargePerCubicMetre"}},{"kind":"Field","name":{"kind":"Name","value":"period"}},{"kind":"Field","name":{"kind":"Name","value":"basis"}}]}},{"kind":"Field","name":{"kind":"Name","value":"electricitySurcharge"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"surchargePerKwh"}},{"kind":"Field","name":{"kind":"Name","value":"period"}},{"kind":"Field","name":{"kind":"Name","value":"basis"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AppliedMeasureFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AppliedMeasure"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"measure"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nature"}},{"kind":"Field","name":{"kind":"Name","value":"implementingAgency"}},{"kind":"Field","name":{"kind":"Name","value":"agencyKind"}},{"kind":"Field","name":{"kind":"Name","value":"legalBasis"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"since"}}]}}]} as unknown as DocumentNode<SupervisorViewQuery, SupervisorViewQueryVariables>;
export const BankViewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BankView"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"uscc"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"USCC"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enterprise"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"uscc"},"value":{"kind":"Variable","name":{"kind":"Name","value":"uscc"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uscc"}},{"kind":"Field","name":{"kind":"Name","value":"jointMeasures"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AppliedMeasureFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"creditRestriction"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"restricted"}},{"kind":"Field","name":{"kind":"Name","value":"basis"}},{"kind":"Field","name":{"kind":"Name","value":"since"}},{"kind":"Field","name":{"kind":"Name","value":"greenCreditPriority"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AppliedMeasureFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AppliedMeasure"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"measure"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nature"}},{"kind":"Field","name":{"kind":"Name","value":"implementingAgency"}},{"kind":"Field","name":{"kind":"Name","value":"agencyKind"}},{"kind":"Field","name":{"kind":"Name","value":"legalBasis"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"since"}}]}}]} as unknown as DocumentNode<BankViewQuery, BankViewQueryVariables>;
export const UtilityViewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UtilityView"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"uscc"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"USCC"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enterprise"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"uscc"},"value":{"kind":"Variable","name":{"kind":"Name","value":"uscc"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uscc"}},{"kind":"Field","name":{"kind":"Name","value":"jointMeasures"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AppliedMeasureFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sewageFee"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"surchargePerCubicMetre"}},{"kind":"Field","name":{"kind":"Name","value":"period"}},{"kind":"Field","name":{"kind":"Name","value":"basis"}}]}},{"kind":"Field","name":{"kind":"Name","value":"electricitySurcharge"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"surchargePerKwh"}},{"kind":"Field","name":{"kind":"Name","value":"period"}},{"kind":"Field","name":{"kind":"Name","value":"basis"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AppliedMeasureFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AppliedMeasure"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"measure"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nature"}},{"kind":"Field","name":{"kind":"Name","value":"implementingAgency"}},{"kind":"Field","name":{"kind":"Name","value":"agencyKind"}},{"kind":"Field","name":{"kind":"Name","value":"legalBasis"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"since"}}]}}]} as unknown as DocumentNode<UtilityViewQuery, UtilityViewQueryVariables>;
export const MeasuresOnlyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MeasuresOnly"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"uscc"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"USCC"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enterprise"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"uscc"},"value":{"kind":"Variable","name":{"kind":"Name","value":"uscc"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uscc"}},{"kind":"Field","name":{"kind":"Name","value":"jointMeasures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"measure"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]}}]} as unknown as DocumentNode<MeasuresOnlyQuery, MeasuresOnlyQueryVariables>;
export const SewageFeeOnlyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SewageFeeOnly"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"uscc"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"USCC"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enterprise"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"uscc"},"value":{"kind":"Variable","name":{"kind":"Name","value":"uscc"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uscc"}},{"kind":"Field","name":{"kind":"Name","value":"sewageFee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"surchargePerCubicMetre"}}]}}]}}]}}]} as unknown as DocumentNode<SewageFeeOnlyQuery, SewageFeeOnlyQueryVariables>;
export const RestrictionOnlyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RestrictionOnly"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"uscc"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"USCC"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enterprise"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"uscc"},"value":{"kind":"Variable","name":{"kind":"Name","value":"uscc"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uscc"}},{"kind":"Field","name":{"kind":"Name","value":"creditRestriction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"level"}}]}}]}}]}}]} as unknown as DocumentNode<RestrictionOnlyQuery, RestrictionOnlyQueryVariables>;
export const MeasureCatalogDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MeasureCatalog"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"measureCatalog"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nature"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"triggerKind"}},{"kind":"Field","name":{"kind":"Name","value":"triggerValues"}},{"kind":"Field","name":{"kind":"Name","value":"implementingAgency"}},{"kind":"Field","name":{"kind":"Name","value":"agencyKind"}},{"kind":"Field","name":{"kind":"Name","value":"legalBasis"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveFrom"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveTo"}}]}}]}}]} as unknown as DocumentNode<MeasureCatalogQuery, MeasureCatalogQueryVariables>;
export const DefineMeasureDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DefineMeasure"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DefineMeasureInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"defineMeasure"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveFrom"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveTo"}}]}}]}}]} as unknown as DocumentNode<DefineMeasureMutation, DefineMeasureMutationVariables>;
export const ReportMeasureFeedbackDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReportMeasureFeedback"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MeasureFeedbackInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reportMeasureFeedback"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"uscc"}},{"kind":"Field","name":{"kind":"Name","value":"measureCode"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"appliedOn"}},{"kind":"Field","name":{"kind":"Name","value":"businessRef"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"agency"}},{"kind":"Field","name":{"kind":"Name","value":"legalBasis"}}]}}]}}]} as unknown as DocumentNode<ReportMeasureFeedbackMutation, ReportMeasureFeedbackMutationVariables>;
export const MeasureFeedbackRollupDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MeasureFeedbackRollup"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"measureFeedbackRollup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"measure"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"implementingAgency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"agency"}},{"kind":"Field","name":{"kind":"Name","value":"subjectsDue"}},{"kind":"Field","name":{"kind":"Name","value":"subjectsReported"}},{"kind":"Field","name":{"kind":"Name","value":"subjectsReportedNotDue"}},{"kind":"Field","name":{"kind":"Name","value":"applied"}},{"kind":"Field","name":{"kind":"Name","value":"notApplied"}},{"kind":"Field","name":{"kind":"Name","value":"exempted"}}]}}]}}]} as unknown as DocumentNode<MeasureFeedbackRollupQuery, MeasureFeedbackRollupQueryVariables>;
export const DesignateCreditListingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DesignateCreditListing"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DesignateCreditListingInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"designateCreditListing"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"listType"}},{"kind":"Field","name":{"kind":"Name","value":"documentNo"}},{"kind":"Field","name":{"kind":"Name","value":"listedOn"}},{"kind":"Field","name":{"kind":"Name","value":"removedOn"}}]}}]}}]} as unknown as DocumentNode<DesignateCreditListingMutation, DesignateCreditListingMutationVariables>;
export const RemoveCreditListingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveCreditListing"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RemoveCreditListingInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeCreditListing"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"removedOn"}},{"kind":"Field","name":{"kind":"Name","value":"removalReason"}}]}}]}}]} as unknown as DocumentNode<RemoveCreditListingMutation, RemoveCreditListingMutationVariables>;
export const AddMarketListingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddMarketListing"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddMarketListingInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addMarketListing"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"uscc"}},{"kind":"Field","name":{"kind":"Name","value":"listType"}},{"kind":"Field","name":{"kind":"Name","value":"authority"}},{"kind":"Field","name":{"kind":"Name","value":"documentNo"}},{"kind":"Field","name":{"kind":"Name","value":"listedOn"}}]}}]}}]} as unknown as DocumentNode<AddMarketListingMutation, AddMarketListingMutationVariables>;
export const RemoveMarketListingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveMarketListing"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RemoveMarketListingInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeMarketListing"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"removedOn"}},{"kind":"Field","name":{"kind":"Name","value":"removalReason"}}]}}]}}]} as unknown as DocumentNode<RemoveMarketListingMutation, RemoveMarketListingMutationVariables>;
export const RegisterFullRecordDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RegisterFullRecord"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RegisterEnterpriseInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"registerEnterprise"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uscc"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"enterpriseType"}},{"kind":"Field","name":{"kind":"Name","value":"registeredCapital"}},{"kind":"Field","name":{"kind":"Name","value":"registeredOn"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"registrationStatus"}}]}}]}}]} as unknown as DocumentNode<RegisterFullRecordMutation, RegisterFullRecordMutationVariables>;
export const RegistrationRecordDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RegistrationRecord"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"uscc"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"USCC"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enterprise"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"uscc"},"value":{"kind":"Variable","name":{"kind":"Name","value":"uscc"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uscc"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"enterpriseType"}},{"kind":"Field","name":{"kind":"Name","value":"registeredCapital"}},{"kind":"Field","name":{"kind":"Name","value":"registeredOn"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"registrationStatus"}},{"kind":"Field","name":{"kind":"Name","value":"industryCode"}},{"kind":"Field","name":{"kind":"Name","value":"legalRepresentative"}},{"kind":"Field","name":{"kind":"Name","value":"marketListings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"listType"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"authority"}},{"kind":"Field","name":{"kind":"Name","value":"documentNo"}},{"kind":"Field","name":{"kind":"Name","value":"listedOn"}},{"kind":"Field","name":{"kind":"Name","value":"removedOn"}},{"kind":"Field","name":{"kind":"Name","value":"removalReason"}}]}}]}}]}}]} as unknown as DocumentNode<RegistrationRecordQuery, RegistrationRecordQueryVariables>;
export const EverythingBatchDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EverythingBatch"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"usccs"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"USCC"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enterprises"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"usccs"},"value":{"kind":"Variable","name":{"kind":"Name","value":"usccs"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uscc"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"districtCode"}},{"kind":"Field","name":{"kind":"Name","value":"registrationStatus"}},{"kind":"Field","name":{"kind":"Name","value":"industryCode"}},{"kind":"Field","name":{"kind":"Name","value":"enterpriseType"}},{"kind":"Field","name":{"kind":"Name","value":"registeredCapital"}},{"kind":"Field","name":{"kind":"Name","value":"registeredOn"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"legalRepresentative"}},{"kind":"Field","name":{"kind":"Name","value":"envCredit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"color"}},{"kind":"Field","name":{"kind":"Name","value":"score"}}]}},{"kind":"Field","name":{"kind":"Name","value":"marketListings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"listType"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"authority"}},{"kind":"Field","name":{"kind":"Name","value":"documentNo"}},{"kind":"Field","name":{"kind":"Name","value":"listedOn"}},{"kind":"Field","name":{"kind":"Name","value":"removedOn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"creditListings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"listType"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"authority"}},{"kind":"Field","name":{"kind":"Name","value":"documentNo"}},{"kind":"Field","name":{"kind":"Name","value":"listedOn"}},{"kind":"Field","name":{"kind":"Name","value":"removedOn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"publicPenaltyRecords"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decisionNo"}},{"kind":"Field","name":{"kind":"Name","value":"penaltyCategory"}},{"kind":"Field","name":{"kind":"Name","value":"fineAmount"}},{"kind":"Field","name":{"kind":"Name","value":"decidedOn"}},{"kind":"Field","name":{"kind":"Name","value":"authority"}}]}},{"kind":"Field","name":{"kind":"Name","value":"dishonestDebtorRecords"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"caseNo"}},{"kind":"Field","name":{"kind":"Name","value":"court"}},{"kind":"Field","name":{"kind":"Name","value":"publishedOn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"jointMeasures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AppliedMeasureFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"creditRestriction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"restricted"}},{"kind":"Field","name":{"kind":"Name","value":"basis"}},{"kind":"Field","name":{"kind":"Name","value":"since"}},{"kind":"Field","name":{"kind":"Name","value":"greenCreditPriority"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sewageFee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"surchargePerCubicMetre"}},{"kind":"Field","name":{"kind":"Name","value":"period"}},{"kind":"Field","name":{"kind":"Name","value":"basis"}}]}},{"kind":"Field","name":{"kind":"Name","value":"electricitySurcharge"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"surchargePerKwh"}},{"kind":"Field","name":{"kind":"Name","value":"period"}},{"kind":"Field","name":{"kind":"Name","value":"basis"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AppliedMeasureFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AppliedMeasure"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"measure"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nature"}},{"kind":"Field","name":{"kind":"Name","value":"implementingAgency"}},{"kind":"Field","name":{"kind":"Name","value":"agencyKind"}},{"kind":"Field","name":{"kind":"Name","value":"legalBasis"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"since"}}]}}]} as unknown as DocumentNode<EverythingBatchQuery, EverythingBatchQueryVariables>;
export const BankBatchDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BankBatch"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"usccs"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"USCC"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enterprises"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"usccs"},"value":{"kind":"Variable","name":{"kind":"Name","value":"usccs"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uscc"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"envCredit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"color"}}]}},{"kind":"Field","name":{"kind":"Name","value":"creditRestriction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"restricted"}},{"kind":"Field","name":{"kind":"Name","value":"basis"}},{"kind":"Field","name":{"kind":"Name","value":"since"}}]}},{"kind":"Field","name":{"kind":"Name","value":"jointMeasures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"measure"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"since"}}]}}]}}]}}]} as unknown as DocumentNode<BankBatchQuery, BankBatchQueryVariables>;
export const ConsistentBatchDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsistentBatch"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"usccs"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"USCC"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enterprises"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"usccs"},"value":{"kind":"Variable","name":{"kind":"Name","value":"usccs"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uscc"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"creditListings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"listType"}},{"kind":"Field","name":{"kind":"Name","value":"documentNo"}}]}},{"kind":"Field","name":{"kind":"Name","value":"creditRestriction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"level"}}]}}]}}]}}]} as unknown as DocumentNode<ConsistentBatchQuery, ConsistentBatchQueryVariables>;
export const MeasureSubjectsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MeasureSubjects"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"measureSubjects"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}},{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uscc"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"jointMeasures"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"measure"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"since"}}]}}]}}]}}]} as unknown as DocumentNode<MeasureSubjectsQuery, MeasureSubjectsQueryVariables>;
export const SearchEnterprisesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SearchEnterprises"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"EnterpriseFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"searchEnterprises"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uscc"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"districtCode"}},{"kind":"Field","name":{"kind":"Name","value":"envCredit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"color"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<SearchEnterprisesQuery, SearchEnterprisesQueryVariables>;
export const SearchEnterprisesCountedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SearchEnterprisesCounted"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"EnterpriseFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"searchEnterprises"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uscc"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<SearchEnterprisesCountedQuery, SearchEnterprisesCountedQueryVariables>;
export const ColorDistributionDrillDownDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ColorDistributionDrillDown"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DistributionGroup"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"colorDistribution"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"group"}},{"kind":"Field","name":{"kind":"Name","value":"groupName"}},{"kind":"Field","name":{"kind":"Name","value":"color"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"filter"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"districtCode"}},{"kind":"Field","name":{"kind":"Name","value":"industryCode"}},{"kind":"Field","name":{"kind":"Name","value":"color"}},{"kind":"Field","name":{"kind":"Name","value":"colorAsOf"}}]}}]}}]}}]} as unknown as DocumentNode<ColorDistributionDrillDownQuery, ColorDistributionDrillDownQueryVariables>;
export const MeasureSubjectsPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MeasureSubjectsPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"measureSubjectsConnection"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}},{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uscc"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<MeasureSubjectsPageQuery, MeasureSubjectsPageQueryVariables>;
export const SubjectRecordsPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SubjectRecordsPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"uscc"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"USCC"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"eventsAfter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"penaltiesAfter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enterprise"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"uscc"},"value":{"kind":"Variable","name":{"kind":"Name","value":"uscc"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uscc"}},{"kind":"Field","name":{"kind":"Name","value":"envCreditEvents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"envCreditEventsConnection"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"eventsAfter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"occurredOn"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"publicPenaltyRecords"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decisionNo"}}]}},{"kind":"Field","name":{"kind":"Name","value":"publicPenaltyRecordsConnection"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"penaltiesAfter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decisionNo"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SubjectRecordsPageQuery, SubjectRecordsPageQueryVariables>;
export const CreateWebhookSubscriptionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateWebhookSubscription"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookSubscriptionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createWebhookSubscription"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"secret"}},{"kind":"Field","name":{"kind":"Name","value":"subscription"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"eventTypes"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"scope"}},{"kind":"Field","name":{"kind":"Name","value":"districtCode"}},{"kind":"Field","name":{"kind":"Name","value":"watchCount"}}]}}]}}]}}]} as unknown as DocumentNode<CreateWebhookSubscriptionMutation, CreateWebhookSubscriptionMutationVariables>;
export const WebhookSubscriptionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebhookSubscriptions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"webhookSubscriptions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"eventTypes"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"scope"}},{"kind":"Field","name":{"kind":"Name","value":"districtCode"}},{"kind":"Field","name":{"kind":"Name","value":"watchCount"}},{"kind":"Field","name":{"kind":"Name","value":"disabledReason"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]} as unknown as DocumentNode<WebhookSubscriptionsQuery, WebhookSubscriptionsQueryVariables>;
export const WebhookDeliveriesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebhookDeliveries"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"subscriptionId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"webhookDeliveries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"subscriptionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"subscriptionId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"messageId"}},{"kind":"Field","name":{"kind":"Name","value":"eventType"}},{"kind":"Field","name":{"kind":"Name","value":"uscc"}},{"kind":"Field","name":{"kind":"Name","value":"attempt"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"statusCode"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"at"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<WebhookDeliveriesQuery, WebhookDeliveriesQueryVariables>;
export const ReplayWebhookDeliveriesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReplayWebhookDeliveries"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"subscriptionId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"since"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"until"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"uscc"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"USCC"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"fromSequence"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"replayWebhookDeliveries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"subscriptionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"subscriptionId"}}},{"kind":"Argument","name":{"kind":"Name","value":"since"},"value":{"kind":"Variable","name":{"kind":"Name","value":"since"}}},{"kind":"Argument","name":{"kind":"Name","value":"until"},"value":{"kind":"Variable","name":{"kind":"Name","value":"until"}}},{"kind":"Argument","name":{"kind":"Name","value":"uscc"},"value":{"kind":"Variable","name":{"kind":"Name","value":"uscc"}}},{"kind":"Argument","name":{"kind":"Name","value":"fromSequence"},"value":{"kind":"Variable","name":{"kind":"Name","value":"fromSequence"}}}]}]}}]} as unknown as DocumentNode<ReplayWebhookDeliveriesMutation, ReplayWebhookDeliveriesMutationVariables>;
export const EnableWebhookSubscriptionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EnableWebhookSubscription"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enableWebhookSubscription"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"disabledReason"}}]}}]}}]} as unknown as DocumentNode<EnableWebhookSubscriptionMutation, EnableWebhookSubscriptionMutationVariables>;
export const DeleteWebhookSubscriptionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteWebhookSubscription"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteWebhookSubscription"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"active"}}]}}]}}]} as unknown as DocumentNode<DeleteWebhookSubscriptionMutation, DeleteWebhookSubscriptionMutationVariables>;
export const AddWebhookWatchCodesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddWebhookWatchCodes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"subscriptionId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"usccs"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"USCC"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addWebhookWatchCodes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"subscriptionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"subscriptionId"}}},{"kind":"Argument","name":{"kind":"Name","value":"usccs"},"value":{"kind":"Variable","name":{"kind":"Name","value":"usccs"}}}]}]}}]} as unknown as DocumentNode<AddWebhookWatchCodesMutation, AddWebhookWatchCodesMutationVariables>;
export const RemoveWebhookWatchCodesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveWebhookWatchCodes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"subscriptionId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"usccs"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"USCC"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeWebhookWatchCodes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"subscriptionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"subscriptionId"}}},{"kind":"Argument","name":{"kind":"Name","value":"usccs"},"value":{"kind":"Variable","name":{"kind":"Name","value":"usccs"}}}]}]}}]} as unknown as DocumentNode<RemoveWebhookWatchCodesMutation, RemoveWebhookWatchCodesMutationVariables>;
export const RotateWebhookSecretDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RotateWebhookSecret"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rotateWebhookSecret"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"secret"}},{"kind":"Field","name":{"kind":"Name","value":"subscription"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<RotateWebhookSecretMutation, RotateWebhookSecretMutationVariables>;