import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { createMigratedDatabase, TMP_DIR } from "./migrations";

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}

/** One migrated template per run, in a folder of its own, so parallel runs never touch each other's files. */
export default function setup(project: TestProject) {
  const runDir = path.join(TMP_DIR, `run-${crypto.randomUUID()}`);
  fs.mkdirSync(runDir, { recursive: true });
  const template = path.join(runDir, "template.db");
  createMigratedDatabase(template);
  project.provide("templateDatabase", template);
  return () => fs.rmSync(runDir, { recursive: true, force: true });
}
