import type { SubgraphPermissions } from '../../../shared/auth/rule-tree';

/**
 * The credit office's rule tree is PERMISSION_TABLE's rows alone (shared/auth/rule-tree.ts). Row
 * filters live in the services: banks and utilities see their own kind of measure only
 * (JointMeasureService), an implementing agency reports feedback only on its kind of measure.
 */
export const creditPermissions: SubgraphPermissions = {};
