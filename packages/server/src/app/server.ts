import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { Logger } from 'pino';
import type { AccessScope } from '../common/access';
import { DomainError, ErrorCode, ErrorReason, UnauthenticatedError } from '../common/errors';
import { runInRequestScope } from '../common/request-scope';
import type { Config } from '../config/config';
import type { Database } from '../db/database';
import { guardStatements } from '../db/statement-guard';
import { idempotencyPlugin } from '../modules/idempotency/idempotency.plugin';
import { Context } from '../common/context';
import { createLoaders, modules } from './modules';
import { trackConnections } from './drain';
import { compiledExecution } from './executor';
import { createFormatError } from './format-error';
import { BodyError, readJsonBody } from './http/body';
import { corsFor } from './http/cors';
import { Exporter, exportErrorStatus, exportTarget, EXPORT_TIME_LIMIT_MS } from './http/export';
import { answerGraphQL } from './http/graphql';
import { acceptsHtml } from './http/negotiate';
import { isRead, pathOf, searchOf, send, sendJson, withoutTrailingSlash } from './http/request';
import { startRequestLog } from './http/request-log';
import { costLimits, RateLimiter } from './limits';
import { Metrics } from './metrics';
import { playgroundHtml, playgroundTag } from './playground';
import { logUnexpectedErrors, requireAuthentication } from './plugins';
import { createSchema } from './schema';
import { SignIn } from './sign-in';
import { startTracing } from './tracing';

/** Limits every request meets before it is executed (graphql-armor; tokens counted by graphql-js's parser). */
export const REQUEST_LIMITS = {
  // Deep enough for account → contracts → invoices → payments → a field, connections included.
  maxDepth: 15,
  maxAliases: 15,
  maxTokens: 2000,
  maxDirectives: 20,
  bodyLimitBytes: 1024 * 1024,
} as const;

export interface RunningServer {
  httpServer: http.Server;
  url: string;
  /** Stops accepting, lets in-flight requests finish, then resolves. */
  stop(): Promise<void>;
}

const NOT_FOUND = { error: 'Not found. GraphQL is served at /graphql.' };

/** A request being answered, with the id and logger it was given. */
interface Exchange {
  req: http.IncomingMessage;
  res: http.ServerResponse;
  requestId: string;
  log: Logger;
}

/** Builds the HTTP server: GraphQL at /graphql, the playground page, health and readiness. */
export async function createServer(
  config: Config,
  db: Database,
  logger: Logger,
): Promise<{ httpServer: http.Server; apollo: ApolloServer<Context> }> {
  const signIn = new SignIn(config.auth, db);
  // Metrics and tracing see each statement as written; the guard inside them adds the deadline.
  const metrics = config.metrics.enabled ? new Metrics(db) : null;
  const tracing = await startTracing(config.tracing, db, logger);
  guardStatements(db);
  const rateLimiter = config.rateLimitPointsPerMinute > 0 ? await RateLimiter.create(config, logger) : null;
  await rateLimiter?.connected();

  const schema = await createSchema();
  const exporter = new Exporter(
    modules.flatMap((m) => m.exports ?? []),
    schema,
  );
  const armor = new ApolloArmor({
    // Fragments count by what they select, not twice per spread.
    maxDepth: { n: REQUEST_LIMITS.maxDepth, ignoreIntrospection: true, flattenFragments: true },
    maxAliases: { n: REQUEST_LIMITS.maxAliases },
    // Counted by graphql-js's own parser instead (parseOptions below): armor's token counter parses
    // the document a second time and lets a syntax error escape as a 500.
    maxTokens: { enabled: false },
    maxDirectives: { n: REQUEST_LIMITS.maxDirectives },
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: config.env === 'production' },
  });
  const protection = armor.protect();

  const apollo = new ApolloServer<Context>({
    gateway: compiledExecution(schema),
    introspection: config.introspection,
    allowBatchedHttpRequests: false,
    // main.ts owns SIGTERM/SIGINT (drain, then close the pool); Apollo's own handler would start a
    // second stop that never resolves, and the process would hang until killed.
    stopOnTerminationSignals: false,
    hideSchemaDetailsFromClientErrors: config.env === 'production',
    includeStacktraceInErrorResponses: false,
    formatError: createFormatError({ hideSchemaDetails: config.env === 'production' }),
    parseOptions: { maxTokens: REQUEST_LIMITS.maxTokens },
    validationRules: protection.validationRules,
    plugins: [
      ...protection.plugins,
      ApolloServerPluginLandingPageDisabled(),
      // Apollo's default cache-control plugin wraps every field resolver; nothing here uses it.
      ApolloServerPluginCacheControlDisabled(),
      requireAuthentication,
      costLimits(rateLimiter, config.expensiveQueryConcurrency),
      idempotencyPlugin(db),
      logUnexpectedErrors,
      { serverWillStart: async () => ({ serverWillStop: async () => rateLimiter?.close() }) },
      ...(metrics ? [metrics.plugin] : []),
      ...(tracing ? [tracing.plugin] : []),
    ],
  });
  await apollo.start();

  /** The request's Context: its viewer signed in from the bearer token, or why the token was refused. */
  const contextFor = async ({ req, requestId, log }: Exchange): Promise<Context> => {
    let access: AccessScope | null = null;
    let authError: UnauthenticatedError | null = null;
    try {
      access = await signIn.scopeFor(req.headers.authorization);
    } catch (error) {
      // A coded error (the database is unreachable, the request ran out of time) answers as it is.
      if (error instanceof DomainError && !(error instanceof UnauthenticatedError)) throw error;
      if (!(error instanceof UnauthenticatedError)) {
        log.error({ err: error }, 'unexpected error while signing in');
        throw new Error('sign-in failed', { cause: error }); // masked as INTERNAL_SERVER_ERROR with the request id
      }
      // Reported when the operation runs; introspection still works, so the playground's docs load before a token is pasted.
      authError = error;
    }
    return new Context(requestId, log, config, db, createLoaders, db.dataSource.manager, access, authError);
  };

  const graphql = async (exchange: Exchange): Promise<void> => {
    const body = await readJsonBody(exchange.req, REQUEST_LIMITS.bodyLimitBytes);
    await answerGraphQL(apollo, exchange.req, exchange.res, body, () => contextFor(exchange));
  };

  /** Paths match as they did under Express: in any case, with or without a trailing slash; /graphql also below it. */
  const cors = corsFor(config.corsOrigins);
  const route = async (exchange: Exchange): Promise<void> => {
    const { req, res } = exchange;
    if (cors?.(req, res)) return; // a preflight, answered
    const path = pathOf(req.url).toLowerCase();
    const page = withoutTrailingSlash(path);
    if (page === '/health' && isRead(req)) return sendJson(res, 200, { status: 'ok' });
    if (page === '/ready' && isRead(req)) {
      const ready = await db.ping();
      return sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'database unavailable' });
    }
    const exported = exportTarget(page);
    if (exported && isRead(req)) return serveExport(exchange, exported);
    if (page !== '/graphql' && !path.startsWith('/graphql/')) return sendJson(res, 404, NOT_FOUND);
    if (config.playground && page === '/graphql' && isRead(req) && !asksQuery(req) && acceptsHtml(req.headers.accept))
      return sendPlayground(req, res);
    if (tracing) return tracing.traceRequest(req, res, () => graphql(exchange));
    return graphql(exchange);
  };

  /** A download (`GET /export/<dataset>.csv`): refusals before the first row answer as JSON errors. */
  const serveExport = async (exchange: Exchange, target: NonNullable<ReturnType<typeof exportTarget>>) => {
    const { req, res } = exchange;
    try {
      const ctx = await contextFor(exchange);
      await exporter.serve(target, new URLSearchParams(searchOf(req.url)), ctx, res);
    } catch (error) {
      if (!(error instanceof DomainError) || res.headersSent) throw error;
      sendJson(res, exportErrorStatus(error), {
        errors: [{ message: error.message, extensions: { ...error.details, code: error.code, reason: error.reason } }],
      });
    }
  };

  /** Bodies refused (too large, not JSON) answer in GraphQL's shape; anything else unexpected as a masked 500. */
  const answerFailure = (error: unknown, { res, requestId, log }: Exchange): void => {
    const status = error instanceof BodyError ? error.status : 500;
    if (status === 500) log.error({ err: error }, 'unexpected HTTP error');
    if (res.headersSent) {
      res.destroy();
      return;
    }
    const message =
      status === 413
        ? `The request body is larger than ${REQUEST_LIMITS.bodyLimitBytes / 1024 / 1024}mb.`
        : status === 500
          ? 'Internal server error.'
          : 'The request body is not valid JSON.';
    const extensions =
      status === 500
        ? { code: ErrorCode.INTERNAL_SERVER_ERROR, reason: ErrorReason.INTERNAL_ERROR, requestId }
        : { code: ErrorCode.BAD_USER_INPUT, reason: ErrorReason.INVALID_REQUEST };
    sendJson(res, status, { errors: [{ message, extensions }] });
  };

  const serveMetrics = metrics?.httpHandler(config.metrics.token);
  const httpServer = http.createServer((req, res) => {
    // First: it times every request, and answers /metrics without a log line per scrape.
    if (serveMetrics?.(req, res)) return;
    const { requestId, log } = startRequestLog(logger, req, res);
    const exchange: Exchange = { req, res, requestId, log };
    // A download of every row may run far longer than a GraphQL request.
    const timeLimitMs = exportTarget(pathOf(req.url).toLowerCase()) ? EXPORT_TIME_LIMIT_MS : config.requestTimeoutMs;
    // Everything below runs in the request's scope: its id for errors raised outside a resolver,
    // its deadline for every SQL statement it sends.
    const scope = {
      requestId,
      remoteAddress: req.socket.remoteAddress ?? 'unknown',
      deadline: Date.now() + timeLimitMs,
      timeLimitMs,
    };
    void runInRequestScope(scope, () => route(exchange).catch((error: unknown) => answerFailure(error, exchange)));
  });

  return { httpServer, apollo };
}

/** A GET with a `query` parameter is a GraphQL request, whatever the client accepts. */
function asksQuery(req: http.IncomingMessage): boolean {
  const search = req.url?.indexOf('?') ?? -1;
  return search !== -1 && new URLSearchParams(req.url?.slice(search + 1)).has('query');
}

/** The playground page; a browser that has it already gets a 304. */
async function sendPlayground(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const tag = await playgroundTag();
  res.setHeader('etag', tag);
  const cached = req.headers['if-none-match']?.split(',').some((given) => given.trim() === tag || given.trim() === '*');
  if (cached) {
    res.statusCode = 304;
    res.end();
    return;
  }
  send(res, 200, 'text/html; charset=utf-8', await playgroundHtml());
}

/** Starts listening; `stop` stops accepting, answers every request already accepted, then stops Apollo. */
export async function listen(
  httpServer: http.Server,
  apollo: ApolloServer<Context>,
  port: number,
  host: string,
): Promise<RunningServer> {
  const connections = trackConnections(httpServer);
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(port, host, () => resolve());
  });
  const address = httpServer.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  return {
    httpServer,
    url: `http://${shownHost}:${actualPort}/graphql`,
    stop: async () => {
      await connections.drain();
      await apollo.stop();
    },
  };
}
