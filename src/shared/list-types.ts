import { registerEnumType } from 'type-graphql';

/** The credit office's lists (DOMAIN.md §5, §8); shared because finance receives them through `@requires`. */
export enum CreditListType {
  SERIOUS_DISHONESTY = 'SERIOUS_DISHONESTY',
  COURT_DISHONEST_DEBTOR = 'COURT_DISHONEST_DEBTOR',
  RED_LIST = 'RED_LIST',
}
registerEnumType(CreditListType, {
  name: 'CreditListType',
  description: '严重失信主体名单 (SERIOUS_DISHONESTY), 失信被执行人 (COURT_DISHONEST_DEBTOR), 守信红名单 (RED_LIST).',
});

/** Market supervision's lists (DOMAIN.md §8); shared because the credit office receives them through `@requires`. */
export enum MarketListType {
  ABNORMAL_OPERATIONS = 'ABNORMAL_OPERATIONS',
  SERIOUS_ILLEGAL_DISHONEST = 'SERIOUS_ILLEGAL_DISHONEST',
}
registerEnumType(MarketListType, {
  name: 'MarketListType',
  description: '经营异常名录 (ABNORMAL_OPERATIONS) or 严重违法失信名单 (SERIOUS_ILLEGAL_DISHONEST).',
});
