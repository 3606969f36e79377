import Stripe from "stripe";
import {
  WebhookSignatureError,
  type CheckoutSession,
  type CreateCheckoutInput,
  type PaymentEvent,
  type PaymentGateway,
  type TransferInput,
} from "./types";

export type StripeGatewayOptions = {
  /** sk_… */
  secretKey: string;
  /** whsec_… of the webhook endpoint. */
  webhookSecret: string;
  /** Another API base URL (stripe-mock, a test stand-in). Unset → https://api.stripe.com. */
  apiUrl?: string;
  /**
   * Retries on network errors, 409 and 5xx, with backoff. Safe because every POST carries an idempotency key (ours,
   * or one the SDK generates). Default 2.
   */
  maxNetworkRetries?: number;
  /** Per-request timeout; Stripe's default of 80 s is longer than anyone waits at checkout. */
  timeoutMs?: number;
};

/** Card payments through Stripe Checkout, with Connect transfers to sellers. */
export function createStripeGateway(options: StripeGatewayOptions): PaymentGateway {
  const stripe = new Stripe(options.secretKey, {
    maxNetworkRetries: options.maxNetworkRetries ?? 2,
    timeout: options.timeoutMs ?? 30_000,
    telemetry: false,
    ...(options.apiUrl ? apiAddress(options.apiUrl) : {}),
  });
  const { webhookSecret } = options;

  return {
    name: "stripe",

    async createCheckout(input: CreateCheckoutInput): Promise<CheckoutSession> {
      assertCheckoutLines(input);
      const currency = input.currency.toLowerCase();
      const session = await stripe.checkout.sessions.create(
        {
          mode: "payment",
          line_items: input.lines.map((line) => ({
            quantity: line.quantity,
            price_data: { currency, unit_amount: line.unitAmountCents, product_data: { name: line.name } },
          })),
          customer_email: input.customerEmail,
          success_url: input.successUrl,
          cancel_url: input.cancelUrl,
          expires_at: Math.floor(input.expiresAt.getTime() / 1000),
          client_reference_id: input.orderId,
          metadata: { orderId: input.orderId, orderNumber: input.orderNumber },
          // The order id on the PaymentIntent groups the later Connect transfers and finds the order from the charge.
          payment_intent_data: { transfer_group: input.orderId, metadata: { orderId: input.orderId } },
        },
        { idempotencyKey: input.idempotencyKey },
      );
      // A replay of a session that has since expired or completed has no URL: nothing left to pay there.
      if (!session.url) throw new Error(`Stripe Checkout Session ${session.id} has no payment page (status: ${session.status})`);
      return { sessionId: session.id, url: session.url };
    },

    parseWebhook(rawBody: string, signatureHeader: string | null): PaymentEvent {
      if (!signatureHeader) throw new WebhookSignatureError("Stripe webhook rejected: the Stripe-Signature header is missing");
      let event: Stripe.Event;
      try {
        event = stripe.webhooks.constructEvent(rawBody, signatureHeader, webhookSecret);
      } catch (error) {
        if (error instanceof Stripe.errors.StripeSignatureVerificationError) {
          throw new WebhookSignatureError(`Stripe webhook rejected: ${error.message}`, { cause: error });
        }
        throw error;
      }
      return toPaymentEvent(event);
    },

    async chargeIdFor(paymentIntentId: string): Promise<string | null> {
      const intent = await stripe.paymentIntents.retrieve(paymentIntentId);
      const charge = intent.latest_charge;
      if (!charge) return null;
      return typeof charge === "string" ? charge : charge.id;
    },

    async transfer(input: TransferInput): Promise<{ transferId: string }> {
      const transfer = await stripe.transfers.create(
        {
          amount: input.amountCents,
          currency: input.currency.toLowerCase(),
          destination: input.destination,
          transfer_group: input.transferGroup,
          ...(input.sourceTransaction ? { source_transaction: input.sourceTransaction } : {}),
          description: input.description,
        },
        { idempotencyKey: input.idempotencyKey },
      );
      return { transferId: transfer.id };
    },

    async refund(input: { paymentIntentId: string; amountCents?: number; idempotencyKey: string }): Promise<{ refundId: string }> {
      const refund = await stripe.refunds.create(
        {
          payment_intent: input.paymentIntentId,
          // Without an amount Stripe refunds whatever is left on the charge.
          ...(input.amountCents !== undefined ? { amount: input.amountCents } : {}),
        },
        { idempotencyKey: input.idempotencyKey },
      );
      return { refundId: refund.id };
    },

    async expireCheckout(sessionId: string): Promise<void> {
      try {
        await stripe.checkout.sessions.expire(sessionId);
      } catch (error) {
        // Stripe answers 400 when the session is no longer open. Ask for its status rather than parse the message: a
        // session that already expired or completed needs nothing more; any other 400 is a real error.
        if (!(error instanceof Stripe.errors.StripeInvalidRequestError) || error.statusCode !== 400) throw error;
        const session = await stripe.checkout.sessions.retrieve(sessionId);
        if (session.status === "open") throw error;
      }
    },
  };
}

/** Maps a verified Stripe event to what the order service acts on. */
export function toPaymentEvent(event: Stripe.Event): PaymentEvent {
  switch (event.type) {
    case "checkout.session.completed": {
      const session = event.data.object;
      return {
        kind: "checkout.completed",
        eventId: event.id,
        sessionId: session.id,
        orderId: orderIdOf(session),
        paymentIntentId: paymentIntentIdOf(session),
        amountCents: session.amount_total ?? 0,
        paid: session.payment_status === "paid" || session.payment_status === "no_payment_required",
      };
    }
    case "checkout.session.async_payment_succeeded": {
      const session = event.data.object;
      return {
        kind: "checkout.async-succeeded",
        eventId: event.id,
        sessionId: session.id,
        orderId: orderIdOf(session),
        paymentIntentId: paymentIntentIdOf(session),
        amountCents: session.amount_total ?? 0,
      };
    }
    case "checkout.session.async_payment_failed": {
      const session = event.data.object;
      return {
        kind: "checkout.failed",
        eventId: event.id,
        sessionId: session.id,
        orderId: orderIdOf(session),
        reason: "The delayed payment (e.g. a SEPA Direct Debit) failed after checkout was completed.",
      };
    }
    case "checkout.session.expired": {
      const session = event.data.object;
      return { kind: "checkout.expired", eventId: event.id, sessionId: session.id, orderId: orderIdOf(session) };
    }
    default:
      return { kind: "ignored", eventId: event.id, type: event.type };
  }
}

function orderIdOf(session: Stripe.Checkout.Session): string | null {
  return session.metadata?.orderId || session.client_reference_id || null;
}

function paymentIntentIdOf(session: Stripe.Checkout.Session): string | null {
  const intent = session.payment_intent;
  if (!intent) return null;
  return typeof intent === "string" ? intent : intent.id;
}

/** The SDK takes host, port and protocol separately; it has no notion of a base path. */
function apiAddress(apiUrl: string): { host: string; port: number; protocol: "http" | "https" } {
  const url = new URL(apiUrl);
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error(`STRIPE_API_URL must be http(s): ${apiUrl}`);
  if (url.pathname !== "/" || url.search) throw new Error(`STRIPE_API_URL must not have a path or query: ${apiUrl}`);
  const protocol = url.protocol === "https:" ? "https" : "http";
  return {
    // new URL keeps IPv6 literals in brackets; Node's http.request wants them bare.
    host: url.hostname.replace(/^\[(.*)\]$/, "$1"),
    port: url.port ? Number(url.port) : protocol === "https" ? 443 : 80,
    protocol,
  };
}

/** Stripe wants whole cents and at least one line; catching it here gives a clearer error than Stripe's 400. */
function assertCheckoutLines({ lines }: CreateCheckoutInput) {
  if (lines.length === 0) throw new Error("A Stripe checkout needs at least one line");
  for (const line of lines) {
    if (!Number.isInteger(line.unitAmountCents) || line.unitAmountCents < 0) {
      throw new Error(`Checkout line "${line.name}" has an invalid unit amount: ${line.unitAmountCents} (integer cents ≥ 0)`);
    }
    if (!Number.isInteger(line.quantity) || line.quantity < 1) {
      throw new Error(`Checkout line "${line.name}" has an invalid quantity: ${line.quantity}`);
    }
  }
}
