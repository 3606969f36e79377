import fs from "node:fs";
import { createMigratedDatabase, TEMPLATE_DB, TMP_DIR } from "./migrations";

export default function setup() {
  fs.rmSync(TMP_DIR, { recursive: true, force: true });
  fs.mkdirSync(TMP_DIR, { recursive: true });
  createMigratedDatabase(TEMPLATE_DB);
  return () => fs.rmSync(TMP_DIR, { recursive: true, force: true });
}
