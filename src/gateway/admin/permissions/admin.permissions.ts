import type { SubgraphPermissions } from '../../../shared/auth/rule-tree';

/** The gateway's own operations: its rule tree is PERMISSION_TABLE's rows alone (shared/auth/rule-tree.ts). */
export const adminPermissions: SubgraphPermissions = {};
