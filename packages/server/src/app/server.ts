import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import express from 'express';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import type { AccessScope } from '../common/access';
import { AppError, ErrorCode, UnauthenticatedError } from '../common/errors';
import { currentRequest, runInRequestScope } from '../common/request-scope';
import type { Config } from '../config/config';
import type { Database } from '../db/database';
import { guardStatements } from '../db/statement-guard';
import { idempotencyPlugin } from '../modules/idempotency/idempotency.plugin';
import { Context } from './context';
import { trackConnections } from './drain';
import { compiledExecution } from './executor';
import { createFormatError } from './format-error';
import { costLimits, RateLimiter } from './limits';
import { Metrics } from './metrics';
import { playgroundHtml } from './playground';
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
  bodyLimit: '1mb',
} as const;

export interface RunningServer {
  httpServer: http.Server;
  url: string;
  /** Stops accepting, lets in-flight requests finish, then resolves. */
  stop(): Promise<void>;
}

const REQUEST_ID = /^[\w.:-]{1,100}$/;

/** Builds the HTTP server: GraphQL at /graphql, the playground page, health and readiness. */
export async function createServer(config: Config, db: Database, logger: Logger): Promise<{ httpServer: http.Server; apollo: ApolloServer<Context> }> {
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  const signIn = new SignIn(config.auth, db);
  // Metrics and tracing see each statement as written; the guard inside them adds the deadline.
  const metrics = config.metrics.enabled ? new Metrics(db) : null;
  const tracing = await startTracing(config.tracing, db, logger);
  guardStatements(db);
  const rateLimiter = config.rateLimitPointsPerMinute > 0 ? await RateLimiter.create(config, logger) : null;
  await rateLimiter?.connected();

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
    gateway: compiledExecution(await createSchema()),
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

  // First: it times every request, and answers /metrics without a log line per scrape.
  if (metrics) app.use(metrics.middleware(config.metrics.token));

  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      autoLogging: { ignore: (req) => req.url === '/health' || req.url === '/ready' },
      // The logger's redaction removes Authorization and Cookie; this keeps the request line short.
      serializers: { req: (req) => ({ id: req.id, method: req.method, url: req.url }) },
    }),
  );

  // Everything below runs in the request's scope: its id for errors raised outside a resolver, its
  // deadline for every SQL statement it sends.
  app.use((req, _res, next) => {
    const scope = {
      requestId: String(req.id),
      remoteAddress: req.socket.remoteAddress ?? 'unknown',
      deadline: Date.now() + config.requestTimeoutMs,
      timeLimitMs: config.requestTimeoutMs,
    };
    runInRequestScope(scope, next);
  });

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  app.get('/ready', async (_req, res) => {
    const ready = await db.ping();
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'database unavailable' });
  });

  if (config.playground) {
    app.get('/graphql', (req, res, next) => {
      if (req.query.query !== undefined || !req.accepts('html')) return next();
      playgroundHtml().then((html) => res.type('html').send(html), next);
    });
  }

  if (tracing) app.use('/graphql', tracing.middleware);

  app.use(
    '/graphql',
    express.json({ limit: REQUEST_LIMITS.bodyLimit }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const log = req.log;
        let access: AccessScope | null = null;
        let authError: UnauthenticatedError | null = null;
        try {
          access = await signIn.scopeFor(req.headers.authorization);
        } catch (error) {
          // A coded error (the database is unreachable, the request ran out of time) answers as it is.
          if (error instanceof AppError && !(error instanceof UnauthenticatedError)) throw error;
          if (!(error instanceof UnauthenticatedError)) {
            log.error({ err: error }, 'unexpected error while signing in');
            throw new Error('sign-in failed'); // masked as INTERNAL_SERVER_ERROR with the request id
          }
          // Reported when the operation runs; introspection still works, so the playground's docs load before a token is pasted.
          authError = error;
        }
        return new Context(String(req.id), log, config, db, db.dataSource.manager, access, authError);
      },
    }),
  );

  app.use((_req, res) => {
    res.status(404).json({ error: 'Not found. GraphQL is served at /graphql.' });
  });

  // Body-parser failures (too large, not JSON) answer in GraphQL's shape, without Express's stack page.
  app.use((error: { status?: number; type?: string }, req: express.Request, res: express.Response, _next: express.NextFunction) => {
    const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 500;
    if (status === 500) req.log.error({ err: error }, 'unexpected HTTP error');
    const message =
      status === 413 ? `The request body is larger than ${REQUEST_LIMITS.bodyLimit}.` :
      status === 500 ? 'Internal server error.' : 'The request body is not valid JSON.';
    const extensions = status === 500 ? { code: ErrorCode.INTERNAL_SERVER_ERROR, requestId: currentRequest()?.requestId } : { code: ErrorCode.BAD_USER_INPUT };
    res.status(status).json({ errors: [{ message, extensions }] });
  });

  return { httpServer, apollo };
}

/** Starts listening; `stop` stops accepting, answers every request already accepted, then stops Apollo. */
export async function listen(httpServer: http.Server, apollo: ApolloServer<Context>, port: number, host: string): Promise<RunningServer> {
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
