import type { SubgraphPermissions } from '../../../shared/auth/rule-tree';

/** Finance's rule tree is PERMISSION_TABLE's rows alone (shared/auth/rule-tree.ts). */
export const financePermissions: SubgraphPermissions = {};
