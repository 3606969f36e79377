import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/adapters/db.server";
import { RuleViolation } from "~/domain/errors";
import { loader as csvLoader } from "~/routes/dashboard.fulfilment[.]csv";
import { action as fulfilmentAction, loader as fulfilmentLoader } from "~/routes/dashboard.fulfilment";
import { placeOrder } from "~/services/checkout.server";
import { advanceFulfillment } from "~/services/fulfilment.server";
import { buyerOf, checkoutForm, createDistributor, createProducer, putInCart } from "../support/commerce";
import { createBuyingOrg } from "../support/commerce";
import { createUser, sessionCookieFor } from "../support/factories";
import { call, flashFrom, get, post, readJson } from "../support/routes";

const BASE_URL = "http://localhost";
// Wednesday 5 March 2025; with two lead days and Thu/Sat delivery, the next delivery day is Saturday 8 March.
const WEDNESDAY = new Date("2025-03-05T10:00:00Z");
const SATURDAY = "2025-03-08";
// Friday 7 March: Sunday is the earliest, so the following Thursday.
const FRIDAY = new Date("2025-03-07T10:00:00Z");
const NEXT_THURSDAY = "2025-03-13";

type Producer = Awaited<ReturnType<typeof createProducer>>;
type Distributor = Awaited<ReturnType<typeof createDistributor>>;
let beans: Producer; // coffee and cacao
let honey: Producer;
let hub: Distributor; // Thu/Sat, 5% handling, delivers for €4.50
let otherHub: Distributor;
let hubCookie: string;
let otherHubCookie: string;
const placed: Record<"ada" | "ben" | "cleo" | "dan" | "eve", { orderId: string; number: string }> = {} as never;

const coffee = () => beans.items[0]!.variant;
const cacao = () => beans.items[1]!.variant;
const jar = () => honey.variant;

async function order(
  name: string,
  lines: Array<[variantId: string, quantity: number]>,
  handover: { pickupPointId: string } | { deliveryDistributorId: string },
  now: Date,
) {
  const user = await createUser({ name });
  for (const [variantId, quantity] of lines) await putInCart(user.id, variantId, quantity);
  const email = `${name.toLowerCase()}@example.org`;
  const form =
    "pickupPointId" in handover
      ? checkoutForm({ contactName: name, contactEmail: email, pickupPointId: handover.pickupPointId })
      : checkoutForm({
          contactName: name,
          contactEmail: email,
          handover: "DELIVERY",
          deliveryDistributorId: handover.deliveryDistributorId,
          deliveryAddress: "Lindenstraße 5",
          deliveryPostcode: "10969",
          deliveryCity: "Berlin",
          deliveryCountry: "DE",
          paymentMethod: "BANK_TRANSFER",
        });
  const result = await placeOrder(buyerOf(user), form, { gateway: null, baseUrl: BASE_URL, now });
  return { orderId: result.orderId, number: result.number };
}

async function fulfilmentOf(orderNumber: string, sellerId: string) {
  return db.fulfillment.findFirstOrThrow({
    where: { order: { number: orderNumber }, sellerOrganizationId: sellerId },
    include: { lines: { orderBy: { productTitle: "asc" } } },
  });
}

async function emailsTo(address: string) {
  const events = await db.outboxEvent.findMany({ where: { topic: "email.send" }, orderBy: { createdAt: "asc" } });
  return events.map((event) => JSON.parse(event.payload) as { to: string; subject: string; text: string }).filter((email) => email.to === address);
}

/** Posts the step as the page does: `from` is the status the page showed (the fulfilment's current one by default). */
async function advance(fields: Record<string, string>, cookie = hubCookie) {
  const shown = fields.from ?? (await db.fulfillment.findUnique({ where: { id: fields.fulfillmentId }, select: { status: true } }))?.status ?? "AWAITING_GOODS";
  const response = await call(fulfilmentAction, post("/dashboard/fulfilment", { ...fields, from: shown }, cookie));
  return { response, flash: await flashFrom(response) };
}

/** Everything advancing could change, to prove a refusal changed nothing. */
async function snapshot() {
  const [fulfillments, lines, ledger, outbox] = await Promise.all([
    db.fulfillment.findMany({ select: { id: true, status: true }, orderBy: { id: "asc" } }),
    db.orderLine.findMany({ select: { id: true, shortUnits: true }, orderBy: { id: "asc" } }),
    db.ledgerEntry.count(),
    db.outboxEvent.count(),
  ]);
  return { fulfillments, lines, ledger, outbox };
}

beforeAll(async () => {
  beans = await createProducer({ name: "Sierra Verde" }, [
    { title: "Washed Caturra", unitLabel: "250 g bag", retailPriceCents: 1290, stock: 400 },
    { title: "Cacao nibs", unitLabel: "200 g bag", retailPriceCents: 650, stock: 300 },
  ]);
  honey = await createProducer({ name: "Bee Collective" }, [{ title: "Forest honey", unitLabel: "500 g jar", retailPriceCents: 899, stock: 300 }]);
  hub = await createDistributor({ name: "Harbour Food Hub", distributorFeeBps: 500, deliveryFeeCents: 450 });
  await db.organization.update({ where: { id: hub.organization.id }, data: { deliveryWeekdays: "4,6" } });
  otherHub = await createDistributor({ name: "Valley Hub", distributorFeeBps: 500 });
  await db.organization.update({ where: { id: otherHub.organization.id }, data: { deliveryWeekdays: "6" } });
  hubCookie = await sessionCookieFor(hub.owner.id);
  otherHubCookie = await sessionCookieFor(otherHub.owner.id);

  placed.ada = await order("Ada", [[coffee().id, 3], [jar().id, 1]], { pickupPointId: hub.pickupPoint.id }, WEDNESDAY);
  placed.ben = await order("Ben", [[coffee().id, 2], [cacao().id, 1]], { pickupPointId: hub.pickupPoint.id }, WEDNESDAY);
  placed.cleo = await order("Cleo", [[coffee().id, 1], [jar().id, 2]], { deliveryDistributorId: hub.organization.id }, WEDNESDAY);
  // Another day at the same hub, and the same day at another hub: neither belongs in Saturday's shared order.
  placed.dan = await order("Dan", [[cacao().id, 5]], { pickupPointId: hub.pickupPoint.id }, FRIDAY);
  placed.eve = await order("Eve", [[coffee().id, 7]], { pickupPointId: otherHub.pickupPoint.id }, WEDNESDAY);
});

describe("delivery dates at checkout", () => {
  it("sets each order's delivery date to the distributor's next delivery weekday after the lead days", async () => {
    const dates = await db.order.findMany({ select: { number: true, deliveryDate: true } });
    const byNumber = Object.fromEntries(dates.map((row) => [row.number, row.deliveryDate?.toISOString()]));
    expect(byNumber).toEqual({
      [placed.ada.number]: `${SATURDAY}T00:00:00.000Z`,
      [placed.ben.number]: `${SATURDAY}T00:00:00.000Z`,
      [placed.cleo.number]: `${SATURDAY}T00:00:00.000Z`, // delivered orders too
      [placed.dan.number]: `${NEXT_THURSDAY}T00:00:00.000Z`,
      [placed.eve.number]: `${SATURDAY}T00:00:00.000Z`,
    });
  });
});

describe("the /dashboard/fulfilment page", () => {
  it("shows the distributor one shared order per day: inbound per producer, outbound per pickup point and buyer", async () => {
    const response = await call(fulfilmentLoader, get(`/dashboard/fulfilment?day=${SATURDAY}`, hubCookie));
    expect(response.status).toBe(200);
    const data = await readJson(response);
    expect(data.day).toBe(SATURDAY);
    expect(data.days).toEqual([
      { value: SATURDAY, orders: 3 },
      { value: NEXT_THURSDAY, orders: 1 },
    ]);
    expect(data.shared.totals).toMatchObject({ orders: 3, units: 3 + 1 + 2 + 1 + 1 + 2 });
    expect(data.shared.inbound).toEqual([
      expect.objectContaining({
        seller: { id: honey.organization.id, name: "Bee Collective" },
        fulfillments: 2,
        received: 0,
        items: [{ sku: jar().sku, productTitle: "Forest honey", unitLabel: "500 g jar", units: 3, shortUnits: 0 }],
      }),
      expect.objectContaining({
        seller: { id: beans.organization.id, name: "Sierra Verde" },
        fulfillments: 3,
        received: 0,
        items: expect.arrayContaining([
          { sku: coffee().sku, productTitle: "Washed Caturra", unitLabel: "250 g bag", units: 6, shortUnits: 0 },
          { sku: cacao().sku, productTitle: "Cacao nibs", unitLabel: "200 g bag", units: 1, shortUnits: 0 },
        ]),
      }),
    ]);
    expect(data.shared.inbound[1].items).toHaveLength(2);
    const outbound = data.shared.outbound.map((destination: any) => ({
      label: destination.label,
      orders: destination.orders.map((entry: any) => [entry.number, entry.contactName, entry.fulfillments.map((part: any) => part.seller.name).sort()]),
    }));
    expect(outbound).toEqual(
      expect.arrayContaining([
        {
          label: `${hub.pickupPoint.name}, Hamburg`,
          orders: expect.arrayContaining([
            [placed.ada.number, "Ada", ["Bee Collective", "Sierra Verde"]],
            [placed.ben.number, "Ben", ["Sierra Verde"]],
          ]),
        },
        { label: "Home delivery", orders: [[placed.cleo.number, "Cleo", ["Bee Collective", "Sierra Verde"]]] },
      ]),
    );
    expect(outbound).toHaveLength(2);
    expect(outbound[0].orders).toHaveLength(outbound[0].label === "Home delivery" ? 1 : 2);
  });

  it("defaults to a delivery day when none is asked for", async () => {
    const data = await readJson(await call(fulfilmentLoader, get("/dashboard/fulfilment", hubCookie)));
    // Both days are in the past relative to the real clock, so the latest is shown.
    expect(data.day).toBe(NEXT_THURSDAY);
    expect(data.shared.orders.map((entry: any) => entry.number)).toEqual([placed.dan.number]);
  });

  it("shows another distributor none of it", async () => {
    const data = await readJson(await call(fulfilmentLoader, get(`/dashboard/fulfilment?day=${SATURDAY}`, otherHubCookie)));
    expect(data.days).toEqual([{ value: SATURDAY, orders: 1 }]);
    expect(data.shared.orders.map((entry: any) => entry.number)).toEqual([placed.eve.number]);
    expect(JSON.stringify(data)).not.toContain(placed.ada.number);
    expect(JSON.stringify(data)).not.toContain("Bee Collective");
  });

  it("refuses producers and buying organisations with a 403", async () => {
    const producerResponse = await call(fulfilmentLoader, get(`/dashboard/fulfilment?day=${SATURDAY}`, await sessionCookieFor(beans.owner.id)));
    expect(producerResponse.status).toBe(403);
    const shopper = await createUser();
    await createBuyingOrg([{ userId: shopper.id, role: "OWNER" }]);
    const buyerCookie = await sessionCookieFor(shopper.id);
    expect((await call(fulfilmentLoader, get(`/dashboard/fulfilment?day=${SATURDAY}`, buyerCookie))).status).toBe(403);
    expect((await call(csvLoader, get(`/dashboard/fulfilment.csv?day=${SATURDAY}`, buyerCookie))).status).toBe(403);
    const before = await snapshot();
    const fulfilment = await fulfilmentOf(placed.ada.number, beans.organization.id);
    expect((await call(fulfilmentAction, post("/dashboard/fulfilment", { fulfillmentId: fulfilment.id, day: SATURDAY }, buyerCookie))).status).toBe(403);
    expect(await snapshot()).toEqual(before);
  });
});

describe("advancing a fulfilment", () => {
  it("refuses bad short-unit input with a flash error and changes nothing", async () => {
    const fulfilment = await fulfilmentOf(placed.ben.number, beans.organization.id);
    const coffeeLine = fulfilment.lines.find((line) => line.sku === coffee().sku)!; // 2 units
    const before = await snapshot();
    for (const value of ["-1", "1.5", "3", "abc"]) {
      const { response, flash } = await advance({ fulfillmentId: fulfilment.id, day: SATURDAY, [`short.${coffeeLine.id}`]: value });
      expect(response.status).toBe(302);
      expect(response.headers.get("Location")).toBe(`/dashboard/fulfilment?day=${SATURDAY}`);
      expect(flash, `short=${value}`).toMatchObject({ kind: "error", text: expect.stringMatching(/whole number/) });
      expect(await snapshot()).toEqual(before);
    }
  });

  it("records a short shipment on receipt, refunds the buyer through a balanced ledger and emails them", async () => {
    const fulfilment = await fulfilmentOf(placed.ada.number, beans.organization.id); // 3 × coffee = 3870
    const coffeeLine = fulfilment.lines[0]!;
    const orderBefore = await db.order.findUniqueOrThrow({ where: { id: placed.ada.orderId } });
    const ledgerBefore = await db.ledgerEntry.count({ where: { orderId: placed.ada.orderId } });

    const { flash } = await advance({ fulfillmentId: fulfilment.id, day: SATURDAY, [`short.${coffeeLine.id}`]: "1" });
    expect(flash).toMatchObject({ kind: "success" });
    expect(flash!.text).toMatch(/received/);

    const after = await fulfilmentOf(placed.ada.number, beans.organization.id);
    expect(after.status).toBe("RECEIVED");
    expect(after.lines[0]!.shortUnits).toBe(1);

    const refundEntries = await db.ledgerEntry.findMany({ where: { orderId: placed.ada.orderId, fulfillmentId: fulfilment.id, description: { contains: "short shipment" } } });
    // One coffee (1290) of 3870: seller 3754/3870, platform 77, solidarity 39 of the goods; handling 5% of 1290 = 64.
    const byAccount = Object.fromEntries(refundEntries.map((entry) => [entry.account, entry.amountCents]));
    expect(byAccount.BUYER).toBe(1290 + 64);
    expect(byAccount.DISTRIBUTOR).toBe(-64);
    expect(byAccount.SELLER! + byAccount.PLATFORM! + byAccount.SOLIDARITY_FUND!).toBe(-1290);
    for (const account of ["SELLER", "PLATFORM", "SOLIDARITY_FUND", "DISTRIBUTOR"]) expect(byAccount[account]).toBeLessThan(0);
    expect(refundEntries.find((entry) => entry.account === "SELLER")!.organizationId).toBe(beans.organization.id);
    expect(refundEntries.find((entry) => entry.account === "DISTRIBUTOR")!.organizationId).toBe(hub.organization.id);
    expect(await db.ledgerEntry.count({ where: { orderId: placed.ada.orderId } })).toBe(ledgerBefore + 5);

    const ledger = await db.ledgerEntry.findMany({ where: { orderId: placed.ada.orderId } });
    expect(ledger.reduce((sum, entry) => sum + entry.amountCents, 0)).toBe(0);
    const buyerNet = ledger.filter((entry) => entry.account === "BUYER").reduce((sum, entry) => sum + entry.amountCents, 0);
    expect(buyerNet).toBe(-(orderBefore.totalCents - 1354));

    const [email] = (await emailsTo("ada@example.org")).filter((entry) => entry.subject.includes("could not be supplied"));
    expect(email).toMatchObject({ subject: `Part of order ${placed.ada.number} could not be supplied` });
    expect(email!.text).toContain("Sierra Verde");
    expect(email!.text).toMatch(/13[.,]54/);
    expect(email!.text).toContain(`/orders/${placed.ada.orderId}`);

    // The shared order now shows the shortage and one receipt.
    const data = await readJson(await call(fulfilmentLoader, get(`/dashboard/fulfilment?day=${SATURDAY}`, hubCookie)));
    const sierra = data.shared.inbound.find((entry: any) => entry.seller.name === "Sierra Verde");
    expect(sierra.received).toBe(1);
    expect(sierra.items.find((item: any) => item.sku === coffee().sku)).toMatchObject({ units: 6, shortUnits: 1 });
  });

  it("receives without a refund when nothing is short", async () => {
    const fulfilment = await fulfilmentOf(placed.ada.number, honey.organization.id);
    const ledgerBefore = await db.ledgerEntry.count();
    const { flash } = await advance({ fulfillmentId: fulfilment.id, day: SATURDAY, [`short.${fulfilment.lines[0]!.id}`]: "" });
    expect(flash).toMatchObject({ kind: "success" });
    expect(flash!.text).not.toMatch(/refunded/);
    expect((await fulfilmentOf(placed.ada.number, honey.organization.id)).status).toBe("RECEIVED");
    expect(await db.ledgerEntry.count()).toBe(ledgerBefore);
  });

  it("moves one step at a time: a post cannot skip ahead", async () => {
    const fulfilment = await fulfilmentOf(placed.ben.number, honey.organization.id).catch(() => null);
    expect(fulfilment).toBeNull(); // Ben bought no honey
    const target = await fulfilmentOf(placed.cleo.number, honey.organization.id);
    await advance({ fulfillmentId: target.id, day: SATURDAY, status: "DELIVERED" });
    expect((await fulfilmentOf(placed.cleo.number, honey.organization.id)).status).toBe("RECEIVED");
    await expect(advanceFulfillment(hub.organization.id, target.id, "RECEIVED", {}, BASE_URL)).resolves.toMatchObject({ status: "PACKED" });
  });

  it("refuses to advance another distributor's fulfilment: flash error, nothing changed", async () => {
    const fulfilment = await fulfilmentOf(placed.ben.number, beans.organization.id);
    const before = await snapshot();
    const { flash } = await advance({ fulfillmentId: fulfilment.id, day: SATURDAY, [`short.${fulfilment.lines[0]!.id}`]: "1" }, otherHubCookie);
    expect(flash).toMatchObject({ kind: "error", text: "That shared order is not handled by your organisation." });
    expect(await snapshot()).toEqual(before);
    await expect(advanceFulfillment(otherHub.organization.id, fulfilment.id, "AWAITING_GOODS", {}, BASE_URL)).rejects.toBeInstanceOf(RuleViolation);
    const unknown = await advance({ fulfillmentId: "no-such-fulfilment", day: SATURDAY });
    expect(unknown.flash).toMatchObject({ kind: "error" });
    expect(await snapshot()).toEqual(before);
  });

  // Both say they advance from AWAITING_GOODS: the second finds RECEIVED and is refused, rather than packing the goods
  // (and dropping its short units).
  it("lets only one of two concurrent advances from the same state through", async () => {
    const fulfilment = await fulfilmentOf(placed.ben.number, beans.organization.id);
    expect(fulfilment.status).toBe("AWAITING_GOODS");
    const results = await Promise.allSettled([
      advanceFulfillment(hub.organization.id, fulfilment.id, "AWAITING_GOODS", {}, BASE_URL),
      advanceFulfillment(hub.organization.id, fulfilment.id, "AWAITING_GOODS", {}, BASE_URL),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
    const rejected = results.find((result): result is PromiseRejectedResult => result.status === "rejected")!;
    expect(rejected.reason).toBeInstanceOf(RuleViolation);
    // Both clicks meant "mark received": the goods must not end up packed.
    expect((await fulfilmentOf(placed.ben.number, beans.organization.id)).status).toBe("RECEIVED");
  });

  it("packs, then tells a pickup buyer their goods are ready", async () => {
    const fulfilment = await fulfilmentOf(placed.ada.number, beans.organization.id);
    expect(fulfilment.status).toBe("RECEIVED");
    const packed = await advance({ fulfillmentId: fulfilment.id, day: SATURDAY });
    expect(packed.flash).toMatchObject({ kind: "success", text: expect.stringMatching(/packed/) });
    expect((await emailsTo("ada@example.org")).filter((email) => email.subject.startsWith("Ready for pickup"))).toEqual([]);
    const ready = await advance({ fulfillmentId: fulfilment.id, day: SATURDAY });
    expect(ready.flash).toMatchObject({ kind: "success", text: expect.stringMatching(/ready for pickup/) });
    expect((await fulfilmentOf(placed.ada.number, beans.organization.id)).status).toBe("READY_FOR_PICKUP");
    const readyEmails = (await emailsTo("ada@example.org")).filter((email) => email.subject.startsWith("Ready for pickup"));
    expect(readyEmails).toHaveLength(1);
    expect(readyEmails[0]!.subject).toBe(`Ready for pickup: order ${placed.ada.number}`);
    expect(readyEmails[0]!.text).toContain(hub.pickupPoint.name);
    expect(readyEmails[0]!.text).toContain("Thu 16–19");
    await advance({ fulfillmentId: fulfilment.id, day: SATURDAY });
    expect((await fulfilmentOf(placed.ada.number, beans.organization.id)).status).toBe("DELIVERED");
    const finished = await advance({ fulfillmentId: fulfilment.id, day: SATURDAY });
    expect(finished.flash).toMatchObject({ kind: "error", text: expect.stringMatching(/already finished/) });
  });

  it("sends delivery orders out for delivery instead, without a pickup email", async () => {
    const fulfilment = await fulfilmentOf(placed.cleo.number, beans.organization.id);
    const statuses = [];
    for (let step = 0; step < 4; step += 1) {
      await advance({ fulfillmentId: fulfilment.id, day: SATURDAY });
      statuses.push((await fulfilmentOf(placed.cleo.number, beans.organization.id)).status);
    }
    expect(statuses).toEqual(["RECEIVED", "PACKED", "OUT_FOR_DELIVERY", "DELIVERED"]);
    expect((await emailsTo("cleo@example.org")).filter((email) => email.subject.startsWith("Ready for pickup"))).toEqual([]);
  });
});

describe("the packing list CSV", () => {
  /** A small RFC 4180 reader: quoted fields may hold commas and doubled quotes. */
  function parseCsv(text: string) {
    return text
      .replace(/^\uFEFF/, "")
      .trim()
      .split(/\r?\n/)
      .map((row) => [...row.matchAll(/(?:^|,)(?:"((?:[^"]|"")*)"|([^,]*))/g)].map((match) => (match[1] !== undefined ? match[1].replace(/""/g, '"') : match[2]!)));
  }

  it("has a header and one row per buyer and product, with units still to pack", async () => {
    const response = await call(csvLoader, get(`/dashboard/fulfilment.csv?day=${SATURDAY}`, hubCookie));
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toContain(`packing-${SATURDAY}.csv`);
    const [header, ...rows] = parseCsv(await response.text());
    expect(header).toEqual(["delivery_day", "pickup_point", "order", "buyer", "organisation", "producer", "sku", "product", "unit", "units", "short_units", "to_pack"]);
    const summary = rows.map((row) => [row[2], row[3], row[6], row[9], row[10], row[11]]);
    expect(summary).toHaveLength(6); // Ada, Ben and Cleo: two products each
    expect(summary).toEqual(
      expect.arrayContaining([
        [placed.ada.number, "Ada", coffee().sku, "3", "1", "2"],
        [placed.ada.number, "Ada", jar().sku, "1", "0", "1"],
        [placed.ben.number, "Ben", coffee().sku, "2", "0", "2"],
        [placed.ben.number, "Ben", cacao().sku, "1", "0", "1"],
        [placed.cleo.number, "Cleo", coffee().sku, "1", "0", "1"],
        [placed.cleo.number, "Cleo", jar().sku, "2", "0", "2"],
      ]),
    );
    for (const row of rows) expect(row[0]).toBe(SATURDAY);
    expect(rows.find((row) => row[3] === "Cleo")![1]).toBe("Home delivery");
    expect(rows.find((row) => row[3] === "Ada")![1]).toBe(`${hub.pickupPoint.name}, Hamburg`);
    expect(JSON.stringify(rows)).not.toContain(placed.eve.number);
  });

  it("asks for a day and refuses another distributor's view of ours", async () => {
    expect((await call(csvLoader, get("/dashboard/fulfilment.csv", hubCookie))).status).toBe(400);
    const other = await call(csvLoader, get(`/dashboard/fulfilment.csv?day=${SATURDAY}`, otherHubCookie));
    expect(await other.text()).not.toContain(placed.ada.number);
  });
});
