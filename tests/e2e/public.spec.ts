import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, flash, logIn, saveScreen } from "./support";

test.describe("public pages", () => {
  test("the home page features seeded products and producers", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: /Fair goods, straight from the co-operatives/ })).toBeVisible();

    const products = page.getByRole("region", { name: "Featured products" });
    await expect(products.getByRole("heading", { level: 2, name: "Featured products" })).toBeVisible();
    await expect(products.getByRole("listitem")).toHaveCount(8);
    await expect(products.getByRole("link", { name: "Sierra Verde Caturra & Bourbon, Whole Bean" })).toBeVisible();
    await expect(products.getByRole("link", { name: "70% Dark Chocolate" })).toBeVisible();
    await expect(products.getByRole("link", { name: "Raw Acacia Honey" })).toBeVisible();
    const coffee = products.getByRole("listitem").filter({ has: page.getByRole("link", { name: "Sierra Verde Caturra & Bourbon, Whole Bean" }) });
    await expect(coffee).toContainText("Sierra Verde Coffee Cooperative · Peru");
    await expect(coffee).toContainText("from €8.95 / 250 g bag");

    const producers = page.getByRole("region", { name: "Producers and co-ops" });
    await expect(producers.getByRole("link", { name: "Sierra Verde Coffee Cooperative" })).toBeVisible();
    await expect(producers.getByRole("link", { name: "Kwahu Ridge Cocoa Farmers' Union" })).toBeVisible();
    // Only verified organisations are featured.
    await expect(producers.getByRole("link", { name: "Złoty Kłos Mill Co-operative" })).toHaveCount(0);

    await saveScreen(page, "home");
  });

  test("a product opens from the home page with its price table", async ({ page }) => {
    await page.goto("/");
    await page
      .getByRole("region", { name: "Featured products" })
      .getByRole("link", { name: "Sierra Verde Caturra & Bourbon, Whole Bean" })
      .click();

    await expect(page).toHaveURL(/\/products\/sierra-verde-caturra-bourbon-whole-bean$/);
    await expect(page.getByRole("heading", { level: 1, name: "Sierra Verde Caturra & Bourbon, Whole Bean" })).toBeVisible();
    await expect(page.locator("p", { hasText: /^By / }).getByRole("link", { name: "Sierra Verde Coffee Cooperative" })).toBeVisible();

    const table = page.getByRole("table", { name: "Options" });
    await expect(table.getByRole("columnheader")).toHaveText(["Unit", "Price", "Case", "Availability"]);
    const rows = table.getByRole("row");
    await expect(rows).toHaveCount(3);
    await expect(rows.nth(1).getByRole("cell")).toHaveText(["250 g bag", "€8.95", "12 units", "640 in stock"]);
    await expect(rows.nth(2).getByRole("cell")).toHaveText([
      "1 kg bag",
      "€31.50€30.50 each from 3€29.50 each from 6",
      "6 units",
      "180 in stock",
    ]);
    await expect(page.getByRole("heading", { level: 2, name: "About this product" })).toBeVisible();
  });

  test("a producer's public page shows the organisation", async ({ page }) => {
    await page.goto("/producers/sierra-verde-coffee");
    await expect(page.getByRole("heading", { level: 1, name: "Sierra Verde Coffee Cooperative" })).toBeVisible();
    await expect(page.getByText("Verified organisation")).toBeVisible();
    await expect(page.getByText(/Founded in 2004 by 38 smallholder families/)).toBeVisible();
    await expect(page.getByRole("term").filter({ hasText: "Based in" })).toBeVisible();
    await expect(page.getByRole("definition").filter({ hasText: "Cajamarca, Peru" })).toBeVisible();
    await expect(page.getByRole("definition").filter({ hasText: "Producer co-operative" })).toBeVisible();
    const products = page.getByRole("region", { name: "Products" });
    await expect(products.getByRole("link", { name: "Sierra Verde Caturra & Bourbon, Whole Bean" })).toBeVisible();
  });

  test("an unknown address shows the 404 page inside the site layout", async ({ page }) => {
    const response = await page.goto("/no-such-page/anywhere");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    await expect(page.getByText("Error 404")).toBeVisible();
    // The header and its navigation are still there.
    const header = page.getByRole("banner");
    await expect(header.getByRole("link", { name: "Solidarity Market" })).toBeVisible();
    await expect(header.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Products" })).toBeVisible();
    await expect(header.getByRole("link", { name: "Log in" })).toBeVisible();
    await expect(page.getByRole("contentinfo")).toBeVisible();

    await page.getByRole("link", { name: "Go to the home page" }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole("heading", { name: "Featured products" })).toBeVisible();
  });

  test("/healthz reports the database as ok", async ({ request }) => {
    const response = await request.get("/healthz");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("application/json");
    expect(response.headers()["cache-control"]).toBe("no-store");
    const body = await response.json();
    expect(body).toMatchObject({ status: "ok", database: { status: "ok" } });
    expect(typeof body.database.latencyMs).toBe("number");
  });
});

test.describe("platform administration", () => {
  test("an admin verifies an unverified organisation", async ({ page }) => {
    const name = "Coopérative Les Voisins du Plateau";
    await logIn(page, "admin@marketplace.demo", DEMO_PASSWORD);
    await page.getByRole("banner").getByRole("link", { name: "Admin" }).click();
    await expect(page).toHaveURL(/\/admin$/);
    await expect(page.getByRole("heading", { level: 1, name: "Organisations" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Sierra Verde Coffee Cooperative" })).toBeVisible();

    const row = page.getByRole("row").filter({ has: page.getByRole("link", { name, exact: true }) });
    await expect(row.getByRole("cell", { name: "Unverified", exact: true })).toBeVisible();
    await row.getByRole("button", { name: "Verify", exact: true }).click();

    await expect(flash(page)).toContainText(`${name} is verified.`);
    await expect(row.getByRole("cell", { name: "Verified", exact: true })).toBeVisible();
    await expect(row.getByRole("button", { name: "Remove verification" })).toBeVisible();
    await expect(row.getByRole("button", { name: "Verify", exact: true })).toHaveCount(0);

    // The public page agrees.
    await page.goto("/producers/voisins-du-plateau");
    await expect(page.getByText("Verified organisation")).toBeVisible();

    // Put the demo data back as it was.
    await page.goto("/admin");
    await row.getByRole("button", { name: "Remove verification" }).click();
    await expect(flash(page)).toContainText(`${name} is no longer verified.`);
    await expect(row.getByRole("cell", { name: "Unverified", exact: true })).toBeVisible();
  });

  test("someone who is not an admin gets the 403 page", async ({ page }) => {
    await logIn(page, "casey@shopper.demo", DEMO_PASSWORD);
    await expect(page.getByRole("banner").getByRole("link", { name: "Admin" })).toHaveCount(0);
    const response = await page.goto("/admin");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1, name: "You can't open this page" })).toBeVisible();
    await expect(page.getByText("Only platform administrators can open this page.")).toBeVisible();
    await expect(page.getByRole("heading", { name: "Organisations" })).toHaveCount(0);
    await expect(page.getByRole("banner")).toContainText("Signed in as Casey Morgan");
  });
});
