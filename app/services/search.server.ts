import { createSearchEngine } from "~/adapters/search/index.server";
import type { OrganizationSearchResult, SearchEngine, SearchQuery } from "~/adapters/search/types";
import { env } from "~/lib/env.server";
import { processOutbox } from "./outbox.server";
import { reindexAll, searchOutboxHandlers } from "./search-index.server";

// One engine per process. The embedded index lives in memory, so it is filled from the database on first use and
// then kept in sync by the outbox; Meilisearch keeps its own index and is only set up by `npm run search:setup`.
const holder = globalThis as typeof globalThis & { __searchEngine?: Promise<SearchEngine> };

async function startEngine(): Promise<SearchEngine> {
  const engine = createSearchEngine(env);
  if (engine.name === "embedded") {
    await engine.setup();
    await reindexAll(engine);
  }
  return engine;
}

export function getSearchEngine(): Promise<SearchEngine> {
  holder.__searchEngine ??= startEngine().catch((error) => {
    holder.__searchEngine = undefined; // try again on the next request rather than caching the failure
    throw error;
  });
  return holder.__searchEngine;
}

export async function searchProducts(query: SearchQuery) {
  return (await getSearchEngine()).search(query);
}

/**
 * Organisations matching the words of a search, best first. Products are what the search page is for, so when the
 * organisation index cannot answer (say a Meilisearch server not yet set up for it) this logs why and returns null,
 * and the page shows its products without the organisations.
 */
export async function searchOrganizations(q: string, limit: number): Promise<OrganizationSearchResult | null> {
  try {
    return await (await getSearchEngine()).organizations.search({ q, limit });
  } catch (error) {
    console.error("[search] Organisation search failed:", error);
    return null;
  }
}

/** Delivers pending search-index events (product, label and organisation changes) to the engine. */
export async function deliverSearchEvents() {
  const engine = await getSearchEngine();
  return processOutbox(searchOutboxHandlers(engine));
}

export async function searchHealth(): Promise<{ status: "ok" | "error"; engine: string; detail: string }> {
  try {
    const engine = await getSearchEngine();
    const health = await engine.health();
    return { status: health.ok ? "ok" : "error", engine: engine.name, detail: health.detail };
  } catch (error) {
    return { status: "error", engine: env.MEILISEARCH_HOST ? "meilisearch" : "embedded", detail: error instanceof Error ? error.message : String(error) };
  }
}
