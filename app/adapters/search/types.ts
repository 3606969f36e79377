/**
 * The search port: what the app asks of a search engine, independent of which one answers. Two implementations:
 * `embedded.server.ts` (Orama, in-process, the default) and `meilisearch.server.ts` (a Meilisearch server), chosen
 * by `index.server.ts`. Both pass the same contract suite (tests/integration/search-contract.ts).
 */
import type { SearchFacet, SearchQuery, SearchSort } from "~/domain/search-query";
import { searchWords } from "./text";

export type { SearchFacet, SearchFilters, SearchQuery, SearchSort } from "~/domain/search-query";
export { SEARCH_FACETS, SEARCH_SORTS, makeSearchQuery, parseSearchQuery, searchQuerySchema } from "~/domain/search-query";

/** One ACTIVE product, denormalised for search. Built from the database by the indexing step. */
export type SearchDocument = {
  /** The product id. */
  id: string;
  slug: string;
  title: string;
  summary: string;
  /** Plain text (markdown stripped). */
  description: string;
  /** Category slug. */
  category: string;
  categoryName: string;
  /** Slugs of the labels that show on the product page (verified, unexpired certifications). */
  labels: string[];
  /** Slug of the organisation that sells it. */
  producer: string;
  producerName: string;
  /** The seller's `OrganizationKind`. */
  organizationKind: string;
  /** ISO 3166-1 alpha-2 country of origin. */
  country: string;
  region: string;
  /** Slugs of collective brands the product carries (empty until branding lands). */
  brands: string[];
  /** The cheapest retail unit price among its variants. */
  minPriceCents: number;
  /** Has at least one variant with a wholesale case price. */
  wholesale: boolean;
  /** At least one variant has stock. */
  inStock: boolean;
  /** Epoch milliseconds. */
  createdAt: number;
};

export type SearchHit = {
  document: SearchDocument;
  /**
   * HTML-safe: every character of the original text is escaped, and matched words are wrapped in `<mark>`. Both
   * are always present (equal to the escaped text when nothing in it matched), so a page can render them as they
   * are.
   */
  highlights: { title?: string; summary?: string };
};

export type FacetCount = { value: string; count: number };

export type SearchResult = {
  hits: SearchHit[];
  /** Exact number of matching documents (Meilisearch: up to its `maxTotalHits`, see meilisearch.server.ts). */
  total: number;
  /**
   * Disjunctive counts, as good shops show them: each facet's counts are computed with the query and every OTHER
   * facet's filter applied, but not its own, so ticking "coffee" still shows how many "tea" there would be.
   * Facets without a filter of their own therefore count the current result. Values are sorted by count (then by
   * value), zero counts are left out, at most 100 values per facet. Boolean facets use the values "true"/"false".
   */
  facets: Record<SearchFacet, FacetCount[]>;
  /**
   * The cheapest and dearest `minPriceCents` among documents matching the query and every filter except the price
   * bounds (so a price slider keeps its full range while it is being used); null when nothing matches.
   */
  priceRange: { min: number; max: number } | null;
  tookMs: number;
};

/**
 * One organisation (producer, supplier, distributor, buying co-op), denormalised for search: what its public page
 * (`/producers/:slug`) shows about it. Every organisation has such a page, so every organisation is indexed.
 */
export type OrganizationDocument = {
  /** The organisation id. */
  id: string;
  slug: string;
  name: string;
  /** `OrganizationKind`. */
  kind: string;
  /** `LegalForm`. */
  legalForm: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** The country's English name, so "Peru" finds organisations in PE. */
  countryName: string;
  region: string;
  /** Plain text. */
  story: string;
};

export type OrganizationSearchQuery = {
  /** Free text; an empty query matches nothing (organisations are only looked up for typed words). */
  q: string;
  /** How many hits to return, best first (1–100). */
  limit: number;
};

export type OrganizationSearchHit = {
  document: OrganizationDocument;
  /** HTML-safe, matched words in `<mark>`, like `SearchHit.highlights`; always present. */
  highlights: { name: string; region: string };
};

export type OrganizationSearchResult = {
  hits: OrganizationSearchHit[];
  /** How many organisations match in all (Meilisearch: up to its `maxTotalHits`). */
  total: number;
  tookMs: number;
};

/**
 * The engine's second index: organisations. Same text rules as products (every word must match, the last word as a
 * prefix, one typo from 4 letters when nothing matches as typed, the same synonyms); no facets, filters or sorting.
 */
export interface OrganizationIndex {
  /** Replaces every organisation; searches keep answering from the old set until it is done. */
  replaceAll(docs: OrganizationDocument[]): Promise<void>;
  /** Adds or fully replaces these organisations (by id). Resolves when they are searchable. */
  upsert(docs: OrganizationDocument[]): Promise<void>;
  /** Removes these ids; ids not in the index are ignored. */
  remove(ids: string[]): Promise<void>;
  search(query: OrganizationSearchQuery): Promise<OrganizationSearchResult>;
}

export interface SearchEngine {
  readonly name: "embedded" | "meilisearch";
  /** Creates the indexes (products and organisations) and applies their settings; safe to call again. */
  setup(): Promise<void>;
  /** Replaces the whole index with these documents; searches keep answering from the old index until it is done. */
  replaceAll(docs: SearchDocument[]): Promise<void>;
  /** Adds or fully replaces these documents (by id). Resolves when they are searchable. */
  upsert(docs: SearchDocument[]): Promise<void>;
  /** Removes these ids; ids not in the index are ignored. Resolves when they no longer show. */
  remove(ids: string[]): Promise<void>;
  search(query: SearchQuery): Promise<SearchResult>;
  /** Reports on the product index, the one the site cannot work without. */
  health(): Promise<{ ok: boolean; detail: string }>;
  /** Organisations, in an index of their own. */
  readonly organizations: OrganizationIndex;
}

/**
 * Word → words that should also match it. Applied by both engines (Meilisearch through its `synonyms` setting,
 * the embedded engine by expanding query words), in both directions where listed both ways.
 */
export const SEARCH_SYNONYMS: Record<string, string[]> = {
  cocoa: ["cacao"],
  cacao: ["cocoa"],
  chocolate: ["choc"],
  choc: ["chocolate"],
  honey: ["miel"],
  miel: ["honey"],
  evoo: ["extra virgin olive oil"],
  "extra virgin olive oil": ["evoo"],
};

/**
 * Searchable attributes, most important first. Both engines rank a match in an earlier attribute higher
 * (Meilisearch by this order, the embedded engine by the boosts in embedded.server.ts).
 */
export const SEARCHABLE_ATTRIBUTES = [
  "title",
  "labels",
  "producerName",
  "categoryName",
  "brands",
  "summary",
  "description",
  "region",
] as const;

/** The organisation index's searchable attributes, most important first (as `SEARCHABLE_ATTRIBUTES`). */
export const ORGANIZATION_SEARCHABLE_ATTRIBUTES = ["name", "region", "countryName", "story"] as const;

export const MAX_ORGANIZATION_HITS = 100;

/** Which document field each facet reads. */
export const FACET_FIELDS: Record<SearchFacet, keyof SearchDocument> = {
  category: "category",
  label: "labels",
  producer: "producer",
  country: "country",
  organizationKind: "organizationKind",
  brand: "brands",
  inStock: "inStock",
  wholesale: "wholesale",
};

export const MAX_FACET_VALUES = 100;

/**
 * Runs writes one after another, in the order they were asked for, even when callers do not wait: an upsert that
 * arrives while `replaceAll` is rebuilding lands in the new index instead of the one being thrown away. A failed
 * write rejects its own caller only.
 */
export function serialWrites() {
  let last: Promise<unknown> = Promise.resolve();
  return function serial<T>(write: () => Promise<T>): Promise<T> {
    const next = last.then(write, write);
    last = next.catch(() => undefined);
    return next;
  };
}

export function emptyFacets(): Record<SearchFacet, FacetCount[]> {
  return {
    category: [],
    label: [],
    producer: [],
    country: [],
    organizationKind: [],
    brand: [],
    inStock: [],
    wholesale: [],
  };
}

/** Engine facet output (value → count) → sorted list: by count, then value; zero counts dropped; capped. */
export function facetCounts(distribution: Record<string, number> | undefined): FacetCount[] {
  if (!distribution) return [];
  return Object.entries(distribution)
    .filter(([, count]) => count > 0)
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
    .slice(0, MAX_FACET_VALUES);
}

export function sortOf(query: SearchQuery): SearchSort {
  // With nothing typed there is no relevance to rank by: newest first, in every engine.
  return query.sort === "relevance" && searchWords(query.q).length === 0 ? "newest" : query.sort;
}
