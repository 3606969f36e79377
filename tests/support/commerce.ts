/**
 * Factories for cart, checkout and order tests: producers with variants, distributors with pickup points and fees,
 * verified buying organisations, invoice terms, carts filled directly, a checkout form and a stand-in payment gateway.
 */
import crypto from "node:crypto";
import { expect } from "vitest";
import { db } from "~/adapters/db.server";
import type { CheckoutSession, CreateCheckoutInput, PaymentGateway } from "~/adapters/payments/types";
import type { CheckoutForm } from "~/domain/order-forms";
import type { Role } from "~/domain/permissions";
import type { Buyer } from "~/services/checkout.server";
import { createOrganization, createUser } from "./factories";

const unique = () => crypto.randomUUID().slice(0, 8);

async function testCategoryId() {
  const category = await db.category.upsert({ where: { slug: "test-goods" }, create: { slug: "test-goods", name: "Test goods" }, update: {} });
  return category.id;
}

export type VariantSpec = {
  title?: string;
  unitLabel?: string;
  caseSize?: number;
  retailPriceCents?: number;
  wholesaleCasePriceCents?: number;
  stock?: number;
  minOrderUnits?: number;
};

/** A product with one variant, sold by `organizationId`. */
export async function createVariant(organizationId: string, spec: VariantSpec = {}) {
  const id = unique();
  const product = await db.product.create({
    data: {
      slug: `product-${id}`,
      title: spec.title ?? `Coffee ${id}`,
      summary: "A test product.",
      description: "A test product.",
      organizationId,
      categoryId: await testCategoryId(),
      originCountry: "PE",
      originRegion: "Cajamarca",
      variants: {
        create: {
          sku: `SKU-${id}`.toUpperCase(),
          unitLabel: spec.unitLabel ?? "250 g bag",
          caseSize: spec.caseSize ?? 12,
          retailPriceCents: spec.retailPriceCents ?? 1000,
          wholesaleCasePriceCents: spec.wholesaleCasePriceCents ?? 9600,
          stock: spec.stock ?? 100,
          minOrderUnits: spec.minOrderUnits ?? 1,
        },
      },
    },
    include: { variants: true },
  });
  return { product, variant: product.variants[0]! };
}

/** A producer organisation with an OWNER (and optionally more members) and one product per spec. */
export async function createProducer(
  options: { name?: string; minimumWholesaleOrderCents?: number; members?: { userId: string; role: Role }[] } = {},
  specs: VariantSpec[] = [{}],
) {
  const owner = await createUser();
  const organization = await createOrganization({ kind: "PRODUCER", name: options.name ?? `Producer ${unique()}` }, [
    { userId: owner.id, role: "OWNER" },
    ...(options.members ?? []),
  ]);
  if (options.minimumWholesaleOrderCents) {
    await db.organization.update({ where: { id: organization.id }, data: { minimumWholesaleOrderCents: options.minimumWholesaleOrderCents } });
  }
  const items = [];
  for (const spec of specs) items.push(await createVariant(organization.id, spec));
  return { organization, owner, items, variant: items[0]!.variant, product: items[0]!.product };
}

/** A distributor with a handling fee, an optional delivery fee and one active pickup point. */
export async function createDistributor(options: { distributorFeeBps?: number; deliveryFeeCents?: number | null; name?: string } = {}) {
  const owner = await createUser();
  const organization = await createOrganization({ kind: "DISTRIBUTOR", name: options.name ?? `Food hub ${unique()}` }, [{ userId: owner.id, role: "OWNER" }]);
  const updated = await db.organization.update({
    where: { id: organization.id },
    data: { distributorFeeBps: options.distributorFeeBps ?? 500, deliveryFeeCents: options.deliveryFeeCents ?? null, verifiedAt: new Date() },
  });
  const pickupPoint = await db.pickupPoint.create({
    data: {
      organizationId: organization.id,
      name: `Depot ${unique()}`,
      address: "Hafenstraße 1",
      postcode: "20457",
      city: "Hamburg",
      country: "DE",
      openingHours: "Thu 16–19",
    },
  });
  return { organization: updated, owner, pickupPoint };
}

/** A buying co-op, verified by the platform unless `verified: false`. */
export async function createBuyingOrg(members: { userId: string; role: Role }[], { verified = true }: { verified?: boolean } = {}) {
  const organization = await createOrganization({ kind: "BUYING_COOP", name: `Buying co-op ${unique()}` }, members);
  return db.organization.update({ where: { id: organization.id }, data: { verifiedAt: verified ? new Date("2024-01-01T00:00:00Z") : null } });
}

export async function grantTerms(sellerOrganizationId: string, buyerOrganizationId: string, approvedById: string, netDays = 30) {
  return db.creditTerms.create({ data: { sellerOrganizationId, buyerOrganizationId, approvedById, netDays } });
}

/** What placeOrder needs to know about who is buying. */
export function buyerOf(
  user: { id: string; email: string; name: string },
  organization: { id: string; name: string; verifiedAt: Date | null } | null = null,
): Buyer {
  return { user: { id: user.id, email: user.email, name: user.name }, organization };
}

/** Puts a line straight into a user's cart (bypassing the add rules, as a stale cart would be). */
export async function putInCart(userId: string, variantId: string, quantity: number, mode: "UNIT" | "CASE" = "UNIT") {
  const cart = await db.cart.upsert({ where: { userId }, create: { userId }, update: {}, select: { id: true } });
  return db.cartLine.upsert({
    where: { cartId_variantId_mode: { cartId: cart.id, variantId, mode } },
    create: { cartId: cart.id, variantId, mode, quantity },
    update: { quantity },
  });
}

export async function cartLinesOf(userId: string) {
  const cart = await db.cart.findUnique({ where: { userId }, include: { lines: { orderBy: { createdAt: "asc" } } } });
  return (cart?.lines ?? []).map((line) => ({ variantId: line.variantId, mode: line.mode, quantity: line.quantity }));
}

export function newToken() {
  return crypto.randomBytes(16).toString("hex");
}

/** A valid pickup checkout; override any field. */
export function checkoutForm(overrides: Partial<CheckoutForm> = {}): CheckoutForm {
  return {
    checkoutToken: newToken(),
    contactName: "Ada Buyer",
    contactEmail: "ada@example.org",
    contactPhone: undefined,
    handover: "PICKUP",
    pickupPointId: undefined,
    deliveryDistributorId: undefined,
    deliveryAddress: undefined,
    deliveryPostcode: undefined,
    deliveryCity: undefined,
    deliveryCountry: undefined,
    paymentMethod: "PAY_AT_PICKUP",
    poNumber: undefined,
    ...overrides,
  };
}

/** The same form as the browser posts it (only the fields that are set). */
export function checkoutFields(form: Partial<CheckoutForm>): Record<string, string> {
  return Object.fromEntries(Object.entries(form).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}

/** A payment gateway stand-in: createCheckout resolves (or does what `createCheckout` says); the rest must not be used. */
export function fakeGateway(createCheckout?: (input: CreateCheckoutInput) => Promise<CheckoutSession>) {
  const calls: CreateCheckoutInput[] = [];
  const unused = () => {
    throw new Error("not used in this test");
  };
  const gateway: PaymentGateway = {
    name: "stripe",
    async createCheckout(input) {
      calls.push(input);
      if (createCheckout) return createCheckout(input);
      return { sessionId: `cs_test_${input.orderId}`, url: `https://checkout.stripe.test/pay/${input.orderId}` };
    },
    parseWebhook: unused,
    chargeIdFor: unused,
    transfer: unused,
    refund: unused,
    expireCheckout: unused,
  };
  return { gateway, calls };
}

/** Row counts of everything a checkout writes, to prove a refusal wrote nothing. */
export async function orderTableCounts() {
  const [orders, lines, fulfillments, payments, ledger, outbox] = await Promise.all([
    db.order.count(),
    db.orderLine.count(),
    db.fulfillment.count(),
    db.payment.count(),
    db.ledgerEntry.count(),
    db.outboxEvent.count(),
  ]);
  return { orders, lines, fulfillments, payments, ledger, outbox };
}

export async function stockOf(variantId: string) {
  return (await db.variant.findUniqueOrThrow({ where: { id: variantId }, select: { stock: true } })).stock;
}

/** An order's ledger balances: entries sum to 0 and the positive shares sum to what the buyer pays. */
export async function expectBalancedLedger(orderId: string) {
  const order = await db.order.findUniqueOrThrow({ where: { id: orderId }, include: { ledgerEntries: true } });
  const entries = order.ledgerEntries;
  expect(entries.length).toBeGreaterThan(0);
  expect(entries.reduce((sum, entry) => sum + entry.amountCents, 0)).toBe(0);
  expect(entries.filter((entry) => entry.amountCents > 0).reduce((sum, entry) => sum + entry.amountCents, 0)).toBe(order.totalCents);
  expect(entries.filter((entry) => entry.account === "BUYER")).toEqual([expect.objectContaining({ amountCents: -order.totalCents })]);
  return entries;
}
