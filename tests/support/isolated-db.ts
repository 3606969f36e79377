// Runs before each test file, before it imports any app module: points the app at a fresh copy of the migrated
// template database, so test files never see each other's data and can run in parallel.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { inject } from "vitest";

const template = inject("templateDatabase");
const file = path.join(path.dirname(template), `test-${crypto.randomUUID()}.db`);
fs.copyFileSync(template, file);
process.env.DATABASE_URL = `file:${file}`;
process.env.SESSION_SECRET = "test-secret-that-is-at-least-32-characters-long";
process.env.BCRYPT_COST = "4";
