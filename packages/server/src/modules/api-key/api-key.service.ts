import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { stampNew } from '../../common/base.entity';
import { inTransaction, type Context } from '../../common/context';
import { NotFoundError } from '../../common/errors';
import { decodeGlobalId } from '../../common/global-id';
import { OrderDirection, paginate, type Connection, type PageArgs, type SortOrder } from '../../common/pagination';
import { Role } from '../../common/roles';
import { checkExpectedVersion, compareAndSwap } from '../../common/versioned';
import { diffFields, recordAudit } from '../audit/audit.service';
import { User } from '../user/user.entity';
import { ApiKey } from './api-key.entity';
import { ApiKeyErrors } from './api-key.errors';
import type { CreateApiKeyInput, RevokeApiKeyInput } from './api-key.inputs';

/** Every API key token starts so: `agk_<prefix>_<secret>` (the prefix is 12 hex digits). */
const TOKEN_PATTERN = /^agk_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

/** How stale `lastUsedAt` may get: it is written at most once a minute per key, not on every request. */
const LAST_USE_RESOLUTION_MS = 60_000;

const AUDITED_FIELDS = ['name', 'prefix', 'expiresAt', 'revokedAt'] as const;

const NEWEST_FIRST: SortOrder = { key: 'created', property: 'id', direction: OrderDirection.DESC, kind: 'number' };

function hashOf(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

function snapshot(key: ApiKey): Record<string, unknown> {
  return Object.fromEntries(AUDITED_FIELDS.map((field) => [field, key[field]]));
}

/** True for a bearer token shaped like an API key (as opposed to a JWT). */
export function isApiKeyToken(token: string): boolean {
  return token.startsWith('agk_');
}

/** API keys: credentials of their own for tools, each signing in as a read-only service account. */
export const ApiKeyService = {
  /**
   * Issues a key: a service account (BI_READER) for it and the key, in one transaction. The token
   * is returned this once; only its hash is kept.
   */
  async issue(ctx: Context, input: CreateApiKeyInput): Promise<{ apiKey: ApiKey; token: string }> {
    if (input.expiresAt && input.expiresAt.getTime() <= Date.now()) throw ApiKeyErrors.expiryInPast();
    return inTransaction(ctx, async (tx) => {
      const prefix = randomBytes(6).toString('hex');
      const secret = randomBytes(32).toString('base64url');
      const name = input.name.trim();
      const serviceUser = stampNew(new User());
      Object.assign(serviceUser, {
        name,
        email: `api-key-${prefix}@service.invalid`,
        title: 'API key (service account)',
        role: Role.BI_READER,
        active: true,
        managerId: null,
      });
      await tx.em.save(serviceUser);
      const apiKey = stampNew(new ApiKey());
      Object.assign(apiKey, {
        name,
        prefix,
        secretHash: hashOf(secret),
        serviceUserId: serviceUser.id,
        createdById: tx.viewer.id,
        expiresAt: input.expiresAt ?? null,
        lastUsedAt: null,
        revokedAt: null,
        revokedById: null,
      });
      await tx.em.save(apiKey);
      await recordAudit(tx, 'createApiKey', apiKey, diffFields(undefined, snapshot(apiKey), AUDITED_FIELDS));
      return { apiKey, token: `agk_${prefix}_${secret}` };
    });
  },

  /** Revokes a key and deactivates its service account: it stops working for good. */
  async revoke(ctx: Context, input: RevokeApiKeyInput): Promise<ApiKey> {
    return inTransaction(ctx, async (tx) => {
      const id = decodeGlobalId(input.id, 'ApiKey', 'input.id');
      const apiKey = await tx.em.findOneBy(ApiKey, { id });
      if (!apiKey) throw new NotFoundError('ApiKey', input.id);
      if (apiKey.revokedAt) throw ApiKeyErrors.alreadyRevoked(apiKey.name);
      checkExpectedVersion(apiKey, input.expectedVersion);
      const before = snapshot(apiKey);
      apiKey.revokedAt = new Date();
      apiKey.revokedById = tx.viewer.id;
      await compareAndSwap(tx, apiKey, apiKey.version, ['revokedAt', 'revokedById']);
      await tx.em.update(User, { id: apiKey.serviceUserId }, { active: false, updatedAt: apiKey.revokedAt });
      await recordAudit(tx, 'revokeApiKey', apiKey, diffFields(before, snapshot(apiKey), AUDITED_FIELDS));
      return apiKey;
    });
  },

  /** Every key, newest first (admins only: the policy gate sees to it). */
  list(ctx: Context, page: PageArgs): Promise<Connection<ApiKey>> {
    return paginate(ctx.em.createQueryBuilder(ApiKey, 'apiKey'), 'apiKey', NEWEST_FIRST, page);
  },
};

/**
 * Signs a tool in with its key: the service account it acts as. Unknown,
 * wrong, revoked and expired keys are refused; the use is recorded (to the minute).
 */
export async function authenticateApiKey(em: EntityManager, token: string, now = new Date()): Promise<{ user: User }> {
  const match = TOKEN_PATTERN.exec(token);
  if (!match) throw ApiKeyErrors.refused('is malformed');
  const [, prefix, secret] = match;
  const apiKey = await em.findOne(ApiKey, { where: { prefix }, relations: { serviceUser: true } });
  const expected = Buffer.from(apiKey?.secretHash ?? '0'.repeat(64), 'hex');
  // Compared in constant time, and even for an unknown prefix, so timing tells nothing of the secret.
  const matches = timingSafeEqual(expected, Buffer.from(hashOf(secret), 'hex'));
  if (!apiKey || !matches || !apiKey.serviceUser) throw ApiKeyErrors.refused('is not valid');
  if (apiKey.revokedAt) throw ApiKeyErrors.refused(`"${apiKey.name}" was revoked`);
  if (apiKey.expiresAt && apiKey.expiresAt <= now) throw ApiKeyErrors.refused(`"${apiKey.name}" has expired`);
  if (!apiKey.lastUsedAt || now.getTime() - apiKey.lastUsedAt.getTime() >= LAST_USE_RESOLUTION_MS) {
    await em.update(ApiKey, { id: apiKey.id }, { lastUsedAt: now });
  }
  return { user: apiKey.serviceUser };
}
