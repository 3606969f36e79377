/**
 * A distributor's terms and pickup points (/dashboard/distribution): who may change them, validation, and that the
 * per-order fee reaches checkout, the order's totals and the balanced ledger.
 */
import { describe, expect, it } from "vitest";
import { db } from "~/adapters/db.server";
import { action, loader } from "~/routes/dashboard.distribution";
import { placeOrder } from "~/services/checkout.server";
import { buyerOf, checkoutForm, createDistributor, createProducer, expectBalancedLedger, putInCart } from "../support/commerce";
import { createUser, sessionCookieFor, userWithRole } from "../support/factories";
import { call, flashFrom, get, readJson } from "../support/routes";

async function postForm(entries: [string, string][], cookie: string) {
  const body = new URLSearchParams(entries);
  return call(action, new Request("http://localhost/dashboard/distribution", { method: "POST", body, headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie } }));
}

const settings = (overrides: Record<string, string> = {}, days = ["4", "6"]): [string, string][] => [
  ["intent", "settings"],
  ...Object.entries({ feePercent: "4.5", orderFee: "1.20", deliveryFee: "", ...overrides }),
  ...days.map((day): [string, string] => ["deliveryWeekdays", day]),
];

describe("a distributor's terms", () => {
  it("lets owners and admins save them; members see them but get 403; other kinds of organisation get 403", async () => {
    const hub = await createDistributor();
    const ownerCookie = await sessionCookieFor(hub.owner.id);
    const member = await createUser();
    await db.membership.create({ data: { userId: member.id, organizationId: hub.organization.id, role: "MEMBER" } });
    const memberCookie = await sessionCookieFor(member.id);

    const saved = await postForm(settings(), ownerCookie);
    expect(saved.status).toBe(302);
    expect(await flashFrom(saved)).toMatchObject({ kind: "success" });
    expect(await db.organization.findUniqueOrThrow({ where: { id: hub.organization.id } })).toMatchObject({
      distributorFeeBps: 450,
      distributorOrderFeeCents: 120,
      deliveryFeeCents: null,
      deliveryWeekdays: "4,6",
    });

    expect((await call(loader, get("/dashboard/distribution", memberCookie))).status).toBe(200);
    expect((await postForm(settings({ feePercent: "9" }), memberCookie)).status).toBe(403);
    const producer = await userWithRole("OWNER");
    expect((await call(loader, get("/dashboard/distribution", producer.cookie))).status).toBe(403);
    expect((await db.organization.findUniqueOrThrow({ where: { id: hub.organization.id } })).distributorFeeBps).toBe(450);
  });

  it("refuses nonsense with messages beside the fields and changes nothing", async () => {
    const hub = await createDistributor({ distributorFeeBps: 500 });
    const cookie = await sessionCookieFor(hub.owner.id);
    const response = await postForm(settings({ feePercent: "lots", orderFee: "-1", deliveryFee: "six" }, []), cookie);
    expect(response.status).toBe(400);
    const { result } = await readJson(response);
    expect(result.error).toMatchObject({
      feePercent: ["Enter a per cent such as 5 or 4.5"],
      orderFee: ["Enter an amount such as 1.50"],
      deliveryFee: ["Enter an amount such as 6.50, or leave it empty if you do not deliver"],
      deliveryWeekdays: ["Choose at least one day you hand over orders"],
    });
    expect(result.initialValue).toMatchObject({ feePercent: "lots", orderFee: "-1" });
    expect((await postForm(settings({ feePercent: "60" }), cookie)).status).toBe(400);
    expect((await db.organization.findUniqueOrThrow({ where: { id: hub.organization.id } })).distributorFeeBps).toBe(500);
  });

  it("charges the per-order fee on top of the percentage, in the totals and the distributor's ledger entry", async () => {
    const hub = await createDistributor({ distributorFeeBps: 500 });
    await postForm(settings({ feePercent: "5", orderFee: "1.20" }), await sessionCookieFor(hub.owner.id));
    const seller = await createProducer({}, [{ retailPriceCents: 1_000, stock: 10 }]);
    const variant = seller.variant;
    const buyer = await createUser();
    await putInCart(buyer.id, variant.id, 2);
    const placed = await placeOrder(buyerOf(buyer), checkoutForm({ pickupPointId: hub.pickupPoint.id }), { gateway: null, baseUrl: "http://localhost" });
    const order = await db.order.findUniqueOrThrow({ where: { id: placed.orderId } });
    // Goods 2000; handling 5% = 100 plus 120 per order.
    expect(order).toMatchObject({ goodsCents: 2_000, distributionFeeCents: 220, totalCents: 2_220 });
    const entries = await expectBalancedLedger(order.id);
    expect(entries).toContainEqual(expect.objectContaining({ account: "DISTRIBUTOR", organizationId: hub.organization.id, amountCents: 220 }));
  });
});

describe("pickup points", () => {
  it("are added, edited and closed by their distributor only; a closed point disappears from checkout", async () => {
    const hub = await createDistributor();
    const cookie = await sessionCookieFor(hub.owner.id);
    const point: Record<string, string> = { name: "Harbour shed", address: "Kai 3", postcode: "20457", city: "Hamburg", country: "DE", openingHours: "Sat 10–13", capacity: "40" };
    expect((await postForm([["intent", "add-point"], ...Object.entries(point)], cookie)).status).toBe(302);
    const created = await db.pickupPoint.findFirstOrThrow({ where: { organizationId: hub.organization.id, name: "Harbour shed" } });
    expect(created).toMatchObject({ capacity: 40, active: true, openingHours: "Sat 10–13" });

    const bad = await postForm([["intent", "add-point"], ...Object.entries({ ...point, country: "XX", capacity: "0", openingHours: "" })], cookie);
    expect(bad.status).toBe(400);
    expect((await readJson(bad)).result.error).toMatchObject({ country: ["Choose a country"], capacity: ["At least 1"], openingHours: ["Say when buyers can collect"] });

    expect((await postForm([["intent", "update-point"], ["pointId", created.id], ...Object.entries({ ...point, openingHours: "Sat 9–12", capacity: "" })], cookie)).status).toBe(302);
    expect(await db.pickupPoint.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({ openingHours: "Sat 9–12", capacity: null });

    const other = await createDistributor();
    const otherCookie = await sessionCookieFor(other.owner.id);
    const stranger = await postForm([["intent", "toggle-point"], ["pointId", created.id], ["active", "false"]], otherCookie);
    expect(await flashFrom(stranger)).toMatchObject({ kind: "error", text: "That pickup point is not one of yours." });
    expect((await db.pickupPoint.findUniqueOrThrow({ where: { id: created.id } })).active).toBe(true);

    await postForm([["intent", "toggle-point"], ["pointId", created.id], ["active", "false"]], cookie);
    expect((await db.pickupPoint.findUniqueOrThrow({ where: { id: created.id } })).active).toBe(false);
    const seller = await createProducer({}, [{ stock: 5 }]);
    const buyer = await createUser();
    await putInCart(buyer.id, seller.variant.id, 1);
    await expect(placeOrder(buyerOf(buyer), checkoutForm({ pickupPointId: created.id }), { gateway: null, baseUrl: "http://localhost" })).rejects.toThrow("That pickup point is no longer available");
  });
});
