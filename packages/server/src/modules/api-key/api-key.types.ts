import { Field, ObjectType } from 'type-graphql';
import { ApiKey } from './api-key.entity';

@ObjectType({ description: 'The result of createApiKey: the key and, this once, its token.' })
export class CreateApiKeyPayload {
  @Field(() => ApiKey, { description: 'The new key.' })
  apiKey!: ApiKey;

  @Field(() => String, {
    description:
      'The bearer token (`Authorization: Bearer agk_…`). Shown only now: store it in the tool; it cannot be read again.',
  })
  token!: string;
}

@ObjectType({ description: 'The result of revokeApiKey.' })
export class RevokeApiKeyPayload {
  @Field(() => ApiKey, { description: 'The revoked key.' })
  apiKey!: ApiKey;
}
