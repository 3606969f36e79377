import { expect, type Page } from "@playwright/test";
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
