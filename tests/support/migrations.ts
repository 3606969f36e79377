import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

export const TMP_DIR = path.resolve("tests/.tmp");

/** Applies the committed migrations, in order, exactly as `prisma migrate deploy` would run their SQL. */
export function createMigratedDatabase(file: string) {
  fs.rmSync(file, { force: true });
  const sqlite = new Database(file);
  const dir = path.resolve("prisma/migrations");
  for (const migration of fs.readdirSync(dir).filter((name) => fs.statSync(path.join(dir, name)).isDirectory()).sort()) {
    sqlite.exec(fs.readFileSync(path.join(dir, migration, "migration.sql"), "utf8"));
  }
  sqlite.close();
}
