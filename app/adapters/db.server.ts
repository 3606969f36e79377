import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "~/generated/prisma/client";
import { databaseFilePath } from "~/lib/database-url";
import { env } from "~/lib/env.server";

export type { PrismaClient } from "~/generated/prisma/client";

function createClient() {
  // busy timeout: let concurrent writers wait for SQLite's single write lock instead of failing at once.
  const adapter = new PrismaBetterSQLite3({ url: databaseFilePath(env.DATABASE_URL), timeout: 5_000 });
  return new PrismaClient({ adapter });
}

// Keep one client across dev rebuilds; in production and tests each process (or test file) gets its own.
const globalForDb = globalThis as unknown as { __db?: PrismaClient };
export const db: PrismaClient =
  env.NODE_ENV === "development" ? (globalForDb.__db ??= createClient()) : createClient();
