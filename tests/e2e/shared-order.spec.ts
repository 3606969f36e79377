import { expect, test, type Browser, type Page } from "@playwright/test";
import fs from "node:fs";
import { checkOutForPickup, escapeRegExp, euros, fairwayDeliveryDay, flash, logIn, newAccount, type NewAccount, saveScreen, signUp } from "./support";

/*
 * A distributor's shared order, as people meet it: three new shoppers each buy from two producers and collect at
 * Fairway Food Hub's warehouse on the same delivery day. Sam, who runs Fairway, opens that day's shared order: the
 * pick list sums what each producer brings in, the packing list groups the buyers under the pickup point. Sam receives
 * one producer's goods for the first buyer one unit short, receives the rest in full, packs everything, prints the
 * lists and downloads the CSV. The first buyer sees the shortage and the refund in the ledger; the others see none.
 * Only Fairway's members may see or change its shared orders: a producer gets the 403 page, and the owner of another
 * distributor sees none of Fairway's orders and cannot move one by posting its id.
 *
 * The e2e database is shared by every spec of a run, and other specs may already have Fairway orders on the same
 * day, so the pick list is compared with what it showed before these three orders (a difference), and the CSV rows
 * are picked out by order number.
 */

const KWAHU = { slug: "kwahu-cocoa-union", product: "kwahu-70-dark-chocolate" };
const THENMALAI = { slug: "thenmalai-tea-collective", product: "thenmalai-green-cardamom" };
const SAM = "sam@fairwayhub.demo";
const LUCIA_PRODUCER = "lucia@sierraverde.demo";
const DENIZ_ELBKAI = "deniz@elbkai.demo";
const WAREHOUSE = "Fairway warehouse, Bristol";
const NOT_YOURS = "That shared order is not handled by your organisation.";

/** 1234 → "€12.34", as the app writes it (en-GB). */
function money(cents: number) {
  return new Intl.NumberFormat("en-GB", { style: "currency", currency: "EUR" }).format(cents / 100);
}

/** RFC 4180 CSV → records (quoted fields, doubled quotes, CRLF). Enough for the packing list. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  const source = text.replace(/^\uFEFF/, "");
  for (let index = 0; index < source.length; index += 1) {
    const char = source[index]!;
    if (quoted) {
      if (char === '"' && source[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      record.push(field);
      field = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && source[index + 1] === "\n") index += 1;
      record.push(field);
      records.push(record);
      record = [];
      field = "";
    } else field += char;
  }
  if (field !== "" || record.length) {
    record.push(field);
    records.push(record);
  }
  return records;
}

type Product = { producerName: string; title: string; unitCents: number };

/** Opens a producer's page and, from its product list, the product with this slug (titles may be renamed by other specs). */
async function openProductOf(page: Page, producerSlug: string, productSlug: string) {
  await page.goto(`/producers/${producerSlug}`);
  const producerName = (await page.getByRole("heading", { level: 1 }).innerText()).trim();
  await page.getByRole("region", { name: "Products" }).locator(`h3 a[href="/products/${productSlug}"]`).click();
  await expect(page).toHaveURL(new RegExp(`/products/${productSlug}$`));
  // The URL changes a moment before the product page renders: wait for its own heading.
  const heading = page.getByRole("heading", { level: 1 });
  await expect(heading).not.toHaveText(producerName);
  const title = (await heading.innerText()).trim();
  return { producerName, title };
}

async function addToCart(page: Page, quantity: number) {
  const form = page.getByRole("form", { name: "Add to cart" });
  await form.getByLabel("Quantity", { exact: true }).fill(String(quantity));
  await form.getByRole("button", { name: "Add to cart" }).click();
  await expect(flash(page)).toContainText(new RegExp(`^Added ${quantity} units? of`));
}

async function newPage(browser: Browser) {
  const context = await browser.newContext();
  return { context, page: await context.newPage() };
}

type Buyer = {
  account: NewAccount;
  /** Units of [chocolate, cardamom]. */
  units: [number, number];
  page?: Page;
  orderUrl: string;
  orderNumber: string;
  readyFrom: string;
};

/** The pick list's row for one SKU: [units, short], or zeros when the product is not (yet) on it. */
async function pickListRow(sam: Page, sku: string) {
  const row = sam.getByRole("region", { name: /^Pick list/ }).getByRole("row").filter({ hasText: sku });
  if ((await row.count()) === 0) return { units: 0, short: 0 };
  await expect(row).toHaveCount(1);
  const cells = await row.getByRole("cell").allInnerTexts();
  return { units: Number(cells[1]!.trim()), short: Number(cells[2]!.trim() || "0") };
}

async function openDay(sam: Page, dayValue: string) {
  await sam.goto(`/dashboard/fulfilment?day=${dayValue}`);
  await expect(sam.getByRole("heading", { level: 1, name: "Fulfilment" })).toBeVisible();
}

test("a distributor fulfils one day's shared order for three buyers from two producers", async ({ browser }) => {
  test.setTimeout(240_000);
  const deliveryDay = fairwayDeliveryDay(new Date());
  const dayValue = deliveryDay.toISOString().slice(0, 10);
  const longDate = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" }).format(deliveryDay);

  const buyers: Buyer[] = [
    { account: newAccount("shared-a", "Ada Sharewell"), units: [3, 1], orderUrl: "", orderNumber: "", readyFrom: "" },
    { account: newAccount("shared-b", "Bo Sharewell"), units: [1, 2], orderUrl: "", orderNumber: "", readyFrom: "" },
    { account: newAccount("shared-c", "Cy Sharewell"), units: [2, 1], orderUrl: "", orderNumber: "", readyFrom: "" },
  ];
  const chocolate: Product = { producerName: "", title: "", unitCents: 0 };
  const cardamom: Product = { producerName: "", title: "", unitCents: 0 };
  let chocolateSku = "";
  let cardamomSku = "";

  const samSession = await newPage(browser);
  const sam = samSession.page;
  await logIn(sam, SAM);

  // What the pick list showed for the day before these orders (other specs may have ordered for the same day).
  let before = { chocolate: { units: 0, short: 0 }, cardamom: { units: 0, short: 0 } };

  await test.step("three new shoppers each buy from two producers and collect at the Fairway warehouse", async () => {
    for (const [index, buyer] of buyers.entries()) {
      const { page } = await newPage(browser);
      buyer.page = page;
      await signUp(page, buyer.account);

      Object.assign(chocolate, await openProductOf(page, KWAHU.slug, KWAHU.product));
      await addToCart(page, buyer.units[0]);
      Object.assign(cardamom, await openProductOf(page, THENMALAI.slug, THENMALAI.product));
      expect(cardamom.producerName).not.toBe(chocolate.producerName);
      await addToCart(page, buyer.units[1]);

      buyer.orderUrl = await checkOutForPickup(page, "Fairway warehouse");
      const heading = (await page.getByRole("heading", { level: 1, name: /^Order SM-/ }).innerText()).trim();
      buyer.orderNumber = heading.replace(/^Order /, "");
      buyer.readyFrom = (await page.getByText(/^Ready from /).innerText()).trim();

      // Unit prices and SKUs as the order recorded them.
      for (const [product, unitsIndex] of [[chocolate, 0], [cardamom, 1]] as const) {
        const section = page.getByRole("region", { name: product.producerName, exact: true });
        const row = section.getByRole("row").filter({ hasText: product.title });
        await expect(row).toHaveCount(1);
        const cells = await row.getByRole("cell").allInnerTexts();
        expect(cells[1]!.trim()).toBe(String(buyer.units[unitsIndex]));
        product.unitCents = euros(cells[2]!);
        expect(euros(cells[3]!)).toBe(product.unitCents * buyer.units[unitsIndex]);
        const sku = /·\s*(\S+)\s*$/.exec(cells[0]!)?.[1];
        expect(sku, `SKU in "${cells[0]}"`).toBeTruthy();
        if (product === chocolate) chocolateSku = sku!;
        else cardamomSku = sku!;
      }

      if (index === 0) {
        // Baseline taken after the first order reveals the SKUs, minus that order's own units.
        await openDay(sam, dayValue);
        const chocolateNow = await pickListRow(sam, chocolateSku);
        const cardamomNow = await pickListRow(sam, cardamomSku);
        before = {
          chocolate: { units: chocolateNow.units - buyer.units[0], short: chocolateNow.short },
          cardamom: { units: cardamomNow.units - buyer.units[1], short: cardamomNow.short },
        };
        expect(before.chocolate.units).toBeGreaterThanOrEqual(0);
        expect(before.cardamom.units).toBeGreaterThanOrEqual(0);
      }
    }
    // All three land on the same day: the next Thursday or Saturday at least two days ahead.
    expect(buyers[0]!.readyFrom).toContain(longDate);
    expect(buyers[1]!.readyFrom).toBe(buyers[0]!.readyFrom);
    expect(buyers[2]!.readyFrom).toBe(buyers[0]!.readyFrom);
  });

  const packingList = () => sam.getByRole("region", { name: /^Packing list/ });
  const form = (buyer: Buyer, product: Product) => sam.getByRole("form", { name: `${product.producerName} for ${buyer.orderNumber}` });

  await test.step("Sam selects the day in Dashboard → Fulfilment: the pick list sums the units, the packing list holds the three buyers", async () => {
    await sam.goto("/dashboard");
    await sam.getByRole("link", { name: "Fulfilment", exact: true }).click();
    await expect(sam).toHaveURL(/\/dashboard\/fulfilment/);
    const daySelect = sam.getByLabel("Delivery day");
    await expect(daySelect.locator(`option[value="${dayValue}"]`)).toHaveCount(1);
    await daySelect.selectOption(dayValue);
    await sam.getByRole("button", { name: "Show" }).click();
    await expect(sam).toHaveURL(new RegExp(`day=${dayValue}`));

    const pick = sam.getByRole("region", { name: /^Pick list/ });
    await expect(pick.getByRole("heading", { level: 3, name: chocolate.producerName, exact: true })).toBeVisible();
    await expect(pick.getByRole("heading", { level: 3, name: cardamom.producerName, exact: true })).toBeVisible();
    const sum = (unitsIndex: 0 | 1) => buyers.reduce((total, buyer) => total + buyer.units[unitsIndex], 0);
    expect(await pickListRow(sam, chocolateSku)).toEqual({ units: before.chocolate.units + sum(0), short: before.chocolate.short });
    expect(await pickListRow(sam, cardamomSku)).toEqual({ units: before.cardamom.units + sum(1), short: before.cardamom.short });
    await expect(pick.getByRole("row").filter({ hasText: chocolateSku })).toContainText(chocolate.title);
    await expect(pick.getByRole("row").filter({ hasText: cardamomSku })).toContainText(cardamom.title);

    const warehouse = packingList().locator("div").filter({ has: sam.getByRole("heading", { level: 3, name: WAREHOUSE, exact: true }) });
    await expect(warehouse).toHaveCount(1);
    for (const buyer of buyers) {
      const entry = warehouse.getByRole("listitem").filter({ hasText: buyer.orderNumber });
      await expect(entry).toHaveCount(1);
      await expect(entry).toContainText(`${buyer.account.name} · ${buyer.orderNumber}`);
      for (const [product, unitsIndex] of [[chocolate, 0], [cardamom, 1]] as const) {
        await expect(form(buyer, product)).toBeVisible();
        await expect(form(buyer, product)).toContainText("Awaiting goods");
        await expect(form(buyer, product)).toContainText(`${buyer.units[unitsIndex]} to pack`);
      }
    }
  });

  const [first, second, third] = buyers as [Buyer, Buyer, Buyer];
  // Buyer 1's chocolate: one unit short. Refund = goods not supplied (rounded up) + Fairway's handling on them.
  let expectedRefundCents = 0;

  await test.step("Sam receives the chocolate for buyer 1 one unit short, and everything else in full", async () => {
    const page = first.page!;
    await page.goto(first.orderUrl);
    const section = page.getByRole("region", { name: chocolate.producerName, exact: true });
    const goodsTerm = section.locator("dt", { hasText: /^Goods$/ });
    const goodsCents = euros(await goodsTerm.locator("xpath=following-sibling::dd[1]").innerText());
    const handlingTerm = section.locator("dt", { hasText: /^Handling/ });
    const handlingCents = euros(await handlingTerm.locator("xpath=following-sibling::dd[1]").innerText());
    expect(goodsCents).toBe(chocolate.unitCents * first.units[0]);
    const shortGoods = Math.ceil((goodsCents * 1) / first.units[0]);
    expectedRefundCents = shortGoods + Math.floor((handlingCents * shortGoods) / goodsCents);

    await form(first, chocolate).getByLabel(`Short units of ${chocolate.title} for ${first.orderNumber}`).fill("1");
    await form(first, chocolate).getByRole("button", { name: /^Mark received/ }).click();
    await expect(flash(sam)).toContainText(`${chocolate.producerName}'s goods for ${first.orderNumber}: received.`);
    await expect(flash(sam)).toContainText(`Short shipment recorded: the buyer is refunded ${money(expectedRefundCents)}.`);
    await expect(form(first, chocolate)).toContainText("Received by distributor");
    await expect(form(first, chocolate)).toContainText(`${first.units[0] - 1} to pack (1 short)`);

    for (const buyer of buyers) {
      for (const product of [chocolate, cardamom]) {
        if (buyer === first && product === chocolate) continue;
        await form(buyer, product).getByRole("button", { name: /^Mark received/ }).click();
        await expect(flash(sam)).toContainText(`${product.producerName}'s goods for ${buyer.orderNumber}: received.`);
        await expect(flash(sam)).not.toContainText("Short shipment");
        await expect(form(buyer, product)).toContainText("Received by distributor");
      }
    }
    expect(await pickListRow(sam, chocolateSku)).toEqual({
      units: before.chocolate.units + buyers.reduce((total, buyer) => total + buyer.units[0], 0),
      short: before.chocolate.short + 1,
    });
    expect((await pickListRow(sam, cardamomSku)).short).toBe(before.cardamom.short);
  });

  await test.step("only Fairway's members see or change its shared orders", async () => {
    const target = await form(third, chocolate).locator('input[name="fulfillmentId"]').inputValue();
    expect(target).not.toBe("");

    // A producer's member: the page is for distributors.
    const lucia = await newPage(browser);
    await logIn(lucia.page, LUCIA_PRODUCER);
    const refused = await lucia.page.goto(`/dashboard/fulfilment?day=${dayValue}`);
    expect(refused?.status()).toBe(403);
    await expect(lucia.page.getByRole("heading", { level: 1, name: "You can't open this page" })).toBeVisible();
    await expect(lucia.page.locator("body")).not.toContainText(first.orderNumber);
    expect((await lucia.page.request.get(`/dashboard/fulfilment.csv?day=${dayValue}`)).status()).toBe(403);
    await lucia.context.close();

    // Another distributor's owner: none of Fairway's orders, and a crafted POST of Fairway's fulfilment changes nothing.
    const deniz = await newPage(browser);
    await logIn(deniz.page, DENIZ_ELBKAI);
    const response = await deniz.page.goto(`/dashboard/fulfilment?day=${dayValue}`);
    expect(response?.status()).toBe(200);
    await expect(deniz.page.getByRole("heading", { level: 1, name: "Fulfilment" })).toBeVisible();
    await expect(deniz.page.getByText(/Elbkai/).first()).toBeVisible();
    const body = deniz.page.locator("body");
    for (const buyer of buyers) {
      await expect(body).not.toContainText(buyer.orderNumber);
      await expect(body).not.toContainText(buyer.account.name);
    }
    await expect(deniz.page.getByRole("form", { name: new RegExp(`for ${escapeRegExp(first.orderNumber)}$`) })).toHaveCount(0);
    const csv = await deniz.page.request.get(`/dashboard/fulfilment.csv?day=${dayValue}`);
    expect(csv.status()).toBe(200);
    const csvText = await csv.text();
    for (const buyer of buyers) expect(csvText).not.toContain(buyer.orderNumber);

    const crafted = await deniz.page.request.post("/dashboard/fulfilment", { form: { fulfillmentId: target, day: dayValue, from: "RECEIVED" } });
    expect(crafted.status()).toBeLessThan(500);
    expect(await crafted.text()).toContain(NOT_YOURS);
    await deniz.context.close();

    await openDay(sam, dayValue);
    await expect(form(third, chocolate)).toContainText("Received by distributor");
    await expect(form(third, chocolate).getByRole("button", { name: /^Mark packed/ })).toBeVisible();
  });

  await test.step("Sam packs all six", async () => {
    for (const buyer of buyers) {
      for (const product of [chocolate, cardamom]) {
        await form(buyer, product).getByRole("button", { name: /^Mark packed/ }).click();
        await expect(flash(sam)).toContainText(`${product.producerName}'s goods for ${buyer.orderNumber}: packed.`);
        await expect(form(buyer, product)).toContainText("Packed");
        await expect(form(buyer, product).getByRole("button", { name: /^Ready for pickup/ })).toBeVisible();
      }
    }
    await expect(form(first, chocolate)).toContainText(`${first.units[0] - 1} to pack (1 short)`);
  });

  await test.step("the printed page shows only the lists", async () => {
    // Stub the print dialog so the button can be pressed in a headless browser.
    await sam.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed += 1;
      };
    });
    await sam.getByRole("button", { name: "Print pick and packing lists" }).click();
    expect(await sam.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

    // What stays off the paper; found with hidden elements included, so "hidden" cannot pass by not matching at all.
    const offPaper = [
      sam.locator("header").filter({ has: sam.getByRole("navigation", { name: "Main", exact: true, includeHidden: true }) }),
      sam.locator("footer").first(),
      sam.getByRole("heading", { level: 1, name: "Fulfilment", includeHidden: true }),
      sam.getByRole("button", { name: "Print pick and packing lists", includeHidden: true }),
      sam.getByRole("button", { name: "Show", exact: true, includeHidden: true }),
      sam.getByRole("link", { name: "Packing list (CSV)", includeHidden: true }),
      sam.getByLabel("Delivery day"),
    ];
    for (const element of offPaper) {
      await expect(element).toHaveCount(1);
      await expect(element).toBeVisible();
    }
    await sam.emulateMedia({ media: "print" });
    for (const element of offPaper) {
      await expect(element).toHaveCount(1);
      await expect(element).toBeHidden();
    }
    // The dashboard's sidebar (organisation switcher and its navigation) is no part of a packing list either.
    const sidebar = sam.getByRole("complementary", { name: "Dashboard", includeHidden: true });
    await expect(sidebar).toHaveCount(1);
    await expect.soft(sidebar, "the dashboard sidebar and its navigation are left off the printed lists").toBeHidden();
    // Every step button (ours and any other order's of the day) is left off the paper.
    const stepButtons = await sam.getByRole("button", { name: /^Ready for pickup/, includeHidden: true }).all();
    expect(stepButtons.length).toBeGreaterThanOrEqual(6);
    for (const button of stepButtons) await expect(button).toBeHidden();
    await expect(sam.getByRole("region", { name: /^Pick list/ })).toBeVisible();
    await expect(packingList()).toBeVisible();
    await expect(packingList().getByRole("heading", { level: 3, name: WAREHOUSE, exact: true })).toBeVisible();
    for (const buyer of buyers) await expect(packingList().getByText(`${buyer.account.name} · ${buyer.orderNumber}`)).toBeVisible();
    await expect(form(first, chocolate)).toContainText(`${first.units[0] - 1} to pack (1 short)`);
    await saveScreen(sam, "shared-order-print");
    await sam.emulateMedia({ media: "screen" });
    await expect(offPaper[0]!).toBeVisible();
  });

  await test.step("the CSV has one row per buyer and product, with buyer 1's shortage taken off what to pack", async () => {
    const [download] = await Promise.all([sam.waitForEvent("download"), sam.getByRole("link", { name: "Packing list (CSV)" }).click()]);
    expect(download.suggestedFilename()).toBe(`fairway-food-hub-packing-${dayValue}.csv`);
    const records = parseCsv(fs.readFileSync((await download.path())!, "utf8"));
    const header = records[0]!;
    expect(header).toEqual(["delivery_day", "pickup_point", "order", "buyer", "organisation", "producer", "sku", "product", "unit", "units", "short_units", "to_pack"]);
    const column = (name: string) => header.indexOf(name);
    const ours = records.slice(1).filter((record) => buyers.some((buyer) => buyer.orderNumber === record[column("order")]));
    expect(ours).toHaveLength(6);
    for (const buyer of buyers) {
      for (const [product, sku, unitsIndex] of [[chocolate, chocolateSku, 0], [cardamom, cardamomSku, 1]] as const) {
        const rows = ours.filter((record) => record[column("order")] === buyer.orderNumber && record[column("sku")] === sku);
        expect(rows, `${buyer.orderNumber} ${sku}`).toHaveLength(1);
        const row = rows[0]!;
        const short = buyer === first && product === chocolate ? 1 : 0;
        expect(row[column("delivery_day")]).toBe(dayValue);
        expect(row[column("pickup_point")]).toBe(WAREHOUSE);
        expect(row[column("buyer")]).toBe(buyer.account.name);
        expect(row[column("producer")]).toBe(product.producerName);
        expect(row[column("product")]).toBe(product.title);
        expect(row[column("units")]).toBe(String(buyer.units[unitsIndex]));
        expect(row[column("short_units")]).toBe(String(short));
        expect(row[column("to_pack")]).toBe(String(buyer.units[unitsIndex] - short));
      }
    }
  });
  await samSession.context.close();

  await test.step("buyer 1 sees the shortage and the refund in the ledger; buyers 2 and 3 see no refund", async () => {
    for (const buyer of buyers) {
      const page = buyer.page!;
      await page.goto(buyer.orderUrl);
      const chocolateSection = page.getByRole("region", { name: chocolate.producerName, exact: true });
      const cardamomSection = page.getByRole("region", { name: cardamom.producerName, exact: true });
      await expect(chocolateSection).toContainText("Packed");
      await expect(cardamomSection).toContainText("Packed");
      await expect(cardamomSection).not.toContainText("not supplied");
      const ledger = page.getByRole("region", { name: "The ledger" });
      await expect(ledger.getByRole("heading", { name: "The ledger" })).toBeVisible();
      const refunds = ledger.getByRole("row").filter({ hasText: "Refund for short shipment" });
      if (buyer === first) {
        await expect(chocolateSection).toContainText("1 not supplied — refunded");
        const refund = ledger.getByRole("row").filter({ hasText: `Refund for short shipment from ${chocolate.producerName} in order ${buyer.orderNumber}` });
        await expect(refund).toHaveCount(1);
        await expect(refunds).toHaveCount(1);
        expect(euros(await refund.getByRole("cell").last().innerText())).toBe(expectedRefundCents);
        // Every party gave its share back: the entries still sum to zero.
        const amounts = await ledger.getByRole("row").locator("td:last-child").allInnerTexts();
        expect(amounts.reduce((sum, text) => sum + euros(text), 0)).toBe(0);
        await saveScreen(page, "shared-order-buyer-refund");
      } else {
        await expect(chocolateSection).not.toContainText("not supplied");
        await expect(refunds).toHaveCount(0);
      }
    }
  });
  for (const buyer of [first, second, third]) await buyer.page!.context().close();
});
