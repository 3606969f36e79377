/**
 * The card-payment port. Offline methods (pay at pickup, bank transfer, invoice) need no gateway; card payments go
 * through the one implementation here, Stripe (stripe.server.ts), when it is configured.
 */

export type CheckoutLine = { name: string; quantity: number; unitAmountCents: number };

export type CreateCheckoutInput = {
  orderId: string;
  orderNumber: string;
  /** ISO 4217, lower or upper case, e.g. "EUR". */
  currency: string;
  customerEmail: string;
  /** Σ quantity × unitAmountCents equals the order total. */
  lines: CheckoutLine[];
  successUrl: string;
  cancelUrl: string;
  /** The hosted page stops accepting payment at this time (Stripe allows 30 minutes to 24 hours ahead). */
  expiresAt: Date;
  /** Same key → Stripe returns the same session instead of creating a second one. */
  idempotencyKey: string;
};

export type CheckoutSession = { sessionId: string; url: string };

/** A verified webhook, reduced to what the order service acts on. */
export type PaymentEvent =
  | {
      kind: "checkout.completed";
      eventId: string;
      sessionId: string;
      orderId: string | null;
      paymentIntentId: string | null;
      amountCents: number;
      /** False for delayed methods (e.g. SEPA debit) that complete the page before the money arrives. */
      paid: boolean;
    }
  | { kind: "checkout.async-succeeded"; eventId: string; sessionId: string; orderId: string | null; paymentIntentId: string | null; amountCents: number }
  | { kind: "checkout.failed"; eventId: string; sessionId: string; orderId: string | null; reason: string }
  | { kind: "checkout.expired"; eventId: string; sessionId: string; orderId: string | null }
  | { kind: "ignored"; eventId: string; type: string };

export type TransferInput = {
  amountCents: number;
  currency: string;
  /** The seller's connected account id (acct_…). */
  destination: string;
  /** Groups an order's transfers in Stripe's dashboard: the order id. */
  transferGroup: string;
  /** The charge the money comes from, so a transfer never runs ahead of the funds. */
  sourceTransaction?: string;
  idempotencyKey: string;
  description: string;
};

export class WebhookSignatureError extends Error {}

export interface PaymentGateway {
  readonly name: "stripe";
  createCheckout(input: CreateCheckoutInput): Promise<CheckoutSession>;
  /** Verifies the signature over the raw body; throws WebhookSignatureError when it does not match. */
  parseWebhook(rawBody: string, signatureHeader: string | null): PaymentEvent;
  /** The charge id behind a PaymentIntent (for transfers' sourceTransaction), or null. */
  chargeIdFor(paymentIntentId: string): Promise<string | null>;
  transfer(input: TransferInput): Promise<{ transferId: string }>;
  refund(input: { paymentIntentId: string; amountCents?: number; idempotencyKey: string }): Promise<{ refundId: string }>;
  expireCheckout(sessionId: string): Promise<void>;
}
