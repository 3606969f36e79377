import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { DAY_MS, DEMO_PASSWORD, escapeRegExp, findReviewItem, flash, isoDay, logIn, PDF_BYTES, PNG_64, saveScreen, uniqueSuffix } from "./support";

/*
 * The catalogue as its users meet it: a plain member of a producer co-op lists a product with its prices, journey and
 * photo, and claims a label for it; a platform admin checks the evidence; shoppers and buying co-ops see the result.
 *
 * The label claimed here is WFTO Guaranteed Fair Trade, not EU Organic: Sierra Verde already holds a verified
 * organisation-wide EU Organic certificate (seed, valid until 2027-08-31), and organisation-wide labels show on every
 * one of its products. An EU Organic badge on the new product would prove nothing about the claim, and revoking the
 * claim could never make it disappear. Sierra Verde holds no WFTO certificate, so that badge appears only because
 * of the claim made here.
 */
const CLAIMED_LABEL = {
  name: "WFTO Guaranteed Fair Trade",
  slug: "wfto-guaranteed-fair-trade",
  level: "Third-party certified",
};
const SIERRA_VERDE = "Sierra Verde Coffee Cooperative";

/** A label badge (a link to the label's page whose name is the label and its verification level). */
function badge(scope: Page | Locator, labelName: string) {
  return scope.getByRole("link", { name: new RegExp(`^${escapeRegExp(labelName)}\\s*,?\\s*(Third-party certified|Participatory guarantee|Self-declared)$`) });
}

/** The €-amount a product card shows (its cheapest unit), in cents. */
async function cardPriceCents(card: Locator) {
  const text = await card.innerText();
  const amounts = [...text.matchAll(/€(\d{1,3}(?:,\d{3})*\.\d{2})/g)];
  expect(amounts.length, `a price on the card:\n${text}`).toBeGreaterThan(0);
  return Math.round(Number(amounts[amounts.length - 1][1].replace(/,/g, "")) * 100);
}

async function newPage(browser: Browser) {
  const context = await browser.newContext();
  return { context, page: await context.newPage() };
}

test.describe("catalogue: listing a product, proving its label, and what shoppers see", () => {
  test("a member lists a product with prices, journey and photo; its label is claimed, verified, shown and revoked", async ({
    browser,
  }) => {
    test.setTimeout(180_000);
    const suffix = uniqueSuffix();
    const title = `Cajamarca Honey Process Coffee ${suffix}`;
    const sku = `E2E-${suffix}`.toUpperCase();
    const summary = "A honey-processed lot from the upper slopes, sweet and bright.";
    const description = [
      "Grown at **1,800 metres** by families of the cooperative.",
      "",
      "- Variety: Caturra",
      "- Process: *honey*, dried on raised beds",
    ].join("\n");
    const photoAlt = `Green coffee beans in a wooden scoop ${suffix}`;
    const shipper = `Pacific Sail Cargo ${suffix}`;
    let productPath = "";

    const member = await newPage(browser);
    const mateo = member.page;

    await test.step("mateo, a plain member, opens Products from his dashboard", async () => {
      await logIn(mateo, "mateo@sierraverde.demo", DEMO_PASSWORD);
      const sidebar = mateo.getByRole("complementary", { name: "Dashboard" });
      await expect(sidebar).toContainText("Your role: Member");
      await sidebar.getByRole("link", { name: "Products", exact: true }).click();
      await expect(mateo).toHaveURL(/\/dashboard\/products$/);
      await expect(mateo.getByRole("heading", { level: 1, name: `Products of ${SIERRA_VERDE}` })).toBeVisible();
    });

    await test.step("he creates a product with its first variant", async () => {
      await mateo.getByRole("link", { name: "New product" }).click();
      await expect(mateo).toHaveURL(/\/dashboard\/products\/new$/);
      await expect(mateo.getByRole("heading", { level: 1, name: "New product" })).toBeVisible();

      await mateo.getByLabel("Title", { exact: true }).fill(title);
      await mateo.getByLabel("Summary", { exact: true }).fill(summary);
      await mateo.getByLabel("Description", { exact: true }).fill(description);
      await mateo.getByLabel("Category", { exact: true }).selectOption({ label: "Coffee" });
      await mateo.getByLabel("Country", { exact: true }).selectOption({ label: "Peru" });
      await mateo.getByLabel("Region", { exact: true }).fill("Cajamarca");
      await mateo.getByLabel(/^Farm, village or site/).fill("San Ignacio");

      const firstVariant = mateo.getByRole("group", { name: "First variant" });
      await firstVariant.getByLabel("SKU", { exact: true }).fill(sku);
      await firstVariant.getByLabel("Unit", { exact: true }).fill("250 g bag");
      await firstVariant.getByLabel("Retail price per unit (€)").fill("10.00");
      await firstVariant.getByLabel("Units per case").fill("12");
      await firstVariant.getByLabel("Wholesale price per case (€)").fill("100.00");
      await firstVariant.getByLabel("Units in stock").fill("30");
      await mateo.getByRole("button", { name: "Create product" }).click();

      await expect(mateo).toHaveURL(/\/dashboard\/products\/[^/]+$/);
      await expect(flash(mateo)).toContainText(`${title} is listed. Add its journey, price breakdown and photos next.`);
      await expect(mateo.getByRole("heading", { level: 1, name: title })).toBeVisible();
      productPath = (await mateo.getByRole("link", { name: "View as a shopper" }).getAttribute("href")) ?? "";
      expect(productPath).toMatch(/^\/products\/[a-z0-9-]+$/);
    });

    await test.step("a price breakdown that does not add up is refused, keeping what he typed", async () => {
      const editor = mateo.getByRole("navigation", { name: "Product editor" });
      await editor.getByRole("link", { name: "Variants & prices" }).click();
      await expect(mateo).toHaveURL(/\/variants$/);
      const row = mateo.getByRole("row").filter({ hasText: sku });
      await expect(row.getByRole("cell")).toContainText([sku, "250 g bag", "€10.00", "12 × for €100.00", "30", "Missing"]);
      await row.getByRole("link", { name: `Edit ${sku}` }).click();
      await expect(mateo).toHaveURL(/\/variants\/[^/]+$/);

      const breakdown = mateo.getByRole("region", { name: "Where the €10.00 goes" });
      await expect(breakdown.getByLabel("Share 1: for")).toHaveValue("PRODUCER");
      await breakdown.getByLabel("Share 1: who receives it").fill(SIERRA_VERDE);
      await breakdown.getByLabel("Share 1: amount in euros").fill("5.00");
      await breakdown.getByRole("button", { name: "Add a share" }).click();
      await breakdown.getByLabel("Share 2: for").selectOption({ label: "Transport" });
      await breakdown.getByLabel("Share 2: who receives it").fill("Andean Freight Co-operative");
      await breakdown.getByLabel("Share 2: amount in euros").fill("4.00");
      await breakdown.getByRole("button", { name: "Save breakdown" }).click();

      await expect(breakdown.getByRole("alert")).toContainText(
        "The shares add up to €9.00: €1.00 less than the retail price of €10.00.",
      );
      await expect(breakdown.getByLabel("Share 1: for")).toHaveValue("PRODUCER");
      await expect(breakdown.getByLabel("Share 1: who receives it")).toHaveValue(SIERRA_VERDE);
      await expect(breakdown.getByLabel("Share 1: amount in euros")).toHaveValue("5.00");
      await expect(breakdown.getByLabel("Share 2: for")).toHaveValue("TRANSPORT");
      await expect(breakdown.getByLabel("Share 2: who receives it")).toHaveValue("Andean Freight Co-operative");
      await expect(breakdown.getByLabel("Share 2: amount in euros")).toHaveValue("4.00");
      await expect(flash(mateo)).toHaveCount(0);
      await saveScreen(mateo, "breakdown-editor");
    });

    await test.step("he corrects the producer's share and the breakdown is saved", async () => {
      const breakdown = mateo.getByRole("region", { name: "Where the €10.00 goes" });
      await breakdown.getByLabel("Share 1: amount in euros").fill("6.00");
      await breakdown.getByRole("button", { name: "Save breakdown" }).click();
      await expect(flash(mateo)).toContainText("Price breakdown saved.");
      await expect(breakdown.getByRole("alert")).toHaveCount(0);
      await expect(breakdown.getByLabel("Share 1: amount in euros")).toHaveValue("6.00");
      await expect(breakdown.getByLabel("Share 2: amount in euros")).toHaveValue("4.00");

      await mateo.getByRole("link", { name: "All variants" }).click();
      await expect(mateo.getByRole("row").filter({ hasText: sku }).getByRole("cell").nth(5)).toHaveText("Complete");
    });

    await test.step("he adds two journey steps and sees them in order", async () => {
      await mateo.getByRole("navigation", { name: "Product editor" }).getByRole("link", { name: "Journey" }).click();
      await expect(mateo).toHaveURL(/\/provenance$/);
      await expect(mateo.getByText("No steps yet.")).toBeVisible();

      await mateo.getByLabel("What happened").selectOption({ label: "Grown" });
      await mateo.getByLabel(/^Done by \(organisation on the marketplace\)/).selectOption({ label: SIERRA_VERDE });
      await mateo.getByLabel("Place", { exact: true }).fill("San Ignacio, Cajamarca");
      await mateo.getByRole("button", { name: "Add step" }).click();
      await expect(flash(mateo)).toContainText("Step added to the journey.");

      await mateo.getByLabel("What happened").selectOption({ label: "Shipped" });
      await mateo.getByLabel(/^Done by \(organisation on the marketplace\)/).selectOption({ label: "Not on the marketplace" });
      await mateo.getByLabel(/^…or name who did it/).fill(shipper);
      await mateo.getByLabel("Place", { exact: true }).fill("Port of Callao");
      await mateo.getByRole("button", { name: "Add step" }).click();
      await expect(flash(mateo)).toContainText("Step added to the journey.");

      const journey = mateo.getByRole("region", { name: "The journey, in order" }).getByRole("listitem");
      await expect(journey).toHaveCount(2);
      await expect(journey.nth(0)).toContainText(`1. Grown — ${SIERRA_VERDE}`);
      await expect(journey.nth(0)).toContainText("San Ignacio, Cajamarca, Peru");
      await expect(journey.nth(1)).toContainText(`2. Shipped — ${shipper}`);
      await expect(journey.nth(1)).toContainText("Port of Callao, Peru");
    });

    await test.step("he uploads a photo with a description and sees its thumbnail", async () => {
      await mateo.getByRole("navigation", { name: "Product editor" }).getByRole("link", { name: "Photos" }).click();
      await expect(mateo).toHaveURL(/\/images$/);
      await expect(mateo.getByText("No photos yet.")).toBeVisible();
      await mateo.getByLabel(/^Photo \(JPEG, PNG or WebP/).setInputFiles({
        name: "coffee-scoop.png",
        mimeType: "image/png",
        buffer: PNG_64,
      });
      await mateo.getByLabel("Description for people who can't see it").fill(photoAlt);
      await mateo.getByRole("button", { name: "Upload photo" }).click();

      await expect(flash(mateo)).toContainText("Photo added.");
      const thumbnail = mateo.getByRole("img", { name: photoAlt });
      await expect(thumbnail).toBeVisible();
      await expect(thumbnail).toHaveAttribute("src", /^\/uploads\/images\/.+\.webp$/);
      // The thumbnail really loads (the server re-encodes the upload as WebP).
      await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    });

    const shopper = await newPage(browser);
    await test.step("before any review, shoppers see no badge for the label", async () => {
      await shopper.page.goto(productPath);
      await expect(shopper.page.getByRole("heading", { level: 1, name: title })).toBeVisible();
      await expect(badge(shopper.page, CLAIMED_LABEL.name)).toHaveCount(0);
    });

    await test.step(`mateo claims ${CLAIMED_LABEL.name} for the product with a PDF certificate`, async () => {
      await mateo.getByRole("complementary", { name: "Dashboard" }).getByRole("link", { name: "Certifications" }).click();
      await expect(mateo).toHaveURL(/\/dashboard\/certifications$/);
      const claim = mateo.getByRole("region", { name: "Claim a label" });
      await claim.getByLabel("Label", { exact: true }).selectOption({ label: `${CLAIMED_LABEL.name} — ${CLAIMED_LABEL.level}` });
      await claim.getByLabel("What the claim covers").selectOption({ label: title });
      await claim.getByLabel("Certified by", { exact: true }).fill("WFTO monitoring (e2e demo)");
      await claim.getByLabel(/^Certificate number/).fill(`WFTO-PE-${suffix}`);
      await claim.getByLabel("Valid from", { exact: true }).fill(isoDay(new Date(Date.now() - 60 * DAY_MS)));
      await claim.getByLabel(/^Valid until/).fill(isoDay(new Date(Date.now() + 730 * DAY_MS)));
      await claim.getByLabel(/^Evidence/).setInputFiles({ name: "wfto-certificate.pdf", mimeType: "application/pdf", buffer: PDF_BYTES });
      await claim.getByRole("button", { name: "Send for review" }).click();

      await expect(flash(mateo)).toContainText(
        `Your claim for ${CLAIMED_LABEL.name} was sent for review. Its badge shows once a platform administrator has checked it.`,
      );
      const mine = mateo
        .getByRole("region", { name: "Your claims" })
        .getByRole("listitem")
        .filter({ hasText: `Covers: ${title}` });
      await expect(mine).toHaveCount(1);
      await expect(mine).toContainText("Awaiting review");
      await expect(mine).toContainText("Certified by: WFTO monitoring (e2e demo)");
      await expect(badge(mine, CLAIMED_LABEL.name)).toBeVisible();
      await expect(mine.getByRole("link", { name: /Open the evidence \(wfto-certificate\.pdf\)/ })).toBeVisible();
    });

    const adminSession = await newPage(browser);
    const admin = adminSession.page;
    await test.step("the platform admin opens the claim's evidence and verifies it", async () => {
      await logIn(admin, "admin@marketplace.demo", DEMO_PASSWORD);
      await admin.getByRole("banner").getByRole("link", { name: "Admin" }).click();
      await admin.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: "Certifications" }).click();
      await expect(admin).toHaveURL(/\/admin\/certifications$/);
      const item = await findReviewItem(admin, title);
      await expect(item).toContainText(SIERRA_VERDE);
      await expect(item).toContainText("Awaiting review");
      await expect(item).toContainText("Certified by: WFTO monitoring (e2e demo)");
      await expect(item).toContainText(`Certificate number: WFTO-PE-${suffix}`);
      await saveScreen(admin, "admin-certifications");

      const evidenceLink = item.getByRole("link", { name: /wfto-certificate\.pdf/ });
      const href = await evidenceLink.getAttribute("href");
      expect(href).toMatch(/^\/dashboard\/certifications\/[^/]+\/evidence$/);
      const response = await admin.request.get(href!);
      expect(response.status()).toBe(200);
      expect(response.headers()["content-type"]).toContain("application/pdf");
      expect((await response.body()).subarray(0, 8).toString("latin1")).toBe("%PDF-1.4");
      // Evidence is private: a shopper cannot open it.
      const anonymous = await shopper.page.request.get(href!, { maxRedirects: 0 });
      expect(anonymous.status()).toBeGreaterThanOrEqual(300);
      expect(anonymous.headers()["content-type"] ?? "").not.toContain("application/pdf");

      await item.getByRole("button", { name: "Verify", exact: true }).click();
      await expect(flash(admin)).toContainText(
        `${CLAIMED_LABEL.name} for ${SIERRA_VERDE} is verified: its badge shows while the certificate is in date.`,
      );
      await expect(
        admin.getByRole("listitem").filter({ has: admin.getByRole("link", { name: title, exact: true }) }),
      ).toHaveCount(0);
    });

    await test.step("mateo sees the claim verified", async () => {
      await mateo.reload();
      const mine = mateo.getByRole("region", { name: "Your claims" }).getByRole("listitem").filter({ hasText: `Covers: ${title}` });
      await expect(mine).toContainText("Verified");
      await expect(mine).toContainText("The badge shows on your public pages.");
    });

    await test.step("a shopper sees the badge, journey, money split, description and photo, but no case price", async () => {
      const page = shopper.page;
      await page.goto(productPath);
      await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
      await expect(page.getByText(summary)).toBeVisible();

      const labels = page.getByRole("region", { name: "Labels" });
      const claimed = badge(labels, CLAIMED_LABEL.name);
      await expect(claimed).toBeVisible();
      await expect(claimed).toContainText(CLAIMED_LABEL.level);
      await expect(claimed).toHaveAttribute("href", `/labels/${CLAIMED_LABEL.slug}`);

      const journey = page.getByRole("region", { name: "The journey" }).getByRole("listitem");
      await expect(journey).toHaveCount(2);
      await expect(journey.nth(0)).toContainText("Grown");
      await expect(journey.nth(0)).toContainText(`${SIERRA_VERDE} · San Ignacio, Cajamarca, Peru`);
      await expect(journey.nth(1)).toContainText("Shipped");
      await expect(journey.nth(1)).toContainText(`${shipper} · Port of Callao, Peru`);

      const money = page.getByRole("region", { name: "Where your money goes" });
      await expect(money).toContainText("60.0% of the €10.00 you pay for a 250 g bag goes to the producers.");
      const shares = money.getByRole("table").getByRole("row");
      await expect(shares.nth(1).getByRole("cell")).toHaveText(["Producer", SIERRA_VERDE, "€6.00", "60.0%"]);
      await expect(shares.nth(2).getByRole("cell")).toHaveText(["Transport", "Andean Freight Co-operative", "€4.00", "40.0%"]);

      const about = page.getByRole("region", { name: "About this product" });
      await expect(about.locator("strong")).toHaveText("1,800 metres");
      await expect(about.locator("em")).toHaveText("honey");
      await expect(about.getByRole("listitem")).toHaveText(["Variety: Caturra", "Process: honey, dried on raised beds"]);
      await expect(about).not.toContainText("*");

      const photo = page.getByRole("img", { name: photoAlt });
      await expect(photo).toBeVisible();
      await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);

      const options = page.getByRole("table").first();
      await expect(options.getByRole("columnheader")).toHaveText(["Unit", "Price", "Case", "Availability"]);
      await expect(options.getByRole("row").nth(1).getByRole("cell")).toHaveText(["250 g bag", "€10.00", "12 units", "30 in stock"]);
      await expect(page.getByText(/per case/)).toHaveCount(0);
      await expect(page.getByText("€100.00")).toHaveCount(0);
      await expect(page.getByText("Wholesale case prices are shown to verified buying co-ops and businesses")).toBeVisible();
      // Not even hidden in the page's data.
      expect(await page.content()).not.toContain('"wholesaleCasePriceCents":10000');
      await saveScreen(page, "product-page");
    });

    await test.step("a verified buying co-op sees the wholesale case price", async () => {
      const buyer = await newPage(browser);
      await logIn(buyer.page, "priya@northside.demo", DEMO_PASSWORD);
      await expect(buyer.page.getByRole("complementary", { name: "Dashboard" })).toContainText("Northside Food Co-op");
      await buyer.page.goto(productPath);
      const options = buyer.page.getByRole("table").first();
      await expect(options.getByRole("columnheader")).toHaveText(["Unit", "Price", "Wholesale case", "Availability"]);
      await expect(options.getByRole("row").nth(1).getByRole("cell").nth(2)).toContainText("€100.00 per case");
      await buyer.context.close();
    });

    await test.step("the label's page lists the product among its holders", async () => {
      const page = shopper.page;
      await badge(page.getByRole("region", { name: "Labels" }), CLAIMED_LABEL.name).click();
      await expect(page).toHaveURL(new RegExp(`/labels/${CLAIMED_LABEL.slug}$`));
      await expect(page.getByRole("heading", { level: 1, name: CLAIMED_LABEL.name })).toBeVisible();
      const holders = page.getByRole("region", { name: "Who holds it" });
      const holder = holders.getByRole("listitem").filter({ has: page.getByRole("link", { name: title, exact: true }) });
      await expect(holder).toHaveCount(1);
      await expect(holder).toContainText(`by ${SIERRA_VERDE}`);
      await expect(holder).toContainText("Checked by WFTO monitoring (e2e demo)");
    });

    await test.step("the admin revokes the certification with a reason and the badge disappears", async () => {
      await admin.getByRole("navigation", { name: "Filter by status" }).getByRole("link", { name: "Verified", exact: true }).click();
      await expect(admin).toHaveURL(/status=VERIFIED/);
      const item = await findReviewItem(admin, title);
      await expect(item).toContainText("Verified");
      await item.getByLabel(/^Reason for revoking/).fill("The certificate was withdrawn by WFTO after a monitoring visit.");
      await item.getByRole("button", { name: "Revoke", exact: true }).click();
      await expect(flash(admin)).toContainText(`${CLAIMED_LABEL.name} for ${SIERRA_VERDE} was revoked: its badge no longer shows.`);

      const page = shopper.page;
      await page.goto(productPath);
      await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
      await expect(badge(page, CLAIMED_LABEL.name)).toHaveCount(0);
      await page.goto(`/labels/${CLAIMED_LABEL.slug}`);
      await expect(page.getByRole("heading", { level: 1, name: CLAIMED_LABEL.name })).toBeVisible();
      await expect(page.getByRole("link", { name: title, exact: true })).toHaveCount(0);

      await mateo.reload();
      const mine = mateo.getByRole("region", { name: "Your claims" }).getByRole("listitem").filter({ hasText: `Covers: ${title}` });
      await expect(mine).toContainText("Revoked");
      await expect(mine).toContainText("Why it was revoked: The certificate was withdrawn by WFTO after a monitoring visit.");
    });

    await adminSession.context.close();
    await shopper.context.close();
    await member.context.close();
  });

  test("an expired certificate stops showing by itself while the producer's other labels still show", async ({ page }) => {
    // Seed: Thenmalai's EU Organic certificate is VERIFIED but ran out on 2026-06-30; Women-led and Fair for Life are in date.
    await test.step("the producer page shows the in-date labels only", async () => {
      await page.goto("/producers/thenmalai-tea-collective");
      await expect(page.getByRole("heading", { level: 1, name: "Thenmalai Women's Tea Collective" })).toBeVisible();
      const labels = page.getByRole("region", { name: "Labels" });
      await expect(badge(labels, "Fair for Life")).toBeVisible();
      await expect(badge(labels, "Women-led")).toBeVisible();
      await expect(badge(labels, "EU Organic")).toHaveCount(0);
      await expect(page.getByRole("link", { name: /EU Organic/ })).toHaveCount(0);
    });

    for (const [slug, name] of [
      ["thenmalai-nilgiri-black-tea", "Nilgiri Black Tea, Loose Leaf"],
      ["thenmalai-green-cardamom", "Green Cardamom Pods"],
    ] as const) {
      await test.step(`its product "${name}" carries the same labels, without EU Organic`, async () => {
        await page.getByRole("region", { name: "Products" }).getByRole("link", { name, exact: true }).click();
        await expect(page).toHaveURL(new RegExp(`/products/${slug}$`));
        const labels = page.getByRole("region", { name: "Labels" });
        await expect(badge(labels, "Fair for Life")).toBeVisible();
        await expect(badge(labels, "Women-led")).toBeVisible();
        await expect(page.getByRole("link", { name: /EU Organic/ })).toHaveCount(0);
        await page.goBack();
      });
    }

    await test.step("the EU Organic page does not count Thenmalai among its holders", async () => {
      await page.goto("/labels/eu-organic");
      await expect(page.getByRole("heading", { level: 1, name: "EU Organic" })).toBeVisible();
      const holders = page.getByRole("region", { name: "Who holds it" });
      await expect(holders.getByRole("link", { name: SIERRA_VERDE })).toBeVisible();
      await expect(holders.getByRole("link", { name: "Thenmalai Women's Tea Collective" })).toHaveCount(0);
    });
  });
});

test.describe("catalogue: bad input is explained and nothing half-done is saved", () => {
  test("a price breakdown amount that is not money", async ({ page }) => {
    await logIn(page, "mateo@sierraverde.demo", DEMO_PASSWORD);
    await page.goto("/dashboard/products");
    await page.getByRole("link", { name: "Sierra Verde Caturra & Bourbon, Whole Bean" }).click();
    await page.getByRole("navigation", { name: "Product editor" }).getByRole("link", { name: "Variants & prices" }).click();
    await page.getByRole("link", { name: /^Edit / }).first().click();
    await expect(page).toHaveURL(/\/variants\/[^/]+$/);

    const breakdown = page.getByRole("region", { name: /^Where the €[\d.,]+ goes$/ });
    const amount = breakdown.getByLabel("Share 1: amount in euros");
    const saved = await amount.inputValue();
    await amount.fill("abc");
    await breakdown.getByRole("button", { name: "Save breakdown" }).click();

    await expect(breakdown.getByText("Enter the share as an amount like 12.90")).toBeVisible();
    await expect(amount).toHaveAttribute("aria-invalid", "true");
    await expect(amount).toHaveValue("abc");
    await expect(flash(page)).toHaveCount(0);

    // Nothing was saved.
    await page.reload();
    await expect(breakdown.getByLabel("Share 1: amount in euros")).toHaveValue(saved);
  });

  test("a certification claim with a text file renamed .pdf", async ({ page }) => {
    await logIn(page, "lucia@sierraverde.demo", DEMO_PASSWORD);
    await page.goto("/dashboard/certifications");
    const claims = page.getByRole("region", { name: "Your claims" }).getByRole("listitem");
    const claimsBefore = await claims.count();
    const certifier = `Southern Trust e2e ${uniqueSuffix()}`;

    const claim = page.getByRole("region", { name: "Claim a label" });
    await claim.getByLabel("Label", { exact: true }).selectOption({ label: "Fair for Life — Third-party certified" });
    await claim.getByLabel("Certified by", { exact: true }).fill(certifier);
    await claim.getByLabel("Valid from", { exact: true }).fill(isoDay(new Date(Date.now() - 10 * DAY_MS)));
    await claim.getByLabel(/^Evidence/).setInputFiles({
      name: "certificate.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("This is only a text file with a .pdf name.\n"),
    });
    await claim.getByRole("button", { name: "Send for review" }).click();

    await expect(claim.getByText(/^This file is not a .*PDF.* file\.$/)).toBeVisible();
    await expect(claim.getByLabel(/^Evidence/)).toHaveAttribute("aria-invalid", "true");
    await expect(claim.getByLabel("Certified by", { exact: true })).toHaveValue(certifier);
    await expect(claim.getByLabel("Label", { exact: true })).toHaveValue(/.+/);
    await expect(flash(page)).toHaveCount(0);
    await expect(claims).toHaveCount(claimsBefore);
  });

  test("a CSV import with one broken row imports nothing", async ({ page }) => {
    await logIn(page, "mateo@sierraverde.demo", DEMO_PASSWORD);
    await page.goto("/dashboard/products");
    const productRows = page.getByRole("table").getByRole("row");
    const rowsBefore = await productRows.count();
    expect(rowsBefore).toBeGreaterThan(1);

    const suffix = uniqueSuffix();
    const goodTitle = `Imported Quinoa ${suffix}`;
    const header =
      "product_slug,title,summary,description,category,origin_country,origin_region,origin_place,sku,unit,case_size,retail_price,wholesale_case_price,stock,min_order,lot_code";
    const csv = [
      header,
      `e2e-good-${suffix},${goodTitle},White quinoa from the altiplano co-operatives.,"Washed, dried and sorted by hand; a good everyday grain.",grains-rice,PE,Puno,,E2E-GOOD-${suffix},500 g bag,10,4.50,40.00,20,1,`,
      `e2e-bad-${suffix},Imported Broken ${suffix},A row whose price is written in words.,"This row should stop the whole import, nothing saved.",grains-rice,PE,Puno,,E2E-BAD-${suffix},500 g bag,10,four euros,40.00,20,1,`,
    ].join("\n");

    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await page.getByRole("link", { name: "Import CSV" }).click();
    // The link must open the import page in the app (client-side navigation loads the route's browser code).
    await expect.soft(page, "the Import CSV link opens the import page").toHaveURL(/\/dashboard\/products\/import$/);
    if (!page.url().endsWith("/dashboard/products/import")) await page.goto("/dashboard/products/import");
    await expect(page.getByRole("heading", { level: 1, name: "Import products from CSV" })).toBeVisible();
    await page.getByLabel(/^Or paste the CSV/).fill(csv);
    await page.getByRole("button", { name: "Preview" }).click();

    await expect(page.getByRole("heading", { name: "The file has errors" })).toBeVisible();
    await expect(page.getByRole("alert").filter({ hasText: "nothing was imported" })).toHaveText(
      "1 error in 1 row — nothing was imported.",
    );
    const errors = page.getByRole("table", { name: "Errors by row and column" }).getByRole("row");
    await expect(errors).toHaveCount(2);
    await expect(errors.nth(1).getByRole("cell")).toHaveText(["3", "retail_price", "Enter the retail price as an amount like 12.90"]);
    await expect(page.getByRole("button", { name: /^Import \d/ })).toHaveCount(0);
    // The pasted text is kept for correcting.
    await expect(page.getByLabel(/^Or paste the CSV/)).toHaveValue(csv);

    await page.getByRole("link", { name: "← Products" }).click();
    await expect(page).toHaveURL(/\/dashboard\/products$/);
    await expect(productRows).toHaveCount(rowsBefore);
    await expect(page.getByRole("link", { name: goodTitle })).toHaveCount(0);
    expect.soft(pageErrors, "no script errors on the import page").toEqual([]);
  });
});

test.describe("catalogue: browsing", () => {
  test("filtering by label shows only products carrying it, and sorting by price orders the cards", async ({ page }) => {
    const cards = page
      .getByRole("main")
      .getByRole("listitem")
      .filter({ has: page.getByRole("heading", { level: 3 }) });
    let allCount = 0;
    let fairtradeCount = 0;

    await test.step("choosing Fairtrade in the Label filter narrows the list", async () => {
      await page.goto("/products");
      await expect(page.getByRole("heading", { level: 1, name: "Products" })).toBeVisible();
      allCount = Number((await page.getByText(/^\d+ products? from co-operatives$/).innerText()).split(" ")[0]);
      await page.getByRole("combobox", { name: /^Label/ }).selectOption({ label: "Fairtrade" });
      await expect(page).toHaveURL(/label=fairtrade/);
      const summaryLine = page.getByText(/^\d+ products? from co-operatives$/);
      await expect(summaryLine).not.toHaveText(`${allCount} products from co-operatives`);
      fairtradeCount = Number((await summaryLine.innerText()).split(" ")[0]);
      expect(fairtradeCount).toBeGreaterThan(0);
      expect(fairtradeCount).toBeLessThan(allCount);
      await expect(cards).toHaveCount(Math.min(fairtradeCount, 24));
      // Nyambene's Fairtrade claim was rejected, and Thenmalai holds no Fairtrade: none of their products.
      await expect(cards.filter({ hasText: "Nyambene" })).toHaveCount(0);
      await expect(cards.filter({ hasText: "Thenmalai" })).toHaveCount(0);
      await expect(page.getByRole("link", { name: "Raw Acacia Honey" })).toHaveCount(0);
    });

    await test.step("the products listed carry the Fairtrade badge", async () => {
      const titles = await cards.getByRole("heading", { level: 3 }).allInnerTexts();
      const sample = [...new Set([titles[0], titles[titles.length - 1]])];
      for (const title of sample) {
        await cards.getByRole("link", { name: title, exact: true }).click();
        await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
        const fairtrade = badge(page.getByRole("region", { name: "Labels" }), "Fairtrade");
        await expect(fairtrade).toBeVisible();
        await expect(fairtrade).toHaveAttribute("href", "/labels/fairtrade");
        await page.goBack();
        await expect(page).toHaveURL(/label=fairtrade/);
      }
    });

    await test.step("sorting by price, low to high, keeps the filter and orders the cards", async () => {
      await page.getByRole("combobox", { name: /^Sort by/ }).selectOption({ label: "Price: low to high" });
      await expect(page).toHaveURL(/sort=price-asc/);
      await expect(page).toHaveURL(/label=fairtrade/);
      await expect(page.getByText(/^\d+ products? from co-operatives$/)).toHaveText(
        `${fairtradeCount} ${fairtradeCount === 1 ? "product" : "products"} from co-operatives`,
      );
      const count = Math.min(await cards.count(), 6);
      expect(count).toBeGreaterThan(1);
      const prices: number[] = [];
      for (let index = 0; index < count; index += 1) prices.push(await cardPriceCents(cards.nth(index)));
      expect(prices).toEqual([...prices].sort((a, b) => a - b));
      expect(prices[0]).toBeLessThan(prices[count - 1]);

      await page.getByRole("combobox", { name: /^Sort by/ }).selectOption({ label: "Price: high to low" });
      await expect(page).toHaveURL(/sort=price-desc/);
      const first = await cardPriceCents(cards.first());
      expect(first).toBeGreaterThanOrEqual(prices[count - 1]);
    });
  });
});
