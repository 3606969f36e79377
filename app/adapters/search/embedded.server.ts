/**
 * The embedded search engine: Orama (@orama/orama), in this process's memory. The default when no Meilisearch
 * server is configured; right for one machine. Every instance holds its own copy of the index, filled by
 * `replaceAll` at start and kept current by `upsert`/`remove`.
 *
 * Matching, ranking (BM25 with field boosts), filtering, sorting and facet counting are all Orama's. What this file
 * adds is query planning (see `TextPlan`), so both engines behave alike:
 * - every query word must match (AND across words, like Meilisearch's `matchingStrategy: "all"`); the last word
 *   also matches words that start with it ("choc" → "chocolate"); words of 4 letters or more match with one typo
 *   ("cofee" → "coffee") — but only when the query finds nothing as typed, so "coffee" never brings up "toffee";
 * - synonyms (`SEARCH_SYNONYMS`) widen a word to its alternatives (OR);
 * - disjunctive facet counts (see `SearchResult.facets`): one extra Orama query per facet that has a filter;
 * - the price range: read from all matches of the main query, or of one more query when a price bound is set.
 * Organisations live in a second Orama database with their own fields and boosts, searched by the same planning
 * (`textSearch`), so "sierra verd" or "siera verde" finds Sierra Verde exactly as it finds its coffee.
 */
import { boundedLevenshtein } from "@orama/orama/internals";
import { radix } from "@orama/orama/trees";
import {
  count,
  create,
  insertMultiple,
  removeMultiple,
  search as oramaSearch,
  upsertMultiple,
  type AnyOrama,
  type Orama,
  type Results,
  type SearchParams,
  type Tokenizer,
} from "@orama/orama";
import {
  MULTI_VALUE_FACETS,
  SEARCH_FACETS,
  isFacetFiltered,
  withoutFacetFilter,
  withoutPriceFilter,
  type SearchFacet,
} from "~/domain/search-query";
import { highlight, searchWords, type HighlightTerm } from "./text";
import {
  FACET_FIELDS,
  MAX_ORGANIZATION_HITS,
  ORGANIZATION_SEARCHABLE_ATTRIBUTES,
  SEARCH_SYNONYMS,
  emptyFacets,
  facetCounts,
  serialWrites,
  sortOf,
  type OrganizationDocument,
  type OrganizationIndex,
  type OrganizationSearchQuery,
  type OrganizationSearchResult,
  type SearchDocument,
  type SearchEngine,
  type SearchFilters,
  type SearchQuery,
  type SearchResult,
} from "./types";

const schema = {
  // `id` is also an enum so a query can be narrowed to a set of ids (a misspelt earlier word, see `relax`).
  id: "enum",
  title: "string",
  summary: "string",
  description: "string",
  labelsText: "string",
  producerName: "string",
  categoryName: "string",
  brandsText: "string",
  region: "string",
  category: "enum",
  labels: "enum[]",
  producer: "enum",
  country: "enum",
  organizationKind: "enum",
  brands: "enum[]",
  inStock: "boolean",
  wholesale: "boolean",
  minPriceCents: "number",
  createdAt: "number",
} as const;

type Schema = typeof schema;
type Db = Orama<Schema>;
type StoredDocument = SearchDocument & { labelsText: string; brandsText: string };

const SEARCHABLE = [
  "title",
  "labelsText",
  "producerName",
  "categoryName",
  "brandsText",
  "summary",
  "description",
  "region",
] as const;

/** Same priority order as Meilisearch's `searchableAttributes` (types.ts `SEARCHABLE_ATTRIBUTES`). */
const BOOST: Record<(typeof SEARCHABLE)[number], number> = {
  title: 8,
  labelsText: 5,
  producerName: 5,
  categoryName: 5,
  brandsText: 4,
  summary: 2,
  description: 1,
  region: 1,
};

/** A collection's searchable fields, most important first, and how much a match in each weighs. */
type TextFields = { searchable: readonly string[]; boost: Record<string, number> };

const PRODUCT_FIELDS: TextFields = { searchable: SEARCHABLE, boost: BOOST };

const organizationSchema = {
  // An enum for the same reason as the products' `id`.
  id: "enum",
  name: "string",
  region: "string",
  countryName: "string",
  story: "string",
} as const;

type OrganizationDb = Orama<typeof organizationSchema>;

/** The same fields, in the same priority order, as Meilisearch's organisation index. */
const ORGANIZATION_FIELDS: TextFields = {
  searchable: ORGANIZATION_SEARCHABLE_ATTRIBUTES,
  boost: { name: 8, region: 3, countryName: 3, story: 1 } satisfies Record<
    (typeof ORGANIZATION_SEARCHABLE_ATTRIBUTES)[number],
    number
  >,
};

const SORTABLE = new Set(["minPriceCents", "createdAt"]);
/** Words of this length or more may match with one typo. */
const TYPO_MIN_LENGTH = 4;
const MAX_QUERY_WORDS = 10;

/** Splits text exactly like queries are split (text.ts), so "worker-owned" and "Müller" behave the same in both. */
const tokenizer: Tokenizer = {
  language: "english",
  normalizationCache: new Map(),
  tokenize: (raw) => (typeof raw === "string" ? searchWords(raw) : [raw]),
};

function createDb(): Db {
  return create({
    schema,
    components: { tokenizer },
    // Only what the engine sorts by: sort indexes on text fields would cost memory and build time for nothing.
    sort: { unsortableProperties: Object.keys(schema).filter((key) => !SORTABLE.has(key)) },
  });
}

function createOrganizationDb(): OrganizationDb {
  // Organisations are only ranked by relevance: no sort indexes at all.
  return create({ schema: organizationSchema, components: { tokenizer }, sort: { enabled: false } });
}

/** Copies exactly the port's fields (Orama keeps whole documents, and hands back its own objects). */
function toOrganizationDocument(doc: OrganizationDocument): OrganizationDocument {
  return {
    id: doc.id,
    slug: doc.slug,
    name: doc.name,
    kind: doc.kind,
    legalForm: doc.legalForm,
    country: doc.country,
    countryName: doc.countryName,
    region: doc.region,
    story: doc.story,
  };
}

function toStored(doc: SearchDocument): StoredDocument {
  return {
    ...toSearchDocument(doc),
    labelsText: doc.labels.join(" "),
    brandsText: doc.brands.join(" "),
  };
}

/** Copies exactly the port's fields, so engine-internal fields never leak into results. */
function toSearchDocument(doc: SearchDocument): SearchDocument {
  return {
    id: doc.id,
    slug: doc.slug,
    title: doc.title,
    summary: doc.summary,
    description: doc.description,
    category: doc.category,
    categoryName: doc.categoryName,
    labels: [...doc.labels],
    producer: doc.producer,
    producerName: doc.producerName,
    organizationKind: doc.organizationKind,
    country: doc.country,
    region: doc.region,
    brands: [...doc.brands],
    minPriceCents: doc.minPriceCents,
    wholesale: doc.wholesale,
    inStock: doc.inStock,
    createdAt: doc.createdAt,
  };
}

type Where = Record<string, unknown>;

/** Filters → an Orama `where`: keys are ANDed; a list is OR within its facet. */
export function buildOramaWhere(filters: SearchFilters): Where {
  const where: Where = {};
  for (const facet of MULTI_VALUE_FACETS) {
    const values = filters[facet];
    if (!values || values.length === 0) continue;
    const field = FACET_FIELDS[facet];
    where[field] = field === "labels" || field === "brands" ? { containsAny: values } : { in: values };
  }
  if (filters.inStock !== undefined) where.inStock = filters.inStock;
  if (filters.wholesale !== undefined) where.wholesale = filters.wholesale;
  const { minPriceCents: min, maxPriceCents: max } = filters;
  if (min !== undefined && max !== undefined) where.minPriceCents = { between: [min, max] };
  else if (min !== undefined) where.minPriceCents = { gte: min };
  else if (max !== undefined) where.minPriceCents = { lte: max };
  return where;
}

/** One query word (or phrase) and its synonyms: a document matches the clause when it matches any alternative. */
type Clause = { alternatives: string[][] };

/** Query words → clauses (ANDed), each the word and its synonyms (ORed). Multi-word synonym keys are found too. */
export function queryClauses(words: string[]): Clause[] {
  const phraseKeys = Object.keys(SEARCH_SYNONYMS)
    .map((key) => searchWords(key))
    .filter((key) => key.length > 1)
    .sort((a, b) => b.length - a.length);
  const clauses: Clause[] = [];
  let i = 0;
  while (i < words.length) {
    const phrase = phraseKeys.find((key) => key.every((word, offset) => words[i + offset] === word));
    const matched = phrase ?? [words[i]];
    const synonyms = SEARCH_SYNONYMS[matched.join(" ")] ?? [];
    clauses.push({ alternatives: [matched, ...synonyms.map((synonym) => searchWords(synonym))] });
    i += matched.length;
  }
  return clauses;
}

/**
 * How a text query becomes Orama queries. Like Meilisearch, every word must match and only the last word is
 * treated as a prefix (it may still be being typed): the last word (with its synonyms) is Orama's search term —
 * prefix matching, BM25 ranking with field boosts, one typo when nothing matches as typed — and each earlier word
 * is an Orama filter requiring that whole word in some searchable field. An earlier word that is in no document
 * (a typo, or a half word) is then matched like the term, by prefix or with one typo. When the last "word" is a
 * phrase with synonyms (e.g. "extra virgin olive oil" ↔ "evoo") every clause is a filter and all words rank.
 */
type TextPlan = {
  clauses: Clause[];
  /** The last clause's words when it is matched as the search term; null when every clause is a filter. */
  termWords: string[] | null;
  /** Typo tolerance for the term: 0 until the query matched nothing as typed. */
  tolerance: number;
  /** Earlier words that are in no document, replaced by the ids their prefix/typo search matched. */
  replaced: Map<string, string[]>;
  /** Words given one typo of tolerance (for highlighting). */
  fuzzyWords: Set<string>;
};

type OramaQuery = {
  term?: string;
  tolerance?: number;
  properties?: string[];
  boost?: Record<string, number>;
  where?: Where;
};

function planText(q: string): TextPlan | null {
  const words = searchWords(q).slice(0, MAX_QUERY_WORDS);
  if (words.length === 0) return null;
  const clauses = queryClauses(words);
  const last = clauses[clauses.length - 1];
  const lastIsTerm = last.alternatives.every((alternative) => alternative.length === 1);
  return {
    clauses,
    termWords: lastIsTerm ? last.alternatives.flat() : null,
    tolerance: 0,
    replaced: new Map(),
    fuzzyWords: new Set(),
  };
}

/**
 * The `TextPlan` machinery over one Orama database (read through `current`, since `replaceAll` swaps it) and its
 * searchable fields: products and organisations are searched by exactly the same rules.
 */
function textSearch(current: () => AnyOrama, fields: TextFields) {
  async function run<T>(params: OramaQuery & Record<string, unknown>): Promise<Results<T>> {
    // includeVectors: there are none, and leaving it false makes Orama copy every hit.
    return (await oramaSearch(current(), { includeVectors: true, ...params } as SearchParams<AnyOrama>)) as Results<T>;
  }

  /** A document contains `word` as a whole word in any searchable field (Orama's exact-token filter). */
  function containsWord(word: string): Where {
    return { or: fields.searchable.map((field) => ({ [field]: word })) };
  }

  function clauseWhere(clause: Clause, replaced: Map<string, string[]>): Where {
    const wordWhere = (word: string): Where => {
      const ids = replaced.get(word);
      return ids ? { id: { in: ids } } : containsWord(word);
    };
    const alternatives = clause.alternatives.map((words) =>
      words.length === 1 ? wordWhere(words[0]) : { and: words.map(wordWhere) },
    );
    return alternatives.length === 1 ? alternatives[0] : { or: alternatives };
  }

  /** The Orama query for a plan (null: no words) within `filterWhere` (a built filter, `{}` for none). */
  function query(plan: TextPlan | null, filterWhere: Where): OramaQuery {
    const conditions: Where[] = [];
    if (Object.keys(filterWhere).length > 0) conditions.push(filterWhere);
    if (!plan) return conditions.length > 0 ? { where: conditions[0] } : {};
    const whereClauses = plan.termWords ? plan.clauses.slice(0, -1) : plan.clauses;
    for (const clause of whereClauses) conditions.push(clauseWhere(clause, plan.replaced));
    const where = conditions.length === 0 ? undefined : conditions.length === 1 ? conditions[0] : { and: conditions };
    const termWords = plan.termWords ?? plan.clauses.flatMap((clause) => clause.alternatives.flat());
    return {
      term: termWords.join(" "),
      tolerance: plan.termWords ? plan.tolerance : 0,
      properties: [...fields.searchable],
      boost: fields.boost,
      ...(where ? { where } : {}),
    };
  }

  /**
   * The query matched nothing: give the search term one typo, and match earlier words that are in no document by
   * prefix or with one typo. Returns false when there is nothing left to relax.
   */
  async function relax(plan: TextPlan): Promise<boolean> {
    let changed = false;
    if (plan.termWords && plan.tolerance === 0 && plan.termWords.every((word) => word.length >= TYPO_MIN_LENGTH)) {
      plan.tolerance = 1;
      for (const word of plan.termWords) plan.fuzzyWords.add(word);
      changed = true;
    }
    const whereClauses = plan.termWords ? plan.clauses.slice(0, -1) : plan.clauses;
    const all = count(current());
    for (const word of new Set(whereClauses.flatMap((clause) => clause.alternatives.flat()))) {
      const exact = await run({ where: containsWord(word), preflight: true });
      if (exact.count > 0) continue;
      const search = { term: word, properties: [...fields.searchable], limit: all };
      let matches = await run<{ id: string }>({ ...search, tolerance: 0 });
      if (matches.count === 0 && word.length >= TYPO_MIN_LENGTH) {
        matches = await run<{ id: string }>({ ...search, tolerance: 1 });
        plan.fuzzyWords.add(word);
      }
      plan.replaced.set(
        word,
        matches.hits.map((hit) => hit.id),
      );
      changed = true;
    }
    return changed;
  }

  return { run, query, relax };
}

export function createEmbeddedSearchEngine(): SearchEngine {
  patchOramaPrefixCollection();
  let db = createDb();
  const serial = serialWrites();
  const products = textSearch(() => db, PRODUCT_FIELDS);
  const run = (params: OramaQuery & Record<string, unknown>) => products.run<StoredDocument>(params);
  const textQuery = (plan: TextPlan | null, filters: SearchFilters) => products.query(plan, buildOramaWhere(filters));

  async function search(query: SearchQuery): Promise<SearchResult> {
    const started = performance.now();
    const plan = planText(query.q);
    const sort = sortOf(query);
    const activeFacets = SEARCH_FACETS.filter((facet) => isFacetFiltered(query.filters, facet));
    const inactiveFacets = SEARCH_FACETS.filter((facet) => !activeFacets.includes(facet));
    const page = Math.max(1, query.page);

    // Without a price bound, the price range is the main query's own: it fetches every match (no extra scoring or
    // sorting pass) and the page is sliced from them. With one, a second query without the bound gives the range.
    const priceFiltered = query.filters.minPriceCents !== undefined || query.filters.maxPriceCents !== undefined;
    const offset = (page - 1) * query.pageSize;
    const main = () =>
      run({
        ...textQuery(plan, query.filters),
        ...(sort === "relevance" ? {} : { sortBy: SORT_BY[sort] }),
        limit: priceFiltered ? query.pageSize : count(db),
        offset: priceFiltered ? offset : 0,
        facets: facetParams(inactiveFacets),
      });

    let result = await main();
    if (result.count === 0 && plan && (await products.relax(plan))) result = await main();

    const facets = emptyFacets();
    for (const facet of inactiveFacets) facets[facet] = facetCounts(result.facets?.[FACET_FIELDS[facet]]?.values);
    for (const facet of activeFacets) {
      const chosen = facet === "inStock" || facet === "wholesale" ? query.filters[facet] : undefined;
      if (chosen !== undefined) {
        // A yes/no facet: the chosen value's count is the result's total; the other value's is a count with the
        // filter flipped, which is cheaper than counting both over the result without the filter (same numbers).
        const flipped = await run({ ...textQuery(plan, { ...query.filters, [facet]: !chosen }), preflight: true });
        facets[facet] = facetCounts({ [String(chosen)]: result.count, [String(!chosen)]: flipped.count });
        continue;
      }
      const counts = await run({
        ...textQuery(plan, withoutFacetFilter(query.filters, facet)),
        preflight: true,
        facets: facetParams([facet]),
      });
      facets[facet] = facetCounts(counts.facets?.[FACET_FIELDS[facet]]?.values);
    }

    const priceRange = priceRangeOf(
      priceFiltered
        ? (await run({ ...textQuery(plan, withoutPriceFilter(query.filters)), limit: count(db) })).hits
        : result.hits,
    );
    const pageHits = priceFiltered ? result.hits : result.hits.slice(offset, offset + query.pageSize);

    const terms = plan ? highlightTerms(plan) : [];
    return {
      hits: pageHits.map((hit) => ({
        document: toSearchDocument(hit.document),
        highlights: { title: highlight(hit.document.title, terms), summary: highlight(hit.document.summary, terms) },
      })),
      total: result.count,
      facets,
      priceRange,
      tookMs: elapsed(started),
    };
  }

  return {
    name: "embedded",
    async setup() {
      // Nothing to prepare: the index exists from the start and is filled by replaceAll.
    },
    replaceAll(docs) {
      return serial(async () => {
        const fresh = createDb();
        await insertMultiple(fresh, docs.map(toStored), 1000);
        db = fresh;
      });
    },
    upsert(docs) {
      return serial(async () => {
        if (docs.length > 0) await upsertMultiple(db, docs.map(toStored));
      });
    },
    remove(ids) {
      return serial(async () => {
        if (ids.length > 0) await removeMultiple(db, ids);
      });
    },
    search,
    async health() {
      return { ok: true, detail: `embedded (Orama), ${count(db)} documents` };
    },
    organizations: createOrganizationIndex(),
  };
}

function createOrganizationIndex(): OrganizationIndex {
  let db = createOrganizationDb();
  const serial = serialWrites();
  const organizations = textSearch(() => db, ORGANIZATION_FIELDS);

  async function search(query: OrganizationSearchQuery): Promise<OrganizationSearchResult> {
    const started = performance.now();
    const plan = planText(query.q);
    if (!plan) return { hits: [], total: 0, tookMs: elapsed(started) };
    const limit = Math.min(Math.max(1, Math.floor(query.limit) || 1), MAX_ORGANIZATION_HITS);
    const main = () => organizations.run<OrganizationDocument>({ ...organizations.query(plan, {}), limit });
    let result = await main();
    if (result.count === 0 && (await organizations.relax(plan))) result = await main();
    const terms = highlightTerms(plan);
    return {
      hits: result.hits.map(({ document }) => ({
        document: toOrganizationDocument(document),
        highlights: { name: highlight(document.name, terms), region: highlight(document.region, terms) },
      })),
      total: result.count,
      tookMs: elapsed(started),
    };
  }

  return {
    replaceAll(docs) {
      return serial(async () => {
        const fresh = createOrganizationDb();
        await insertMultiple(fresh, docs.map(toOrganizationDocument), 1000);
        db = fresh;
      });
    },
    upsert(docs) {
      return serial(async () => {
        if (docs.length > 0) await upsertMultiple(db, docs.map(toOrganizationDocument));
      });
    },
    remove(ids) {
      return serial(async () => {
        if (ids.length > 0) await removeMultiple(db, ids);
      });
    },
    search,
  };
}

/** The cheapest and dearest price among matching documents (Orama's matches; this only reads their prices). */
function priceRangeOf(hits: { document: StoredDocument }[]): SearchResult["priceRange"] {
  if (hits.length === 0) return null;
  let min = Infinity;
  let max = -Infinity;
  for (const { document } of hits) {
    if (document.minPriceCents < min) min = document.minPriceCents;
    if (document.minPriceCents > max) max = document.minPriceCents;
  }
  return { min, max };
}

function highlightTerms(plan: TextPlan): HighlightTerm[] {
  return plan.clauses
    .flatMap((clause) => clause.alternatives.flat())
    .map((word) => ({ word, tolerance: plan.fuzzyWords.has(word) ? 1 : 0 }));
}

const SORT_BY = {
  "price-asc": { property: "minPriceCents", order: "ASC" },
  "price-desc": { property: "minPriceCents", order: "DESC" },
  newest: { property: "createdAt", order: "DESC" },
} as const;

function facetParams(facets: readonly SearchFacet[]) {
  return Object.fromEntries(facets.map((facet) => [FACET_FIELDS[facet], {}]));
}

type RadixNodeLike = { e: boolean; w: string; d: Set<number>; c: Map<string, RadixNodeLike> };
type FindAllWords = (
  this: RadixNodeLike,
  output: Record<string, number[]>,
  term: string,
  exact?: boolean,
  tolerance?: number,
) => Record<string, number[]>;

/**
 * Orama 3.1.x collects the documents of every word that starts with a search term with `Array.includes` inside a
 * loop (radix.js `findAllWords`), which is quadratic in the number of documents holding a word: a common word in
 * 100,000 products took tens of milliseconds per field. This replaces it, once per process, with the same walk
 * copying each word's document set as it is (a Set has no duplicates to skip). The result is identical (a test
 * compares both on the same tree); the patch only applies while Orama's code still has the quadratic loop, so an
 * Orama release that fixes it is left alone.
 */
export const originalFindAllWords = radix.RadixNode.prototype.findAllWords as unknown as FindAllWords;

export const linearFindAllWords: FindAllWords = function (output, term, exact, tolerance) {
  const stack: RadixNodeLike[] = [this];
  while (stack.length > 0) {
    const node = stack.pop() as RadixNodeLike;
    if (node.e && !(exact && node.w !== term)) {
      const word = node.w;
      const withinTolerance =
        !tolerance ||
        (Math.abs(term.length - word.length) <= tolerance && boundedLevenshtein(term, word, tolerance).isBounded);
      if (withinTolerance) output[word] = Array.from(node.d);
    }
    for (const child of node.c.values()) stack.push(child);
  }
  return output;
};

export function patchOramaPrefixCollection(): boolean {
  const prototype = radix.RadixNode.prototype as unknown as { findAllWords: FindAllWords };
  if (prototype.findAllWords === linearFindAllWords) return true;
  if (!String(originalFindAllWords).includes("docs.includes(docID)")) return false;
  prototype.findAllWords = linearFindAllWords;
  return true;
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 100) / 100;
}
