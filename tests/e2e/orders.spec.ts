import { expect, test, type Browser, type Page } from "@playwright/test";
import { chooseOptionContaining, DAY_MS, definition, DEMO_PASSWORD, escapeRegExp, euros, flash, GOOD_PASSWORD, logIn, newAccount, saveScreen, signUp } from "./support";

/*
 * Buying, as people meet it: a shopper fills one cart from two producers and collects it at a pickup point; a guest's
 * cart follows them into their account; a buying co-op orders whole cases on invoice with its PO number; a mistake
 * at checkout is explained beside the field; and the producer sees the sale and what it will receive.
 *
 * Products are opened through their links on the producers' pages (by slug, since another spec renames a Sierra
 * Verde product), and prices are read from the pages rather than copied from the seed, so the expectations below
 * are sums of what the shopper was shown.
 */

const KWAHU = { slug: "kwahu-cocoa-union", product: "kwahu-70-dark-chocolate" };
const THENMALAI = { slug: "thenmalai-tea-collective", product: "thenmalai-green-cardamom" };
const SIERRA_VERDE = { slug: "sierra-verde-coffee", product: "sierra-verde-cacao-nibs", name: "Sierra Verde Coffee Cooperative" };
const NORTHSIDE = "Northside Food Co-op";
/** Sierra Verde's wholesale minimum (prisma/seed-trade.ts). */
const SIERRA_VERDE_MINIMUM_CENTS = 15_000;
const PO_NUMBER = "NS-PO-1234";

/** 1234 → "€12.34", as the app writes it (en-GB). */
function money(cents: number) {
  return new Intl.NumberFormat("en-GB", { style: "currency", currency: "EUR" }).format(cents / 100);
}

const longDate = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" });

/** The header's cart link, whatever count it shows. */
function cartLink(page: Page) {
  return page.getByRole("banner").getByRole("link", { name: /^Cart/ });
}

/** Opens a producer's page and, from its product list, the product with this slug; returns the product's and producer's names. */
async function openProductOf(page: Page, producerSlug: string, productSlug: string) {
  await page.goto(`/producers/${producerSlug}`);
  const producerName = (await page.getByRole("heading", { level: 1 }).innerText()).trim();
  const products = page.getByRole("region", { name: "Products" });
  await products.locator(`h3 a[href="/products/${productSlug}"]`).click();
  await expect(page).toHaveURL(new RegExp(`/products/${productSlug}$`));
  // The URL changes a moment before the product page renders: wait for it (its "By <producer>" line) first.
  await expect(page.getByText(/^By /).getByRole("link", { name: producerName, exact: true })).toBeVisible();
  const title = (await page.getByRole("heading", { level: 1 }).innerText()).trim();
  return { producerName, title };
}

function addToCartForm(page: Page) {
  return page.getByRole("form", { name: "Add to cart" });
}

/** Adds units (or cases) from the product page the browser is on, and checks the confirmation. */
async function addFromProductPage(page: Page, quantity: number, mode: "units" | "cases" = "units") {
  const form = addToCartForm(page);
  if (mode === "cases") await form.getByRole("radio", { name: "whole cases (wholesale)" }).check();
  await form.getByLabel("Quantity", { exact: true }).fill(String(quantity));
  await form.getByRole("button", { name: "Add to cart" }).click();
  const title = (await page.getByRole("heading", { level: 1 }).innerText()).trim();
  const what = mode === "cases" ? `${quantity} ${quantity === 1 ? "case" : "cases"}` : `${quantity} ${quantity === 1 ? "unit" : "units"}`;
  await expect(flash(page)).toContainText(new RegExp(`^Added ${what} of ${escapeRegExp(title)} \\(.+\\) to your cart\\.`));
}

/** A seller's group on the cart page. */
function cartGroup(page: Page, sellerName: string) {
  return page.getByRole("region", { name: `From ${sellerName}`, exact: true });
}

/** Empties the signed-in user's cart through the UI (seeded accounts are shared with other specs). */
async function emptyCart(page: Page) {
  await page.goto("/cart");
  await expect(page.getByRole("heading", { level: 1, name: "Your cart" })).toBeVisible();
  const remove = page.getByRole("button", { name: /^Remove / });
  for (let guard = 0; guard < 50 && (await remove.count()) > 0; guard += 1) {
    await remove.first().click();
    await expect(flash(page)).toContainText(/^Removed .* from your cart\./);
  }
  await expect(page.getByText("Your cart is empty.")).toBeVisible();
}

/** The amount a checkout's "Place order — €…" button states. */
async function placeOrderButton(page: Page) {
  const button = page.getByRole("button", { name: /^Place order — €/ });
  return { button, totalCents: euros(await button.innerText()) };
}

/** The order number from an order page's heading ("Order SM-XXXX-XXXX"). */
async function orderNumberOnPage(page: Page) {
  const heading = page.getByRole("heading", { level: 1, name: /^Order SM-/ });
  const text = (await heading.innerText()).trim();
  const number = /^Order (SM-[0-9A-Z]{4}-[0-9A-Z]{4})$/.exec(text)?.[1];
  expect(number, `order number in "${text}"`).toBeTruthy();
  return number!;
}

async function newPage(browser: Browser, options: { javaScriptEnabled?: boolean } = {}) {
  const context = await browser.newContext(options);
  return { context, page: await context.newPage() };
}

test.describe("orders: a shopper's first order", () => {
  test("a new shopper fills one cart from two producers, checks out for pickup and sees who receives what", async ({ page }) => {
    test.setTimeout(120_000);
    const account = newAccount("shopper", "Robin Ashby");
    let chocolate = { producerName: "", title: "" };
    let cardamom = { producerName: "", title: "" };
    let chocolateUnitCents = 0;
    let cardamomUnitCents = 0;
    let orderNumber = "";
    let totalCents = 0;

    await test.step("they sign up and browse the catalogue", async () => {
      await signUp(page, account);
      await expect(cartLink(page)).toHaveAccessibleName("Cart");
      await page.getByRole("navigation", { name: "Main", exact: true }).getByRole("link", { name: "Products", exact: true }).click();
      await expect(page).toHaveURL(/\/products$/);
      await expect(page.getByRole("heading", { level: 1, name: "Products" })).toBeVisible();
      await expect(page.getByText(/^\d+ products? from co-operatives$/)).toBeVisible();
    });

    await test.step("they add two bars of chocolate from one producer", async () => {
      chocolate = await openProductOf(page, KWAHU.slug, KWAHU.product);
      await addFromProductPage(page, 2);
      await expect(page).toHaveURL(new RegExp(`/products/${KWAHU.product}$`));
      await expect(cartLink(page)).toHaveAccessibleName(/^Cart\s*1 item$/);
    });

    await test.step("and one pack from a different producer; the header counts two items", async () => {
      cardamom = await openProductOf(page, THENMALAI.slug, THENMALAI.product);
      expect(cardamom.producerName).not.toBe(chocolate.producerName);
      await addFromProductPage(page, 1);
      await expect(cartLink(page)).toHaveAccessibleName(/^Cart\s*2 items$/);
      // The count must be on screen, not pushed past the right edge of a 1280-pixel-wide window.
      await expect.soft(cartLink(page), "the header's cart link and its count fit in the window").toBeInViewport({ ratio: 1 });
    });

    await test.step("the cart groups the items by producer with a subtotal each", async () => {
      await cartLink(page).click();
      await expect(page).toHaveURL(/\/cart$/);
      await expect(page.getByRole("heading", { level: 1, name: "Your cart" })).toBeVisible();
      await expect(page.getByRole("region", { name: /^From / })).toHaveCount(2);

      const chocolateGroup = cartGroup(page, chocolate.producerName);
      await expect(chocolateGroup.getByRole("link", { name: chocolate.title, exact: true })).toBeVisible();
      await expect(chocolateGroup.getByLabel(`Quantity of ${chocolate.title}`)).toHaveValue("2");
      chocolateUnitCents = euros((await chocolateGroup.getByText(/€[\d.,]+ each$/).innerText()).trim());
      await expect(chocolateGroup.getByText(/^Subtotal/)).toHaveText(`Subtotal ${money(2 * chocolateUnitCents)}`);

      const cardamomGroup = cartGroup(page, cardamom.producerName);
      await expect(cardamomGroup.getByRole("link", { name: cardamom.title, exact: true })).toBeVisible();
      await expect(cardamomGroup.getByLabel(`Quantity of ${cardamom.title}`)).toHaveValue("1");
      cardamomUnitCents = euros((await cardamomGroup.getByText(/€[\d.,]+ each$/).innerText()).trim());
      await expect(cardamomGroup.getByText(/^Subtotal/)).toHaveText(`Subtotal ${money(cardamomUnitCents)}`);

      await expect(page.getByText(/^Goods total/)).toContainText(money(2 * chocolateUnitCents + cardamomUnitCents));
    });

    await test.step("changing a quantity updates the subtotal", async () => {
      const chocolateGroup = cartGroup(page, chocolate.producerName);
      await chocolateGroup.getByLabel(`Quantity of ${chocolate.title}`).fill("3");
      await chocolateGroup.getByRole("button", { name: "Update" }).click();
      await expect(flash(page)).toHaveText(new RegExp(`^Updated ${escapeRegExp(chocolate.title)}\\.`));
      await expect(chocolateGroup.getByLabel(`Quantity of ${chocolate.title}`)).toHaveValue("3");
      await expect(chocolateGroup.getByText(/^Subtotal/)).toHaveText(`Subtotal ${money(3 * chocolateUnitCents)}`);
      await expect(page.getByText(/^Goods total/)).toContainText(money(3 * chocolateUnitCents + cardamomUnitCents));
    });

    await test.step("at checkout the contact is filled in; they choose a pickup point and to pay at pickup", async () => {
      await page.getByRole("link", { name: "Check out", exact: true }).click();
      await expect(page).toHaveURL(/\/checkout$/);
      await expect(page.getByRole("heading", { level: 1, name: "Checkout" })).toBeVisible();
      await expect(page.getByLabel("Name", { exact: true })).toHaveValue(account.name);
      await expect(page.getByLabel("Email", { exact: true })).toHaveValue(account.email);

      const summary = page.getByRole("complementary", { name: "Order summary" });
      await expect(summary).toContainText(chocolate.producerName);
      await expect(summary).toContainText(cardamom.producerName);

      await expect(page.getByRole("radio", { name: /^Collect at a pickup point/ })).toBeChecked();
      await chooseOptionContaining(page.getByLabel("Pickup point", { exact: true }), "Fairway warehouse");
      await expect(summary).toContainText("Handling (Fairway Food Hub)");
      await page.getByRole("radio", { name: /^Pay at pickup/ }).check();
      const goods = await definition(summary, /^Goods$/);
      expect(goods).toBe(3 * chocolateUnitCents + cardamomUnitCents);
      const handling = await definition(summary, /^Handling/);
      expect(handling).toBeGreaterThan(0);
      const place = await placeOrderButton(page);
      totalCents = place.totalCents;
      expect(totalCents).toBe(goods + handling);
      await saveScreen(page, "checkout-pickup");
      await place.button.click();
    });

    await test.step("the order page thanks them and shows each producer's share and the ledger", async () => {
      await expect(page).toHaveURL(/\/orders\/[^/]+$/);
      orderNumber = await orderNumberOnPage(page);
      await expect(flash(page)).toContainText(`Thank you! Order ${orderNumber} is placed.`);
      await expect(page.getByRole("region", { name: "Pickup" })).toContainText("Fairway warehouse");
      await expect(page.getByRole("region", { name: "Payment" })).toContainText("Pay at pickup");

      for (const [seller, goodsCents] of [
        [chocolate, 3 * chocolateUnitCents],
        [cardamom, cardamomUnitCents],
      ] as const) {
        const section = page.getByRole("region", { name: seller.producerName, exact: true });
        await expect(section.getByRole("cell", { name: new RegExp(`^${escapeRegExp(seller.title)}`) })).toBeVisible();
        expect(await definition(section, /^Goods$/)).toBe(goodsCents);
        const receives = await definition(section, `${seller.producerName} receives`);
        const platformFee = await definition(section, "Platform fee");
        const solidarity = await definition(section, "Solidarity fund");
        expect(receives).toBeGreaterThan(0);
        expect(platformFee).toBeGreaterThan(0);
        expect(solidarity).toBeGreaterThan(0);
        // The producer's share, the platform fee and the solidarity fund are the whole of the goods.
        expect(receives + platformFee + solidarity).toBe(goodsCents);
      }

      const totals = page.locator("dl").filter({ has: page.locator("dt", { hasText: /^Total$/ }) }).last();
      expect(await definition(totals, /^Total$/)).toBe(totalCents);

      const ledger = page.getByRole("region", { name: "The ledger" });
      await expect(ledger.getByRole("heading", { name: "The ledger" })).toBeVisible();
      const payment = ledger.getByRole("row").filter({ hasText: `Payment for order ${orderNumber}` });
      await expect(payment).toHaveCount(1);
      await expect(payment.getByRole("cell").first()).toHaveText("Paid by the buyer");
      await expect(ledger.getByRole("row").filter({ hasText: "Payout for" })).toHaveCount(2);
      // Every cent is accounted for: the entries sum to zero.
      const amounts = await ledger.getByRole("row").locator("td:last-child").allInnerTexts();
      expect(amounts.length).toBeGreaterThan(2);
      expect(amounts.reduce((sum, text) => sum + euros(text), 0)).toBe(0);
      await saveScreen(page, "order-page");
    });

    await test.step("the order is listed under Orders and the cart is empty", async () => {
      await page.getByRole("navigation", { name: "Main", exact: true }).getByRole("link", { name: "Orders", exact: true }).click();
      await expect(page).toHaveURL(/\/orders$/);
      await expect(page.getByRole("heading", { level: 1, name: "Your orders" })).toBeVisible();
      const entry = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: orderNumber, exact: true }) });
      await expect(entry).toHaveCount(1);
      await expect(entry).toContainText(money(totalCents));
      await expect(entry).toContainText(chocolate.producerName);
      await expect(entry).toContainText(cardamom.producerName);

      await expect(cartLink(page)).toHaveAccessibleName("Cart");
      await cartLink(page).click();
      await expect(page.getByText("Your cart is empty.")).toBeVisible();
    });
  });

  test("a guest's cart comes along when they log in to check out", async ({ browser }) => {
    const account = newAccount("guest-merge", "Sasha Guest");
    const signup = await newPage(browser);
    await signUp(signup.page, account);
    await signup.context.close();

    const guest = await newPage(browser);
    const page = guest.page;
    let product = { producerName: "", title: "" };

    await test.step("as a guest they add something to the cart", async () => {
      product = await openProductOf(page, THENMALAI.slug, THENMALAI.product);
      await addFromProductPage(page, 2);
      await expect(cartLink(page)).toHaveAccessibleName(/^Cart\s*1 item$/);
      await cartLink(page).click();
      await expect(cartGroup(page, product.producerName).getByLabel(`Quantity of ${product.title}`)).toHaveValue("2");
    });

    await test.step("they log in from the cart and land on the checkout with the item", async () => {
      await page.getByRole("link", { name: "Log in to check out" }).click();
      await expect(page).toHaveURL(/\/login\?redirectTo=%2Fcheckout|\/login\?redirectTo=\/checkout/);
      await expect(page.getByRole("heading", { level: 1, name: "Log in" })).toBeVisible();
      await page.getByLabel("Email", { exact: true }).fill(account.email);
      await page.getByLabel("Password", { exact: true }).fill(GOOD_PASSWORD);
      await page.getByRole("button", { name: "Log in", exact: true }).click();

      await expect(page).toHaveURL(/\/checkout$/);
      await expect(page.getByRole("heading", { level: 1, name: "Checkout" })).toBeVisible();
      const summary = page.getByRole("complementary", { name: "Order summary" });
      await expect(summary.getByRole("listitem")).toHaveCount(1);
      await expect(summary.getByRole("listitem")).toContainText(product.producerName);
      await expect(summary.getByRole("listitem")).toContainText("1 item");
      await expect(page.getByLabel("Email", { exact: true })).toHaveValue(account.email);
      await expect(cartLink(page)).toHaveAccessibleName(/^Cart\s*1 item$/);

      await page.getByRole("link", { name: "Back to your cart" }).click();
      await expect(cartGroup(page, product.producerName).getByLabel(`Quantity of ${product.title}`)).toHaveValue("2");
    });
    await guest.context.close();
  });

  test("checkout explains a missing delivery address beside the fields and keeps what was typed", async ({ page, browser }) => {
    test.setTimeout(90_000);
    const account = newAccount("delivery", "Morgan Field");
    const typedName = "Morgan Q. Field";
    const typedEmail = `typed-${account.email}`;
    const addressErrors = [
      ["Street and number", "Enter the street and number"],
      ["Postcode", "Enter the postcode"],
      ["Town or city", "Enter the town or city"],
      ["Country", "Choose a country"],
    ] as const;

    await signUp(page, account);
    await openProductOf(page, KWAHU.slug, KWAHU.product);
    await addFromProductPage(page, 1);

    /** Fills the contact, chooses delivery by Fairway and bank transfer, leaves the address empty and submits. */
    async function submitWithoutAddress(checkout: Page, { withScript }: { withScript: boolean }) {
      await checkout.goto("/checkout");
      await expect(checkout.getByRole("heading", { level: 1, name: "Checkout" })).toBeVisible();
      await checkout.getByLabel("Name", { exact: true }).fill(typedName);
      await checkout.getByLabel("Email", { exact: true }).fill(typedEmail);
      await checkout.getByRole("radio", { name: /^Delivery to an address/ }).check();
      // Without JavaScript the address fields only appear once the server has answered.
      if (withScript) await chooseOptionContaining(checkout.getByLabel("Delivered by", { exact: true }), "Fairway Food Hub");
      await checkout.getByRole("radio", { name: /^Bank transfer/ }).check();
      await checkout.getByRole("button", { name: /^Place order — €/ }).click();
    }

    async function expectErrorsBesideFields(checkout: Page) {
      await expect(checkout).toHaveURL(/\/checkout$/);
      await expect(checkout.getByRole("radio", { name: /^Delivery to an address/ })).toBeChecked();
      for (const [label, message] of addressErrors) {
        const field = checkout.getByLabel(label, { exact: true });
        await expect(field).toHaveAttribute("aria-invalid", "true");
        // The message is tied to its field, so a screen reader reads it with the field.
        await expect(field).toHaveAccessibleDescription(new RegExp(escapeRegExp(message)));
        await expect(checkout.getByRole("alert").filter({ hasText: message })).toBeVisible();
      }
      await expect(checkout.getByLabel("Name", { exact: true })).toHaveValue(typedName);
      await expect(checkout.getByLabel("Email", { exact: true })).toHaveValue(typedEmail);
      await expect(checkout.getByRole("status")).toHaveCount(0);
    }

    await test.step("with delivery chosen and no address, the form says what is missing next to each field", async () => {
      await submitWithoutAddress(page, { withScript: true });
      await expectErrorsBesideFields(page);
      await expect(page.getByLabel("Delivered by", { exact: true })).not.toHaveAttribute("aria-invalid", "true");
      await saveScreen(page, "checkout-delivery-errors");
    });

    await test.step("without JavaScript the server answers the same way", async () => {
      const noScript = await newPage(browser, { javaScriptEnabled: false });
      await logIn(noScript.page, account.email, GOOD_PASSWORD);
      await submitWithoutAddress(noScript.page, { withScript: false });
      await expectErrorsBesideFields(noScript.page);
      await expect(noScript.page.getByLabel("Delivered by", { exact: true })).toHaveAccessibleDescription(/Choose who delivers/);
      await noScript.context.close();
    });

    await test.step("no order was placed", async () => {
      await page.goto("/orders");
      await expect(page.getByText("No orders yet.")).toBeVisible();
      await expect(cartLink(page)).toHaveAccessibleName(/^Cart\s*1 item$/);
    });
  });
});

test.describe.serial("orders: a buying co-op orders cases on invoice, and the producer sees the sale", () => {
  /** What the buying co-op's order left behind, for the producer's view and the invoice below. */
  const placed = {
    orderNumber: "",
    orderPath: "",
    productTitle: "",
    caseSize: 0,
    cases: 0,
    casePriceCents: 0,
    totalCents: 0,
    sellerReceivesCents: 0,
  };

  /** The due date is 30 days after placing: either of these, if the test runs across midnight (UTC). */
  function dueDatePattern(placedAround: number) {
    const dates = [placedAround - 60_000, placedAround + 60_000].map((at) => escapeRegExp(longDate.format(new Date(at + 30 * DAY_MS))));
    return `(${[...new Set(dates)].join("|")})`;
  }

  test("Northside orders whole cases with a PO number on invoice, then orders them again", async ({ page }) => {
    test.setTimeout(120_000);
    let casesNeeded = 0;

    await test.step("priya acts for Northside, a verified buying co-op", async () => {
      await logIn(page, "priya@northside.demo", DEMO_PASSWORD);
      const sidebar = page.getByRole("complementary", { name: "Dashboard" });
      const actingFor = sidebar.getByLabel("Acting for");
      if ((await actingFor.locator("option:checked").innerText()).trim() !== NORTHSIDE) {
        await actingFor.selectOption({ label: NORTHSIDE });
        await expect(flash(page)).toContainText(`You are now acting for ${NORTHSIDE}.`);
      }
      await expect(actingFor.locator("option:checked")).toHaveText(NORTHSIDE);
      await expect(sidebar).toContainText("Your role: Owner");
      await emptyCart(page);
    });

    await test.step("one case of Sierra Verde goods is below its wholesale minimum", async () => {
      const product = await openProductOf(page, SIERRA_VERDE.slug, SIERRA_VERDE.product);
      expect(product.producerName).toBe(SIERRA_VERDE.name);
      placed.productTitle = product.title;
      const options = page.getByRole("table", { name: "Options" });
      await expect(options.getByRole("columnheader", { name: "Wholesale case" })).toBeVisible();
      const caseCell = (await options.getByRole("row").nth(1).getByRole("cell").nth(2).innerText()).trim();
      placed.caseSize = Number(/^(\d+) units/.exec(caseCell)?.[1]);
      expect(placed.caseSize, `units per case in "${caseCell}"`).toBeGreaterThan(1);
      placed.casePriceCents = euros(caseCell);
      expect(placed.casePriceCents).toBeLessThan(SIERRA_VERDE_MINIMUM_CENTS);
      casesNeeded = Math.ceil(SIERRA_VERDE_MINIMUM_CENTS / placed.casePriceCents);

      await addFromProductPage(page, 1, "cases");
      await cartLink(page).click();
      await expect(page.getByText(`Case lines are bought for ${NORTHSIDE} at wholesale prices.`)).toBeVisible();
      const group = cartGroup(page, SIERRA_VERDE.name);
      await expect(group.getByLabel(`Cases of ${product.title}`)).toHaveValue("1");
      const shortBy = money(SIERRA_VERDE_MINIMUM_CENTS - placed.casePriceCents);
      const message = `${SIERRA_VERDE.name} takes wholesale orders from ${money(SIERRA_VERDE_MINIMUM_CENTS)}; add ${shortBy} more in cases.`;
      const problems = page.getByRole("alert").filter({ hasText: "Before you can check out:" });
      await expect(problems).toContainText(message);
      await expect(group).toContainText(message);
      await expect(page.getByRole("link", { name: "Check out", exact: true })).toHaveCount(0);
      await saveScreen(page, "cart-below-wholesale-minimum");
    });

    await test.step("with enough cases the minimum is met and checkout opens", async () => {
      await page.goto(`/products/${SIERRA_VERDE.product}`);
      await addFromProductPage(page, casesNeeded - 1, "cases");
      await cartLink(page).click();
      const group = cartGroup(page, SIERRA_VERDE.name);
      await expect(group.getByLabel(`Cases of ${placed.productTitle}`)).toHaveValue(String(casesNeeded));
      await expect(group.getByText(/^Subtotal/)).toHaveText(`Subtotal ${money(casesNeeded * placed.casePriceCents)}`);
      await expect(page.getByRole("alert").filter({ hasText: "Before you can check out:" })).toHaveCount(0);
      await page.getByRole("link", { name: "Check out", exact: true }).click();
      await expect(page).toHaveURL(/\/checkout$/);
      placed.cases = casesNeeded;
    });

    await test.step("checkout buys for Northside, asks for a PO number and offers the invoice, net 30 days", async () => {
      const buyingFor = page.getByRole("group", { name: `Buying for ${NORTHSIDE}` });
      await expect(buyingFor).toBeVisible();
      await buyingFor.getByLabel(/^Purchase order \(PO\) number/).fill(PO_NUMBER);
      await chooseOptionContaining(page.getByLabel("Pickup point", { exact: true }), "Northside shop");
      const invoice = page.getByRole("radio", { name: /^Invoice, net 30 days/ });
      await expect(invoice).toBeVisible();
      await invoice.check();
      const place = await placeOrderButton(page);
      placed.totalCents = place.totalCents;
      expect(placed.totalCents).toBeGreaterThanOrEqual(placed.cases * placed.casePriceCents);
      await saveScreen(page, "checkout-invoice");
      await place.button.click();
    });

    await test.step("the order shows the PO and when to pay", async () => {
      const placedAround = Date.now();
      await expect(page).toHaveURL(/\/orders\/[^/]+$/);
      placed.orderPath = new URL(page.url()).pathname;
      placed.orderNumber = await orderNumberOnPage(page);
      await expect(flash(page)).toContainText(`Thank you! Order ${placed.orderNumber} is placed.`);
      const placedLine = page.getByText(/^Placed .* by Priya Raman/);
      await expect(placedLine).toContainText(`for ${NORTHSIDE}`);
      await expect(placedLine).toContainText(`PO ${PO_NUMBER}`);
      await expect(page.getByText(/^Please pay /)).toHaveText(
        new RegExp(`^Please pay ${escapeRegExp(money(placed.totalCents))} by ${dueDatePattern(placedAround)}$`),
      );
      await expect(page.getByRole("region", { name: "Payment" })).toContainText("Invoice, net 30 days");

      const section = page.getByRole("region", { name: SIERRA_VERDE.name, exact: true });
      await expect(section.getByRole("cell", { name: `${placed.cases} cases (${placed.cases * placed.caseSize} units)` })).toBeVisible();
      placed.sellerReceivesCents = await definition(section, `${SIERRA_VERDE.name} receives`);
      expect(placed.sellerReceivesCents).toBeGreaterThan(0);
      expect(placed.sellerReceivesCents).toBeLessThan(placed.cases * placed.casePriceCents);
      await expect(page.getByRole("region", { name: "Payment" }).getByRole("link", { name: "Invoice", exact: true })).toHaveAttribute(
        "href",
        `${placed.orderPath}/invoice`,
      );
    });

    await test.step("'Order these again' puts the cases back in the cart", async () => {
      await expect(cartLink(page)).toHaveAccessibleName("Cart");
      await page.getByRole("button", { name: "Order these again" }).click();
      await expect(page).toHaveURL(/\/cart$/);
      await expect(flash(page)).toContainText(`Added 1 item from ${placed.orderNumber} at today's prices.`);
      const group = cartGroup(page, SIERRA_VERDE.name);
      await expect(group.getByLabel(`Cases of ${placed.productTitle}`)).toHaveValue(String(placed.cases));
      await expect(group).toContainText(
        `wholesale, ${money(placed.casePriceCents)} per case of ${placed.caseSize} (${placed.cases * placed.caseSize} units)`,
      );
      await expect(page.getByRole("link", { name: "Check out", exact: true })).toBeVisible();
      // Leave the shared demo account's cart as we found it.
      await emptyCart(page);
    });
  });

  test("Sierra Verde sees the sale, what it receives, and Northside's invoice terms", async ({ page }) => {
    expect(placed.orderNumber, "the order placed in the previous test").not.toBe("");
    await logIn(page, "lucia@sierraverde.demo", DEMO_PASSWORD);
    const sidebar = page.getByRole("complementary", { name: "Dashboard" });
    await expect(sidebar).toContainText(SIERRA_VERDE.name);
    await sidebar.getByRole("link", { name: "Orders & ledger" }).click();
    await expect(page).toHaveURL(/\/dashboard\/orders$/);
    await expect(page.getByRole("heading", { level: 1, name: "Orders & ledger" })).toBeVisible();

    const sales = page.getByRole("region", { name: /^Sales \(\d+\)$/ });
    const sale = sales.getByRole("listitem").filter({ hasText: placed.orderNumber });
    await expect(sale).toHaveCount(1);
    await expect(sale).toContainText(`you receive ${money(placed.sellerReceivesCents)}`);
    await expect(sale).toContainText(NORTHSIDE);
    await expect(sale).toContainText(`PO ${PO_NUMBER}`);
    await expect(sale).toContainText("Invoice");
    await expect(sale).toContainText(`${placed.cases} × case (${placed.cases * placed.caseSize} units) ${placed.productTitle}`);

    const terms = page.getByRole("region", { name: "Invoice terms" });
    const northside = terms.getByRole("listitem").filter({ has: page.getByRole("link", { name: NORTHSIDE, exact: true }) });
    await expect(northside).toHaveCount(1);
    await expect(northside).toContainText("net 30 days");

    // The books say the same: the ledger download has the order.
    const csv = await page.request.get("/dashboard/ledger.csv");
    expect(csv.ok()).toBe(true);
    expect(await csv.text()).toContain(placed.orderNumber);
    await saveScreen(page, "seller-orders");
  });

  test("the invoice shows the due date, the PO and the lines", async ({ page }) => {
    expect(placed.orderPath, "the order placed in the first test").not.toBe("");
    await logIn(page, "priya@northside.demo", DEMO_PASSWORD);
    await page.goto(placed.orderPath);
    await expect(page.getByRole("heading", { level: 1, name: `Order ${placed.orderNumber}` })).toBeVisible();
    await page.getByRole("region", { name: "Payment" }).getByRole("link", { name: "Invoice", exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`${escapeRegExp(placed.orderPath)}/invoice$`));

    await expect(page.getByRole("heading", { level: 1, name: `Invoice ${placed.orderNumber}` })).toBeVisible();
    // Placed moments ago by the first test, so due 30 days from now.
    await expect(page.getByText(/^Due /)).toHaveText(new RegExp(`^Due ${dueDatePattern(Date.now())} \\(net 30 days\\)$`));
    await expect(page.getByText(`Your PO: ${PO_NUMBER}`)).toBeVisible();
    await expect(page.getByRole("heading", { name: "Billed to" }).locator("..")).toContainText(NORTHSIDE);
    const line = page.getByRole("row").filter({ hasText: placed.productTitle });
    await expect(line).toHaveCount(1);
    await expect(line.getByRole("cell")).toHaveText([
      new RegExp(`^${escapeRegExp(placed.productTitle)}, `),
      SIERRA_VERDE.name,
      `${placed.cases} × case of ${placed.caseSize}`,
      money(placed.casePriceCents),
      money(placed.cases * placed.casePriceCents),
    ]);
    await expect(page.getByRole("row").filter({ hasText: /^Total/ })).toContainText(money(placed.totalCents));
    await saveScreen(page, "invoice");

    // A direct visit (a bookmark, or the link in the email) shows the same page.
    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: `Invoice ${placed.orderNumber}` })).toBeVisible();
  });
});
