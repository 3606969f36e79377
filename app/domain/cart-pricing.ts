/**
 * Prices a cart and says what stops it from being ordered. Pure: the cart service and checkout both use it, so the
 * cart page shows exactly the totals and problems the checkout will act on.
 */
import { formatMoney } from "./money";
import { unitPriceFor, type PriceBreak } from "./price-breaks";

export type PurchaseMode = "UNIT" | "CASE";

export type CartLineInput = {
  lineId: string;
  variantId: string;
  mode: PurchaseMode;
  /** Units (UNIT) or whole cases (CASE). */
  quantity: number;
  variant: {
    sku: string;
    unitLabel: string;
    caseSize: number;
    retailPriceCents: number;
    wholesaleCasePriceCents: number;
    stock: number;
    minOrderUnits: number;
    priceBreaks: readonly PriceBreak[];
  };
  product: { id: string; slug: string; title: string; active: boolean };
  seller: { id: string; name: string; slug: string; minimumWholesaleOrderCents: number };
};

export type PricedLine = CartLineInput & {
  /** Units the buyer receives. */
  units: number;
  /** Per unit (UNIT) or per case (CASE). */
  unitPriceCents: number;
  lineTotalCents: number;
  problem: string | null;
};

export type SellerGroup = {
  seller: CartLineInput["seller"];
  lines: PricedLine[];
  goodsCents: number;
  wholesaleGoodsCents: number;
  problem: string | null;
};

export type PricedCart = {
  groups: SellerGroup[];
  goodsCents: number;
  lineCount: number;
  hasWholesale: boolean;
  /** Every problem, line and seller, in display order; empty → the cart can be ordered. */
  problems: string[];
};

export const MAX_LINE_QUANTITY = 9_999;

/** "1 unit", "3 units". */
export const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

export function unitsFor(mode: PurchaseMode, quantity: number, caseSize: number): number {
  return mode === "CASE" ? quantity * caseSize : quantity;
}

/** Unit lines get the volume price for their quantity; case lines the wholesale case price. */
export function priceFor(mode: PurchaseMode, quantity: number, variant: CartLineInput["variant"]): number {
  return mode === "CASE" ? variant.wholesaleCasePriceCents : unitPriceFor(quantity, variant.retailPriceCents, variant.priceBreaks);
}

/** `unitsOfVariant`: every unit of this variant in the cart, unit and case lines together — stock covers both. */
function lineProblem(line: CartLineInput, unitsOfVariant: number, canBuyWholesale: boolean): string | null {
  const name = `${line.product.title} (${line.variant.unitLabel})`;
  if (!line.product.active) return `${name} is no longer sold. Remove it to continue.`;
  if (line.mode === "CASE" && !canBuyWholesale) {
    return `${name}: case prices are for members of verified organisations. Switch to an organisation the platform has verified, or buy by the unit.`;
  }
  if (line.mode === "UNIT" && line.quantity < line.variant.minOrderUnits) {
    return `${name}: the smallest order is ${plural(line.variant.minOrderUnits, "unit")}.`;
  }
  if (unitsOfVariant > line.variant.stock) {
    if (line.variant.stock === 0) return `${name} is out of stock. Remove it to continue.`;
    const inCart = `; your cart has ${plural(unitsOfVariant, "unit")}`;
    return line.mode === "CASE"
      ? `${name}: only ${plural(line.variant.stock, "unit")} left (${plural(Math.floor(line.variant.stock / line.variant.caseSize), "full case")})${inCart}.`
      : `${name}: only ${plural(line.variant.stock, "unit")} left${inCart}.`;
  }
  return null;
}

/**
 * Groups lines by seller (in the order sellers first appear) and prices them. `canBuyWholesale` is whether the buyer
 * is acting for a verified organisation. A seller's wholesale minimum applies to the case lines bought from them.
 */
export function priceCart(lines: readonly CartLineInput[], { canBuyWholesale }: { canBuyWholesale: boolean }): PricedCart {
  const groups = new Map<string, SellerGroup>();
  const unitsByVariant = new Map<string, number>();
  for (const line of lines) {
    unitsByVariant.set(line.variantId, (unitsByVariant.get(line.variantId) ?? 0) + unitsFor(line.mode, line.quantity, line.variant.caseSize));
  }
  for (const line of lines) {
    const units = unitsFor(line.mode, line.quantity, line.variant.caseSize);
    const unitPriceCents = priceFor(line.mode, line.quantity, line.variant);
    const priced: PricedLine = {
      ...line,
      units,
      unitPriceCents,
      lineTotalCents: unitPriceCents * line.quantity,
      problem: lineProblem(line, unitsByVariant.get(line.variantId)!, canBuyWholesale),
    };
    const group = groups.get(line.seller.id) ?? { seller: line.seller, lines: [], goodsCents: 0, wholesaleGoodsCents: 0, problem: null };
    group.lines.push(priced);
    group.goodsCents += priced.lineTotalCents;
    if (line.mode === "CASE") group.wholesaleGoodsCents += priced.lineTotalCents;
    groups.set(line.seller.id, group);
  }
  const problems: string[] = [];
  for (const group of groups.values()) {
    const minimum = group.seller.minimumWholesaleOrderCents;
    if (group.wholesaleGoodsCents > 0 && group.wholesaleGoodsCents < minimum) {
      group.problem = `${group.seller.name} takes wholesale orders from ${formatMoney(minimum)}; add ${formatMoney(minimum - group.wholesaleGoodsCents)} more in cases.`;
    }
    for (const line of group.lines) if (line.problem) problems.push(line.problem);
    if (group.problem) problems.push(group.problem);
  }
  const grouped = [...groups.values()];
  return {
    groups: grouped,
    goodsCents: grouped.reduce((sum, group) => sum + group.goodsCents, 0),
    lineCount: lines.length,
    hasWholesale: lines.some((line) => line.mode === "CASE"),
    problems,
  };
}
