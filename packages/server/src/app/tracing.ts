import type { ApolloServerPlugin } from '@apollo/server';
import type { Span } from '@opentelemetry/api';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { Config } from '../config/config';
import type { Database } from '../db/database';
import type { Context } from '../common/context';
import { pathOf } from './http/request';
import { OperationLabels, outcomeOf } from './metrics';

/** Enough SQL to recognise a statement, while a span stays small. */
const STATEMENT_LIMIT = 2048;
/** How long stopping waits for the last spans to reach the collector: well within the 15 s main.ts allows for stopping. */
const SHUTDOWN_TIMEOUT_MS = 5000;

export interface Tracing {
  /**
   * Wraps the handling of a /graphql request: starts the request's span (continuing the caller's
   * trace when it sends `traceparent`) and makes it the active one for everything `handle` does,
   * body parsing and resolvers included, so SQL spans become its children.
   */
  traceRequest<T>(req: IncomingMessage, res: ServerResponse, handle: () => T): T;
  /**
   * Names the request span after its operation and records the operation's outcome. When the
   * server stops (after in-flight requests finish), sends the spans still buffered.
   */
  plugin: ApolloServerPlugin<Context>;
  /** Sends the spans still buffered, then stops the exporter (the plugin does it on server stop). */
  shutdown(): Promise<void>;
}

/**
 * Starts OpenTelemetry tracing when a collector is configured, else returns null without loading
 * the SDK (servers without tracing pay nothing for it). Spans leave in batches over OTLP/HTTP.
 * The SDK's own settings (OTEL_TRACES_SAMPLER, OTEL_EXPORTER_OTLP_HEADERS, OTEL_BSP_*, ...) are
 * read from the environment by the SDK itself.
 */
export async function startTracing(config: Config['tracing'], db: Database, logger: Logger): Promise<Tracing | null> {
  if (!config) return null;
  const [api, { NodeTracerProvider }, { BatchSpanProcessor }, { OTLPTraceExporter }, resources, { ATTR_SERVICE_NAME }] =
    await Promise.all([
      import('@opentelemetry/api'),
      import('@opentelemetry/sdk-trace-node'),
      import('@opentelemetry/sdk-trace-base'),
      import('@opentelemetry/exporter-trace-otlp-http'),
      import('@opentelemetry/resources'),
      import('@opentelemetry/semantic-conventions'),
    ]);
  const { SpanKind, SpanStatusCode } = api;

  const resource = resources
    .defaultResource()
    .merge(resources.detectResources({ detectors: [resources.envDetector] }))
    .merge(resources.resourceFromAttributes({ [ATTR_SERVICE_NAME]: config.serviceName }));
  const provider = new NodeTracerProvider({
    resource,
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: config.url }))],
  });
  // The global registration brings the AsyncLocalStorage context manager, which carries the active span across awaits.
  provider.register();
  const registered =
    (api.trace.getTracerProvider() as InstanceType<typeof api.ProxyTracerProvider>).getDelegate() === provider;
  if (registered) {
    // Export failures (collector down, refused) reach the SDK's diagnostics; send them to the log.
    api.diag.setLogger(
      {
        error: (message) => logger.error({ tracing: true }, message),
        warn: (message) => logger.warn({ tracing: true }, message),
        info: () => {},
        debug: () => {},
        verbose: () => {},
      },
      api.DiagLogLevel.WARN,
    );
  } else {
    logger.warn('another OpenTelemetry SDK is registered in this process: request spans may not nest SQL spans');
  }
  const tracer = provider.getTracer('account-graph');
  const dialect = db.dialect;
  const spanNames = new OperationLabels();

  db.intercept((sql, execute) => {
    const parent = api.context.active();
    // Only statements run for a traced request: startup, migrations and sampled-out requests make no spans.
    if (!api.trace.getSpan(parent)?.isRecording()) return execute(sql);
    const span = tracer.startSpan(
      /^\s*(\w+)/.exec(sql)?.[1]?.toUpperCase() ?? dialect,
      {
        kind: SpanKind.CLIENT,
        // The statement as sent: placeholders, never the parameter values bound to them.
        attributes: {
          'db.system': dialect,
          'db.statement': sql.length > STATEMENT_LIMIT ? `${sql.slice(0, STATEMENT_LIMIT)}…` : sql,
        },
      },
      parent,
    );
    return execute(sql).then(
      (result) => {
        span.end();
        return result;
      },
      (error: unknown) => {
        // The driver's code only: its message may quote the values a statement was refused for.
        const code = (error as { driverError?: { code?: unknown } } | null)?.driverError?.code;
        span.setAttribute('error.type', typeof code === 'string' ? code : 'error');
        span.setStatus({ code: SpanStatusCode.ERROR });
        span.end();
        throw error;
      },
    );
  });

  const traceRequest = <T>(req: IncomingMessage, res: ServerResponse, handle: () => T): T => {
    const parent = api.propagation.extract(api.ROOT_CONTEXT, req.headers);
    const span = tracer.startSpan(
      'graphql',
      {
        kind: SpanKind.SERVER,
        attributes: { 'http.request.method': req.method, 'http.route': '/graphql', 'url.path': pathOf(req.url) },
      },
      parent,
    );
    const active = api.trace.setSpan(parent, span);
    // Stream events run in the connection's context, not this one: binding the request keeps
    // this one for every listener on the stream.
    api.context.bind(active, req);
    res.once('close', () => {
      span.setAttribute('http.response.status_code', res.statusCode);
      if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    });
    return api.context.with(active, handle);
  };

  let stopped: Promise<void> | undefined;
  const shutdown = () => {
    stopped ??= (async () => {
      // A collector that is down or slow must not fail or hold up the server's stop.
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), SHUTDOWN_TIMEOUT_MS);
      });
      try {
        const result = await Promise.race([provider.shutdown(), deadline]);
        if (result === 'timeout')
          logger.warn(
            `the tracing collector did not take the last spans within ${SHUTDOWN_TIMEOUT_MS / 1000} s; they are dropped`,
          );
      } catch (error) {
        logger.warn({ err: error }, 'the tracing collector refused the last spans; they are dropped');
      } finally {
        clearTimeout(timer);
      }
      if (registered) {
        // Leaves the process as it was, so a later server here can register its own.
        api.trace.disable();
        api.context.disable();
        api.propagation.disable();
        api.diag.disable();
      }
    })();
    return stopped;
  };

  const plugin: ApolloServerPlugin<Context> = {
    async serverWillStart() {
      return { serverWillStop: shutdown };
    },
    async requestDidStart({ contextValue }) {
      const span: Span | undefined = api.trace.getActiveSpan();
      if (!span?.isRecording()) return {};
      span.setAttribute('request.id', contextValue.requestId);
      return {
        async didResolveOperation({ operation, operationName }) {
          if (!operation) return;
          const type = operation.operation;
          // Span names are grouped on by tracing backends: client-invented names are bounded as metric labels are.
          const label = spanNames.label(operationName);
          span.updateName(`graphql.${type}${label === 'anonymous' || label === 'other' ? '' : ` ${label}`}`);
          span.setAttribute('graphql.operation.type', type);
          if (operationName) span.setAttribute('graphql.operation.name', operationName.slice(0, 256));
        },
        async willSendResponse({ response }) {
          const outcome = outcomeOf(response);
          span.setAttribute('graphql.outcome', outcome);
          if (outcome === 'INTERNAL_SERVER_ERROR') span.setStatus({ code: SpanStatusCode.ERROR });
        },
      };
    },
  };

  return { traceRequest, plugin, shutdown };
}
