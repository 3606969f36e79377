import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, logIn, saveScreen } from "./support";

test.describe("search", () => {
  test("the header box searches with typo tolerance; a label facet narrows the results; a result opens", async ({ page }) => {
    // The header's search box shows from 1536 px; narrower screens have a Search link instead.
    await page.setViewportSize({ width: 1600, height: 900 });
    await page.goto("/labels");
    const box = page.getByRole("search", { name: "Site search" }).getByRole("searchbox", { name: "Search products" });
    await box.fill("cofee");
    await box.press("Enter");
    await expect(page).toHaveURL(/\/search\?q=cofee$/);
    const results = page.getByRole("region", { name: "Results" });
    const count = page.getByText(/\d+ products? for “cofee”/);
    await expect(count).toBeVisible();
    const total = Number((await count.textContent())!.match(/\d+/)![0]);
    expect(total).toBeGreaterThan(5);
    // The typo still finds coffee, highlighted.
    await expect(results.locator("mark").first()).toHaveText(/coffee/i);

    await test.step("a label facet narrows the results and lives in the URL", async () => {
      const fairtrade = page.getByRole("group", { name: "Label" }).getByRole("checkbox", { name: /Fairtrade/ });
      await fairtrade.check();
      await expect(page).toHaveURL(/label=fairtrade/);
      const narrowed = Number((await page.getByText(/\d+ products? for “cofee”/).textContent())!.match(/\d+/)![0]);
      expect(narrowed).toBeLessThan(total);
      const badges = results.getByRole("listitem");
      for (const item of await badges.all()) await expect(item).toContainText("Fairtrade");
      await saveScreen(page, "search");
    });

    await test.step("the state survives a reload (shareable link)", async () => {
      await page.reload();
      await expect(page.getByRole("group", { name: "Label" }).getByRole("checkbox", { name: /Fairtrade/ })).toBeChecked();
      await expect(page.getByRole("searchbox", { name: "Search products and producers" })).toHaveValue("cofee");
    });

    await test.step("a result opens its product page", async () => {
      const first = results.getByRole("listitem").first().getByRole("link");
      const title = (await first.textContent())!.trim();
      await first.click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
      await expect(page.getByRole("link", { name: /Fairtrade/ }).first()).toBeVisible();
    });
  });

  test("organisations are searchable too", async ({ page }) => {
    await test.step("a producer found by its name, typo and all, opens its page", async () => {
      await page.goto("/search");
      const input = page.getByRole("searchbox", { name: "Search products and producers" });
      await input.fill("siera verde");
      await input.press("Enter");
      await expect(page).toHaveURL(/q=siera\+verde/);
      const organisations = page.getByRole("region", { name: "Organisations" });
      const producer = organisations.getByRole("link", { name: "Sierra Verde Coffee Cooperative" });
      await expect(producer).toBeVisible();
      await expect(organisations.locator("mark").first()).toHaveText("Sierra");
      await expect(organisations.getByRole("listitem").first()).toContainText("Producer · Cajamarca, Peru");
      // The products are still listed below, on their own.
      await expect(page.getByRole("region", { name: "Results" }).getByRole("listitem").first()).toContainText("Sierra Verde");
      await saveScreen(page, "search-organisations");
      await producer.click();
      await expect(page).toHaveURL(/\/producers\/sierra-verde-coffee$/);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sierra Verde Coffee Cooperative");
    });
  });

  test("results update as you type", async ({ page }) => {
    await page.goto("/search");
    const input = page.getByRole("searchbox", { name: "Search products and producers" });
    await input.pressSequentially("jasmin", { delay: 30 });
    await expect(page).toHaveURL(/q=jasmin/);
    await expect(page.getByRole("region", { name: "Results" }).getByRole("link").first()).toContainText(/Jasmine/i);
  });

  test("a product edit shows up in search within a second or two", async ({ page }) => {
    await logIn(page, "lucia@sierraverde.demo", DEMO_PASSWORD);
    await page.goto("/dashboard/products");
    await page.getByRole("link", { name: "Sierra Verde Filter Coffee, Ground" }).click();
    const title = page.getByLabel("Title", { exact: true });
    const renamed = `Sierra Verde Quetzal Filter ${Date.now().toString(36)}`;
    await title.fill(renamed);
    await page.getByRole("button", { name: "Save details" }).click();
    await expect(page.getByRole("status")).toContainText("Details saved.");
    await expect(async () => {
      await page.goto("/search?q=quetzal");
      await expect(page.getByRole("region", { name: "Results" }).getByRole("link", { name: renamed })).toBeVisible({ timeout: 500 });
    }).toPass({ timeout: 3_000 });
  });
});
