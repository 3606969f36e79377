import fs from "node:fs";
import path from "node:path";

/** The embedded default: a SQLite file under ./data, created on first use. */
export const defaultDatabaseUrl = "file:./data/app.db";

/** Turns `file:./data/app.db` into a path better-sqlite3 can open, creating its folder. */
export function databaseFilePath(url: string): string {
  if (!url.startsWith("file:")) {
    throw new Error(`DATABASE_URL must be a SQLite file: URL in this build (got "${url.split(":")[0]}:…")`);
  }
  const file = url.slice("file:".length);
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  return file;
}
