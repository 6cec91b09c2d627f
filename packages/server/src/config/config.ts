import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';
import { DEFAULT_SLA_TEXT, parseSlaTerms, SLA_DURATION_PATTERN, type SlaPolicy } from './sla-terms';

/** Where the development JWT secret comes from when none is configured; refused in production. */
export const DEV_JWT_SECRET = 'account-graph-dev-secret-change-me-0123456789';

const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const databaseUrl = z
  .string()
  .refine((value) => /^sqlite:.+/.test(value) || /^mysql:\/\/.+\/.+/.test(value) || /^mariadb:\/\/.+\/.+/.test(value), {
    message: 'must be sqlite:<path> or mysql://user:pass@host:port/database',
  });

/** An SLA duration: whole hours, calendar days or business days (4h, 3d, 1bd). */
const slaDuration = z
  .string()
  .regex(SLA_DURATION_PATTERN, 'must be whole hours, days or business days, such as 4h, 3d or 1bd');

/** An OTLP/HTTP collector address. */
const otlpUrl = z.url({ protocol: /^https?$/, message: 'must be an http(s) URL such as http://otel-collector:4318' });

/** `*` or a comma-separated list of origins such as https://bi.example.com (scheme, host and port only). */
const corsOrigins = z
  .string()
  .transform((text) =>
    text
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
  )
  .pipe(
    z.array(
      z.union([
        z.literal('*'),
        z.string().refine((origin) => URL.canParse(origin) && new URL(origin).origin === origin, {
          message: 'each origin must be scheme://host[:port] with no path or trailing slash, or *',
        }),
      ]),
    ),
  );

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: databaseUrl.default('sqlite:./data/account-graph.sqlite'),
  AUTH_JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  AUTH_JWKS_URL: z.url('must be a URL').optional(),
  AUTH_ISSUER: z.string().min(1).optional(),
  AUTH_AUDIENCE: z.string().min(1).optional(),
  SEED_DEMO: booleanFromEnv.default(true),
  PLAYGROUND: booleanFromEnv.optional(),
  // Browser apps on these origins may call the API (a dashboard on another host); none when unset.
  CORS_ORIGINS: corsOrigins.default([]),
  // What one request may take: past it no further SQL starts, and MariaDB stops the running read.
  REQUEST_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(100, 'must be at least 100 (milliseconds)')
    .max(300_000, 'must be at most 300000 (5 minutes)')
    .default(10_000),
  // Query cost points per caller per minute (0 turns the limit off); shared through Redis when REDIS_URL is set.
  RATE_LIMIT_POINTS_PER_MINUTE: z.coerce.number().int().min(0).default(100_000),
  // How many queries costing a quarter of the budget or more run at once in one process; the rest wait their turn.
  EXPENSIVE_QUERY_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(1),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/.+/, 'must be redis://host:port (or rediss:// for TLS)')
    .optional(),
  // Keeps this deployment's keys apart from others on the same Redis (staging and production, say).
  REDIS_KEY_PREFIX: z
    .string()
    .regex(/^[\w:.-]{1,64}$/, 'must be 1 to 64 letters, digits, _ . : or -')
    .default('account-graph'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // Approval authority in whole US dollars: the largest change order or invoice each role may approve.
  APPROVAL_LIMIT_ACCOUNT_MANAGER_USD: z.coerce.number().int().min(0).default(50_000),
  APPROVAL_LIMIT_SENIOR_ACCOUNT_MANAGER_USD: z.coerce.number().int().min(0).default(250_000),
  APPROVAL_LIMIT_FINANCE_INVOICES_USD: z.coerce.number().int().min(0).default(250_000),
  // Client issue SLAs per severity (the client services agreement; the defaults are DEFAULT_SLA_TEXT in sla-terms.ts).
  SLA_CRITICAL_RESPONSE: slaDuration.default(DEFAULT_SLA_TEXT.CRITICAL.response),
  SLA_CRITICAL_RESOLUTION: slaDuration.default(DEFAULT_SLA_TEXT.CRITICAL.resolution),
  SLA_HIGH_RESPONSE: slaDuration.default(DEFAULT_SLA_TEXT.HIGH.response),
  SLA_HIGH_RESOLUTION: slaDuration.default(DEFAULT_SLA_TEXT.HIGH.resolution),
  SLA_MEDIUM_RESPONSE: slaDuration.default(DEFAULT_SLA_TEXT.MEDIUM.response),
  SLA_MEDIUM_RESOLUTION: slaDuration.default(DEFAULT_SLA_TEXT.MEDIUM.resolution),
  SLA_LOW_RESPONSE: slaDuration.default(DEFAULT_SLA_TEXT.LOW.response),
  SLA_LOW_RESOLUTION: slaDuration.default(DEFAULT_SLA_TEXT.LOW.resolution),
  METRICS_ENABLED: booleanFromEnv.default(true),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  // OpenTelemetry's own variable names, so a deployment's usual tracing settings apply unchanged.
  OTEL_EXPORTER_OTLP_ENDPOINT: otlpUrl.optional(),
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: otlpUrl.optional(),
  OTEL_EXPORTER_OTLP_PROTOCOL: z.string().optional(),
  OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: z.string().optional(),
  OTEL_SERVICE_NAME: z.string().min(1).default('account-graph'),
  OTEL_SDK_DISABLED: booleanFromEnv.default(false),
});

export type DatabaseConfig = { dialect: 'sqlite'; path: string } | { dialect: 'mysql'; url: string; database: string };

/** The validated configuration: read once at start, passed down explicitly. */
export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  database: DatabaseConfig;
  auth: {
    jwtSecret: string;
    usingDevSecret: boolean;
    jwksUrl?: string;
    issuer?: string;
    audience?: string;
  };
  /** Approval limits in cents of USD; executives and admins have none. */
  approvalLimits: { accountManagerCents: number; seniorAccountManagerCents: number; financeInvoiceCents: number };
  /** Client issue response and resolution times per severity. */
  sla: SlaPolicy;
  /** Per-request time limit in milliseconds. */
  requestTimeoutMs: number;
  /** Cost points per caller per minute; 0 when rate limiting is off. */
  rateLimitPointsPerMinute: number;
  /** Expensive queries (a quarter of the cost budget or more) running at once per process. */
  expensiveQueryConcurrency: number;
  /** Where rate-limit counters are shared between processes; in memory when absent. */
  redisUrl?: string;
  /** Prefix of every key this deployment writes to Redis. */
  redisKeyPrefix: string;
  seedDemo: boolean;
  playground: boolean;
  introspection: boolean;
  /** Origins whose browser apps may call the API (`*` for any); empty turns CORS off. */
  corsOrigins: string[];
  logLevel: string;
  /** Prometheus metrics at GET /metrics, behind a bearer token when one is set. */
  metrics: { enabled: boolean; token?: string };
  /** OpenTelemetry traces sent over OTLP/HTTP (JSON); null when no endpoint is set. */
  tracing: { url: string; serviceName: string } | null;
}

export class ConfigError extends Error {}

/**
 * Where relative SQLite paths start: the repository root when running inside it (pnpm runs the
 * server from packages/server, but `./data` means the root's to whoever typed the command),
 * else the working directory.
 */
function baseDirectory(): string {
  for (let dir = process.cwd(); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    if (dirname(dir) === dir) return process.cwd();
  }
}

export function parseDatabaseUrl(url: string): DatabaseConfig {
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length);
    return { dialect: 'sqlite', path: path === ':memory:' || isAbsolute(path) ? path : resolve(baseDirectory(), path) };
  }
  const parsed = new URL(url.replace(/^mariadb:/, 'mysql:'));
  return { dialect: 'mysql', url: parsed.toString(), database: decodeURIComponent(parsed.pathname.slice(1)) };
}

/**
 * Tracing is on when a collector is named. The traces endpoint is used as it is; the general
 * endpoint is a base that traces go under at /v1/traces (as every OpenTelemetry SDK does).
 */
function tracingConfig(
  tracesEndpoint: string | undefined,
  endpoint: string | undefined,
  serviceName: string,
): Config['tracing'] {
  const url = tracesEndpoint ?? (endpoint ? `${endpoint.replace(/\/+$/, '')}/v1/traces` : undefined);
  return url ? { url, serviceName } : null;
}

/** Parses the environment once; every bad value is reported by name in one error. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const blankless = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const result = envSchema.safeParse(blankless);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = result.data;
  const production = e.NODE_ENV === 'production';
  if (production && !e.AUTH_JWT_SECRET && !e.AUTH_JWKS_URL) {
    throw new ConfigError(
      'Invalid configuration:\n  AUTH_JWT_SECRET: required when NODE_ENV=production (or set AUTH_JWKS_URL and AUTH_ISSUER)',
    );
  }
  if (e.AUTH_JWKS_URL && !e.AUTH_ISSUER) {
    throw new ConfigError('Invalid configuration:\n  AUTH_ISSUER: required when AUTH_JWKS_URL is set');
  }
  const tracing = e.OTEL_SDK_DISABLED
    ? null
    : tracingConfig(e.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, e.OTEL_EXPORTER_OTLP_ENDPOINT, e.OTEL_SERVICE_NAME);
  // The exporter sends OTLP over HTTP as JSON; a collector expecting gRPC or protobuf refuses every batch, so say so at start.
  const protocol = e.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL
    ? 'OTEL_EXPORTER_OTLP_TRACES_PROTOCOL'
    : 'OTEL_EXPORTER_OTLP_PROTOCOL';
  if (tracing && (e[protocol] ?? 'http/json') !== 'http/json') {
    throw new ConfigError(
      `Invalid configuration:\n  ${protocol}: only http/json is supported (OTLP over HTTP, port 4318 on most collectors)`,
    );
  }
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    database: parseDatabaseUrl(e.DATABASE_URL),
    auth: {
      jwtSecret: e.AUTH_JWT_SECRET ?? DEV_JWT_SECRET,
      usingDevSecret: !e.AUTH_JWT_SECRET,
      jwksUrl: e.AUTH_JWKS_URL,
      issuer: e.AUTH_ISSUER,
      audience: e.AUTH_AUDIENCE,
    },
    approvalLimits: {
      accountManagerCents: e.APPROVAL_LIMIT_ACCOUNT_MANAGER_USD * 100,
      seniorAccountManagerCents: e.APPROVAL_LIMIT_SENIOR_ACCOUNT_MANAGER_USD * 100,
      financeInvoiceCents: e.APPROVAL_LIMIT_FINANCE_INVOICES_USD * 100,
    },
    sla: {
      CRITICAL: parseSlaTerms({ response: e.SLA_CRITICAL_RESPONSE, resolution: e.SLA_CRITICAL_RESOLUTION }),
      HIGH: parseSlaTerms({ response: e.SLA_HIGH_RESPONSE, resolution: e.SLA_HIGH_RESOLUTION }),
      MEDIUM: parseSlaTerms({ response: e.SLA_MEDIUM_RESPONSE, resolution: e.SLA_MEDIUM_RESOLUTION }),
      LOW: parseSlaTerms({ response: e.SLA_LOW_RESPONSE, resolution: e.SLA_LOW_RESOLUTION }),
    },
    requestTimeoutMs: e.REQUEST_TIMEOUT_MS,
    rateLimitPointsPerMinute: e.RATE_LIMIT_POINTS_PER_MINUTE,
    expensiveQueryConcurrency: e.EXPENSIVE_QUERY_CONCURRENCY,
    redisUrl: e.REDIS_URL,
    redisKeyPrefix: e.REDIS_KEY_PREFIX,
    seedDemo: e.SEED_DEMO,
    playground: e.PLAYGROUND ?? !production,
    corsOrigins: e.CORS_ORIGINS,
    // The playground's documentation explorer needs introspection; production turns both off by default.
    introspection: e.PLAYGROUND ?? !production,
    logLevel: e.LOG_LEVEL,
    metrics: { enabled: e.METRICS_ENABLED, token: e.METRICS_TOKEN },
    tracing,
  };
}
