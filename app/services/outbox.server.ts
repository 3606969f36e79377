import { db } from "~/adapters/db.server";
import { nextAttemptAt, type OutboxMessages, type OutboxTopic } from "~/domain/outbox";
import type { Prisma } from "~/generated/prisma/client";

type Tx = Prisma.TransactionClient;

/** Records an event inside the caller's transaction, so it exists exactly when the change it announces does. */
export async function enqueue<T extends OutboxTopic>(tx: Tx, topic: T, payload: OutboxMessages[T]) {
  await tx.outboxEvent.create({ data: { topic, payload: JSON.stringify(payload) } });
}

export type OutboxHandlers = { [T in OutboxTopic]: (payload: OutboxMessages[T]) => Promise<void> };
/** Each part of the app handles its own topics; the worker combines them (outbox-worker.server.ts). */
export type PartialOutboxHandlers = Partial<OutboxHandlers>;

/**
 * Delivers due events oldest first. A handler that throws leaves its event PENDING with a later `availableAt`
 * (exponential backoff) and the error recorded; nothing is lost while a downstream service is down.
 * Returns how many events were delivered and how many failed in this pass.
 */
export async function processOutbox(handlers: PartialOutboxHandlers, { now = new Date(), batchSize = 50 } = {}) {
  const due = await db.outboxEvent.findMany({
    where: { status: "PENDING", availableAt: { lte: now } },
    orderBy: [{ availableAt: "asc" }, { createdAt: "asc" }],
    take: batchSize,
  });
  let delivered = 0;
  let failed = 0;
  for (const event of due) {
    try {
      const handler = handlers[event.topic as OutboxTopic] as ((payload: unknown) => Promise<void>) | undefined;
      if (!handler) throw new Error(`No handler for outbox topic "${event.topic}"`);
      await handler(JSON.parse(event.payload));
      await db.outboxEvent.update({ where: { id: event.id }, data: { status: "DONE", processedAt: new Date(), lastError: null } });
      delivered += 1;
    } catch (error) {
      const attempts = event.attempts + 1;
      await db.outboxEvent.update({
        where: { id: event.id },
        data: {
          attempts,
          availableAt: nextAttemptAt(attempts, new Date()),
          lastError: (error instanceof Error ? error.message : String(error)).slice(0, 1000),
        },
      });
      failed += 1;
    }
  }
  return { delivered, failed };
}

export async function pendingOutboxCount() {
  return db.outboxEvent.count({ where: { status: "PENDING" } });
}
