import { createHash } from 'node:crypto';
import { HeaderMap, type ApolloServerPlugin, type GraphQLRequestContext, type GraphQLResponse } from '@apollo/server';
import { OperationTypeNode, type FormattedExecutionResult } from 'graphql';
import { In, LessThan } from 'typeorm';
import { stampNew } from '../../common/base.entity';
import { isDeadlock, isLockWaitTimeout, isUniqueViolation } from '../../common/driver-errors';
import { ErrorCode, ErrorReason } from '../../common/errors';
import type { Database, OpenTransaction } from '../../db/database';
import type { Context } from '../../common/context';
import { IdempotencyKey, IdempotencyState } from './idempotency-key.entity';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const MAX_KEY_LENGTH = 255;
const KEEP_MS = 24 * 60 * 60 * 1000;
/** The response column is TEXT, which holds 65,535 bytes on MySQL/MariaDB: the same limit on both. */
export const MAX_KEPT_RESPONSE_BYTES = 65_535;
/** Expired keys cleared per keyed request, a few at a time as new ones arrive. */
const SWEEP_BATCH = 100;
/** A claim that lost a race looks again this many times before answering "still being processed". */
const CLAIM_ATTEMPTS = 3;

type RequestContext = GraphQLRequestContext<Context>;

function errorResponse(status: number, code: ErrorCode, reason: ErrorReason, message: string): GraphQLResponse {
  return {
    http: { status, headers: new HeaderMap() },
    body: { kind: 'single', singleResult: { errors: [{ message, extensions: { code, reason } }] } },
  };
}

function stillRunning(): GraphQLResponse {
  return errorResponse(
    409,
    ErrorCode.CONFLICT,
    ErrorReason.IDEMPOTENCY_KEY_IN_USE,
    'A request with this Idempotency-Key is still being processed. Retry in a moment.',
  );
}

/** What a request gets for a key that is already taken. */
function answerFor(row: IdempotencyKey, hash: string): GraphQLResponse {
  if (row.requestHash !== hash) {
    return errorResponse(
      409,
      ErrorCode.CONFLICT,
      ErrorReason.IDEMPOTENCY_KEY_REUSED,
      'This Idempotency-Key was already used for a different request. Use a new key for a new request.',
    );
  }
  if (row.state !== IdempotencyState.COMPLETED || row.response === null) return stillRunning();
  const headers = new HeaderMap([['idempotent-replayed', 'true']]);
  return {
    http: { status: 200, headers },
    body: { kind: 'single', singleResult: JSON.parse(row.response) as FormattedExecutionResult },
  };
}

/** The request as the client sent it: the same key with anything else is a different request. */
function requestHash(request: RequestContext['request']): string {
  return createHash('sha256')
    .update(JSON.stringify([request.query ?? '', request.operationName ?? null, request.variables ?? {}]))
    .digest('hex');
}

/**
 * Keys live 24 hours: expired ones (anyone's, a few at a time) are cleared as new ones arrive, in a
 * transaction of their own: inside the request's, their locks would be held until it ends. A
 * failure here only postpones the clearing (a request's own expired key is cleared by `claim`).
 */
async function sweepExpired(ctx: Context, now: Date): Promise<void> {
  try {
    const expired = await ctx.db.dataSource.manager.find(IdempotencyKey, {
      where: { expiresAt: LessThan(now) },
      select: { id: true },
      take: SWEEP_BATCH,
    });
    if (expired.length === 0) return;
    await ctx.db.transaction((em) =>
      em.delete(IdempotencyKey, { id: In(expired.map((row) => row.id)), expiresAt: LessThan(now) }),
    );
  } catch (error) {
    ctx.log.warn({ err: error }, 'could not clear expired Idempotency-Keys');
  }
}

type Claim = { transaction: OpenTransaction; rowId: number } | { response: GraphQLResponse };

/**
 * Opens the request's transaction with the key's row inserted as its first statement, or answers
 * for the request that holds the key. Inserting first matters: a concurrent request with the same
 * key then waits on the unique index (MySQL/MariaDB) or for the write lock (SQLite) while holding
 * nothing else, and afterwards sees the committed response, or takes the key if that request kept
 * nothing. Other connections see only committed rows, which hold a response (an IN_PROGRESS one
 * was left by an earlier version of the server, and expires). SQLite's one connection is every
 * request's, so there an IN_PROGRESS row is a running request's: this one waits, then looks again.
 */
async function claim(db: Database, userId: number, key: string, hash: string): Promise<Claim> {
  for (let attempt = 1; attempt <= CLAIM_ATTEMPTS; attempt++) {
    const now = new Date();
    const existing = await db.dataSource.manager.findOneBy(IdempotencyKey, { userId, key });
    if (existing && existing.expiresAt < now) {
      await db.transaction((em) => em.delete(IdempotencyKey, { id: existing.id, expiresAt: LessThan(now) }));
    } else if (existing && (existing.state === IdempotencyState.COMPLETED || attempt > 1)) {
      return { response: answerFor(existing, hash) };
    }
    const transaction = await db.begin();
    try {
      const row = stampNew(new IdempotencyKey(), now);
      Object.assign(row, {
        userId,
        key,
        requestHash: hash,
        state: IdempotencyState.IN_PROGRESS,
        response: null,
        expiresAt: new Date(now.getTime() + KEEP_MS),
      });
      const inserted = await transaction.em.insert(IdempotencyKey, row);
      return { transaction, rowId: Number(inserted.identifiers[0].id) };
    } catch (error) {
      await transaction.rollback().catch(() => undefined);
      // The key was taken while this request waited (another request holds or held the same user +
      // key): look again. (Two waiters on a claim that was then rolled back can deadlock each other
      // on the unique index; the loser looks again too.)
      if (isUniqueViolation(error) || isDeadlock(error)) continue;
      // The request holding the key has run longer than the database lets a lock wait.
      if (isLockWaitTimeout(error)) return { response: stillRunning() };
      throw error;
    }
  }
  return { response: stillRunning() };
}

function replaceResponse(requestContext: RequestContext, response: GraphQLResponse): void {
  requestContext.response.body = response.body;
  requestContext.response.http.status = response.http.status;
}

/**
 * Ends the request's transaction once execution is over. The response is kept with the work when
 * the request succeeded, or when any part of it did (a mutation field completed while another
 * failed): its work commits, and a retry must replay this response rather than run it again.
 * When nothing succeeded, everything is rolled back and the key is free again.
 */
async function finish(
  requestContext: RequestContext,
  transaction: OpenTransaction,
  rowId: number,
  executionError?: Error,
): Promise<void> {
  const ctx = requestContext.contextValue;
  ctx.useTransaction(null);
  try {
    if (transaction.aborted !== null) {
      // A deadlock undid every part of the request, the ones that had succeeded included.
      await transaction.rollback();
      replaceResponse(
        requestContext,
        errorResponse(
          409,
          ErrorCode.CONFLICT,
          ErrorReason.CONCURRENT_CHANGE,
          'This request collided with another one on the same records and was undone entirely; nothing was changed. Retry it with the same Idempotency-Key.',
        ),
      );
      return;
    }
    const body = requestContext.response.body;
    const result = !executionError && body?.kind === 'single' ? body.singleResult : null;
    if (result === null || (result.errors?.length && transaction.kept === 0)) {
      await transaction.rollback();
      return;
    }
    const response = JSON.stringify(result);
    if (Buffer.byteLength(response) > MAX_KEPT_RESPONSE_BYTES) {
      await transaction.rollback();
      replaceResponse(
        requestContext,
        errorResponse(
          400,
          ErrorCode.BAD_USER_INPUT,
          ErrorReason.RESPONSE_TOO_LARGE,
          `The response is larger than ${MAX_KEPT_RESPONSE_BYTES} bytes, too large to keep for an ` +
            `Idempotency-Key; nothing was changed. Select fewer fields, or send the mutation without a key.`,
        ),
      );
      return;
    }
    await transaction.em.update(
      IdempotencyKey,
      { id: rowId },
      { state: IdempotencyState.COMPLETED, response, updatedAt: new Date(), version: 2 },
    );
    await transaction.commit();
  } catch (error) {
    await transaction.rollback().catch(() => undefined);
    ctx.log.error({ err: error }, 'could not record the outcome of a request with an Idempotency-Key');
    // A failed COMMIT may have committed or not; the key makes either safe to retry.
    replaceResponse(
      requestContext,
      errorResponse(
        500,
        ErrorCode.INTERNAL_SERVER_ERROR,
        ErrorReason.INTERNAL_ERROR,
        'Internal server error. It has been logged; quote the x-request-id response header when you ' +
          'report it. Retry with the same Idempotency-Key: if the change was made you get its response, ' +
          'otherwise it is made once.',
      ),
    );
  }
}

/**
 * Idempotency-Key for mutations, so a retried request never approves twice or loses an update. A mutation with
 * a key runs whole in one transaction opened here: the key is claimed in it, every
 * `inTransaction` of the operation joins it as a savepoint (see `Context.useTransaction`), and the
 * response is stored in it before it commits. So the work and its recorded outcome commit together
 * or not at all: a server that dies mid-request leaves neither, and a retry runs as if first; one
 * that dies after the commit leaves both, and a retry gets the response. A retry with the same key
 * and request gets that response again; the same key with another request gets CONFLICT. Keys are
 * per user and kept 24 hours. One check per request, not per field.
 */
export function idempotencyPlugin(db: Database): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ request }) {
      const key = request.http?.headers.get(IDEMPOTENCY_HEADER);
      if (key === undefined) return;
      let claimed: { transaction: OpenTransaction; rowId: number } | null = null;
      return {
        async responseForOperation({ operation, contextValue, request: req }) {
          if (operation.operation !== OperationTypeNode.MUTATION || !contextValue.isAuthenticated) return null;
          if (key.trim() === '' || key.length > MAX_KEY_LENGTH) {
            return errorResponse(
              400,
              ErrorCode.BAD_USER_INPUT,
              ErrorReason.INVALID_REQUEST,
              `The Idempotency-Key header must be 1 to ${MAX_KEY_LENGTH} characters.`,
            );
          }
          await sweepExpired(contextValue, new Date());
          const outcome = await claim(db, contextValue.viewer.id, key, requestHash(req));
          if ('response' in outcome) return outcome.response;
          claimed = outcome;
          contextValue.useTransaction(outcome.transaction);
          return null;
        },

        async executionDidStart(requestContext) {
          const held = claimed;
          if (!held) return;
          return {
            async executionDidEnd(error) {
              claimed = null;
              await finish(requestContext, held.transaction, held.rowId, error);
            },
          };
        },

        async willSendResponse({ contextValue }) {
          // Another plugin answered instead of executing: nothing ran, so nothing is kept.
          if (!claimed) return;
          const { transaction } = claimed;
          claimed = null;
          contextValue.useTransaction(null);
          await transaction.rollback();
        },
      };
    },

    async unexpectedErrorProcessingRequest({ requestContext }) {
      // The pipeline failed before the response: never leave the request's transaction (and on
      // SQLite the write lock) open.
      const transaction = requestContext.contextValue?.transaction;
      if (!transaction) return;
      requestContext.contextValue.useTransaction(null);
      await transaction.rollback();
    },
  };
}
