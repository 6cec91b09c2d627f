import pino, { type Logger } from 'pino';

/** Structured JSON logs; tokens and cookies never reach them. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'account-graph' },
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'headers.authorization', '*.token'],
      censor: '[redacted]',
    },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
}
