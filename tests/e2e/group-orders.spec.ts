import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { chooseOptionContaining, DAY_MS, definition, escapeRegExp, euros, flash, logIn, saveScreen, uniqueSuffix } from "./support";

/*
 * Group purchasing, as its users meet it: a coordinator of one buying co-op opens a group order and invites a second
 * co-op; a member of that co-op joins; the coordinator watches the case fill change on her open page without
 * reloading; she adds her own order with a tolerance that is needed to complete a case; bad quantities are explained
 * beside the field; she closes the order; each member sees what they get and pay; a late change is refused; and each
 * producer sees one consolidated purchase order in whole cases.
 *
 * Everything is created here (a new group order with a unique name), so the seeded "December pantry order" and
 * other specs' changes do not matter. Case sizes and prices are read from the pages, not copied from the seed.
 */

const NORTHSIDE = "Northside Food Co-op";
const KIEZKORB = "Kiezkorb Buying Group";
const PICKUP = "Northside shop";
/** Two producers without a wholesale minimum (prisma/seed-trade.ts sets minimums only for Sierra Verde and Cerro Alto). */
const CHOCOLATE = { producer: "Kwahu Ridge Cocoa Farmers' Union", owner: "ama@kwahuridge.demo", product: "85% Dark Chocolate", unit: "100 g bar" };
const RICE = { producer: "Mun River Jasmine Rice Co-operative", owner: "malee@munriver.demo", product: "Red Jasmine Rice", unit: "1 kg bag" };
const SHARED_COSTS_CENTS = 1_200;

/** Every euro amount in the text, in order. */
function allEuros(text: string): number[] {
  return [...text.matchAll(/€\d{1,3}(?:,\d{3})*\.\d{2}/g)].map((match) => euros(match[0]));
}

/** 1234 → "€12.34", as the app writes it (en-GB). */
function money(cents: number) {
  return new Intl.NumberFormat("en-GB", { style: "currency", currency: "EUR" }).format(cents / 100);
}

/** A `datetime-local` value in UTC (the form's times are UTC). */
const utcMinute = (date: Date) => date.toISOString().slice(0, 16);
const utcDay = (date: Date) => date.toISOString().slice(0, 10);

async function newPage(browser: Browser) {
  const context = await browser.newContext();
  return { context, page: await context.newPage() };
}

/** Makes `organization` the one the signed-in person acts for, with the dashboard's switcher. */
async function actFor(page: Page, organization: string) {
  await page.goto("/dashboard");
  const aside = page.getByRole("complementary", { name: "Dashboard" });
  await expect(aside).toBeVisible();
  const switcher = page.getByLabel("Acting for", { exact: true });
  if ((await switcher.count()) === 0) {
    // One membership: no switcher, just the name.
    await expect(aside.getByText(organization, { exact: true })).toBeVisible();
    return;
  }
  const current = (await switcher.locator("option:checked").innerText()).trim();
  if (current !== organization) {
    await switcher.selectOption({ label: organization });
    await expect(flash(page)).toContainText(`You are now acting for ${organization}.`);
  }
  await expect(page.getByLabel("Acting for", { exact: true }).locator("option:checked")).toHaveText(organization);
}

/** Ticks a product on the "Open a group order" form; the producers' lists are folded until opened. */
async function offer(page: Page, item: { producer: string; product: string; unit: string }) {
  const checkbox = page.getByRole("checkbox", { name: new RegExp(`^${escapeRegExp(`${item.product}, ${item.unit}`)} — case of \\d+`) });
  if (!(await checkbox.isVisible())) await page.locator("summary", { hasText: item.producer }).click();
  await checkbox.check();
}

/** Fills the whole "Open a group order" form (the page must be on it), without submitting. */
async function fillNewGroupOrder(page: Page, title: string, { closesAt }: { closesAt: Date }) {
  const now = new Date();
  await page.getByLabel("Name", { exact: true }).fill(title);
  await page.getByLabel("Opens (UTC)").fill(utcMinute(now));
  await page.getByLabel("Closes (UTC)").fill(utcMinute(closesAt));
  await page.getByLabel("Delivery date").fill(utcDay(new Date(now.getTime() + 3 * DAY_MS)));
  await chooseOptionContaining(page.getByLabel("Pickup point"), PICKUP);
  await page.getByLabel(/^Shared costs/).fill(money(SHARED_COSTS_CENTS).replace("€", ""));
  await page.getByLabel("Note to members").fill("A test order: chocolate and rice, pooled with Kiezkorb.");
  await offer(page, CHOCOLATE);
  await offer(page, RICE);
  await page.getByRole("checkbox", { name: KIEZKORB, exact: true }).check();
}

/** Opens a group order through the UI as a coordinator acting for Northside; the page ends on the new order. */
async function openGroupOrder(page: Page, title: string) {
  await actFor(page, NORTHSIDE);
  await page.getByRole("navigation", { name: "Main", exact: true }).getByRole("link", { name: "Group orders", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Group orders" })).toBeVisible();
  await page.getByRole("link", { name: "Open a group order" }).click();
  await expect(page).toHaveURL(/\/group-orders\/new$/);
  await expect(page.getByRole("heading", { level: 1, name: `Open a group order for ${NORTHSIDE}` })).toBeVisible();
  await fillNewGroupOrder(page, title, { closesAt: new Date(Date.now() + DAY_MS) });
  await page.getByRole("button", { name: "Open the group order" }).click();
  await expect(page).toHaveURL(/\/group-orders\/[^/]+$/);
  await expect(flash(page)).toContainText(`"${title}" is open. Members of the participating co-ops are told by email when it opens.`);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
}

/** The table row of one product on a group order's page. */
function offerRow(page: Page, item: { product: string }) {
  return page.getByRole("row").filter({ has: page.getByRole("link", { name: item.product, exact: true }) });
}

function caseFill(page: Page, item: { product: string }) {
  return offerRow(page, item).getByTestId("case-fill");
}

/** "20 for €64.70" in the Case column → { caseSize: 20, casePriceCents: 6470 }. */
async function caseOf(page: Page, item: { product: string }) {
  const text = (await offerRow(page, item).getByRole("cell").nth(1).innerText()).trim();
  const match = /^(\d+) for (€[\d.,]+)$/.exec(text);
  if (!match) throw new Error(`No case in "${text}"`);
  return { caseSize: Number(match[1]), casePriceCents: euros(match[2]) };
}

function quantityOf(page: Page, item: { product: string; unit: string }) {
  return page.getByLabel(`Quantity of ${item.product}, ${item.unit}`, { exact: true });
}

function toleranceOf(page: Page, item: { product: string; unit: string }) {
  return page.getByLabel(`Tolerance for ${item.product}, ${item.unit}`, { exact: true });
}

/** One member's card in the Allocation section ("What you get", or "Name (Co-op)" in the coordinator's summary). */
function allocationCard(page: Page, title: string) {
  return page
    .getByRole("region", { name: "Allocation" })
    .locator("div.rounded-lg")
    .filter({ has: page.getByRole("heading", { level: 4, name: title, exact: true }) });
}

/** The line of one product in an allocation card: "…: asked 6 (+3 tolerance), gets 8 (2 from tolerance) for €25.88". */
function allocationLine(card: Locator, item: { product: string; unit: string }) {
  return card.getByRole("listitem").filter({ hasText: `${item.product} (${item.unit}):` });
}

/** The order link of an allocation card: "Order SM-XXXX-XXXX: €12.34". */
async function orderLinkOf(card: Locator) {
  const link = card.getByRole("link", { name: /^Order SM-[0-9A-Z]{4}-[0-9A-Z]{4}: €/ });
  await expect(link).toHaveCount(1);
  const text = (await link.innerText()).trim();
  return { link, number: /^Order (SM-[0-9A-Z]{4}-[0-9A-Z]{4}):/.exec(text)![1], totalCents: euros(text) };
}

/** The order-totals list at the foot of an order page (Goods, Handling, the shared-cost share, Total). */
function orderTotals(page: Page) {
  return page.locator("dl").filter({ has: page.locator("dt", { hasText: /^Total$/ }) }).last();
}

test.describe("group orders: two co-ops fill cases together", () => {
  test("two co-ops' members join, the fill is live, close allocates fairly and the producers get one purchase order each", async ({ page, browser }) => {
    test.setTimeout(240_000);
    const priya = page;
    const title = `Pantry pool ${uniqueSuffix()}`;
    let groupOrderUrl = "";
    let chocolateCase = { caseSize: 0, casePriceCents: 0 };
    let riceCase = { caseSize: 0, casePriceCents: 0 };
    // Lena's numbers, and Priya's: one chocolate case is full only with Priya's tolerance; the rice fills one case.
    const lenaChocolate = 12;
    const lenaRice = 4;
    let priyaChocolate = 0;
    let priyaTolerance = 0;
    let priyaRice = 0;

    await test.step("Priya, acting for Northside, is told beside the field that a group order must close after it opens", async () => {
      await logIn(priya, "priya@northside.demo");
      await actFor(priya, NORTHSIDE);
      await priya.goto("/group-orders/new");
      await expect(priya.getByRole("heading", { level: 1, name: `Open a group order for ${NORTHSIDE}` })).toBeVisible();
      await fillNewGroupOrder(priya, title, { closesAt: new Date(Date.now() - 60 * 60 * 1000) });
      await priya.getByRole("button", { name: "Open the group order" }).click();
      const closes = priya.getByLabel("Closes (UTC)");
      await expect(closes).toHaveAttribute("aria-invalid", "true");
      await expect(closes).toHaveAccessibleDescription(/The order must close after it opens/);
      await expect(priya).toHaveURL(/\/group-orders\/new$/);
      await expect(priya.getByLabel("Name", { exact: true })).toHaveValue(title);
      await expect(priya.getByRole("checkbox", { name: KIEZKORB, exact: true })).toBeChecked();
    });

    await test.step("with a closing time tomorrow the group order opens, pooled with Kiezkorb", async () => {
      await priya.getByLabel("Closes (UTC)").fill(utcMinute(new Date(Date.now() + DAY_MS)));
      await priya.getByRole("button", { name: "Open the group order" }).click();
      await expect(priya).toHaveURL(/\/group-orders\/[^/]+$/);
      await expect(flash(priya)).toContainText(`"${title}" is open. Members of the participating co-ops are told by email when it opens.`);
      groupOrderUrl = new URL(priya.url()).pathname;
      await expect(priya.getByRole("heading", { level: 1, name: title })).toBeVisible();
      await expect(priya.getByText("Open", { exact: true })).toBeVisible();
      await expect(priya.getByText(`Coordinated by ${NORTHSIDE} (Priya Raman), pooled with ${KIEZKORB}.`)).toBeVisible();
      await expect(priya.getByText(`Shared costs of ${money(SHARED_COSTS_CENTS)} are split across members by the value of their goods.`)).toBeVisible();
      await expect(priya.getByText(`${CHOCOLATE.producer}: no minimum`)).toBeVisible();
      await expect(priya.getByText(`${RICE.producer}: no minimum`)).toBeVisible();
      chocolateCase = await caseOf(priya, CHOCOLATE);
      riceCase = await caseOf(priya, RICE);
      expect(chocolateCase.caseSize).toBeGreaterThan(lenaChocolate);
      expect(riceCase.caseSize).toBeGreaterThan(lenaRice);
      await expect(caseFill(priya, CHOCOLATE)).toHaveText("No orders yet");
      await expect(caseFill(priya, RICE)).toHaveText("No orders yet");
    });

    // Lena is a member of Kiezkorb only; her browser is separate from Priya's, whose page stays open and unreloaded.
    const lenaSession = await newPage(browser);
    const lena = lenaSession.page;
    await test.step("Lena of Kiezkorb finds the group order in her list and joins with her quantities", async () => {
      await logIn(lena, "lena@kiezkorb.demo");
      await lena.getByRole("navigation", { name: "Main", exact: true }).getByRole("link", { name: "Group orders", exact: true }).click();
      await expect(lena.getByRole("heading", { level: 1, name: "Group orders" })).toBeVisible();
      const entry = lena.getByRole("listitem").filter({ has: lena.getByRole("link", { name: title, exact: true }) });
      await expect(entry).toContainText(`By ${NORTHSIDE}`);
      await expect(entry).toContainText(`pickup ${PICKUP}`);
      await entry.getByRole("link", { name: title, exact: true }).click();
      await expect(lena).toHaveURL(new RegExp(`${escapeRegExp(groupOrderUrl)}$`));
      await expect(lena.getByRole("heading", { level: 2, name: "Join with your order" })).toBeVisible();
      await quantityOf(lena, CHOCOLATE).fill(String(lenaChocolate));
      await quantityOf(lena, RICE).fill(String(lenaRice));
      await lena.getByRole("button", { name: "Join the group order" }).click();
      await expect(flash(lena)).toHaveText(/Saved: you have 2 products in this group order\. You can change them until it closes\./);
      await expect(lena.getByRole("heading", { level: 2, name: "Your order" })).toBeVisible();
      await expect(quantityOf(lena, CHOCOLATE)).toHaveValue(String(lenaChocolate));
    });

    await test.step("on Priya's open page the case fill follows Lena's order without a reload", async () => {
      // A mark on the window: it survives only if the page is not reloaded.
      await priya.evaluate(() => {
        (window as unknown as { __notReloaded: boolean }).__notReloaded = true;
      });
      await expect(caseFill(priya, CHOCOLATE)).toHaveText(`${lenaChocolate} of ${chocolateCase.caseSize} — ${chocolateCase.caseSize - lenaChocolate} to go`, { timeout: 10_000 });
      await expect(caseFill(priya, RICE)).toHaveText(`${lenaRice} of ${riceCase.caseSize} — ${riceCase.caseSize - lenaRice} to go`, { timeout: 10_000 });
      expect(await priya.evaluate(() => (window as unknown as { __notReloaded?: boolean }).__notReloaded)).toBe(true);
      await saveScreen(priya, "group-order-live-fill");
    });

    // Priya's chocolate completes the case only with part of her tolerance; her rice completes the rice case exactly.
    priyaChocolate = chocolateCase.caseSize - lenaChocolate - 2;
    priyaTolerance = 3;
    priyaRice = riceCase.caseSize - lenaRice;

    await test.step("Priya's bad quantities are explained beside the fields", async () => {
      await priya.getByLabel("Order through").selectOption({ label: NORTHSIDE });
      const quantity = quantityOf(priya, CHOCOLATE);
      const join = priya.getByRole("button", { name: "Join the group order" });

      await quantity.fill("-1");
      await join.click();
      await expect(quantity).toHaveAttribute("aria-invalid", "true");
      await expect(quantity).toHaveAccessibleDescription("The quantity cannot be negative");

      await quantity.fill("1.5");
      await join.click();
      await expect(quantity).toHaveAccessibleDescription("Enter the quantity as a whole number");

      await quantity.fill(String(priyaChocolate));
      await toleranceOf(priya, CHOCOLATE).fill(String(priyaTolerance));
      await toleranceOf(priya, RICE).fill("2");
      await join.click();
      await expect(quantity).not.toHaveAttribute("aria-invalid", "true");
      const riceTolerance = toleranceOf(priya, RICE);
      await expect(riceTolerance).toHaveAttribute("aria-invalid", "true");
      await expect(riceTolerance).toHaveAccessibleDescription("Add a quantity first: tolerance is extra on top of what you order");
      await expect(priya).toHaveURL(new RegExp(`${escapeRegExp(groupOrderUrl)}$`));
      // Nothing was saved: the page still shows the confirmation of opening, not of saving.
      await expect(flash(priya)).not.toContainText("Saved");
      await expect(priya.getByRole("heading", { level: 2, name: "Join with your order" })).toBeVisible();
      await saveScreen(priya, "group-order-bad-input");
    });

    await test.step("once corrected, her order is saved; the chocolate case is full only thanks to her tolerance", async () => {
      await quantityOf(priya, RICE).fill(String(priyaRice));
      await toleranceOf(priya, RICE).fill("");
      await priya.getByRole("button", { name: "Join the group order" }).click();
      await expect(flash(priya)).toHaveText(/Saved: you have 2 products in this group order\. You can change them until it closes\./);
      await expect(quantityOf(priya, CHOCOLATE)).toHaveValue(String(priyaChocolate));
      await expect(toleranceOf(priya, CHOCOLATE)).toHaveValue(String(priyaTolerance));
      const chocolateDemand = lenaChocolate + priyaChocolate;
      await expect(caseFill(priya, CHOCOLATE)).toHaveText(`${chocolateDemand} of ${chocolateCase.caseSize} — ${chocolateCase.caseSize - chocolateDemand} to go`);
      await expect(offerRow(priya, CHOCOLATE)).toContainText("Tolerance offered would fill it: Priya Raman");
      await expect(caseFill(priya, RICE)).toHaveText("1 full case");
    });

    await test.step("Lena's open page catches up too, naming Priya only as a member of her co-op", async () => {
      const chocolateDemand = lenaChocolate + priyaChocolate;
      await expect(caseFill(lena, CHOCOLATE)).toHaveText(`${chocolateDemand} of ${chocolateCase.caseSize} — ${chocolateCase.caseSize - chocolateDemand} to go`, { timeout: 10_000 });
      await expect(offerRow(lena, CHOCOLATE)).toContainText(`Tolerance offered would fill it: a member of ${NORTHSIDE}`);
      await expect(offerRow(lena, CHOCOLATE)).not.toContainText("Priya");
      await expect(caseFill(lena, RICE)).toHaveText("1 full case", { timeout: 10_000 });
    });

    let priyaOrder = { number: "", totalCents: 0 };
    let lenaOrder = { number: "", totalCents: 0 };
    let priyaChocolateCents = 0;
    let priyaRiceCents = 0;
    await test.step("Priya closes it now (after confirming) and sees what everyone gets", async () => {
      let dialogText = "";
      priya.once("dialog", (dialog) => {
        dialogText = dialog.message();
        void dialog.accept();
      });
      await priya.getByRole("button", { name: "Close now and allocate" }).click();
      await expect(flash(priya)).toHaveText(/Closed: 2 cases ordered for 2 of 2 members\. Everyone has been told what they get\./);
      expect(dialogText).toBe("Close the group order now? Members can no longer change their orders.");
      await expect(priya.getByText("Closed", { exact: true })).toBeVisible();
      await expect(priya.getByRole("button", { name: "Close now and allocate" })).toHaveCount(0);
      await expect(quantityOf(priya, CHOCOLATE)).toHaveCount(0);

      const ordered = priya.getByRole("region", { name: "What was ordered" });
      await expect(ordered.getByRole("row").filter({ hasText: `${CHOCOLATE.product}, ${CHOCOLATE.unit}` })).toContainText(`1 × ${chocolateCase.caseSize} = ${chocolateCase.caseSize} units`);
      await expect(ordered.getByRole("row").filter({ hasText: `${RICE.product}, ${RICE.unit}` })).toContainText(`1 × ${riceCase.caseSize} = ${riceCase.caseSize} units`);

      const mine = allocationCard(priya, "What you get");
      await expect(mine).toHaveCount(1);
      const fromTolerance = chocolateCase.caseSize - lenaChocolate - priyaChocolate;
      const chocolateLine = allocationLine(mine, CHOCOLATE);
      await expect(chocolateLine).toHaveText(
        new RegExp(`asked ${priyaChocolate} \\(\\+${priyaTolerance} tolerance\\), gets ${priyaChocolate + fromTolerance} \\(${fromTolerance} from tolerance\\) for €`),
      );
      const riceLine = allocationLine(mine, RICE);
      await expect(riceLine).toHaveText(new RegExp(`asked ${priyaRice}, gets ${priyaRice} for €`));
      priyaChocolateCents = euros(await chocolateLine.innerText());
      priyaRiceCents = euros(await riceLine.innerText());
      // A case's price is split over its units: within a cent of the unit share.
      expect(Math.abs(priyaChocolateCents - (chocolateCase.casePriceCents * (priyaChocolate + fromTolerance)) / chocolateCase.caseSize)).toBeLessThan(1);
      expect(Math.abs(priyaRiceCents - (riceCase.casePriceCents * priyaRice) / riceCase.caseSize)).toBeLessThan(1);

      priyaOrder = await orderLinkOf(mine);
      const extrasCents = euros(await mine.getByText(/^Includes €[\d.,]+ for handling and your share of the shared costs\.$/).innerText());
      expect(priyaOrder.totalCents).toBe(priyaChocolateCents + priyaRiceCents + extrasCents);

      // The coordinator's summary lists the other co-op's member too, with the rest of each case.
      const theirs = allocationCard(priya, `Lena Hoffmann (${KIEZKORB})`);
      await expect(theirs).toHaveCount(1);
      const lenaChocolateCents = euros(await allocationLine(theirs, CHOCOLATE).innerText());
      const lenaRiceCents = euros(await allocationLine(theirs, RICE).innerText());
      await expect(allocationLine(theirs, CHOCOLATE)).toHaveText(new RegExp(`asked ${lenaChocolate}, gets ${lenaChocolate} for €`));
      expect(priyaChocolateCents + lenaChocolateCents).toBe(chocolateCase.casePriceCents);
      expect(priyaRiceCents + lenaRiceCents).toBe(riceCase.casePriceCents);
      lenaOrder = await orderLinkOf(theirs);
      await saveScreen(priya, "group-order-closed-coordinator");
    });

    await test.step("the coordinator's CSV downloads, with both members' lines; Lena may not download it", async () => {
      const download = priya.getByRole("link", { name: "Download as CSV" });
      const href = await download.getAttribute("href");
      expect(href).toBe(`${groupOrderUrl}/summary.csv`);
      const response = await priya.request.get(href!);
      expect(response.status()).toBe(200);
      expect(response.headers()["content-type"]).toMatch(/^text\/csv/);
      const csv = (await response.text()).replace(/^\uFEFF/, "");
      const rows = csv.trim().split(/\r?\n/);
      expect(rows[0]).toBe("co_op,member,product,requested,tolerance,allocated,from_tolerance,cost_cents,cut_reason,order");
      expect(rows).toHaveLength(5);
      expect(rows.filter((row) => row.includes("Lena Hoffmann"))).toHaveLength(2);
      expect(rows.filter((row) => row.includes("Priya Raman"))).toHaveLength(2);
      expect(rows.some((row) => row.includes(lenaOrder.number))).toBe(true);
      expect(rows.some((row) => row.includes(String(priyaChocolateCents)) && row.includes(priyaOrder.number))).toBe(true);

      const refused = await lena.request.get(href!);
      expect(refused.status()).toBe(403);
    });

    await test.step("Lena's page, still open from before the close, refuses her late change with a clear message", async () => {
      await quantityOf(lena, CHOCOLATE).fill(String(lenaChocolate + 1));
      await lena.getByRole("button", { name: "Save changes" }).click();
      // The page may switch to the closed view, but the refusal must stay on screen once it has (beside the form or as
      // the page's message), so that Lena knows her change did not count. Soft, so the steps after it still run.
      await expect(lena.getByText("Closed", { exact: true })).toBeVisible();
      const refusal = lena.getByText("This group order has closed: changes are no longer possible.");
      await expect.soft(refusal, "the late change is refused with a message").toBeVisible();
      await lena.waitForTimeout(1_500);
      await expect.soft(refusal, "the refusal is still shown after the page has settled").toBeVisible();
      await saveScreen(lena, "group-order-closed-refused");
    });

    let lenaDeliveryCents = 0;
    await test.step("after a reload Lena sees only her own allocation and her order's total", async () => {
      await lena.reload();
      await expect(lena.getByText("Closed", { exact: true })).toBeVisible();
      const allocation = lena.getByRole("region", { name: "Allocation" });
      const mine = allocationCard(lena, "What you get");
      await expect(allocationLine(mine, CHOCOLATE)).toHaveText(new RegExp(`asked ${lenaChocolate}, gets ${lenaChocolate} for €`));
      await expect(allocationLine(mine, RICE)).toHaveText(new RegExp(`asked ${lenaRice}, gets ${lenaRice} for €`));
      const own = await orderLinkOf(mine);
      expect([own.number, own.totalCents]).toEqual([lenaOrder.number, lenaOrder.totalCents]);
      await expect(allocation).not.toContainText("Priya");
      await expect(allocation.getByRole("heading", { name: "Summary for the coordinator" })).toHaveCount(0);
      await expect(allocation.getByRole("link", { name: "Download as CSV" })).toHaveCount(0);
      // Lena's late change did not count.
      await expect(allocationLine(mine, CHOCOLATE)).not.toContainText(`asked ${lenaChocolate + 1}`);

      await own.link.click();
      await expect(lena.getByRole("heading", { level: 1, name: `Order ${lenaOrder.number}` })).toBeVisible();
      expect(await definition(orderTotals(lena), /^Total$/)).toBe(lenaOrder.totalCents);
      lenaDeliveryCents = await definition(orderTotals(lena), /^Your share of the group.s shared costs$/);
    });

    await test.step("Priya's order has a section per producer, the pickup, and a ledger that sums to zero", async () => {
      await priya.getByRole("link", { name: `Order ${priyaOrder.number}: ${money(priyaOrder.totalCents)}` }).click();
      await expect(priya.getByRole("heading", { level: 1, name: `Order ${priyaOrder.number}` })).toBeVisible();
      await expect(priya.getByText(new RegExp(`by Priya Raman for ${escapeRegExp(NORTHSIDE)}`))).toBeVisible();
      await expect(priya.getByRole("region", { name: "Pickup" })).toContainText(PICKUP);
      await expect(priya.getByRole("region", { name: "Payment" })).toContainText("Pay at pickup");
      for (const [item, cents, units] of [
        [CHOCOLATE, priyaChocolateCents, chocolateCase.caseSize - lenaChocolate],
        [RICE, priyaRiceCents, priyaRice],
      ] as const) {
        const section = priya.getByRole("region", { name: item.producer, exact: true });
        const line = section.getByRole("row").filter({ hasText: item.product });
        await expect(line.getByRole("cell").nth(1)).toHaveText(String(units));
        expect(await definition(section, /^Goods$/)).toBe(cents);
      }
      const totals = orderTotals(priya);
      expect(await definition(totals, /^Goods$/)).toBe(priyaChocolateCents + priyaRiceCents);
      expect(await definition(totals, /^Total$/)).toBe(priyaOrder.totalCents);
      // The shared costs are split between the two members' orders, to the cent.
      const priyaDeliveryCents = await definition(totals, /^Your share of the group.s shared costs$/);
      expect(priyaDeliveryCents + lenaDeliveryCents).toBe(SHARED_COSTS_CENTS);

      const ledger = priya.getByRole("region", { name: "The ledger" });
      await expect(ledger.getByRole("row").filter({ hasText: `Payment for order ${priyaOrder.number}` })).toHaveCount(1);
      await expect(ledger.getByRole("row").filter({ hasText: "Payout for" })).toHaveCount(2);
      const amounts = await ledger.getByRole("row").locator("td:last-child").allInnerTexts();
      expect(amounts.length).toBeGreaterThan(2);
      expect(amounts.reduce((sum, text) => sum + euros(text), 0)).toBe(0);
      await saveScreen(priya, "group-order-member-order");
    });
    await lenaSession.context.close();

    for (const [item, itemCase] of [
      [CHOCOLATE, chocolateCase],
      [RICE, riceCase],
    ] as const) {
      await test.step(`${item.producer} sees one purchase order in whole cases`, async () => {
        const producerSession = await newPage(browser);
        const producer = producerSession.page;
        await logIn(producer, item.owner);
        await producer.getByRole("complementary", { name: "Dashboard" }).getByRole("link", { name: "Purchase orders", exact: true }).click();
        await expect(producer.getByRole("heading", { level: 1, name: "Purchase orders" })).toBeVisible();
        const entry = producer.getByRole("listitem").filter({ has: producer.getByRole("link", { name: title, exact: true }) });
        await expect(entry).toHaveCount(1);
        await expect(entry).toContainText(NORTHSIDE);
        await expect(entry).toContainText(`1 case · ${money(itemCase.casePriceCents)}`);
        await entry.getByRole("link", { name: title, exact: true }).click();
        await expect(producer.getByRole("heading", { level: 1, name: `Purchase order: ${title}` })).toBeVisible();
        await expect(producer.getByText(`From ${NORTHSIDE}`)).toContainText(`pooled with ${KIEZKORB}`);
        await expect(producer.getByText(/^Deliver by/)).toContainText(PICKUP);
        const rows = producer.getByRole("table").locator("tbody").getByRole("row");
        // Only this producer's goods: one product, one case.
        await expect(rows).toHaveCount(1);
        await expect(rows.getByRole("cell")).toHaveText([
          `${item.product}, ${item.unit}`,
          /.+/,
          "1",
          String(itemCase.caseSize),
          money(itemCase.casePriceCents),
          money(itemCase.casePriceCents),
        ]);
        expect(allEuros(await producer.getByRole("table").locator("tfoot").innerText())).toEqual([itemCase.casePriceCents]);
        await saveScreen(producer, `group-order-purchase-order-${item.owner.split("@")[0]}`);
        await producerSession.context.close();
      });
    }

    await test.step("a Northside member who never joined sees the closed order, but no form to join it", async () => {
      const alexSession = await newPage(browser);
      const alex = alexSession.page;
      await logIn(alex, "alex@northside.demo");
      await alex.goto(groupOrderUrl);
      await expect(alex.getByRole("heading", { level: 1, name: title })).toBeVisible();
      await expect(alex.getByRole("region", { name: "Allocation" })).toContainText("You did not order in this group order.");
      await expect(alex.getByRole("button", { name: "Join the group order" })).toHaveCount(0);
      await expect(alex.getByRole("button", { name: "Close now and allocate" })).toHaveCount(0);
      await alexSession.context.close();
    });
  });

  test("a coordinator can cancel an open group order, after confirming", async ({ page }) => {
    test.setTimeout(90_000);
    const title = `Cancelled pool ${uniqueSuffix()}`;
    await logIn(page, "jo@northside.demo");
    await openGroupOrder(page, title);

    await test.step("dismissing the confirmation leaves it open", async () => {
      page.once("dialog", (dialog) => void dialog.dismiss());
      await page.getByRole("button", { name: "Cancel group order" }).click();
      await expect(page.getByText("Open", { exact: true })).toBeVisible();
      await expect(page.getByRole("button", { name: "Cancel group order" })).toBeEnabled();
    });

    await test.step("confirming cancels it, and nobody can join any more", async () => {
      let dialogText = "";
      page.once("dialog", (dialog) => {
        dialogText = dialog.message();
        void dialog.accept();
      });
      await page.getByRole("button", { name: "Cancel group order" }).click();
      await expect(flash(page)).toHaveText(/The group order is cancelled\. Nobody is charged\./);
      expect(dialogText).toBe("Cancel this group order? Nothing will be ordered.");
      await expect(page.getByText("Cancelled", { exact: true })).toBeVisible();
      await expect(page.getByRole("button", { name: "Cancel group order" })).toHaveCount(0);
      await expect(page.getByRole("button", { name: "Join the group order" })).toHaveCount(0);

      await page.getByRole("navigation", { name: "Main", exact: true }).getByRole("link", { name: "Group orders", exact: true }).click();
      const entry = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: title, exact: true }) });
      await expect(entry).toContainText("Cancelled");
    });
  });
});
