import { expect, test, type APIRequestContext, type Browser, type Page, type Response } from "@playwright/test";
import { DEMO_PASSWORD, flash, logIn, saveScreen } from "./support";

/*
 * The page cache for anonymous visitors (app/lib/page-cache.server.ts), seen from outside: a visitor without any
 * cookie is served the product page and the category listing from memory, and a price changed by the producer in the
 * dashboard shows on that visitor's very next request, never the page from before.
 *
 * The product is Sierra Verde's Dried Golden Berries (seed: one variant, SVC-AGU-150, €4.50 per 150 g pouch): no other
 * spec looks at it or its price, so the new price is left in place (each e2e run starts from a fresh seed).
 */
const PRODUCT = {
  title: "Dried Golden Berries (Aguaymanto)",
  path: "/products/sierra-verde-dried-golden-berries",
  sku: "SVC-AGU-150",
  unit: "150 g pouch",
};
const LISTING = "/products?category=nuts-dried-fruit";
const OLD_PRICE = { input: "4.50", shown: "€4.50" };
// A price no seeded product has, so a page showing it cannot be showing anything else.
const NEW_PRICE = { input: "5.61", shown: "€5.61" };
const ANONYMOUS_CACHE_CONTROL = "public, max-age=0, must-revalidate";
/**
 * What the anonymous context's `request` asks for. The cache keys pages by Accept-Encoding too; Chromium asks for more
 * than gzip (checked below), so the browser's pages and these requests are cached apart and each sequence is exact.
 */
const API_ACCEPT_ENCODING = "gzip";

async function newPage(browser: Browser) {
  const context = await browser.newContext();
  return { context, page: await context.newPage() };
}

type Fetched = { status: number; cache: string | undefined; cacheControl: string | undefined; etag: string | undefined; body: string };

/** A GET with the anonymous context's own request API (it shares that context's cookie jar, which stays empty). */
async function get(request: APIRequestContext, url: string, headers: Record<string, string> = {}): Promise<Fetched> {
  const response = await request.get(url, { headers: { "accept-encoding": API_ACCEPT_ENCODING, ...headers }, maxRedirects: 0 });
  const all = response.headers();
  return {
    status: response.status(),
    cache: all["x-page-cache"],
    cacheControl: all["cache-control"],
    etag: all["etag"],
    body: await response.text(),
  };
}

function cacheHeader(response: Response | null) {
  expect(response, "a response to the navigation").not.toBeNull();
  return response!.headers()["x-page-cache"];
}

/** The price cell of the product's only variant, in the product page's Options table. */
function priceCell(page: Page) {
  return page.getByRole("table", { name: "Options" }).getByRole("row").filter({ hasText: PRODUCT.unit }).getByRole("cell").nth(1);
}

/** The product's card on the listing. */
function card(page: Page) {
  return page
    .getByRole("main")
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { level: 3, name: PRODUCT.title, exact: true }) });
}

test.describe("the anonymous page cache", () => {
  test("serves catalog pages from memory to cookie-less visitors, and a price changed in the dashboard shows at once", async ({
    browser,
  }) => {
    test.setTimeout(120_000);
    const anonymous = await newPage(browser);
    const visitor = anonymous.page;
    const productPage = visitor;
    const listingPage = await anonymous.context.newPage();
    let oldEtag = "";

    await test.step("the visitor's context holds no cookie", async () => {
      expect(await anonymous.context.cookies()).toEqual([]);
    });

    await test.step("the visitor sees the product page at its seeded price, the second time from the cache", async () => {
      const first = await productPage.goto(PRODUCT.path);
      expect(first?.status()).toBe(200);
      // Another spec may have left this page cached; either way the cache considered the request.
      expect(cacheHeader(first)).toMatch(/^(miss|hit)$/);
      expect(first!.headers()["cache-control"]).toBe(ANONYMOUS_CACHE_CONTROL);
      const browserEncoding = (await first!.request().allHeaders())["accept-encoding"] ?? "";
      expect(browserEncoding, "the browser and the request API are cached under different keys").not.toBe(API_ACCEPT_ENCODING);
      await expect(productPage.getByRole("heading", { level: 1, name: PRODUCT.title })).toBeVisible();
      await expect(priceCell(productPage)).toHaveText(OLD_PRICE.shown);

      const again = await productPage.reload();
      expect(again?.status()).toBe(200);
      expect(cacheHeader(again)).toBe("hit");
      await expect(priceCell(productPage)).toHaveText(OLD_PRICE.shown);
      expect(await anonymous.context.cookies()).toEqual([]);
    });

    await test.step("the listing filtered to the product's category shows the same price, the second time from the cache", async () => {
      const first = await listingPage.goto(LISTING);
      expect(first?.status()).toBe(200);
      expect(cacheHeader(first)).toMatch(/^(miss|hit)$/);
      await expect(listingPage.getByRole("heading", { level: 1, name: "Products" })).toBeVisible();
      await expect(listingPage.getByRole("combobox", { name: /^Category/ })).toHaveValue("nuts-dried-fruit");
      await expect(card(listingPage)).toContainText(`${OLD_PRICE.shown} / ${PRODUCT.unit}`);

      const again = await listingPage.reload();
      expect(again?.status()).toBe(200);
      expect(cacheHeader(again)).toBe("hit");
      await expect(card(listingPage)).toContainText(`${OLD_PRICE.shown} / ${PRODUCT.unit}`);
      expect(await anonymous.context.cookies()).toEqual([]);
    });

    await test.step("fetched again, the product page is a cache hit with a weak ETag, and that ETag revalidates (304)", async () => {
      const first = await get(anonymous.context.request, PRODUCT.path);
      expect(first.status).toBe(200);
      expect(first.cache).toMatch(/^(miss|hit)$/);
      const hit = await get(anonymous.context.request, PRODUCT.path);
      expect(hit.status).toBe(200);
      expect(hit.cache).toBe("hit");
      expect(hit.cacheControl).toBe(ANONYMOUS_CACHE_CONTROL);
      expect(hit.etag).toMatch(/^W\/"[^"]+"$/);
      // The stored page is the one that was rendered.
      expect(hit.body).toBe(first.body);
      expect(hit.body).toContain(OLD_PRICE.shown);
      expect(hit.body).not.toContain(NEW_PRICE.shown);
      oldEtag = hit.etag!;

      const revalidated = await get(anonymous.context.request, PRODUCT.path, { "if-none-match": oldEtag });
      expect(revalidated.status).toBe(304);
      expect(revalidated.cache).toBe("hit");
      expect(revalidated.body).toBe("");
      expect(await anonymous.context.cookies()).toEqual([]);
    });

    const producer = await newPage(browser);
    const lucia = producer.page;
    await test.step(`lucia, owner of Sierra Verde, raises the retail price of ${PRODUCT.sku} in the dashboard`, async () => {
      await logIn(lucia, "lucia@sierraverde.demo", DEMO_PASSWORD);
      await lucia.getByRole("complementary", { name: "Dashboard" }).getByRole("link", { name: "Products", exact: true }).click();
      await expect(lucia).toHaveURL(/\/dashboard\/products$/);
      await lucia.getByRole("link", { name: PRODUCT.title, exact: true }).click();
      await expect(lucia.getByRole("heading", { level: 1, name: PRODUCT.title })).toBeVisible();
      await lucia.getByRole("navigation", { name: "Product editor" }).getByRole("link", { name: "Variants & prices" }).click();
      await expect(lucia).toHaveURL(/\/variants$/);
      const row = lucia.getByRole("row").filter({ hasText: PRODUCT.sku });
      await expect(row.getByRole("cell").nth(2)).toHaveText(OLD_PRICE.shown);
      await row.getByRole("link", { name: `Edit ${PRODUCT.sku}` }).click();
      await expect(lucia).toHaveURL(/\/variants\/[^/]+$/);

      const price = lucia.getByLabel("Retail price per unit (€)");
      await expect(price).toHaveValue(OLD_PRICE.input);
      await price.fill(NEW_PRICE.input);
      await lucia.getByRole("button", { name: "Save variant" }).click();
      await expect(flash(lucia)).toContainText("Variant saved.");
      await expect(price).toHaveValue(NEW_PRICE.input);
    });

    await test.step("at once, the visitor's product page shows the new price: rendered afresh, then from the cache again", async () => {
      const fresh = await productPage.reload();
      expect(fresh?.status()).toBe(200);
      expect(cacheHeader(fresh)).toBe("miss");
      await expect(priceCell(productPage)).toHaveText(NEW_PRICE.shown);

      const again = await productPage.reload();
      expect(again?.status()).toBe(200);
      expect(cacheHeader(again)).toBe("hit");
      await expect(priceCell(productPage)).toHaveText(NEW_PRICE.shown);
      await saveScreen(productPage, "page-cache-product-new-price");
    });

    await test.step("and the listing shows it too: rendered afresh, then from the cache again", async () => {
      const fresh = await listingPage.reload();
      expect(fresh?.status()).toBe(200);
      expect(cacheHeader(fresh)).toBe("miss");
      await expect(card(listingPage)).toContainText(`${NEW_PRICE.shown} / ${PRODUCT.unit}`);

      const again = await listingPage.reload();
      expect(again?.status()).toBe(200);
      expect(cacheHeader(again)).toBe("hit");
      await expect(card(listingPage)).toContainText(`${NEW_PRICE.shown} / ${PRODUCT.unit}`);
      expect(await anonymous.context.cookies()).toEqual([]);
    });

    await test.step("the ETag from before the change no longer revalidates: a full page with the new price", async () => {
      const changed = await get(anonymous.context.request, PRODUCT.path, { "if-none-match": oldEtag });
      expect(changed.status).toBe(200);
      expect(changed.cache).toBe("miss");
      expect(changed.body).toContain(NEW_PRICE.shown);

      const hit = await get(anonymous.context.request, PRODUCT.path);
      expect(hit.status).toBe(200);
      expect(hit.cache).toBe("hit");
      expect(hit.body).toBe(changed.body);
      expect(hit.etag).toMatch(/^W\/"[^"]+"$/);
      expect(hit.etag).not.toBe(oldEtag);

      const stale = await get(anonymous.context.request, PRODUCT.path, { "if-none-match": oldEtag });
      expect(stale.status).toBe(200);
      expect(stale.cache).toBe("hit");
      expect(stale.body).toContain(NEW_PRICE.shown);
      const current = await get(anonymous.context.request, PRODUCT.path, { "if-none-match": hit.etag! });
      expect(current.status).toBe(304);
      expect(current.cache).toBe("hit");
      expect(await anonymous.context.cookies()).toEqual([]);
    });

    await test.step("lucia, who has a session cookie, is never served from the cache", async () => {
      expect((await producer.context.cookies()).length).toBeGreaterThan(0);
      for (const url of [PRODUCT.path, LISTING]) {
        const response = await lucia.goto(url);
        expect(response?.status()).toBe(200);
        expect(response!.headers()["x-page-cache"]).toBeUndefined();
        expect(response!.headers()["cache-control"] ?? "").not.toContain("public");
      }
      await expect(card(lucia)).toContainText(`${NEW_PRICE.shown} / ${PRODUCT.unit}`);
      await lucia.goto(PRODUCT.path);
      await expect(priceCell(lucia)).toHaveText(NEW_PRICE.shown);
      const fetched = await lucia.request.get(PRODUCT.path);
      expect(fetched.status()).toBe(200);
      expect(fetched.headers()["x-page-cache"]).toBeUndefined();
    });

    await producer.context.close();
    await anonymous.context.close();
  });
});
