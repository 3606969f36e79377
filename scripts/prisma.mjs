#!/usr/bin/env node
// Runs the Prisma CLI without letting it download anything.
// Prisma 6.19 with `engine: "js"` (prisma.config.ts) migrates through the better-sqlite3 driver adapter and the
// client is Rust-free, so no native engine is needed; the CLI still insists on a schema-engine path, so we give it
// one that exists. Telemetry and update checks are network calls, so they are switched off too.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
  PRISMA_QUERY_ENGINE_LIBRARY: process.env.PRISMA_QUERY_ENGINE_LIBRARY ?? process.execPath,
  PRISMA_ENGINES_CHECKSUM_IGNORE_MISSING: "1",
  CHECKPOINT_DISABLE: "1",
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
};
const cli = path.join(root, "node_modules", "prisma", "build", "index.js");
const result = spawnSync(process.execPath, [cli, ...process.argv.slice(2)], { stdio: "inherit", env, cwd: root });
process.exit(result.status ?? 1);
