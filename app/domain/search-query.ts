import { z } from "zod";
import { centsToInput, parseMoneyToCents } from "./money";
import { ORGANIZATION_KINDS } from "./organization-forms";
import { pageParamSchema } from "./pagination";

/**
 * The search page's URL state (`/search?q=…&category=coffee&category=tea&label=fairtrade&inStock=1&minPrice=5`),
 * shared by every search engine. Pure: parsing never throws, and anything malformed falls back to its default, so a
 * shared or hand-edited link always shows a page.
 */

export const SEARCH_SORTS = ["relevance", "price-asc", "price-desc", "newest"] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];
export const SEARCH_SORT_LABELS: Record<SearchSort, string> = {
  relevance: "Best match",
  "price-asc": "Price: low to high",
  "price-desc": "Price: high to low",
  newest: "Newest",
};

/** The facets a result reports counts for; the multi-valued ones are also the URL parameter names. */
export const SEARCH_FACETS = [
  "category",
  "label",
  "producer",
  "country",
  "organizationKind",
  "brand",
  "inStock",
  "wholesale",
] as const;
export type SearchFacet = (typeof SEARCH_FACETS)[number];

/** Facets filtered by a list of values: OR within one facet, AND across facets. */
export const MULTI_VALUE_FACETS = ["category", "label", "producer", "country", "organizationKind", "brand"] as const;
export type MultiValueFacet = (typeof MULTI_VALUE_FACETS)[number];

export type SearchFilters = {
  category?: string[];
  label?: string[];
  producer?: string[];
  country?: string[];
  organizationKind?: string[];
  brand?: string[];
  inStock?: boolean;
  wholesale?: boolean;
  minPriceCents?: number;
  maxPriceCents?: number;
};

export type SearchQuery = {
  /** Free text; empty means "everything that matches the filters". */
  q: string;
  filters: SearchFilters;
  sort: SearchSort;
  /** 1-based. */
  page: number;
  pageSize: number;
};

export const DEFAULT_PAGE_SIZE = 24;
export const MAX_PAGE_SIZE = 100;
export const MAX_QUERY_LENGTH = 200;
/** More values than this for one facet is not a person clicking checkboxes; the rest are ignored. */
export const MAX_VALUES_PER_FILTER = 20;

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$/;
const COUNTRY = /^[A-Z]{2}$/;

const VALUE_RULES: Record<MultiValueFacet, (value: string) => string | null> = {
  category: slugValue,
  label: slugValue,
  producer: slugValue,
  brand: slugValue,
  country: (value) => {
    const upper = value.trim().toUpperCase();
    return COUNTRY.test(upper) ? upper : null;
  },
  organizationKind: (value) => {
    const upper = value.trim().toUpperCase();
    return (ORGANIZATION_KINDS as readonly string[]).includes(upper) ? upper : null;
  },
};

function slugValue(value: string): string | null {
  const slug = value.trim().toLowerCase();
  return SLUG.test(slug) ? slug : null;
}

/** Keeps the valid values, in order, without duplicates; nonsense values are dropped one by one. */
function valueList(facet: MultiValueFacet) {
  return z
    .array(z.unknown())
    .catch([])
    .transform((values) => {
      const kept: string[] = [];
      for (const raw of values) {
        if (typeof raw !== "string") continue;
        const value = VALUE_RULES[facet](raw);
        if (value !== null && !kept.includes(value)) kept.push(value);
        if (kept.length === MAX_VALUES_PER_FILTER) break;
      }
      return kept;
    });
}

/** A checkbox flag: 1/true/on/yes → true, 0/false/off/no → false, anything else → not filtered. */
const flagParam = z
  .array(z.unknown())
  .catch([])
  .transform((values): boolean | undefined => {
    const last = values.at(-1);
    if (typeof last !== "string") return undefined;
    const value = last.trim().toLowerCase();
    if (["1", "true", "on", "yes"].includes(value)) return true;
    if (["0", "false", "off", "no"].includes(value)) return false;
    return undefined;
  });

/** Euros as typed ("12.50", "12,5", "€12") → cents; anything else → no bound. */
const priceParam = z
  .array(z.unknown())
  .catch([])
  .transform((values): number | undefined => {
    const last = values.at(-1);
    if (typeof last !== "string") return undefined;
    return parseMoneyToCents(last) ?? undefined;
  });

function firstString(values: unknown[]): string | undefined {
  const first = values[0];
  return typeof first === "string" ? first : undefined;
}

const queryText = z
  .array(z.unknown())
  .catch([])
  .transform((values) =>
    (firstString(values) ?? "")
      // Control characters never belong in a search box.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f]+/g, " ")
      .replace(/\s+/g, " ")
      .trim()
      .slice(0, MAX_QUERY_LENGTH)
      .trim(),
  );

const sortParam = z
  .array(z.unknown())
  .catch([])
  .transform((values) => z.enum(SEARCH_SORTS).catch("relevance").parse(firstString(values)));

const pageParam = z
  .array(z.unknown())
  .catch([])
  .transform((values) => pageParamSchema.parse(firstString(values) ?? 1));

const pageSizeParam = z
  .array(z.unknown())
  .catch([])
  .transform((values) => {
    const raw = firstString(values);
    if (raw === undefined || !/^\s*\d{1,6}\s*$/.test(raw)) return DEFAULT_PAGE_SIZE;
    const size = Number(raw);
    if (size < 1) return DEFAULT_PAGE_SIZE;
    return Math.min(size, MAX_PAGE_SIZE);
  });

/** Any of: URLSearchParams, FormData-like entries, or a plain record of string | string[] → record of string[]. */
function toParamRecord(input: unknown): Record<string, unknown[]> {
  // No prototype: a parameter named "constructor" or "toString" must not find Object's methods (a 500 otherwise).
  const record: Record<string, unknown[]> = Object.create(null);
  const add = (key: string, value: unknown) => {
    (record[key] ??= []).push(value);
  };
  if (input instanceof URLSearchParams) {
    for (const [key, value] of input) add(key, value);
  } else if (typeof input === "string") {
    for (const [key, value] of new URLSearchParams(input)) add(key, value);
  } else if (input !== null && typeof input === "object") {
    for (const [key, value] of Object.entries(input)) {
      if (Array.isArray(value)) for (const item of value) add(key, item);
      else add(key, value);
    }
  }
  return record;
}

const searchParamsShape = z.object({
  q: queryText,
  category: valueList("category"),
  label: valueList("label"),
  producer: valueList("producer"),
  country: valueList("country"),
  organizationKind: valueList("organizationKind"),
  brand: valueList("brand"),
  inStock: flagParam,
  wholesale: flagParam,
  minPrice: priceParam,
  maxPrice: priceParam,
  sort: sortParam,
  page: pageParam,
  pageSize: pageSizeParam,
});

export const DEFAULT_SEARCH_QUERY: SearchQuery = Object.freeze({
  q: "",
  filters: Object.freeze({}) as SearchFilters,
  sort: "relevance",
  page: 1,
  pageSize: DEFAULT_PAGE_SIZE,
}) as SearchQuery;

/**
 * Parses URL-style input (a `URLSearchParams`, a query string, or a record of string | string[]) into a
 * `SearchQuery`. Never throws: every malformed part falls back to its default. Empty filter lists are left out, and
 * a minimum price above the maximum is read as the two typed the wrong way round.
 */
export const searchQuerySchema = z
  .preprocess(toParamRecord, searchParamsShape)
  .transform((params): SearchQuery => {
    const filters: SearchFilters = {};
    for (const facet of MULTI_VALUE_FACETS) {
      const values = params[facet];
      if (values.length > 0) filters[facet] = values;
    }
    if (params.inStock !== undefined) filters.inStock = params.inStock;
    if (params.wholesale !== undefined) filters.wholesale = params.wholesale;
    let min = params.minPrice;
    let max = params.maxPrice;
    if (min !== undefined && max !== undefined && min > max) [min, max] = [max, min];
    if (min !== undefined && min > 0) filters.minPriceCents = min;
    if (max !== undefined) filters.maxPriceCents = max;
    return { q: params.q, filters, sort: params.sort, page: params.page, pageSize: params.pageSize };
  })
  .catch(() => ({ ...DEFAULT_SEARCH_QUERY, filters: {} }));

export function parseSearchQuery(input: URLSearchParams | string | Record<string, unknown>): SearchQuery {
  return searchQuerySchema.parse(input);
}

/** A complete query from a partial one, for code (tests, scripts) that builds queries directly. */
export function makeSearchQuery(partial: Partial<SearchQuery> = {}): SearchQuery {
  return {
    q: partial.q ?? "",
    filters: { ...partial.filters },
    sort: partial.sort ?? "relevance",
    page: partial.page ?? 1,
    pageSize: Math.min(Math.max(1, partial.pageSize ?? DEFAULT_PAGE_SIZE), MAX_PAGE_SIZE),
  };
}

/**
 * The inverse of `parseSearchQuery`, for links (facet toggles, pagination): defaults are left out so URLs stay
 * short. `parseSearchQuery(toSearchParams(query))` gives the same query back.
 */
export function toSearchParams(query: SearchQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  for (const facet of MULTI_VALUE_FACETS) {
    for (const value of query.filters[facet] ?? []) params.append(facet, value);
  }
  if (query.filters.inStock !== undefined) params.set("inStock", query.filters.inStock ? "1" : "0");
  if (query.filters.wholesale !== undefined) params.set("wholesale", query.filters.wholesale ? "1" : "0");
  if (query.filters.minPriceCents !== undefined) params.set("minPrice", centsToInput(query.filters.minPriceCents));
  if (query.filters.maxPriceCents !== undefined) params.set("maxPrice", centsToInput(query.filters.maxPriceCents));
  if (query.sort !== "relevance") params.set("sort", query.sort);
  if (query.page !== 1) params.set("page", String(query.page));
  if (query.pageSize !== DEFAULT_PAGE_SIZE) params.set("pageSize", String(query.pageSize));
  return params;
}

/** The query with one facet's filter removed: what that facet's counts are computed against. */
export function withoutFacetFilter(filters: SearchFilters, facet: SearchFacet): SearchFilters {
  const rest = { ...filters };
  delete rest[facet];
  return rest;
}

/** True when the filters narrow the result by `facet`. */
export function isFacetFiltered(filters: SearchFilters, facet: SearchFacet): boolean {
  const value = filters[facet];
  return Array.isArray(value) ? value.length > 0 : value !== undefined;
}

export function withoutPriceFilter(filters: SearchFilters): SearchFilters {
  const rest = { ...filters };
  delete rest.minPriceCents;
  delete rest.maxPriceCents;
  return rest;
}
