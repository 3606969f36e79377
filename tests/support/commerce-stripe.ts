/**
 * Shared setup for card-checkout tests against the Stripe stand-in (tests/support/stripe-stand-in.ts): Stripe turned
 * on through `env` (as the routes read it), a small market of two producers and a delivering distributor, a buyer
 * with a filled cart, the checkout form, and signed webhook delivery through the real /webhooks/stripe route.
 */
import crypto from "node:crypto";
import { db } from "~/adapters/db.server";
import { resetPaymentGatewayForTests } from "~/adapters/payments/index.server";
import type { MailMessage, Mailer } from "~/adapters/mail/types";
import { env } from "~/lib/env.server";
import { action as stripeWebhookAction } from "~/routes/webhooks.stripe";
import type { Buyer } from "~/services/checkout.server";
import { createOrganization, createUser, sessionCookieFor } from "./factories";
import { call } from "./routes";
import { checkoutSessionEvent, signedWebhook } from "./stripe-stand-in";

export const STRIPE_TEST_SECRET_KEY = "sk_test_checkout_stand_in";
export const STRIPE_TEST_WEBHOOK_SECRET = "whsec_checkout_endpoint_secret";

/**
 * Turns Stripe on (or off, with null) the way the deployment does, through STRIPE_SECRET_KEY/STRIPE_WEBHOOK_SECRET,
 * and forgets the memoised gateway so the next getPaymentGateway() follows. STRIPE_API_URL stays unset: the real SDK
 * talks to https://api.stripe.com, which MSW answers with the stand-in.
 */
export function configureStripe(secrets: { secretKey: string; webhookSecret: string } | null) {
  env.STRIPE_SECRET_KEY = secrets?.secretKey;
  env.STRIPE_WEBHOOK_SECRET = secrets?.webhookSecret;
  env.STRIPE_API_URL = undefined;
  resetPaymentGatewayForTests();
}

export const stripeSecrets = { secretKey: STRIPE_TEST_SECRET_KEY, webhookSecret: STRIPE_TEST_WEBHOOK_SECRET };

const unique = () => crypto.randomUUID().slice(0, 8);

/**
 * Prices chosen so every share is visible: with the default fees (platform 2%, solidarity fund 1%, rounded down) and
 * the distributor's 5% handling, the cart below costs
 *   coffee 2 × 18.50 = 37.00 → payout 35.89, platform 0.74, fund 0.37, handling 1.85
 *   tea    3 ×  6.75 = 20.25 → payout 19.65, platform 0.40, fund 0.20, handling 1.01
 *   goods 57.25 + handling 2.86 + delivery 4.95 = 65.06.
 */
export const CARD_MARKET_PRICES = {
  coffee: { retailPriceCents: 1850, quantity: 2, stock: 20 },
  tea: { retailPriceCents: 675, quantity: 3, stock: 12 },
  distributorFeeBps: 500,
  deliveryFeeCents: 495,
  expected: { goodsCents: 5725, distributionFeeCents: 286, deliveryFeeCents: 495, totalCents: 6506, coffeePayoutCents: 3589, teaPayoutCents: 1965 },
} as const;

async function producerWithVariant(
  name: string,
  stripeAccountId: string | null,
  variant: { title: string; unitLabel: string; retailPriceCents: number; stock: number },
) {
  const tag = unique();
  const owner = await createUser({ email: `owner-${tag}@producer.example.org`, name: `${name} owner` });
  // A plain member: sellers' notices go to owners and admins only.
  const member = await createUser({ email: `member-${tag}@producer.example.org` });
  const organization = await createOrganization({ name, slug: `producer-${tag}`, kind: "PRODUCER" }, [
    { userId: owner.id, role: "OWNER" },
    { userId: member.id, role: "MEMBER" },
  ]);
  await db.organization.update({ where: { id: organization.id }, data: { stripeAccountId } });
  const category = await db.category.upsert({ where: { slug: "card-checkout-goods" }, create: { slug: "card-checkout-goods", name: "Card checkout goods" }, update: {} });
  const product = await db.product.create({
    data: {
      slug: `${variant.title.toLowerCase().replace(/\W+/g, "-")}-${tag}`,
      title: variant.title,
      summary: `${variant.title} from ${name}.`,
      description: "Grown and packed by the members of the co-operative.",
      organizationId: organization.id,
      categoryId: category.id,
      originCountry: "PE",
      originRegion: "Cajamarca",
      variants: {
        create: {
          sku: `SKU-${tag}`,
          unitLabel: variant.unitLabel,
          caseSize: 6,
          retailPriceCents: variant.retailPriceCents,
          wholesaleCasePriceCents: variant.retailPriceCents * 5,
          stock: variant.stock,
        },
      },
    },
    include: { variants: true },
  });
  return { organization, owner, member, product, variant: product.variants[0]! };
}

/**
 * Two producers (the coffee co-op has a connected Stripe account unless told otherwise, the tea growers none), a
 * distributor that handles and delivers, and a buyer whose cart holds 2 coffee + 3 tea.
 */
export async function createCardMarket({ coffeeStripeAccountId = "acct_1SierraVerdeCoffee" }: { coffeeStripeAccountId?: string | null } = {}) {
  const { coffee, tea } = CARD_MARKET_PRICES;
  const coffeeCoop = await producerWithVariant("Sierra Verde Coffee Co-op", coffeeStripeAccountId, {
    title: "Cajamarca washed coffee",
    unitLabel: "1 kg bag",
    retailPriceCents: coffee.retailPriceCents,
    stock: coffee.stock,
  });
  const teaGrowers = await producerWithVariant("Darjeeling Tea Growers", null, {
    title: "First flush tea",
    unitLabel: "250 g tin",
    retailPriceCents: tea.retailPriceCents,
    stock: tea.stock,
  });
  const distributor = await db.organization.create({
    data: {
      name: "Valley Food Hub",
      slug: `hub-${unique()}`,
      kind: "DISTRIBUTOR",
      legalForm: "MULTI_STAKEHOLDER_COOP",
      country: "ES",
      region: "Madrid",
      story: "A logistics co-op that brings producers' goods to buyers.",
      distributorFeeBps: CARD_MARKET_PRICES.distributorFeeBps,
      deliveryFeeCents: CARD_MARKET_PRICES.deliveryFeeCents,
    },
  });
  const buyerUser = await createUser({ email: `shopper-${unique()}@example.org`, name: "Ana Shopper" });
  const cart = await db.cart.create({ data: { userId: buyerUser.id } });
  await db.cartLine.create({ data: { cartId: cart.id, variantId: coffeeCoop.variant.id, quantity: coffee.quantity } });
  await db.cartLine.create({ data: { cartId: cart.id, variantId: teaGrowers.variant.id, quantity: tea.quantity } });
  const buyer: Buyer = { user: { id: buyerUser.id, email: buyerUser.email, name: buyerUser.name }, organization: null };
  return { coffeeCoop, teaGrowers, distributor, buyer, cartId: cart.id, cookie: await sessionCookieFor(buyerUser.id) };
}

export type CardMarket = Awaited<ReturnType<typeof createCardMarket>>;

/** The checkout form as the browser posts it: delivery by the market's distributor, paid by card. */
export function cardCheckoutFields(market: CardMarket, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    checkoutToken: crypto.randomBytes(16).toString("hex"),
    contactName: "Ana Shopper",
    contactEmail: market.buyer.user.email,
    handover: "DELIVERY",
    deliveryDistributorId: market.distributor.id,
    deliveryAddress: "Calle Mayor 5",
    deliveryPostcode: "28013",
    deliveryCity: "Madrid",
    deliveryCountry: "ES",
    paymentMethod: "CARD",
    ...overrides,
  };
}

/** Posts a raw body to the real /webhooks/stripe route action, as Stripe does. */
export async function postStripeWebhook(body: string, signature: string | null) {
  const headers: Record<string, string> = { "Content-Type": "application/json; charset=utf-8" };
  if (signature !== null) headers["Stripe-Signature"] = signature;
  const response = await call(stripeWebhookAction, new Request("http://localhost/webhooks/stripe", { method: "POST", body, headers }));
  return { status: response.status, text: await response.text() };
}

/** Builds the Event for a session, signs it with the endpoint secret (or another) and delivers it. */
export async function deliverSessionEvent(
  type: string,
  session: object,
  { eventId, secret = STRIPE_TEST_WEBHOOK_SECRET }: { eventId?: string; secret?: string } = {},
) {
  const event = checkoutSessionEvent(type, session, { id: eventId });
  const { body, signature } = signedWebhook(event, secret);
  return { event, ...(await postStripeWebhook(body, signature)) };
}

/** A mailer that keeps what it was asked to send. */
export function collectingMailer(): Mailer & { sent: MailMessage[] } {
  const sent: MailMessage[] = [];
  return {
    name: "file",
    sent,
    async send(message) {
      sent.push(message);
    },
  };
}

export async function stockOf(variantId: string) {
  return (await db.variant.findUniqueOrThrow({ where: { id: variantId }, select: { stock: true } })).stock;
}

/** Outbox events, decoded, oldest first. */
export async function outboxEvents(topic?: string) {
  const events = await db.outboxEvent.findMany({ where: topic ? { topic } : {}, orderBy: { createdAt: "asc" } });
  return events.map((event) => ({ ...event, payload: JSON.parse(event.payload) as Record<string, unknown> }));
}

/** Counts that must not move when an event is a duplicate or arrives too late. */
export async function sideEffectCounts(orderId: string) {
  const [ledgerEntries, outbox, webhookEvents] = await Promise.all([
    db.ledgerEntry.count({ where: { orderId } }),
    db.outboxEvent.count(),
    db.webhookEvent.count(),
  ]);
  return { ledgerEntries, outbox, webhookEvents };
}
