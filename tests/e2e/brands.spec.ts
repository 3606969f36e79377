import { expect, test, type Browser, type Page } from "@playwright/test";
import { DAY_MS, escapeRegExp, findReviewItem, flash, isoDay, logIn, PDF_BYTES, PNG_64, saveScreen, uniqueSuffix } from "./support";

/*
 * Collective brands, as their users meet them: the owner of a producer co-op (Cerro Alto) founds a brand with a
 * standard — Fairtrade and Worker-owned, producers and suppliers that are worker co-operatives — after being told
 * beside the field that the story is too short. A second co-op (Lindenau) applies; with one member the founder's
 * yes decides at once, and the tally is recorded. Lindenau's product without Fairtrade is refused at once with the
 * reason; one with a product-level Fairtrade certificate joins the collection, shows "Co-branded with" and is found
 * with the search page's brand facet. Lindenau certifies a second product through the real claim → review flow,
 * and that one carries the mark too — until the platform admin revokes its Fairtrade certificate: the mark comes off at
 * once (product page, collection, search) while the other product keeps it. Last, a member proposes a campaign with
 * the product still carrying the mark; the steward approves it, and the home page shows the banner.
 *
 * Why revocation and not a real lapse: a certificate's validity ends at the end of a calendar day (UTC), so an e2e
 * run on real time cannot watch one expire. Time-based expiry of the mark is covered by the integration tests
 * (tests/integration/brands.test.ts); the same read-time rule (a product shows the mark only while it holds every
 * required label, verified and current) hides it whether the certificate lapsed or was revoked.
 *
 * Everything is created here (a new brand with a unique name, a new certification with a unique number), so the
 * seeded "Common Harvest" brand and other specs do not matter. Seed facts relied on (prisma/seed-data.ts,
 * prisma/seed-labels.ts): Cerro Alto is a producer worker co-op holding org-level Worker-owned; Lindenau is a supplier
 * worker co-op holding org-level Worker-owned, product-level Fairtrade on its Filter Roast only; Sierra Verde is a
 * producer co-operative, not a worker co-op.
 */

const CERRO_ALTO = { name: "Cerro Alto Olive Workers' Co-operative", owner: "carmen@cerroalto.demo" };
const LINDENAU = { name: "Lindenau Roasters Collective", owner: "jonas@lindenau.demo" };
const SIERRA_VERDE = { name: "Sierra Verde Coffee Cooperative", owner: "lucia@sierraverde.demo" };
/** Holds Fairtrade on the product itself (seed). */
const FILTER_ROAST = "Lindenau Filter Roast";
/** Holds no Fairtrade at all (seed): it cannot carry the mark. */
const DECAF = "Lindenau Decaf";
/** Holds no Fairtrade until Lindenau claims it here and the admin verifies it. */
const MOKA = "Lindenau Moka Pot Roast, Ground";

async function newPage(browser: Browser, options: { javaScriptEnabled?: boolean } = {}) {
  const context = await browser.newContext(options);
  return { context, page: await context.newPage() };
}

/**
 * Resolves once React has taken over the page. Until the nested-<li> hydration mismatch on the brand and campaign
 * pages is fixed (see the "hydrates without React errors" steps), React throws the server's HTML away and renders again, resetting any choice
 * made before that — so the story waits for it before it touches a form.
 */
async function waitForHydration(page: Page) {
  await page.waitForFunction(
    () => {
      const main = document.querySelector("main");
      return !!main && Object.keys(main).some((key) => key.startsWith("__reactFiber"));
    },
    undefined,
    { timeout: 10_000 },
  );
  await page.waitForLoadState("networkidle");
}

/** Loads `path` afresh and returns the page errors thrown while React hydrated it (e.g. #418 mismatches). */
async function hydrationErrors(page: Page, path: string) {
  const errors: string[] = [];
  const record = (error: Error) => errors.push(error.message);
  page.on("pageerror", record);
  try {
    await page.goto(path);
    await waitForHydration(page);
  } finally {
    page.off("pageerror", record);
  }
  // React reports one #418 per mismatched node: one line per kind of error is enough to read.
  return [...new Set(errors)];
}

async function openBrandPage(page: Page, path: string) {
  await page.goto(path);
  await waitForHydration(page);
}

async function reloadBrandPage(page: Page) {
  await page.reload();
  await waitForHydration(page);
}

/** Fills the "Found a collective brand" form's text fields (the page must be on it). */
async function fillBrandBasics(page: Page, name: string, story: string) {
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Story", { exact: true }).fill(story);
}

function tick(page: Page, group: string, option: string) {
  return page.getByRole("group", { name: group, exact: true }).getByRole("checkbox", { name: option, exact: true }).check();
}

function region(page: Page, name: string | RegExp) {
  return page.getByRole("region", { name, exact: typeof name === "string" ? true : undefined });
}

function collection(page: Page) {
  return region(page, /^The collection \(\d+\)$/);
}

/** One proposal in the "Products for the mark" panel. */
function proposal(page: Page, productTitle: string) {
  return region(page, "Products for the mark")
    .getByRole("listitem")
    .filter({ has: page.getByRole("link", { name: productTitle, exact: true }) });
}

/** Proposes one of the acting organisation's products for the mark (the page must be on the brand's page). */
async function propose(page: Page, productTitle: string) {
  const panel = region(page, "Products for the mark");
  await panel.getByRole("combobox", { name: /^Propose one of yours/ }).selectOption({ label: productTitle });
  await panel.getByRole("button", { name: "Propose", exact: true }).click();
}

/** The search page's brand facet: the checkbox of one brand, "Name (count)". */
function brandFacet(page: Page, brandName: string) {
  return page.getByRole("group", { name: "Brand", exact: true }).getByRole("checkbox", { name: new RegExp(`^${escapeRegExp(brandName)} \\(\\d+\\)$`) });
}

/** Product titles in the search results, sorted (the order is the search's relevance, not ours to assert). */
async function expectResultTitles(page: Page, titles: string[]) {
  const headings = page.getByRole("region", { name: "Results" }).getByRole("heading", { level: 2 });
  await expect(headings).toHaveCount(titles.length);
  expect((await headings.allInnerTexts()).map((text) => text.trim()).sort()).toEqual([...titles].sort());
}

/** Reloads /search until the brand facet reads `count` (the search index follows the outbox, polled every ~250 ms). */
async function expectBrandFacetCount(page: Page, brandName: string, count: number) {
  await expect(async () => {
    await page.goto("/search");
    await expect(brandFacet(page, brandName)).toHaveAccessibleName(`${brandName} (${count})`, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
}

test.describe("collective brands: founded with a standard, joined by vote, the mark follows the certificates", () => {
  test("a co-op founds a brand, another is voted in, compliant products join, a non-compliant one is refused, a campaign runs and revocation removes the mark", async ({ page, browser }) => {
    test.setTimeout(300_000);
    const suffix = uniqueSuffix();
    const brandName = `Workers' Table ${suffix}`;
    const story =
      "Workers' Table is a shared mark of worker-owned co-operatives that trade on **Fairtrade** terms. " +
      "The people who grow, press and roast the food own the business and vote on who joins.";
    const applicationMessage = "We roast Fairtrade coffee as a worker co-op and want to sell it under the shared mark.";
    const certificateNumber = `FT-DE-E2E-${suffix}`;
    const campaign = {
      title: `Pour-over week ${suffix}`,
      banner: "Filter coffee roasted by the workers who own the roastery.",
      body: "A week of **pour-over** coffee from Lindenau, roasted and packed by its worker-members in Leipzig.",
    };
    let brandPath = "";
    let brandSlug = "";

    const carmen = page;
    const jonasSession = await newPage(browser);
    const jonas = jonasSession.page;
    const shopperSession = await newPage(browser);
    const shopper = shopperSession.page;
    const adminSession = await newPage(browser);
    const admin = adminSession.page;

    await test.step("without JavaScript, the server refuses a too-short story and keeps what was typed and ticked", async () => {
      const noScript = await newPage(browser, { javaScriptEnabled: false });
      await logIn(noScript.page, CERRO_ALTO.owner);
      await noScript.page.goto("/brands/new");
      await expect(noScript.page.getByRole("heading", { level: 1, name: "Found a collective brand" })).toBeVisible();
      await fillBrandBasics(noScript.page, brandName, "Too short.");
      await tick(noScript.page, "Required labels", "Fairtrade");
      await noScript.page.getByRole("button", { name: "Found the brand" }).click();
      await expect(noScript.page).toHaveURL(/\/brands\/new$/);
      const storyField = noScript.page.getByLabel("Story", { exact: true });
      await expect(storyField).toHaveAttribute("aria-invalid", "true");
      await expect(storyField).toHaveAccessibleDescription(/Tell its story in at least 20 characters/);
      await expect(noScript.page.getByLabel("Name", { exact: true })).toHaveValue(brandName);
      await expect(noScript.page.getByRole("group", { name: "Required labels" }).getByRole("checkbox", { name: "Fairtrade", exact: true })).toBeChecked();
      await noScript.context.close();
    });

    await test.step("Carmen of Cerro Alto is told beside the field that the story is too short; her brand's name stays", async () => {
      await logIn(carmen, CERRO_ALTO.owner);
      await carmen.getByRole("navigation", { name: "Main", exact: true }).getByRole("link", { name: "Brands", exact: true }).click();
      await expect(carmen).toHaveURL(/\/brands$/);
      await expect(carmen.getByRole("heading", { level: 1, name: "Collective brands" })).toBeVisible();
      await carmen.getByRole("link", { name: "Found a brand" }).click();
      await expect(carmen).toHaveURL(/\/brands\/new$/);
      await expect(carmen.getByRole("heading", { level: 1, name: "Found a collective brand" })).toBeVisible();
      await expect(carmen.getByText(`${CERRO_ALTO.name} becomes its first member and a steward.`)).toBeVisible();

      await fillBrandBasics(carmen, brandName, "Olive oil.");
      await carmen.getByRole("button", { name: "Found the brand" }).click();
      const storyField = carmen.getByLabel("Story", { exact: true });
      await expect(storyField).toHaveAttribute("aria-invalid", "true");
      await expect(storyField).toHaveAccessibleDescription(/Tell its story in at least 20 characters/);
      await expect(carmen).toHaveURL(/\/brands\/new$/);
      await expect(carmen.getByLabel("Name", { exact: true })).toHaveValue(brandName);
    });

    await test.step("she founds it requiring Fairtrade and Worker-owned, for producer and supplier worker co-ops, with a logo", async () => {
      await carmen.getByLabel("Story", { exact: true }).fill(story);
      await expect(carmen.getByLabel("Story", { exact: true })).not.toHaveAttribute("aria-invalid", "true");
      await carmen.getByLabel(/^Logo/).setInputFiles({ name: "workers-table.png", mimeType: "image/png", buffer: PNG_64 });
      await carmen.getByLabel("Main colour", { exact: true }).fill("#2b4c7e");
      await carmen.getByLabel("Accent colour", { exact: true }).fill("#f2c14e");
      await tick(carmen, "Required labels", "Fairtrade");
      await tick(carmen, "Required labels", "Worker-owned");
      await tick(carmen, "Organisation kinds allowed", "Producer");
      await tick(carmen, "Organisation kinds allowed", "Supplier / processor");
      await tick(carmen, "Legal forms allowed", "Worker co-operative");
      await carmen.getByLabel(/^Quorum/).fill("60");
      await carmen.getByLabel(/^Majority/).fill("66");
      await carmen.getByRole("button", { name: "Found the brand" }).click();

      await expect(flash(carmen)).toContainText(
        `${brandName} is founded, with ${CERRO_ALTO.name} as its first member and steward. Other organisations can now apply to join.`,
      );
      // The slug comes from the name (lower case, dashes).
      await expect(carmen).toHaveURL(/\/brands\/workers-table-[a-z0-9-]+$/);
      brandPath = new URL(carmen.url()).pathname;
      brandSlug = brandPath.split("/").pop()!;
      await expect(carmen.getByRole("heading", { level: 1, name: brandName })).toBeVisible();
      await expect(carmen.getByText(`A collective brand founded by ${CERRO_ALTO.name} · 1 member organisation`)).toBeVisible();
      // The brand's colour and logo.
      const header = carmen.getByRole("main").locator("header").first();
      await expect(header).toHaveCSS("background-color", "rgb(43, 76, 126)");
      const logo = header.locator("img");
      await expect(logo).toHaveAttribute("src", /^\/uploads\//);
      await expect.poll(() => logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
      // The story is rendered as Markdown.
      await expect(region(carmen, "Story").locator("strong")).toHaveText("Fairtrade");

      const standards = region(carmen, "Standards");
      await expect(standards).toContainText("Holds the Fairtrade label, verified and current");
      await expect(standards).toContainText("Holds the Worker-owned label, verified and current");
      await expect(standards).toContainText("Open to: Producer, Supplier / processor");
      await expect(standards).toContainText("Legal forms: Worker co-operative");
      await expect(standards).toContainText("Admission: a quorum of 60% of members voting, and more than 66% of yes and no votes yes.");
      const members = region(carmen, "Members");
      await expect(members.getByRole("listitem")).toHaveCount(1);
      await expect(members.getByRole("listitem").first()).toHaveText(new RegExp(`^${escapeRegExp(CERRO_ALTO.name)}\\s*steward$`));
      await expect(region(carmen, "Applications")).toContainText("No open applications.");
      await expect(collection(carmen)).toContainText(`No products carry ${brandName} yet.`);
      await saveScreen(carmen, "brand-founded");
    });

    await test.step("a co-op outside the standard is told why it cannot join", async () => {
      const lucia = await newPage(browser);
      await logIn(lucia.page, SIERRA_VERDE.owner);
      await lucia.page.goto(brandPath);
      const join = region(lucia.page, `Join ${brandName}`);
      await expect(join).toContainText(`${SIERRA_VERDE.name} cannot join: Only worker co-operatives may carry this brand.`);
      await expect(join.getByRole("button")).toHaveCount(0);
      await lucia.context.close();
    });

    await test.step("Jonas applies for Lindenau with a message", async () => {
      await logIn(jonas, LINDENAU.owner);
      await jonas.goto("/brands");
      await jonas.getByRole("link", { name: brandName, exact: true }).click();
      await expect(jonas).toHaveURL(new RegExp(`${escapeRegExp(brandPath)}$`));
      // Not a member: no vote, no proposals.
      await expect(region(jonas, "Applications")).toHaveCount(0);
      await expect(region(jonas, "Products for the mark")).toHaveCount(0);
      const join = region(jonas, `Join ${brandName}`);
      await join.getByLabel(`Why ${LINDENAU.name} wants to join`).fill(applicationMessage);
      await join.getByRole("button", { name: `Apply for ${LINDENAU.name}` }).click();
      await expect(flash(jonas)).toContainText(`${LINDENAU.name} has applied to join ${brandName}. The member organisations will vote.`);
      await expect(region(jonas, `Join ${brandName}`)).toContainText(`${LINDENAU.name}'s application is open: the members are voting.`);
      await expect(region(jonas, `Join ${brandName}`).getByRole("button")).toHaveCount(0);
    });

    await test.step("Carmen votes yes: with one member the decision is immediate and the tally is recorded", async () => {
      await reloadBrandPage(carmen);
      const applications = region(carmen, "Applications");
      const application = applications.getByRole("listitem").filter({ hasText: LINDENAU.name });
      await expect(application).toContainText(`“${applicationMessage}”`);
      await expect(application).toContainText("Supplier / processor · Worker co-operative");
      await expect(application.getByTestId("tally")).toHaveText("Tally: 0 yes, 0 no, 0 abstaining · 1 more for a quorum");
      await expect(application.getByRole("button", { name: `Close voting on ${LINDENAU.name}` })).toBeVisible();
      await application.getByRole("button", { name: `Yes on ${LINDENAU.name}`, exact: true }).click();

      const decision = "Admitted: 1 yes, 0 no, 0 abstaining of 1 member organisations.";
      await expect(flash(carmen)).toContainText(`${CERRO_ALTO.name}'s vote is recorded. ${decision}`);
      await expect(applications).toContainText("No open applications.");
      await expect(applications.getByRole("listitem").filter({ hasText: LINDENAU.name })).toHaveText(`${LINDENAU.name}: ${decision}`);
      await expect(region(carmen, "Members").getByRole("link", { name: LINDENAU.name, exact: true })).toBeVisible();
      await expect(carmen.getByText(`A collective brand founded by ${CERRO_ALTO.name} · 2 member organisations`)).toBeVisible();
    });

    await test.step("Lindenau is now a member, and the brands list says so", async () => {
      await reloadBrandPage(jonas);
      await expect(region(jonas, `Join ${brandName}`)).toHaveCount(0);
      await expect(region(jonas, "Members").getByRole("link", { name: LINDENAU.name, exact: true })).toBeVisible();
      await expect(region(jonas, "Applications")).toContainText(`${LINDENAU.name}: Admitted: 1 yes, 0 no, 0 abstaining of 1 member organisations.`);
      // Lindenau is a member, not a steward: nothing to close or approve.
      await expect(region(jonas, "Applications").getByRole("button")).toHaveCount(0);

      await shopper.goto("/brands");
      const card = shopper.getByRole("listitem").filter({ has: shopper.getByRole("link", { name: brandName, exact: true }) });
      await expect(card).toContainText("2 member organisations");
      await expect(card).toContainText("requires");
      await expect(card).toContainText("Fairtrade");
      await expect(card).toContainText("Worker-owned");
    });

    await test.step("a product without Fairtrade is refused at once, with the reason", async () => {
      await propose(jonas, DECAF);
      const reason = "It needs the Fairtrade label, verified and current.";
      await expect(flash(jonas)).toContainText(`${DECAF} cannot carry ${brandName}: ${reason}`);
      const refused = proposal(jonas, DECAF);
      await expect(refused).toContainText(`(${LINDENAU.name}) · rejected`);
      await expect(refused).toContainText(`Does not meet the standards: ${reason}`);
      // The steward has nothing to decide about it.
      await reloadBrandPage(carmen);
      await expect(proposal(carmen, DECAF)).toContainText("rejected");
      await expect(proposal(carmen, DECAF).getByRole("button")).toHaveCount(0);
      await expect(collection(carmen).getByRole("link", { name: DECAF, exact: true })).toHaveCount(0);
    });

    await test.step("a product with product-level Fairtrade waits for the steward, who approves it", async () => {
      await propose(jonas, FILTER_ROAST);
      await expect(flash(jonas)).toContainText(`${FILTER_ROAST} is proposed; a steward will review it.`);
      await expect(proposal(jonas, FILTER_ROAST)).toContainText(`(${LINDENAU.name}) · proposed`);
      await expect(proposal(jonas, FILTER_ROAST).getByRole("button")).toHaveCount(0);
      // Proposed is not yet carried.
      await shopper.goto(`/products/lindenau-filter-roast`);
      await expect(shopper.getByRole("heading", { level: 1, name: FILTER_ROAST })).toBeVisible();
      await expect(shopper.getByRole("link", { name: brandName, exact: true })).toHaveCount(0);

      await reloadBrandPage(carmen);
      await proposal(carmen, FILTER_ROAST).getByRole("button", { name: `Approve ${FILTER_ROAST}`, exact: true }).click();
      await expect(flash(carmen)).toContainText(`${FILTER_ROAST} now carries ${brandName}.`);
      await expect(collection(carmen).getByRole("heading", { level: 2 })).toHaveText("The collection (1)");
      await expect(collection(carmen).getByRole("link", { name: FILTER_ROAST, exact: true })).toBeVisible();
      await expect(proposal(carmen, FILTER_ROAST)).toHaveCount(0);
    });

    await test.step("its product page says it is co-branded, linking to the brand", async () => {
      await shopper.reload();
      await expect(shopper.getByText(/Co-branded with/)).toBeVisible();
      const mark = shopper.getByRole("link", { name: brandName, exact: true });
      await expect(mark).toHaveAttribute("href", brandPath);
      await saveScreen(shopper, "brand-co-branded-product");
    });

    await test.step("Lindenau claims Fairtrade for a second product and the platform admin verifies it", async () => {
      await jonas.goto("/dashboard");
      await jonas.getByRole("complementary", { name: "Dashboard" }).getByRole("link", { name: "Certifications" }).click();
      await expect(jonas).toHaveURL(/\/dashboard\/certifications$/);
      const claim = jonas.getByRole("region", { name: "Claim a label" });
      await claim.getByLabel("Label", { exact: true }).selectOption({ label: "Fairtrade — Third-party certified" });
      await claim.getByLabel("What the claim covers").selectOption({ label: MOKA });
      await claim.getByLabel("Certified by", { exact: true }).fill("Central Europe Trade Audits (e2e demo)");
      await claim.getByLabel(/^Certificate number/).fill(certificateNumber);
      await claim.getByLabel("Valid from", { exact: true }).fill(isoDay(new Date(Date.now() - 30 * DAY_MS)));
      await claim.getByLabel(/^Valid until/).fill(isoDay(new Date(Date.now() + 365 * DAY_MS)));
      await claim.getByLabel(/^Evidence/).setInputFiles({ name: "fairtrade-moka.pdf", mimeType: "application/pdf", buffer: PDF_BYTES });
      await claim.getByRole("button", { name: "Send for review" }).click();
      await expect(flash(jonas)).toContainText("Your claim for Fairtrade was sent for review.");

      // Awaiting review is not held: proposing it now is refused.
      await openBrandPage(jonas, brandPath);
      await propose(jonas, MOKA);
      await expect(flash(jonas)).toContainText(`${MOKA} cannot carry ${brandName}: It needs the Fairtrade label, verified and current.`);

      await logIn(admin, "admin@marketplace.demo");
      await admin.getByRole("banner").getByRole("link", { name: "Admin" }).click();
      await admin.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: "Certifications" }).click();
      await expect(admin).toHaveURL(/\/admin\/certifications$/);
      const item = await findReviewItem(admin, MOKA, certificateNumber);
      await expect(item).toContainText(LINDENAU.name);
      await expect(item).toContainText("Awaiting review");
      await item.getByRole("button", { name: "Verify", exact: true }).click();
      await expect(flash(admin)).toContainText(`Fairtrade for ${LINDENAU.name} is verified: its badge shows while the certificate is in date.`);
    });

    await test.step("proposed again, now certified, it is accepted for review and approved", async () => {
      await openBrandPage(jonas, brandPath);
      await expect(proposal(jonas, MOKA)).toContainText("rejected");
      await propose(jonas, MOKA);
      await expect(flash(jonas)).toContainText(`${MOKA} is proposed; a steward will review it.`);
      await expect(proposal(jonas, MOKA)).toContainText("proposed");
      await expect(proposal(jonas, MOKA)).not.toContainText("Does not meet the standards");

      await reloadBrandPage(carmen);
      await proposal(carmen, MOKA).getByRole("button", { name: `Approve ${MOKA}`, exact: true }).click();
      await expect(flash(carmen)).toContainText(`${MOKA} now carries ${brandName}.`);
      await expect(collection(carmen).getByRole("heading", { level: 2 })).toHaveText("The collection (2)");
      await expect(collection(carmen).getByRole("link", { name: MOKA, exact: true })).toBeVisible();
      await saveScreen(carmen, "brand-collection");
    });

    await test.step("the search page's brand facet lists the brand, and filtering by it shows its products", async () => {
      await expectBrandFacetCount(shopper, brandName, 2);
      await brandFacet(shopper, brandName).check();
      await expect(shopper).toHaveURL(new RegExp(`[?&]brand=${escapeRegExp(brandSlug)}(&|$)`));
      await expect(shopper.getByText(/^2 products$/)).toBeVisible();
      await expectResultTitles(shopper, [FILTER_ROAST, MOKA]);
      await saveScreen(shopper, "search-brand-facet");
    });

    await test.step("the brand's page hydrates without React errors", async () => {
      const errors = await hydrationErrors(shopper, brandPath);
      await expect(collection(shopper).getByRole("link", { name: MOKA, exact: true })).toBeVisible();
      // Soft, so the rest of the story still runs (see waitForHydration).
      expect.soft(errors, "hydration errors on the brand's page").toEqual([]);
    });

    await test.step("the admin revokes the product's Fairtrade certificate and the mark comes off at once", async () => {
      await admin.getByRole("navigation", { name: "Filter by status" }).getByRole("link", { name: "Verified", exact: true }).click();
      await expect(admin).toHaveURL(/status=VERIFIED/);
      const item = await findReviewItem(admin, MOKA, certificateNumber);
      await item.getByLabel(/^Reason for revoking/).fill("The certifier withdrew this certificate after an audit.");
      await item.getByRole("button", { name: "Revoke", exact: true }).click();
      await expect(flash(admin)).toContainText(`Fairtrade for ${LINDENAU.name} was revoked: its badge no longer shows.`);

      // The product page: no mark.
      await shopper.goto("/products/lindenau-moka-pot-ground");
      await expect(shopper.getByRole("heading", { level: 1, name: MOKA })).toBeVisible();
      await expect(shopper.getByText(/Co-branded with/)).toHaveCount(0);
      await expect(shopper.getByRole("link", { name: brandName, exact: true })).toHaveCount(0);
      // The other product still holds every required label and keeps it.
      await shopper.goto("/products/lindenau-filter-roast");
      await expect(shopper.getByRole("link", { name: brandName, exact: true })).toHaveAttribute("href", brandPath);

      // The collection.
      await shopper.goto(brandPath);
      await expect(collection(shopper).getByRole("heading", { level: 2 })).toHaveText("The collection (1)");
      await expect(collection(shopper).getByRole("link", { name: MOKA, exact: true })).toHaveCount(0);
      await expect(collection(shopper).getByRole("link", { name: FILTER_ROAST, exact: true })).toBeVisible();
    });

    await test.step("search follows: the brand facet counts one product", async () => {
      await expectBrandFacetCount(shopper, brandName, 1);
      await brandFacet(shopper, brandName).check();
      await expect(shopper).toHaveURL(new RegExp(`[?&]brand=${escapeRegExp(brandSlug)}(&|$)`));
      await expectResultTitles(shopper, [FILTER_ROAST]);
    });

    await test.step("a member proposes a campaign; it shows only once the steward approves it", async () => {
      await openBrandPage(jonas, brandPath);
      await region(jonas, "Products for the mark").getByRole("link", { name: "Propose a campaign" }).click();
      await expect(jonas).toHaveURL(new RegExp(`${escapeRegExp(brandPath)}/campaigns/new$`));
      await expect(
        jonas.getByRole("heading", { level: 1, name: `Propose a campaign for ${brandName}` }),
        "the campaign form shows, not the brand's page it is nested in (flat routes: brands.$slug.campaigns.new sits inside brands.$slug, which has no <Outlet />)",
      ).toBeVisible();
      await jonas.getByLabel("Title", { exact: true }).fill(campaign.title);
      await jonas.getByLabel("Banner text", { exact: true }).fill(campaign.banner);
      await jonas.getByLabel("Campaign page", { exact: true }).fill(campaign.body);
      // The first day defaults to today (UTC); the campaign runs for a week.
      await expect(jonas.getByLabel("First day", { exact: true })).toHaveValue(isoDay(new Date()));
      await jonas.getByLabel("Last day", { exact: true }).fill(isoDay(new Date(Date.now() + 7 * DAY_MS)));
      const products = jonas.getByRole("group", { name: "Products (from the collection)" });
      // Only products that carry the brand now are offered: not the refused one, not the one that lost the mark.
      await expect(products.getByRole("checkbox")).toHaveCount(1);
      await products.getByRole("checkbox", { name: FILTER_ROAST, exact: true }).check();
      await jonas.getByRole("button", { name: "Propose the campaign" }).click();
      await expect(jonas).toHaveURL(new RegExp(`${escapeRegExp(brandPath)}$`));
      await expect(flash(jonas)).toContainText(`"${campaign.title}" is proposed. It shows once a steward approves it.`);
      const listed = region(jonas, "Campaigns").getByRole("listitem").filter({ hasText: campaign.title });
      await expect(listed).toContainText("proposed");
      await expect(listed.getByRole("link")).toHaveCount(0);

      await shopper.goto("/");
      await expect(shopper.getByRole("complementary", { name: `Campaign by ${brandName}` })).toHaveCount(0);

      await reloadBrandPage(carmen);
      await region(carmen, "Campaigns").getByRole("button", { name: `Approve ${campaign.title}`, exact: true }).click();
      await expect(flash(carmen)).toContainText("Campaign approved: it shows while it runs.");
      await expect(region(carmen, "Campaigns").getByRole("listitem").filter({ hasText: campaign.title })).toContainText("approved");
    });

    await test.step("the home page shows the banner, and the campaign's page lists the product", async () => {
      await shopper.goto("/");
      const banner = shopper.getByRole("complementary", { name: `Campaign by ${brandName}` });
      await expect(banner).toContainText(`${brandName}: ${campaign.banner}`);
      await saveScreen(shopper, "brand-campaign-banner");
      await banner.getByRole("link", { name: campaign.title, exact: true }).click();
      await expect(shopper).toHaveURL(new RegExp(`${escapeRegExp(brandPath)}/campaigns/[a-z0-9-]+$`));
      await expect(shopper.getByRole("heading", { level: 1, name: campaign.title })).toBeVisible();
      await expect(shopper.getByText(campaign.banner)).toBeVisible();
      await expect(shopper.getByRole("main").locator("strong")).toHaveText("pour-over");
      await expect(shopper.getByRole("main").getByRole("link", { name: FILTER_ROAST, exact: true })).toBeVisible();
      await expect(shopper.getByRole("main").getByRole("link", { name: MOKA, exact: true })).toHaveCount(0);

      const errors = await hydrationErrors(shopper, new URL(shopper.url()).pathname);
      await expect(shopper.getByRole("heading", { level: 1, name: campaign.title })).toBeVisible();
      expect.soft(errors, "hydration errors on the campaign's page").toEqual([]);
    });

    await adminSession.context.close();
    await shopperSession.context.close();
    await jonasSession.context.close();
  });
});
