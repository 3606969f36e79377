import { createEmbeddedSearchEngine } from "./embedded.server";
import { createMeilisearchEngine } from "./meilisearch.server";
import type { SearchEngine } from "./types";

export type SearchEnv = {
  MEILISEARCH_HOST?: string;
  MEILISEARCH_API_KEY?: string;
  MEILISEARCH_INDEX?: string;
};

/**
 * The search engine the environment asks for: Meilisearch when MEILISEARCH_HOST is set, otherwise the embedded
 * in-process engine. Pass the parsed `env` from `~/lib/env.server` (tests pass a plain object).
 */
export function createSearchEngine(env: SearchEnv): SearchEngine {
  if (env.MEILISEARCH_HOST) {
    return createMeilisearchEngine({
      host: env.MEILISEARCH_HOST,
      apiKey: env.MEILISEARCH_API_KEY || undefined,
      index: env.MEILISEARCH_INDEX || "products",
    });
  }
  return createEmbeddedSearchEngine();
}

export type {
  OrganizationDocument,
  OrganizationSearchResult,
  SearchDocument,
  SearchEngine,
  SearchQuery,
  SearchResult,
} from "./types";
