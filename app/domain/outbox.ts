/** Retry schedule for outbox deliveries: 1 s, 2 s, 4 s … doubling, capped at 10 minutes. Events are never dropped. */
export const OUTBOX_BASE_DELAY_MS = 1_000;
export const OUTBOX_MAX_DELAY_MS = 10 * 60 * 1_000;

export function retryDelayMs(attempts: number): number {
  if (!Number.isInteger(attempts) || attempts < 1) throw new Error(`attempts must be a positive integer, got ${attempts}`);
  return Math.min(OUTBOX_MAX_DELAY_MS, OUTBOX_BASE_DELAY_MS * 2 ** Math.min(attempts - 1, 30));
}

export function nextAttemptAt(attempts: number, now: Date): Date {
  return new Date(now.getTime() + retryDelayMs(attempts));
}

/** Topics and their payloads; one place so writers and the worker agree. */
export type OutboxMessages = {
  /** A product's searchable facts changed (or it was archived/removed). */
  "product.changed": { productIds: string[] };
  /** An organisation's labels changed, which changes every one of its products' documents. */
  "organization.products-changed": { organizationId: string };
  /** An organisation was created or its profile edited: its search document changes, and its products' (name, kind). */
  "organization.changed": { organizationId: string };
  /** An email to send through the mail port (rendered when the event is written, so it says what was true then). */
  "email.send": { to: string; subject: string; text: string };
  /** A card-paid order's sellers with a connected Stripe account get their share transferred. */
  "payment.transfers": { orderId: string };
};
export type OutboxTopic = keyof OutboxMessages;
