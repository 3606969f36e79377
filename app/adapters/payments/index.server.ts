import { env, type Env } from "~/lib/env.server";
import { createStripeGateway } from "./stripe.server";
import type { PaymentGateway } from "./types";

export type PaymentEnv = Pick<Env, "STRIPE_SECRET_KEY" | "STRIPE_WEBHOOK_SECRET" | "STRIPE_API_URL">;

/**
 * The card-payment gateway the environment configures: Stripe when both STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET
 * are set, otherwise null (only offline payment methods are offered). Tests pass a plain object.
 */
export function createPaymentGatewayFromEnv(paymentEnv: PaymentEnv): PaymentGateway | null {
  if (!paymentEnv.STRIPE_SECRET_KEY || !paymentEnv.STRIPE_WEBHOOK_SECRET) return null;
  return createStripeGateway({
    secretKey: paymentEnv.STRIPE_SECRET_KEY,
    webhookSecret: paymentEnv.STRIPE_WEBHOOK_SECRET,
    apiUrl: paymentEnv.STRIPE_API_URL,
  });
}

let gateway: PaymentGateway | null | undefined;

/** The process-wide gateway, built from `env` on first use; null when card payments are not configured. */
export function getPaymentGateway(): PaymentGateway | null {
  if (gateway === undefined) {
    gateway = createPaymentGatewayFromEnv(env);
    // Half a configuration silently turns card payments off; say so once.
    if (!gateway && (env.STRIPE_SECRET_KEY || env.STRIPE_WEBHOOK_SECRET)) {
      console.warn("Stripe is not enabled: set both STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET to accept card payments.");
    }
  }
  return gateway;
}

/** Forgets the memoised gateway, so the next getPaymentGateway() builds one from `env` (which a test may have changed). */
export function resetPaymentGatewayForTests(): void {
  gateway = undefined;
}

export type { CheckoutLine, CheckoutSession, CreateCheckoutInput, PaymentEvent, PaymentGateway, TransferInput } from "./types";
export { WebhookSignatureError } from "./types";
