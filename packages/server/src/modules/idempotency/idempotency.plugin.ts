import { createHash } from 'node:crypto';
import { HeaderMap, type ApolloServerPlugin, type GraphQLRequestContext, type GraphQLResponse } from '@apollo/server';
import type { FormattedExecutionResult } from 'graphql';
import { LessThan } from 'typeorm';
import { stampNew } from '../../common/base.entity';
import { ErrorCode } from '../../common/errors';
import type { Database } from '../../db/database';
import type { Context } from '../../app/context';
import { IdempotencyKey, IdempotencyState } from './idempotency-key.entity';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const MAX_KEY_LENGTH = 255;
const KEEP_MS = 24 * 60 * 60 * 1000;

function errorResponse(status: number, code: ErrorCode, message: string): GraphQLResponse {
  return { http: { status, headers: new HeaderMap() }, body: { kind: 'single', singleResult: { errors: [{ message, extensions: { code } }] } } };
}

const ER_DUP_ENTRY = 1062;

function stillRunning(): GraphQLResponse {
  return errorResponse(409, ErrorCode.CONFLICT, 'A request with this Idempotency-Key is still being processed. Retry in a moment.');
}

/** Claims the key for this request, or returns the row that already holds it. */
async function claim(db: Database, userId: number, key: string, hash: string): Promise<{ claimed: IdempotencyKey } | { existing: IdempotencyKey }> {
  return db.transaction(async (em) => {
    const now = new Date();
    // Keys live 24 hours: expired ones (anyone's, a few at a time) are cleared as new ones arrive.
    const expired = await em.find(IdempotencyKey, { where: { expiresAt: LessThan(now) }, select: { id: true }, take: 100 });
    if (expired.length > 0) await em.delete(IdempotencyKey, expired.map((row) => row.id));
    const existing = await em.findOneBy(IdempotencyKey, { userId, key });
    if (existing) return { existing };
    const row = stampNew(new IdempotencyKey());
    Object.assign(row, { userId, key, requestHash: hash, state: IdempotencyState.IN_PROGRESS, response: null, expiresAt: new Date(now.getTime() + KEEP_MS) });
    return { claimed: await em.save(row) };
  });
}

/** The request as the client sent it: the same key with anything else is a different request. */
function requestHash(request: GraphQLRequestContext<Context>['request']): string {
  return createHash('sha256')
    .update(JSON.stringify([request.query ?? '', request.operationName ?? null, request.variables ?? {}]))
    .digest('hex');
}

/**
 * Idempotency-Key for mutations (PRODUCT.md: "no double approval or lost update"). The first
 * request with a key runs and its successful response is kept for 24 hours; a retry with the same
 * key and the same request gets that response again without doing the work twice; the same key
 * with a different request, or while the first is still running, gets CONFLICT. A failed request
 * keeps nothing, so it may be retried. Keys are per user. One check per request, not per field.
 */
export function idempotencyPlugin(db: Database): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ request }) {
      const key = request.http?.headers.get(IDEMPOTENCY_HEADER);
      if (key === undefined) return;
      let claimed: IdempotencyKey | undefined;
      return {
        async responseForOperation({ operation, contextValue, request: req }) {
          if (operation.operation !== 'mutation' || !contextValue.isAuthenticated) return null;
          if (key.trim() === '' || key.length > MAX_KEY_LENGTH) {
            return errorResponse(400, ErrorCode.BAD_USER_INPUT, `The Idempotency-Key header must be 1 to ${MAX_KEY_LENGTH} characters.`);
          }
          const hash = requestHash(req);
          const userId = contextValue.viewer.id;
          let outcome: { claimed: IdempotencyKey } | { existing: IdempotencyKey };
          try {
            outcome = await claim(db, userId, key, hash);
          } catch (error) {
            // Another request with this key claimed it a moment ago (unique userId + key).
            if ((error as { driverError?: { errno?: number } }).driverError?.errno !== ER_DUP_ENTRY) throw error;
            return stillRunning();
          }
          if ('claimed' in outcome) {
            claimed = outcome.claimed;
            return null;
          }
          const { existing } = outcome;
          if (existing.requestHash !== hash) {
            return errorResponse(409, ErrorCode.CONFLICT, 'This Idempotency-Key was already used for a different request. Use a new key for a new request.');
          }
          if (existing.state !== IdempotencyState.COMPLETED || existing.response === null) return stillRunning();
          const headers = new HeaderMap([['idempotent-replayed', 'true']]);
          return { http: { status: 200, headers }, body: { kind: 'single', singleResult: JSON.parse(existing.response) as FormattedExecutionResult } };
        },

        async willSendResponse({ response }) {
          if (!claimed) return;
          const row = claimed;
          const body = response.body;
          const succeeded = body.kind === 'single' && !body.singleResult.errors?.length;
          await db.transaction(async (em) => {
            if (succeeded) {
              await em.update(IdempotencyKey, { id: row.id }, { state: IdempotencyState.COMPLETED, response: JSON.stringify(body.singleResult), updatedAt: new Date(), version: 2 });
            } else {
              await em.delete(IdempotencyKey, { id: row.id });
            }
          });
        },
      };
    },
  };
}
