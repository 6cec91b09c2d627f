import type { FeaturePolicy } from '../common/policy';
import { modules } from './modules';

/** Every feature's policy, from the module list: what the gate enforces and docs/permissions.md shows. */
export const policies: readonly FeaturePolicy[] = modules.flatMap((module) => (module.policy ? [module.policy] : []));
