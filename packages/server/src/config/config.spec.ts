import { join } from 'node:path';
import { ConfigError, DEV_JWT_SECRET, loadConfig } from './config';

describe('loadConfig', () => {
  it('starts a newcomer on SQLite under ./data with the playground and a dev secret', () => {
    const config = loadConfig({});
    expect(config.port).toBe(4000);
    // Relative to the repository root, wherever in it the command runs (pnpm runs packages from their folder).
    expect(config.database).toEqual({
      dialect: 'sqlite',
      path: join(__dirname, '../../../../data/account-graph.sqlite'),
    });
    expect(config.auth).toMatchObject({ jwtSecret: DEV_JWT_SECRET, usingDevSecret: true });
    expect(config.playground).toBe(true);
    expect(config.seedDemo).toBe(true);
  });

  it('reads a MySQL URL and the database name in it', () => {
    const config = loadConfig({ DATABASE_URL: 'mysql://app:s%40cret@db.internal:3307/account_graph' });
    expect(config.database).toEqual({
      dialect: 'mysql',
      url: 'mysql://app:s%40cret@db.internal:3307/account_graph',
      database: 'account_graph',
    });
  });

  it('names every bad value in one message', () => {
    expect(() =>
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'postgres://x/y', LOG_LEVEL: 'chatty', SEED_DEMO: 'maybe' }),
    ).toThrow(
      expect.objectContaining({
        message: expect.stringMatching(
          /PORT:[\s\S]*DATABASE_URL: must be sqlite:<path> or mysql:\/\/[\s\S]*SEED_DEMO: must be true or false[\s\S]*LOG_LEVEL/,
        ),
      }),
    );
  });

  it('refuses to start in production without a secret or an issuer', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/AUTH_JWT_SECRET: required when NODE_ENV=production/);
  });

  it('turns the playground and introspection off in production unless PLAYGROUND=true', () => {
    const secret = { NODE_ENV: 'production', AUTH_JWT_SECRET: 'x'.repeat(32) };
    expect(loadConfig(secret)).toMatchObject({ playground: false, introspection: false });
    expect(loadConfig({ ...secret, PLAYGROUND: 'true' })).toMatchObject({ playground: true, introspection: true });
  });

  it('refuses a short secret and an issuer-less JWKS URL', () => {
    expect(() => loadConfig({ AUTH_JWT_SECRET: 'short' })).toThrow(/AUTH_JWT_SECRET: must be at least 32 characters/);
    expect(() => loadConfig({ AUTH_JWKS_URL: 'https://id.example/jwks.json' })).toThrow(/AUTH_ISSUER: required/);
  });

  it('reads approval limits in dollars and keeps them in cents', () => {
    expect(loadConfig({}).approvalLimits).toEqual({
      accountManagerCents: 5_000_000,
      seniorAccountManagerCents: 25_000_000,
      financeInvoiceCents: 25_000_000,
    });
    expect(loadConfig({ APPROVAL_LIMIT_ACCOUNT_MANAGER_USD: '75000' }).approvalLimits.accountManagerCents).toBe(
      7_500_000,
    );
    expect(() => loadConfig({ APPROVAL_LIMIT_SENIOR_ACCOUNT_MANAGER_USD: 'lots' })).toThrow(
      /APPROVAL_LIMIT_SENIOR_ACCOUNT_MANAGER_USD/,
    );
  });

  it('serves metrics by default, optionally behind a token of at least 16 characters', () => {
    expect(loadConfig({}).metrics).toEqual({ enabled: true, token: undefined });
    expect(loadConfig({ METRICS_ENABLED: 'false', METRICS_TOKEN: 'x'.repeat(16) }).metrics).toEqual({
      enabled: false,
      token: 'x'.repeat(16),
    });
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN: must be at least 16 characters/);
    expect(() => loadConfig({ METRICS_ENABLED: 'sometimes' })).toThrow(/METRICS_ENABLED: must be true or false/);
  });

  it('traces only when an OTLP endpoint is set, to its /v1/traces or the traces endpoint as given', () => {
    expect(loadConfig({}).tracing).toBeNull();
    expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' }).tracing).toEqual({
      url: 'http://collector:4318/v1/traces',
      serviceName: 'account-graph',
    });
    expect(
      loadConfig({
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://traces.example/in',
        OTEL_SERVICE_NAME: 'ag-eu',
      }).tracing,
    ).toEqual({
      url: 'https://traces.example/in',
      serviceName: 'ag-eu',
    });
    expect(
      loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_SDK_DISABLED: 'true' }).tracing,
    ).toBeNull();
    expect(() => loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' })).toThrow(
      /OTEL_EXPORTER_OTLP_ENDPOINT: must be an http\(s\) URL/,
    );
  });

  it('refuses an OTLP protocol other than http/json while tracing, and ignores it otherwise', () => {
    const endpoint = { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' };
    expect(() => loadConfig({ ...endpoint, OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' })).toThrow(
      /OTEL_EXPORTER_OTLP_PROTOCOL: only http\/json is supported/,
    );
    expect(() =>
      loadConfig({
        ...endpoint,
        OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc',
        OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'http/protobuf',
      }),
    ).toThrow(/OTEL_EXPORTER_OTLP_TRACES_PROTOCOL/);
    expect(
      loadConfig({ ...endpoint, OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc', OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'http/json' })
        .tracing,
    ).not.toBeNull();
    expect(loadConfig({ OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' }).tracing).toBeNull();
  });
});

describe('CORS_ORIGINS', () => {
  it('is off by default and takes a comma-separated list of origins or *', () => {
    expect(loadConfig({}).corsOrigins).toEqual([]);
    expect(loadConfig({ CORS_ORIGINS: 'https://bi.example.com, http://localhost:5173' }).corsOrigins).toEqual([
      'https://bi.example.com',
      'http://localhost:5173',
    ]);
    expect(loadConfig({ CORS_ORIGINS: '*' }).corsOrigins).toEqual(['*']);
  });

  it('refuses an origin with a path, saying what an origin is', () => {
    expect(() => loadConfig({ CORS_ORIGINS: 'https://bi.example.com/' })).toThrow(/scheme:\/\/host\[:port\]/);
  });
});
