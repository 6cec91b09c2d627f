import { LRUCache } from 'lru-cache';
import { AccessScope } from '../common/access';
import { bearerToken, TokenVerifier } from '../common/auth';
import { ErrorReason, UnauthenticatedError } from '../common/errors';
import type { Config } from '../config/config';
import type { Database } from '../db/database';
import { authenticateApiKey, isApiKeyToken } from '../modules/api-key/api-key.service';
import { User } from '../modules/user/user.entity';

/**
 * How long a verified token's viewer is reused. Staff records change rarely and outside the API;
 * a few seconds of reuse spares most requests the signature check and the user lookup, and bounds
 * how long a deactivated user or a changed role goes unnoticed.
 */
export const VIEWER_REUSE_MS = 5_000;
/** Tokens remembered at once; the least recently used are forgotten first. */
const REMEMBERED_TOKENS = 10_000;

/**
 * Signs callers in: verifies the bearer token and finds the member of staff it names, with the
 * accounts they reach. A token's answer is reused for a few seconds (never past the token's expiry);
 * refusals are not, so a fixed token or a reactivated user is let in on the next request.
 */
export class SignIn {
  private readonly verifier: TokenVerifier;
  private readonly recent = new LRUCache<string, Promise<AccessScope>>({
    max: REMEMBERED_TOKENS,
    ttl: VIEWER_REUSE_MS,
    ttlAutopurge: false,
  });

  constructor(
    auth: Config['auth'],
    private readonly db: Database,
  ) {
    this.verifier = new TokenVerifier(auth);
  }

  /** The access scope of the member of staff the Authorization header names; null without one. */
  async scopeFor(authorization: string | undefined): Promise<AccessScope | null> {
    const token = bearerToken(authorization);
    if (!token) return null;
    // A key is looked up on every request, so that revoking it stops it at once on every server.
    if (isApiKeyToken(token)) return this.verifyApiKey(token);
    const known = this.recent.get(token);
    if (known) return known;
    // Remembered while pending, so concurrent first requests with one token verify it once.
    const scope = this.verify(token);
    this.recent.set(token, scope);
    scope.catch(() => this.recent.delete(token));
    return scope;
  }

  /** Forgets every remembered viewer (a staff record changed). */
  forgetAll(): void {
    this.recent.clear();
  }

  /** A tool's own key: it acts as its read-only service account. */
  private async verifyApiKey(token: string): Promise<AccessScope> {
    const { user } = await authenticateApiKey(this.db.dataSource.manager, token);
    return AccessScope.forViewer(this.db.dataSource.manager, user);
  }

  private async verify(token: string): Promise<AccessScope> {
    const { email, expiresAt } = await this.verifier.verify(token);
    const user = await this.db.dataSource.manager.findOneBy(User, { email });
    if (!user)
      throw new UnauthenticatedError(
        `No member of staff has the email ${email}; ask an admin to add you.`,
        ErrorReason.UNKNOWN_USER,
      );
    if (!user.active)
      throw new UnauthenticatedError(`${user.name} is no longer active and cannot sign in.`, ErrorReason.USER_INACTIVE);
    const scope = await AccessScope.forViewer(this.db.dataSource.manager, user);
    if (expiresAt !== undefined) this.expireBy(token, expiresAt);
    return scope;
  }

  /** A token that expires sooner than the reuse window is forgotten when it expires. */
  private expireBy(token: string, expiresAt: number): void {
    const left = expiresAt - Date.now();
    if (left >= VIEWER_REUSE_MS) return;
    const entry = this.recent.get(token);
    if (entry) this.recent.set(token, entry, { ttl: Math.max(1, left) });
  }
}
