import type { FeatureModule } from '../../common/feature-module';
import { IdempotencyKey } from './idempotency-key.entity';

/** Idempotency keys: a retried mutation answers as the first attempt did (the plugin is wired in app/). */
export const idempotencyModule: FeatureModule = {
  name: 'idempotency',
  entities: [IdempotencyKey],
};
