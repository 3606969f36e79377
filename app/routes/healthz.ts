import { json } from "@remix-run/node";
import { db } from "~/adapters/db.server";
import { searchHealth } from "~/services/search.server";

/** Readiness for load balancers and uptime checks: 200 when the database and the search engine answer, 503 when not. */
export async function loader() {
  const started = performance.now();
  let database: { status: "ok"; latencyMs: number } | { status: "error"; error: string };
  try {
    await db.$queryRaw`SELECT 1`;
    database = { status: "ok", latencyMs: Math.round((performance.now() - started) * 10) / 10 };
  } catch (error) {
    database = { status: "error", error: error instanceof Error ? error.message : String(error) };
  }
  const searchCheck = await searchHealth();
  // Public endpoint: the engine's own error text can name internal hosts, so it goes to the log, not the response.
  if (searchCheck.status !== "ok") console.error(`[healthz] search: ${searchCheck.detail}`);
  const search = { status: searchCheck.status, engine: searchCheck.engine };
  const ok = database.status === "ok" && search.status === "ok";
  return json(
    { status: ok ? "ok" : "degraded", database, search },
    { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
