import type { FeatureModule } from '../../common/feature-module';
import { CommunicationDocument, CommunicationParticipant } from './communication-part.entity';
import { Communication } from './communication.entity';
import { communicationExports } from './communication.exports';
import { communicationLoaders } from './communication.loaders';
import { CommunicationPolicy } from './communication.policy';
import {
  AccountCommunicationsResolver,
  CommunicationParticipantResolver,
  CommunicationResolver,
  FollowUpResolver,
  TimelineEntryResolver,
  UserFollowUpsResolver,
} from './communication.resolver';
import { FollowUp } from './follow-up.entity';

/** Communications with clients: meetings, calls, emails and presentations, and their follow-ups; the account timeline. */
export const communicationModule: FeatureModule = {
  name: 'communication',
  policy: CommunicationPolicy,
  entities: [Communication, CommunicationParticipant, CommunicationDocument, FollowUp],
  resolvers: [
    CommunicationResolver,
    CommunicationParticipantResolver,
    FollowUpResolver,
    TimelineEntryResolver,
    AccountCommunicationsResolver,
    UserFollowUpsResolver,
  ],
  exports: communicationExports,
  loaders: communicationLoaders,
  nodes: [
    { type: Communication, fetch: (ctx, id) => ctx.loaders.communicationById.load(id) },
    { type: CommunicationParticipant, fetch: (ctx, id) => ctx.loaders.communicationParticipantById.load(id) },
    { type: CommunicationDocument, fetch: (ctx, id) => ctx.loaders.communicationDocumentById.load(id) },
    { type: FollowUp, fetch: (ctx, id) => ctx.loaders.followUpById.load(id) },
  ],
};
