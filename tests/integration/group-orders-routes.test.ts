/**
 * Group orders through their routes, the way a browser uses them: opening one, joining and changing lines, the live
 * fill poll, the coordinator's close and cancel, and what everyone sees afterwards (the page, the CSV, the producers'
 * purchase orders, the member's order). Routes read the real clock, so windows here are relative to now.
 */
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/adapters/db.server";
import { getPaymentGateway } from "~/adapters/payments/index.server";
import { loader as purchaseOrderLoader } from "~/routes/dashboard.purchase-orders.$id";
import { loader as purchaseOrdersLoader } from "~/routes/dashboard.purchase-orders._index";
import { loader as fillLoader } from "~/routes/group-orders.$id.fill";
import { loader as summaryCsvLoader } from "~/routes/group-orders.$id.summary[.]csv";
import { action as groupOrderAction, loader as groupOrderLoader } from "~/routes/group-orders.$id";
import { loader as groupOrdersLoader } from "~/routes/group-orders._index";
import { action as newGroupOrderAction } from "~/routes/group-orders.new";
import { loader as orderLoader } from "~/routes/orders.$id";
import { GROUP_SUMMARY_CSV_COLUMNS, closeGroupOrder, saveMemberLines } from "~/services/group-orders.server";
import { createDistributor, createProducer } from "../support/commerce";
import { call, flashFrom, get, readJson } from "../support/routes";
import {
  cookieOf,
  createCoop,
  dateInput,
  dateTimeInput,
  groupOrderFields,
  hoursFrom,
  memberLineFields,
  memberLines,
  openGroupOrder,
  postEntries,
  type TestUser,
} from "../support/group-orders";

type Producer = Awaited<ReturnType<typeof createProducer>>;
type Coop = Awaited<ReturnType<typeof createCoop>>;

let hub: Awaited<ReturnType<typeof createDistributor>>;
let sierra: Producer; // coffee in cases of 12 at €120, tea in cases of 6 at €30
let andes: Producer; // cocoa, only in a group order of its own
let coopA: Coop; // owner, admin, member, member2 (member2 also belongs to coopC)
let coopB: Coop; // invited: bMember, bOwner
let coopC: Coop; // never invited: cMember
let unverified: Coop;

const coffee = () => sierra.items[0]!.variant;
const tea = () => sierra.items[1]!.variant;
const A = () => coopA.people as Record<"owner" | "admin" | "member" | "member2", TestUser>;
const B = () => coopB.people as Record<"bMember" | "bOwner", TestUser>;

const now = () => new Date();
/** A group order of coopA (coopB invited) that opened an hour ago and closes in two days. */
async function openNow(variantIds: string[], { title, opensInHours = -1 }: { title?: string; opensInHours?: number } = {}) {
  const opensAt = hoursFrom(now(), opensInHours);
  return openGroupOrder(
    A().owner,
    coopA.organization,
    { title, pickupPointId: hub.pickupPoint.id, variantIds, invitedOrganizationIds: [coopB.organization.id], closesAt: hoursFrom(opensAt, 49) },
    { opensAt, now: hoursFrom(opensAt, -1) },
  );
}

async function page(groupOrderId: string, user: TestUser) {
  return call(groupOrderLoader, get(`/group-orders/${groupOrderId}`, await cookieOf(user)), { params: { id: groupOrderId } });
}

async function act(groupOrderId: string, user: TestUser, entries: Array<[string, string]>) {
  return call(groupOrderAction, postEntries(`/group-orders/${groupOrderId}`, entries, await cookieOf(user)), { params: { id: groupOrderId } });
}

async function saveVia(groupOrderId: string, user: TestUser, organizationId: string, lines: Parameters<typeof memberLineFields>[1], paymentMethod?: string) {
  return act(groupOrderId, user, memberLineFields(organizationId, lines, paymentMethod));
}

async function linesOf(groupOrderId: string, user: TestUser) {
  return db.groupOrderLine.findMany({ where: { groupOrderId, member: { userId: user.id } }, orderBy: { createdAt: "asc" } });
}

beforeAll(async () => {
  hub = await createDistributor({ distributorFeeBps: 500 });
  sierra = await createProducer({ name: "Sierra Verde" }, [
    { title: "Washed Caturra", unitLabel: "250 g bag", caseSize: 12, wholesaleCasePriceCents: 12_000, stock: 200 },
    { title: "Mountain tea", unitLabel: "100 g tin", caseSize: 6, wholesaleCasePriceCents: 3_000, stock: 200 },
  ]);
  andes = await createProducer({ name: "Andes Cacao" }, [{ title: "Cocoa powder", unitLabel: "500 g bag", caseSize: 10, wholesaleCasePriceCents: 8_000, stock: 100 }]);
  coopC = await createCoop({ cMember: "MEMBER" });
  coopA = await createCoop({ owner: "OWNER", admin: "ADMIN", member: "MEMBER", member2: "MEMBER" });
  await db.membership.create({ data: { userId: A().member2.id, organizationId: coopC.organization.id, role: "MEMBER" } });
  coopB = await createCoop({ bMember: "MEMBER", bOwner: "OWNER" });
  unverified = await createCoop({ uOwner: "OWNER" }, { verified: false });
});

describe("opening a group order at /group-orders/new", () => {
  const validFields = (overrides: Partial<Parameters<typeof groupOrderFields>[0]> = {}) =>
    groupOrderFields({
      opensAt: dateTimeInput(now()),
      closesAt: dateTimeInput(hoursFrom(now(), 72)),
      deliveryDate: dateInput(hoursFrom(now(), 24 * 10)),
      pickupPointId: hub.pickupPoint.id,
      sharedFees: "12.50",
      variantIds: [coffee().id, tea().id],
      invitedOrganizationIds: [coopB.organization.id, unverified.organization.id, sierra.organization.id],
      ...overrides,
    });

  async function submit(user: TestUser, entries: Array<[string, string]>) {
    return call(newGroupOrderAction, postEntries("/group-orders/new", entries, await cookieOf(user)));
  }

  it("lets an owner or admin of a verified buying co-op open one, inviting only verified buying co-ops", async () => {
    const response = await submit(A().owner, validFields({ title: "Winter coffee round" }));
    expect(response.status).toBe(302);
    const created = await db.groupOrder.findFirstOrThrow({ where: { title: "Winter coffee round" }, include: { participants: true, offers: true, producers: true } });
    expect(response.headers.get("Location")).toBe(`/group-orders/${created.id}`);
    expect((await flashFrom(response))?.text).toContain('"Winter coffee round" is open.');
    expect(created).toMatchObject({ coordinatorOrganizationId: coopA.organization.id, createdById: A().owner.id, sharedFeesCents: 1_250, status: "OPEN" });
    expect(created.participants.map((participant) => participant.organizationId).sort()).toEqual([coopA.organization.id, coopB.organization.id].sort());
    expect(created.offers.map((offer) => offer.variantId).sort()).toEqual([coffee().id, tea().id].sort());
    expect(created.producers.map((producer) => producer.organizationId)).toEqual([sierra.organization.id]);

    const byAdmin = await submit(A().admin, validFields({ title: "Admin's tea round", variantIds: [tea().id], invitedOrganizationIds: [] }));
    expect(byAdmin.status).toBe(302);
    expect(await db.groupOrder.count({ where: { title: "Admin's tea round", createdById: A().admin.id } })).toBe(1);

    // Both show up in the co-op's list; a co-op that was not invited does not see them.
    const listed = await readJson(await call(groupOrdersLoader, get("/group-orders", await cookieOf(A().member))));
    expect(listed.orders.map((order: { title: string }) => order.title)).toEqual(expect.arrayContaining(["Winter coffee round", "Admin's tea round"]));
    expect(listed.canOpen).toBe(false);
    const invitedList = await readJson(await call(groupOrdersLoader, get("/group-orders", await cookieOf(B().bMember))));
    expect(invitedList.orders.map((order: { title: string }) => order.title)).toContain("Winter coffee round");
    expect(invitedList.orders.map((order: { title: string }) => order.title)).not.toContain("Admin's tea round");
  });

  it("forbids a co-op MEMBER (403) and refuses unverified co-ops and producers (422), creating nothing", async () => {
    const before = await db.groupOrder.count();
    expect((await submit(A().member, validFields())).status).toBe(403);

    const byUnverified = await submit(unverified.people.uOwner!, validFields());
    expect(byUnverified.status).toBe(422);
    expect((await readJson(byUnverified)).error[""]).toEqual(["Group orders buy at wholesale prices, so the platform must verify your co-op first."]);

    const byProducer = await submit(sierra.owner, validFields());
    expect(byProducer.status).toBe(422);
    expect((await readJson(byProducer)).error[""]).toEqual(["Group orders are opened by buying co-ops. Switch to your buying co-op first."]);
    expect(await db.groupOrder.count()).toBe(before);
  });

  it.each([
    ["closing before opening", { closesAt: dateTimeInput(hoursFrom(now(), -2)) }, "closesAt", "The order must close after it opens"],
    ["delivery before the close", { deliveryDate: dateInput(hoursFrom(now(), -48)) }, "deliveryDate", "Delivery cannot be before the order closes"],
    ["no products", { variantIds: [] }, "variantIds", "Choose at least one product to offer"],
    ["an amount that is not money", { sharedFees: "twelve euros" }, "sharedFees", "Enter an amount such as 25.00"],
  ] as Array<[string, Partial<Parameters<typeof groupOrderFields>[0]>, string, string]>)("answers %s with 400, the message on its field and the typed values back", async (_case, overrides, field, message) => {
    const before = await db.groupOrder.count();
    const response = await submit(A().owner, validFields({ title: "Typed title", ...overrides }));
    expect(response.status).toBe(400);
    const body = await readJson(response);
    expect(body.error[field]).toEqual([message]);
    expect(Object.keys(body.error)).toEqual([field]);
    expect(body.initialValue).toMatchObject({ title: "Typed title", pickupPointId: hub.pickupPoint.id, ...("sharedFees" in overrides ? { sharedFees: overrides.sharedFees } : {}) });
    expect(await db.groupOrder.count()).toBe(before);
  });
});

describe("joining and changing lines at /group-orders/:id", () => {
  let order: { id: string; title: string };
  beforeAll(async () => {
    order = await openNow([coffee().id, tea().id], { title: "Lines round" });
  });

  it("saves a member's lines through their co-op, and lets a member of an invited co-op join too", async () => {
    const response = await saveVia(order.id, A().member, coopA.organization.id, [[coffee().id, 4, 2], [tea().id, "", ""]], "BANK_TRANSFER");
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/group-orders/${order.id}`);
    expect((await flashFrom(response))?.text).toBe("Saved: you have 1 product in this group order. You can change them until it closes.");
    expect(await db.groupOrderMember.findUniqueOrThrow({ where: { groupOrderId_userId: { groupOrderId: order.id, userId: A().member.id } } })).toMatchObject({
      organizationId: coopA.organization.id,
      paymentMethod: "BANK_TRANSFER",
    });
    expect((await linesOf(order.id, A().member)).map(({ variantId, quantity, tolerance }) => ({ variantId, quantity, tolerance }))).toEqual([{ variantId: coffee().id, quantity: 4, tolerance: 2 }]);

    expect((await saveVia(order.id, B().bMember, coopB.organization.id, [[tea().id, 3]])).status).toBe(302);
    expect(await db.groupOrderMember.findUniqueOrThrow({ where: { groupOrderId_userId: { groupOrderId: order.id, userId: B().bMember.id } } })).toMatchObject({ organizationId: coopB.organization.id });
    const view = await readJson(await page(order.id, B().bMember));
    expect(view.view.offers.find((offer: { variantId: string }) => offer.variantId === tea().id).mine).toEqual({ quantity: 3, tolerance: 0 });
  });

  it("shows the page only to members of participating co-ops (404 otherwise)", async () => {
    const cMember = coopC.people.cMember!;
    const viewed = await page(order.id, cMember);
    expect(viewed.status).toBe(404);
    const posted = await saveVia(order.id, cMember, coopC.organization.id, [[coffee().id, 1]]);
    expect(posted.status).toBe(404);
    expect(await db.groupOrderMember.count({ where: { groupOrderId: order.id, userId: cMember.id } })).toBe(0);
    expect((await page("no-such-order", A().member)).status).toBe(404);
  });

  it("refuses ordering through a co-op one does not belong to, or one not taking part (422)", async () => {
    const notMine = await saveVia(order.id, A().member2, coopB.organization.id, [[coffee().id, 1]]);
    expect(notMine.status).toBe(422);
    expect((await readJson(notMine)).error[""]).toEqual(["You can only order through a co-op you belong to."]);
    // member2 belongs to coopC too, but coopC was not invited.
    const notTakingPart = await saveVia(order.id, A().member2, coopC.organization.id, [[coffee().id, 1]]);
    expect(notTakingPart.status).toBe(422);
    expect((await readJson(notTakingPart)).error[""]).toEqual(["That co-op is not taking part in this group order."]);
    expect(await db.groupOrderMember.count({ where: { groupOrderId: order.id, userId: A().member2.id } })).toBe(0);
  });

  it.each([
    ["a negative quantity", [["-1", ""]], "lines[0].quantity", "The quantity cannot be negative"],
    ["a fractional quantity", [["1.5", ""]], "lines[0].quantity", "Enter the quantity as a whole number"],
    ["a quantity that is not a number", [["lots", ""]], "lines[0].quantity", "Enter the quantity as a whole number"],
    ["a negative tolerance", [["2", "-3"]], "lines[0].tolerance", "The tolerance cannot be negative"],
    ["a tolerance without a quantity", [["2", ""], ["0", "2"]], "lines[1].tolerance", "Add a quantity first: tolerance is extra on top of what you order"],
  ] as const)("answers %s with 400 and the message beside that field, saving nothing", async (_case, values, field, message) => {
    const response = await saveVia(
      order.id,
      A().admin,
      coopA.organization.id,
      values.map(([quantity, tolerance], index) => [[coffee().id, tea().id][index]!, quantity, tolerance]),
    );
    expect(response.status).toBe(400);
    const body = await readJson(response);
    expect(body.error[field]).toEqual([message]);
    expect(Object.keys(body.error)).toEqual([field]);
    expect(await linesOf(order.id, A().admin)).toEqual([]);
  });

  it("keeps an edited line's place, removes a line set to 0, and removes the member who leaves every line", async () => {
    const user = A().admin;
    expect((await saveVia(order.id, user, coopA.organization.id, [[coffee().id, 2]])).status).toBe(302);
    const [first] = await linesOf(order.id, user);
    await new Promise((resolve) => setTimeout(resolve, 15));
    expect((await saveVia(order.id, user, coopA.organization.id, [[coffee().id, 5, 1], [tea().id, 2]])).status).toBe(302);
    const edited = await linesOf(order.id, user);
    expect(edited.map(({ id, variantId, quantity, tolerance, createdAt }) => ({ id, variantId, quantity, tolerance, createdAt }))).toEqual([
      { id: first!.id, variantId: coffee().id, quantity: 5, tolerance: 1, createdAt: first!.createdAt },
      { id: expect.any(String), variantId: tea().id, quantity: 2, tolerance: 0, createdAt: expect.any(Date) },
    ]);
    expect(edited[1]!.createdAt.getTime()).toBeGreaterThan(first!.createdAt.getTime());
    // Still ahead of a member who joined after it was first placed.
    const coffeeQueue = await db.groupOrderLine.findMany({ where: { groupOrderId: order.id, variantId: coffee().id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], include: { member: true } });
    expect(coffeeQueue.map((line) => line.member.userId)).toEqual([A().member.id, user.id]);

    const removed = await saveVia(order.id, user, coopA.organization.id, [[coffee().id, 0], [tea().id, 2]]);
    expect((await flashFrom(removed))?.text).toContain("you have 1 product");
    expect((await linesOf(order.id, user)).map((line) => line.variantId)).toEqual([tea().id]);

    const left = await saveVia(order.id, user, coopA.organization.id, [[coffee().id, ""], [tea().id, "0"]]);
    expect(left.status).toBe(302);
    expect((await flashFrom(left))?.text).toBe("You have left this group order.");
    expect(await db.groupOrderMember.count({ where: { groupOrderId: order.id, userId: user.id } })).toBe(0);
    expect(await linesOf(order.id, user)).toEqual([]);
  });

  it("refuses card payment when Stripe is not configured", async () => {
    expect(getPaymentGateway()).toBeNull();
    const response = await saveVia(order.id, A().owner, coopA.organization.id, [[coffee().id, 1]], "CARD");
    expect(response.status).toBe(422);
    expect((await readJson(response)).error[""]).toEqual(["Card payment is not available here. Choose pay at pickup or bank transfer."]);
    expect(await db.groupOrderMember.count({ where: { groupOrderId: order.id, userId: A().owner.id } })).toBe(0);
  });

  it("refuses lines before the order opens (422 beside the form), and after it closed or was cancelled (flashed above the closed page)", async () => {
    const scheduled = await openNow([coffee().id], { opensInHours: 24 });
    const early = await saveVia(scheduled.id, A().member, coopA.organization.id, [[coffee().id, 1]]);
    expect(early.status).toBe(422);
    expect((await readJson(early)).error[""]).toEqual([expect.stringMatching(/^This group order opens at \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC; come back then\.$/)]);

    const toClose = await openNow([coffee().id]);
    await saveMemberLines(toClose.id, A().member.id, memberLines(coopA.organization.id, [[coffee().id, 12]]));
    expect(await closeGroupOrder(toClose.id)).not.toBeNull();
    const late = await saveVia(toClose.id, A().member, coopA.organization.id, [[coffee().id, 24]]);
    // The reloaded page is the closed view, which has no form to show an error beside: the message is flashed.
    expect(late.status).toBe(302);
    expect(await flashFrom(late)).toEqual({ kind: "error", text: "This group order has closed: changes are no longer possible." });

    const toCancel = await openNow([coffee().id]);
    expect((await act(toCancel.id, A().owner, [["intent", "cancel"]])).status).toBe(302);
    const cancelled = await saveVia(toCancel.id, A().member, coopA.organization.id, [[coffee().id, 1]]);
    expect(cancelled.status).toBe(302);
    expect(await flashFrom(cancelled)).toEqual({ kind: "error", text: "This group order has closed: changes are no longer possible." });
    expect(await db.groupOrderLine.count({ where: { groupOrderId: { in: [scheduled.id, toCancel.id] } } })).toBe(0);
  });
});

describe("the live fill at /group-orders/:id/fill", () => {
  it("reflects another member's change at once, and names helpers only within one's own co-op", async () => {
    const order = await openNow([coffee().id], { title: "Fill round" });
    const fillFor = async (user: TestUser) => call(fillLoader, get(`/group-orders/${order.id}/fill`, await cookieOf(user)), { params: { id: order.id } });

    await saveVia(order.id, A().member, coopA.organization.id, [[coffee().id, 9]]);
    const response = await fillFor(B().bMember);
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    const fill = await readJson(response);
    expect(fill).toMatchObject({ phase: "open", memberCount: 1, producers: [{ id: sierra.organization.id, valueIfClosedNow: 0, minimumMet: true }] });
    expect(fill.offers).toEqual([{ variantId: coffee().id, demand: 9, tolerance: 0, helpers: [], fill: { fullCases: 0, inOpenCase: 9, toGo: 3, toleranceCovers: false, casesIfClosedNow: 0 } }]);

    await saveVia(order.id, B().bMember, coopB.organization.id, [[coffee().id, 1, 2]]);
    const afterB = await readJson(await fillFor(A().member));
    expect(afterB.memberCount).toBe(2);
    expect(afterB.offers[0]).toMatchObject({ demand: 10, tolerance: 2, helpers: [`a member of ${coopB.organization.name}`], fill: { inOpenCase: 10, toGo: 2, toleranceCovers: true, casesIfClosedNow: 1 } });
    expect(afterB.producers[0]).toEqual({ id: sierra.organization.id, valueIfClosedNow: 12_000, minimumMet: true });
    expect((await readJson(await fillFor(B().bOwner))).offers[0].helpers).toEqual([B().bMember.name]);

    expect((await fillFor(coopC.people.cMember!)).status).toBe(404);
  });
});

describe("what the page sends to members of other co-ops", () => {
  it("carries neither the names nor the lines of another co-op's members in the loader data", async () => {
    const order = await openNow([coffee().id], { title: "Private page round" });
    await saveVia(order.id, A().member, coopA.organization.id, [[coffee().id, 7, 3]]);
    await saveVia(order.id, B().bMember, coopB.organization.id, [[coffee().id, 2]]);
    const data = await readJson(await page(order.id, B().bMember));
    // What the page renders is right: coopA's helper is "a member of" coopA, their demand only a number…
    expect(data.view.offers[0]).toMatchObject({ demand: 9, tolerance: 3, helpers: [`a member of ${coopA.organization.name}`] });
    expect(data.view.ownCoopMembers.map((member: { name: string }) => member.name)).toEqual([B().bMember.name]);
    // …but the browser receives the loader data whole, so it must not carry them either.
    const sent = JSON.stringify(data);
    expect(sent).not.toContain(A().member.name);
    expect(sent).not.toContain(A().member.id);
  });
});

describe("closing and cancelling from the page", () => {
  let order: { id: string; title: string };
  beforeAll(async () => {
    order = await openNow([coffee().id, tea().id], { title: "Close-now round" });
    await saveVia(order.id, A().member, coopA.organization.id, [[coffee().id, 8, 2], [tea().id, 5, 1]]);
    await saveVia(order.id, B().bMember, coopB.organization.id, [[coffee().id, 3]]);
    await saveVia(order.id, A().member2, coopA.organization.id, [[tea().id, 1]]);
  });

  it("forbids a MEMBER to close or cancel (403)", async () => {
    expect((await act(order.id, A().member, [["intent", "close-now"]])).status).toBe(403);
    expect((await act(order.id, A().member, [["intent", "cancel"]])).status).toBe(403);
    // An owner of an invited co-op does not coordinate either.
    expect((await act(order.id, B().bOwner, [["intent", "close-now"]])).status).toBe(403);
    expect((await act(order.id, A().owner, [["intent", "explode"]])).status).toBe(400);
    expect((await db.groupOrder.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("OPEN");
  });

  it("closes now for the coordinator, and says so when asked a second time", async () => {
    const response = await act(order.id, A().admin, [["intent", "close-now"]]);
    expect(response.status).toBe(302);
    // Coffee 11 + 2 → one case; tea 6 + 1 → one case.
    expect(await flashFrom(response)).toEqual({ kind: "success", text: "Closed: 2 cases ordered for 3 of 3 members. Everyone has been told what they get." });
    expect((await db.groupOrder.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("CLOSED");
    expect(await db.order.count({ where: { groupOrderId: order.id } })).toBe(3);
    const emails = await db.outboxEvent.findMany({ where: { topic: "email.send", payload: { contains: order.title } } });
    expect(emails.some((event) => (JSON.parse(event.payload) as { text: string }).text.includes(`http://localhost/group-orders/${order.id}`))).toBe(true);

    const again = await act(order.id, A().owner, [["intent", "close-now"]]);
    expect(again.status).toBe(302);
    expect(await flashFrom(again)).toEqual({ kind: "error", text: "This group order is not open, so it cannot be closed." });
    expect(await db.order.count({ where: { groupOrderId: order.id } })).toBe(3);
    expect((await flashFrom(await act(order.id, A().owner, [["intent", "cancel"]])))?.text).toBe("Only an open group order can be cancelled.");
  });

  it("cancels an open order for the coordinator; nobody is charged", async () => {
    const other = await openNow([tea().id], { title: "Cancelled round" });
    await saveVia(other.id, A().member, coopA.organization.id, [[tea().id, 6]]);
    const response = await act(other.id, A().owner, [["intent", "cancel"]]);
    expect(await flashFrom(response)).toEqual({ kind: "success", text: "The group order is cancelled. Nobody is charged." });
    expect(await db.groupOrder.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({ status: "CANCELLED", closedAt: expect.any(Date) });
    expect(await db.order.count({ where: { groupOrderId: other.id } })).toBe(0);
  });

  describe("after the close", () => {
    it("shows members only their own allocation on the page, and the coordinator everyone's", async () => {
      const memberPage = await readJson(await page(order.id, A().member));
      expect(memberPage.view.phase).toBe("closed");
      expect(memberPage.outcome.map((row: { name: string; isMe: boolean }) => [row.name, row.isMe])).toEqual([[A().member.name, true]]);
      expect(memberPage.outcome[0].lines.map((line: { variantId: string; units: number }) => [line.variantId, line.units]).sort()).toEqual(
        // Coffee: 11 asked + 2 tolerance → one case of 12, the extra unit from this member's tolerance; tea: exactly one case.
        [[coffee().id, 9], [tea().id, 5]].sort(),
      );
      const invitedPage = await readJson(await page(order.id, B().bMember));
      expect(invitedPage.outcome.map((row: { name: string }) => row.name)).toEqual([B().bMember.name]);

      const coordinatorPage = await readJson(await page(order.id, A().owner));
      expect(coordinatorPage.view.canCoordinate).toBe(true);
      expect(coordinatorPage.outcome.map((row: { name: string }) => row.name).sort()).toEqual([A().member.name, A().member2.name, B().bMember.name].sort());
    });

    it("gives the coordinator the summary CSV: a header and one row per allocation", async () => {
      const response = await call(summaryCsvLoader, get(`/group-orders/${order.id}/summary.csv`, await cookieOf(A().owner)), { params: { id: order.id } });
      expect(response.status).toBe(200);
      expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
      expect(response.headers.get("Content-Disposition")).toBe(`attachment; filename="group-order-${order.id}.csv"`);
      const rows = parse(await response.text(), { bom: true }) as string[][];
      expect(rows[0]).toEqual([...GROUP_SUMMARY_CSV_COLUMNS]);
      expect(rows).toHaveLength(1 + (await db.groupOrderAllocation.count({ where: { groupOrderId: order.id } })));
      const bOrder = await db.order.findFirstOrThrow({ where: { groupOrderId: order.id, buyerUserId: B().bMember.id } });
      expect(rows).toContainEqual([coopB.organization.name, B().bMember.name, "Washed Caturra (250 g bag)", "3", "0", "3", "0", "3000", "", bOrder.number]);
    });

    it("refuses the CSV to members (403), and before the close (404)", async () => {
      const asMember = await call(summaryCsvLoader, get(`/group-orders/${order.id}/summary.csv`, await cookieOf(A().member)), { params: { id: order.id } });
      expect(asMember.status).toBe(403);
      const open = await openNow([coffee().id]);
      const early = await call(summaryCsvLoader, get(`/group-orders/${open.id}/summary.csv`, await cookieOf(A().owner)), { params: { id: open.id } });
      expect(early.status).toBe(404);
    });

    it("lists for a producer only the group orders with its goods, and 404s the purchase order of one without", async () => {
      const andesOrder = await openNow([andes.variant.id], { title: "Cocoa round" });
      const sierraList = await readJson(await call(purchaseOrdersLoader, get("/dashboard/purchase-orders", await cookieOf(sierra.owner))));
      const sierraIds = sierraList.orders.map((listed: { id: string }) => listed.id);
      expect(sierraIds).toContain(order.id);
      expect(sierraIds).not.toContain(andesOrder.id);
      const andesList = await readJson(await call(purchaseOrdersLoader, get("/dashboard/purchase-orders", await cookieOf(andes.owner))));
      expect(andesList.orders.map((listed: { id: string }) => listed.id)).toEqual([andesOrder.id]);

      const purchaseOrder = await call(purchaseOrderLoader, get(`/dashboard/purchase-orders/${order.id}`, await cookieOf(sierra.owner)), { params: { id: order.id } });
      expect(purchaseOrder.status).toBe(200);
      const body = await readJson(purchaseOrder);
      expect(body.order.offers.map((offer: { variantId: string; casesOrdered: number; unitsOrdered: number }) => [offer.variantId, offer.casesOrdered, offer.unitsOrdered]).sort()).toEqual(
        [[coffee().id, 1, 12], [tea().id, 1, 6]].sort(),
      );
      const notTheirs = await call(purchaseOrderLoader, get(`/dashboard/purchase-orders/${order.id}`, await cookieOf(andes.owner)), { params: { id: order.id } });
      expect(notTheirs.status).toBe(404);
      // Buying co-ops have no purchase orders to fill.
      expect((await readJson(await call(purchaseOrdersLoader, get("/dashboard/purchase-orders", await cookieOf(A().owner))))).orders).toEqual([]);
    });

    it("opens the member's group order at /orders/:id", async () => {
      const mine = await db.order.findFirstOrThrow({ where: { groupOrderId: order.id, buyerUserId: A().member.id } });
      const response = await call(orderLoader, get(`/orders/${mine.id}`, await cookieOf(A().member)), { params: { id: mine.id } });
      expect(response.status).toBe(200);
      const body = await readJson(response);
      expect(body.order).toMatchObject({ id: mine.id, channel: "GROUP", status: "CONFIRMED", groupOrderId: order.id, buyerOrganization: { id: coopA.organization.id } });
      expect(body.order.fulfillments).toEqual([expect.objectContaining({ sellerOrganizationId: sierra.organization.id })]);
      expect((await call(orderLoader, get(`/orders/${mine.id}`, await cookieOf(coopC.people.cMember!)), { params: { id: mine.id } })).status).toBe(404);
    });

    it("keeps a member's group order private from the other members of their co-op", async () => {
      // The page's outcome shows a MEMBER only their own allocation; their order must not be readable by a co-op mate.
      const mine = await db.order.findFirstOrThrow({ where: { groupOrderId: order.id, buyerUserId: A().member.id } });
      const mates = await call(orderLoader, get(`/orders/${mine.id}`, await cookieOf(A().member2)), { params: { id: mine.id } });
      expect(mates.status).toBe(404);
    });
  });
});
