import type { FeatureModule } from '../../common/feature-module';
import { Communication } from './communication.entity';

/** Communications with clients: meetings, calls, emails and presentations, and their follow-ups. */
export const communicationModule: FeatureModule = {
  name: 'communication',
  entities: [Communication],
};
