import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/adapters/db.server";
import { RuleViolation } from "~/domain/errors";
import { action as cartAction, loader as cartLoader } from "~/routes/cart";
import { action as loginAction } from "~/routes/login";
import { addToCart, getPricedCart, removeCartLine, updateCartLine } from "~/services/cart.server";
import { cartLinesOf, createBuyingOrg, createProducer, putInCart } from "../support/commerce";
import { createOrganization, createUser, sessionCookieFor } from "../support/factories";
import { call, cookiesFrom, flashFrom, get, post, readJson } from "../support/routes";

type Producer = Awaited<ReturnType<typeof createProducer>>;
let producer: Producer;

beforeAll(async () => {
  producer = await createProducer({}, [
    { title: "Washed Caturra", unitLabel: "250 g bag", stock: 10, caseSize: 4, retailPriceCents: 900, wholesaleCasePriceCents: 3000 },
    { title: "Cacao nibs", unitLabel: "200 g bag", stock: 50, retailPriceCents: 650 },
  ]);
});

const coffee = () => producer.items[0]!.variant;
const nibs = () => producer.items[1]!.variant;

async function linesOfCart(cartId: string) {
  return db.cartLine.findMany({ where: { cartId }, select: { variantId: true, mode: true, quantity: true }, orderBy: { createdAt: "asc" } });
}

describe("a guest's cart", () => {
  it("is kept server-side under a signed __cart cookie and shown back to the guest", async () => {
    const added = await call(cartAction, post("/cart", { intent: "add", variantId: nibs().id, quantity: "3" }));
    expect(added.status).toBe(302);
    expect(added.headers.get("Location")).toBe("/cart");
    expect(await flashFrom(added)).toEqual({ kind: "success", text: "Added 3 units of Cacao nibs (200 g bag) to your cart." });
    const cookie = cookiesFrom(added);
    expect(cookie).toMatch(/__cart=/);

    const page = await readJson(await call(cartLoader, get("/cart", cookie)));
    expect(page.signedIn).toBe(false);
    expect(page.cart.lineCount).toBe(1);
    expect(page.cart.groups[0].lines[0]).toMatchObject({ variantId: nibs().id, mode: "UNIT", quantity: 3, unitPriceCents: 650, lineTotalCents: 1950 });
    expect(page.cart.goodsCents).toBe(1950);

    // The cookie is signed: the bare cart id, as someone might forge it, opens nothing.
    const forged = `__cart=${encodeURIComponent(btoa(JSON.stringify(page.cart.cartId)))}`;
    expect((await readJson(await call(cartLoader, get("/cart", forged)))).cart.lineCount).toBe(0);
    // Without a cookie, another visitor sees an empty cart.
    expect((await readJson(await call(cartLoader, get("/cart")))).cart.lineCount).toBe(0);
  });

  it("adds to the same cart on the next add, without setting the cookie again", async () => {
    const first = await call(cartAction, post("/cart", { intent: "add", variantId: nibs().id, quantity: "1", redirectTo: "/products/x" }));
    expect(first.headers.get("Location")).toBe("/products/x");
    const cookie = cookiesFrom(first);
    const second = await call(cartAction, post("/cart", { intent: "add", variantId: nibs().id, quantity: "2" }, cookie));
    expect(second.headers.getSetCookie().some((header) => header.startsWith("__cart="))).toBe(false);
    const page = await readJson(await call(cartLoader, get("/cart", cookie)));
    expect(page.cart.groups[0].lines).toEqual([expect.objectContaining({ variantId: nibs().id, quantity: 3 })]);
  });

  it("is merged into the user's cart at login (quantities added) and the guest cookie is cleared", async () => {
    const user = await createUser();
    await putInCart(user.id, nibs().id, 2);
    const added = await call(cartAction, post("/cart", { intent: "add", variantId: nibs().id, quantity: "3" }));
    const guestCookie = cookiesFrom(added);
    const guestCart = await call(cartAction, post("/cart", { intent: "add", variantId: coffee().id, quantity: "1" }, guestCookie));
    expect(guestCart.status).toBe(302);
    const guestCartId = (await readJson(await call(cartLoader, get("/cart", guestCookie)))).cart.cartId as string;

    const login = await call(loginAction, post("/login", { email: user.email, password: user.password, redirectTo: "/cart" }, guestCookie));
    expect(login.status).toBe(302);
    expect(login.headers.get("Location")).toBe("/cart");
    const clearing = login.headers.getSetCookie().find((header) => header.startsWith("__cart="));
    expect(clearing).toMatch(/^__cart=;.*(Max-Age=0|Expires=Thu, 01 Jan 1970)/i);
    const browser = cookiesFrom(login, guestCookie);
    expect(browser).not.toMatch(/__cart=/);
    expect(browser).toMatch(/__session=/);

    expect(await cartLinesOf(user.id)).toEqual([
      { variantId: nibs().id, mode: "UNIT", quantity: 5 },
      { variantId: coffee().id, mode: "UNIT", quantity: 1 },
    ]);
    expect(await db.cart.findUnique({ where: { id: guestCartId } })).toBeNull();
    const page = await readJson(await call(cartLoader, get("/cart", browser)));
    expect(page.signedIn).toBe(true);
    expect(page.cart.lineCount).toBe(2);
  });

  it("cannot be opened with a guest cookie once it belongs to an account", async () => {
    const user = await createUser();
    await putInCart(user.id, nibs().id, 1);
    const userCartId = (await db.cart.findUniqueOrThrow({ where: { userId: user.id } })).id;
    const { guestCartCookie } = await import("~/lib/cookies.server");
    const stolen = (await guestCartCookie.serialize(userCartId)).split(";")[0]!;
    expect((await readJson(await call(cartLoader, get("/cart", stolen)))).cart.lineCount).toBe(0);
    const removal = await call(cartAction, post("/cart", { intent: "remove", lineId: (await db.cartLine.findFirstOrThrow({ where: { cartId: userCartId } })).id }, stolen));
    expect((await flashFrom(removal))?.kind).toBe("error");
    expect(await cartLinesOf(user.id)).toHaveLength(1);
  });

  it("may not hold case lines", async () => {
    const response = await call(cartAction, post("/cart", { intent: "add", variantId: coffee().id, mode: "CASE", quantity: "1" }));
    expect(await flashFrom(response)).toEqual({ kind: "error", text: expect.stringMatching(/^Case prices are for members of verified organisations/) });
    expect(response.headers.getSetCookie().some((header) => header.startsWith("__cart="))).toBe(false);
  });
});

describe("adding to a user's cart", () => {
  it("refuses more units than the stock, counting unit and case lines of the same variant together", async () => {
    const user = await createUser();
    const organization = await createBuyingOrg([{ userId: user.id, role: "MEMBER" }]);
    const cookie = await sessionCookieFor(user.id);
    // 2 cases of 4 = 8 of the 10 in stock.
    const cases = await call(cartAction, post("/cart", { intent: "add", variantId: coffee().id, mode: "CASE", quantity: "2" }, cookie));
    expect(await flashFrom(cases)).toEqual({ kind: "success", text: "Added 2 cases of Washed Caturra (250 g bag) to your cart." });
    const tooMany = await call(cartAction, post("/cart", { intent: "add", variantId: coffee().id, quantity: "3" }, cookie));
    expect(await flashFrom(tooMany)).toEqual({
      kind: "error",
      text: "Only 10 units of Washed Caturra (250 g bag) left. You already have 8 units in your cart.",
    });
    const exact = await call(cartAction, post("/cart", { intent: "add", variantId: coffee().id, quantity: "2" }, cookie));
    expect((await flashFrom(exact))?.kind).toBe("success");
    expect(await cartLinesOf(user.id)).toEqual([
      { variantId: coffee().id, mode: "CASE", quantity: 2 },
      { variantId: coffee().id, mode: "UNIT", quantity: 2 },
    ]);
    // The cart is for the verified organisation: case lines priced at the wholesale case price.
    const page = await readJson(await call(cartLoader, get("/cart", cookie)));
    expect(page.buysFor).toBe(organization.name);
    expect(page.cart.problems).toEqual([]);
    expect(page.cart.groups[0].lines[0]).toMatchObject({ mode: "CASE", units: 8, unitPriceCents: 3000, lineTotalCents: 6000 });

    // The service says the same; a further unit is refused and nothing changes.
    await expect(
      addToCart({ userId: user.id, guestCartId: null }, { variantId: coffee().id, mode: "UNIT", quantity: 1 }, { canBuyWholesale: true }),
    ).rejects.toThrow(new RuleViolation("Only 10 units of Washed Caturra (250 g bag) left. You already have 10 units in your cart."));
    expect(await cartLinesOf(user.id)).toEqual([
      { variantId: coffee().id, mode: "CASE", quantity: 2 },
      { variantId: coffee().id, mode: "UNIT", quantity: 2 },
    ]);
  });

  it("refuses case lines to members of an unverified organisation and to people with none", async () => {
    const member = await createUser();
    await createBuyingOrg([{ userId: member.id, role: "OWNER" }], { verified: false });
    const loner = await createUser();
    for (const user of [member, loner]) {
      const response = await call(cartAction, post("/cart", { intent: "add", variantId: coffee().id, mode: "CASE", quantity: "1" }, await sessionCookieFor(user.id)));
      expect(await flashFrom(response)).toEqual({
        kind: "error",
        text: "Case prices are for members of verified organisations. Buy by the unit, or switch to your verified organisation.",
      });
      expect(await cartLinesOf(user.id)).toEqual([]);
    }
  });

  it("refuses an archived product and an out-of-stock variant", async () => {
    const user = await createUser();
    const owner = { userId: user.id, guestCartId: null };
    const gone = await createProducer({}, [{ title: "Old harvest" }, { title: "Empty shelf", stock: 0 }]);
    await db.product.update({ where: { id: gone.items[0]!.product.id }, data: { status: "ARCHIVED" } });
    await expect(addToCart(owner, { variantId: gone.items[0]!.variant.id, mode: "UNIT", quantity: 1 }, { canBuyWholesale: false })).rejects.toThrow(
      "That product is no longer sold.",
    );
    await expect(addToCart(owner, { variantId: gone.items[1]!.variant.id, mode: "UNIT", quantity: 1 }, { canBuyWholesale: false })).rejects.toThrow(
      "Empty shelf (250 g bag) is out of stock.",
    );
    expect(await cartLinesOf(user.id)).toEqual([]);
  });
});

describe("changing cart lines", () => {
  it("updates and removes the user's own lines", async () => {
    const user = await createUser();
    const cookie = await sessionCookieFor(user.id);
    const line = await putInCart(user.id, nibs().id, 2);
    const updated = await call(cartAction, post("/cart", { intent: "update", lineId: line.id, quantity: "7" }, cookie));
    expect(await flashFrom(updated)).toEqual({ kind: "success", text: "Updated Cacao nibs." });
    expect(await cartLinesOf(user.id)).toEqual([{ variantId: nibs().id, mode: "UNIT", quantity: 7 }]);
    const above = await call(cartAction, post("/cart", { intent: "update", lineId: line.id, quantity: "51" }, cookie));
    expect(await flashFrom(above)).toEqual({ kind: "error", text: "Only 50 units of Cacao nibs (200 g bag) left." });
    expect(await cartLinesOf(user.id)).toEqual([{ variantId: nibs().id, mode: "UNIT", quantity: 7 }]);
    const removed = await call(cartAction, post("/cart", { intent: "remove", lineId: line.id }, cookie));
    expect(await flashFrom(removed)).toEqual({ kind: "success", text: "Removed Cacao nibs from your cart." });
    expect(await cartLinesOf(user.id)).toEqual([]);
  });

  it("never changes another user's line, whoever asks", async () => {
    const owner = await createUser();
    const line = await putInCart(owner.id, nibs().id, 2);
    const intruder = await createUser();
    await putInCart(intruder.id, coffee().id, 1);
    const cookie = await sessionCookieFor(intruder.id);
    const attempts: Record<string, string>[] = [
      { intent: "update", lineId: line.id, quantity: "9" },
      { intent: "remove", lineId: line.id },
    ];
    for (const fields of attempts) {
      const response = await call(cartAction, post("/cart", fields, cookie));
      expect(response.headers.get("Location")).toBe("/cart");
      expect(await flashFrom(response)).toEqual({ kind: "error", text: "That item is no longer in your cart." });
    }
    // A guest cannot either.
    const guest = await call(cartAction, post("/cart", { intent: "update", lineId: line.id, quantity: "9" }));
    expect((await flashFrom(guest))?.kind).toBe("error");
    await expect(updateCartLine({ userId: intruder.id, guestCartId: null }, line.id, 9)).rejects.toThrow(RuleViolation);
    await expect(removeCartLine({ userId: null, guestCartId: line.cartId }, line.id)).rejects.toThrow(RuleViolation);
    expect(await cartLinesOf(owner.id)).toEqual([{ variantId: nibs().id, mode: "UNIT", quantity: 2 }]);
    expect(await cartLinesOf(intruder.id)).toEqual([{ variantId: coffee().id, mode: "UNIT", quantity: 1 }]);
  });

  it.each([
    ["0", "Enter at least 1"],
    ["1.5", "Enter a whole number"],
    ["ten", "Enter a whole number"],
    ["10000", "Enter at most 9999"],
  ])("refuses quantity %j with a message and changes nothing", async (quantity, message) => {
    const user = await createUser();
    const cookie = await sessionCookieFor(user.id);
    const line = await putInCart(user.id, nibs().id, 2);
    const update = await call(cartAction, post("/cart", { intent: "update", lineId: line.id, quantity }, cookie));
    expect(update.status).toBe(303);
    expect(await flashFrom(update)).toEqual({ kind: "error", text: message });
    const add = await call(cartAction, post("/cart", { intent: "add", variantId: coffee().id, quantity }, cookie));
    expect(await flashFrom(add)).toEqual({ kind: "error", text: message });
    expect(await cartLinesOf(user.id)).toEqual([{ variantId: nibs().id, mode: "UNIT", quantity: 2 }]);
  });

  it("prices the cart afresh: a price change shows at once, and a line above today's stock shows its problem", async () => {
    const user = await createUser();
    const fresh = await createProducer({}, [{ title: "Quinoa", unitLabel: "1 kg", stock: 5, retailPriceCents: 500 }]);
    await putInCart(user.id, fresh.variant.id, 4);
    await db.variant.update({ where: { id: fresh.variant.id }, data: { retailPriceCents: 550, stock: 3 } });
    const cart = await getPricedCart({ userId: user.id, guestCartId: null }, { canBuyWholesale: false });
    expect(cart.groups[0]!.lines[0]).toMatchObject({ unitPriceCents: 550, lineTotalCents: 2200 });
    expect(cart.problems).toEqual(["Quinoa (1 kg): only 3 units left; your cart has 4 units."]);
  });
});

describe("organisations and carts", () => {
  it("a producer's own member still buys by the unit when their organisation is not verified", async () => {
    const user = await createUser();
    await createOrganization({ kind: "PRODUCER" }, [{ userId: user.id, role: "OWNER" }]);
    const cookie = await sessionCookieFor(user.id);
    const response = await call(cartAction, post("/cart", { intent: "add", variantId: nibs().id, quantity: "1" }, cookie));
    expect((await flashFrom(response))?.kind).toBe("success");
    const page = await readJson(await call(cartLoader, get("/cart", cookie)));
    expect(page.buysFor).toBeNull();
    expect(page.cart.hasWholesale).toBe(false);
  });
});
