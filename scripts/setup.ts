// Brings the database up to date: applies committed migrations, then seeds demo data if it is empty.
// Safe to run on every start. `--reset` starts from an empty database first (demo data is recreated).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { databaseFilePath } from "~/lib/database-url";

const reset = process.argv.includes("--reset");
const skipSeed = process.argv.includes("--no-seed");

const { env } = await import("~/lib/env.server");
if (reset) {
  const file = databaseFilePath(env.DATABASE_URL);
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
  console.log(`Removed ${file}`);
}

const migrate = spawnSync(process.execPath, ["scripts/prisma.mjs", "migrate", "deploy"], { stdio: "inherit" });
if (migrate.status !== 0) process.exit(migrate.status ?? 1);

const { db } = await import("~/adapters/db.server");
// WAL lets readers carry on while one request writes; it is a property of the database file, so set it once here.
await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");

if (!skipSeed) {
  const { isDatabaseEmpty, seedDemoData } = await import("../prisma/seed");
  if (await isDatabaseEmpty(db)) {
    const counts = await seedDemoData(db, { bcryptCost: env.BCRYPT_COST });
    console.log(`Seeded demo data: ${counts.organizations} organisations, ${counts.users} users, ${counts.products} products.`);
  } else {
    console.log("Database already has data: demo seed skipped.");
  }
}
await db.$disconnect();
