/**
 * The Meilisearch adapter with the real `meilisearch` client, against an HTTP stand-in of Meilisearch's API (MSW).
 * The stand-in records every request and answers the way Meilisearch does (tasks enqueued, then processing, then
 * succeeded or failed; indexes that exist or not), so these tests pin the exact requests the adapter sends and how
 * it reads the answers. Any request the stand-in does not know fails the test (`onUnhandledRequest: "error"`).
 */
import { http, HttpResponse, type DefaultBodyType, type StrictRequest } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createSearchEngine } from "~/adapters/search/index.server";
import {
  buildMeilisearchFilter,
  createMeilisearchEngine,
  quoteFilterValue,
} from "~/adapters/search/meilisearch.server";
import type { OrganizationDocument, SearchDocument, SearchEngine } from "~/adapters/search/types";
import { makeSearchQuery } from "~/domain/search-query";
import { FIXTURE, ORGANIZATIONS } from "./search-contract";

const HOST = "http://meilisearch.test:7700";
const API_KEY = "test-master-key";

type Recorded = { method: string; path: string; query: string; body: unknown; authorization: string | null };
type StandInTask = {
  uid: number;
  indexUid: string | null;
  type: string;
  error: { message: string; code: string; type: string; link: string } | null;
  polls: number;
};

const requests: Recorded[] = [];
const tasks = new Map<number, StandInTask>();
const indexes = new Map<string, Map<string, unknown>>();
let nextTaskUid = 0;
/** Makes the next task of this type fail with this error (one-shot). */
let failNextTask: { type: string; message: string; code: string } | null = null;
let answerMultiSearch: (queries: Record<string, unknown>[]) => unknown[] = (queries) => queries.map(emptyAnswer);
/** The answer to a single-index search (`POST /indexes/:uid/search`) on an index that exists. */
let answerSearch: (uid: string, body: Record<string, unknown>) => Record<string, unknown> = (uid, body) => emptySearchAnswer(body);

function emptySearchAnswer(body: Record<string, unknown>) {
  return {
    hits: [],
    query: body.q,
    processingTimeMs: 0,
    page: body.page,
    hitsPerPage: body.hitsPerPage,
    totalHits: 0,
    totalPages: 0,
  };
}

function emptyAnswer(query: Record<string, unknown>) {
  return {
    indexUid: query.indexUid,
    hits: [],
    query: query.q,
    processingTimeMs: 0,
    ...("limit" in query ? { limit: query.limit, offset: 0, estimatedTotalHits: 0 } : {}),
    ...("page" in query ? { page: query.page, hitsPerPage: query.hitsPerPage, totalHits: 0, totalPages: 0 } : {}),
    facetDistribution: {},
    facetStats: {},
  };
}

async function record(request: StrictRequest<DefaultBodyType>) {
  const url = new URL(request.url);
  const text = await request.clone().text();
  requests.push({
    method: request.method,
    path: url.pathname,
    query: url.search,
    body: text ? JSON.parse(text) : undefined,
    authorization: request.headers.get("authorization"),
  });
  return text ? JSON.parse(text) : undefined;
}

/** Enqueues a task the way Meilisearch does: 202 with a summary; its outcome is decided now, reported on polling. */
function enqueue(type: string, indexUid: string | null, run: () => StandInTask["error"]) {
  const uid = nextTaskUid++;
  let error = run();
  if (!error && failNextTask?.type === type) {
    error = { message: failNextTask.message, code: failNextTask.code, type: "invalid_request", link: "https://docs.meilisearch.com/errors" };
    failNextTask = null;
  }
  tasks.set(uid, { uid, indexUid, type, error, polls: 0 });
  return HttpResponse.json(
    { taskUid: uid, indexUid, status: "enqueued", type, enqueuedAt: new Date().toISOString() },
    { status: 202 },
  );
}

const meiliError = (message: string, code: string) => ({
  message,
  code,
  type: "invalid_request",
  link: `https://docs.meilisearch.com/errors#${code}`,
});

const handlers = [
  http.get(`${HOST}/health`, async ({ request }) => {
    await record(request);
    return HttpResponse.json({ status: "available" });
  }),
  http.get(`${HOST}/tasks/:uid`, async ({ request, params }) => {
    await record(request);
    const task = tasks.get(Number(params.uid));
    if (!task) return HttpResponse.json(meiliError("Task not found.", "task_not_found"), { status: 404 });
    task.polls++;
    // First poll: still processing, so the client has to ask again.
    const status = task.polls === 1 ? "processing" : task.error ? "failed" : "succeeded";
    return HttpResponse.json({
      uid: task.uid,
      batchUid: task.uid,
      indexUid: task.indexUid,
      status,
      type: task.type,
      canceledBy: null,
      details: {},
      error: status === "failed" ? task.error : null,
      duration: status === "processing" ? null : "PT0.001S",
      enqueuedAt: new Date().toISOString(),
      startedAt: new Date().toISOString(),
      finishedAt: status === "processing" ? null : new Date().toISOString(),
    });
  }),
  http.post(`${HOST}/indexes`, async ({ request }) => {
    const body = (await record(request)) as { uid: string };
    return enqueue("indexCreation", body.uid, () => {
      if (indexes.has(body.uid)) return meiliError(`Index \`${body.uid}\` already exists.`, "index_already_exists");
      indexes.set(body.uid, new Map());
      return null;
    });
  }),
  http.delete(`${HOST}/indexes/:uid`, async ({ request, params }) => {
    await record(request);
    const uid = String(params.uid);
    return enqueue("indexDeletion", uid, () =>
      indexes.delete(uid) ? null : meiliError(`Index \`${uid}\` not found.`, "index_not_found"),
    );
  }),
  http.patch(`${HOST}/indexes/:uid/settings`, async ({ request, params }) => {
    await record(request);
    return enqueue("settingsUpdate", String(params.uid), () => null);
  }),
  http.post(`${HOST}/indexes/:uid/documents`, async ({ request, params }) => {
    const docs = (await record(request)) as SearchDocument[];
    const uid = String(params.uid);
    return enqueue("documentAdditionOrUpdate", uid, () => {
      const index = indexes.get(uid) ?? new Map();
      indexes.set(uid, index);
      for (const doc of docs) index.set(doc.id, doc);
      return null;
    });
  }),
  http.post(`${HOST}/indexes/:uid/documents/delete-batch`, async ({ request, params }) => {
    const ids = (await record(request)) as string[];
    const uid = String(params.uid);
    return enqueue("documentDeletion", uid, () => {
      for (const id of ids) indexes.get(uid)?.delete(id);
      return null;
    });
  }),
  http.get(`${HOST}/indexes/:uid/stats`, async ({ request, params }) => {
    await record(request);
    const index = indexes.get(String(params.uid));
    if (!index) return HttpResponse.json(meiliError(`Index \`${params.uid}\` not found.`, "index_not_found"), { status: 404 });
    return HttpResponse.json({ numberOfDocuments: index.size, isIndexing: false, fieldDistribution: {} });
  }),
  http.post(`${HOST}/swap-indexes`, async ({ request }) => {
    const swaps = (await record(request)) as { indexes: [string, string] }[];
    return enqueue("indexSwap", null, () => {
      for (const { indexes: [a, b] } of swaps) {
        const [left, right] = [indexes.get(a), indexes.get(b)];
        if (!left || !right) return meiliError(`Indexes \`${!left ? a : b}\` not found.`, "index_not_found");
        indexes.set(a, right);
        indexes.set(b, left);
      }
      return null;
    });
  }),
  http.post(`${HOST}/indexes/:uid/search`, async ({ request, params }) => {
    const body = (await record(request)) as Record<string, unknown>;
    const uid = String(params.uid);
    if (!indexes.has(uid)) return HttpResponse.json(meiliError(`Index \`${uid}\` not found.`, "index_not_found"), { status: 404 });
    return HttpResponse.json(answerSearch(uid, body));
  }),
  http.post(`${HOST}/multi-search`, async ({ request }) => {
    const body = (await record(request)) as { queries: Record<string, unknown>[] };
    return HttpResponse.json({ results: answerMultiSearch(body.queries) });
  }),
];

const server = setupServer(...handlers);

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());
beforeEach(() => {
  requests.length = 0;
  tasks.clear();
  indexes.clear();
  nextTaskUid = 0;
  failNextTask = null;
  answerMultiSearch = (queries) => queries.map(emptyAnswer);
  answerSearch = (uid, body) => emptySearchAnswer(body);
});
afterEach(() => server.resetHandlers());

function engine(): SearchEngine {
  return createMeilisearchEngine({ host: HOST, apiKey: API_KEY, index: "products", taskPollIntervalMs: 1 });
}

/** The requests that change something (task polls and searches left out), as "METHOD /path?query". */
function writes() {
  return requests
    .filter((request) => !request.path.startsWith("/tasks/") && request.method !== "GET")
    .map((request) => `${request.method} ${request.path}${request.query}`);
}

function lastMultiSearch() {
  const searches = requests.filter((request) => request.path === "/multi-search");
  return (searches.at(-1)?.body as { queries: Record<string, unknown>[] }).queries;
}

const EXPECTED_SETTINGS = {
  searchableAttributes: ["title", "labels", "producerName", "categoryName", "brands", "summary", "description", "region"],
  filterableAttributes: [
    "category",
    "labels",
    "producer",
    "country",
    "organizationKind",
    "brands",
    "inStock",
    "wholesale",
    "minPriceCents",
    "createdAt",
  ],
  sortableAttributes: ["minPriceCents", "createdAt"],
  rankingRules: ["sort", "words", "typo", "proximity", "attribute", "exactness"],
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 4, twoTypos: 9 } },
  synonyms: {
    cocoa: ["cacao"],
    cacao: ["cocoa"],
    chocolate: ["choc"],
    choc: ["chocolate"],
    honey: ["miel"],
    miel: ["honey"],
    evoo: ["extra virgin olive oil"],
    "extra virgin olive oil": ["evoo"],
  },
  pagination: { maxTotalHits: 10_000 },
  faceting: { maxValuesPerFacet: 100, sortFacetValuesBy: { "*": "count" } },
};

const EXPECTED_ORGANIZATION_SETTINGS = {
  searchableAttributes: ["name", "region", "countryName", "story"],
  rankingRules: ["words", "typo", "proximity", "attribute", "exactness"],
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 4, twoTypos: 9 } },
  synonyms: EXPECTED_SETTINGS.synonyms,
  pagination: { maxTotalHits: 10_000 },
};

describe("setup", () => {
  it("creates both indexes (products, then organisations), applies their settings and waits for every task", async () => {
    await engine().setup();
    expect(requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      "POST /indexes",
      "GET /tasks/0",
      "GET /tasks/0",
      "PATCH /indexes/products/settings",
      "GET /tasks/1",
      "GET /tasks/1",
      "POST /indexes",
      "GET /tasks/2",
      "GET /tasks/2",
      "PATCH /indexes/products_organizations/settings",
      "GET /tasks/3",
      "GET /tasks/3",
    ]);
    expect(requests[0].body).toEqual({ uid: "products", primaryKey: "id" });
    expect(requests[3].body).toEqual(EXPECTED_SETTINGS);
    expect(requests[6].body).toEqual({ uid: "products_organizations", primaryKey: "id" });
    expect(requests[9].body).toEqual(EXPECTED_ORGANIZATION_SETTINGS);
    for (const request of requests) expect(request.authorization).toBe(`Bearer ${API_KEY}`);
  });

  it("is safe to run again on existing indexes", async () => {
    await engine().setup();
    await engine().setup();
    const once = [
      "POST /indexes",
      "PATCH /indexes/products/settings",
      "POST /indexes",
      "PATCH /indexes/products_organizations/settings",
    ];
    expect(writes()).toEqual([...once, ...once]);
  });

  it("fails with Meilisearch's message when a task fails", async () => {
    failNextTask = {
      type: "settingsUpdate",
      message: "Attribute `colour` is not filterable.",
      code: "invalid_settings_filterable_attributes",
    };
    await expect(engine().setup()).rejects.toThrow(
      'Meilisearch could not apply the settings of the index "products": Attribute `colour` is not filterable. (invalid_settings_filterable_attributes) [task 1]',
    );
  });
});

describe("writes", () => {
  it("replaceAll fills a temporary index with settings, then swaps it in and deletes the old one", async () => {
    await engine().setup();
    requests.length = 0;
    await engine().replaceAll(FIXTURE);
    expect(writes()).toEqual([
      "DELETE /indexes/products_tmp",
      "POST /indexes",
      "PATCH /indexes/products_tmp/settings",
      "POST /indexes/products_tmp/documents?primaryKey=id",
      "POST /indexes",
      "POST /swap-indexes",
      "DELETE /indexes/products_tmp",
    ]);
    const body = (method: string, path: string) =>
      requests.find((request) => request.method === method && request.path === path)?.body;
    expect(body("POST", "/indexes")).toEqual({ uid: "products_tmp", primaryKey: "id" });
    expect(body("PATCH", "/indexes/products_tmp/settings")).toEqual(EXPECTED_SETTINGS);
    expect(body("POST", "/indexes/products_tmp/documents")).toEqual(FIXTURE);
    expect(body("POST", "/swap-indexes")).toEqual([{ indexes: ["products", "products_tmp"] }]);
    // Every task was waited for: each was polled until it finished.
    for (const task of tasks.values()) expect(task.polls).toBe(2);
    expect(indexes.get("products")?.size).toBe(30);
    expect(indexes.has("products_tmp")).toBe(false);
  });

  it("replaceAll works on a fresh server and sends large sets in batches of 5,000", async () => {
    const many = Array.from({ length: 12_000 }, (_, i) => ({ ...FIXTURE[i % 30], id: `g${i}`, slug: `g${i}` }));
    await engine().replaceAll(many);
    const batches = requests
      .filter((request) => request.path === "/indexes/products_tmp/documents")
      .map((request) => (request.body as unknown[]).length);
    expect(batches).toEqual([5000, 5000, 2000]);
    expect(indexes.get("products")?.size).toBe(12_000);
  });

  it("replaceAll stops at the first failed task and leaves the live index alone", async () => {
    await engine().setup();
    await engine().upsert(FIXTURE);
    failNextTask = { type: "documentAdditionOrUpdate", message: "The `id` field is missing.", code: "missing_document_id" };
    await expect(engine().replaceAll(FIXTURE)).rejects.toThrow(/The `id` field is missing\. \(missing_document_id\)/);
    expect(writes().filter((write) => write.includes("swap"))).toEqual([]);
    expect(indexes.get("products")?.size).toBe(30);
  });

  it("runs writes in order: an upsert asked for during replaceAll goes to the index swapped in", async () => {
    const meili = engine();
    const added = { ...FIXTURE[0], id: "n1", slug: "n1" };
    await Promise.all([meili.replaceAll(FIXTURE.slice(0, 5)), meili.upsert([added])]);
    expect(writes().slice(-2)).toEqual(["DELETE /indexes/products_tmp", "POST /indexes/products/documents?primaryKey=id"]);
    expect([...(indexes.get("products")?.keys() ?? [])].sort()).toEqual(["c1", "c2", "c3", "c4", "c5", "n1"]);
  });

  it("upsert adds documents and waits for them", async () => {
    await engine().upsert(FIXTURE.slice(0, 2));
    expect(writes()).toEqual(["POST /indexes/products/documents?primaryKey=id"]);
    expect(requests[0].body).toEqual(FIXTURE.slice(0, 2));
    expect([...tasks.values()].map((task) => task.polls)).toEqual([2]);
  });

  it("remove deletes by id and waits; nothing to do sends nothing", async () => {
    await engine().remove(["c1", "c2"]);
    await engine().remove([]);
    await engine().upsert([]);
    expect(writes()).toEqual(["POST /indexes/products/documents/delete-batch"]);
    expect(requests[0].body).toEqual(["c1", "c2"]);
  });
});

describe("search requests", () => {
  const ALL_FACETS = ["category", "labels", "producer", "country", "organizationKind", "brands", "inStock", "wholesale"];
  const HIGHLIGHTING = {
    attributesToHighlight: ["title", "summary"],
    highlightPreTag: "<mark>",
    highlightPostTag: "</mark>",
  };

  it("a plain query: relevance, every facet and the price stats, one page", async () => {
    await engine().search(makeSearchQuery({ q: "coffee" }));
    expect(lastMultiSearch()).toEqual([
      {
        indexUid: "products",
        q: "coffee",
        matchingStrategy: "all",
        facets: [...ALL_FACETS, "minPriceCents"],
        page: 1,
        hitsPerPage: 24,
        ...HIGHLIGHTING,
      },
    ]);
  });

  it("an empty query sorts newest first", async () => {
    await engine().search(makeSearchQuery({ q: "", sort: "relevance" }));
    expect(lastMultiSearch()[0].sort).toEqual(["createdAt:desc"]);
    await engine().search(makeSearchQuery({ q: "tea", sort: "newest" }));
    expect(lastMultiSearch()[0].sort).toEqual(["createdAt:desc"]);
    await engine().search(makeSearchQuery({ q: "tea", sort: "price-desc" }));
    expect(lastMultiSearch()[0].sort).toEqual(["minPriceCents:desc"]);
  });

  it("filters: exact filter strings, one count query per filtered facet, one for the price range", async () => {
    await engine().search(
      makeSearchQuery({
        q: "organic",
        filters: { category: ["coffee", "tea"], label: ["fairtrade"], inStock: true, minPriceCents: 500 },
        sort: "price-asc",
        page: 2,
        pageSize: 10,
      }),
    );
    const base = { indexUid: "products", q: "organic", matchingStrategy: "all" };
    expect(lastMultiSearch()).toEqual([
      {
        ...base,
        filter: '(category = "coffee" OR category = "tea") AND labels = "fairtrade" AND inStock = true AND minPriceCents >= 500',
        sort: ["minPriceCents:asc"],
        facets: ["producer", "country", "organizationKind", "brands", "wholesale"],
        page: 2,
        hitsPerPage: 10,
        ...HIGHLIGHTING,
      },
      {
        ...base,
        filter: 'labels = "fairtrade" AND inStock = true AND minPriceCents >= 500',
        facets: ["category"],
        limit: 0,
      },
      {
        ...base,
        filter: '(category = "coffee" OR category = "tea") AND inStock = true AND minPriceCents >= 500',
        facets: ["labels"],
        limit: 0,
      },
      {
        ...base,
        filter: '(category = "coffee" OR category = "tea") AND labels = "fairtrade" AND minPriceCents >= 500',
        facets: ["inStock"],
        limit: 0,
      },
      {
        ...base,
        filter: '(category = "coffee" OR category = "tea") AND labels = "fairtrade" AND inStock = true',
        facets: ["minPriceCents"],
        limit: 0,
      },
    ]);
  });

  it("a lone facet filter: its count query has no filter at all", async () => {
    await engine().search(makeSearchQuery({ q: "", filters: { country: ["PE"] }, pageSize: 100 }));
    const [main, country] = lastMultiSearch();
    expect(main).toMatchObject({ filter: 'country = "PE"', sort: ["createdAt:desc"], hitsPerPage: 100 });
    expect(main.facets).toEqual(["category", "labels", "producer", "organizationKind", "brands", "inStock", "wholesale", "minPriceCents"]);
    expect(country).toEqual({ indexUid: "products", q: "", matchingStrategy: "all", facets: ["country"], limit: 0 });
  });
});

describe("organisations", () => {
  const sierra = ORGANIZATIONS.find((doc) => doc.slug === "sierra-verde") as OrganizationDocument;
  const roses = ORGANIZATIONS.find((doc) => doc.slug === "bread-roses") as OrganizationDocument;

  it("replaceAll rebuilds <index>_organizations through its own temporary index and leaves the products alone", async () => {
    await engine().setup();
    await engine().upsert(FIXTURE);
    requests.length = 0;
    await engine().organizations.replaceAll(ORGANIZATIONS);
    expect(writes()).toEqual([
      "DELETE /indexes/products_organizations_tmp",
      "POST /indexes",
      "PATCH /indexes/products_organizations_tmp/settings",
      "POST /indexes/products_organizations_tmp/documents?primaryKey=id",
      "POST /indexes",
      "POST /swap-indexes",
      "DELETE /indexes/products_organizations_tmp",
    ]);
    const body = (method: string, path: string) =>
      requests.find((request) => request.method === method && request.path === path)?.body;
    expect(body("POST", "/indexes")).toEqual({ uid: "products_organizations_tmp", primaryKey: "id" });
    expect(body("PATCH", "/indexes/products_organizations_tmp/settings")).toEqual(EXPECTED_ORGANIZATION_SETTINGS);
    expect(body("POST", "/indexes/products_organizations_tmp/documents")).toEqual(ORGANIZATIONS);
    expect(body("POST", "/swap-indexes")).toEqual([{ indexes: ["products_organizations", "products_organizations_tmp"] }]);
    for (const task of tasks.values()) expect(task.polls).toBe(2);
    expect(indexes.get("products_organizations")?.size).toBe(ORGANIZATIONS.length);
    expect(indexes.get("products")?.size).toBe(30);
    expect(indexes.has("products_organizations_tmp")).toBe(false);
  });

  it("upsert and remove write to the organisation index and wait; nothing to do sends nothing", async () => {
    await engine().organizations.upsert([sierra]);
    await engine().organizations.remove(["org-sierra-verde", "org-gone"]);
    await engine().organizations.upsert([]);
    await engine().organizations.remove([]);
    expect(writes()).toEqual([
      "POST /indexes/products_organizations/documents?primaryKey=id",
      "POST /indexes/products_organizations/documents/delete-batch",
    ]);
    expect(requests[0].body).toEqual([sierra]);
    expect(requests.find((request) => request.path.endsWith("/delete-batch"))?.body).toEqual(["org-sierra-verde", "org-gone"]);
    expect([...tasks.values()].map((task) => task.polls)).toEqual([2, 2]);
  });

  it("a typo search: one request to the organisation index, the words as typed, all must match, name and region highlighted", async () => {
    await engine().organizations.upsert(ORGANIZATIONS);
    requests.length = 0;
    answerSearch = (uid, body) => ({
      ...emptySearchAnswer(body),
      hits: [{ ...sierra, _formatted: { ...sierra, name: "<mark>Sierra</mark> <mark>Verd</mark>e Cooperativa" } }],
      totalHits: 1,
      totalPages: 1,
    });
    const result = await engine().organizations.search({ q: "sierra verd", limit: 4 });
    expect(requests.map((request) => `${request.method} ${request.path}`)).toEqual(["POST /indexes/products_organizations/search"]);
    expect(requests[0].body).toEqual({
      q: "sierra verd",
      matchingStrategy: "all",
      page: 1,
      hitsPerPage: 4,
      attributesToHighlight: ["name", "region"],
      highlightPreTag: "<mark>",
      highlightPostTag: "</mark>",
    });
    expect(requests[0].authorization).toBe(`Bearer ${API_KEY}`);
    expect(result.total).toBe(1);
    expect(result.hits).toEqual([
      {
        document: sierra,
        highlights: { name: "<mark>Sierra</mark> <mark>Verd</mark>e Cooperativa", region: "Cajamarca" },
      },
    ]);
  });

  it("a prefix search reads the exact total and escapes everything but <mark>", async () => {
    await engine().organizations.upsert(ORGANIZATIONS);
    requests.length = 0;
    answerSearch = (uid, body) => ({
      ...emptySearchAnswer(body),
      hits: [
        { ...roses, _formatted: { ...roses, name: "<mark>Bre</mark>ad & Roses <Bakers> Collective", region: "<b>Berlin</b>" } },
      ],
      totalHits: 7,
      totalPages: 7,
    });
    const result = await engine().organizations.search({ q: "bre", limit: 1 });
    expect(requests[0].body).toMatchObject({ q: "bre", page: 1, hitsPerPage: 1 });
    expect(result.total).toBe(7);
    expect(result.hits[0].document).toEqual(roses);
    expect(result.hits[0].highlights).toEqual({
      name: "<mark>Bre</mark>ad &amp; Roses &lt;Bakers&gt; Collective",
      region: "&lt;b&gt;Berlin&lt;/b&gt;",
    });
  });

  it("no results: an empty answer; no words: no request at all; the limit is kept within 1–100", async () => {
    await engine().organizations.upsert(ORGANIZATIONS);
    requests.length = 0;
    expect(await engine().organizations.search({ q: "xylophone", limit: 4 })).toMatchObject({ hits: [], total: 0 });
    expect(requests.map((request) => request.path)).toEqual(["/indexes/products_organizations/search"]);
    expect(await engine().organizations.search({ q: " ,; ", limit: 4 })).toEqual({ hits: [], total: 0, tookMs: 0 });
    expect(requests).toHaveLength(1);
    await engine().organizations.search({ q: "union", limit: 500 });
    await engine().organizations.search({ q: "union", limit: 0 });
    expect(requests.slice(1).map((request) => (request.body as { hitsPerPage: number }).hitsPerPage)).toEqual([100, 1]);
  });

  it("fails with Meilisearch's message when the organisation index is missing (search:setup not run)", async () => {
    await expect(engine().organizations.search({ q: "sierra", limit: 4 })).rejects.toThrow(
      /Index `products_organizations` not found/,
    );
  });

  it("health still reports on the product index only", async () => {
    await engine().upsert(FIXTURE);
    expect(await engine().health()).toEqual({ ok: true, detail: 'Meilisearch: index "products" holds 30 documents' });
  });

  it("derives the organisation index from MEILISEARCH_INDEX", async () => {
    const configured = createSearchEngine({ MEILISEARCH_HOST: HOST, MEILISEARCH_API_KEY: "scoped-key", MEILISEARCH_INDEX: "catalogue" });
    await configured.organizations.upsert([sierra]);
    await configured.organizations.search({ q: "sierra", limit: 4 });
    expect(writes()).toEqual([
      "POST /indexes/catalogue_organizations/documents?primaryKey=id",
      "POST /indexes/catalogue_organizations/search",
    ]);
  });
});

describe("buildMeilisearchFilter", () => {
  it("ORs values within a facet and ANDs facets, in a fixed order", () => {
    expect(
      buildMeilisearchFilter({
        maxPriceCents: 2000,
        wholesale: false,
        brand: ["andes-collective"],
        organizationKind: ["PRODUCER", "SUPPLIER"],
        producer: ["sierra-verde"],
        country: ["PE"],
        minPriceCents: 500,
      }),
    ).toBe(
      'producer = "sierra-verde" AND country = "PE" AND (organizationKind = "PRODUCER" OR organizationKind = "SUPPLIER") AND brands = "andes-collective" AND wholesale = false AND minPriceCents >= 500 AND minPriceCents <= 2000',
    );
  });

  it("is undefined when nothing is filtered, and ignores empty lists and non-integer prices", () => {
    expect(buildMeilisearchFilter({})).toBeUndefined();
    expect(buildMeilisearchFilter({ category: [], label: [] })).toBeUndefined();
    expect(buildMeilisearchFilter({ minPriceCents: 12.5, maxPriceCents: Number.NaN })).toBeUndefined();
    expect(buildMeilisearchFilter({ maxPriceCents: 0 })).toBe("minPriceCents <= 0");
  });

  it("quotes and escapes values, so a value can never end the string early", () => {
    expect(quoteFilterValue('say "hi"')).toBe('"say \\"hi\\""');
    expect(quoteFilterValue("back\\slash")).toBe('"back\\\\slash"');
    expect(buildMeilisearchFilter({ producer: ['x" OR inStock = false OR producer = "y'] })).toBe(
      'producer = "x\\" OR inStock = false OR producer = \\"y"',
    );
  });
});

describe("search responses", () => {
  const coffee = FIXTURE.find((doc) => doc.id === "c1") as SearchDocument;
  const gift = FIXTURE.find((doc) => doc.id === "t6") as SearchDocument;

  it("maps hits, escaped highlights, disjunctive facets, the price range and the exact total", async () => {
    answerMultiSearch = (queries) => [
      {
        ...emptyAnswer(queries[0]),
        hits: [
          {
            ...gift,
            _formatted: { ...gift, title: "Tea & biscuits <<mark>gift</mark> set>", summary: "A tin of <b>tea</b>" },
          },
          { ...coffee, _formatted: { ...coffee, title: "Sierra Verde washed <mark>coffee</mark>" } },
        ],
        totalHits: 57,
        totalPages: 3,
        facetDistribution: {
          producer: { "fairway-hub": 1, "sierra-verde": 4 },
          inStock: { true: 50, false: 7 },
          brands: {},
        },
      },
      { ...emptyAnswer(queries[1]), estimatedTotalHits: 90, facetDistribution: { category: { tea: 6, coffee: 8, honey: 0 } } },
      { ...emptyAnswer(queries[2]), facetStats: { minPriceCents: { min: 299, max: 4500 } } },
    ];
    const result = await engine().search(
      makeSearchQuery({ q: "gift", filters: { category: ["tea"], maxPriceCents: 2000 }, pageSize: 2 }),
    );
    expect(lastMultiSearch()).toHaveLength(3);
    expect(result.total).toBe(57);
    expect(result.hits.map((hit) => hit.document)).toEqual([gift, coffee]);
    expect(result.hits[0].highlights).toEqual({
      title: "Tea &amp; biscuits &lt;<mark>gift</mark> set&gt;",
      summary: "A tin of &lt;b&gt;tea&lt;/b&gt;",
    });
    // No _formatted summary: the plain text, escaped.
    expect(result.hits[1].highlights).toEqual({
      title: "Sierra Verde washed <mark>coffee</mark>",
      summary: "Bright and sweet, grown at 1,800 m.",
    });
    expect(result.facets.category).toEqual([
      { value: "coffee", count: 8 },
      { value: "tea", count: 6 },
    ]);
    expect(result.facets.producer).toEqual([
      { value: "sierra-verde", count: 4 },
      { value: "fairway-hub", count: 1 },
    ]);
    expect(result.facets.inStock).toEqual([
      { value: "true", count: 50 },
      { value: "false", count: 7 },
    ]);
    expect(result.facets.brand).toEqual([]);
    expect(result.facets.label).toEqual([]);
    expect(result.priceRange).toEqual({ min: 299, max: 4500 });
    expect(result.tookMs).toBeGreaterThanOrEqual(0);
  });

  it("takes the price range from the main query when no price bound is set, and null when nothing matches", async () => {
    answerMultiSearch = (queries) => [
      { ...emptyAnswer(queries[0]), totalHits: 3, facetStats: { minPriceCents: { min: 350, max: 780 } } },
    ];
    expect((await engine().search(makeSearchQuery({ q: "choc" }))).priceRange).toEqual({ min: 350, max: 780 });
    answerMultiSearch = (queries) => queries.map(emptyAnswer);
    const nothing = await engine().search(makeSearchQuery({ q: "xylophone" }));
    expect(nothing).toMatchObject({ total: 0, hits: [], priceRange: null });
  });

  it("passes on Meilisearch's error for a bad search", async () => {
    server.use(
      http.post(`${HOST}/multi-search`, () =>
        HttpResponse.json(meiliError("Attribute `colour` is not filterable.", "invalid_search_filter"), { status: 400 }),
      ),
    );
    await expect(engine().search(makeSearchQuery({ q: "x" }))).rejects.toThrow(/Attribute `colour` is not filterable/);
  });
});

describe("health and selection", () => {
  it("is healthy when the server answers and the index exists", async () => {
    await engine().upsert(FIXTURE);
    expect(await engine().health()).toEqual({
      ok: true,
      detail: 'Meilisearch: index "products" holds 30 documents',
    });
  });

  it("is unhealthy, with the reason, when the index is missing", async () => {
    const health = await engine().health();
    expect(health.ok).toBe(false);
    expect(health.detail).toMatch(/Index `products` not found/);
  });

  it("is unhealthy when the server cannot be reached", async () => {
    server.use(http.get(`${HOST}/health`, () => HttpResponse.error()));
    const health = await engine().health();
    expect(health.ok).toBe(false);
    expect(health.detail).toMatch(/^Meilisearch: .*failed/i);
  });

  it("createSearchEngine uses Meilisearch with the configured host, key and index", async () => {
    const configured = createSearchEngine({ MEILISEARCH_HOST: HOST, MEILISEARCH_API_KEY: "scoped-key", MEILISEARCH_INDEX: "catalogue" });
    expect(configured.name).toBe("meilisearch");
    await configured.search(makeSearchQuery({ q: "tea" }));
    expect(lastMultiSearch()[0].indexUid).toBe("catalogue");
    expect(requests.at(-1)?.authorization).toBe("Bearer scoped-key");
  });
});
