import type { SubgraphPermissions } from '../../../shared/auth/rule-tree';
import { inputInScope } from '../../../shared/auth/rules';

/**
 * The environment bureau's concerns beyond PERMISSION_TABLE, from which its rule tree is derived
 * (shared/auth/rule-tree.ts: every field on its table row, anything else on Query, Mutation and
 * Enterprise denied). ENV_ADMIN administers (policy, voiding, reviews, snapshots, imports);
 * ENV_OFFICER works its own district: the mutations below that name a subject are refused outside it
 * before they run (the services and `__resolveReference` apply the row scope to reads).
 */
export const environmentPermissions: SubgraphPermissions = {
  extra: {
    'Mutation.enrollRatedSubject': [inputInScope],
    'Mutation.recordCreditEvent': [inputInScope],
    'Mutation.fileObjection': [inputInScope],
    'Mutation.drawInspections': [inputInScope],
    'Mutation.applyCreditRepair': [inputInScope],
    'Mutation.addInspector': [inputInScope],
    'Mutation.addInspectorConflict': [inputInScope],
    'Mutation.removeInspectorConflict': [inputInScope],
    'Mutation.recordInspectionResult': [inputInScope],
  },
};
