import fs from "node:fs";
import { z } from "zod";
import { defaultDatabaseUrl } from "./database-url";

// A local .env is optional: every variable has a safe default so the app runs with no configuration.
// Variables already set in the environment win over the file.
if (fs.existsSync(".env")) process.loadEnvFile(".env");

const booleanFlag = z
  .enum(["true", "false", "1", "0"])
  .transform((value) => value === "true" || value === "1");

/** `NAME=` in a .env file means "not set". */
const emptyAsUnset = (value: unknown) => (value === "" ? undefined : value);

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .startsWith("file:", "DATABASE_URL must be a SQLite file: URL (PostgreSQL: see README)")
    .default(defaultDatabaseUrl),
  SESSION_SECRET: z
    .string()
    .min(32, "SESSION_SECRET must be at least 32 characters")
    .optional(),
  /** Where a generated session secret is kept when SESSION_SECRET is not set. */
  SESSION_SECRET_FILE: z.string().default("./data/session-secret"),
  COOKIE_SECURE: booleanFlag.optional(),
  TRUST_PROXY: booleanFlag.default("false"),
  BCRYPT_COST: z.coerce.number().int().min(4).max(15).default(10),
  /** Sign-ups allowed per client address per hour (a test run signing up many people from one address raises it). */
  SIGNUP_LIMIT_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(10),
  /**
   * Anonymous catalog pages (/products, /products/:slug) are cached in the server for up to this many seconds; a change
   * made through this process shows at once, other processes' changes within this time. 0 turns the cache off.
   */
  PAGE_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
  /** Uploaded product images and certification evidence. */
  UPLOAD_DIR: z.string().default("./data/uploads"),
  /** Largest accepted upload, in bytes (default 10 MB). */
  MAX_UPLOAD_BYTES: z.coerce.number().int().min(1024).default(10 * 1024 * 1024),
  /** Search: a Meilisearch server's URL. Unset → the embedded in-process engine. */
  MEILISEARCH_HOST: z.preprocess(
    emptyAsUnset,
    z.string().url("MEILISEARCH_HOST must be a URL such as http://127.0.0.1:7700").optional(),
  ),
  /** A Meilisearch API key allowed to search, add documents and change index settings. */
  MEILISEARCH_API_KEY: z.preprocess(emptyAsUnset, z.string().optional()),
  /** The Meilisearch index holding products. */
  MEILISEARCH_INDEX: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,400}$/, "MEILISEARCH_INDEX may only contain letters, digits, - and _")
    .default("products"),

  /** Payments: card payments through Stripe when both are set; otherwise only offline methods are offered. */
  STRIPE_SECRET_KEY: z.preprocess(emptyAsUnset, z.string().startsWith("sk_", "STRIPE_SECRET_KEY must start with sk_").optional()),
  STRIPE_WEBHOOK_SECRET: z.preprocess(
    emptyAsUnset,
    z.string().startsWith("whsec_", "STRIPE_WEBHOOK_SECRET must start with whsec_").optional(),
  ),
  /** Another Stripe API base URL, e.g. a local stripe-mock (http://127.0.0.1:12111). Unset → api.stripe.com. */
  STRIPE_API_URL: z.preprocess(emptyAsUnset, z.string().url("STRIPE_API_URL must be a URL").optional()),
  /** The address links in emails and Stripe's return URLs point at, e.g. https://market.example.coop. */
  PUBLIC_URL: z.preprocess(emptyAsUnset, z.string().url("PUBLIC_URL must be a URL").optional()),
  /** Platform fee and solidarity-fund share taken from each seller's goods, in basis points (100 = 1%). */
  PLATFORM_FEE_BPS: z.coerce.number().int().min(0).max(5000).default(200),
  SOLIDARITY_FUND_BPS: z.coerce.number().int().min(0).max(5000).default(100),
  /** Shown on invoices and bank-transfer instructions. */
  PAYEE_NAME: z.string().min(1).default("Solidarity Market eG (demo)"),
  PAYEE_IBAN: z.string().min(1).default("DE00 0000 0000 0000 0000 00"),

  /** Mail: SMTP when SMTP_URL is set (smtp://user:pass@host:587); otherwise each email is written to MAIL_DIR and logged. */
  SMTP_URL: z.preprocess(emptyAsUnset, z.string().regex(/^smtps?:\/\//, "SMTP_URL must start with smtp:// or smtps://").optional()),
  MAIL_FROM: z.string().min(3).default("Solidarity Market <orders@solidarity-market.local>"),
  MAIL_DIR: z.string().default("./data/mail"),
});

export type Env = z.infer<typeof envSchema>;

function parseEnv(): Env {
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n");
    throw new Error(`Invalid environment configuration:\n${problems}\nSee .env.example for every variable.`);
  }
  return parsed.data;
}

export const env = parseEnv();
