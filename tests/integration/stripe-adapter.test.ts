/**
 * The Stripe payment adapter with the real `stripe` SDK, against the HTTP stand-in of Stripe's API
 * (tests/support/stripe-stand-in.ts). These tests pin the exact form fields and headers the adapter sends, how it reads
 * Stripe's answers and errors, and how it verifies and maps webhooks. Unknown requests fail the test.
 */
import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  createPaymentGatewayFromEnv,
  getPaymentGateway,
  resetPaymentGatewayForTests,
} from "~/adapters/payments/index.server";
import { createStripeGateway } from "~/adapters/payments/stripe.server";
import { WebhookSignatureError, type CreateCheckoutInput, type PaymentGateway } from "~/adapters/payments/types";
import { env } from "~/lib/env.server";
import {
  STRIPE_API_BASE,
  checkoutSessionEvent,
  createStripeStandIn,
  signedWebhook,
  type StripeStandIn,
} from "../support/stripe-stand-in";

const SECRET_KEY = "sk_test_stand_in_key";
const WEBHOOK_SECRET = "whsec_test_endpoint_secret";

const server = setupServer();
let stripe: StripeStandIn;
let gateway: PaymentGateway;

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());
beforeEach(() => {
  stripe = createStripeStandIn();
  server.resetHandlers(...stripe.handlers);
  gateway = createStripeGateway({ secretKey: SECRET_KEY, webhookSecret: WEBHOOK_SECRET });
});

const nowSeconds = () => Math.floor(Date.now() / 1000);

function checkoutInput(overrides: Partial<CreateCheckoutInput> = {}): CreateCheckoutInput {
  return {
    orderId: "order_123",
    orderNumber: "SM-2024-0042",
    currency: "EUR",
    customerEmail: "shopper@example.org",
    lines: [
      { name: "Cajamarca coffee, 1 kg bag", quantity: 2, unitAmountCents: 1850 },
      { name: "Shipping", quantity: 1, unitAmountCents: 495 },
    ],
    successUrl: "https://market.example.coop/orders/order_123?paid=1",
    cancelUrl: "https://market.example.coop/checkout?order=order_123",
    expiresAt: new Date((nowSeconds() + 3600) * 1000),
    idempotencyKey: "checkout:order_123:1",
    ...overrides,
  };
}

/** An open session created through the adapter. */
async function openSession(overrides: Partial<CreateCheckoutInput> = {}) {
  const { sessionId } = await gateway.createCheckout(checkoutInput(overrides));
  return stripe.sessions.get(sessionId)!;
}

/** A session the customer paid for, with its PaymentIntent and charge. */
async function paidSession() {
  const session = await openSession();
  stripe.completeSession(session.id);
  const intent = stripe.paymentIntents.get(session.payment_intent!)!;
  return { session, intent };
}

function webhookFor(type: string, session: object, options: { secret?: string; timestamp?: number; eventId?: string } = {}) {
  const event = checkoutSessionEvent(type, session, { id: options.eventId });
  return { event, ...signedWebhook(event, options.secret ?? WEBHOOK_SECRET, { timestamp: options.timestamp }) };
}

describe("createCheckout", () => {
  it("creates a payment-mode session with exactly the expected form fields, idempotency key and Bearer auth", async () => {
    const expiresAtSeconds = nowSeconds() + 3600;
    const result = await gateway.createCheckout(
      // 999 ms past the second: expires_at is whole unix seconds, rounded down.
      checkoutInput({ expiresAt: new Date(expiresAtSeconds * 1000 + 999) }),
    );

    expect(stripe.requests).toHaveLength(1);
    const [request] = stripe.requests;
    expect(request.method).toBe("POST");
    expect(request.path).toBe("/v1/checkout/sessions");
    expect(request.idempotencyKey).toBe("checkout:order_123:1");
    expect(request.authorization).toBe(`Bearer ${SECRET_KEY}`);
    expect(request.form).toEqual({
      mode: "payment",
      "line_items[0][quantity]": "2",
      "line_items[0][price_data][currency]": "eur",
      "line_items[0][price_data][unit_amount]": "1850",
      "line_items[0][price_data][product_data][name]": "Cajamarca coffee, 1 kg bag",
      "line_items[1][quantity]": "1",
      "line_items[1][price_data][currency]": "eur",
      "line_items[1][price_data][unit_amount]": "495",
      "line_items[1][price_data][product_data][name]": "Shipping",
      customer_email: "shopper@example.org",
      success_url: "https://market.example.coop/orders/order_123?paid=1",
      cancel_url: "https://market.example.coop/checkout?order=order_123",
      expires_at: String(expiresAtSeconds),
      client_reference_id: "order_123",
      "metadata[orderId]": "order_123",
      "metadata[orderNumber]": "SM-2024-0042",
      "payment_intent_data[transfer_group]": "order_123",
      "payment_intent_data[metadata][orderId]": "order_123",
    });

    const session = stripe.sessions.get(result.sessionId)!;
    expect(result).toEqual({ sessionId: session.id, url: `https://checkout.stripe.test/c/pay/${session.id}` });
    expect(session).toMatchObject({ amount_total: 2 * 1850 + 495, currency: "eur", status: "open", payment_status: "unpaid" });
  });

  it("returns the same session for a repeated idempotency key and creates nothing new", async () => {
    const first = await gateway.createCheckout(checkoutInput());
    const second = await gateway.createCheckout(checkoutInput());

    expect(second).toEqual(first);
    expect(stripe.sessions.size).toBe(1);
    expect(stripe.requests.map((request) => request.idempotencyKey)).toEqual(["checkout:order_123:1", "checkout:order_123:1"]);
  });

  it("creates a second session for a new idempotency key", async () => {
    const first = await gateway.createCheckout(checkoutInput());
    const second = await gateway.createCheckout(checkoutInput({ idempotencyKey: "checkout:order_123:2" }));

    expect(second.sessionId).not.toBe(first.sessionId);
    expect(stripe.sessions.size).toBe(2);
  });

  it("surfaces Stripe's idempotency error when a key is reused for a different checkout", async () => {
    await gateway.createCheckout(checkoutInput());

    await expect(gateway.createCheckout(checkoutInput({ customerEmail: "someone-else@example.org" }))).rejects.toMatchObject({
      type: "StripeIdempotencyError",
      statusCode: 400,
    });
    expect(stripe.sessions.size).toBe(1);
  });

  it("surfaces Stripe's 400 without retrying (expires_at less than 30 minutes ahead)", async () => {
    const rejected = gateway.createCheckout(checkoutInput({ expiresAt: new Date(Date.now() + 10 * 60 * 1000) }));

    await expect(rejected).rejects.toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    await expect(rejected).rejects.toMatchObject({ statusCode: 400, param: "expires_at" });
    expect(stripe.requests).toHaveLength(1);
    expect(stripe.sessions.size).toBe(0);
  });

  it("rejects fractional cents and empty checkouts before calling Stripe", async () => {
    await expect(
      gateway.createCheckout(checkoutInput({ lines: [{ name: "Tea", quantity: 1, unitAmountCents: 12.5 }] })),
    ).rejects.toThrow(/invalid unit amount/);
    await expect(gateway.createCheckout(checkoutInput({ lines: [] }))).rejects.toThrow(/at least one line/);
    expect(stripe.requests).toHaveLength(0);
  });

  it("surfaces an authentication error for a key Stripe does not accept", async () => {
    const badKey = createStripeGateway({ secretKey: "pk_test_publishable", webhookSecret: WEBHOOK_SECRET });

    await expect(badKey.createCheckout(checkoutInput())).rejects.toMatchObject({
      type: "StripeAuthenticationError",
      statusCode: 401,
    });
  });
});

describe("parseWebhook: signature", () => {
  it("accepts a correctly signed payload", async () => {
    const { session } = await paidSession();
    const { body, signature, event } = webhookFor("checkout.session.completed", stripe.sessions.get(session.id)!);

    expect(gateway.parseWebhook(body, signature)).toMatchObject({ kind: "checkout.completed", eventId: event.id });
  });

  it("rejects a tampered body", async () => {
    const { session } = await paidSession();
    const { body, signature } = webhookFor("checkout.session.completed", stripe.sessions.get(session.id)!);
    const tampered = body.replace(`"amount_total": ${session.amount_total}`, '"amount_total": 1');
    expect(tampered).not.toBe(body);

    expect(() => gateway.parseWebhook(tampered, signature)).toThrow(WebhookSignatureError);
  });

  it("rejects a payload signed with another secret", async () => {
    const session = await openSession();
    const { body, signature } = webhookFor("checkout.session.expired", session, { secret: "whsec_someone_else" });

    expect(() => gateway.parseWebhook(body, signature)).toThrow(WebhookSignatureError);
  });

  it("rejects a missing or empty signature header, and one that is not a Stripe signature", async () => {
    const session = await openSession();
    const { body } = webhookFor("checkout.session.expired", session);

    expect(() => gateway.parseWebhook(body, null)).toThrow(WebhookSignatureError);
    expect(() => gateway.parseWebhook(body, null)).toThrow(/Stripe-Signature header is missing/);
    expect(() => gateway.parseWebhook(body, "")).toThrow(WebhookSignatureError);
    expect(() => gateway.parseWebhook(body, "not-a-signature")).toThrow(WebhookSignatureError);
  });

  it("rejects a signature older than Stripe's 300-second tolerance and accepts one inside it", async () => {
    const session = await openSession();

    const stale = webhookFor("checkout.session.expired", session, { timestamp: nowSeconds() - 301 });
    expect(() => gateway.parseWebhook(stale.body, stale.signature)).toThrow(WebhookSignatureError);
    expect(() => gateway.parseWebhook(stale.body, stale.signature)).toThrow(/tolerance/);

    const recent = webhookFor("checkout.session.expired", session, { timestamp: nowSeconds() - 290 });
    expect(gateway.parseWebhook(recent.body, recent.signature).kind).toBe("checkout.expired");
  });
});

describe("parseWebhook: event mapping", () => {
  it("maps a paid checkout.session.completed", async () => {
    const { session, intent } = await paidSession();
    const { body, signature } = webhookFor("checkout.session.completed", stripe.sessions.get(session.id)!, { eventId: "evt_paid" });

    expect(gateway.parseWebhook(body, signature)).toEqual({
      kind: "checkout.completed",
      eventId: "evt_paid",
      sessionId: session.id,
      orderId: "order_123",
      paymentIntentId: intent.id,
      amountCents: 4195,
      paid: true,
    });
  });

  it("maps a completed checkout whose delayed payment has not arrived as not paid", async () => {
    const session = await openSession();
    stripe.completeSession(session.id, { paymentStatus: "unpaid" });
    const { body, signature } = webhookFor("checkout.session.completed", stripe.sessions.get(session.id)!);

    expect(gateway.parseWebhook(body, signature)).toMatchObject({ kind: "checkout.completed", paid: false, amountCents: 4195 });
  });

  it("counts a checkout that needed no payment as paid", async () => {
    const session = await openSession({ lines: [{ name: "Free sample", quantity: 1, unitAmountCents: 0 }] });
    expect(session.payment_status).toBe("no_payment_required");
    const { body, signature } = webhookFor("checkout.session.completed", { ...session, status: "complete" });

    expect(gateway.parseWebhook(body, signature)).toMatchObject({ kind: "checkout.completed", paid: true, amountCents: 0 });
  });

  it("maps checkout.session.async_payment_succeeded", async () => {
    const session = await openSession();
    stripe.completeSession(session.id, { paymentStatus: "unpaid" });
    const settled = stripe.settleAsyncPayment(session.id, "succeeded");
    const { body, signature, event } = webhookFor("checkout.session.async_payment_succeeded", settled);

    expect(gateway.parseWebhook(body, signature)).toEqual({
      kind: "checkout.async-succeeded",
      eventId: event.id,
      sessionId: session.id,
      orderId: "order_123",
      paymentIntentId: settled.payment_intent,
      amountCents: 4195,
    });
  });

  it("maps checkout.session.async_payment_failed to checkout.failed with a reason", async () => {
    const session = await openSession();
    stripe.completeSession(session.id, { paymentStatus: "unpaid" });
    const failed = stripe.settleAsyncPayment(session.id, "failed");
    const { body, signature, event } = webhookFor("checkout.session.async_payment_failed", failed);

    const parsed = gateway.parseWebhook(body, signature);
    expect(parsed).toEqual({
      kind: "checkout.failed",
      eventId: event.id,
      sessionId: session.id,
      orderId: "order_123",
      reason: expect.stringMatching(/payment.*failed/i),
    });
  });

  it("maps checkout.session.expired", async () => {
    const session = await openSession();
    const expired = stripe.expireSession(session.id);
    const { body, signature, event } = webhookFor("checkout.session.expired", expired);

    expect(gateway.parseWebhook(body, signature)).toEqual({
      kind: "checkout.expired",
      eventId: event.id,
      sessionId: session.id,
      orderId: "order_123",
    });
  });

  it("takes the order id from client_reference_id when metadata lacks it, and gives null when neither has it", async () => {
    const session = await openSession();
    const withoutMetadata = webhookFor("checkout.session.expired", { ...session, metadata: {} });
    expect(gateway.parseWebhook(withoutMetadata.body, withoutMetadata.signature)).toMatchObject({ orderId: "order_123" });

    const anonymous = webhookFor("checkout.session.expired", { ...session, metadata: null, client_reference_id: null });
    expect(gateway.parseWebhook(anonymous.body, anonymous.signature)).toMatchObject({ orderId: null });
  });

  it("ignores other event types, keeping the type", async () => {
    const { intent } = await paidSession();
    const event = { ...checkoutSessionEvent("payment_intent.succeeded", intent), id: "evt_other" };
    const { body, signature } = signedWebhook(event, WEBHOOK_SECRET);

    expect(gateway.parseWebhook(body, signature)).toEqual({ kind: "ignored", eventId: "evt_other", type: "payment_intent.succeeded" });
  });
});

describe("chargeIdFor", () => {
  it("retrieves the PaymentIntent and returns its latest charge", async () => {
    const { intent } = await paidSession();
    stripe.requests.length = 0;

    await expect(gateway.chargeIdFor(intent.id)).resolves.toBe(intent.latest_charge);
    expect(stripe.requests).toEqual([
      expect.objectContaining({ method: "GET", path: `/v1/payment_intents/${intent.id}`, idempotencyKey: null }),
    ]);
    expect(intent.latest_charge).toMatch(/^ch_/);
  });

  it("returns null when the PaymentIntent has no charge yet", async () => {
    const { intent } = await paidSession();
    intent.latest_charge = null;

    await expect(gateway.chargeIdFor(intent.id)).resolves.toBeNull();
  });

  it("reads the id of an expanded charge object", async () => {
    server.use(
      http.get(`${STRIPE_API_BASE}/v1/payment_intents/:id`, ({ params }) =>
        HttpResponse.json({ id: params.id, object: "payment_intent", latest_charge: { id: "ch_expanded", object: "charge" } }),
      ),
    );

    await expect(gateway.chargeIdFor("pi_expanded")).resolves.toBe("ch_expanded");
  });

  it("surfaces Stripe's 404 for an unknown PaymentIntent", async () => {
    await expect(gateway.chargeIdFor("pi_unknown")).rejects.toMatchObject({
      type: "StripeInvalidRequestError",
      statusCode: 404,
      code: "resource_missing",
    });
  });
});

describe("transfer", () => {
  it("sends the transfer with its source charge, group and idempotency key", async () => {
    const { intent } = await paidSession();
    stripe.requests.length = 0;

    const result = await gateway.transfer({
      amountCents: 3000,
      currency: "EUR",
      destination: "acct_producer_coop",
      transferGroup: "order_123",
      sourceTransaction: intent.latest_charge!,
      idempotencyKey: "transfer:order_123:producer",
      description: "Order SM-2024-0042: Cajamarca coffee co-op",
    });

    expect(stripe.requests).toHaveLength(1);
    const [request] = stripe.requests;
    expect(request).toMatchObject({ method: "POST", path: "/v1/transfers", idempotencyKey: "transfer:order_123:producer" });
    expect(request.form).toEqual({
      amount: "3000",
      currency: "eur",
      destination: "acct_producer_coop",
      transfer_group: "order_123",
      source_transaction: intent.latest_charge,
      description: "Order SM-2024-0042: Cajamarca coffee co-op",
    });
    expect(stripe.transfers.get(result.transferId)).toMatchObject({ amount: 3000, destination: "acct_producer_coop" });
  });

  it("leaves source_transaction out when there is none", async () => {
    await gateway.transfer({
      amountCents: 500,
      currency: "eur",
      destination: "acct_distributor",
      transferGroup: "order_9",
      idempotencyKey: "transfer:order_9:distributor",
      description: "Order 9: distribution",
    });

    expect(stripe.requests[0].form).not.toHaveProperty("source_transaction");
    expect(stripe.transfers.size).toBe(1);
  });

  it("surfaces a Stripe 4xx (insufficient balance) without retrying", async () => {
    stripe.failNext("POST", "/v1/transfers", {
      status: 400,
      error: { type: "invalid_request_error", code: "balance_insufficient", message: "You have insufficient available funds in your Stripe account." },
    });

    await expect(
      gateway.transfer({
        amountCents: 500,
        currency: "eur",
        destination: "acct_distributor",
        transferGroup: "order_9",
        idempotencyKey: "transfer:order_9:distributor",
        description: "Order 9: distribution",
      }),
    ).rejects.toMatchObject({ type: "StripeInvalidRequestError", code: "balance_insufficient", statusCode: 400 });
    expect(stripe.requests).toHaveLength(1);
    expect(stripe.transfers.size).toBe(0);
  });

  it("retries a transient 5xx with the same idempotency key", async () => {
    stripe.failNext("POST", "/v1/transfers", { status: 500, error: { type: "api_error", message: "An unknown error occurred" } });

    const result = await gateway.transfer({
      amountCents: 500,
      currency: "eur",
      destination: "acct_distributor",
      transferGroup: "order_9",
      idempotencyKey: "transfer:order_9:distributor",
      description: "Order 9: distribution",
    });

    expect(stripe.requests.map((request) => request.idempotencyKey)).toEqual([
      "transfer:order_9:distributor",
      "transfer:order_9:distributor",
    ]);
    expect([...stripe.transfers.keys()]).toEqual([result.transferId]);
  });

  it("surfaces a 5xx that persists through the retries", async () => {
    stripe.failNext("POST", "/v1/transfers", { status: 500, error: { type: "api_error", message: "An unknown error occurred" }, times: 10 });

    await expect(
      gateway.transfer({
        amountCents: 500,
        currency: "eur",
        destination: "acct_distributor",
        transferGroup: "order_9",
        idempotencyKey: "transfer:order_9:distributor",
        description: "Order 9: distribution",
      }),
    ).rejects.toMatchObject({ type: "StripeAPIError", statusCode: 500 });
    // The first attempt and two retries.
    expect(stripe.requests).toHaveLength(3);
    expect(stripe.transfers.size).toBe(0);
  });
});

describe("refund", () => {
  it("refunds the whole PaymentIntent when no amount is given", async () => {
    const { intent } = await paidSession();
    stripe.requests.length = 0;

    const { refundId } = await gateway.refund({ paymentIntentId: intent.id, idempotencyKey: "refund:order_123:all" });

    expect(stripe.requests).toEqual([
      expect.objectContaining({
        method: "POST",
        path: "/v1/refunds",
        form: { payment_intent: intent.id },
        idempotencyKey: "refund:order_123:all",
      }),
    ]);
    expect(stripe.refunds.get(refundId)).toMatchObject({ amount: 4195, payment_intent: intent.id });
  });

  it("refunds part of it, once per idempotency key", async () => {
    const { intent } = await paidSession();
    stripe.requests.length = 0;
    const input = { paymentIntentId: intent.id, amountCents: 1850, idempotencyKey: "refund:order_123:line-1" };

    const first = await gateway.refund(input);
    const again = await gateway.refund(input);

    expect(stripe.requests[0].form).toEqual({ payment_intent: intent.id, amount: "1850" });
    expect(again).toEqual(first);
    expect(stripe.refunds.size).toBe(1);
    expect(stripe.charges.get(intent.latest_charge!)!.amount_refunded).toBe(1850);
  });

  it("surfaces Stripe's error for a refund larger than what is left", async () => {
    const { intent } = await paidSession();

    await expect(
      gateway.refund({ paymentIntentId: intent.id, amountCents: 999_999, idempotencyKey: "refund:too-much" }),
    ).rejects.toMatchObject({ type: "StripeInvalidRequestError", code: "amount_too_large" });
    expect(stripe.refunds.size).toBe(0);
  });
});

describe("expireCheckout", () => {
  it("expires an open session", async () => {
    const session = await openSession();
    stripe.requests.length = 0;

    await gateway.expireCheckout(session.id);

    expect(stripe.requests.map(({ method, path }) => `${method} ${path}`)).toEqual([`POST /v1/checkout/sessions/${session.id}/expire`]);
    expect(stripe.sessions.get(session.id)!.status).toBe("expired");
  });

  it("treats an already expired session as done", async () => {
    const session = await openSession();
    stripe.expireSession(session.id);
    stripe.requests.length = 0;

    await expect(gateway.expireCheckout(session.id)).resolves.toBeUndefined();
    expect(stripe.requests.map(({ method, path }) => `${method} ${path}`)).toEqual([
      `POST /v1/checkout/sessions/${session.id}/expire`,
      `GET /v1/checkout/sessions/${session.id}`,
    ]);
  });

  it("treats a completed session as done", async () => {
    const { session } = await paidSession();

    await expect(gateway.expireCheckout(session.id)).resolves.toBeUndefined();
    expect(stripe.sessions.get(session.id)!.status).toBe("complete");
  });

  it("surfaces a 400 while the session is still open", async () => {
    const session = await openSession();
    stripe.failNext("POST", `/v1/checkout/sessions/${session.id}/expire`, {
      status: 400,
      error: { type: "invalid_request_error", message: "Something else is wrong." },
    });

    await expect(gateway.expireCheckout(session.id)).rejects.toMatchObject({ statusCode: 400, message: "Something else is wrong." });
    expect(stripe.sessions.get(session.id)!.status).toBe("open");
  });

  it("surfaces Stripe's 404 for an unknown session", async () => {
    await expect(gateway.expireCheckout("cs_test_unknown")).rejects.toMatchObject({ statusCode: 404, code: "resource_missing" });
  });
});

describe("configuration from the environment", () => {
  it("gives no gateway unless both the secret key and the webhook secret are set", () => {
    expect(createPaymentGatewayFromEnv({})).toBeNull();
    expect(createPaymentGatewayFromEnv({ STRIPE_SECRET_KEY: SECRET_KEY })).toBeNull();
    expect(createPaymentGatewayFromEnv({ STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET })).toBeNull();
    expect(createPaymentGatewayFromEnv({ STRIPE_SECRET_KEY: SECRET_KEY, STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET })?.name).toBe("stripe");
  });

  it("sends requests to STRIPE_API_URL when it is set", async () => {
    const elsewhere = createStripeStandIn({ baseUrl: "http://stripe-mock.test:12111" });
    server.resetHandlers(...elsewhere.handlers);
    const fromEnv = createPaymentGatewayFromEnv({
      STRIPE_SECRET_KEY: SECRET_KEY,
      STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
      STRIPE_API_URL: "http://stripe-mock.test:12111",
    })!;

    const { sessionId } = await fromEnv.createCheckout(checkoutInput());

    expect(elsewhere.sessions.has(sessionId)).toBe(true);
    expect(stripe.requests).toHaveLength(0);
  });

  it("uses the webhook secret from the environment", async () => {
    const fromEnv = createPaymentGatewayFromEnv({ STRIPE_SECRET_KEY: SECRET_KEY, STRIPE_WEBHOOK_SECRET: "whsec_from_env" })!;
    const session = await openSession();

    const good = webhookFor("checkout.session.expired", session, { secret: "whsec_from_env" });
    expect(fromEnv.parseWebhook(good.body, good.signature).kind).toBe("checkout.expired");
    const other = webhookFor("checkout.session.expired", session);
    expect(() => fromEnv.parseWebhook(other.body, other.signature)).toThrow(WebhookSignatureError);
  });

  it("refuses an API URL the SDK cannot address", () => {
    expect(() => createStripeGateway({ secretKey: SECRET_KEY, webhookSecret: WEBHOOK_SECRET, apiUrl: "ftp://stripe.test" })).toThrow(/http/);
    expect(() =>
      createStripeGateway({ secretKey: SECRET_KEY, webhookSecret: WEBHOOK_SECRET, apiUrl: "http://stripe.test/prefix" }),
    ).toThrow(/path/);
  });

  it("memoises the process-wide gateway, which follows `env`", () => {
    resetPaymentGatewayForTests();
    const first = getPaymentGateway();

    expect(getPaymentGateway()).toBe(first);
    expect(first === null).toBe(!(env.STRIPE_SECRET_KEY && env.STRIPE_WEBHOOK_SECRET));
    resetPaymentGatewayForTests();
  });
});
