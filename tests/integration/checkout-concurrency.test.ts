/**
 * A rush on scarce stock: many buyers check out the same variant at once. Stock is reserved inside each checkout's
 * transaction, so exactly as many orders succeed as the stock covers, the rest are told it sold out, and nothing is
 * half-written.
 */
import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/adapters/db.server";
import { RuleViolation } from "~/domain/errors";
import { placeOrder } from "~/services/checkout.server";
import { buyerOf, checkoutForm, createDistributor, createProducer, expectBalancedLedger, fakeGateway, putInCart, stockOf } from "../support/commerce";
import { createUser } from "../support/factories";

type Distributor = Awaited<ReturnType<typeof createDistributor>>;
let hub: Distributor;

beforeAll(async () => {
  hub = await createDistributor({ distributorFeeBps: 300 });
});

/** `count` buyers, created directly (no password hashing: speed), each with `units` of the variant in their cart. */
async function buyersWithCart(count: number, variantId: string, units: number) {
  const tag = crypto.randomUUID().slice(0, 6);
  await db.user.createMany({
    data: Array.from({ length: count }, (_, index) => ({ email: `rush-${tag}-${index}@example.org`, name: `Rush buyer ${index}`, passwordHash: "unused" })),
  });
  const users = await db.user.findMany({ where: { email: { startsWith: `rush-${tag}-` } }, orderBy: { email: "asc" } });
  await db.cart.createMany({ data: users.map((user) => ({ userId: user.id })) });
  const carts = await db.cart.findMany({ where: { userId: { in: users.map((user) => user.id) } }, select: { id: true } });
  await db.cartLine.createMany({ data: carts.map((cart) => ({ cartId: cart.id, variantId, mode: "UNIT" as const, quantity: units })) });
  return users;
}

/** Fires every checkout at once and sorts the outcomes. */
async function rush(users: Array<{ id: string; email: string; name: string }>) {
  const started = Date.now();
  const results = await Promise.allSettled(
    users.map((user) => placeOrder(buyerOf(user), checkoutForm({ pickupPointId: hub.pickupPoint.id, contactEmail: user.email }), { gateway: null, baseUrl: "http://localhost" })),
  );
  const durationMs = Date.now() - started;
  const placed = results.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
  const refused = results.flatMap((result) => (result.status === "rejected" ? [result.reason as unknown] : []));
  return { placed, refused, durationMs };
}

async function expectCompleteOrders(variantId: string, unitsEach: number) {
  const orders = await db.order.findMany({
    where: { lines: { some: { variantId } } },
    include: { lines: true, fulfillments: true, payments: true },
  });
  for (const order of orders) {
    expect(order.status).toBe("CONFIRMED");
    expect(order.lines).toEqual([expect.objectContaining({ variantId, quantity: unitsEach, units: unitsEach })]);
    expect(order.fulfillments).toHaveLength(1);
    expect(order.lines[0]!.fulfillmentId).toBe(order.fulfillments[0]!.id);
    expect(order.payments).toEqual([expect.objectContaining({ provider: "OFFLINE", amountCents: order.totalCents })]);
    await expectBalancedLedger(order.id);
  }
  return orders;
}

describe("a rush on scarce stock", () => {
  it("sells exactly the stock to 200 buyers of 1 unit each: 50 orders, 150 told it sold out, never below zero", async () => {
    const { variant } = await createProducer({}, [{ title: "Harvest lot", unitLabel: "1 kg", stock: 50, retailPriceCents: 1200 }]);
    const users = await buyersWithCart(200, variant.id, 1);
    const { placed, refused, durationMs } = await rush(users);
    console.info(`[rush 200 × 1 unit] ${durationMs} ms`);

    expect(placed).toHaveLength(50);
    expect(refused).toHaveLength(150);
    for (const error of refused) expect(error).toBeInstanceOf(RuleViolation);
    // Transactions run one at a time, so a late buyer's cart is priced against the stock that is left.
    const messages = new Set(refused.map((error) => (error as Error).message));
    expect([...messages]).toEqual(["Harvest lot (1 kg) is out of stock. Remove it to continue."]);

    expect(await stockOf(variant.id)).toBe(0);
    const orders = await expectCompleteOrders(variant.id, 1);
    expect(orders).toHaveLength(50);
    expect(new Set(orders.map((order) => order.buyerUserId)).size).toBe(50);
    expect(orders.reduce((sum, order) => sum + order.lines[0]!.units, 0)).toBe(50);
    expect(new Set(placed.map((order) => order.orderId))).toEqual(new Set(orders.map((order) => order.id)));
    // Winners' carts are empty; everyone else keeps theirs.
    const winners = new Set(orders.map((order) => order.buyerUserId));
    const carts = await db.cart.findMany({ where: { userId: { in: users.map((user) => user.id) } }, include: { lines: true } });
    for (const cart of carts) expect(cart.lines).toHaveLength(winners.has(cart.userId!) ? 0 : 1);
  }, 60_000);

  it("sells 16 orders of 3 units from a stock of 50 and leaves 2", async () => {
    const { variant } = await createProducer({}, [{ title: "Small lot", unitLabel: "500 g", stock: 50, retailPriceCents: 700 }]);
    const users = await buyersWithCart(200, variant.id, 3);
    const { placed, refused, durationMs } = await rush(users);
    console.info(`[rush 200 × 3 units] ${durationMs} ms`);

    expect(placed).toHaveLength(16);
    expect(refused).toHaveLength(184);
    for (const error of refused) expect(error).toBeInstanceOf(RuleViolation);
    expect(new Set(refused.map((error) => (error as Error).message))).toEqual(new Set(["Small lot (500 g): only 2 units left; your cart has 3 units."]));
    expect(await stockOf(variant.id)).toBe(2);
    const orders = await expectCompleteOrders(variant.id, 3);
    expect(orders).toHaveLength(16);
  }, 60_000);

  it("never takes stock below zero, whatever the mix of quantities", async () => {
    const { variant } = await createProducer({}, [{ title: "Mixed lot", unitLabel: "bag", stock: 20, retailPriceCents: 500 }]);
    const users = [...(await buyersWithCart(20, variant.id, 1)), ...(await buyersWithCart(20, variant.id, 2)), ...(await buyersWithCart(20, variant.id, 5))];
    const { placed, refused } = await rush(users);
    for (const error of refused) expect(error).toBeInstanceOf(RuleViolation);
    const orders = await db.order.findMany({ where: { lines: { some: { variantId: variant.id } } }, include: { lines: true } });
    expect(orders).toHaveLength(placed.length);
    const sold = orders.reduce((sum, order) => sum + order.lines[0]!.units, 0);
    expect(sold).toBeLessThanOrEqual(20);
    expect(await stockOf(variant.id)).toBe(20 - sold);
    expect(await stockOf(variant.id)).toBeGreaterThanOrEqual(0);
  }, 60_000);
});

describe("writes outside a transaction while another checkout's transaction is open", () => {
  /**
   * better-sqlite3 gives Prisma one connection: a transaction holds it (BEGIN … COMMIT), and a query made outside any
   * transaction meanwhile runs on the same connection — inside that transaction. If the transaction then rolls back
   * (a sold-out checkout does), the outside write is silently undone.
   *
   * Here the outside write is the card checkout saving its Stripe session id (startCardPayment's payment.update).
   * Losing it means the payment webhook finds no order for the session: the buyer is charged and the order is
   * released 40 minutes later.
   */
  it("keeps the card session id a checkout saved while another checkout was rolling back", async () => {
    const { variant } = await createProducer({}, [{ title: "Card lot", unitLabel: "bag", stock: 10, retailPriceCents: 900 }]);
    const cardBuyer = await createUser();
    await putInCart(cardBuyer.id, variant.id, 1);

    let releaseOther!: () => void;
    const otherMayFinish = new Promise<void>((resolve) => (releaseOther = resolve));
    let otherStarted!: () => void;
    const otherIsOpen = new Promise<void>((resolve) => (otherStarted = resolve));
    let otherCheckout: Promise<unknown> | undefined;

    const { gateway } = fakeGateway(async (input) => {
      // While Stripe answers, another buyer's checkout opens its transaction; it will fail (e.g. sold out).
      otherCheckout = db
        .$transaction(async (tx) => {
          await tx.variant.updateMany({ where: { id: variant.id, stock: { gte: 1 } }, data: { stock: { decrement: 1 } } });
          otherStarted();
          await otherMayFinish;
          throw new RuleViolation("Sorry, it sold out while you were checking out.");
        })
        .catch((error: unknown) => error);
      await otherIsOpen;
      return { sessionId: `cs_test_${input.orderId}`, url: `https://checkout.stripe.test/${input.orderId}` };
    });
    const placing = placeOrder(buyerOf(cardBuyer), checkoutForm({ pickupPointId: hub.pickupPoint.id, paymentMethod: "CARD" }), {
      gateway,
      baseUrl: "http://localhost",
    });
    // Today the checkout finishes at once (its write lands inside the other transaction). Once outside writes wait for
    // open transactions, it finishes only after the other one ends: let that end after a while.
    await Promise.race([placing.catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 1_500))]);
    releaseOther();
    const placed = await placing;
    expect(await otherCheckout).toBeInstanceOf(RuleViolation);

    expect(placed.payUrl).toBe(`https://checkout.stripe.test/${placed.orderId}`);
    const payment = await db.payment.findFirstOrThrow({ where: { orderId: placed.orderId } });
    expect(payment.providerSessionId).toBe(`cs_test_${placed.orderId}`);
    expect(payment.checkoutUrl).toBe(placed.payUrl);
    expect(await stockOf(variant.id)).toBe(9);
  });
});
