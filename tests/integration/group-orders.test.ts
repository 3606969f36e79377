/**
 * Group purchasing through the service layer: opening, the live fill members see, closing (allocation, stock, one
 * order per member on the ordinary order/ledger model, the emails) and the scheduler. Every clock is passed in, and
 * every group order here lives in 2029–2030, so the scheduler test never touches another test's order.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/adapters/db.server";
import { CUT_REASON_TEXT } from "~/domain/allocation";
import { RuleViolation } from "~/domain/errors";
import type { GroupOrderForm } from "~/domain/group-order-forms";
import { formatMoney } from "~/domain/money";
import { orderTotals, splitSellerGoods } from "~/domain/order-split";
import { env } from "~/lib/env.server";
import {
  closeGroupOrder,
  createGroupOrder,
  getGroupOrderView,
  groupOrderFill,
  groupOrderOutcome,
  groupOrderSummaryRows,
  runGroupOrderSchedule,
  saveMemberLines,
} from "~/services/group-orders.server";
import { createDistributor, createProducer, createVariant, expectBalancedLedger, stockOf } from "../support/commerce";
import { createOrganization, createUser } from "../support/factories";
import { createCoop, emailsAbout, groupOrderForm, hoursFrom, memberLines, openGroupOrder, type TestUser } from "../support/group-orders";

type Producer = Awaited<ReturnType<typeof createProducer>>;
type Coop = Awaited<ReturnType<typeof createCoop>>;

const T0 = new Date("2030-06-01T10:00:00Z"); // when most group orders in this file open
const RATES = { platformFeeBps: 200, solidarityFundBps: 100, distributorFeeBps: 500 };
const BASE_URL = "http://localhost";

let hub: Awaited<ReturnType<typeof createDistributor>>; // 5% handling
let sierra: Producer; // coffee (cases of 12 at €120) and cacao (cases of 10 at €50), no minimum
let bees: Producer; // honey (cases of 6 at €48), takes orders from €200
let oils: Producer; // olive oil (cases of 4 at €40), no minimum
let sierraAdmin: TestUser;
let sierraMember: TestUser;
let coopA: Coop; // coordinating co-op: alice OWNER, bob and carol MEMBERS
let coopB: Coop; // invited co-op: dan MEMBER, erin OWNER, and frank, who is also in coopA

const coffee = () => sierra.items[0]!.variant;
const cacao = () => sierra.items[1]!.variant;
const honey = () => bees.variant;
const oil = () => oils.variant;

beforeAll(async () => {
  expect({ platformFeeBps: env.PLATFORM_FEE_BPS, solidarityFundBps: env.SOLIDARITY_FUND_BPS }).toEqual({ platformFeeBps: 200, solidarityFundBps: 100 });
  hub = await createDistributor({ distributorFeeBps: 500, name: "Harbour Food Hub" });
  sierraAdmin = await createUser();
  sierraMember = await createUser();
  sierra = await createProducer(
    { name: "Sierra Verde", members: [{ userId: sierraAdmin.id, role: "ADMIN" }, { userId: sierraMember.id, role: "MEMBER" }] },
    [
      { title: "Washed Caturra", unitLabel: "250 g bag", caseSize: 12, wholesaleCasePriceCents: 12_000, stock: 100 },
      { title: "Cacao nibs", unitLabel: "200 g bag", caseSize: 10, wholesaleCasePriceCents: 5_000, stock: 100 },
    ],
  );
  bees = await createProducer({ name: "Bee Collective", minimumWholesaleOrderCents: 20_000 }, [
    { title: "Forest honey", unitLabel: "500 g jar", caseSize: 6, wholesaleCasePriceCents: 4_800, stock: 300 },
  ]);
  oils = await createProducer({ name: "Valley Oils" }, [{ title: "Olive oil", unitLabel: "1 l tin", caseSize: 4, wholesaleCasePriceCents: 4_000, stock: 40 }]);
  coopA = await createCoop({ alice: "OWNER", bob: "MEMBER", carol: "MEMBER", frank: "MEMBER" });
  coopB = await createCoop({ dan: "MEMBER", erin: "OWNER" }, { existing: [{ userId: coopA.people.frank!.id, role: "MEMBER" }] });
});

const A = () => coopA.people as Record<"alice" | "bob" | "carol" | "frank", TestUser>;
const B = () => coopB.people as Record<"dan" | "erin", TestUser>;

/** A group order coordinated by alice for coopA with coopB invited, open from T0 for two days. */
async function openForBoth(variantIds: string[], extra: Partial<GroupOrderForm> = {}) {
  return openGroupOrder(
    A().alice,
    coopA.organization,
    { pickupPointId: hub.pickupPoint.id, variantIds, invitedOrganizationIds: [coopB.organization.id], ...extra },
    { opensAt: T0 },
  );
}

const during = (hours = 1) => hoursFrom(T0, hours);

describe("opening a group order", () => {
  it("copies each producer's minimum, snapshots case price and size, and invites only verified buying co-ops", async () => {
    const decaf = await createVariant(sierra.organization.id, { title: "Decaf", caseSize: 12, wholesaleCasePriceCents: 9_600, stock: 50 });
    const unverified = await createCoop({ owner: "OWNER" }, { verified: false });
    const producerOrg = await createOrganization({ kind: "PRODUCER" });
    const form = groupOrderForm(
      {
        title: "Autumn round",
        pickupPointId: hub.pickupPoint.id,
        variantIds: [decaf.variant.id, honey().id],
        sharedFees: 1_500,
        note: "Bring your own bags",
        invitedOrganizationIds: [coopB.organization.id, unverified.organization.id, producerOrg.id, coopA.organization.id, "no-such-org"],
      },
      T0,
    );
    const created = await createGroupOrder({ userId: A().alice.id, organization: coopA.organization }, form, { now: hoursFrom(T0, -1) });
    // The producer changes the price and case size afterwards: members still pay what they saw.
    await db.variant.update({ where: { id: decaf.variant.id }, data: { wholesaleCasePriceCents: 15_000, caseSize: 24 } });

    const order = await db.groupOrder.findUniqueOrThrow({ where: { id: created.id }, include: { participants: true, producers: true, offers: true } });
    expect(order).toMatchObject({
      title: "Autumn round",
      coordinatorOrganizationId: coopA.organization.id,
      createdById: A().alice.id,
      status: "OPEN",
      opensAt: T0,
      closesAt: hoursFrom(T0, 48),
      pickupPointId: hub.pickupPoint.id,
      distributorOrganizationId: hub.organization.id,
      sharedFeesCents: 1_500,
      note: "Bring your own bags",
      openNoticeSentAt: null,
      closedAt: null,
    });
    expect(order.participants.map((participant) => participant.organizationId).sort()).toEqual([coopA.organization.id, coopB.organization.id].sort());
    expect(order.producers.map(({ organizationId, minimumOrderCents }) => ({ organizationId, minimumOrderCents })).sort((a, b) => a.minimumOrderCents - b.minimumOrderCents)).toEqual([
      { organizationId: sierra.organization.id, minimumOrderCents: 0 },
      { organizationId: bees.organization.id, minimumOrderCents: 20_000 },
    ]);
    expect(order.offers.map(({ variantId, caseSize, casePriceCents, casesOrdered, unitsOrdered }) => ({ variantId, caseSize, casePriceCents, casesOrdered, unitsOrdered })).sort((a, b) => a.caseSize - b.caseSize)).toEqual([
      { variantId: honey().id, caseSize: 6, casePriceCents: 4_800, casesOrdered: null, unitsOrdered: null },
      { variantId: decaf.variant.id, caseSize: 12, casePriceCents: 9_600, casesOrdered: null, unitsOrdered: null },
    ]);
  });

  it("refuses co-ops that may not coordinate, and closing times already past, writing nothing", async () => {
    const before = await db.groupOrder.count();
    const unverified = await createCoop({ owner: "OWNER" }, { verified: false });
    const form = groupOrderForm({ pickupPointId: hub.pickupPoint.id, variantIds: [coffee().id] }, T0);
    await expect(createGroupOrder({ userId: unverified.people.owner!.id, organization: unverified.organization }, form, { now: T0 })).rejects.toThrow(
      new RuleViolation("Group orders buy at wholesale prices, so the platform must verify your co-op first."),
    );
    await expect(createGroupOrder({ userId: sierra.owner.id, organization: sierra.organization }, form, { now: T0 })).rejects.toThrow(
      new RuleViolation("Group orders are opened by buying co-ops. Switch to your buying co-op first."),
    );
    await expect(createGroupOrder({ userId: A().alice.id, organization: coopA.organization }, form, { now: hoursFrom(T0, 48) })).rejects.toThrow(
      new RuleViolation("The closing time has already passed. Choose a later one."),
    );
    expect(await db.groupOrder.count()).toBe(before);
  });
});

describe("the live fill", () => {
  it("shows every member's change at once, names only one's own co-op's helpers, and each producer's value if it closed now", async () => {
    const order = await openForBoth([coffee().id, honey().id]);
    const stranger = (await createCoop({ nosy: "OWNER" })).people.nosy!;
    const coffeeOf = (fill: Awaited<ReturnType<typeof groupOrderFill>>) => fill!.offers.find((offer) => offer.variantId === coffee().id)!;
    const producersOf = (fill: Awaited<ReturnType<typeof groupOrderFill>>) => Object.fromEntries(fill!.producers.map((producer) => [producer.id, producer]));

    await saveMemberLines(order.id, A().bob.id, memberLines(coopA.organization.id, [[coffee().id, 9]]), { now: during() });
    let fill = await groupOrderFill(order.id, A().alice.id, during());
    expect(fill).toMatchObject({ phase: "open", memberCount: 1 });
    // "9 of 12 — 3 to go"
    expect(coffeeOf(fill)).toEqual({
      variantId: coffee().id,
      demand: 9,
      tolerance: 0,
      fill: { fullCases: 0, inOpenCase: 9, toGo: 3, toleranceCovers: false, casesIfClosedNow: 0 },
      helpers: [],
    });
    expect(producersOf(fill)).toEqual({
      [sierra.organization.id]: { id: sierra.organization.id, valueIfClosedNow: 0, minimumMet: true },
      [bees.organization.id]: { id: bees.organization.id, valueIfClosedNow: 0, minimumMet: false },
    });

    // A member of the other co-op offers 1 unit of tolerance: alice sees it on her next poll.
    await saveMemberLines(order.id, B().dan.id, memberLines(coopB.organization.id, [[coffee().id, 2, 1]]), { now: during(2) });
    fill = await groupOrderFill(order.id, A().alice.id, during(2));
    expect(fill!.memberCount).toBe(2);
    expect(coffeeOf(fill)).toMatchObject({ demand: 11, tolerance: 1, fill: { fullCases: 0, inOpenCase: 11, toGo: 1, toleranceCovers: true, casesIfClosedNow: 1 } });
    expect(coffeeOf(fill).helpers).toEqual([`a member of ${coopB.organization.name}`]);
    expect(coffeeOf(await groupOrderFill(order.id, B().dan.id, during(2))).helpers).toEqual([B().dan.name]);
    expect(producersOf(fill)[sierra.organization.id]).toEqual({ id: sierra.organization.id, valueIfClosedNow: 12_000, minimumMet: true });

    // Two more helpers from coopA: dan sees "a member of" coopA once, alice sees their names in placement order.
    await saveMemberLines(order.id, A().bob.id, memberLines(coopA.organization.id, [[coffee().id, 9, 2], [honey().id, 6]]), { now: during(3) });
    await saveMemberLines(order.id, A().carol.id, memberLines(coopA.organization.id, [[coffee().id, 1, 4]]), { now: during(3) });
    expect(coffeeOf(await groupOrderFill(order.id, A().alice.id, during(3))).helpers).toEqual([A().bob.name, `a member of ${coopB.organization.name}`, A().carol.name]);
    fill = await groupOrderFill(order.id, B().dan.id, during(3));
    expect(coffeeOf(fill).helpers).toEqual([`a member of ${coopA.organization.name}`, B().dan.name]);
    // 12 + 7 tolerance = 19 → still one case of coffee; one case of honey (€48) is below Bee Collective's €200.
    expect(coffeeOf(fill)).toMatchObject({ demand: 12, tolerance: 7, fill: { fullCases: 1, inOpenCase: 0, toGo: 0, toleranceCovers: false, casesIfClosedNow: 1 } });
    expect(producersOf(fill)[bees.organization.id]).toEqual({ id: bees.organization.id, valueIfClosedNow: 4_800, minimumMet: false });

    // Only one's own co-op's members are listed by name on the page.
    const aliceView = await getGroupOrderView(order.id, A().alice.id, during(3));
    expect(aliceView!.ownCoopMembers.map((member) => member.name).sort()).toEqual([A().bob.name, A().carol.name].sort());
    expect(aliceView!.canCoordinate).toBe(true);
    expect((await getGroupOrderView(order.id, B().erin.id, during(3)))!.canCoordinate).toBe(false);
    // Someone whose co-op is not taking part sees nothing.
    expect(await groupOrderFill(order.id, stranger.id, during(3))).toBeNull();
  });
});

describe("closing a group order", () => {
  type Closed = { id: string; title: string };
  let closed: Closed;
  let stocksBefore: Record<"coffee" | "cacao" | "honey" | "oil", number>;
  const closedAt = hoursFrom(T0, 50);

  async function stocks() {
    return { coffee: await stockOf(coffee().id), cacao: await stockOf(cacao().id), honey: await stockOf(honey().id), oil: await stockOf(oil().id) };
  }

  beforeAll(async () => {
    const order = await openForBoth([coffee().id, cacao().id, honey().id, oil().id], { title: "Summer pantry round", sharedFees: 1_200 });
    closed = { id: order.id, title: order.title };
    await saveMemberLines(order.id, A().alice.id, memberLines(coopA.organization.id, [[coffee().id, 5], [oil().id, 4]]), { now: during(1) });
    await saveMemberLines(order.id, A().bob.id, memberLines(coopA.organization.id, [[coffee().id, 4, 2], [honey().id, 6]], "BANK_TRANSFER"), { now: during(2) });
    await saveMemberLines(order.id, A().carol.id, memberLines(coopA.organization.id, [[cacao().id, 7]]), { now: during(3) });
    await saveMemberLines(order.id, B().dan.id, memberLines(coopB.organization.id, [[coffee().id, 2, 3]], "CARD"), { now: during(4), cardEnabled: true });
    stocksBefore = await stocks();
  });

  it("allocates every line, orders whole cases, takes exactly that stock, and uses the case prices members saw", async () => {
    // Sierra raises the coffee price after the order opened; the close must still charge the snapshot.
    await db.variant.update({ where: { id: coffee().id }, data: { wholesaleCasePriceCents: 15_000 } });
    const summary = await closeGroupOrder(closed.id, { now: closedAt, baseUrl: BASE_URL }).finally(() =>
      db.variant.update({ where: { id: coffee().id }, data: { wholesaleCasePriceCents: 12_000 } }),
    );
    // Goods 5000 + 4000 (oil) + 4000 + 3000 = 16,000, plus the €12 shared fees.
    expect(summary).toMatchObject({ groupOrderId: closed.id, members: 4, orders: 3, cases: 2, totalCents: 17_200 });
    expect(await db.groupOrder.findUniqueOrThrow({ where: { id: closed.id } })).toMatchObject({ status: "CLOSED", closedAt });

    const members = await db.groupOrderMember.findMany({ where: { groupOrderId: closed.id }, include: { user: true } });
    const nameOf = new Map(members.map((member) => [member.id, member.user.name]));
    const productOf = new Map([[coffee().id, "coffee"], [cacao().id, "cacao"], [honey().id, "honey"], [oil().id, "oil"]]);
    const allocations = await db.groupOrderAllocation.findMany({ where: { groupOrderId: closed.id } });
    expect(allocations).toHaveLength(await db.groupOrderLine.count({ where: { groupOrderId: closed.id } }));
    expect(
      allocations
        .map((row) => ({ who: nameOf.get(row.memberId), what: productOf.get(row.variantId), requested: row.requested, tolerance: row.tolerance, units: row.units, fromTolerance: row.fromTolerance, costCents: row.costCents, cut: row.cutReason }))
        .sort((a, b) => `${a.who}${a.what}`.localeCompare(`${b.who}${b.what}`)),
    ).toEqual(
      [
        { who: A().alice.name, what: "coffee", requested: 5, tolerance: 0, units: 5, fromTolerance: 0, costCents: 5_000, cut: null },
        { who: A().alice.name, what: "oil", requested: 4, tolerance: 0, units: 4, fromTolerance: 0, costCents: 4_000, cut: null },
        { who: A().bob.name, what: "coffee", requested: 4, tolerance: 2, units: 4, fromTolerance: 0, costCents: 4_000, cut: null },
        { who: A().bob.name, what: "honey", requested: 6, tolerance: 0, units: 0, fromTolerance: 0, costCents: 0, cut: "PRODUCER_MINIMUM" },
        { who: A().carol.name, what: "cacao", requested: 7, tolerance: 0, units: 0, fromTolerance: 0, costCents: 0, cut: "NO_FULL_CASE" },
        // 11 asked + 5 tolerance → one case of 12: the extra unit goes to the larger tolerance (3/5 beats 2/5).
        { who: B().dan.name, what: "coffee", requested: 2, tolerance: 3, units: 3, fromTolerance: 1, costCents: 3_000, cut: null },
      ].sort((a, b) => `${a.who}${a.what}`.localeCompare(`${b.who}${b.what}`)),
    );

    const offers = await db.groupOrderOffer.findMany({ where: { groupOrderId: closed.id } });
    expect(Object.fromEntries(offers.map((offer) => [productOf.get(offer.variantId), [offer.casesOrdered, offer.unitsOrdered, offer.casePriceCents]]))).toEqual({
      coffee: [1, 12, 12_000],
      oil: [1, 4, 4_000],
      honey: [0, 0, 4_800],
      cacao: [0, 0, 5_000],
    });
    expect(await stocks()).toEqual({ ...stocksBefore, coffee: stocksBefore.coffee - 12, oil: stocksBefore.oil - 4 });
  });

  it("writes one order per member who got units, on the ordinary order model, with balanced ledgers for offline payers", async () => {
    const orders = await db.order.findMany({
      where: { groupOrderId: closed.id },
      include: { fulfillments: { include: { lines: true } }, lines: true, payments: true, ledgerEntries: true },
    });
    const byBuyer = new Map(orders.map((order) => [order.buyerUserId, order]));
    expect([...byBuyer.keys()].sort()).toEqual([A().alice.id, A().bob.id, B().dan.id].sort());
    expect(byBuyer.has(A().carol.id)).toBe(false);

    const allocationCost = async (userId: string) => {
      const member = await db.groupOrderMember.findUniqueOrThrow({ where: { groupOrderId_userId: { groupOrderId: closed.id, userId } } });
      return (await db.groupOrderAllocation.findMany({ where: { memberId: member.id } })).reduce((sum, row) => sum + row.costCents, 0);
    };
    for (const order of orders) {
      expect(order).toMatchObject({ channel: "GROUP", handover: "PICKUP", pickupPointId: hub.pickupPoint.id, distributorOrganizationId: hub.organization.id, placedAt: closedAt, currency: "EUR" });
      expect(order.lines.reduce((sum, line) => sum + line.lineTotalCents, 0)).toBe(await allocationCost(order.buyerUserId));
      expect(order.lines.every((line) => line.fulfillmentId !== null && order.fulfillments.some((fulfillment) => fulfillment.id === line.fulfillmentId))).toBe(true);
      expect(order.totalCents).toBe(order.goodsCents + order.distributionFeeCents + order.deliveryFeeCents);
    }

    // alice: coffee (Sierra) and oil (Valley Oils) → two fulfilments; 9000 of 16,000 goods → 675 of the €12 fees.
    const alice = byBuyer.get(A().alice.id)!;
    const aliceCoffee = splitSellerGoods(5_000, RATES);
    const aliceOil = splitSellerGoods(4_000, RATES);
    expect(aliceCoffee).toEqual({ goodsCents: 5_000, platformFeeCents: 100, solidarityFundCents: 50, sellerPayoutCents: 4_850, distributionFeeCents: 250 });
    expect(alice).toMatchObject({ buyerOrganizationId: coopA.organization.id, status: "CONFIRMED", paymentMethod: "PAY_AT_PICKUP", contactEmail: A().alice.email, ...orderTotals([aliceCoffee, aliceOil], 675), totalCents: 10_125 });
    expect(alice.fulfillments.map(({ sellerOrganizationId, goodsCents, sellerPayoutCents, platformFeeCents, solidarityFundCents, distributionFeeCents }) => ({ sellerOrganizationId, goodsCents, sellerPayoutCents, platformFeeCents, solidarityFundCents, distributionFeeCents })).sort((a, b) => b.goodsCents - a.goodsCents)).toEqual([
      { sellerOrganizationId: sierra.organization.id, ...aliceCoffee },
      { sellerOrganizationId: oils.organization.id, ...aliceOil },
    ]);
    const coffeeFulfilment = alice.fulfillments.find((fulfillment) => fulfillment.sellerOrganizationId === sierra.organization.id)!;
    expect(coffeeFulfilment.lines).toEqual([
      expect.objectContaining({ variantId: coffee().id, productTitle: "Washed Caturra", unitLabel: "250 g bag", sku: coffee().sku, mode: "UNIT", quantity: 5, units: 5, unitPriceCents: 1_000, lineTotalCents: 5_000 }),
    ]);
    expect(alice.payments).toEqual([expect.objectContaining({ provider: "OFFLINE", method: "PAY_AT_PICKUP", status: "PENDING", amountCents: 10_125 })]);
    const aliceLedger = await expectBalancedLedger(alice.id);
    // The distributor's one entry: its handling of both sellers' goods plus the member's shared-cost share.
    expect(aliceLedger).toContainEqual(expect.objectContaining({ account: "BUYER", organizationId: coopA.organization.id, amountCents: -10_125 }));
    expect(aliceLedger).toContainEqual(
      expect.objectContaining({ account: "DISTRIBUTOR", organizationId: hub.organization.id, fulfillmentId: null, amountCents: aliceCoffee.distributionFeeCents + aliceOil.distributionFeeCents + 675 }),
    );
    expect(aliceLedger).toContainEqual(expect.objectContaining({ account: "SELLER", organizationId: oils.organization.id, fulfillmentId: expect.any(String), amountCents: aliceOil.sellerPayoutCents }));

    // bob: only his coffee (his honey was cut); 4000 → 300 of the fees; bank transfer.
    const bob = byBuyer.get(A().bob.id)!;
    expect(bob).toMatchObject({ buyerOrganizationId: coopA.organization.id, status: "CONFIRMED", paymentMethod: "BANK_TRANSFER", goodsCents: 4_000, distributionFeeCents: 200, deliveryFeeCents: 300, totalCents: 4_500 });
    expect(bob.lines.map((line) => [line.variantId, line.units])).toEqual([[coffee().id, 4]]);
    expect(bob.fulfillments.map((fulfillment) => fulfillment.sellerOrganizationId)).toEqual([sierra.organization.id]);
    await expectBalancedLedger(bob.id);

    // dan pays by card after the close: awaiting payment, no ledger until he pays; his co-op is coopB.
    const dan = byBuyer.get(B().dan.id)!;
    expect(dan).toMatchObject({ buyerOrganizationId: coopB.organization.id, status: "AWAITING_PAYMENT", paymentMethod: "CARD", goodsCents: 3_000, distributionFeeCents: 150, deliveryFeeCents: 225, totalCents: 3_375 });
    expect(dan.ledgerEntries).toEqual([]);
    expect(dan.payments).toEqual([expect.objectContaining({ provider: "STRIPE", method: "CARD", status: "PENDING", amountCents: 3_375 })]);
    expect(dan.lines).toEqual([expect.objectContaining({ variantId: coffee().id, quantity: 3, units: 3, lineTotalCents: 3_000 })]);
  });

  it("tells every member what they got and why, sends each producer's owners and admins one purchase order, and the coordinator a summary", async () => {
    const emails = await emailsAbout(closed.title);
    const shares = emails.filter((email) => email.subject === `Your share of ${closed.title}`);
    expect(shares.map((email) => email.to).sort()).toEqual([A().alice.email, A().bob.email, A().carol.email, B().dan.email].sort());
    const shareOf = (user: TestUser) => shares.find((email) => email.to === user.email)!.text;
    const orderOf = async (user: TestUser) => db.order.findFirstOrThrow({ where: { groupOrderId: closed.id, buyerUserId: user.id } });

    expect(shareOf(A().bob)).toContain(`Forest honey (500 g jar): asked 6, you get 0 for ${formatMoney(0)} — ${CUT_REASON_TEXT.PRODUCER_MINIMUM}`);
    expect(shareOf(A().bob)).toContain(`Washed Caturra (250 g bag): asked 4 (+2 tolerance), you get 4 for ${formatMoney(4_000)}`);
    expect(shareOf(A().bob)).toContain(`Your order: ${BASE_URL}/orders/${(await orderOf(A().bob)).id}`);
    expect(shareOf(A().carol)).toContain(`Cacao nibs (200 g bag): asked 7, you get 0 for ${formatMoney(0)} — ${CUT_REASON_TEXT.NO_FULL_CASE}`);
    expect(shareOf(A().carol)).toContain("Nothing could be ordered for you this time, so you pay nothing.");
    expect(shareOf(A().carol)).not.toContain("/orders/");
    expect(shareOf(B().dan)).toContain(`Washed Caturra (250 g bag): asked 2 (+3 tolerance), you get 3 for ${formatMoney(3_000)}`);
    expect(shareOf(B().dan)).toContain(`= ${formatMoney(3_375)}`);
    expect(shareOf(A().alice)).toContain(`Goods ${formatMoney(9_000)} + your share of shared costs and handling ${formatMoney(1_125)} = ${formatMoney(10_125)}.`);

    const purchaseOrders = emails.filter((email) => email.subject === `Purchase order from ${coopA.organization.name}: ${closed.title}`);
    // Owners and admins of the producers who got an order; Bee Collective (below its minimum) gets none.
    expect(purchaseOrders.map((email) => email.to).sort()).toEqual([sierra.owner.email, sierraAdmin.email, oils.owner.email].sort());
    expect(purchaseOrders.map((email) => email.to)).not.toContain(sierraMember.email);
    const sierraOrder = purchaseOrders.find((email) => email.to === sierra.owner.email)!.text;
    expect(sierraOrder).toContain(`1 × case of Washed Caturra (250 g bag, ${coffee().sku}) (12 units) — ${formatMoney(12_000)}`);
    expect(sierraOrder).not.toContain("Olive oil");
    expect(sierraOrder).not.toContain("Cacao nibs");
    expect(sierraOrder).toContain(`${BASE_URL}/dashboard/purchase-orders/${closed.id}`);

    const summaries = emails.filter((email) => email.subject === `Closed: ${closed.title}`);
    expect(summaries).toEqual([{ to: A().alice.email, subject: `Closed: ${closed.title}`, text: expect.stringContaining("closed with 2 cases for 3 of 4 members") }]);
    expect(emails).toHaveLength(shares.length + purchaseOrders.length + summaries.length);
  });

  it("shows members only their own allocation, and the coordinator everyone's (also as CSV rows)", async () => {
    const bobsView = await groupOrderOutcome(closed.id, A().bob.id, { everyone: false });
    expect(bobsView.map((row) => [row.name, row.isMe, row.lines.length])).toEqual([[A().bob.name, true, 2]]);
    expect(bobsView[0]!.order).toMatchObject({ buyerUserId: A().bob.id, totalCents: 4_500 });
    expect(bobsView[0]!.lines.find((line) => line.variantId === honey().id)).toMatchObject({ units: 0, cut: "PRODUCER_MINIMUM" });
    const everyone = await groupOrderOutcome(closed.id, A().alice.id, { everyone: true });
    expect(everyone[0]).toMatchObject({ name: A().alice.name, isMe: true });
    expect(everyone.map((row) => row.name).sort()).toEqual([A().alice.name, A().bob.name, A().carol.name, B().dan.name].sort());
    expect(everyone.find((row) => row.name === A().carol.name)!.order).toBeNull();

    const rows = await groupOrderSummaryRows(closed.id, A().alice.id);
    expect(rows).toHaveLength(6);
    const danOrder = await db.order.findFirstOrThrow({ where: { groupOrderId: closed.id, buyerUserId: B().dan.id } });
    expect(rows).toContainEqual([coopB.organization.name, B().dan.name, "Washed Caturra (250 g bag)", "2", "3", "3", "1", "3000", "", danOrder.number]);
    expect(rows).toContainEqual([coopA.organization.name, A().carol.name, "Cacao nibs (200 g bag)", "7", "0", "0", "0", "0", "NO_FULL_CASE", ""]);
  });

  it("refuses changes once closed, and a second close returns null and writes nothing", async () => {
    await expect(saveMemberLines(closed.id, A().carol.id, memberLines(coopA.organization.id, [[coffee().id, 1]]), { now: during(5) })).rejects.toThrow(
      new RuleViolation("This group order has closed: changes are no longer possible."),
    );
    const counts = async () => ({
      orders: await db.order.count(),
      allocations: await db.groupOrderAllocation.count(),
      outbox: await db.outboxEvent.count(),
      coffee: await stockOf(coffee().id),
    });
    const before = await counts();
    expect(await closeGroupOrder(closed.id, { now: hoursFrom(closedAt, 1), baseUrl: BASE_URL })).toBeNull();
    expect(await counts()).toEqual(before);
    expect((await db.groupOrder.findUniqueOrThrow({ where: { id: closed.id } })).closedAt).toEqual(closedAt);
  });
});

describe("closing edge cases", () => {
  it("orders nothing from a producer below its minimum and tells every member it was the producer's minimum", async () => {
    const order = await openForBoth([honey().id], { title: "Honey only round", sharedFees: 500 });
    await saveMemberLines(order.id, A().bob.id, memberLines(coopA.organization.id, [[honey().id, 4, 2]]), { now: during() });
    await saveMemberLines(order.id, B().dan.id, memberLines(coopB.organization.id, [[honey().id, 6]]), { now: during() });
    const stockBefore = await stockOf(honey().id);
    const summary = await closeGroupOrder(order.id, { now: during(49), baseUrl: BASE_URL });
    expect(summary).toMatchObject({ members: 2, orders: 0, cases: 0, totalCents: 0 });
    expect(await db.order.count({ where: { groupOrderId: order.id } })).toBe(0);
    expect(await stockOf(honey().id)).toBe(stockBefore);
    expect(await db.groupOrderOffer.findFirstOrThrow({ where: { groupOrderId: order.id } })).toMatchObject({ casesOrdered: 0, unitsOrdered: 0 });
    expect((await db.groupOrderAllocation.findMany({ where: { groupOrderId: order.id } })).map((row) => [row.units, row.costCents, row.cutReason])).toEqual([
      [0, 0, "PRODUCER_MINIMUM"],
      [0, 0, "PRODUCER_MINIMUM"],
    ]);
    const emails = await emailsAbout(order.title);
    expect(emails.filter((email) => email.subject.startsWith("Your share")).map((email) => email.to).sort()).toEqual([A().bob.email, B().dan.email].sort());
    for (const email of emails.filter((candidate) => candidate.subject.startsWith("Your share"))) {
      expect(email.text).toContain(CUT_REASON_TEXT.PRODUCER_MINIMUM);
      expect(email.text).toContain("Nothing could be ordered for you this time, so you pay nothing.");
    }
    expect(emails.filter((email) => email.subject.startsWith("Purchase order"))).toEqual([]);
    expect(emails.find((email) => email.subject.startsWith("Closed:"))!.text).toContain("closed with 0 cases for 0 of 2 members");
  });

  it("cuts the latest lines first when the producer's stock covers fewer cases than the demand", async () => {
    const scarce = await createVariant(sierra.organization.id, { title: "Geisha micro-lot", unitLabel: "100 g bag", caseSize: 12, wholesaleCasePriceCents: 24_000, stock: 15 });
    const order = await openForBoth([scarce.variant.id], { title: "Micro-lot round" });
    await saveMemberLines(order.id, A().carol.id, memberLines(coopA.organization.id, [[scarce.variant.id, 10]]), { now: during(1) });
    await saveMemberLines(order.id, B().dan.id, memberLines(coopB.organization.id, [[scarce.variant.id, 10, 4]]), { now: during(2) });
    // Demand and tolerance would fill two cases; the stock (15) covers one: carol (first) gets 10, dan the other 2.
    expect(await closeGroupOrder(order.id, { now: during(49), baseUrl: BASE_URL })).toMatchObject({ orders: 2, cases: 1, totalCents: 24_000 });
    expect(await stockOf(scarce.variant.id)).toBe(3);
    const rows = await db.groupOrderAllocation.findMany({ where: { groupOrderId: order.id } });
    const members = new Map((await db.groupOrderMember.findMany({ where: { groupOrderId: order.id } })).map((member) => [member.id, member.userId]));
    expect(Object.fromEntries(rows.map((row) => [members.get(row.memberId), [row.units, row.costCents, row.cutReason]]))).toEqual({
      [A().carol.id]: [10, 20_000, null],
      [B().dan.id]: [2, 4_000, "OUT_OF_STOCK"],
    });
    const dansEmail = (await emailsAbout(order.title)).find((email) => email.to === B().dan.email && email.subject.startsWith("Your share"))!;
    expect(dansEmail.text).toContain(`asked 10 (+4 tolerance), you get 2 for ${formatMoney(4_000)} — ${CUT_REASON_TEXT.OUT_OF_STOCK}`);
  });

  it("closes an order nobody joined: no orders, no stock taken, only the coordinator's summary", async () => {
    const order = await openForBoth([cacao().id], { title: "Empty round", sharedFees: 900 });
    const summary = await closeGroupOrder(order.id, { now: during(49), baseUrl: BASE_URL });
    expect(summary).toMatchObject({ members: 0, orders: 0, cases: 0, totalCents: 0 });
    expect(await db.groupOrder.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: "CLOSED" });
    expect(await emailsAbout(order.title)).toEqual([{ to: A().alice.email, subject: `Closed: ${order.title}`, text: expect.stringContaining("0 cases for 0 of 0 members") }]);
  });

  it("closes once when two closers run at the same time", async () => {
    const order = await openForBoth([oil().id], { title: "Race round" });
    await saveMemberLines(order.id, A().bob.id, memberLines(coopA.organization.id, [[oil().id, 3, 1]]), { now: during() });
    await saveMemberLines(order.id, B().dan.id, memberLines(coopB.organization.id, [[oil().id, 4]]), { now: during() });
    const stockBefore = await stockOf(oil().id);
    const results = await Promise.all([closeGroupOrder(order.id, { now: during(49), baseUrl: BASE_URL }), closeGroupOrder(order.id, { now: during(49), baseUrl: BASE_URL })]);
    expect(results.filter((result) => result !== null)).toEqual([expect.objectContaining({ groupOrderId: order.id, orders: 2, cases: 2 })]);
    expect(results.filter((result) => result === null)).toHaveLength(1);
    expect(await db.order.count({ where: { groupOrderId: order.id } })).toBe(2);
    expect(await db.groupOrderAllocation.count({ where: { groupOrderId: order.id } })).toBe(2);
    expect(await stockOf(oil().id)).toBe(stockBefore - 8);
    expect((await emailsAbout(order.title)).filter((email) => email.subject.startsWith("Closed:"))).toHaveLength(1);
  });
});

describe("the scheduler", () => {
  // 2029: before every other group order in this file, so these runs touch only this one.
  const opensAt = new Date("2029-03-01T09:00:00Z");
  const closesAt = new Date("2029-03-05T18:00:00Z");

  it("sends the opening notice once, the 24-hour reminder once, closes when due, and then does nothing more", async () => {
    const order = await openGroupOrder(
      A().alice,
      coopA.organization,
      { title: "Scheduled spring round", pickupPointId: hub.pickupPoint.id, variantIds: [cacao().id], invitedOrganizationIds: [coopB.organization.id], closesAt },
      { opensAt, now: hoursFrom(opensAt, -48) },
    );
    // Members of both co-ops, whatever their role; frank belongs to both and is told once.
    const everyone = [...Object.values(coopA.people), ...Object.values(coopB.people), A().frank].map((user) => user.email);
    const distinctRecipients = [...new Set(everyone)].sort();
    expect(distinctRecipients).toHaveLength(everyone.length - 1);
    const outboxCount = () => db.outboxEvent.count();

    expect(await runGroupOrderSchedule(hoursFrom(opensAt, -1), BASE_URL)).toEqual({ notices: 0, reminders: 0, closed: [] });
    expect(await emailsAbout(order.title)).toEqual([]);

    const opened = hoursFrom(opensAt, 0.01);
    expect(await runGroupOrderSchedule(opened, BASE_URL)).toEqual({ notices: 1, reminders: 0, closed: [] });
    const notices = (await emailsAbout(order.title)).filter((email) => email.subject === `Group order open: ${order.title}`);
    expect(notices.map((email) => email.to).sort()).toEqual(distinctRecipients);
    expect(notices[0]!.text).toContain(`${BASE_URL}/group-orders/${order.id}`);
    expect((await db.groupOrder.findUniqueOrThrow({ where: { id: order.id } })).openNoticeSentAt).toEqual(opened);
    let before = await outboxCount();
    expect(await runGroupOrderSchedule(hoursFrom(opened, 1), BASE_URL)).toEqual({ notices: 0, reminders: 0, closed: [] });
    expect(await outboxCount()).toBe(before);

    await saveMemberLines(order.id, A().carol.id, memberLines(coopA.organization.id, [[cacao().id, 7, 1]]), { now: hoursFrom(opensAt, 2) });
    await saveMemberLines(order.id, B().dan.id, memberLines(coopB.organization.id, [[cacao().id, 2]]), { now: hoursFrom(opensAt, 3) });

    const dayBefore = hoursFrom(closesAt, -23);
    expect(await runGroupOrderSchedule(dayBefore, BASE_URL)).toEqual({ notices: 0, reminders: 1, closed: [] });
    const reminders = (await emailsAbout(order.title)).filter((email) => email.subject === `24 hours left: ${order.title}`);
    expect(reminders.map((email) => email.to).sort()).toEqual(distinctRecipients);
    before = await outboxCount();
    expect(await runGroupOrderSchedule(hoursFrom(dayBefore, 1), BASE_URL)).toEqual({ notices: 0, reminders: 0, closed: [] });
    expect(await outboxCount()).toBe(before);
    expect((await db.groupOrder.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("OPEN");

    const due = hoursFrom(closesAt, 0.01);
    const run = await runGroupOrderSchedule(due, BASE_URL);
    expect(run).toMatchObject({ notices: 0, reminders: 0, closed: [expect.objectContaining({ groupOrderId: order.id, members: 2, orders: 2, cases: 1 })] });
    expect(await db.groupOrder.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: "CLOSED", closedAt: due });
    expect(await db.order.count({ where: { groupOrderId: order.id } })).toBe(2);
    before = await outboxCount();
    const ordersBefore = await db.order.count();
    expect(await runGroupOrderSchedule(hoursFrom(due, 1), BASE_URL)).toEqual({ notices: 0, reminders: 0, closed: [] });
    expect(await outboxCount()).toBe(before);
    expect(await db.order.count()).toBe(ordersBefore);
  });
});
