import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import type { Config } from '../config/config';
import { ErrorReason, UnauthenticatedError } from './errors';

const DEV_ISSUER = 'account-graph-dev';

/** Who the token says the caller is: the email claim, or a subject that is an email. */
export interface TokenIdentity {
  email: string;
  /** When the token expires (ms since the epoch), if it says. */
  expiresAt?: number;
}

/**
 * Verifies bearer tokens: HS256 with the shared secret for development and service tokens, or an
 * OpenID Connect issuer's keys (JWKS) when configured. jose does the cryptography.
 */
export class TokenVerifier {
  private readonly secret: Uint8Array;
  private readonly jwks?: ReturnType<typeof createRemoteJWKSet>;

  constructor(private readonly auth: Config['auth']) {
    this.secret = new TextEncoder().encode(auth.jwtSecret);
    if (auth.jwksUrl) this.jwks = createRemoteJWKSet(new URL(auth.jwksUrl));
  }

  async verify(token: string): Promise<TokenIdentity> {
    let payload: JWTPayload;
    try {
      const { alg } = decodeProtectedHeader(token);
      if (this.jwks && alg !== 'HS256') {
        ({ payload } = await jwtVerify(token, this.jwks, { issuer: this.auth.issuer, audience: this.auth.audience }));
      } else if (!this.jwks || !this.auth.usingDevSecret) {
        ({ payload } = await jwtVerify(token, this.secret, { algorithms: ['HS256'] }));
      } else {
        throw new Error('HS256 tokens need AUTH_JWT_SECRET when an issuer is configured');
      }
    } catch {
      throw new UnauthenticatedError(
        'The bearer token is invalid or expired. Get a new one (pnpm --silent run token --role ACCOUNT_MANAGER in development).',
        ErrorReason.INVALID_TOKEN,
      );
    }
    const email = typeof payload.email === 'string' ? payload.email : payload.sub;
    if (!email || !email.includes('@')) {
      throw new UnauthenticatedError(
        'The bearer token names no user: it needs an email claim, or a subject that is an email.',
        ErrorReason.INVALID_TOKEN,
      );
    }
    return { email: email.toLowerCase(), ...(payload.exp !== undefined && { expiresAt: payload.exp * 1000 }) };
  }
}

/** Signs a development token for a user with the shared secret (the `token` script and tests). */
export async function signDevToken(secret: string, user: { email: string }, ttl = '12h'): Promise<string> {
  return new SignJWT({ email: user.email })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(user.email)
    .setIssuer(DEV_ISSUER)
    .setIssuedAt()
    .setExpirationTime(ttl)
    .sign(new TextEncoder().encode(secret));
}

/** Reads `Authorization: Bearer <token>`; undefined when there is no such header. */
export function bearerToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match)
    throw new UnauthenticatedError(
      'The Authorization header must be "Bearer <token>" with one token (in development: pnpm --silent run token --role ACCOUNT_MANAGER).',
      ErrorReason.INVALID_TOKEN,
    );
  return match[1];
}
