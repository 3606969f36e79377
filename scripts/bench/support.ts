import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Helpers every benchmark shares. */

/** mulberry32: small, fast, good enough for benchmark data, and the same sequence everywhere. Shared by every benchmark. */
export function prng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
    chance: (p: number) => next() < p,
  };
}

/** A parser for positive whole-number arguments that prints `usage` and exits 2 on anything else ("10_000" is fine). */
export function positiveIntegerArgument(usage: string) {
  return (value: string | undefined, fallback: number, name: string): number => {
    if (value === undefined) return fallback;
    const parsed = Number(value.replaceAll("_", ""));
    if (!Number.isInteger(parsed) || parsed < 1) {
      console.error(`${name} must be a positive whole number (got "${value}")\n${usage}`);
      process.exit(2);
    }
    return parsed;
  };
}

/**
 * Points this process at a throw-away, migrated SQLite database in a temp folder, for benchmarks that import the app
 * in-process. The app reads its environment once, at import: call this before importing anything from it. Fixed
 * secrets (nothing is written to ./data) and no Stripe keys, so a local .env cannot change what is measured. The
 * folder goes on Ctrl-C; call `remove()` when done.
 */
export function useThrowAwayDatabase(name: string) {
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), `bench-${name}-`));
  const remove = () => fs.rmSync(tempDir, { recursive: true, force: true });
  process.once("SIGINT", () => {
    remove();
    process.exit(130);
  });
  Object.assign(process.env, {
    DATABASE_URL: `file:${path.join(tempDir, "bench.db")}`,
    BCRYPT_COST: "4",
    SESSION_SECRET: `bench-${name}-session-secret-0123456789abcdef`,
    STRIPE_SECRET_KEY: "",
    STRIPE_WEBHOOK_SECRET: "",
  });
  process.env.NODE_ENV ??= "production";
  return {
    remove,
    /** Applies the migrations (throws with the CLI's output when they fail). */
    migrate() {
      const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
      const migrate = spawnSync(process.execPath, [path.join(root, "scripts/prisma.mjs"), "migrate", "deploy"], { env: process.env, encoding: "utf8" });
      if (migrate.status !== 0) throw new Error(`Migration failed:\n${migrate.stdout}\n${migrate.stderr}`);
    },
  };
}
