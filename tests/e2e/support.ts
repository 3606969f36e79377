import { expect, type Locator, type Page } from "@playwright/test";
import fs from "node:fs";
import path from "node:path";

/** Every seeded demo account uses this password (prisma/seed.ts). */
export const DEMO_PASSWORD = "solidarity-demo";

/** A password that satisfies the signup rules (at least 10 characters). */
export const GOOD_PASSWORD = "a long and memorable sentence";

let counter = 0;

/** A unique value per call and per run: the e2e database persists across the tests of one run. */
export function uniqueSuffix() {
  counter += 1;
  return `${Date.now().toString(36)}${counter}${Math.floor(Math.random() * 1000)}`;
}

export function uniqueEmail(prefix: string) {
  return `${prefix}-${uniqueSuffix()}@e2e.example.org`;
}

export type NewAccount = { name: string; email: string; password: string };

export function newAccount(prefix: string, name: string): NewAccount {
  return { name, email: uniqueEmail(prefix), password: GOOD_PASSWORD };
}

/** Fills the signup form (the page must already be on /signup) and submits it. */
export async function fillSignupForm(page: Page, account: Partial<NewAccount>) {
  if (account.name !== undefined) await page.getByLabel("Your name", { exact: true }).fill(account.name);
  if (account.email !== undefined) await page.getByLabel("Email", { exact: true }).fill(account.email);
  if (account.password !== undefined) await page.getByLabel("Password", { exact: true }).fill(account.password);
  await page.getByRole("button", { name: "Create account" }).click();
}

/** Signs a new person up through the UI and waits for the dashboard. */
export async function signUp(page: Page, account: NewAccount) {
  await page.goto("/signup");
  await expect(page.getByRole("heading", { level: 1, name: "Join the marketplace" })).toBeVisible();
  await fillSignupForm(page, account);
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { level: 1, name: `Welcome, ${account.name}` })).toBeVisible();
}

/** Logs in through the UI and waits for the page it lands on (the dashboard unless redirectTo says otherwise). */
export async function logIn(page: Page, email: string, password = DEMO_PASSWORD, landing: RegExp = /\/dashboard$/) {
  await page.goto("/login");
  await expect(page.getByRole("heading", { level: 1, name: "Log in" })).toBeVisible();
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Log in", exact: true }).click();
  await expect(page).toHaveURL(landing);
}

/** Saves a full-page screenshot for a human to look at, under test-results/screens/. */
export async function saveScreen(page: Page, name: string) {
  const dir = path.join("test-results", "screens");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** The confirmation shown after a redirect (role="status"). */
export function flash(page: Page) {
  return page.getByRole("status");
}

export const DAY_MS = 24 * 60 * 60 * 1000;
export const isoDay = (date: Date) => date.toISOString().slice(0, 10);

export function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Picks the first option of a select whose text contains `text` (labels carry prices and addresses too). */
export async function chooseOptionContaining(select: Locator, text: string) {
  const label = await select.locator("option", { hasText: text }).first().textContent();
  if (!label) throw new Error(`No option containing "${text}"`);
  await select.selectOption({ label });
}

/** Fairway hands over on Thursdays and Saturdays (prisma/seed-trade.ts), at least two days after the order. */
const FAIRWAY_WEEKDAYS = [4, 6];

/** Fairway's first delivery weekday at least two days after `now`, in UTC (as app/domain/fulfilment.ts computes it). */
export function fairwayDeliveryDay(now: Date) {
  const start = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) + 2 * DAY_MS;
  for (let offset = 0; offset < 7; offset += 1) {
    const day = new Date(start + offset * DAY_MS);
    if (FAIRWAY_WEEKDAYS.includes(day.getUTCDay() || 7)) return day;
  }
  throw new Error("no delivery day");
}

/** A 64×64 solid green PNG (generated once with sharp), for image uploads. */
export const PNG_64 = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAEAAAABACAIAAAAlC+aJAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAT0lEQVR42u3PQQkAAAgEsEvkw352N4JvYbACS02/FgEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQGBK7B3w9DEITI+8gAAAABJRU5ErkJggg==",
  "base64",
);

/** A tiny but well-formed PDF: what the server checks is that it starts with "%PDF-". */
export const PDF_BYTES = Buffer.from(
  [
    "%PDF-1.4",
    "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj",
    "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj",
    "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj",
    "trailer << /Root 1 0 R >>",
    "%%EOF",
    "",
  ].join("\n"),
);

/** "€1,234.56" → 123456; the first amount in the text. */
export function euros(text: string): number {
  const match = /(-?)€(\d{1,3}(?:,\d{3})*\.\d{2})/.exec(text);
  if (!match) throw new Error(`No euro amount in "${text}"`);
  return (match[1] ? -1 : 1) * Math.round(Number(match[2].replace(/,/g, "")) * 100);
}

/** The amount in cents beside a term of a definition list (<dt>term</dt><dd>€…</dd>) inside `scope`. */
export async function definition(scope: Locator, term: string | RegExp) {
  const termCell = scope.locator("dt").filter({ hasText: term });
  await expect(termCell).toHaveCount(1);
  return euros(await termCell.locator("xpath=following-sibling::dd[1]").innerText());
}

/**
 * On the admins' review queue, the claim about `productTitle` (and with certificate number `number`, when given),
 * following "Next →" until found.
 */
export async function findReviewItem(page: Page, productTitle: string, number?: string): Promise<Locator> {
  const about = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: productTitle, exact: true }) });
  const item = number === undefined ? about : about.filter({ hasText: `Certificate number: ${number}` });
  for (let pages = 0; pages < 10; pages += 1) {
    await expect(page.getByRole("heading", { level: 1, name: "Certifications" })).toBeVisible();
    if (await item.count()) return item;
    const next = page.getByRole("navigation", { name: "Pagination" }).getByRole("link", { name: "Next →" });
    if (!(await next.count())) break;
    await next.click();
    await expect(page).toHaveURL(new RegExp(`page=${pages + 2}`));
  }
  throw new Error(number === undefined ? `No claim about "${productTitle}" in the review queue` : `No claim numbered ${number} about "${productTitle}" in the review queue`);
}

/** Checks out the cart for collection at `pickupPoint`, paying at pickup; returns the new order's path. */
export async function checkOutForPickup(page: Page, pickupPoint: string): Promise<string> {
  await page.goto("/checkout");
  await expect(page.getByRole("heading", { level: 1, name: "Checkout" })).toBeVisible();
  await page.getByRole("radio", { name: /^Collect at a pickup point/ }).check();
  await chooseOptionContaining(page.getByLabel("Pickup point", { exact: true }), pickupPoint);
  await page.getByRole("radio", { name: /^Pay at pickup/ }).check();
  await page.getByRole("button", { name: /^Place order — €/ }).click();
  await expect(page).toHaveURL(/\/orders\/[^/]+$/);
  return new URL(page.url()).pathname;
}
