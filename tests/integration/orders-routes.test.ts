import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/adapters/db.server";
import { action as dashboardOrdersAction, loader as dashboardOrdersLoader } from "~/routes/dashboard.orders";
import { loader as ledgerCsvLoader } from "~/routes/dashboard.ledger[.]csv";
import { action as orderAction, loader as orderLoader } from "~/routes/orders.$id";
import { loader as ordersLoader } from "~/routes/orders._index";
import { getPricedCart } from "~/services/cart.server";
import { placeOrder } from "~/services/checkout.server";
import {
  buyerOf,
  cartLinesOf,
  checkoutForm,
  createBuyingOrg,
  createDistributor,
  createProducer,
  expectBalancedLedger,
  fakeGateway,
  putInCart,
  stockOf,
} from "../support/commerce";
import { createUser, sessionCookieFor } from "../support/factories";
import { call, flashFrom, get, post, readJson } from "../support/routes";

type User = Awaited<ReturnType<typeof createUser>>;
type Producer = Awaited<ReturnType<typeof createProducer>>;

const BASE_URL = "http://localhost";
let hub: Awaited<ReturnType<typeof createDistributor>>;
let farm: Producer; // sells coffee (cases of 6) and tea
let other: Producer; // another seller, never visible to farm
let farmAdmin: User;
let farmMember: User;
let shopper: User; // buys alone
let coopBuyer: User; // MEMBER of the buying co-op
let coopOwner: User; // OWNER of the buying co-op
let stranger: User;
let admin: User;
let coop: Awaited<ReturnType<typeof createBuyingOrg>>;
let unverifiedCoop: Awaited<ReturnType<typeof createBuyingOrg>>;
const orders: Record<"shopper" | "coopWholesale" | "ownerPersonal" | "strangers", { id: string; number: string }> = {} as never;

const coffee = () => farm.items[0]!.variant;
const tea = () => farm.items[1]!.variant;

async function order(user: User, lines: Array<[string, number, ("UNIT" | "CASE")?]>, organization: typeof coop | null = null, extra: Parameters<typeof checkoutForm>[0] = {}) {
  for (const [variantId, quantity, mode] of lines) await putInCart(user.id, variantId, quantity, mode ?? "UNIT");
  const { gateway } = fakeGateway();
  const placed = await placeOrder(buyerOf(user, organization), checkoutForm({ pickupPointId: hub.pickupPoint.id, ...extra }), {
    gateway: extra.paymentMethod === "CARD" ? gateway : null,
    baseUrl: BASE_URL,
  });
  return { id: placed.orderId, number: placed.number };
}

const cookies = new Map<string, string>();
async function cookieOf(user: User) {
  if (!cookies.has(user.id)) cookies.set(user.id, await sessionCookieFor(user.id));
  return cookies.get(user.id)!;
}

async function orderPage(user: User, id: string) {
  return call(orderLoader, get(`/orders/${id}`, await cookieOf(user)), { params: { id } });
}

async function orderIntent(user: User, id: string, intent: string) {
  return call(orderAction, post(`/orders/${id}`, { intent }, await cookieOf(user)), { params: { id } });
}

beforeAll(async () => {
  [farmAdmin, farmMember, shopper, coopBuyer, coopOwner, stranger] = [
    await createUser(),
    await createUser(),
    await createUser(),
    await createUser(),
    await createUser(),
    await createUser(),
  ];
  admin = await createUser({ isPlatformAdmin: true });
  hub = await createDistributor({ distributorFeeBps: 400 });
  farm = await createProducer(
    {
      name: "Valley Farm",
      members: [
        { userId: farmAdmin.id, role: "ADMIN" },
        { userId: farmMember.id, role: "MEMBER" },
      ],
    },
    [
      { title: "Valley coffee", unitLabel: "1 kg", caseSize: 6, retailPriceCents: 2000, wholesaleCasePriceCents: 10_000, stock: 200 },
      { title: "Valley tea", unitLabel: "100 g", retailPriceCents: 500, stock: 200 },
    ],
  );
  other = await createProducer({ name: "Hill Co-op" }, [{ title: "Hill honey", unitLabel: "jar", retailPriceCents: 800, stock: 50 }]);
  coop = await createBuyingOrg([
    { userId: coopBuyer.id, role: "MEMBER" },
    { userId: coopOwner.id, role: "OWNER" },
  ]);
  unverifiedCoop = await createBuyingOrg([{ userId: stranger.id, role: "OWNER" }], { verified: false });

  orders.shopper = await order(shopper, [[tea().id, 2]]);
  orders.coopWholesale = await order(coopBuyer, [[coffee().id, 2, "CASE"]], coop, { paymentMethod: "BANK_TRANSFER", poNumber: "PO-77" });
  orders.ownerPersonal = await order(coopOwner, [[tea().id, 1]], coop);
  orders.strangers = await order(stranger, [[other.variant.id, 1]]);
});

describe("/orders", () => {
  async function listed(user: User) {
    const response = await call(ordersLoader, get("/orders", await cookieOf(user)));
    expect(response.status).toBe(200);
    const page = await readJson(response);
    return (page.orders as Array<{ id: string }>).map((entry) => entry.id).sort();
  }

  it("lists a buyer's own orders and their buying organisations' orders, nobody else's", async () => {
    expect(await listed(shopper)).toEqual([orders.shopper.id]);
    // The co-op's wholesale order is listed for every member; the owner's personal order only for the owner.
    expect(await listed(coopBuyer)).toEqual([orders.coopWholesale.id]);
    expect(await listed(coopOwner)).toEqual([orders.coopWholesale.id, orders.ownerPersonal.id].sort());
    expect(await listed(farmMember)).toEqual([]);
  });

  it("sends a logged-out visitor to log in", async () => {
    const response = await call(ordersLoader, get("/orders"));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/login?redirectTo=%2Forders");
  });
});

describe("/orders/:id", () => {
  it("shows an order to its buyer, the buying organisation's members and platform admins; 404 to anyone else", async () => {
    const own = await readJson(await orderPage(shopper, orders.shopper.id));
    expect(own.order).toMatchObject({ id: orders.shopper.id, number: orders.shopper.number });
    expect(own.order.ledgerEntries.length).toBeGreaterThan(0);
    expect((await orderPage(coopOwner, orders.coopWholesale.id)).status).toBe(200);
    expect((await orderPage(admin, orders.strangers.id)).status).toBe(200);
    for (const [user, id] of [
      [stranger, orders.shopper.id],
      [coopBuyer, orders.ownerPersonal.id],
      [farmAdmin, orders.shopper.id], // sellers use the dashboard, not the buyer's page
      [shopper, "no-such-order"],
    ] as const) {
      expect((await orderPage(user, id)).status).toBe(404);
    }
  });

  it("refuses any action on someone else's order with a 404", async () => {
    for (const intent of ["cancel", "reorder", "record-payment"]) {
      expect((await orderIntent(stranger, orders.shopper.id, intent)).status).toBe(404);
    }
    expect((await db.order.findUniqueOrThrow({ where: { id: orders.shopper.id } })).status).toBe("CONFIRMED");
    expect(await cartLinesOf(stranger.id)).toEqual([]);
  });

  it("answers an unknown intent with 400", async () => {
    expect((await orderIntent(shopper, orders.shopper.id, "refund")).status).toBe(400);
  });
});

describe("cancelling", () => {
  it("lets only the buyer cancel, only while awaiting payment, and puts the goods back into their cart", async () => {
    const stockBefore = await stockOf(coffee().id);
    const card = await order(coopBuyer, [[coffee().id, 1, "CASE"]], coop, { paymentMethod: "CARD" });
    expect(await stockOf(coffee().id)).toBe(stockBefore - 6);

    // A fellow member sees the organisation's order but did not place it.
    const byColleague = await orderIntent(coopOwner, card.id, "cancel");
    expect(byColleague.status).toBe(403);
    expect((await db.order.findUniqueOrThrow({ where: { id: card.id } })).status).toBe("AWAITING_PAYMENT");

    const byBuyer = await orderIntent(coopBuyer, card.id, "cancel");
    expect(byBuyer.status).toBe(302);
    expect(byBuyer.headers.get("Location")).toBe("/cart");
    expect(await flashFrom(byBuyer)).toEqual({ kind: "success", text: `Order ${card.number} is cancelled; its goods are back in your cart.` });
    expect(await db.order.findUniqueOrThrow({ where: { id: card.id } })).toMatchObject({ status: "CANCELLED", cancelReason: "Cancelled by the buyer before paying." });
    expect(await stockOf(coffee().id)).toBe(stockBefore);
    expect(await cartLinesOf(coopBuyer.id)).toEqual([{ variantId: coffee().id, mode: "CASE", quantity: 1 }]);

    // Cancelling twice does nothing more.
    const again = await orderIntent(coopBuyer, card.id, "cancel");
    expect((await flashFrom(again))?.kind).toBe("error");
    expect(await stockOf(coffee().id)).toBe(stockBefore);
    expect(await cartLinesOf(coopBuyer.id)).toEqual([{ variantId: coffee().id, mode: "CASE", quantity: 1 }]);
    await db.cartLine.deleteMany({ where: { cart: { userId: coopBuyer.id } } });
  });

  it("does not cancel a confirmed (offline) order", async () => {
    const response = await orderIntent(shopper, orders.shopper.id, "cancel");
    expect(response.headers.get("Location")).toBe(`/orders/${orders.shopper.id}`);
    expect(await flashFrom(response)).toEqual({ kind: "error", text: "This order can no longer be cancelled here: it is already paid or cancelled." });
    expect((await db.order.findUniqueOrThrow({ where: { id: orders.shopper.id } })).status).toBe("CONFIRMED");
    expect(await cartLinesOf(shopper.id)).toEqual([]);
  });
});

describe("ordering again", () => {
  it("puts the lines back at today's prices and says which could not be added", async () => {
    const buyer = await createUser();
    const gone = await createProducer({ name: "Gone Farm" }, [
      { title: "Archived jam", unitLabel: "jar", retailPriceCents: 400 },
      { title: "Sold-out oil", unitLabel: "bottle", retailPriceCents: 900 },
      { title: "Deleted salt", unitLabel: "box", retailPriceCents: 300 },
    ]);
    const [jam, oil, salt] = gone.items;
    const past = await order(buyer, [
      [tea().id, 3],
      [jam!.variant.id, 1],
      [oil!.variant.id, 2],
      [salt!.variant.id, 1],
    ]);
    // Since then: tea got dearer, the jam was archived, the oil sold out, the salt variant was deleted.
    await db.variant.update({ where: { id: tea().id }, data: { retailPriceCents: 550 } });
    await db.product.update({ where: { id: jam!.product.id }, data: { status: "ARCHIVED" } });
    await db.variant.update({ where: { id: oil!.variant.id }, data: { stock: 0 } });
    await db.variant.delete({ where: { id: salt!.variant.id } });

    const response = await orderIntent(buyer, past.id, "reorder");
    expect(response.headers.get("Location")).toBe("/cart");
    expect(await flashFrom(response)).toEqual({
      kind: "info",
      text: `Added 1 item from ${past.number} at today's prices. Not added: That product is no longer sold. Sold-out oil (bottle) is out of stock. Deleted salt is no longer sold.`,
    });
    expect(await cartLinesOf(buyer.id)).toEqual([{ variantId: tea().id, mode: "UNIT", quantity: 3 }]);
    const cart = await getPricedCart({ userId: buyer.id, guestCartId: null }, { canBuyWholesale: false });
    expect(cart.groups[0]!.lines[0]).toMatchObject({ unitPriceCents: 550, lineTotalCents: 1650 });
    // The past order keeps what was paid.
    const kept = await db.orderLine.findFirstOrThrow({ where: { orderId: past.id, variantId: tea().id } });
    expect(kept).toMatchObject({ unitPriceCents: 500, lineTotalCents: 1500 });
    await db.variant.update({ where: { id: tea().id }, data: { retailPriceCents: 500 } });
  });

  it("says so, and stays on the order, when nothing could be added", async () => {
    const buyer = await createUser();
    const scarce = await createProducer({}, [{ title: "Last loaf", unitLabel: "loaf", stock: 1 }]);
    const past = await order(buyer, [[scarce.variant.id, 1]]);
    const response = await orderIntent(buyer, past.id, "reorder");
    expect(response.headers.get("Location")).toBe(`/orders/${past.id}`);
    expect(await flashFrom(response)).toEqual({ kind: "error", text: "Nothing could be added: Last loaf (loaf) is out of stock." });
    expect(await cartLinesOf(buyer.id)).toEqual([]);
  });

  it("re-orders case lines only for a member of a verified organisation", async () => {
    const response = await orderIntent(coopOwner, orders.coopWholesale.id, "reorder");
    expect(await flashFrom(response)).toMatchObject({ kind: "success" });
    expect(await cartLinesOf(coopOwner.id)).toEqual([{ variantId: coffee().id, mode: "CASE", quantity: 2 }]);
    await db.cartLine.deleteMany({ where: { cart: { userId: coopOwner.id } } });
  });
});

describe("recording an offline payment", () => {
  it("is refused to anyone but a platform admin", async () => {
    for (const user of [shopper, farmAdmin]) {
      const response = await call(orderAction, post(`/orders/${orders.shopper.id}`, { intent: "record-payment" }, await cookieOf(user)), {
        params: { id: orders.shopper.id },
      });
      // The seller cannot even see the buyer's page (404); the buyer may see it but not record payment (403).
      expect(response.status).toBe(user === shopper ? 403 : 404);
    }
    expect((await db.order.findUniqueOrThrow({ where: { id: orders.shopper.id } })).status).toBe("CONFIRMED");
  });

  it("turns a confirmed order into a paid one without writing its ledger twice", async () => {
    const ledgerBefore = await db.ledgerEntry.findMany({ where: { orderId: orders.shopper.id }, orderBy: { id: "asc" } });
    expect(ledgerBefore.length).toBeGreaterThan(0);
    const response = await orderIntent(admin, orders.shopper.id, "record-payment");
    expect(await flashFrom(response)).toEqual({ kind: "success", text: `Payment recorded: ${orders.shopper.number} is paid.` });
    const paid = await db.order.findUniqueOrThrow({ where: { id: orders.shopper.id }, include: { payments: true } });
    expect(paid.status).toBe("PAID");
    expect(paid.paidAt).toBeInstanceOf(Date);
    expect(paid.payments).toEqual([expect.objectContaining({ status: "SUCCEEDED", provider: "OFFLINE" })]);
    expect(await db.ledgerEntry.findMany({ where: { orderId: orders.shopper.id }, orderBy: { id: "asc" } })).toEqual(ledgerBefore);
    await expectBalancedLedger(orders.shopper.id);
    // The buyer hears the money arrived; offline sellers were told when the order was placed, not again.
    const emails = await db.outboxEvent.findMany({ where: { topic: "email.send", payload: { contains: `Payment received for order ${orders.shopper.number}` } } });
    expect(emails).toHaveLength(1);
    expect(await db.outboxEvent.count({ where: { topic: "payment.transfers", payload: { contains: orders.shopper.id } } })).toBe(0);

    const again = await orderIntent(admin, orders.shopper.id, "record-payment");
    expect(await flashFrom(again)).toEqual({ kind: "error", text: `${orders.shopper.number} was already paid.` });
    expect(await db.ledgerEntry.count({ where: { orderId: orders.shopper.id } })).toBe(ledgerBefore.length);
  });

  it("leaves card orders to Stripe", async () => {
    const card = await order(shopper, [[tea().id, 1]], null, { paymentMethod: "CARD" });
    const response = await orderIntent(admin, card.id, "record-payment");
    expect(await flashFrom(response)).toEqual({ kind: "error", text: "Card payments are recorded by Stripe, not by hand." });
    expect((await db.order.findUniqueOrThrow({ where: { id: card.id } })).status).toBe("AWAITING_PAYMENT");
    await orderIntent(shopper, card.id, "cancel");
    await db.cartLine.deleteMany({ where: { cart: { userId: shopper.id } } });
  });
});

describe("/dashboard/orders", () => {
  async function sellerView(user: User) {
    const response = await call(dashboardOrdersLoader, get("/dashboard/orders", await cookieOf(user)));
    expect(response.status).toBe(200);
    return readJson(response);
  }

  it("shows a seller its own fulfilments of confirmed and paid orders, never another seller's", async () => {
    const view = await sellerView(farmMember);
    const numbers = (view.sales.fulfillments as Array<{ order: { number: string; status: string } }>).map((fulfillment) => fulfillment.order.number);
    expect(numbers).toEqual(expect.arrayContaining([orders.shopper.number, orders.coopWholesale.number, orders.ownerPersonal.number]));
    expect(numbers).not.toContain(orders.strangers.number);
    const mine = await db.fulfillment.findMany({ where: { sellerOrganizationId: farm.organization.id, order: { status: { in: ["CONFIRMED", "PAID"] } } } });
    expect(view.sales.total).toBe(mine.length);
    for (const fulfillment of view.sales.fulfillments) expect(fulfillment.sellerOrganizationId).toBe(farm.organization.id);
    // Cancelled card orders are not work to prepare.
    expect(view.sales.fulfillments.every((fulfillment: { order: { status: string } }) => ["CONFIRMED", "PAID"].includes(fulfillment.order.status))).toBe(true);
    expect(view.sales.earnedCents).toBe(mine.reduce((sum, fulfillment) => sum + fulfillment.sellerPayoutCents, 0));
    // A member sees the orders but may not manage invoice terms.
    expect(view.canManage).toBe(false);
    expect(view.terms).toBeNull();

    const theirs = await sellerView(other.owner);
    expect((theirs.sales.fulfillments as Array<{ order: { number: string } }>).map((fulfillment) => fulfillment.order.number)).toEqual([orders.strangers.number]);
  });

  it("lets owners and admins grant and revoke invoice terms, only to verified buyers; members get 403", async () => {
    const grant = { intent: "grant-terms", buyerOrganizationId: coop.id, netDays: "30" };
    const byMember = await call(dashboardOrdersAction, post("/dashboard/orders", grant, await cookieOf(farmMember)));
    expect(byMember.status).toBe(403);
    expect(await db.creditTerms.count({ where: { sellerOrganizationId: farm.organization.id } })).toBe(0);

    const adminView = await sellerView(farmAdmin);
    expect(adminView.canManage).toBe(true);
    const candidates = (adminView.terms.candidates as Array<{ id: string }>).map((candidate) => candidate.id);
    expect(candidates).toContain(coop.id);
    expect(candidates).not.toContain(unverifiedCoop.id);

    const granted = await call(dashboardOrdersAction, post("/dashboard/orders", grant, await cookieOf(farmAdmin)));
    expect(await flashFrom(granted)).toEqual({ kind: "success", text: `${coop.name} may now order from Valley Farm on invoice, net 30 days.` });
    const terms = await db.creditTerms.findFirstOrThrow({ where: { sellerOrganizationId: farm.organization.id, buyerOrganizationId: coop.id } });
    expect(terms).toMatchObject({ netDays: 30, approvedById: farmAdmin.id });

    const unverified = await call(
      dashboardOrdersAction,
      post("/dashboard/orders", { ...grant, buyerOrganizationId: unverifiedCoop.id }, await cookieOf(farmAdmin)),
    );
    expect(await flashFrom(unverified)).toEqual({ kind: "error", text: "Invoice terms are only for organisations the platform has verified." });
    const badDays = await call(dashboardOrdersAction, post("/dashboard/orders", { ...grant, netDays: "3" }, await cookieOf(farmAdmin)));
    expect(await flashFrom(badDays)).toEqual({ kind: "error", text: "At least 7 days" });
    expect(await db.creditTerms.count({ where: { sellerOrganizationId: farm.organization.id } })).toBe(1);

    const revoke = { intent: "revoke-terms", termsId: terms.id };
    expect((await call(dashboardOrdersAction, post("/dashboard/orders", revoke, await cookieOf(farmMember)))).status).toBe(403);
    // Another seller cannot withdraw Valley Farm's terms.
    const byOtherSeller = await call(dashboardOrdersAction, post("/dashboard/orders", revoke, await cookieOf(other.owner)));
    expect(await flashFrom(byOtherSeller)).toEqual({ kind: "error", text: "Those invoice terms were already withdrawn." });
    expect(await db.creditTerms.count({ where: { id: terms.id } })).toBe(1);

    const revoked = await call(dashboardOrdersAction, post("/dashboard/orders", revoke, await cookieOf(farm.owner)));
    expect((await flashFrom(revoked))?.kind).toBe("success");
    expect(await db.creditTerms.count({ where: { id: terms.id } })).toBe(0);
  });
});

describe("/dashboard/ledger.csv", () => {
  async function csvFor(user: User) {
    const response = await call(ledgerCsvLoader, get("/dashboard/ledger.csv", await cookieOf(user)));
    const bytes = response.status === 200 ? new Uint8Array(await response.arrayBuffer()) : new Uint8Array();
    return { response, bytes, text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes) };
  }

  it("exports one row per ledger entry of the organisation only, in cents, with formula-like text escaped", async () => {
    // A manual adjustment pair whose descriptions a spreadsheet would run as formulas.
    await db.ledgerEntry.createMany({
      data: [
        { orderId: orders.coopWholesale.id, account: "SELLER", organizationId: farm.organization.id, amountCents: 250, description: "=HYPERLINK(\"http://evil.example\",\"x\")" },
        { orderId: orders.coopWholesale.id, account: "SELLER", organizationId: farm.organization.id, amountCents: -250, description: "@SUM(A1:A9)" },
      ],
    });
    const { response, bytes, text } = await csvFor(farm.owner);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toBe(`attachment; filename="${farm.organization.slug}-ledger.csv"`);
    // A UTF-8 byte order mark, so spreadsheets read "Lindenstraße" right.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parse(text, { bom: true }) as string[][];
    expect(header).toEqual(["date", "order", "account", "amount_cents", "amount", "currency", "description"]);

    const entries = await db.ledgerEntry.findMany({ where: { organizationId: farm.organization.id }, include: { order: { select: { number: true } } } });
    expect(rows).toHaveLength(entries.length);
    expect(rows.map((row) => row[1]).sort()).toEqual(entries.map((entry) => entry.order.number).sort());
    expect(rows.map((row) => row[1])).not.toContain(orders.strangers.number);
    for (const row of rows) expect(row[2]).toBe("SELLER");
    const positive = rows.filter((row) => !row[3]!.includes("-"));
    for (const row of positive) {
      expect(row[3]).toMatch(/^\d+$/);
      expect(row[4]).toBe((Number(row[3]) / 100).toFixed(2));
    }
    // (Negative amounts currently come out as "'-250": see the buying organisation's test below.)
    expect(rows.reduce((sum, row) => sum + Number(row[3]!.replace(/^'/, "")), 0)).toBe(entries.reduce((sum, entry) => sum + entry.amountCents, 0));
    const descriptions = rows.map((row) => row[6]);
    expect(descriptions).toContain("'=HYPERLINK(\"http://evil.example\",\"x\")");
    expect(descriptions).toContain("'@SUM(A1:A9)");
    expect(descriptions).toContain(`Payout for Valley Farm goods in order ${orders.shopper.number}`);
  });

  it("writes a buying organisation's payments as negative amounts that stay numbers", async () => {
    const { response, text } = await csvFor(coopOwner);
    expect(response.status).toBe(200);
    const [, ...rows] = parse(text, { bom: true }) as string[][];
    const wholesale = await db.order.findUniqueOrThrow({ where: { id: orders.coopWholesale.id } });
    expect(rows).toEqual([[expect.any(String), wholesale.number, "BUYER", `-${wholesale.totalCents}`, `-${(wholesale.totalCents / 100).toFixed(2)}`, "EUR", `Payment for order ${wholesale.number}`]]);
  });

  it("is for owners and admins only", async () => {
    expect((await csvFor(farmMember)).response.status).toBe(403);
    expect((await csvFor(farmAdmin)).response.status).toBe(200);
    expect((await csvFor(coopBuyer)).response.status).toBe(403);
  });
});
