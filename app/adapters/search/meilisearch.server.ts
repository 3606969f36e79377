/**
 * The Meilisearch search engine, through the official client (`meilisearch`). Chosen when MEILISEARCH_HOST is set;
 * the index lives on the server and is shared by every app instance.
 *
 * - `setup()` creates the index and applies `MEILISEARCH_SETTINGS`, waiting for each task; a failed task throws
 *   with Meilisearch's own message.
 * - `replaceAll()` fills `<index>_tmp` (settings first), then swaps it with the live index in one atomic task and
 *   deletes the old one: searches never see a half-built index.
 * - `search()` sends one multi-search request: the page of hits with the facets that have no filter of their own,
 *   plus one count-only query per filtered facet (disjunctive counts) and, when a price bound is set, one for the
 *   price range without it. Filters are Meilisearch filter strings built by `buildMeilisearchFilter`.
 * - Organisations live in a second index, `<index>_organizations` (settings `MEILISEARCH_ORGANIZATION_SETTINGS`),
 *   set up, rebuilt (through `<index>_organizations_tmp`) and written exactly like the product index, and searched
 *   with one plain search request (`buildOrganizationSearchRequest`).
 */
import {
  Meilisearch,
  type EnqueuedTaskPromise,
  type IndexSwap,
  type MultiSearchQuery,
  type MultiSearchResult,
  type SearchParams,
  type SearchResponse,
  type Settings,
  type Task,
} from "meilisearch";
import {
  MULTI_VALUE_FACETS,
  SEARCH_FACETS,
  isFacetFiltered,
  withoutFacetFilter,
  withoutPriceFilter,
} from "~/domain/search-query";
import { markedToSafeHtml, searchWords } from "./text";
import {
  FACET_FIELDS,
  MAX_ORGANIZATION_HITS,
  ORGANIZATION_SEARCHABLE_ATTRIBUTES,
  SEARCHABLE_ATTRIBUTES,
  SEARCH_SYNONYMS,
  emptyFacets,
  facetCounts,
  serialWrites,
  sortOf,
  type OrganizationDocument,
  type OrganizationSearchQuery,
  type OrganizationSearchResult,
  type SearchDocument,
  type SearchEngine,
  type SearchFilters,
  type SearchQuery,
  type SearchResult,
  type SearchSort,
} from "./types";

export type MeilisearchEngineOptions = {
  host: string;
  apiKey?: string;
  /** Index uid; default "products". Organisations go to `<index>_organizations`. */
  index?: string;
  /** How long to wait for one task (settings, a batch of documents, a swap); default 2 minutes. */
  taskTimeoutMs?: number;
  /** How often to ask whether a task is done; default 50 ms. */
  taskPollIntervalMs?: number;
};

/**
 * Totals are exact up to this many hits (Meilisearch's `pagination.maxTotalHits`, default 1,000); beyond it
 * `total` reports this number. Higher values make broad queries slower on the server.
 */
export const MEILISEARCH_MAX_TOTAL_HITS = 10_000;
const DOCUMENT_BATCH_SIZE = 5_000;
const PRICE_FIELD = "minPriceCents";
const HIGHLIGHT_PRE_TAG = "<mark>";
const HIGHLIGHT_POST_TAG = "</mark>";

export const MEILISEARCH_SETTINGS = {
  searchableAttributes: [...SEARCHABLE_ATTRIBUTES],
  filterableAttributes: [
    "category",
    "labels",
    "producer",
    "country",
    "organizationKind",
    "brands",
    "inStock",
    "wholesale",
    PRICE_FIELD,
    "createdAt",
  ],
  sortableAttributes: [PRICE_FIELD, "createdAt"],
  // "sort" first: a chosen order (price, newest) is strict, and relevance ranks only when no order is asked for.
  rankingRules: ["sort", "words", "typo", "proximity", "attribute", "exactness"],
  // One typo from 4 letters ("cofee" → "coffee"), as in the embedded engine; two from 9.
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 4, twoTypos: 9 } },
  synonyms: SEARCH_SYNONYMS,
  pagination: { maxTotalHits: MEILISEARCH_MAX_TOTAL_HITS },
  faceting: { maxValuesPerFacet: 100, sortFacetValuesBy: { "*": "count" } },
} satisfies Settings;

/** The organisation index: relevance only, no facets, filters or sorting; the same typo and synonym rules. */
export const MEILISEARCH_ORGANIZATION_SETTINGS = {
  searchableAttributes: [...ORGANIZATION_SEARCHABLE_ATTRIBUTES],
  rankingRules: ["words", "typo", "proximity", "attribute", "exactness"],
  typoTolerance: MEILISEARCH_SETTINGS.typoTolerance,
  synonyms: SEARCH_SYNONYMS,
  pagination: { maxTotalHits: MEILISEARCH_MAX_TOTAL_HITS },
} satisfies Settings;

/** The organisation index's uid, derived from the product index's. */
export function organizationIndexUid(indexUid: string): string {
  return `${indexUid}_organizations`;
}

/** The body of an organisation search (exported so tests can check it without a server). */
export function buildOrganizationSearchRequest(query: OrganizationSearchQuery) {
  return {
    matchingStrategy: "all",
    page: 1,
    hitsPerPage: Math.min(Math.max(1, Math.floor(query.limit) || 1), MAX_ORGANIZATION_HITS),
    attributesToHighlight: ["name", "region"],
    highlightPreTag: HIGHLIGHT_PRE_TAG,
    highlightPostTag: HIGHLIGHT_POST_TAG,
  } satisfies SearchParams;
}

type OrganizationHit = SearchResponse<OrganizationDocument>["hits"][number];

function toOrganizationDocument(hit: OrganizationHit): OrganizationDocument {
  return {
    id: String(hit.id),
    slug: hit.slug,
    name: hit.name,
    kind: hit.kind,
    legalForm: hit.legalForm,
    country: hit.country,
    countryName: hit.countryName,
    region: hit.region,
    story: hit.story,
  };
}

/** An organisation search response → the port's result. */
export function toOrganizationSearchResult(
  response: SearchResponse<OrganizationDocument>,
  tookMs: number,
): OrganizationSearchResult {
  const marked = (hit: OrganizationHit, field: "name" | "region") => {
    const value = hit._formatted?.[field];
    return markedToSafeHtml(typeof value === "string" ? value : hit[field], HIGHLIGHT_PRE_TAG, HIGHLIGHT_POST_TAG);
  };
  return {
    hits: response.hits.map((hit) => ({
      document: toOrganizationDocument(hit),
      highlights: { name: marked(hit, "name"), region: marked(hit, "region") },
    })),
    total: response.totalHits ?? response.estimatedTotalHits ?? 0,
    tookMs,
  };
}

/** A Meilisearch filter string value: double-quoted, with backslashes and quotes escaped. */
export function quoteFilterValue(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

/**
 * Filters → a Meilisearch filter string, e.g.
 * `(category = "coffee" OR category = "tea") AND labels = "fairtrade" AND inStock = true AND minPriceCents >= 500`.
 * OR within one facet's values, AND across facets; undefined when nothing is filtered.
 */
export function buildMeilisearchFilter(filters: SearchFilters): string | undefined {
  const parts: string[] = [];
  for (const facet of MULTI_VALUE_FACETS) {
    const values = filters[facet];
    if (!values || values.length === 0) continue;
    const field = FACET_FIELDS[facet];
    const conditions = values.map((value) => `${field} = ${quoteFilterValue(value)}`);
    parts.push(conditions.length === 1 ? conditions[0] : `(${conditions.join(" OR ")})`);
  }
  if (filters.inStock !== undefined) parts.push(`inStock = ${filters.inStock}`);
  if (filters.wholesale !== undefined) parts.push(`wholesale = ${filters.wholesale}`);
  if (isWholeNumber(filters.minPriceCents)) parts.push(`${PRICE_FIELD} >= ${filters.minPriceCents}`);
  if (isWholeNumber(filters.maxPriceCents)) parts.push(`${PRICE_FIELD} <= ${filters.maxPriceCents}`);
  return parts.length > 0 ? parts.join(" AND ") : undefined;
}

function isWholeNumber(value: number | undefined): value is number {
  return value !== undefined && Number.isSafeInteger(value);
}

const SORTS: Record<Exclude<SearchSort, "relevance">, string> = {
  "price-asc": `${PRICE_FIELD}:asc`,
  "price-desc": `${PRICE_FIELD}:desc`,
  newest: "createdAt:desc",
};

/** The multi-search request for a query (exported so tests can check it without a server). */
export function buildMeilisearchQueries(indexUid: string, query: SearchQuery): MultiSearchQuery[] {
  const sort = sortOf(query);
  const activeFacets = SEARCH_FACETS.filter((facet) => isFacetFiltered(query.filters, facet));
  const priceFiltered = query.filters.minPriceCents !== undefined || query.filters.maxPriceCents !== undefined;
  const base = (filters: SearchFilters) => {
    const filter = buildMeilisearchFilter(filters);
    return { indexUid, q: query.q, matchingStrategy: "all" as const, ...(filter ? { filter } : {}) };
  };
  const mainFacets = [
    ...SEARCH_FACETS.filter((facet) => !activeFacets.includes(facet)).map((facet) => FACET_FIELDS[facet]),
    ...(priceFiltered ? [] : [PRICE_FIELD]),
  ];
  const main: MultiSearchQuery = {
    ...base(query.filters),
    ...(sort === "relevance" ? {} : { sort: [SORTS[sort]] }),
    ...(mainFacets.length > 0 ? { facets: mainFacets } : {}),
    page: Math.max(1, query.page),
    hitsPerPage: query.pageSize,
    attributesToHighlight: ["title", "summary"],
    highlightPreTag: HIGHLIGHT_PRE_TAG,
    highlightPostTag: HIGHLIGHT_POST_TAG,
  };
  const facetQueries = activeFacets.map(
    (facet): MultiSearchQuery => ({
      ...base(withoutFacetFilter(query.filters, facet)),
      facets: [FACET_FIELDS[facet]],
      limit: 0,
    }),
  );
  const priceQuery: MultiSearchQuery[] = priceFiltered
    ? [{ ...base(withoutPriceFilter(query.filters)), facets: [PRICE_FIELD], limit: 0 }]
    : [];
  return [main, ...facetQueries, ...priceQuery];
}

type Hit = MultiSearchResult<SearchDocument>["hits"][number];

function toSearchDocument(hit: Hit): SearchDocument {
  return {
    id: String(hit.id),
    slug: hit.slug,
    title: hit.title,
    summary: hit.summary,
    description: hit.description,
    category: hit.category,
    categoryName: hit.categoryName,
    labels: hit.labels ?? [],
    producer: hit.producer,
    producerName: hit.producerName,
    organizationKind: hit.organizationKind,
    country: hit.country,
    region: hit.region,
    brands: hit.brands ?? [],
    minPriceCents: hit.minPriceCents,
    wholesale: hit.wholesale,
    inStock: hit.inStock,
    createdAt: hit.createdAt,
  };
}

function formatted(hit: Hit, field: "title" | "summary"): string {
  const value = hit._formatted?.[field];
  return markedToSafeHtml(typeof value === "string" ? value : hit[field], HIGHLIGHT_PRE_TAG, HIGHLIGHT_POST_TAG);
}

/** Multi-search responses (in the order `buildMeilisearchQueries` sent them) → the port's result. */
export function toSearchResult(
  query: SearchQuery,
  responses: MultiSearchResult<SearchDocument>[],
  tookMs: number,
): SearchResult {
  const [main, ...rest] = responses;
  const activeFacets = SEARCH_FACETS.filter((facet) => isFacetFiltered(query.filters, facet));
  const priceFiltered = query.filters.minPriceCents !== undefined || query.filters.maxPriceCents !== undefined;
  const facets = emptyFacets();
  for (const facet of SEARCH_FACETS) {
    if (activeFacets.includes(facet)) continue;
    facets[facet] = facetCounts(main.facetDistribution?.[FACET_FIELDS[facet]]);
  }
  activeFacets.forEach((facet, i) => {
    facets[facet] = facetCounts(rest[i]?.facetDistribution?.[FACET_FIELDS[facet]]);
  });
  const priceSource = priceFiltered ? rest[activeFacets.length] : main;
  const stats = priceSource?.facetStats?.[PRICE_FIELD];
  return {
    hits: main.hits.map((hit) => ({
      document: toSearchDocument(hit),
      highlights: { title: formatted(hit, "title"), summary: formatted(hit, "summary") },
    })),
    total: main.totalHits ?? main.estimatedTotalHits ?? 0,
    facets,
    priceRange: stats ? { min: stats.min, max: stats.max } : null,
    tookMs,
  };
}

export class MeilisearchTaskError extends Error {
  constructor(
    readonly action: string,
    readonly task: Task,
  ) {
    const reason = task.error ? `${task.error.message} (${task.error.code})` : `the task ended as ${task.status}`;
    super(`Meilisearch could not ${action}: ${reason} [task ${task.uid}]`);
    this.name = "MeilisearchTaskError";
  }
}

export function createMeilisearchEngine(options: MeilisearchEngineOptions): SearchEngine {
  const indexUid = options.index ?? "products";
  const organizationsUid = organizationIndexUid(indexUid);
  const client = new Meilisearch({
    host: options.host,
    apiKey: options.apiKey,
    timeout: 30_000,
    defaultWaitOptions: { timeout: options.taskTimeoutMs ?? 120_000, interval: options.taskPollIntervalMs ?? 50 },
  });
  // Writes from this process run in order, per index; an upsert during a reindex goes to the index swapped in.
  const serial = serialWrites();
  const serialOrganizations = serialWrites();

  /** Waits for a task; throws unless it succeeded (or failed with one of the `acceptable` error codes). */
  async function completed(action: string, enqueued: EnqueuedTaskPromise, acceptable: string[] = []): Promise<Task> {
    const task = await enqueued.waitTask();
    if (task.status === "succeeded") return task;
    if (task.status === "failed" && task.error && acceptable.includes(task.error.code)) return task;
    throw new MeilisearchTaskError(action, task);
  }

  async function createAndConfigure(uid: string, settings: Settings) {
    await completed(`create the index "${uid}"`, client.createIndex(uid, { primaryKey: "id" }), [
      "index_already_exists",
    ]);
    await completed(`apply the settings of the index "${uid}"`, client.index(uid).updateSettings(settings));
  }

  async function addDocuments(uid: string, docs: { id: string }[]) {
    for (let start = 0; start < docs.length; start += DOCUMENT_BATCH_SIZE) {
      const batch = docs.slice(start, start + DOCUMENT_BATCH_SIZE);
      await completed(
        `add ${batch.length} documents to the index "${uid}"`,
        client.index(uid).addDocuments(batch, { primaryKey: "id" }),
      );
    }
  }

  /** Fills `<uid>_tmp` (settings first), swaps it with `uid` in one atomic task, and deletes the old one. */
  async function rebuild(uid: string, settings: Settings, docs: { id: string }[]) {
    const tmpUid = `${uid}_tmp`;
    // A leftover from an interrupted reindex would carry stale documents into the swap.
    await completed(`delete the index "${tmpUid}"`, client.deleteIndex(tmpUid), ["index_not_found"]);
    await completed(`create the index "${tmpUid}"`, client.createIndex(tmpUid, { primaryKey: "id" }));
    await completed(`apply the settings of the index "${tmpUid}"`, client.index(tmpUid).updateSettings(settings));
    await addDocuments(tmpUid, docs);
    // Swapping needs both indexes; the live one may not exist yet on a fresh server.
    await completed(`create the index "${uid}"`, client.createIndex(uid, { primaryKey: "id" }), [
      "index_already_exists",
    ]);
    // `rename` is optional on the server (default false) and unknown to servers before 1.18: leave it out.
    const swap = { indexes: [uid, tmpUid] } as IndexSwap;
    await completed(`swap the indexes "${uid}" and "${tmpUid}"`, client.swapIndexes([swap]));
    await completed(`delete the index "${tmpUid}"`, client.deleteIndex(tmpUid), ["index_not_found"]);
  }

  async function removeDocuments(uid: string, ids: string[]) {
    if (ids.length === 0) return;
    await completed(`delete ${ids.length} documents from the index "${uid}"`, client.index(uid).deleteDocuments(ids));
  }

  return {
    name: "meilisearch",
    async setup() {
      await createAndConfigure(indexUid, MEILISEARCH_SETTINGS);
      await createAndConfigure(organizationsUid, MEILISEARCH_ORGANIZATION_SETTINGS);
    },
    replaceAll(docs) {
      return serial(() => rebuild(indexUid, MEILISEARCH_SETTINGS, docs));
    },
    upsert(docs) {
      return serial(async () => {
        if (docs.length > 0) await addDocuments(indexUid, docs);
      });
    },
    remove(ids) {
      return serial(() => removeDocuments(indexUid, ids));
    },
    async search(query) {
      const started = performance.now();
      const { results } = await client.multiSearch<{ queries: MultiSearchQuery[] }, SearchDocument>({
        queries: buildMeilisearchQueries(indexUid, query),
      });
      return toSearchResult(query, results, Math.round((performance.now() - started) * 100) / 100);
    },
    async health() {
      try {
        await client.health();
        const stats = await client.index(indexUid).getStats();
        return {
          ok: true,
          detail: `Meilisearch: index "${indexUid}" holds ${stats.numberOfDocuments} documents`,
        };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return { ok: false, detail: `Meilisearch: ${message}` };
      }
    },
    organizations: {
      replaceAll(docs) {
        return serialOrganizations(() => rebuild(organizationsUid, MEILISEARCH_ORGANIZATION_SETTINGS, docs));
      },
      upsert(docs) {
        return serialOrganizations(async () => {
          if (docs.length > 0) await addDocuments(organizationsUid, docs);
        });
      },
      remove(ids) {
        return serialOrganizations(() => removeDocuments(organizationsUid, ids));
      },
      async search(query) {
        const started = performance.now();
        // Same rule as the embedded engine: no words, no organisations (Meilisearch would list them all).
        if (searchWords(query.q).length === 0) return { hits: [], total: 0, tookMs: 0 };
        const response = await client
          .index<OrganizationDocument>(organizationsUid)
          .search(query.q, buildOrganizationSearchRequest(query));
        return toOrganizationSearchResult(response, Math.round((performance.now() - started) * 100) / 100);
      },
    },
  };
}
