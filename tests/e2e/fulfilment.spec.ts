import { expect, test } from "@playwright/test";
import { checkOutForPickup, fairwayDeliveryDay, flash, logIn, newAccount, saveScreen, signUp } from "./support";

/*
 * Distributor fulfilment, as people meet it: a shopper collects an order at Fairway Food Hub's warehouse; Sam, who
 * runs Fairway, finds it under its delivery day, receives the producer's goods one unit short, packs them and marks
 * them ready for pickup; the shopper's order page then shows the status, the shortage and the refund in the ledger.
 */

const KWAHU = { slug: "kwahu-cocoa-union", product: "kwahu-70-dark-chocolate" };
const SAM = "sam@fairwayhub.demo";

test("a distributor receives a short shipment, packs it and the shopper sees the refund", async ({ page, browser }) => {
  const account = newAccount("fulfil", "Flora Fulfil");
  let orderNumber = "";
  let orderUrl = "";
  let product = { title: "", producerName: "" };
  const deliveryDay = fairwayDeliveryDay(new Date());
  const dayValue = deliveryDay.toISOString().slice(0, 10);

  await test.step("a shopper orders two bars for pickup at the Fairway warehouse", async () => {
    await signUp(page, account);
    await page.goto(`/producers/${KWAHU.slug}`);
    const producerName = (await page.getByRole("heading", { level: 1 }).innerText()).trim();
    await page.getByRole("region", { name: "Products" }).locator(`h3 a[href="/products/${KWAHU.product}"]`).click();
    await expect(page).toHaveURL(new RegExp(`/products/${KWAHU.product}$`));
    // The URL changes a moment before the product page renders: wait for its own heading.
    await expect(page.getByRole("heading", { level: 1 })).not.toHaveText(producerName);
    const title = (await page.getByRole("heading", { level: 1 }).innerText()).trim();
    product = { title, producerName };
    const form = page.getByRole("form", { name: "Add to cart" });
    await form.getByLabel("Quantity", { exact: true }).fill("2");
    await form.getByRole("button", { name: "Add to cart" }).click();
    await expect(flash(page)).toContainText(/^Added 2 units of/);
    orderUrl = await checkOutForPickup(page, "Fairway warehouse");
    const heading = (await page.getByRole("heading", { level: 1, name: /^Order SM-/ }).innerText()).trim();
    orderNumber = heading.replace(/^Order /, "");
    const longDate = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" }).format(deliveryDay);
    await expect(page.getByText(/^Ready from /)).toContainText(longDate.split(" ")[0]!);
  });

  const samContext = await browser.newContext();
  const sam = await samContext.newPage();

  await test.step("Sam finds the order under its delivery day in Dashboard → Fulfilment", async () => {
    await logIn(sam, SAM);
    await sam.getByRole("link", { name: "Fulfilment", exact: true }).click();
    await expect(sam).toHaveURL(/\/dashboard\/fulfilment/);
    await expect(sam.getByRole("heading", { level: 1, name: "Fulfilment" })).toBeVisible();
    await sam.getByLabel("Delivery day").selectOption(dayValue);
    await sam.getByRole("button", { name: "Show" }).click();
    await expect(sam).toHaveURL(new RegExp(`day=${dayValue}`));
    await expect(sam.getByRole("form", { name: `${product.producerName} for ${orderNumber}` })).toBeVisible();
    await expect(sam.getByRole("region", { name: /Pick list/ })).toContainText(product.producerName);
  });

  const form = () => sam.getByRole("form", { name: `${product.producerName} for ${orderNumber}` });

  await test.step("Sam marks the goods received with one bar short, then packed, then ready for pickup", async () => {
    await form().getByLabel(`Short units of ${product.title} for ${orderNumber}`).fill("1");
    await form().getByRole("button", { name: /^Mark received/ }).click();
    await expect(flash(sam)).toContainText("Short shipment recorded: the buyer is refunded");
    await expect(form()).toContainText("Received by distributor");
    await expect(form()).toContainText("1 to pack (1 short)");
    await form().getByRole("button", { name: /^Mark packed/ }).click();
    await expect(flash(sam)).toContainText(/packed\./);
    await form().getByRole("button", { name: /^Ready for pickup/ }).click();
    await expect(flash(sam)).toContainText(/ready for pickup\./);
    await expect(form()).toContainText("Ready for pickup");
    await saveScreen(sam, "fulfilment-ready");
  });
  await samContext.close();

  await test.step("the shopper's order page shows the status, the shortage and the refund in the ledger", async () => {
    await page.goto(orderUrl);
    const section = page.getByRole("region", { name: product.producerName, exact: true });
    await expect(section).toContainText("Ready for pickup");
    await expect(section).toContainText("1 not supplied — refunded");
    const ledger = page.getByRole("region", { name: "The ledger" });
    await expect(ledger.getByRole("row").filter({ hasText: `Refund for short shipment from ${product.producerName} in order ${orderNumber}` })).toHaveCount(1);
    await saveScreen(page, "order-short-refund");
  });
});
