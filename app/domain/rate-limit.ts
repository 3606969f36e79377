/** A fixed-window rate limit: at most `limit` hits per `windowSeconds`. */
export type RateLimitPolicy = { limit: number; windowSeconds: number };
export type RateLimitBucketState = { windowStart: Date; count: number };
export type RateLimitDecision =
  | { allowed: true; next: RateLimitBucketState }
  | { allowed: false; retryAfterSeconds: number };

export const RATE_LIMITS = {
  /** Guessing one account's password. */
  loginPerAccount: { limit: 10, windowSeconds: 15 * 60 },
  /** Spraying many accounts from one client. */
  loginPerClient: { limit: 50, windowSeconds: 15 * 60 },
  signupPerClient: { limit: 10, windowSeconds: 60 * 60 },
} satisfies Record<string, RateLimitPolicy>;

export function decideRateLimit(
  bucket: RateLimitBucketState | null,
  policy: RateLimitPolicy,
  now: Date,
): RateLimitDecision {
  const windowMs = policy.windowSeconds * 1000;
  if (!bucket || now.getTime() - bucket.windowStart.getTime() >= windowMs) {
    return { allowed: true, next: { windowStart: now, count: 1 } };
  }
  if (bucket.count >= policy.limit) {
    const retryAfterMs = bucket.windowStart.getTime() + windowMs - now.getTime();
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) };
  }
  return { allowed: true, next: { windowStart: bucket.windowStart, count: bucket.count + 1 } };
}

export function describeRetryAfter(seconds: number): string {
  const minutes = Math.ceil(seconds / 60);
  return minutes <= 1 ? "in a minute" : `in ${minutes} minutes`;
}
