/**
 * Card checkout end to end with the REAL Stripe SDK against the HTTP stand-in of Stripe's API
 * (tests/support/stripe-stand-in.ts): the checkout route opens a Checkout Session, signed webhooks posted to the
 * /webhooks/stripe route move the order (idempotently, in any order), and the outbox pays connected sellers through
 * Connect transfers. Stripe is configured through `env`, as in production; unknown requests fail the test.
 */
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "~/adapters/db.server";
import { getPaymentGateway, resetPaymentGatewayForTests } from "~/adapters/payments/index.server";
import { createStripeGateway } from "~/adapters/payments/stripe.server";
import type { PaymentGateway } from "~/adapters/payments/types";
import { createEmbeddedSearchEngine } from "~/adapters/search/embedded.server";
import { env } from "~/lib/env.server";
import { action as checkoutAction } from "~/routes/checkout";
import { CARD_PAGE_MINUTES, CARD_RESERVATION_MINUTES, placeOrder, releaseExpiredReservations } from "~/services/checkout.server";
import { outboxHandlers } from "~/services/outbox-worker.server";
import { processOutbox } from "~/services/outbox.server";
import { transferSellerShares } from "~/services/payments.server";
import { checkoutSchema } from "~/domain/order-forms";
import {
  CARD_MARKET_PRICES,
  STRIPE_TEST_SECRET_KEY,
  STRIPE_TEST_WEBHOOK_SECRET,
  cardCheckoutFields,
  collectingMailer,
  configureStripe,
  createCardMarket,
  deliverSessionEvent,
  outboxEvents,
  postStripeWebhook,
  sideEffectCounts,
  stockOf,
  stripeSecrets,
  type CardMarket,
} from "../support/commerce-stripe";
import { call, post, readJson } from "../support/routes";
import { checkoutSessionEvent, createStripeStandIn, signedWebhook, type StandInCheckoutSession, type StripeStandIn } from "../support/stripe-stand-in";

const { coffee, tea, expected } = CARD_MARKET_PRICES;
const NOTHING_CHARGED = "We couldn't start the card payment, so nothing was charged and your cart is as it was.";

const server = setupServer();
let stripe: StripeStandIn;
const originalStripeEnv = { STRIPE_SECRET_KEY: env.STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET: env.STRIPE_WEBHOOK_SECRET, STRIPE_API_URL: env.STRIPE_API_URL };

beforeAll(() => {
  server.listen({ onUnhandledRequest: "error" });
  configureStripe(stripeSecrets);
});
afterAll(() => {
  server.close();
  Object.assign(env, originalStripeEnv);
  resetPaymentGatewayForTests();
});
beforeEach(async () => {
  stripe = createStripeStandIn();
  server.resetHandlers(...stripe.handlers);
  // Each test delivers only its own order's events (the file shares one database).
  await db.outboxEvent.deleteMany();
});
afterEach(() => {
  vi.restoreAllMocks();
  configureStripe(stripeSecrets);
});


/** Posts the checkout form through the route, as the buyer's browser does. */
async function submitCheckout(market: CardMarket, fields = cardCheckoutFields(market)) {
  const response = await call(checkoutAction, post("/checkout", fields, market.cookie));
  // A failed card start renames the token (`<token>:failed`) so the same form can place a new order.
  const order = await db.order.findFirst({
    where: { checkoutToken: { in: [fields.checkoutToken, `${fields.checkoutToken}:failed`] } },
    include: { payments: true, lines: true, fulfillments: { include: { seller: true } } },
  });
  return { response, order, fields };
}

/** A card order placed through the route, with its open stand-in session. */
async function placeCardOrder(market: CardMarket) {
  const { response, order } = await submitCheckout(market);
  expect(response.status).toBe(303);
  const sessionId = order!.payments[0]!.providerSessionId!;
  return { order: order!, sessionId, session: stripe.sessions.get(sessionId)! };
}

async function orderState(orderId: string) {
  return db.order.findUniqueOrThrow({ where: { id: orderId }, include: { payments: true, fulfillments: true } });
}

/** The customer pays on Stripe's page and Stripe posts checkout.session.completed. */
async function payAndNotify(sessionId: string) {
  const session = stripe.completeSession(sessionId);
  const delivery = await deliverSessionEvent("checkout.session.completed", session);
  expect(delivery.status).toBe(200);
  return { session, delivery };
}

const ledgerOf = (orderId: string) => db.ledgerEntry.findMany({ where: { orderId } });

describe("card checkout through the /checkout route", () => {
  it("places the order awaiting payment, reserves stock and opens one Checkout Session for exactly the order", async () => {
    const market = await createCardMarket();
    const before = Date.now();
    const { response, order } = await submitCheckout(market);
    const after = Date.now();

    expect(order).not.toBeNull();
    const sessions = stripe.requestsTo("POST", "/v1/checkout/sessions");
    expect(sessions).toHaveLength(1);
    const [request] = sessions;
    const session = [...stripe.sessions.values()][0]!;

    // The buyer goes straight to Stripe's page.
    expect(response.status).toBe(303);
    expect(response.headers.get("Location")).toBe(`https://checkout.stripe.test/c/pay/${session.id}`);

    // The order: awaiting payment, held for 40 minutes, split per producer, nothing owed yet.
    expect(order!).toMatchObject({
      status: "AWAITING_PAYMENT",
      paymentMethod: "CARD",
      goodsCents: expected.goodsCents,
      distributionFeeCents: expected.distributionFeeCents,
      deliveryFeeCents: expected.deliveryFeeCents,
      totalCents: expected.totalCents,
      paidAt: null,
    });
    expect(order!.reservedUntil!.getTime()).toBeGreaterThanOrEqual(before + CARD_RESERVATION_MINUTES * 60_000);
    expect(order!.reservedUntil!.getTime()).toBeLessThanOrEqual(after + CARD_RESERVATION_MINUTES * 60_000);
    expect(order!.fulfillments.map((f) => [f.seller.name, f.goodsCents, f.sellerPayoutCents]).sort()).toEqual([
      ["Darjeeling Tea Growers", 2025, expected.teaPayoutCents],
      ["Sierra Verde Coffee Co-op", 3700, expected.coffeePayoutCents],
    ]);
    expect(await stockOf(market.coffeeCoop.variant.id)).toBe(coffee.stock - coffee.quantity);
    expect(await stockOf(market.teaGrowers.variant.id)).toBe(tea.stock - tea.quantity);
    expect(await db.cartLine.count({ where: { cartId: market.cartId } })).toBe(0);
    expect(await ledgerOf(order!.id)).toEqual([]);
    // Nobody is told anything until the money arrives.
    expect(await outboxEvents()).toEqual([]);

    // The payment row points at the session.
    expect(order!.payments).toHaveLength(1);
    expect(order!.payments[0]).toMatchObject({
      provider: "STRIPE",
      method: "CARD",
      status: "PENDING",
      amountCents: expected.totalCents,
      providerSessionId: session.id,
      checkoutUrl: session.url,
    });

    // What Stripe was asked for.
    expect(request.idempotencyKey).toBe(`checkout-${order!.id}`);
    expect(request.authorization).toBe(`Bearer ${STRIPE_TEST_SECRET_KEY}`);
    const lineItems = (request.params.line_items as Array<{ quantity: string; price_data: { currency: string; unit_amount: string; product_data: { name: string } } }>).map(
      (item) => ({ name: item.price_data.product_data.name, quantity: Number(item.quantity), unitAmount: Number(item.price_data.unit_amount), currency: item.price_data.currency }),
    );
    expect([...lineItems].sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { name: "Cajamarca washed coffee (1 kg bag)", quantity: coffee.quantity, unitAmount: coffee.retailPriceCents, currency: "eur" },
      { name: "Delivery", quantity: 1, unitAmount: expected.deliveryFeeCents, currency: "eur" },
      { name: "First flush tea (250 g tin)", quantity: tea.quantity, unitAmount: tea.retailPriceCents, currency: "eur" },
      { name: "Handling by the distributor", quantity: 1, unitAmount: expected.distributionFeeCents, currency: "eur" },
    ]);
    // The order lines themselves, not only the fixture, are what Stripe charges for.
    for (const line of order!.lines) {
      expect(lineItems).toContainEqual(expect.objectContaining({ quantity: line.quantity, unitAmount: line.unitPriceCents }));
    }
    expect(lineItems.reduce((sum, item) => sum + item.quantity * item.unitAmount, 0)).toBe(order!.totalCents);
    expect(session.amount_total).toBe(order!.totalCents);
    expect(request.form).toMatchObject({
      mode: "payment",
      customer_email: market.buyer.user.email,
      client_reference_id: order!.id,
      "metadata[orderId]": order!.id,
      "metadata[orderNumber]": order!.number,
      "payment_intent_data[transfer_group]": order!.id,
      "payment_intent_data[metadata][orderId]": order!.id,
      success_url: `http://localhost/orders/${order!.id}?payment=done`,
      cancel_url: `http://localhost/orders/${order!.id}?payment=cancelled`,
    });
    // The page closes about 31 minutes after checkout (30 plus a minute for clock skew), well before the hold ends.
    const expiresAtMs = Number(request.form.expires_at) * 1000;
    expect(expiresAtMs).toBeGreaterThanOrEqual(Math.floor((before + CARD_PAGE_MINUTES * 60_000) / 1000) * 1000);
    expect(expiresAtMs).toBeLessThanOrEqual(after + (CARD_PAGE_MINUTES + 1) * 60_000);
    expect(order!.reservedUntil!.getTime() - expiresAtMs).toBeGreaterThanOrEqual(8 * 60_000);
  });

  it("sends a double-submitted form to the same payment page without opening a second session", async () => {
    const market = await createCardMarket();
    const fields = cardCheckoutFields(market);
    const first = await submitCheckout(market, fields);
    const second = await submitCheckout(market, fields);

    expect(second.response.status).toBe(303);
    expect(second.response.headers.get("Location")).toBe(first.response.headers.get("Location"));
    expect(stripe.requestsTo("POST", "/v1/checkout/sessions")).toHaveLength(1);
    expect(await db.order.count({ where: { checkoutToken: fields.checkoutToken } })).toBe(1);
    expect(await stockOf(market.coffeeCoop.variant.id)).toBe(coffee.stock - coffee.quantity);
  });

  it("opens the page even when the checkout transaction had to wait for the database lock", async () => {
    // placeOrder takes `now` before its transaction, which may queue up to 20 s for SQLite's write lock. Stripe
    // refuses an expires_at less than 30 minutes after it creates the session, so the page's deadline must not be
    // counted from a clock reading taken seconds earlier.
    const market = await createCardMarket();
    const form = checkoutSchema.parse(cardCheckoutFields(market));
    vi.spyOn(console, "error").mockImplementation(() => {});
    const waitedForLock = new Date(Date.now() - 5_000);

    const placed = await placeOrder(market.buyer, form, { gateway: getPaymentGateway(), baseUrl: "http://localhost", now: waitedForLock }).catch(
      (error: Error) => error,
    );

    expect(stripe.requestsTo("POST", "/v1/checkout/sessions")).toHaveLength(1);
    expect(placed).not.toBeInstanceOf(Error);
    expect((await db.order.findUniqueOrThrow({ where: { checkoutToken: form.checkoutToken } })).status).toBe("AWAITING_PAYMENT");
  });
});

describe("when Stripe refuses to open the payment page", () => {
  it("cancels the order, returns stock and cart, and tells the buyer nothing was charged (422)", async () => {
    const market = await createCardMarket();
    stripe.failNext("POST", "/v1/checkout/sessions", {
      status: 400,
      error: { type: "invalid_request_error", code: "parameter_invalid", message: "Your account cannot currently make live charges." },
    });
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});

    const { response, order } = await submitCheckout(market);

    expect(response.status).toBe(422);
    const body = await readJson(response);
    expect(body.error).toEqual({ "": [expect.stringContaining(NOTHING_CHARGED)] });
    expect(logged).toHaveBeenCalled();
    // Stripe's 400 is final: no retry.
    expect(stripe.requestsTo("POST", "/v1/checkout/sessions")).toHaveLength(1);
    expect(stripe.sessions.size).toBe(0);

    expect(order).toMatchObject({ status: "CANCELLED", cancelReason: "The card payment could not be started.", reservedUntil: null });
    expect(order!.payments[0]).toMatchObject({ status: "CANCELLED", providerSessionId: null, checkoutUrl: null });
    expect(order!.fulfillments.map((f) => f.status)).toEqual(["CANCELLED", "CANCELLED"]);
    expect(await stockOf(market.coffeeCoop.variant.id)).toBe(coffee.stock);
    expect(await stockOf(market.teaGrowers.variant.id)).toBe(tea.stock);
    const cartLines = await db.cartLine.findMany({ where: { cart: { userId: market.buyer.user.id } } });
    expect(cartLines.map((line) => [line.variantId, line.mode, line.quantity]).sort()).toEqual(
      [
        [market.coffeeCoop.variant.id, "UNIT", coffee.quantity],
        [market.teaGrowers.variant.id, "UNIT", tea.quantity],
      ].sort(),
    );
    expect(await ledgerOf(order!.id)).toEqual([]);
    expect(await outboxEvents()).toEqual([]);
  });

  it("lets the buyer try again with the same form, as the message tells them to", async () => {
    // The re-rendered form keeps its hidden checkoutToken (conform echoes the submitted values), so "Try again"
    // resubmits the token of the order that was just cancelled.
    const market = await createCardMarket();
    stripe.failNext("POST", "/v1/checkout/sessions", { status: 400, error: { type: "invalid_request_error", message: "Temporarily refused." } });
    vi.spyOn(console, "error").mockImplementation(() => {});
    const fields = cardCheckoutFields(market);
    const failed = await submitCheckout(market, fields);
    expect(failed.response.status).toBe(422);

    const retry = await call(checkoutAction, post("/checkout", fields, market.cookie));

    // Not "Thank you! Order … is placed" for the cancelled order: a payment page for the goods back in the cart.
    expect(retry.status).toBe(303);
    expect(retry.headers.get("Location")).toMatch(/^https:\/\/checkout\.stripe\.test\/c\/pay\/cs_test_/);
    expect(stripe.sessions.size).toBe(1);
    expect(await stockOf(market.coffeeCoop.variant.id)).toBe(coffee.stock - coffee.quantity);
  });
});

describe("POST /webhooks/stripe", () => {
  it("answers 404 when Stripe is not configured", async () => {
    const market = await createCardMarket();
    const { order, sessionId } = await placeCardOrder(market);
    const session = stripe.completeSession(sessionId);
    configureStripe(null);

    const delivery = await deliverSessionEvent("checkout.session.completed", session);

    expect(delivery.status).toBe(404);
    expect(getPaymentGateway()).toBeNull();
    expect((await orderState(order.id)).status).toBe("AWAITING_PAYMENT");
    expect(await db.webhookEvent.count({ where: { id: delivery.event.id } })).toBe(0);
  });

  it("refuses a bad signature, a tampered body and a missing header with 400, changing nothing", async () => {
    const market = await createCardMarket();
    const { order, sessionId } = await placeCardOrder(market);
    const session = stripe.completeSession(sessionId);
    const before = await sideEffectCounts(order.id);

    const wrongSecret = await deliverSessionEvent("checkout.session.completed", session, { secret: "whsec_someone_else" });
    const signed = signedWebhook(checkoutSessionEvent("checkout.session.completed", session), STRIPE_TEST_WEBHOOK_SECRET);
    const tamperedBody = signed.body.replace(`"amount_total": ${expected.totalCents}`, '"amount_total": 1');
    expect(tamperedBody).not.toBe(signed.body);
    const tampered = await postStripeWebhook(tamperedBody, signed.signature);
    const unsigned = await postStripeWebhook(signed.body, null);

    for (const response of [wrongSecret, tampered, unsigned]) {
      expect(response.status).toBe(400);
      expect(response.text).toMatch(/^Stripe webhook rejected/);
    }
    const after = await orderState(order.id);
    expect(after.status).toBe("AWAITING_PAYMENT");
    expect(after.payments[0]!.status).toBe("PENDING");
    expect(await sideEffectCounts(order.id)).toEqual(before);
  });

  it("acknowledges event types it does not act on", async () => {
    const event = { ...checkoutSessionEvent("customer.created", { id: "cus_123", object: "customer" }) };
    const { body, signature } = signedWebhook(event, STRIPE_TEST_WEBHOOK_SECRET);
    const before = await db.webhookEvent.count();

    const response = await postStripeWebhook(body, signature);

    expect(response).toEqual({ status: 200, text: "ignored customer.created" });
    expect(await db.webhookEvent.count()).toBe(before);
  });
});

describe("a completed, paid checkout", () => {
  it("marks the order paid with a balanced ledger, the emails and the transfer job — once, however often Stripe says so", async () => {
    const market = await createCardMarket();
    const { order, sessionId } = await placeCardOrder(market);
    const session = stripe.completeSession(sessionId);
    const intentId = session.payment_intent!;

    const completed = await deliverSessionEvent("checkout.session.completed", session);

    expect(completed).toMatchObject({ status: 200, text: "checkout.completed: paid" });
    const paid = await orderState(order.id);
    expect(paid).toMatchObject({ status: "PAID", reservedUntil: null });
    expect(paid.paidAt).toBeInstanceOf(Date);
    expect(paid.payments[0]).toMatchObject({ status: "SUCCEEDED", providerPaymentId: intentId, failureReason: null });
    // Stock stays with the order.
    expect(await stockOf(market.coffeeCoop.variant.id)).toBe(coffee.stock - coffee.quantity);
    expect(await stockOf(market.teaGrowers.variant.id)).toBe(tea.stock - tea.quantity);

    const ledger = await ledgerOf(order.id);
    expect(ledger.reduce((sum, entry) => sum + entry.amountCents, 0)).toBe(0);
    expect(ledger.filter((entry) => entry.amountCents > 0).reduce((sum, entry) => sum + entry.amountCents, 0)).toBe(expected.totalCents);
    expect(ledger.filter((entry) => entry.account === "BUYER").map((entry) => entry.amountCents)).toEqual([-expected.totalCents]);
    expect(ledger.filter((entry) => entry.account === "SELLER").map((entry) => [entry.organizationId, entry.amountCents]).sort()).toEqual(
      [
        [market.coffeeCoop.organization.id, expected.coffeePayoutCents],
        [market.teaGrowers.organization.id, expected.teaPayoutCents],
      ].sort(),
    );

    const emails = (await outboxEvents("email.send")).map((event) => event.payload as { to: string; subject: string; text: string });
    const toBuyer = emails.filter((email) => email.to === market.buyer.user.email);
    const toSellers = emails.filter((email) => email.to !== market.buyer.user.email);
    expect(toSellers.map((email) => [email.to, email.subject]).sort()).toEqual(
      [
        [market.coffeeCoop.owner.email, `New order ${order.number} for Sierra Verde Coffee Co-op`],
        [market.teaGrowers.owner.email, `New order ${order.number} for Darjeeling Tea Growers`],
      ].sort(),
    );
    expect(await outboxEvents("payment.transfers")).toMatchObject([{ payload: { orderId: order.id }, status: "PENDING" }]);
    // One email to the buyer: the order confirmation listing what they bought, which reads "Paid by card".
    expect(toBuyer.map((email) => email.subject)).toEqual([`Order ${order.number} confirmed`]);
    const confirmation = toBuyer.find((email) => email.subject === `Order ${order.number} confirmed`);
    expect(confirmation, `buyer emails: ${JSON.stringify(toBuyer.map((email) => email.subject))}`).toBeDefined();
    expect(confirmation!.text).toContain("Cajamarca washed coffee, 1 kg bag");
    expect(confirmation!.text).toContain("Paid by card");
  });

  it("changes nothing when the same event is delivered again, or the completion is reported under another event id", async () => {
    const market = await createCardMarket();
    const { order, sessionId } = await placeCardOrder(market);
    const session = stripe.completeSession(sessionId);
    const first = await deliverSessionEvent("checkout.session.completed", session);
    expect(first.text).toBe("checkout.completed: paid");
    const afterFirst = await sideEffectCounts(order.id);
    const paidAt = (await orderState(order.id)).paidAt;
    expect(afterFirst.ledgerEntries).toBeGreaterThan(0);

    // Stripe redelivers the very same event (same id, same body, fresh signature).
    const redelivery = signedWebhook(first.event, STRIPE_TEST_WEBHOOK_SECRET);
    const again = await postStripeWebhook(redelivery.body, redelivery.signature);

    expect(again).toEqual({ status: 200, text: `duplicate ${first.event.id}` });
    expect(await sideEffectCounts(order.id)).toEqual(afterFirst);

    // A different event about the same payment (e.g. async_payment_succeeded after completed).
    const other = await deliverSessionEvent("checkout.session.async_payment_succeeded", session);

    expect(other).toMatchObject({ status: 200, text: "checkout.async-succeeded: already-paid" });
    expect(await sideEffectCounts(order.id)).toEqual({ ...afterFirst, webhookEvents: afterFirst.webhookEvents + 1 });
    const state = await orderState(order.id);
    expect(state.status).toBe("PAID");
    expect(state.paidAt).toEqual(paidAt);
    expect(await outboxEvents("payment.transfers")).toHaveLength(1);
  });
});

describe("events out of order", () => {
  it("keeps a paid order paid when checkout.session.expired arrives after the completion", async () => {
    const market = await createCardMarket();
    const { order, sessionId } = await placeCardOrder(market);
    const { session } = await payAndNotify(sessionId);
    const before = await sideEffectCounts(order.id);

    const expired = await deliverSessionEvent("checkout.session.expired", { ...session, status: "expired" });

    expect(expired).toMatchObject({ status: 200, text: "checkout.expired: unchanged" });
    const state = await orderState(order.id);
    expect(state.status).toBe("PAID");
    expect(state.payments[0]!.status).toBe("SUCCEEDED");
    expect(state.fulfillments.every((f) => f.status !== "CANCELLED")).toBe(true);
    expect(await stockOf(market.coffeeCoop.variant.id)).toBe(coffee.stock - coffee.quantity);
    expect(await stockOf(market.teaGrowers.variant.id)).toBe(tea.stock - tea.quantity);
    expect(await sideEffectCounts(order.id)).toEqual({ ...before, webhookEvents: before.webhookEvents + 1 });
  });

  it("cancels an unpaid order when its page expires, and a completion arriving later does not bring it back", async () => {
    const market = await createCardMarket();
    const { order, sessionId } = await placeCardOrder(market);
    const expiredSession = stripe.expireSession(sessionId);

    const expired = await deliverSessionEvent("checkout.session.expired", expiredSession);

    expect(expired).toMatchObject({ status: 200, text: "checkout.expired: cancelled" });
    const cancelled = await orderState(order.id);
    expect(cancelled).toMatchObject({ status: "CANCELLED", cancelReason: "The payment page expired before payment.", reservedUntil: null });
    expect(cancelled.payments[0]!.status).toBe("CANCELLED");
    expect(await stockOf(market.coffeeCoop.variant.id)).toBe(coffee.stock);
    expect(await stockOf(market.teaGrowers.variant.id)).toBe(tea.stock);

    // Simulated: Stripe reports a paid completion for the session after the order was cancelled.
    const latePaid: StandInCheckoutSession = { ...expiredSession, status: "complete", payment_status: "paid", payment_intent: "pi_late_payment" };
    const late = await deliverSessionEvent("checkout.session.completed", latePaid);

    expect(late).toMatchObject({ status: 200, text: "checkout.completed: cancelled" });
    const after = await orderState(order.id);
    expect(after.status).toBe("CANCELLED");
    expect(after.paidAt).toBeNull();
    expect(after.payments[0]!.failureReason).toBe("Paid after the order was cancelled: refund due.");
    expect(after.payments[0]!.status).toBe("SUCCEEDED");
    // The stock went back once and stays back; nothing is owed or announced for a cancelled order.
    expect(await stockOf(market.coffeeCoop.variant.id)).toBe(coffee.stock);
    expect(await ledgerOf(order.id)).toEqual([]);
    expect(await outboxEvents()).toEqual([]);
  });

  it("keeps the PaymentIntent of a payment that arrived after cancellation, so the refund can be made", async () => {
    const market = await createCardMarket();
    const { order, sessionId } = await placeCardOrder(market);
    const expiredSession = stripe.expireSession(sessionId);
    await deliverSessionEvent("checkout.session.expired", expiredSession);

    await deliverSessionEvent("checkout.session.completed", { ...expiredSession, status: "complete", payment_status: "paid", payment_intent: "pi_late_payment" });

    const payment = (await orderState(order.id)).payments[0]!;
    expect(payment.failureReason).toMatch(/refund due/);
    expect(payment.providerPaymentId).toBe("pi_late_payment");
  });
});

describe("delayed payment methods (e.g. SEPA Direct Debit)", () => {
  it("waits while the payment is processing, then cancels and restocks when it fails", async () => {
    const market = await createCardMarket();
    const { order, sessionId } = await placeCardOrder(market);
    const processing = stripe.completeSession(sessionId, { paymentStatus: "unpaid" });

    const completed = await deliverSessionEvent("checkout.session.completed", processing);

    expect(completed).toMatchObject({ status: 200, text: "checkout.completed: completed, payment still processing" });
    const waiting = await orderState(order.id);
    expect(waiting.status).toBe("AWAITING_PAYMENT");
    expect(waiting.payments[0]!.status).toBe("PENDING");
    expect(await ledgerOf(order.id)).toEqual([]);
    expect(await stockOf(market.coffeeCoop.variant.id)).toBe(coffee.stock - coffee.quantity);

    const failed = await deliverSessionEvent("checkout.session.async_payment_failed", stripe.settleAsyncPayment(sessionId, "failed"));

    expect(failed).toMatchObject({ status: 200, text: "checkout.failed: cancelled" });
    const state = await orderState(order.id);
    expect(state.status).toBe("CANCELLED");
    expect(state.cancelReason).toMatch(/^The payment failed/);
    expect(state.payments[0]).toMatchObject({ status: "FAILED", failureReason: expect.stringMatching(/delayed payment/) });
    expect(await stockOf(market.coffeeCoop.variant.id)).toBe(coffee.stock);
    expect(await stockOf(market.teaGrowers.variant.id)).toBe(tea.stock);
    expect(await ledgerOf(order.id)).toEqual([]);
    expect(await outboxEvents()).toEqual([]);
  });

  it("marks the order paid when the delayed payment succeeds", async () => {
    const market = await createCardMarket();
    const { order, sessionId } = await placeCardOrder(market);
    await deliverSessionEvent("checkout.session.completed", stripe.completeSession(sessionId, { paymentStatus: "unpaid" }));

    const settled = stripe.settleAsyncPayment(sessionId, "succeeded");
    const succeeded = await deliverSessionEvent("checkout.session.async_payment_succeeded", settled);

    expect(succeeded).toMatchObject({ status: 200, text: "checkout.async-succeeded: paid" });
    const state = await orderState(order.id);
    expect(state.status).toBe("PAID");
    expect(state.payments[0]).toMatchObject({ status: "SUCCEEDED", providerPaymentId: settled.payment_intent });
    expect((await ledgerOf(order.id)).reduce((sum, entry) => sum + entry.amountCents, 0)).toBe(0);
    expect(await outboxEvents("payment.transfers")).toHaveLength(1);
  });

  it("keeps the stock of an order whose delayed payment is processing when the 40-minute reservation runs out", async () => {
    // A SEPA debit settles days later; the scheduler's release must not cancel an order the buyer has paid for.
    const market = await createCardMarket();
    const { order, sessionId } = await placeCardOrder(market);
    await deliverSessionEvent("checkout.session.completed", stripe.completeSession(sessionId, { paymentStatus: "unpaid" }));

    await releaseExpiredReservations(new Date(Date.now() + (CARD_RESERVATION_MINUTES + 1) * 60_000));

    expect((await orderState(order.id)).status).toBe("AWAITING_PAYMENT");
    const succeeded = await deliverSessionEvent("checkout.session.async_payment_succeeded", stripe.settleAsyncPayment(sessionId, "succeeded"));
    expect(succeeded.text).toBe("checkout.async-succeeded: paid");
    expect((await orderState(order.id)).status).toBe("PAID");
  });
});

describe("an amount that does not match the order", () => {
  it("does not mark the order paid and records why", async () => {
    const market = await createCardMarket();
    const { order, sessionId } = await placeCardOrder(market);
    const session = stripe.completeSession(sessionId);
    const wrongAmount = expected.totalCents - 100;

    const delivery = await deliverSessionEvent("checkout.session.completed", { ...session, amount_total: wrongAmount });

    expect(delivery).toMatchObject({ status: 200, text: "checkout.completed: amount-mismatch" });
    const state = await orderState(order.id);
    expect(state.status).toBe("AWAITING_PAYMENT");
    expect(state.paidAt).toBeNull();
    expect(state.payments[0]!.status).toBe("PENDING");
    expect(state.payments[0]!.failureReason).toBe(`Stripe reported ${wrongAmount} cents paid; the order total differs. Check by hand.`);
    expect(await ledgerOf(order.id)).toEqual([]);
    expect(await outboxEvents()).toEqual([]);
  });
});

describe("Connect transfers through the outbox", () => {
  function worker(gateway: PaymentGateway) {
    const mailer = collectingMailer();
    return { mailer, handlers: outboxHandlers({ engine: createEmbeddedSearchEngine(), mailer, gateway }) };
  }
  const gatewayFor = () => createStripeGateway({ secretKey: STRIPE_TEST_SECRET_KEY, webhookSecret: STRIPE_TEST_WEBHOOK_SECRET });

  it("transfers a connected seller's payout from the charge, once; a seller without an account gets none", async () => {
    const market = await createCardMarket({ coffeeStripeAccountId: "acct_1SierraVerdeCoffee" });
    const { order, sessionId } = await placeCardOrder(market);
    const { session } = await payAndNotify(sessionId);
    const intent = stripe.paymentIntents.get(session.payment_intent!)!;
    const coffeeFulfillment = (await orderState(order.id)).fulfillments.find((f) => f.sellerOrganizationId === market.coffeeCoop.organization.id)!;
    const gateway = gatewayFor();
    const { mailer, handlers } = worker(gateway);

    const result = await processOutbox(handlers);

    expect(result.failed).toBe(0);
    expect(await db.outboxEvent.count({ where: { status: "PENDING" } })).toBe(0);
    expect([...new Set(mailer.sent.map((message) => message.to))].sort()).toEqual(
      [market.buyer.user.email, market.coffeeCoop.owner.email, market.teaGrowers.owner.email].sort(),
    );
    const transfers = stripe.requestsTo("POST", "/v1/transfers");
    expect(transfers).toHaveLength(1);
    expect(transfers[0]!.idempotencyKey).toBe(`transfer-${coffeeFulfillment.id}`);
    expect(transfers[0]!.form).toMatchObject({
      amount: String(coffeeFulfillment.sellerPayoutCents),
      currency: "eur",
      destination: "acct_1SierraVerdeCoffee",
      transfer_group: order.id,
      source_transaction: intent.latest_charge!,
    });
    expect(coffeeFulfillment.sellerPayoutCents).toBe(expected.coffeePayoutCents);
    const [transfer] = [...stripe.transfers.values()];
    const fulfillments = (await orderState(order.id)).fulfillments;
    expect(fulfillments.find((f) => f.id === coffeeFulfillment.id)!.stripeTransferId).toBe(transfer!.id);
    expect(fulfillments.find((f) => f.sellerOrganizationId === market.teaGrowers.organization.id)!.stripeTransferId).toBeNull();
    expect(await outboxEvents("payment.transfers")).toMatchObject([{ status: "DONE", lastError: null }]);

    // Processing again, or running the job again, moves no more money.
    expect(await processOutbox(handlers)).toEqual({ delivered: 0, failed: 0 });
    expect(await transferSellerShares(gateway, order.id)).toBe(0);
    expect(stripe.requestsTo("POST", "/v1/transfers")).toHaveLength(1);
    expect(stripe.transfers.size).toBe(1);
  });

  it("keeps the job pending with the error while Stripe fails, and transfers on a later pass", async () => {
    const market = await createCardMarket();
    const { order, sessionId } = await placeCardOrder(market);
    await payAndNotify(sessionId);
    // One request and the SDK's two retries all fail.
    stripe.failNext("POST", "/v1/transfers", { status: 500, error: { type: "api_error", message: "An unknown error occurred" }, times: 3 });
    const { handlers } = worker(gatewayFor());

    const firstPass = await processOutbox(handlers);

    // The emails go out regardless; only the transfer job waits.
    expect(firstPass.failed).toBe(1);
    expect(await db.outboxEvent.count({ where: { status: "PENDING" } })).toBe(1);
    const attempts = stripe.requestsTo("POST", "/v1/transfers");
    expect(attempts).toHaveLength(3);
    expect(new Set(attempts.map((request) => request.idempotencyKey)).size).toBe(1);
    expect(stripe.transfers.size).toBe(0);
    const [pending] = await outboxEvents("payment.transfers");
    expect(pending).toMatchObject({ status: "PENDING", attempts: 1, lastError: expect.stringContaining("An unknown error occurred") });
    expect(pending!.availableAt.getTime()).toBeGreaterThan(Date.now() - 1_000);
    expect((await orderState(order.id)).fulfillments.every((f) => f.stripeTransferId === null)).toBe(true);

    const laterPass = await processOutbox(handlers, { now: new Date(Date.now() + 60_000) });

    expect(laterPass).toEqual({ delivered: 1, failed: 0 });
    expect(stripe.transfers.size).toBe(1);
    expect(await outboxEvents("payment.transfers")).toMatchObject([{ status: "DONE", lastError: null }]);
    const coffeeFulfillment = (await orderState(order.id)).fulfillments.find((f) => f.sellerOrganizationId === market.coffeeCoop.organization.id)!;
    expect(coffeeFulfillment.stripeTransferId).toBe([...stripe.transfers.keys()][0]);
  });
});
