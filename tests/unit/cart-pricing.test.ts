import { describe, expect, it } from "vitest";
import { MAX_LINE_QUANTITY, priceCart, priceFor, unitsFor, type CartLineInput } from "~/domain/cart-pricing";

type LineOverrides = {
  lineId?: string;
  variantId?: string;
  mode?: CartLineInput["mode"];
  quantity?: number;
  variant?: Partial<CartLineInput["variant"]>;
  product?: Partial<CartLineInput["product"]>;
  seller?: Partial<CartLineInput["seller"]>;
};

const coffeeSeller = { id: "seller-coffee", name: "Café Cooperativa", slug: "cafe-cooperativa", minimumWholesaleOrderCents: 0 };
const honeySeller = { id: "seller-honey", name: "Honey Makers", slug: "honey-makers", minimumWholesaleOrderCents: 0 };

let nextLine = 0;
function cartLine(overrides: LineOverrides = {}): CartLineInput {
  nextLine += 1;
  return {
    lineId: overrides.lineId ?? `line-${nextLine}`,
    variantId: overrides.variantId ?? `variant-${nextLine}`,
    mode: overrides.mode ?? "UNIT",
    quantity: overrides.quantity ?? 1,
    variant: {
      sku: `SKU-${nextLine}`,
      unitLabel: "1 kg bag",
      caseSize: 6,
      retailPriceCents: 1290,
      wholesaleCasePriceCents: 6000,
      stock: 100,
      minOrderUnits: 1,
      priceBreaks: [
        { minQuantity: 10, unitPriceCents: 1150 },
        { minQuantity: 24, unitPriceCents: 1050 },
      ],
      ...overrides.variant,
    },
    product: { id: `product-${nextLine}`, slug: "coffee", title: "Coffee", active: true, ...overrides.product },
    seller: { ...coffeeSeller, ...overrides.seller },
  };
}

const retail = { canBuyWholesale: false };
const wholesale = { canBuyWholesale: true };

describe("unitsFor and priceFor", () => {
  it("counts units directly for unit lines and cases × case size for case lines", () => {
    expect(unitsFor("UNIT", 7, 6)).toBe(7);
    expect(unitsFor("CASE", 7, 6)).toBe(42);
  });

  it("prices case lines at the wholesale case price whatever the quantity", () => {
    const variant = cartLine().variant;
    expect(priceFor("CASE", 1, variant)).toBe(6000);
    expect(priceFor("CASE", 50, variant)).toBe(6000);
  });
});

describe("priceCart: grouping", () => {
  it("groups lines by seller in the order sellers first appear, keeping line order within a seller", () => {
    const a1 = cartLine({ seller: honeySeller, product: { title: "Honey" } });
    const b1 = cartLine({ seller: coffeeSeller });
    const a2 = cartLine({ seller: honeySeller, product: { title: "Beeswax" } });
    const cart = priceCart([a1, b1, a2], retail);

    expect(cart.groups.map((group) => group.seller.id)).toEqual([honeySeller.id, coffeeSeller.id]);
    expect(cart.groups[0].lines.map((line) => line.lineId)).toEqual([a1.lineId, a2.lineId]);
    expect(cart.groups[1].lines.map((line) => line.lineId)).toEqual([b1.lineId]);
    expect(cart.lineCount).toBe(3);
  });

  it("returns no groups, no problems and zero totals for an empty cart", () => {
    expect(priceCart([], retail)).toEqual({ groups: [], goodsCents: 0, lineCount: 0, hasWholesale: false, problems: [] });
  });
});

describe("priceCart: prices and totals", () => {
  it.each([
    [9, 1290], // one below the first break: retail
    [10, 1150], // exactly at the break
    [23, 1150],
    [24, 1050], // exactly at the next break
  ])("a unit line of %d units costs %d cents per unit", (quantity, unitPrice) => {
    const [line] = priceCart([cartLine({ quantity })], retail).groups[0].lines;
    expect(line.units).toBe(quantity);
    expect(line.unitPriceCents).toBe(unitPrice);
    expect(line.lineTotalCents).toBe(quantity * unitPrice);
  });

  it("prices a case line per case and gives cases × case size units, ignoring the unit price breaks", () => {
    const [line] = priceCart([cartLine({ mode: "CASE", quantity: 4, variant: { caseSize: 12 } })], wholesale).groups[0].lines;
    expect(line.units).toBe(48);
    expect(line.unitPriceCents).toBe(6000);
    expect(line.lineTotalCents).toBe(24_000);
    expect(line.problem).toBeNull();
  });

  it("adds up goods per seller, wholesale goods per seller and the whole cart", () => {
    const cart = priceCart(
      [
        cartLine({ quantity: 2 }), // 2 × 1290 = 2580
        cartLine({ mode: "CASE", quantity: 2 }), // 2 × 6000 = 12000
        cartLine({ seller: honeySeller, quantity: 10, variant: { retailPriceCents: 500, priceBreaks: [] } }), // 5000
      ],
      wholesale,
    );
    expect(cart.groups[0].goodsCents).toBe(14_580);
    expect(cart.groups[0].wholesaleGoodsCents).toBe(12_000);
    expect(cart.groups[1].goodsCents).toBe(5_000);
    expect(cart.groups[1].wholesaleGoodsCents).toBe(0);
    expect(cart.goodsCents).toBe(19_580);
    expect(cart.hasWholesale).toBe(true);
  });

  it("says a cart without case lines is not wholesale", () => {
    expect(priceCart([cartLine({ quantity: 3 })], retail).hasWholesale).toBe(false);
  });

  it("has no problems for a clean cart", () => {
    const cart = priceCart(
      [
        cartLine({ quantity: 3 }),
        cartLine({ mode: "CASE", quantity: 1, seller: { minimumWholesaleOrderCents: 6000 } }),
        cartLine({ seller: honeySeller, quantity: 100, variant: { stock: 100 } }),
      ],
      wholesale,
    );
    expect(cart.problems).toEqual([]);
    for (const group of cart.groups) {
      expect(group.problem).toBeNull();
      for (const line of group.lines) expect(line.problem).toBeNull();
    }
  });

  it("exports the largest quantity a line may have", () => {
    expect(MAX_LINE_QUANTITY).toBe(9_999);
  });
});

describe("priceCart: line problems", () => {
  const onlyProblem = (line: CartLineInput, options = retail) => {
    const cart = priceCart([line], options);
    expect(cart.problems).toEqual([cart.groups[0].lines[0].problem]);
    return cart.groups[0].lines[0].problem;
  };

  it("refuses a product that is no longer sold", () => {
    expect(onlyProblem(cartLine({ product: { active: false } }))).toBe("Coffee (1 kg bag) is no longer sold. Remove it to continue.");
  });

  it("reports an inactive product before any other problem on the line", () => {
    const line = cartLine({ mode: "CASE", quantity: 50, product: { active: false }, variant: { stock: 0 } });
    expect(onlyProblem(line)).toBe("Coffee (1 kg bag) is no longer sold. Remove it to continue.");
  });

  it("refuses a case line when the buyer may not buy wholesale", () => {
    expect(onlyProblem(cartLine({ mode: "CASE", quantity: 1 }))).toBe(
      "Coffee (1 kg bag): case prices are for members of verified organisations. Switch to an organisation the platform has verified, or buy by the unit.",
    );
  });

  it("accepts the same case line from a buyer who may buy wholesale", () => {
    expect(priceCart([cartLine({ mode: "CASE", quantity: 1 })], wholesale).problems).toEqual([]);
  });

  it("refuses a unit line below the minimum order, and accepts one exactly at it", () => {
    expect(onlyProblem(cartLine({ quantity: 2, variant: { minOrderUnits: 3 } }))).toBe("Coffee (1 kg bag): the smallest order is 3 units.");
    expect(priceCart([cartLine({ quantity: 3, variant: { minOrderUnits: 3 } })], retail).problems).toEqual([]);
  });

  it("does not apply the unit minimum to case lines", () => {
    expect(priceCart([cartLine({ mode: "CASE", quantity: 1, variant: { minOrderUnits: 10, caseSize: 6 } })], wholesale).problems).toEqual([]);
  });

  it("refuses a unit line above the stock, and accepts one exactly at it", () => {
    expect(onlyProblem(cartLine({ quantity: 6, variant: { stock: 5 } }))).toBe("Coffee (1 kg bag): only 5 units left; your cart has 6 units.");
    expect(onlyProblem(cartLine({ quantity: 2, variant: { stock: 1 } }))).toBe("Coffee (1 kg bag): only 1 unit left; your cart has 2 units.");
    expect(priceCart([cartLine({ quantity: 5, variant: { stock: 5 } })], retail).problems).toEqual([]);
  });

  it("says a line is out of stock when there is none left", () => {
    expect(onlyProblem(cartLine({ quantity: 1, variant: { stock: 0 } }))).toBe("Coffee (1 kg bag) is out of stock. Remove it to continue.");
    expect(onlyProblem(cartLine({ mode: "CASE", quantity: 1, variant: { stock: 0 } }), wholesale)).toBe(
      "Coffee (1 kg bag) is out of stock. Remove it to continue.",
    );
  });

  it("refuses a case line whose units exceed the stock and says how many full cases are left", () => {
    const line = cartLine({ mode: "CASE", quantity: 3, variant: { caseSize: 6, stock: 13 } });
    expect(onlyProblem(line, wholesale)).toBe("Coffee (1 kg bag): only 13 units left (2 full cases); your cart has 18 units.");
    const oneCase = cartLine({ mode: "CASE", quantity: 2, variant: { caseSize: 6, stock: 7 } });
    expect(onlyProblem(oneCase, wholesale)).toBe("Coffee (1 kg bag): only 7 units left (1 full case); your cart has 12 units.");
    const noFullCase = cartLine({ mode: "CASE", quantity: 1, variant: { caseSize: 6, stock: 5 } });
    expect(onlyProblem(noFullCase, wholesale)).toBe("Coffee (1 kg bag): only 5 units left (0 full cases); your cart has 6 units.");
  });

  it("accepts a case line whose units exactly match the stock", () => {
    expect(priceCart([cartLine({ mode: "CASE", quantity: 2, variant: { caseSize: 6, stock: 12 } })], wholesale).problems).toEqual([]);
  });

  // BUG (reported, not fixed here): the cart may hold a UNIT line and a CASE line of the same variant (CartLine is
  // unique per cart, variant AND mode), but stock is checked per line. 6 units + 1 case of 6 = 12 units against a
  // stock of 10 shows no problem, so the cart page says the cart can be ordered and checkout then fails at the stock
  // reservation with "sold out while you were checking out".
  it("checks the stock against all units of a variant in the cart, across unit and case lines", () => {
    const variant = { caseSize: 6, stock: 10 };
    const units = cartLine({ variantId: "variant-shared", mode: "UNIT", quantity: 6, variant });
    const cases = cartLine({ variantId: "variant-shared", mode: "CASE", quantity: 1, variant });
    const cart = priceCart([units, cases], wholesale);
    expect(cart.problems.length).toBeGreaterThan(0);
  });
});

describe("priceCart: the seller's wholesale minimum", () => {
  const minimumSeller = { ...coffeeSeller, minimumWholesaleOrderCents: 20_000 };

  it("refuses case lines below the seller's minimum and says how much more is needed", () => {
    const cart = priceCart([cartLine({ mode: "CASE", quantity: 2, seller: minimumSeller })], wholesale); // 12000 in cases
    const message = "Café Cooperativa takes wholesale orders from €200.00; add €80.00 more in cases.";
    expect(cart.groups[0].problem).toBe(message);
    expect(cart.problems).toEqual([message]);
  });

  it("accepts case lines exactly at the minimum", () => {
    const cart = priceCart([cartLine({ mode: "CASE", quantity: 2, seller: minimumSeller, variant: { wholesaleCasePriceCents: 10_000 } })], wholesale);
    expect(cart.groups[0].problem).toBeNull();
    expect(cart.problems).toEqual([]);
  });

  it("does not count unit lines towards the minimum", () => {
    const cart = priceCart(
      [
        cartLine({ mode: "CASE", quantity: 1, seller: minimumSeller }), // 6000 in cases
        cartLine({ quantity: 50, seller: minimumSeller, variant: { retailPriceCents: 1000, priceBreaks: [] } }), // 50000 in units
      ],
      wholesale,
    );
    expect(cart.groups[0].goodsCents).toBe(56_000);
    expect(cart.groups[0].problem).toBe("Café Cooperativa takes wholesale orders from €200.00; add €140.00 more in cases.");
  });

  it("does not apply to a seller from whom only units are bought", () => {
    const cart = priceCart([cartLine({ quantity: 1, seller: minimumSeller })], retail);
    expect(cart.groups[0].problem).toBeNull();
    expect(cart.problems).toEqual([]);
  });

  it("applies per seller", () => {
    const cart = priceCart(
      [
        cartLine({ mode: "CASE", quantity: 1, seller: { ...honeySeller, minimumWholesaleOrderCents: 5_000 } }),
        cartLine({ mode: "CASE", quantity: 1, seller: minimumSeller }),
      ],
      wholesale,
    );
    expect(cart.groups[0].problem).toBeNull();
    expect(cart.groups[1].problem).toBe("Café Cooperativa takes wholesale orders from €200.00; add €140.00 more in cases.");
  });

  it("lists problems in display order: each seller's line problems, then that seller's minimum", () => {
    const cart = priceCart(
      [
        cartLine({ mode: "CASE", quantity: 1, seller: minimumSeller, product: { title: "Coffee" } }),
        cartLine({ seller: honeySeller, product: { title: "Honey" }, variant: { stock: 0 } }),
        cartLine({ seller: minimumSeller, product: { title: "Tea" }, quantity: 1, variant: { minOrderUnits: 2 } }),
      ],
      retail,
    );
    expect(cart.problems).toEqual([
      "Coffee (1 kg bag): case prices are for members of verified organisations. Switch to an organisation the platform has verified, or buy by the unit.",
      "Tea (1 kg bag): the smallest order is 2 units.",
      "Café Cooperativa takes wholesale orders from €200.00; add €140.00 more in cases.",
      "Honey (1 kg bag) is out of stock. Remove it to continue.",
    ]);
  });
});
