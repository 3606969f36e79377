import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD, fillSignupForm, GOOD_PASSWORD, logIn, uniqueEmail } from "./support";

test.describe("bad input keeps what was typed and says what is wrong", () => {
  test("signup with an invalid email and a too-short password", async ({ page }) => {
    await page.goto("/signup");
    await fillSignupForm(page, { name: "Rosa Parkinson", email: "rosa-at-example", password: "short" });

    await expect(page).toHaveURL(/\/signup$/);
    await expect(page.getByText("Enter an email address like name@example.org")).toBeVisible();
    await expect(page.getByText("Use at least 10 characters")).toBeVisible();
    await expect(page.getByLabel("Email", { exact: true })).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Password", { exact: true })).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Your name", { exact: true })).toHaveValue("Rosa Parkinson");
    await expect(page.getByLabel("Your name", { exact: true })).not.toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Email", { exact: true })).toHaveValue("rosa-at-example");

    // Fixing the input clears the messages as the person types.
    await page.getByLabel("Email", { exact: true }).fill("rosa@example.org");
    await expect(page.getByText("Enter an email address like name@example.org")).toHaveCount(0);
  });

  test("signup with an email that already has an account", async ({ page }) => {
    await page.goto("/signup");
    await fillSignupForm(page, { name: "Lucía Again", email: "lucia@sierraverde.demo", password: GOOD_PASSWORD });

    await expect(page.getByText("An account with this email already exists. Log in instead?")).toBeVisible();
    await expect(page).toHaveURL(/\/signup$/);
    await expect(page.getByLabel("Your name", { exact: true })).toHaveValue("Lucía Again");
    await expect(page.getByLabel("Email", { exact: true })).toHaveValue("lucia@sierraverde.demo");
    await expect(page.getByLabel("Email", { exact: true })).toHaveAttribute("aria-invalid", "true");
    // Nobody got logged in.
    await expect(page.getByRole("banner").getByRole("link", { name: "Log in" })).toBeVisible();
  });

  test("login with a wrong password", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email", { exact: true }).fill("mateo@sierraverde.demo");
    await page.getByLabel("Password", { exact: true }).fill("not-the-right-password");
    await page.getByRole("button", { name: "Log in", exact: true }).click();

    await expect(page.getByRole("alert")).toContainText("That email and password don't match an account.");
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByLabel("Email", { exact: true })).toHaveValue("mateo@sierraverde.demo");
    await expect(page.getByRole("banner").getByRole("link", { name: "Log in" })).toBeVisible();
  });

  test("creating an organisation without a kind and a story", async ({ page }) => {
    await logIn(page, "casey@shopper.demo", DEMO_PASSWORD);
    await page.goto("/dashboard/organizations/new");
    await page.getByLabel("Name", { exact: true }).fill("Eastside Pantry Group");
    await page.getByLabel("Legal form").selectOption({ label: "Consumer co-operative" });
    await page.getByLabel("Country").selectOption({ label: "Ireland" });
    await page.getByLabel("Region, state or city").fill("Cork");
    await page.getByRole("button", { name: "Create organisation" }).click();

    await expect(page).toHaveURL(/\/dashboard\/organizations\/new$/);
    await expect(page.getByText("Choose what kind of organisation this is")).toBeVisible();
    await expect(page.getByText("Tell buyers who you are in a few sentences")).toBeVisible();
    await expect(page.getByLabel("Kind of organisation")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Your story")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Eastside Pantry Group");
    await expect(page.getByLabel("Region, state or city")).toHaveValue("Cork");
    await expect(page.getByLabel("Country")).toHaveValue("IE");
    await expect(page.getByLabel("Legal form")).toHaveValue("CONSUMER_COOP");
  });

  test.describe("typing while the page is still loading", () => {
    /** Holds the app's JavaScript back for a moment, as on a slow connection, so people can type before hydration. */
    async function slowScripts(page: Page) {
      await page.route("**/build/**/*.js", async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 1_500));
        await route.continue();
      });
    }

    /** Resolves once React has taken over the form that is in the page now. */
    async function waitForHydratedForm(page: Page) {
      await page.waitForFunction(() => {
        const form = document.querySelector("main form");
        return !!form && Object.keys(form).some((key) => key.startsWith("__reactFiber"));
      });
      await page.waitForLoadState("networkidle");
    }

    test("the signup form keeps what was typed before the scripts loaded", async ({ page }) => {
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      await slowScripts(page);
      await page.goto("/signup", { waitUntil: "commit" });
      await page.getByLabel("Your name", { exact: true }).fill("Early Typist");
      await page.getByLabel("Email", { exact: true }).fill("early@example.org");
      await waitForHydratedForm(page);

      await expect(page.getByLabel("Your name", { exact: true })).toHaveValue("Early Typist");
      await expect(page.getByLabel("Email", { exact: true })).toHaveValue("early@example.org");
      expect(errors).toEqual([]);
    });

    test("the create-organisation form hydrates cleanly and keeps what was typed before the scripts loaded", async ({
      page,
    }) => {
      await logIn(page, "casey@shopper.demo", DEMO_PASSWORD);
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      await slowScripts(page);
      await page.goto("/dashboard/organizations/new", { waitUntil: "commit" });
      await page.getByLabel("Name", { exact: true }).fill("Riverside Buyers");
      await page.getByLabel("Region, state or city").fill("Galway");
      await waitForHydratedForm(page);

      await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Riverside Buyers");
      await expect(page.getByLabel("Region, state or city")).toHaveValue("Galway");
      // The page must hydrate without React errors (e.g. #418/#425 text mismatches in the country list).
      expect(errors).toEqual([]);
    });
  });

  test.describe("with JavaScript disabled", () => {
    test.use({ javaScriptEnabled: false });

    test("signup is validated by the server and keeps the values", async ({ page }) => {
      await page.goto("/signup");
      await fillSignupForm(page, { name: "Noor Script", email: "noor@", password: "tiny" });

      await expect(page).toHaveURL(/\/signup$/);
      await expect(page.getByText("Enter an email address like name@example.org")).toBeVisible();
      await expect(page.getByText("Use at least 10 characters")).toBeVisible();
      await expect(page.getByLabel("Your name", { exact: true })).toHaveValue("Noor Script");
      await expect(page.getByLabel("Email", { exact: true })).toHaveValue("noor@");
      // The password is never sent back to the browser.
      await expect(page.getByLabel("Password", { exact: true })).toHaveValue("");
    });

    test("login with a wrong password is rejected by the server and keeps the email", async ({ page }) => {
      await page.goto("/login");
      await page.getByLabel("Email", { exact: true }).fill("mateo@sierraverde.demo");
      await page.getByLabel("Password", { exact: true }).fill("still-not-the-password");
      await page.getByRole("button", { name: "Log in", exact: true }).click();

      await expect(page.getByText("That email and password don't match an account.")).toBeVisible();
      await expect(page.getByLabel("Email", { exact: true })).toHaveValue("mateo@sierraverde.demo");
    });

    test("a new account can still be created", async ({ page }) => {
      const email = uniqueEmail("nojs");
      await page.goto("/signup");
      await fillSignupForm(page, { name: "Nora No-Script", email, password: GOOD_PASSWORD });
      await expect(page).toHaveURL(/\/dashboard$/);
      await expect(page.getByRole("heading", { level: 1, name: "Welcome, Nora No-Script" })).toBeVisible();
    });
  });
});

test.describe("non-form posts", () => {
  test("a POST whose body is not a form gets a clear 415, never a 500; an empty form gets the form's 400", async ({ request }) => {
    const json = await request.post("/login", { data: { email: "a@b.c" } });
    expect(json.status()).toBe(415);
    expect(await json.text()).toContain("application/x-www-form-urlencoded");
    const bare = await request.post("/checkout", { headers: { "Content-Type": "text/plain" }, data: "hello" });
    expect(bare.status()).toBe(415);
    const emptyForm = await request.post("/login", { form: {} });
    expect(emptyForm.status()).toBe(400);
  });
});
