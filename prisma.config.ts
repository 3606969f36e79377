import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { databaseFilePath, defaultDatabaseUrl } from "./app/lib/database-url";

// The JS schema engine migrates through the same driver adapter the app uses, so nothing native is downloaded.
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    const url = process.env.DATABASE_URL ?? defaultDatabaseUrl;
    return new PrismaBetterSQLite3({ url: databaseFilePath(url) });
  },
});
