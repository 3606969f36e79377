import { db } from "~/adapters/db.server";
import { decideRateLimit, type RateLimitPolicy } from "~/domain/rate-limit";

/** Counts one hit against `key`; the bucket lives in the database so every app instance shares it. */
export async function consumeRateLimit(key: string, policy: RateLimitPolicy, now = new Date()) {
  return db.$transaction(async (tx) => {
    const bucket = await tx.rateLimitBucket.findUnique({ where: { key } });
    const decision = decideRateLimit(bucket, policy, now);
    if (decision.allowed) {
      await tx.rateLimitBucket.upsert({
        where: { key },
        create: { key, ...decision.next },
        update: decision.next,
      });
    }
    return decision;
  });
}

export async function resetRateLimit(key: string) {
  await db.rateLimitBucket.deleteMany({ where: { key } });
}
