/**
 * The contract's example operations (docs/contract.md, README "Example queries"), preloaded as
 * GraphiQL tabs. Each names the demo key and purpose it is meant for; test/web-examples.test.ts
 * validates every one against schema/api.graphql, so a renamed field fails the build's tests.
 */
export interface Example {
  title: string;
  apiKey: string;
  purpose?: string;
  query: string;
  variables?: Record<string, unknown>;
}

export const EXAMPLES: Example[] = [
  {
    title: 'The bureau: one subject from all four departments',
    apiKey: 'demo-env-admin',
    query: `query Subject($uscc: USCC!) {
  enterprise(uscc: $uscc) {
    uscc name districtCode
    envCredit { color score ratedOn }
    envCreditEvents { type occurredOn points validUntil }
    creditListings { listType documentNo }
    creditRestriction { level basis }
  }
}`,
    variables: { uscc: '91320700MA1Q3K7P2H' },
  },
  {
    title: 'A bank: may these subjects get credit, and why',
    apiKey: 'demo-bank',
    purpose: 'LOAN_APPLICATION',
    query: `query CreditCheck($codes: [USCC!]!) {
  enterprises(usccs: $codes) {
    uscc name
    envCredit { color }
    creditRestriction { level restricted basis since }
    jointMeasures { measure { code name legalBasis } reason since }
  }
}`,
    variables: { codes: ['91320700MA1Q3K7P2H'] },
  },
  {
    title: 'A water utility: the surcharge it bills this half-year',
    apiKey: 'demo-utility',
    purpose: 'BILLING',
    query: `query Billing($uscc: USCC!) {
  enterprise(uscc: $uscc) {
    uscc name
    sewageFee { surchargePerCubicMetre period basis }
    jointMeasures { measure { code name } reason since }
  }
}`,
    variables: { uscc: '91320700MA1Q3K7P2H' },
  },
  {
    title: 'The credit office: measure catalogue and feedback roll-up',
    apiKey: 'demo-credit-office',
    query: `query Measures {
  measureCatalog { code name nature implementingAgency legalBasis }
  measureFeedbackRollup { measure { code } agency subjectsDue subjectsReported applied notApplied exempted }
}`,
  },
  {
    title: 'A dashboard: colours per district',
    apiKey: 'demo-dashboard',
    query: `query Distribution($asOf: Date) {
  colorDistribution(groupBy: DISTRICT, asOf: $asOf) { group color count }
}`,
  },
  {
    title: 'The public: a published rating and penalties',
    apiKey: '',
    query: `query Published($uscc: USCC!) {
  enterprise(uscc: $uscc) {
    uscc name districtCode
    envCredit { color ratedOn }
    publicPenalties { decisionNo typeName decidedOn publicUntil }
  }
}`,
    variables: { uscc: '91320700MA1Q3K7P2H' },
  },
  {
    title: 'A district officer: record a fine (returns the notice)',
    apiKey: 'demo-env-officer-haizhou',
    query: `mutation RecordFine($input: RecordCreditEventInput!) {
  recordCreditEvent(input: $input) {
    ratingBefore { color score }
    ratingAfter { color score }
    notice { number text printUrl }
  }
}`,
    variables: { input: { uscc: '91320700MA1Q3K7P2H', type: 'FINE', occurredOn: '2026-11-20', decisionNo: '连环罚〔2026〕1号' } },
  },
  {
    title: 'A bank: report what it did about a measure',
    apiKey: 'demo-bank',
    purpose: 'CREDIT_REVIEW',
    query: `mutation Feedback($input: MeasureFeedbackInput!) {
  reportMeasureFeedback(input: $input) { id outcome agency legalBasis }
}`,
    variables: { input: { uscc: '91320700MA1Q3K7P2H', measureCode: 'BANK_CREDIT_RESTRICTION', outcome: 'APPLIED', appliedOn: '2026-11-20', businessRef: 'LOAN-2026-0042' } },
  },
];

/** The tab text: the example's title and credential as comments above the operation. */
export function tabQuery(example: Example): string {
  const who = example.apiKey ? `API key ${example.apiKey}${example.purpose ? `, purpose ${example.purpose}` : ''}` : 'no API key (PUBLIC)';
  return `# ${example.title}\n# Use with: ${who}\n${example.query}\n`;
}
