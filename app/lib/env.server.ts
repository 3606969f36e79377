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
