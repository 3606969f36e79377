/**
 * Group purchasing: buying co-ops pool their members' demand to fill producers' cases. Opening and joining are
 * ordinary writes; closing runs the pure allocation (app/domain/allocation.ts) and writes, in ONE transaction, the
 * allocation, the stock, one order per member (with fulfilments per producer and a balanced ledger) and the emails.
 * Bulk inserts keep a 10,000-line close well under a second (scripts/bench/group-order.ts).
 */
import { timeOrderedId } from "~/lib/ids.server";
import { db, insertRows, runEach } from "~/adapters/db.server";
import { allocate, caseFill, type CutReason } from "~/domain/allocation";
import { RuleViolation } from "~/domain/errors";
import { allocationResultEmail, groupOrderOpenedEmail, groupOrderReminderEmail, purchaseOrderEmail } from "~/domain/group-order-emails";
import { groupOrderPhase, type GroupOrderForm, type MemberLinesForm } from "~/domain/group-order-forms";
import type { OutboxMessages } from "~/domain/outbox";
import { ledgerLinesFor, orderTotals, splitSellerGoods } from "~/domain/order-split";
import type { Prisma } from "~/generated/prisma/client";
import { publicUrl } from "~/lib/public-url.server";
import { feeRates, newOrderNumber } from "./checkout.server";

type Tx = Prisma.TransactionClient;
type Actor = { userId: string; organization: { id: string; name: string; kind: string; verifiedAt: Date | null } };


/** Buying co-ops (verified) a coordinator can invite, and what can be offered. */
export async function groupOrderFormOptions(coordinatorOrganizationId: string) {
  const [pickupPoints, producers, coops] = await Promise.all([
    db.pickupPoint.findMany({ where: { active: true }, include: { organization: { select: { name: true } } }, orderBy: [{ city: "asc" }, { name: "asc" }] }),
    db.organization.findMany({
      where: { kind: { in: ["PRODUCER", "SUPPLIER"] }, products: { some: { status: "ACTIVE" } } },
      orderBy: { name: "asc" },
      select: {
        id: true,
        name: true,
        minimumWholesaleOrderCents: true,
        products: {
          where: { status: "ACTIVE" },
          orderBy: { title: "asc" },
          select: { title: true, variants: { orderBy: { position: "asc" }, select: { id: true, unitLabel: true, caseSize: true, wholesaleCasePriceCents: true, stock: true } } },
        },
      },
    }),
    db.organization.findMany({
      where: { kind: "BUYING_COOP", verifiedAt: { not: null }, id: { not: coordinatorOrganizationId } },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
  ]);
  return { pickupPoints, producers, coops };
}

function assertCoordinatorOrganization(organization: Actor["organization"]) {
  if (organization.kind !== "BUYING_COOP") throw new RuleViolation("Group orders are opened by buying co-ops. Switch to your buying co-op first.");
  if (!organization.verifiedAt) throw new RuleViolation("Group orders buy at wholesale prices, so the platform must verify your co-op first.");
}

export async function createGroupOrder(actor: Actor, form: GroupOrderForm, { now = new Date() } = {}) {
  assertCoordinatorOrganization(actor.organization);
  if (form.closesAt <= now) throw new RuleViolation("The closing time has already passed. Choose a later one.");
  return db.$transaction(async (tx) => {
    const point = await tx.pickupPoint.findFirst({ where: { id: form.pickupPointId, active: true }, select: { id: true, organizationId: true } });
    if (!point) throw new RuleViolation("That pickup point is no longer available. Choose another.");
    const variants = await tx.variant.findMany({
      where: { id: { in: form.variantIds }, product: { status: "ACTIVE" } },
      select: { id: true, caseSize: true, wholesaleCasePriceCents: true, product: { select: { organization: { select: { id: true, minimumWholesaleOrderCents: true, kind: true } } } } },
    });
    if (variants.length !== new Set(form.variantIds).size) throw new RuleViolation("Some of the chosen products are no longer sold. Reload the page and choose again.");
    const invited = await tx.organization.findMany({
      where: { id: { in: form.invitedOrganizationIds.filter((id) => id !== actor.organization.id) }, kind: "BUYING_COOP", verifiedAt: { not: null } },
      select: { id: true },
    });
    const producers = new Map(variants.map((variant) => [variant.product.organization.id, variant.product.organization.minimumWholesaleOrderCents]));
    return tx.groupOrder.create({
      data: {
        title: form.title,
        coordinatorOrganizationId: actor.organization.id,
        createdById: actor.userId,
        opensAt: form.opensAt,
        closesAt: form.closesAt,
        deliveryDate: form.deliveryDate,
        pickupPointId: point.id,
        distributorOrganizationId: point.organizationId,
        sharedFeesCents: form.sharedFees,
        note: form.note || null,
        producers: { create: [...producers].map(([organizationId, minimumOrderCents]) => ({ organizationId, minimumOrderCents })) },
        offers: { create: variants.map((variant) => ({ variantId: variant.id, caseSize: variant.caseSize, casePriceCents: variant.wholesaleCasePriceCents })) },
        participants: { create: [{ organizationId: actor.organization.id }, ...invited.map((organization) => ({ organizationId: organization.id }))] },
      },
    });
  });
}

/** Group orders a user can see: those of co-ops they belong to (as coordinator or invited participant). */
export async function listGroupOrders(userId: string) {
  return db.groupOrder.findMany({
    where: { participants: { some: { organization: { memberships: { some: { userId } } } } } },
    orderBy: [{ status: "asc" }, { closesAt: "asc" }],
    take: 100,
    include: {
      coordinator: { select: { name: true } },
      pickupPoint: { select: { name: true, city: true } },
      participants: { include: { organization: { select: { name: true } } } },
      producers: { include: { organization: { select: { name: true } } } },
      _count: { select: { members: true } },
    },
  });
}

async function viewerOrganizations(userId: string, groupOrderId: string) {
  const memberships = await db.membership.findMany({
    where: { userId, organization: { groupOrderParticipations: { some: { groupOrderId } } } },
    select: { role: true, organization: { select: { id: true, name: true } } },
    orderBy: { createdAt: "asc" },
  });
  // The coordinating co-op first: it is the natural default for ordering through.
  const coordinator = await db.groupOrder.findUnique({ where: { id: groupOrderId }, select: { coordinatorOrganizationId: true } });
  return memberships.sort((a, b) => Number(b.organization.id === coordinator?.coordinatorOrganizationId) - Number(a.organization.id === coordinator?.coordinatorOrganizationId));
}

/** Live view of one group order for a member of a participating co-op; null for anyone else. */
export async function getGroupOrderView(groupOrderId: string, userId: string, now = new Date()) {
  const memberships = await viewerOrganizations(userId, groupOrderId);
  if (memberships.length === 0) return null;
  const order = await db.groupOrder.findUnique({
    where: { id: groupOrderId },
    include: {
      coordinator: { select: { id: true, name: true } },
      createdBy: { select: { name: true } },
      pickupPoint: true,
      distributor: { select: { name: true } },
      participants: { include: { organization: { select: { id: true, name: true } } }, orderBy: { invitedAt: "asc" } },
      producers: { include: { organization: { select: { id: true, name: true, slug: true } } } },
      offers: {
        include: { variant: { select: { id: true, sku: true, unitLabel: true, stock: true, product: { select: { title: true, slug: true, organizationId: true } } } } },
      },
      members: { include: { user: { select: { id: true, name: true } }, organization: { select: { id: true, name: true } } } },
      lines: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
    },
  });
  if (!order) return null;
  const myOrganizationIds = new Set(memberships.map((membership) => membership.organization.id));
  const membersById = new Map(order.members.map((member) => [member.id, member]));
  const me = order.members.find((member) => member.userId === userId) ?? null;
  const offers = order.offers
    .map((offer) => {
      const lines = order.lines.filter((line) => line.variantId === offer.variantId);
      const demand = lines.reduce((sum, line) => sum + line.quantity, 0);
      const tolerance = lines.reduce((sum, line) => sum + line.tolerance, 0);
      // Each co-op sees its own members by name; other co-ops' demand only as a number.
      const helpers = lines
        .filter((line) => line.tolerance > 0)
        .map((line) => membersById.get(line.memberId)!)
        .map((member) => (myOrganizationIds.has(member.organizationId) ? member.user.name : `a member of ${member.organization.name}`));
      const mine = me ? lines.find((line) => line.memberId === me.id) : undefined;
      return {
        variantId: offer.variantId,
        sku: offer.variant.sku,
        title: offer.variant.product.title,
        productSlug: offer.variant.product.slug,
        unitLabel: offer.variant.unitLabel,
        producerId: offer.variant.product.organizationId,
        caseSize: offer.caseSize,
        casePriceCents: offer.casePriceCents,
        stock: offer.variant.stock,
        demand,
        tolerance,
        fill: caseFill(demand, tolerance, offer.caseSize),
        helpers: [...new Set(helpers)],
        mine: mine ? { quantity: mine.quantity, tolerance: mine.tolerance } : null,
        casesOrdered: offer.casesOrdered,
        unitsOrdered: offer.unitsOrdered,
      };
    })
    .sort((a, b) => a.title.localeCompare(b.title) || a.unitLabel.localeCompare(b.unitLabel));
  const producers = order.producers.map((producer) => {
    const valueIfClosedNow = offers
      .filter((offer) => offer.producerId === producer.organizationId)
      .reduce((sum, offer) => sum + Math.min(offer.fill.casesIfClosedNow, Math.floor(offer.stock / offer.caseSize)) * offer.casePriceCents, 0);
    return { ...producer.organization, minimumOrderCents: producer.minimumOrderCents, valueIfClosedNow, minimumMet: valueIfClosedNow >= producer.minimumOrderCents };
  });
  const ownCoopMembers = order.members
    .filter((member) => myOrganizationIds.has(member.organizationId))
    .map((member) => ({ name: member.user.name, organization: member.organization.name, lines: order.lines.filter((line) => line.memberId === member.id).length }));
  const canCoordinate = memberships.some((membership) => membership.organization.id === order.coordinatorOrganizationId && (membership.role === "OWNER" || membership.role === "ADMIN"));
  // Members' names and per-member lines stay on the server: the page gets aggregates, own-co-op names and own lines.
  const { members: _members, lines: _lines, ...summary } = order;
  return {
    order: summary,
    phase: groupOrderPhase(order, now),
    offers,
    producers,
    ownCoopMembers,
    myOrganizations: memberships.map((membership) => membership.organization),
    me: me ? { organizationId: me.organizationId, paymentMethod: me.paymentMethod } : null,
    canCoordinate,
    memberCount: order.members.length,
  };
}

/** The live numbers only, for polling: cheap enough to ask every few seconds. */
export async function groupOrderFill(groupOrderId: string, userId: string, now = new Date()) {
  const view = await getGroupOrderView(groupOrderId, userId, now);
  if (!view) return null;
  return {
    phase: view.phase,
    memberCount: view.memberCount,
    offers: view.offers.map(({ variantId, demand, tolerance, fill, helpers }) => ({ variantId, demand, tolerance, fill, helpers })),
    producers: view.producers.map(({ id, valueIfClosedNow, minimumMet }) => ({ id, valueIfClosedNow, minimumMet })),
  };
}

/**
 * Saves a member's quantities and tolerances (0 removes a line). Only while the order is open, only through a
 * participating co-op the user belongs to, only for variants on offer.
 */
export async function saveMemberLines(groupOrderId: string, userId: string, form: MemberLinesForm, { now = new Date(), cardEnabled = false } = {}) {
  return db.$transaction(async (tx) => {
    const order = await tx.groupOrder.findUnique({
      where: { id: groupOrderId },
      select: { status: true, opensAt: true, closesAt: true, offers: { select: { variantId: true } }, participants: { select: { organizationId: true } } },
    });
    if (!order) throw new RuleViolation("We couldn't find that group order.");
    const phase = groupOrderPhase(order, now);
    if (phase === "scheduled") throw new RuleViolation(`This group order opens at ${order.opensAt.toISOString().slice(0, 16).replace("T", " ")} UTC; come back then.`);
    if (phase !== "open") throw new RuleViolation("This group order has closed: changes are no longer possible.");
    if (!order.participants.some((participant) => participant.organizationId === form.organizationId)) {
      throw new RuleViolation("That co-op is not taking part in this group order.");
    }
    const membership = await tx.membership.findUnique({ where: { userId_organizationId: { userId, organizationId: form.organizationId } } });
    if (!membership) throw new RuleViolation("You can only order through a co-op you belong to.");
    if (form.paymentMethod === "CARD" && !cardEnabled) throw new RuleViolation("Card payment is not available here. Choose pay at pickup or bank transfer.");
    const offered = new Set(order.offers.map((offer) => offer.variantId));
    const unknown = form.lines.find((line) => !offered.has(line.variantId));
    if (unknown) throw new RuleViolation("One of the products is not part of this group order. Reload the page.");
    const existing = await tx.groupOrderMember.findUnique({ where: { groupOrderId_userId: { groupOrderId, userId } } });
    if (!existing && form.lines.every((line) => line.quantity === 0)) throw new RuleViolation("Enter a quantity for at least one product to join.");
    const member = await tx.groupOrderMember.upsert({
      where: { groupOrderId_userId: { groupOrderId, userId } },
      create: { groupOrderId, userId, organizationId: form.organizationId, paymentMethod: form.paymentMethod },
      update: { organizationId: form.organizationId, paymentMethod: form.paymentMethod },
    });
    let kept = 0;
    for (const line of form.lines) {
      if (line.quantity === 0) {
        await tx.groupOrderLine.deleteMany({ where: { memberId: member.id, variantId: line.variantId } });
        continue;
      }
      kept += 1;
      // An edit keeps the line's place in the queue (createdAt); only new lines join at the back.
      await tx.groupOrderLine.upsert({
        where: { memberId_variantId: { memberId: member.id, variantId: line.variantId } },
        create: { groupOrderId, memberId: member.id, variantId: line.variantId, quantity: line.quantity, tolerance: line.tolerance },
        update: { quantity: line.quantity, tolerance: line.tolerance },
      });
    }
    const remaining = await tx.groupOrderLine.count({ where: { memberId: member.id } });
    if (remaining === 0) await tx.groupOrderMember.delete({ where: { id: member.id } });
    return { lines: remaining, changed: kept };
  });
}

export async function cancelGroupOrder(groupOrderId: string) {
  const changed = await db.groupOrder.updateMany({ where: { id: groupOrderId, status: "OPEN" }, data: { status: "CANCELLED", closedAt: new Date() } });
  if (changed.count === 0) throw new RuleViolation("Only an open group order can be cancelled.");
}

function summaryFor(order: { id: string; title: string; closesAt: Date; deliveryDate: Date; coordinator: { name: string }; pickupPoint: { name: string; address: string; city: string } }, baseUrl: string) {
  return {
    title: order.title,
    url: publicUrl(baseUrl, `/group-orders/${order.id}`),
    coordinator: order.coordinator.name,
    closesAt: order.closesAt,
    deliveryDate: order.deliveryDate,
    pickup: `${order.pickupPoint.name}, ${order.pickupPoint.address}, ${order.pickupPoint.city}`,
  };
}

/** Complete outbox rows (bulk inserts apply no defaults). */
function outboxRows(messages: OutboxMessages["email.send"][], now: Date): Prisma.OutboxEventCreateManyInput[] {
  return messages.map((message) => ({
    id: timeOrderedId(),
    topic: "email.send",
    payload: JSON.stringify(message),
    status: "PENDING",
    attempts: 0,
    availableAt: now,
    createdAt: now,
  }));
}

export type CloseSummary = { groupOrderId: string; members: number; orders: number; cases: number; totalCents: number; allocationMs: number };

/**
 * Closes an open group order (the scheduler at closesAt, or the coordinator's "close now"). Guarded by status, so
 * two closers never both run it. Returns null when it was not open.
 */
export async function closeGroupOrder(groupOrderId: string, { now = new Date(), baseUrl = "http://localhost:3000" } = {}): Promise<CloseSummary | null> {
  return db.$transaction(
    async (tx) => {
      const claimed = await tx.groupOrder.updateMany({ where: { id: groupOrderId, status: "OPEN" }, data: { status: "CLOSED", closedAt: now } });
      if (claimed.count === 0) return null;
      const order = await tx.groupOrder.findUniqueOrThrow({
        where: { id: groupOrderId },
        include: {
          coordinator: { select: { name: true } },
          createdBy: { select: { email: true } },
          pickupPoint: true,
          distributor: { select: { id: true, name: true, distributorFeeBps: true, distributorOrderFeeCents: true } },
          producers: { include: { organization: { select: { id: true, name: true } } } },
          offers: { include: { variant: { select: { stock: true, sku: true, unitLabel: true, product: { select: { title: true, organizationId: true } } } } } },
          members: { include: { user: { select: { name: true, email: true } } } },
        },
      });
      // Up to tens of thousands of lines: read as plain rows (a model query spends ~10 µs a row mapping them).
      const requested = await tx.$queryRaw<{ id: string; memberId: string; variantId: string; quantity: number; tolerance: number }[]>`
        SELECT "id", "memberId", "variantId", "quantity", "tolerance" FROM "GroupOrderLine"
        WHERE "groupOrderId" = ${groupOrderId} ORDER BY "createdAt", "id"`;
      const offers = new Map(order.offers.map((offer) => [offer.variantId, offer]));
      const started = performance.now();
      const result = allocate({
        variants: order.offers.map((offer) => ({
          variantId: offer.variantId,
          producerId: offer.variant.product.organizationId,
          caseSize: offer.caseSize,
          casePriceCents: offer.casePriceCents,
          stock: offer.variant.stock,
        })),
        lines: requested.map((line, sequence) => ({ lineId: line.id, memberId: line.memberId, variantId: line.variantId, quantity: Number(line.quantity), tolerance: Number(line.tolerance), sequence })),
        producerMinimums: Object.fromEntries(order.producers.map((producer) => [producer.organizationId, producer.minimumOrderCents])),
        sharedFeesCents: order.sharedFeesCents,
      });
      const allocationMs = performance.now() - started;

      // Bulk writes (insertRows, runEach): a close writes tens of thousands of rows, which createMany makes slow.
      // Their ids are time-ordered (timeOrderedId), so each insert lands at the end of the tables' indexes.
      await insertRows(
        tx,
        "GroupOrderAllocation",
        result.lines.map((line) => ({
          id: timeOrderedId(),
          groupOrderId,
          lineId: line.lineId,
          memberId: line.memberId,
          variantId: line.variantId,
          requested: line.requested,
          tolerance: line.tolerance,
          units: line.units,
          fromTolerance: line.fromTolerance,
          costCents: line.costCents,
          cutReason: line.cut,
        })),
      );
      await runEach(
        tx,
        `UPDATE "GroupOrderOffer" SET "casesOrdered" = ?, "unitsOrdered" = ? WHERE "groupOrderId" = ? AND "variantId" = ?`,
        result.variants.map((variant) => [variant.cases, variant.units, groupOrderId, variant.variantId]),
      );
      const ordered = result.variants.filter((variant) => variant.units > 0);
      // The allocation never takes more than the stock it read in this transaction, so every guarded update applies.
      const taken = await runEach(
        tx,
        `UPDATE "Variant" SET "stock" = "stock" - ? WHERE "id" = ? AND "stock" >= ?`,
        ordered.map((variant) => [variant.units, variant.variantId, variant.units]),
      );
      const missed = ordered.find((_, index) => taken[index] !== 1);
      if (missed) throw new Error(`Stock of ${missed.variantId} changed during the close`);

      // One order per member who gets anything: fulfilments per producer, a balanced ledger, the emails.
      const rates = feeRates(order.distributor.distributorFeeBps);
      const producerNames = new Map(order.producers.map((producer) => [producer.organizationId, producer.organization.name]));
      const linesByMember = new Map<string, typeof result.lines>();
      for (const line of result.lines) {
        const list = linesByMember.get(line.memberId);
        if (list) list.push(line);
        else linesByMember.set(line.memberId, [line]);
      }
      // Every column is given: bulk inserts apply no Prisma defaults (ids, timestamps, statuses).
      const stamps = { createdAt: now, updatedAt: now };
      const membersById = new Map(order.members.map((member) => [member.id, member]));
      const orders: Array<Prisma.OrderCreateManyInput & { id: string; totalCents: number }> = [];
      const fulfillments: Prisma.FulfillmentCreateManyInput[] = [];
      const orderLines: Prisma.OrderLineCreateManyInput[] = [];
      const payments: Prisma.PaymentCreateManyInput[] = [];
      const ledger: Prisma.LedgerEntryCreateManyInput[] = [];
      const emails: OutboxMessages["email.send"][] = [];
      const summary = summaryFor(order, baseUrl);
      for (const memberTotal of result.members) {
        const member = membersById.get(memberTotal.memberId)!;
        const lines = linesByMember.get(member.id) ?? [];
        const given = lines.filter((line) => line.units > 0);
        let orderUrl: string | null = null;
        if (given.length > 0) {
          const orderId = timeOrderedId();
          const number = newOrderNumber();
          const byProducer = new Map<string, typeof given>();
          for (const line of given) {
            const producerId = offers.get(line.variantId)!.variant.product.organizationId;
            const list = byProducer.get(producerId);
            if (list) list.push(line);
            else byProducer.set(producerId, [line]);
          }
          const splits = [...byProducer].map(([producerId, producerLines]) => ({
            id: timeOrderedId(),
            producerId,
            producerLines,
            ...splitSellerGoods(producerLines.reduce((sum, line) => sum + line.costCents, 0), rates),
          }));
          const totals = orderTotals(splits, memberTotal.feesCents, order.distributor.distributorOrderFeeCents);
          const card = member.paymentMethod === "CARD";
          orders.push({
            id: orderId,
            number,
            checkoutToken: `group:${groupOrderId}:${member.id}`,
            buyerUserId: member.userId,
            buyerOrganizationId: member.organizationId,
            channel: "GROUP",
            status: card ? "AWAITING_PAYMENT" : "CONFIRMED",
            contactName: member.user.name,
            contactEmail: member.user.email,
            handover: "PICKUP",
            pickupPointId: order.pickupPointId,
            distributorOrganizationId: order.distributorOrganizationId,
            paymentMethod: member.paymentMethod,
            ...totals,
            placedAt: now,
            deliveryDate: order.deliveryDate,
            groupOrderId,
            currency: "EUR",
            ...stamps,
          });
          payments.push({
            id: timeOrderedId(),
            orderId,
            provider: card ? "STRIPE" : "OFFLINE",
            method: member.paymentMethod,
            status: "PENDING",
            amountCents: totals.totalCents,
            currency: "EUR",
            ...stamps,
          });
          for (const split of splits) {
            const { producerLines, producerId, ...shares } = split;
            fulfillments.push({ ...shares, orderId, sellerOrganizationId: producerId, status: "AWAITING_GOODS", ...stamps });
            for (const line of producerLines) {
              const offer = offers.get(line.variantId)!;
              orderLines.push({
                id: timeOrderedId(),
                orderId,
                fulfillmentId: split.id,
                variantId: line.variantId,
                productTitle: offer.variant.product.title,
                unitLabel: offer.variant.unitLabel,
                sku: offer.variant.sku,
                mode: "UNIT",
                quantity: line.units,
                units: line.units,
                // The exact cost is the line total (a case's price split over its units); per unit is for display.
                unitPriceCents: Math.round(line.costCents / line.units),
                lineTotalCents: line.costCents,
              });
            }
          }
          // Card payers' ledger is written when they pay (markOrderPaid), like any card order.
          if (!card) {
            const entries = ledgerLinesFor({
              number,
              buyerOrganizationId: member.organizationId,
              distributor: order.distributor,
              deliveryFeeCents: totals.deliveryFeeCents,
              deliveryLabel: "shared costs",
              orderFeeCents: order.distributor.distributorOrderFeeCents,
              totalCents: totals.totalCents,
              fulfillments: splits.map((split) => ({ ...split, seller: { id: split.producerId, name: producerNames.get(split.producerId) ?? "Producer" } })),
            });
            for (const entry of entries) ledger.push({ id: timeOrderedId(), ...entry, orderId, createdAt: now });
          }
          orderUrl = publicUrl(baseUrl, `/orders/${orderId}`);
        }
        emails.push({
          to: member.user.email,
          ...allocationResultEmail(summary, {
            name: member.user.name,
            lines: lines.map((line) => ({
              product: `${offers.get(line.variantId)!.variant.product.title} (${offers.get(line.variantId)!.variant.unitLabel})`,
              requested: line.requested,
              tolerance: line.tolerance,
              units: line.units,
              costCents: line.costCents,
              cut: line.cut,
            })),
            goodsCents: memberTotal.goodsCents,
            feesCents: memberTotal.feesCents,
            totalCents: orderUrl ? orders[orders.length - 1].totalCents : 0,
            orderUrl,
          }),
        });
      }
      await insertRows(tx, "Order", orders);
      await insertRows(tx, "Fulfillment", fulfillments);
      await insertRows(tx, "OrderLine", orderLines);
      await insertRows(tx, "Payment", payments);
      await insertRows(tx, "LedgerEntry", ledger);

      // One consolidated purchase order per producer, to its owners and admins; a summary to the coordinator.
      const producerContacts = await tx.membership.findMany({
        where: { organizationId: { in: order.producers.map((producer) => producer.organizationId) }, role: { in: ["OWNER", "ADMIN"] } },
        select: { organizationId: true, user: { select: { email: true } } },
      });
      for (const producer of order.producers) {
        const lines = result.variants
          .filter((variant) => variant.producerId === producer.organizationId && variant.cases > 0)
          .map((variant) => {
            const offer = offers.get(variant.variantId)!;
            return { product: `${offer.variant.product.title} (${offer.variant.unitLabel}, ${offer.variant.sku})`, cases: variant.cases, units: variant.units, costCents: variant.costCents };
          });
        if (lines.length === 0) continue;
        const message = purchaseOrderEmail(summary, { name: producer.organization.name, lines, dashboardUrl: publicUrl(baseUrl, `/dashboard/purchase-orders/${groupOrderId}`) });
        for (const contact of producerContacts.filter((candidate) => candidate.organizationId === producer.organizationId)) emails.push({ to: contact.user.email, ...message });
      }
      const cases = result.variants.reduce((sum, variant) => sum + variant.cases, 0);
      emails.push({
        to: order.createdBy.email,
        subject: `Closed: ${order.title}`,
        text: `"${order.title}" closed with ${cases} cases for ${orders.length} of ${order.members.length} members. The summary and its CSV: ${summary.url}`,
      });
      await insertRows(tx, "OutboxEvent", outboxRows(emails, now));
      return { groupOrderId, members: order.members.length, orders: orders.length, cases, totalCents: result.totalCents, allocationMs };
    },
    { maxWait: 20_000, timeout: 60_000 },
  );
}

/** The scheduler's pass: opening notices, 24-hour reminders, and closing what is due. */
export async function runGroupOrderSchedule(now = new Date(), baseUrl = "http://localhost:3000") {
  const dueNotices = await db.groupOrder.findMany({
    where: { status: "OPEN", opensAt: { lte: now }, closesAt: { gt: now }, openNoticeSentAt: null },
    select: { id: true },
  });
  for (const { id } of dueNotices) await notifyParticipants(id, "opened", now, baseUrl);
  const dueReminders = await db.groupOrder.findMany({
    where: { status: "OPEN", closesAt: { gt: now, lte: new Date(now.getTime() + 24 * 3_600_000) }, opensAt: { lte: now }, reminderSentAt: null },
    select: { id: true },
  });
  for (const { id } of dueReminders) await notifyParticipants(id, "reminder", now, baseUrl);
  const dueCloses = await db.groupOrder.findMany({ where: { status: "OPEN", closesAt: { lte: now } }, select: { id: true } });
  const closed: CloseSummary[] = [];
  for (const { id } of dueCloses) {
    const summary = await closeGroupOrder(id, { now, baseUrl });
    if (summary) closed.push(summary);
  }
  return { notices: dueNotices.length, reminders: dueReminders.length, closed };
}

async function notifyParticipants(groupOrderId: string, kind: "opened" | "reminder", now: Date, baseUrl: string) {
  await db.$transaction(async (tx) => {
    const field = kind === "opened" ? "openNoticeSentAt" : "reminderSentAt";
    const claimed = await tx.groupOrder.updateMany({ where: { id: groupOrderId, [field]: null }, data: { [field]: now } });
    if (claimed.count === 0) return;
    const order = await tx.groupOrder.findUniqueOrThrow({
      where: { id: groupOrderId },
      include: { coordinator: { select: { name: true } }, pickupPoint: true, participants: { select: { organizationId: true } } },
    });
    const recipients = await tx.membership.findMany({
      where: { organizationId: { in: order.participants.map((participant) => participant.organizationId) } },
      select: { user: { select: { email: true } } },
      distinct: ["userId"],
    });
    const summary = summaryFor(order, baseUrl);
    const message = kind === "opened" ? groupOrderOpenedEmail(summary) : groupOrderReminderEmail(summary);
    await tx.outboxEvent.createMany({ data: outboxRows(recipients.map((recipient) => ({ to: recipient.user.email, ...message })), now) });
  });
}

/** What a closed group order produced, for the coordinator's summary and CSV. */
export async function groupOrderAllocations(groupOrderId: string) {
  return db.groupOrderAllocation.findMany({
    where: { groupOrderId },
    orderBy: [{ memberId: "asc" }, { variantId: "asc" }],
  });
}

export function cutReasonOf(value: string | null): CutReason | null {
  return value === "NO_FULL_CASE" || value === "OUT_OF_STOCK" || value === "PRODUCER_MINIMUM" ? value : null;
}

/** A producer's consolidated purchase order from one group order; null when they are not in it. */
export async function purchaseOrderFor(groupOrderId: string, producerOrganizationId: string) {
  const order = await db.groupOrder.findFirst({
    where: { id: groupOrderId, producers: { some: { organizationId: producerOrganizationId } } },
    include: {
      coordinator: { select: { name: true } },
      pickupPoint: true,
      distributor: { select: { name: true } },
      participants: { include: { organization: { select: { name: true } } } },
      offers: {
        where: { variant: { product: { organizationId: producerOrganizationId } } },
        include: { variant: { select: { sku: true, unitLabel: true, product: { select: { title: true } } } } },
      },
    },
  });
  return order;
}

export async function listPurchaseOrders(producerOrganizationId: string) {
  return db.groupOrder.findMany({
    where: { producers: { some: { organizationId: producerOrganizationId } }, status: { in: ["OPEN", "CLOSED"] } },
    orderBy: { closesAt: "desc" },
    take: 100,
    include: {
      coordinator: { select: { name: true } },
      offers: { where: { variant: { product: { organizationId: producerOrganizationId } } }, select: { casesOrdered: true, casePriceCents: true } },
    },
  });
}

/** The closed order's outcome for one viewer: their own lines and order, and (for coordinators) every member's. */
export async function groupOrderOutcome(groupOrderId: string, userId: string, { everyone }: { everyone: boolean }) {
  const [allocations, members, orders] = await Promise.all([
    db.groupOrderAllocation.findMany({ where: { groupOrderId }, orderBy: { id: "asc" } }),
    db.groupOrderMember.findMany({ where: { groupOrderId }, include: { user: { select: { id: true, name: true } }, organization: { select: { name: true } } } }),
    db.order.findMany({ where: { groupOrderId }, select: { id: true, number: true, buyerUserId: true, totalCents: true, goodsCents: true, status: true } }),
  ]);
  const variants = await db.variant.findMany({
    where: { id: { in: [...new Set(allocations.map((allocation) => allocation.variantId))] } },
    select: { id: true, sku: true, unitLabel: true, product: { select: { title: true } } },
  });
  const variantName = new Map(variants.map((variant) => [variant.id, `${variant.product.title} (${variant.unitLabel})`]));
  const rows = members
    .filter((member) => everyone || member.userId === userId)
    .map((member) => ({
      memberId: member.id,
      name: member.user.name,
      organization: member.organization.name,
      isMe: member.userId === userId,
      order: orders.find((order) => order.buyerUserId === member.userId) ?? null,
      lines: allocations
        .filter((allocation) => allocation.memberId === member.id)
        .map((allocation) => ({ ...allocation, product: variantName.get(allocation.variantId) ?? allocation.variantId, cut: cutReasonOf(allocation.cutReason) })),
    }))
    .sort((a, b) => Number(b.isMe) - Number(a.isMe) || a.organization.localeCompare(b.organization) || a.name.localeCompare(b.name));
  return rows;
}

export const GROUP_SUMMARY_CSV_COLUMNS = ["co_op", "member", "product", "requested", "tolerance", "allocated", "from_tolerance", "cost_cents", "cut_reason", "order"] as const;

export async function groupOrderSummaryRows(groupOrderId: string, userId: string) {
  const rows = await groupOrderOutcome(groupOrderId, userId, { everyone: true });
  return rows.flatMap((member) =>
    member.lines.map((line) => [
      member.organization,
      member.name,
      line.product,
      String(line.requested),
      String(line.tolerance),
      String(line.units),
      String(line.fromTolerance),
      String(line.costCents),
      line.cutReason ?? "",
      member.order?.number ?? "",
    ]),
  );
}
