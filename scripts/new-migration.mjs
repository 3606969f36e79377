#!/usr/bin/env node
// Writes a new migration from the difference between prisma/migrations and prisma/schema.prisma, offline.
// `prisma migrate dev` needs the native schema engine, so instead we: apply the existing migrations to a scratch
// database, introspect it, and let `prisma migrate diff` (JS schema engine) script the change.
// Usage: npm run db:new-migration -- <name>
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]+/gi, "_").toLowerCase();
if (!name) {
  console.error("Usage: npm run db:new-migration -- <name>");
  process.exit(1);
}
const scratchDir = fs.mkdtempSync(path.join(fs.realpathSync("/tmp"), "migration-"));
const scratchUrl = `file:${path.join(scratchDir, "scratch.db")}`;
const prisma = (args, options = {}) =>
  spawnSync(process.execPath, ["scripts/prisma.mjs", ...args], {
    env: { ...process.env, DATABASE_URL: scratchUrl },
    encoding: "utf8",
    ...options,
  });

try {
  const deploy = prisma(["migrate", "deploy"]);
  if (deploy.status !== 0) throw new Error(deploy.stderr || deploy.stdout);
  const pull = prisma(["db", "pull", "--print"]);
  if (pull.status !== 0) throw new Error(pull.stderr || pull.stdout);
  const current = path.join(scratchDir, "current.prisma");
  // The CLI prints a warning about the adapter before the schema on stdout; keep the schema only.
  // SQLite introspection also quotes enum defaults (@default("MEMBER")), which the schema parser rejects; string
  // fields keep theirs (@default("EUR")).
  const introspected = pull.stdout
    .slice(pull.stdout.indexOf("generator "))
    .split("\n")
    .map((line) => (/^\s+\w+\s+String\??\s/.test(line) ? line : line.replace(/@default\("([A-Z_]+)"\)/g, "@default($1)")))
    .join("\n");
  fs.writeFileSync(current, introspected);
  const diff = prisma([
    "migrate", "diff", "--from-schema-datamodel", current,
    "--to-schema-datamodel", "prisma/schema.prisma", "--script", "--exit-code",
  ]);
  if (diff.status === 0) {
    console.log("The schema matches the migrations: nothing to write.");
  } else if (diff.status === 2) {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join("prisma", "migrations", `${stamp}_${name}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "migration.sql"), diff.stdout);
    console.log(`Wrote ${dir}/migration.sql — read it, then run npm run db:migrate.`);
  } else {
    throw new Error(diff.stderr || diff.stdout);
  }
} finally {
  fs.rmSync(scratchDir, { recursive: true, force: true });
}
