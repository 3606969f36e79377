// Runs before each test file, before it imports any app module: points the app at a fresh copy of the migrated
// template database, so test files never see each other's data and can run in parallel.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { TEMPLATE_DB, TMP_DIR } from "./migrations";

const file = path.join(TMP_DIR, `test-${crypto.randomUUID()}.db`);
fs.copyFileSync(TEMPLATE_DB, file);
process.env.DATABASE_URL = `file:${file}`;
process.env.SESSION_SECRET = "test-secret-that-is-at-least-32-characters-long";
process.env.BCRYPT_COST = "4";
