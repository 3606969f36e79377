/**
 * Server-side carts. A logged-in user has one cart (Cart.userId); a guest's cart is found by the id in a signed
 * cookie and merged into the user's cart when they log in. Prices are never stored on the cart: every view prices
 * the lines afresh (app/domain/cart-pricing.ts), so the cart always shows what checkout will charge.
 */
import { db } from "~/adapters/db.server";
import { plural, priceCart, unitsFor, type CartLineInput, type PurchaseMode } from "~/domain/cart-pricing";
import { RuleViolation } from "~/domain/errors";
import type { Prisma } from "~/generated/prisma/client";

export type CartOwner = { userId: string | null; guestCartId: string | null };

type Db = typeof db | Prisma.TransactionClient;

export const cartLineInclude = {
  variant: {
    include: {
      priceBreaks: { select: { minQuantity: true, unitPriceCents: true } },
      product: {
        select: {
          id: true,
          slug: true,
          title: true,
          status: true,
          organization: { select: { id: true, name: true, slug: true, minimumWholesaleOrderCents: true } },
        },
      },
    },
  },
} as const;

type CartLineRow = Prisma.CartLineGetPayload<{ include: typeof cartLineInclude }>;

export function toCartLineInput(line: CartLineRow): CartLineInput {
  const { variant } = line;
  return {
    lineId: line.id,
    variantId: line.variantId,
    mode: line.mode,
    quantity: line.quantity,
    variant: {
      sku: variant.sku,
      unitLabel: variant.unitLabel,
      caseSize: variant.caseSize,
      retailPriceCents: variant.retailPriceCents,
      wholesaleCasePriceCents: variant.wholesaleCasePriceCents,
      stock: variant.stock,
      minOrderUnits: variant.minOrderUnits,
      priceBreaks: variant.priceBreaks,
    },
    product: { id: variant.product.id, slug: variant.product.slug, title: variant.product.title, active: variant.product.status === "ACTIVE" },
    seller: variant.product.organization,
  };
}

export async function findCartId(owner: CartOwner, client: Db = db): Promise<string | null> {
  if (owner.userId) return (await client.cart.findUnique({ where: { userId: owner.userId }, select: { id: true } }))?.id ?? null;
  if (owner.guestCartId) {
    const cart = await client.cart.findUnique({ where: { id: owner.guestCartId }, select: { id: true, userId: true } });
    // A guest cookie never opens a cart that belongs to an account.
    return cart && cart.userId === null ? cart.id : null;
  }
  return null;
}

export async function loadCartLines(cartId: string | null, client: Db = db): Promise<CartLineInput[]> {
  if (!cartId) return [];
  const lines = await client.cartLine.findMany({ where: { cartId }, include: cartLineInclude, orderBy: { createdAt: "asc" } });
  return lines.map(toCartLineInput);
}

export async function getPricedCart(owner: CartOwner, { canBuyWholesale }: { canBuyWholesale: boolean }) {
  const cartId = await findCartId(owner);
  const lines = await loadCartLines(cartId);
  return { cartId, ...priceCart(lines, { canBuyWholesale }) };
}

/** How many lines the header's cart link shows. */
export async function cartLineCount(owner: CartOwner): Promise<number> {
  const cartId = await findCartId(owner);
  return cartId ? db.cartLine.count({ where: { cartId } }) : 0;
}


/**
 * Adds units or cases of a variant, on top of what the cart already holds. Refuses what could never be ordered
 * (archived product, more than the stock, case prices for someone who may not see them). Returns the cart id, which
 * a guest's cookie must then hold.
 */
export async function addToCart(
  owner: CartOwner,
  input: { variantId: string; mode: PurchaseMode; quantity: number },
  { canBuyWholesale }: { canBuyWholesale: boolean },
): Promise<{ cartId: string; message: string }> {
  const variant = await db.variant.findUnique({
    where: { id: input.variantId },
    include: { product: { select: { title: true, status: true } } },
  });
  if (!variant || variant.product.status !== "ACTIVE") throw new RuleViolation("That product is no longer sold.");
  if (input.mode === "CASE" && !canBuyWholesale) {
    throw new RuleViolation("Case prices are for members of verified organisations. Buy by the unit, or switch to your verified organisation.");
  }
  return db.$transaction(async (tx) => {
    const cartId =
      (await findCartId(owner, tx)) ?? (await tx.cart.create({ data: { userId: owner.userId }, select: { id: true } })).id;
    // Stock covers unit and case lines of the variant together.
    const sameVariant = await tx.cartLine.findMany({ where: { cartId, variantId: variant.id } });
    const existing = sameVariant.find((line) => line.mode === input.mode);
    const quantity = (existing?.quantity ?? 0) + input.quantity;
    const unitsAlready = sameVariant.reduce((sum, line) => sum + unitsFor(line.mode, line.quantity, variant.caseSize), 0);
    const units = unitsAlready + unitsFor(input.mode, input.quantity, variant.caseSize);
    const name = `${variant.product.title} (${variant.unitLabel})`;
    if (units > variant.stock) {
      const already = unitsAlready ? ` You already have ${plural(unitsAlready, "unit")} in your cart.` : "";
      throw new RuleViolation(
        variant.stock === 0 ? `${name} is out of stock.` : `Only ${plural(variant.stock, "unit")} of ${name} left.${already}`,
      );
    }
    if (input.mode === "UNIT" && quantity < variant.minOrderUnits) {
      throw new RuleViolation(`The smallest order of ${name} is ${plural(variant.minOrderUnits, "unit")}.`);
    }
    await tx.cartLine.upsert({
      where: { cartId_variantId_mode: { cartId, variantId: variant.id, mode: input.mode } },
      create: { cartId, variantId: variant.id, mode: input.mode, quantity },
      update: { quantity },
    });
    await tx.cart.update({ where: { id: cartId }, data: { updatedAt: new Date() } });
    const what = input.mode === "CASE" ? plural(input.quantity, "case") : plural(input.quantity, "unit");
    return { cartId, message: `Added ${what} of ${name} to your cart.` };
  });
}

async function ownedLine(owner: CartOwner, lineId: string) {
  const cartId = await findCartId(owner);
  const line = cartId ? await db.cartLine.findFirst({ where: { id: lineId, cartId }, include: cartLineInclude }) : null;
  if (!line) throw new RuleViolation("That item is no longer in your cart.");
  return line;
}

/** Sets a line's quantity; the stock check is the cart page's (a line above stock shows its problem there). */
export async function updateCartLine(owner: CartOwner, lineId: string, quantity: number) {
  const line = await ownedLine(owner, lineId);
  const others = await db.cartLine.findMany({ where: { cartId: line.cartId, variantId: line.variantId, id: { not: line.id } } });
  const units =
    unitsFor(line.mode, quantity, line.variant.caseSize) +
    others.reduce((sum, other) => sum + unitsFor(other.mode, other.quantity, line.variant.caseSize), 0);
  if (units > line.variant.stock) {
    throw new RuleViolation(`Only ${plural(line.variant.stock, "unit")} of ${line.variant.product.title} (${line.variant.unitLabel}) left.`);
  }
  await db.cartLine.update({ where: { id: line.id }, data: { quantity } });
  return `Updated ${line.variant.product.title}.`;
}

export async function removeCartLine(owner: CartOwner, lineId: string) {
  const line = await ownedLine(owner, lineId);
  await db.cartLine.delete({ where: { id: line.id } });
  return `Removed ${line.variant.product.title} from your cart.`;
}

/**
 * Moves a guest's lines into the user's cart after login, adding quantities of the same variant and mode; the
 * guest cart is then deleted. Stock problems are left for the cart page to show rather than silently trimmed.
 */
export async function mergeGuestCart(guestCartId: string, userId: string): Promise<number> {
  return db.$transaction(async (tx) => {
    const guest = await tx.cart.findUnique({ where: { id: guestCartId }, include: { lines: true } });
    if (!guest || guest.userId !== null) return 0;
    if (guest.lines.length > 0) {
      const cart = await tx.cart.upsert({ where: { userId }, create: { userId }, update: {}, select: { id: true } });
      for (const line of guest.lines) {
        await tx.cartLine.upsert({
          where: { cartId_variantId_mode: { cartId: cart.id, variantId: line.variantId, mode: line.mode } },
          create: { cartId: cart.id, variantId: line.variantId, mode: line.mode, quantity: line.quantity },
          update: { quantity: { increment: line.quantity } },
        });
      }
    }
    await tx.cart.delete({ where: { id: guest.id } });
    return guest.lines.length;
  });
}

/** Puts a past order's goods back into the cart at today's prices; says what could not be added and why. */
export async function reorder(
  userId: string,
  lines: ReadonlyArray<{ variantId: string | null; mode: PurchaseMode; quantity: number; productTitle: string }>,
  { canBuyWholesale }: { canBuyWholesale: boolean },
) {
  const added: string[] = [];
  const skipped: string[] = [];
  for (const line of lines) {
    if (!line.variantId) {
      skipped.push(`${line.productTitle} is no longer sold.`);
      continue;
    }
    try {
      await addToCart({ userId, guestCartId: null }, { variantId: line.variantId, mode: line.mode, quantity: line.quantity }, { canBuyWholesale });
      added.push(line.productTitle);
    } catch (error) {
      if (!(error instanceof RuleViolation)) throw error;
      skipped.push(error.message);
    }
  }
  return { added, skipped };
}
