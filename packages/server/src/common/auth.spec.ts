import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { DEV_JWT_SECRET } from '../config/config';
import { bearerToken, signDevToken, TokenVerifier } from './auth';

const devAuth = { jwtSecret: DEV_JWT_SECRET, usingDevSecret: true };

describe('development tokens (HS256)', () => {
  const verifier = new TokenVerifier(devAuth);

  it('names the user by email', async () => {
    const token = await signDevToken(DEV_JWT_SECRET, { email: 'Jordan.Kim@accountgraph.example' });
    await expect(verifier.verify(token)).resolves.toEqual({
      email: 'jordan.kim@accountgraph.example',
      expiresAt: expect.any(Number),
    });
  });

  it('refuses a token signed with another secret, or expired', async () => {
    const foreign = await signDevToken('another-secret-another-secret-0123456789', { email: 'a@b.example' });
    await expect(verifier.verify(foreign)).rejects.toMatchObject({ code: 'UNAUTHENTICATED', reason: 'INVALID_TOKEN' });
    const expired = await signDevToken(DEV_JWT_SECRET, { email: 'a@b.example' }, '-1s');
    await expect(verifier.verify(expired)).rejects.toMatchObject({ code: 'UNAUTHENTICATED', reason: 'INVALID_TOKEN' });
  });

  it('refuses a token that names nobody', async () => {
    const anonymous = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('12345')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(DEV_JWT_SECRET));
    await expect(verifier.verify(anonymous)).rejects.toThrow(/names no user/);
  });
});

describe('an OpenID Connect issuer (JWKS)', () => {
  let server: http.Server;
  let jwksUrl: string;
  let privateKey: CryptoKey;

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey as CryptoKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
    server = http.createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
  });

  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const issue = (claims: Record<string, unknown>, issuer = 'https://id.example', audience = 'account-graph') =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
      .setIssuer(issuer)
      .setAudience(audience)
      .setSubject('00u1abc')
      .setExpirationTime('5m')
      .sign(privateKey);

  it('accepts a token the issuer signed, by its email claim', async () => {
    const verifier = new TokenVerifier({
      ...devAuth,
      jwksUrl,
      issuer: 'https://id.example',
      audience: 'account-graph',
    });
    await expect(verifier.verify(await issue({ email: 'dana.whitfield@accountgraph.example' }))).resolves.toEqual({
      email: 'dana.whitfield@accountgraph.example',
      expiresAt: expect.any(Number),
    });
  });

  it('refuses another issuer or audience', async () => {
    const verifier = new TokenVerifier({
      ...devAuth,
      jwksUrl,
      issuer: 'https://id.example',
      audience: 'account-graph',
    });
    await expect(verifier.verify(await issue({ email: 'a@b.example' }, 'https://evil.example'))).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'INVALID_TOKEN',
    });
    await expect(
      verifier.verify(await issue({ email: 'a@b.example' }, 'https://id.example', 'other-app')),
    ).rejects.toMatchObject({ code: 'UNAUTHENTICATED', reason: 'INVALID_TOKEN' });
  });

  it('refuses development tokens once an issuer is configured without an explicit secret', async () => {
    const verifier = new TokenVerifier({ ...devAuth, jwksUrl, issuer: 'https://id.example' });
    await expect(verifier.verify(await signDevToken(DEV_JWT_SECRET, { email: 'a@b.example' }))).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'INVALID_TOKEN',
    });
  });
});

describe('bearerToken', () => {
  it('reads "Bearer <token>" and refuses other schemes', () => {
    expect(bearerToken(undefined)).toBeUndefined();
    expect(bearerToken('Bearer abc.def.ghi')).toBe('abc.def.ghi');
    expect(() => bearerToken('Basic dXNlcg==')).toThrow(/must be "Bearer <token>"/);
  });
});
