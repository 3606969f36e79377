import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "~/adapters/db.server";
import { RuleViolation } from "~/domain/errors";
import { orderTotals, splitSellerGoods } from "~/domain/order-split";
import { env } from "~/lib/env.server";
import { action as checkoutAction, loader as checkoutLoader } from "~/routes/checkout";
import { loader as invoiceLoader } from "~/routes/orders_.$id.invoice";
import * as checkout from "~/services/checkout.server";
import * as outbox from "~/services/outbox.server";
import {
  buyerOf,
  cartLinesOf,
  checkoutFields,
  checkoutForm,
  createBuyingOrg,
  createDistributor,
  createProducer,
  expectBalancedLedger,
  fakeGateway,
  grantTerms,
  orderTableCounts,
  putInCart,
  stockOf,
} from "../support/commerce";
import { createUser, sessionCookieFor } from "../support/factories";
import { call, flashFrom, get, post, readJson } from "../support/routes";

const { placeOrder, releaseExpiredReservations, markOrderPaid, CARD_RESERVATION_MINUTES } = checkout;
const BASE_URL = "http://localhost";
const RATES = { platformFeeBps: 200, solidarityFundBps: 100 };

type Producer = Awaited<ReturnType<typeof createProducer>>;
type Distributor = Awaited<ReturnType<typeof createDistributor>>;
let beans: Producer; // two products: coffee and cacao
let honey: Producer;
let hub: Distributor; // 5% handling, delivers for €4.50
let sellerAdmin: Awaited<ReturnType<typeof createUser>>;
let sellerMember: Awaited<ReturnType<typeof createUser>>;

const coffee = () => beans.items[0]!.variant;
const cacao = () => beans.items[1]!.variant;
const honeyJar = () => honey.variant;

beforeAll(async () => {
  // The fee split below assumes the documented defaults; fail loudly if the test environment changed them.
  expect({ platformFeeBps: env.PLATFORM_FEE_BPS, solidarityFundBps: env.SOLIDARITY_FUND_BPS }).toEqual(RATES);
  sellerAdmin = await createUser();
  sellerMember = await createUser();
  beans = await createProducer(
    {
      name: "Sierra Verde",
      members: [
        { userId: sellerAdmin.id, role: "ADMIN" },
        { userId: sellerMember.id, role: "MEMBER" },
      ],
    },
    [
      { title: "Washed Caturra", unitLabel: "250 g bag", retailPriceCents: 1290, caseSize: 12, wholesaleCasePriceCents: 12000, stock: 400 },
      { title: "Cacao nibs", unitLabel: "200 g bag", retailPriceCents: 650, stock: 300 },
    ],
  );
  honey = await createProducer({ name: "Bee Collective" }, [
    { title: "Forest honey", unitLabel: "500 g jar", retailPriceCents: 899, caseSize: 6, wholesaleCasePriceCents: 4800, stock: 300 },
  ]);
  hub = await createDistributor({ name: "Harbour Food Hub", distributorFeeBps: 500, deliveryFeeCents: 450 });
});

afterEach(() => {
  vi.restoreAllMocks();
});

/** A shopper with no organisation and the given cart. */
async function shopperWith(lines: Array<[variantId: string, quantity: number, mode?: "UNIT" | "CASE"]>) {
  const user = await createUser();
  for (const [variantId, quantity, mode] of lines) await putInCart(user.id, variantId, quantity, mode);
  return { user, buyer: buyerOf(user), cookie: await sessionCookieFor(user.id) };
}

async function stocks() {
  return { coffee: await stockOf(coffee().id), cacao: await stockOf(cacao().id), honey: await stockOf(honeyJar().id) };
}

async function emailsAbout(orderNumber: string) {
  const events = await db.outboxEvent.findMany({ where: { topic: "email.send", payload: { contains: orderNumber } }, orderBy: { createdAt: "asc" } });
  return events.map((event) => JSON.parse(event.payload) as { to: string; subject: string; text: string });
}

describe("placing an offline order from two producers", () => {
  it("writes one order, one fulfilment per seller with its share, reserves the stock, empties the cart and balances the ledger", async () => {
    const { user, buyer } = await shopperWith([
      [coffee().id, 3],
      [cacao().id, 2],
      [honeyJar().id, 1],
    ]);
    const before = await stocks();
    const now = new Date("2025-03-01T10:00:00Z");
    const placed = await placeOrder(buyer, checkoutForm({ pickupPointId: hub.pickupPoint.id, contactEmail: "ada@example.org" }), {
      gateway: null,
      baseUrl: BASE_URL,
      now,
    });
    expect(placed).toMatchObject({ paymentMethod: "PAY_AT_PICKUP", payUrl: null });

    const order = await db.order.findUniqueOrThrow({
      where: { id: placed.orderId },
      include: { fulfillments: { include: { lines: true }, orderBy: { createdAt: "asc" } }, lines: true, payments: true },
    });
    const rates = { ...RATES, distributorFeeBps: 500 };
    const beansSplit = splitSellerGoods(3 * 1290 + 2 * 650, rates);
    const honeySplit = splitSellerGoods(899, rates);
    // Worked by hand too: 5170 goods → 2% = 103, 1% = 51, handling 5% = 258; 899 → 17, 8, 44.
    expect(beansSplit).toEqual({ goodsCents: 5170, platformFeeCents: 103, solidarityFundCents: 51, sellerPayoutCents: 5016, distributionFeeCents: 258 });
    expect(honeySplit).toEqual({ goodsCents: 899, platformFeeCents: 17, solidarityFundCents: 8, sellerPayoutCents: 874, distributionFeeCents: 44 });
    const totals = orderTotals([beansSplit, honeySplit], 0);
    expect(order).toMatchObject({
      number: placed.number,
      buyerUserId: user.id,
      buyerOrganizationId: null,
      channel: "RETAIL",
      status: "CONFIRMED",
      handover: "PICKUP",
      pickupPointId: hub.pickupPoint.id,
      distributorOrganizationId: hub.organization.id,
      paymentMethod: "PAY_AT_PICKUP",
      netDays: null,
      dueAt: null,
      reservedUntil: null,
      placedAt: now,
      poNumber: null,
      ...totals,
      totalCents: 6371,
    });
    expect(order.number).toMatch(/^SM-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);

    expect(order.fulfillments.map((fulfillment) => ({ ...fulfillment, lines: undefined }))).toEqual([
      expect.objectContaining({ sellerOrganizationId: beans.organization.id, status: "AWAITING_GOODS", ...beansSplit }),
      expect.objectContaining({ sellerOrganizationId: honey.organization.id, status: "AWAITING_GOODS", ...honeySplit }),
    ]);
    const [beansPart, honeyPart] = order.fulfillments;
    expect(beansPart!.lines.map(({ variantId, productTitle, unitLabel, sku, mode, quantity, units, unitPriceCents, lineTotalCents }) => ({
      variantId, productTitle, unitLabel, sku, mode, quantity, units, unitPriceCents, lineTotalCents,
    }))).toEqual([
      { variantId: coffee().id, productTitle: "Washed Caturra", unitLabel: "250 g bag", sku: coffee().sku, mode: "UNIT", quantity: 3, units: 3, unitPriceCents: 1290, lineTotalCents: 3870 },
      { variantId: cacao().id, productTitle: "Cacao nibs", unitLabel: "200 g bag", sku: cacao().sku, mode: "UNIT", quantity: 2, units: 2, unitPriceCents: 650, lineTotalCents: 1300 },
    ]);
    expect(honeyPart!.lines).toEqual([expect.objectContaining({ variantId: honeyJar().id, quantity: 1, unitPriceCents: 899, lineTotalCents: 899, orderId: order.id })]);
    expect(order.lines).toHaveLength(3);

    expect(await stocks()).toEqual({ coffee: before.coffee - 3, cacao: before.cacao - 2, honey: before.honey - 1 });
    expect(await cartLinesOf(user.id)).toEqual([]);
    expect(order.payments).toEqual([expect.objectContaining({ provider: "OFFLINE", method: "PAY_AT_PICKUP", status: "PENDING", amountCents: 6371 })]);

    const entries = await expectBalancedLedger(order.id);
    const byAccount = entries.map(({ account, organizationId, amountCents, fulfillmentId }) => ({ account, organizationId, amountCents, fulfillmentId }));
    expect(byAccount).toEqual(
      expect.arrayContaining([
        { account: "BUYER", organizationId: null, amountCents: -6371, fulfillmentId: null },
        { account: "SELLER", organizationId: beans.organization.id, amountCents: 5016, fulfillmentId: beansPart!.id },
        { account: "SELLER", organizationId: honey.organization.id, amountCents: 874, fulfillmentId: honeyPart!.id },
        // One entry per other party for the whole order; the per-seller split stays on each fulfilment.
        { account: "PLATFORM", organizationId: null, amountCents: 103 + 17, fulfillmentId: null },
        { account: "SOLIDARITY_FUND", organizationId: null, amountCents: 51 + 8, fulfillmentId: null },
        { account: "DISTRIBUTOR", organizationId: hub.organization.id, amountCents: 258 + 44, fulfillmentId: null },
      ]),
    );
    expect(byAccount).toHaveLength(6);

    const emails = await emailsAbout(order.number);
    expect(emails.map((email) => email.to).sort()).toEqual(["ada@example.org", beans.owner.email, sellerAdmin.email, honey.owner.email].sort());
    expect(emails.map((email) => email.to)).not.toContain(sellerMember.email);
    expect(emails.find((email) => email.to === "ada@example.org")).toMatchObject({ subject: `Order ${order.number} confirmed` });
    expect(emails.find((email) => email.to === honey.owner.email)).toMatchObject({ subject: `New order ${order.number} for Bee Collective` });
    expect(emails.find((email) => email.to === honey.owner.email)!.text).not.toContain("Washed Caturra");
  });

  it("adds the delivery fee for a delivered order and books it to the distributor", async () => {
    const { buyer } = await shopperWith([[cacao().id, 4]]);
    const placed = await placeOrder(
      buyer,
      checkoutForm({
        handover: "DELIVERY",
        deliveryDistributorId: hub.organization.id,
        deliveryAddress: "Lindenstraße 5",
        deliveryPostcode: "10969",
        deliveryCity: "Berlin",
        deliveryCountry: "DE",
        paymentMethod: "BANK_TRANSFER",
      }),
      { gateway: null, baseUrl: BASE_URL },
    );
    const order = await db.order.findUniqueOrThrow({ where: { id: placed.orderId } });
    // 2600 goods + 5% handling (130) + 450 delivery.
    expect(order).toMatchObject({
      handover: "DELIVERY",
      pickupPointId: null,
      distributorOrganizationId: hub.organization.id,
      deliveryAddress: "Lindenstraße 5",
      deliveryPostcode: "10969",
      deliveryCity: "Berlin",
      deliveryCountry: "DE",
      goodsCents: 2600,
      distributionFeeCents: 130,
      deliveryFeeCents: 450,
      totalCents: 3180,
      status: "CONFIRMED",
    });
    const entries = await expectBalancedLedger(order.id);
    // The distributor's handling (130) and the delivery fee (450), in one entry.
    expect(entries).toContainEqual(expect.objectContaining({ account: "DISTRIBUTOR", organizationId: hub.organization.id, fulfillmentId: null, amountCents: 130 + 450 }));
    const [buyerEmail] = await emailsAbout(order.number);
    expect(buyerEmail!.text).toContain("Harbour Food Hub delivers it to Lindenstraße 5, 10969 Berlin");
    expect(buyerEmail!.text).toContain("IBAN");
  });

  it("places the order through the /checkout action and sends the buyer to it", async () => {
    const { user, cookie } = await shopperWith([[honeyJar().id, 2]]);
    const page = await readJson(await call(checkoutLoader, get("/checkout", cookie)));
    expect(page.checkoutToken).toMatch(/^[0-9a-f]{32}$/);
    expect(page.cardEnabled).toBe(false);
    expect(page.pickupPoints.map((point: { id: string }) => point.id)).toContain(hub.pickupPoint.id);
    const response = await call(
      checkoutAction,
      post("/checkout", checkoutFields(checkoutForm({ checkoutToken: page.checkoutToken, pickupPointId: hub.pickupPoint.id })), cookie),
    );
    expect(response.status).toBe(303);
    const order = await db.order.findFirstOrThrow({ where: { buyerUserId: user.id } });
    expect(response.headers.get("Location")).toBe(`/orders/${order.id}`);
    expect((await flashFrom(response))?.text).toContain(`Order ${order.number} is placed`);
    // With the cart empty, the checkout page sends the buyer back to the cart.
    const empty = await call(checkoutLoader, get("/checkout", cookie));
    expect(empty.status).toBe(302);
    expect(empty.headers.get("Location")).toBe("/cart");
  });
});

describe("refusals at checkout write nothing", () => {
  let inactivePointId: string;
  beforeAll(async () => {
    inactivePointId = (
      await db.pickupPoint.create({
        data: { organizationId: hub.organization.id, name: "Closed depot", address: "x", postcode: "1", city: "Hamburg", country: "DE", openingHours: "-", active: false },
      })
    ).id;
  });

  async function expectRefused(fields: Record<string, string>, status: number, field: string, message: string) {
    const { user, cookie } = await shopperWith([
      [coffee().id, 2],
      [honeyJar().id, 1],
    ]);
    const [countsBefore, stocksBefore, cartBefore] = [await orderTableCounts(), await stocks(), await cartLinesOf(user.id)];
    const response = await call(checkoutAction, post("/checkout", fields, cookie));
    expect(response.status).toBe(status);
    expect((await readJson(response)).error[field]).toEqual([message]);
    expect(await orderTableCounts()).toEqual(countsBefore);
    expect(await stocks()).toEqual(stocksBefore);
    expect(await cartLinesOf(user.id)).toEqual(cartBefore);
    expect(cartBefore).toHaveLength(2);
  }

  it("asks for a pickup point when none is chosen (400 from the form schema)", async () => {
    await expectRefused(checkoutFields(checkoutForm()), 400, "pickupPointId", "Choose a pickup point");
  });

  it("refuses an unknown or inactive pickup point beside that field (422)", async () => {
    const message = "That pickup point is no longer available. Choose another.";
    await expectRefused(checkoutFields(checkoutForm({ pickupPointId: "no-such-point" })), 422, "pickupPointId", message);
    await expectRefused(checkoutFields(checkoutForm({ pickupPointId: inactivePointId })), 422, "pickupPointId", message);
  });

  it("refuses an unknown delivery service beside that field (422)", async () => {
    const delivery = checkoutForm({
      handover: "DELIVERY",
      deliveryDistributorId: beans.organization.id, // not a distributor
      deliveryAddress: "Lindenstraße 5",
      deliveryPostcode: "10969",
      deliveryCity: "Berlin",
      deliveryCountry: "DE",
      paymentMethod: "BANK_TRANSFER",
    });
    await expectRefused(checkoutFields(delivery), 422, "deliveryDistributorId", "That delivery service is no longer available. Choose another.");
  });

  it("refuses invoice terms the buyer does not have, and card payment when Stripe is not configured (422)", async () => {
    await expectRefused(
      checkoutFields(checkoutForm({ pickupPointId: hub.pickupPoint.id, paymentMethod: "INVOICE" })),
      422,
      "paymentMethod",
      "Invoice terms need a wholesale order from sellers who have approved your organisation for invoices.",
    );
    await expectRefused(
      checkoutFields(checkoutForm({ pickupPointId: hub.pickupPoint.id, paymentMethod: "CARD" })),
      422,
      "paymentMethod",
      "Card (Stripe) is not available for this order.",
    );
  });

  it("refuses a cart whose lines cannot be ordered (more than the stock) with the cart's own message", async () => {
    const scarce = await createProducer({}, [{ title: "Rare tea", unitLabel: "50 g tin", stock: 2 }]);
    const { user, buyer } = await shopperWith([[scarce.variant.id, 3]]);
    const countsBefore = await orderTableCounts();
    await expect(placeOrder(buyer, checkoutForm({ pickupPointId: hub.pickupPoint.id }), { gateway: null, baseUrl: BASE_URL })).rejects.toThrow(
      new RuleViolation("Rare tea (50 g tin): only 2 units left; your cart has 3 units."),
    );
    expect(await orderTableCounts()).toEqual(countsBefore);
    expect(await stockOf(scarce.variant.id)).toBe(2);
    expect(await cartLinesOf(user.id)).toHaveLength(1);
  });

  it("refuses an empty cart", async () => {
    const { buyer } = await shopperWith([]);
    await expect(placeOrder(buyer, checkoutForm({ pickupPointId: hub.pickupPoint.id }), { gateway: null, baseUrl: BASE_URL })).rejects.toThrow(
      "Your cart is empty. Add something before checking out.",
    );
  });
});

describe("the checkout token", () => {
  it("returns the first order when the same form is submitted twice, and never places a second", async () => {
    const { user, buyer } = await shopperWith([[cacao().id, 1]]);
    const form = checkoutForm({ pickupPointId: hub.pickupPoint.id });
    const first = await placeOrder(buyer, form, { gateway: null, baseUrl: BASE_URL });
    // Even with goods back in the cart, the same token does not order them.
    await putInCart(user.id, cacao().id, 5);
    const stockBefore = await stockOf(cacao().id);
    const second = await placeOrder(buyer, form, { gateway: null, baseUrl: BASE_URL });
    expect(second).toEqual(first);
    expect(await db.order.count({ where: { checkoutToken: form.checkoutToken } })).toBe(1);
    expect(await db.order.count({ where: { buyerUserId: user.id } })).toBe(1);
    expect(await stockOf(cacao().id)).toBe(stockBefore);
    expect(await cartLinesOf(user.id)).toEqual([{ variantId: cacao().id, mode: "UNIT", quantity: 5 }]);
  });

  it("does not let another user reuse someone's token", async () => {
    const { buyer } = await shopperWith([[cacao().id, 1]]);
    const form = checkoutForm({ pickupPointId: hub.pickupPoint.id });
    await placeOrder(buyer, form, { gateway: null, baseUrl: BASE_URL });
    const other = await shopperWith([[cacao().id, 1]]);
    await expect(placeOrder(other.buyer, form, { gateway: null, baseUrl: BASE_URL })).rejects.toThrow("This checkout form has expired. Reload the page.");
    expect(await cartLinesOf(other.user.id)).toHaveLength(1);
  });

  it("gives a double-clicked submit (two requests at once) the same order, not an error", async () => {
    const { user, buyer } = await shopperWith([[cacao().id, 1]]);
    const form = checkoutForm({ pickupPointId: hub.pickupPoint.id });
    const results = await Promise.allSettled([
      placeOrder(buyer, form, { gateway: null, baseUrl: BASE_URL }),
      placeOrder(buyer, form, { gateway: null, baseUrl: BASE_URL }),
    ]);
    expect(await db.order.count({ where: { buyerUserId: user.id } })).toBe(1);
    const order = await db.order.findFirstOrThrow({ where: { buyerUserId: user.id } });
    // Both requests should show the order; the browser keeps only the last response.
    expect(results.map((result) => (result.status === "fulfilled" ? result.value.orderId : String(result.reason)))).toEqual([order.id, order.id]);
  });
});

describe("wholesale orders for a buying organisation", () => {
  type Co = { organization: Awaited<ReturnType<typeof createBuyingOrg>>; buyer: Awaited<ReturnType<typeof createUser>>; colleague: Awaited<ReturnType<typeof createUser>> };
  let co: Co;
  let roaster: Producer; // takes wholesale orders from €200
  beforeAll(async () => {
    const buyer = await createUser();
    const colleague = await createUser();
    const organization = await createBuyingOrg([
      { userId: buyer.id, role: "MEMBER" },
      { userId: colleague.id, role: "OWNER" },
    ]);
    co = { organization, buyer, colleague };
    roaster = await createProducer({ name: "Andes Roasters", minimumWholesaleOrderCents: 20_000 }, [
      { title: "Espresso blend", unitLabel: "1 kg bag", caseSize: 6, retailPriceCents: 2400, wholesaleCasePriceCents: 12_000, stock: 60 },
    ]);
  });

  const espresso = () => roaster.variant;

  async function fillCart(lines: Array<[string, number, "UNIT" | "CASE"]>) {
    await db.cartLine.deleteMany({ where: { cart: { userId: co.buyer.id } } });
    for (const [variantId, quantity, mode] of lines) await putInCart(co.buyer.id, variantId, quantity, mode);
  }

  it("refuses case lines below a producer's wholesale minimum, writing nothing", async () => {
    await fillCart([[espresso().id, 1, "CASE"]]);
    const countsBefore = await orderTableCounts();
    const stockBefore = await stockOf(espresso().id);
    await expect(
      placeOrder(buyerOf(co.buyer, co.organization), checkoutForm({ pickupPointId: hub.pickupPoint.id }), { gateway: null, baseUrl: BASE_URL }),
    ).rejects.toThrow(new RuleViolation("Andes Roasters takes wholesale orders from €200.00; add €80.00 more in cases."));
    expect(await orderTableCounts()).toEqual(countsBefore);
    expect(await stockOf(espresso().id)).toBe(stockBefore);
    expect(await cartLinesOf(co.buyer.id)).toEqual([{ variantId: espresso().id, mode: "CASE", quantity: 1 }]);
  });

  it("places a WHOLESALE order for the organisation at the case price, with the PO number and units = cases × case size", async () => {
    await fillCart([
      [espresso().id, 2, "CASE"],
      [espresso().id, 1, "UNIT"],
    ]);
    const stockBefore = await stockOf(espresso().id);
    const placed = await placeOrder(
      buyerOf(co.buyer, co.organization),
      checkoutForm({ pickupPointId: hub.pickupPoint.id, paymentMethod: "BANK_TRANSFER", poNumber: "PO-2025-017" }),
      { gateway: null, baseUrl: BASE_URL },
    );
    const order = await db.order.findUniqueOrThrow({ where: { id: placed.orderId }, include: { lines: { orderBy: { mode: "asc" } } } });
    expect(order).toMatchObject({ channel: "WHOLESALE", buyerOrganizationId: co.organization.id, poNumber: "PO-2025-017", goodsCents: 26_400 });
    expect(order.lines.map(({ mode, quantity, units, unitPriceCents, lineTotalCents }) => ({ mode, quantity, units, unitPriceCents, lineTotalCents }))).toEqual([
      { mode: "CASE", quantity: 2, units: 12, unitPriceCents: 12_000, lineTotalCents: 24_000 },
      { mode: "UNIT", quantity: 1, units: 1, unitPriceCents: 2400, lineTotalCents: 2400 },
    ]);
    expect(await stockOf(espresso().id)).toBe(stockBefore - 13);
    const entries = await expectBalancedLedger(order.id);
    expect(entries.find((entry) => entry.account === "BUYER")!.organizationId).toBe(co.organization.id);
  });

  it("keeps a member's unit-only order personal: RETAIL, no organisation, no PO number", async () => {
    await fillCart([[espresso().id, 1, "UNIT"]]);
    const placed = await placeOrder(
      buyerOf(co.buyer, co.organization),
      checkoutForm({ pickupPointId: hub.pickupPoint.id, poNumber: "PO-IGNORED" }),
      { gateway: null, baseUrl: BASE_URL },
    );
    expect(await db.order.findUniqueOrThrow({ where: { id: placed.orderId } })).toMatchObject({ channel: "RETAIL", buyerOrganizationId: null, poNumber: null });
  });

  it("refuses case lines at checkout for an organisation that is not (or no longer) verified", async () => {
    await fillCart([[espresso().id, 2, "CASE"]]);
    const unverified = { ...co.organization, verifiedAt: null };
    await expect(
      placeOrder(buyerOf(co.buyer, unverified), checkoutForm({ pickupPointId: hub.pickupPoint.id }), { gateway: null, baseUrl: BASE_URL }),
    ).rejects.toThrow(/case prices are for members of verified organisations/);
    expect(await cartLinesOf(co.buyer.id)).toHaveLength(1);
  });

  it("allows invoice only when every seller gave terms, with the shortest net days and a due date", async () => {
    await fillCart([
      [espresso().id, 2, "CASE"],
      [honeyJar().id, 1, "CASE"],
    ]);
    await grantTerms(roaster.organization.id, co.organization.id, roaster.owner.id, 45);
    const form = () => checkoutForm({ pickupPointId: hub.pickupPoint.id, paymentMethod: "INVOICE", poNumber: "PO-INV-1" });
    // Only one of the two sellers approved the organisation.
    await expect(placeOrder(buyerOf(co.buyer, co.organization), form(), { gateway: null, baseUrl: BASE_URL })).rejects.toThrow(checkout.CheckoutFieldError);
    expect(await cartLinesOf(co.buyer.id)).toHaveLength(2);

    await grantTerms(honey.organization.id, co.organization.id, honey.owner.id, 30);
    const now = new Date("2025-04-10T08:30:00Z");
    const placed = await placeOrder(buyerOf(co.buyer, co.organization), form(), { gateway: null, baseUrl: BASE_URL, now });
    const order = await db.order.findUniqueOrThrow({ where: { id: placed.orderId }, include: { payments: true } });
    expect(order).toMatchObject({
      status: "CONFIRMED",
      paymentMethod: "INVOICE",
      netDays: 30,
      placedAt: now,
      dueAt: new Date("2025-05-10T08:30:00Z"),
      channel: "WHOLESALE",
      buyerOrganizationId: co.organization.id,
    });
    expect(order.payments).toEqual([expect.objectContaining({ provider: "OFFLINE", method: "INVOICE", status: "PENDING" })]);
    await expectBalancedLedger(order.id);
    const [buyerEmail] = await emailsAbout(order.number);
    expect(buyerEmail!.text).toContain("due by 2025-05-10");
    expect(buyerEmail!.text).toContain("(your PO PO-INV-1)");

    // The invoice is for the organisation: every member sees it, strangers get a 404.
    for (const member of [co.buyer, co.colleague]) {
      const response = await call(invoiceLoader, get(`/orders/${order.id}/invoice`, await sessionCookieFor(member.id)), { params: { id: order.id } });
      expect(response.status).toBe(200);
      expect((await readJson(response)).order).toMatchObject({ id: order.id, poNumber: "PO-INV-1", dueAt: "2025-05-10T08:30:00.000Z" });
    }
    const stranger = await createUser();
    const refused = await call(invoiceLoader, get(`/orders/${order.id}/invoice`, await sessionCookieFor(stranger.id)), { params: { id: order.id } });
    expect(refused.status).toBe(404);
  });
});

describe("an interrupted checkout", () => {
  it("rolls everything back when the transaction fails half-way (no order, lines, payment; stock and cart intact)", async () => {
    const { user, buyer } = await shopperWith([
      [coffee().id, 2],
      [honeyJar().id, 3],
    ]);
    const countsBefore = await orderTableCounts();
    const stocksBefore = await stocks();
    const failing = vi.spyOn(outbox, "enqueue").mockRejectedValue(new Error("disk full"));
    await expect(placeOrder(buyer, checkoutForm({ pickupPointId: hub.pickupPoint.id }), { gateway: null, baseUrl: BASE_URL })).rejects.toThrow("disk full");
    expect(failing).toHaveBeenCalled();
    expect(await orderTableCounts()).toEqual(countsBefore);
    expect(await db.order.count({ where: { buyerUserId: user.id } })).toBe(0);
    expect(await stocks()).toEqual(stocksBefore);
    expect(await cartLinesOf(user.id)).toEqual([
      { variantId: coffee().id, mode: "UNIT", quantity: 2 },
      { variantId: honeyJar().id, mode: "UNIT", quantity: 3 },
    ]);
  });

  it("releases a card order left awaiting payment once its reservation expires, exactly once", async () => {
    const { user, buyer } = await shopperWith([
      [coffee().id, 4],
      [honeyJar().id, 2],
    ]);
    const stocksBefore = await stocks();
    const { gateway, calls } = fakeGateway();
    // The card page's closing time is counted from the real clock, so this test runs at the real time too.
    const now = new Date();
    const placed = await placeOrder(buyer, checkoutForm({ pickupPointId: hub.pickupPoint.id, paymentMethod: "CARD" }), { gateway, baseUrl: BASE_URL, now });
    expect(placed.payUrl).toBe(`https://checkout.stripe.test/pay/${placed.orderId}`);
    expect(calls).toHaveLength(1);
    // What Stripe is asked to charge adds up to the order total.
    const order = await db.order.findUniqueOrThrow({ where: { id: placed.orderId }, include: { payments: true } });
    expect(calls[0]!.lines.reduce((sum, line) => sum + line.quantity * line.unitAmountCents, 0)).toBe(order.totalCents);
    expect(calls[0]!.expiresAt.getTime()).toBeLessThan(order.reservedUntil!.getTime());
    expect(order).toMatchObject({ status: "AWAITING_PAYMENT", reservedUntil: new Date(now.getTime() + CARD_RESERVATION_MINUTES * 60_000) });
    expect(order.payments).toEqual([expect.objectContaining({ provider: "STRIPE", method: "CARD", status: "PENDING", providerSessionId: `cs_test_${order.id}` })]);
    // Not firm yet: no ledger and no seller emails until it is paid.
    expect(await db.ledgerEntry.count({ where: { orderId: order.id } })).toBe(0);
    expect(await emailsAbout(order.number)).toEqual([]);
    expect(await stocks()).toEqual({ ...stocksBefore, coffee: stocksBefore.coffee - 4, honey: stocksBefore.honey - 2 });
    expect(await cartLinesOf(user.id)).toEqual([]);

    // The process "crashed": nobody pays. Before expiry nothing happens.
    expect(await releaseExpiredReservations(new Date(now.getTime() + 39 * 60_000))).toBe(0);
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("AWAITING_PAYMENT");

    expect(await releaseExpiredReservations(new Date(now.getTime() + 41 * 60_000))).toBe(1);
    const released = await db.order.findUniqueOrThrow({ where: { id: order.id }, include: { payments: true, fulfillments: true } });
    expect(released).toMatchObject({ status: "CANCELLED", cancelReason: "The payment was not completed in time.", reservedUntil: null });
    expect(released.payments[0]).toMatchObject({ status: "CANCELLED" });
    expect(released.fulfillments.map((fulfillment) => fulfillment.status)).toEqual(["CANCELLED", "CANCELLED"]);
    expect(await stocks()).toEqual(stocksBefore);

    // A second run, and a late payment webhook, change nothing.
    expect(await releaseExpiredReservations(new Date(now.getTime() + 90 * 60_000))).toBe(0);
    expect(await db.$transaction((tx) => markOrderPaid(tx, order.id, { amountCents: order.totalCents, providerPaymentId: "pi_late", baseUrl: BASE_URL }))).toBe("cancelled");
    expect(await stocks()).toEqual(stocksBefore);
    expect(await db.ledgerEntry.count({ where: { orderId: order.id } })).toBe(0);
  });

  it("cancels the order, returns the stock and the cart, and says nothing was charged when the card page cannot be opened", async () => {
    const { user, buyer } = await shopperWith([
      [cacao().id, 3],
      [honeyJar().id, 1],
    ]);
    const stocksBefore = await stocks();
    const cartBefore = await cartLinesOf(user.id);
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const { gateway } = fakeGateway(() => Promise.reject(new Error("Stripe is down")));
    const form = checkoutForm({ pickupPointId: hub.pickupPoint.id, paymentMethod: "CARD" });
    const attempt = placeOrder(buyer, form, { gateway, baseUrl: BASE_URL });
    await expect(attempt).rejects.toThrow(RuleViolation);
    await expect(attempt).rejects.toThrow(/nothing was charged/);
    expect(logged).toHaveBeenCalled();
    const order = await db.order.findFirstOrThrow({ where: { buyerUserId: user.id }, include: { payments: true } });
    expect(order).toMatchObject({ status: "CANCELLED", cancelReason: "The card payment could not be started." });
    expect(order.payments[0]).toMatchObject({ status: "CANCELLED" });
    expect(await stocks()).toEqual(stocksBefore);
    expect(await cartLinesOf(user.id)).toEqual(expect.arrayContaining(cartBefore));
    expect(await cartLinesOf(user.id)).toHaveLength(2);

    // "Try again" with the same form places a new order rather than returning the cancelled one.
    const retry = await placeOrder(buyer, form, { gateway: fakeGateway().gateway, baseUrl: BASE_URL });
    expect(retry.orderId).not.toBe(order.id);
    expect(retry.payUrl).toBe(`https://checkout.stripe.test/pay/${retry.orderId}`);
    expect((await db.order.findUniqueOrThrow({ where: { id: retry.orderId } })).status).toBe("AWAITING_PAYMENT");
    expect(await stocks()).toEqual({ ...stocksBefore, cacao: stocksBefore.cacao - 3, honey: stocksBefore.honey - 1 });
    expect(await checkout.cancelUnpaidOrder(retry.orderId, "test over")).toBe(true);
  });

  it("never releases a paid order, and writes its ledger once", async () => {
    const { buyer } = await shopperWith([[coffee().id, 5]]);
    const stocksBefore = await stocks();
    const { gateway } = fakeGateway();
    const now = new Date("2025-07-01T09:00:00Z");
    const placed = await placeOrder(buyer, checkoutForm({ pickupPointId: hub.pickupPoint.id, paymentMethod: "CARD" }), { gateway, baseUrl: BASE_URL, now });
    const order = await db.order.findUniqueOrThrow({ where: { id: placed.orderId } });
    const pay = (amountCents: number) =>
      db.$transaction((tx) => markOrderPaid(tx, order.id, { amountCents, providerPaymentId: "pi_123", baseUrl: BASE_URL, now: new Date(now.getTime() + 5 * 60_000) }));
    expect(await pay(order.totalCents - 1)).toBe("amount-mismatch");
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("AWAITING_PAYMENT");
    expect(await pay(order.totalCents)).toBe("paid");
    const ledgerCount = (await expectBalancedLedger(order.id)).length;
    expect(await pay(order.totalCents)).toBe("already-paid");
    expect(await db.ledgerEntry.count({ where: { orderId: order.id } })).toBe(ledgerCount);

    await releaseExpiredReservations(new Date(now.getTime() + 3 * 60 * 60_000));
    const paid = await db.order.findUniqueOrThrow({ where: { id: order.id }, include: { payments: true } });
    expect(paid).toMatchObject({ status: "PAID", reservedUntil: null });
    expect(paid.payments[0]).toMatchObject({ status: "SUCCEEDED", providerPaymentId: "pi_123" });
    expect(await stocks()).toEqual({ ...stocksBefore, coffee: stocksBefore.coffee - 5 });
    // Now firm: the buyer's email, the sellers' notices and the payout transfer are queued, once.
    const emails = await emailsAbout(order.number);
    expect(emails.filter((email) => email.to === "ada@example.org")).toHaveLength(1);
    expect(emails.filter((email) => email.subject === `New order ${order.number} for Sierra Verde`).map((email) => email.to).sort()).toEqual(
      [beans.owner.email, sellerAdmin.email].sort(),
    );
    expect(await db.outboxEvent.count({ where: { topic: "payment.transfers", payload: { contains: order.id } } })).toBe(1);

    // Across everything this file placed: no paid order lacks its lines, fulfilments or ledger.
    expect(await db.order.count({ where: { status: "PAID", OR: [{ lines: { none: {} } }, { fulfillments: { none: {} } }, { ledgerEntries: { none: {} } }] } })).toBe(0);
    expect(await db.order.count({ where: { status: "CONFIRMED", OR: [{ lines: { none: {} } }, { ledgerEntries: { none: {} } }] } })).toBe(0);
  });
});
