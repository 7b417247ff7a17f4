import type { SubgraphPermissions } from '../../../shared/auth/rule-tree';
import { inputInScope } from '../../../shared/auth/rules';

/**
 * Market supervision's concerns beyond PERMISSION_TABLE, from which its rule tree is derived
 * (shared/auth/rule-tree.ts). An ENV_OFFICER registering a subject must stay in its district; row
 * scope (district, rated-only for PUBLIC) is applied in RegistrationService.
 */
export const marketPermissions: SubgraphPermissions = {
  extra: {
    'Mutation.registerEnterprise': [inputInScope],
  },
};
