/**
 * The search port's contract: every SearchEngine implementation must pass this suite over the same fixture.
 * Run by search-embedded.test.ts and search-meilisearch-real.test.ts (each calls `searchContract`). Products and
 * organisations (the engine's second index) each have a fixture and their own part of the suite.
 *
 * Expected sets are computed from the fixture with plain array filters, so a wrong count in an engine cannot hide
 * behind a wrong number typed into a test.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type {
  OrganizationDocument,
  OrganizationSearchResult,
  SearchDocument,
  SearchEngine,
  SearchResult,
} from "~/adapters/search/types";
import { countryName } from "~/domain/countries";
import { makeSearchQuery, type SearchFilters, type SearchQuery } from "~/domain/search-query";

type Producer = { producer: string; producerName: string; organizationKind: string; country: string; region: string };

const SIERRA: Producer = { producer: "sierra-verde", producerName: "Sierra Verde Cooperativa", organizationKind: "PRODUCER", country: "PE", region: "Cajamarca" };
const KIBO: Producer = { producer: "kibo-growers", producerName: "Kibo Growers Union", organizationKind: "PRODUCER", country: "KE", region: "Nyeri" };
const HUILA: Producer = { producer: "huila-collective", producerName: "Huila Collective", organizationKind: "PRODUCER", country: "CO", region: "Huila" };
const FAIRWAY: Producer = { producer: "fairway-hub", producerName: "Fairway Food Hub", organizationKind: "DISTRIBUTOR", country: "GB", region: "Bristol" };
const HILLS: Producer = { producer: "hill-estates", producerName: "Hill Estates Co-op", organizationKind: "PRODUCER", country: "IN", region: "Darjeeling" };
const UMOYA: Producer = { producer: "umoya-farmers", producerName: "Umoya Farmers", organizationKind: "PRODUCER", country: "ZA", region: "Western Cape" };
const ILAM: Producer = { producer: "ilam-tea", producerName: "Ilam Tea Growers", organizationKind: "PRODUCER", country: "NP", region: "Ilam" };
const ANDES: Producer = { producer: "andes-cacao", producerName: "Andes Cacao Workers", organizationKind: "PRODUCER", country: "BO", region: "Yungas" };
const HIVE: Producer = { producer: "hive-commons", producerName: "Hive Commons", organizationKind: "PRODUCER", country: "GB", region: "Devon" };
const KAFFA: Producer = { producer: "kaffa-beekeepers", producerName: "Kaffa Beekeepers", organizationKind: "PRODUCER", country: "ET", region: "Kaffa" };
const OLIVE: Producer = { producer: "olive-union", producerName: "Jenin Olive Union", organizationKind: "SUPPLIER", country: "PS", region: "Jenin" };
const WEAVERS: Producer = { producer: "weavers-union", producerName: "Weavers Union", organizationKind: "SUPPLIER", country: "NP", region: "Kathmandu" };

const CATEGORY_NAMES: Record<string, string> = {
  coffee: "Coffee",
  tea: "Tea",
  chocolate: "Chocolate",
  honey: "Honey",
  "olive-oil": "Olive oil",
  crafts: "Crafts",
};

let clock = Date.UTC(2026, 0, 1);

function product(
  id: string,
  category: string,
  from: Producer,
  title: string,
  summary: string,
  fields: { labels?: string[]; price: number; inStock?: boolean; wholesale?: boolean; description?: string },
): SearchDocument {
  clock += 86_400_000; // one product a day, in fixture order: the last one is the newest
  return {
    id,
    slug: id,
    title,
    summary,
    description: fields.description ?? "Packed by the co-op and sold at a fair price.",
    category,
    categoryName: CATEGORY_NAMES[category],
    labels: fields.labels ?? [],
    ...from,
    brands: [],
    minPriceCents: fields.price,
    wholesale: fields.wholesale ?? false,
    inStock: fields.inStock ?? true,
    createdAt: clock,
  };
}

/** 30 products: six categories, four labels, twelve producers, distinct prices and dates, some out of stock. */
export const FIXTURE: SearchDocument[] = [
  product("c1", "coffee", SIERRA, "Sierra Verde washed coffee", "Bright and sweet, grown at 1,800 m.", { labels: ["fairtrade", "organic"], price: 1290, wholesale: true }),
  product("c2", "coffee", SIERRA, "Cusco dark roast coffee", "A bold roast for the morning.", { labels: ["fairtrade"], price: 1150 }),
  product("c3", "coffee", KIBO, "Kibo peaberry coffee", "Round beans with a blackcurrant note.", { labels: ["organic"], price: 1490, inStock: false, wholesale: true }),
  product("c4", "coffee", FAIRWAY, "Espresso blend coffee beans", "Roasted in Bristol for a thick crema.", { price: 990, wholesale: true }),
  product("c5", "coffee", SIERRA, "Decaf coffee, Swiss water process", "All the flavour, none of the caffeine.", { labels: ["organic"], price: 1390 }),
  product("c6", "coffee", KIBO, "Women's harvest coffee", "Grown and sorted by the union's women members.", { labels: ["women-led", "fairtrade"], price: 1350 }),
  product("c7", "coffee", HUILA, "Honey-processed coffee from Huila", "Dried with its fruit for a syrupy cup.", { labels: ["fairtrade"], price: 1590 }),
  product("c8", "coffee", FAIRWAY, "Cold brew coffee pouches", "Steep overnight in the fridge.", { price: 850, inStock: false }),
  product("t1", "tea", HILLS, "Darjeeling first flush tea", "Light, floral and muscatel.", { labels: ["fairtrade", "organic"], price: 1090 }),
  product("t2", "tea", HILLS, "Assam breakfast tea", "Malty and strong, good with milk.", { labels: ["fairtrade"], price: 590, wholesale: true }),
  product("t3", "tea", HILLS, "Green tea with jasmine", "Scented with fresh blossoms.", { labels: ["organic"], price: 720, inStock: false }),
  product("t4", "tea", UMOYA, "Rooibos chai", "A caffeine-free infusion with warming spice.", { labels: ["women-led"], price: 640 }),
  product("t5", "tea", ILAM, "Mountain herbal tea", "Nettle, mint and lemon balm.", { price: 480, description: "A gentle alternative to coffee in the afternoon." }),
  product("t6", "tea", FAIRWAY, "Tea & biscuits <gift set>", "A tin of breakfast tea with shortbread.", { price: 1850 }),
  product("h1", "chocolate", ANDES, "Dark chocolate 70%", "Single-estate beans from the Yungas.", { labels: ["fairtrade", "organic"], price: 350, wholesale: true }),
  product("h2", "chocolate", ANDES, "Milk chocolate with sea salt", "Creamy with a crunch of salt.", { labels: ["fairtrade"], price: 320 }),
  product("h3", "chocolate", ANDES, "Cacao nibs", "Roasted nibs for baking and for chocolate lovers.", { labels: ["organic"], price: 690 }),
  product("h4", "chocolate", ANDES, "Drinking chocolate", "Melts into hot milk.", { labels: ["women-led"], price: 780, wholesale: true }),
  product("h5", "chocolate", FAIRWAY, "White chocolate buttons", "Small buttons for baking.", { price: 299 }),
  product("h6", "chocolate", ANDES, "Chocolate hazelnut spread", "No palm oil.", { labels: ["worker-owned"], price: 540, inStock: false }),
  product("y1", "honey", HIVE, "Raw wildflower honey", "Unheated and unfiltered.", { labels: ["organic"], price: 860 }),
  product("y2", "honey", HIVE, "Set heather honey", "From the moors in late summer.", { price: 920 }),
  product("y3", "honey", HIVE, "Honeycomb in a jar", "Cut straight from the frame.", { labels: ["worker-owned"], price: 1450 }),
  product("y4", "honey", KAFFA, "Forest honey from Ethiopia", "Collected from hives in the Kaffa forest.", { labels: ["fairtrade", "organic"], price: 1190, wholesale: true }),
  product("o1", "olive-oil", OLIVE, "Extra virgin olive oil, early harvest", "Peppery and green.", { labels: ["fairtrade", "organic"], price: 1690, wholesale: true }),
  product("o2", "olive-oil", OLIVE, "Za'atar and olive oil dipping kit", "Thyme, sumac and sesame with a bottle of oil.", { labels: ["fairtrade"], price: 1250 }),
  product("o3", "olive-oil", OLIVE, "Green olives in brine", "Cracked and marinated with lemon.", { price: 560 }),
  product("w1", "crafts", WEAVERS, "Hand-woven alpaca scarf", "Naturally dyed in small batches.", { labels: ["women-led", "worker-owned"], price: 4500 }),
  product("w2", "crafts", WEAVERS, "Felt wool slippers", "Warm, light and made to last.", { labels: ["worker-owned"], price: 3200, inStock: false }),
  product("w3", "crafts", OLIVE, "Olive wood serving board", "Carved from pruned branches.", { price: 2800 }),
];

function organization(
  slug: string,
  name: string,
  kind: string,
  legalForm: string,
  country: string,
  region: string,
  story: string,
): OrganizationDocument {
  return { id: `org-${slug}`, slug, name, kind, legalForm, country, countryName: countryName(country), region, story };
}

/**
 * Ten organisations. Two decoys for "sierra verde": one has "Sierra" without "Verde", one "Verde" without "Sierra".
 * "Union" is in three names and one story.
 */
export const ORGANIZATIONS: OrganizationDocument[] = [
  organization("sierra-verde", "Sierra Verde Cooperativa", "PRODUCER", "PRODUCER_COOP", "PE", "Cajamarca", "Smallholder families growing coffee above San Ignacio."),
  organization("sierra-nevada", "Sierra Nevada Beekeepers", "PRODUCER", "WORKER_COOP", "ES", "Granada", "Hives on the southern slopes, moved with the flowering."),
  organization("valle-verde", "Valle Verde Growers", "PRODUCER", "PRODUCER_COOP", "MX", "Oaxaca", "Shade-grown beans dried on patios."),
  organization("kibo-growers", "Kibo Growers Union", "PRODUCER", "PRODUCER_COOP", "KE", "Nyeri", "Coffee farmers sharing a wet mill since 1998."),
  organization("olive-union", "Jenin Olive Union", "SUPPLIER", "PRODUCER_COOP", "PS", "Jenin", "Presses oil from members' groves each autumn."),
  organization("weavers-union", "Weavers Union", "SUPPLIER", "WORKER_COOP", "NP", "Kathmandu", "Hand looms and natural dyes."),
  organization("andes-cacao", "Andes Cacao Workers", "PRODUCER", "WORKER_COOP", "BO", "Yungas", "Ferment and dry beans for chocolate makers."),
  organization("fairway-hub", "Fairway Food Hub", "DISTRIBUTOR", "MULTI_STAKEHOLDER_COOP", "GB", "Bristol", "Delivers for every union and co-op in the South West."),
  organization("hive-commons", "Hive Commons", "PRODUCER", "SOCIAL_ENTERPRISE", "GB", "Devon", "Beekeepers selling raw heather honey."),
  organization("bread-roses", "Bread & Roses <Bakers> Collective", "BUYING_COOP", "CONSUMER_COOP", "DE", "Berlin", "Neighbours buying flour and oil together."),
];

function organizationIds(result: OrganizationSearchResult): string[] {
  return result.hits.map((hit) => hit.document.slug);
}

function ids(result: SearchResult): string[] {
  return result.hits.map((hit) => hit.document.id);
}

/** The fixture's ids matching filters, by plain array filtering (the reference the engines are checked against). */
function reference(filters: SearchFilters, docs: SearchDocument[] = FIXTURE): SearchDocument[] {
  return docs.filter(
    (doc) =>
      (!filters.category || filters.category.includes(doc.category)) &&
      (!filters.label || filters.label.some((label) => doc.labels.includes(label))) &&
      (!filters.producer || filters.producer.includes(doc.producer)) &&
      (!filters.country || filters.country.includes(doc.country)) &&
      (!filters.organizationKind || filters.organizationKind.includes(doc.organizationKind)) &&
      (filters.inStock === undefined || doc.inStock === filters.inStock) &&
      (filters.wholesale === undefined || doc.wholesale === filters.wholesale) &&
      (filters.minPriceCents === undefined || doc.minPriceCents >= filters.minPriceCents) &&
      (filters.maxPriceCents === undefined || doc.minPriceCents <= filters.maxPriceCents),
  );
}

function countsBy(docs: SearchDocument[], values: (doc: SearchDocument) => string[]) {
  const counts = new Map<string, number>();
  for (const doc of docs) for (const value of values(doc)) counts.set(value, (counts.get(value) ?? 0) + 1);
  return Object.fromEntries(counts);
}

function asRecord(counts: { value: string; count: number }[]) {
  return Object.fromEntries(counts.map(({ value, count }) => [value, count]));
}

function sortedIds(docs: SearchDocument[]) {
  return docs.map((doc) => doc.id).sort();
}

export function searchContract(name: string, makeEngine: () => Promise<SearchEngine>) {
  describe(`search contract: ${name}`, () => {
    let engine: SearchEngine;
    const search = (partial: Partial<SearchQuery>) => engine.search(makeSearchQuery({ pageSize: 100, ...partial }));

    beforeAll(async () => {
      engine = await makeEngine();
      await engine.setup();
      await engine.replaceAll(FIXTURE);
      await engine.organizations.replaceAll(ORGANIZATIONS);
    });

    it("reports itself healthy", async () => {
      const health = await engine.health();
      expect(health.ok).toBe(true);
      expect(health.detail).toMatch(/30/);
    });

    it("an empty query returns every product, newest first", async () => {
      const result = await search({ q: "" });
      expect(result.total).toBe(FIXTURE.length);
      expect(ids(result)).toEqual([...FIXTURE].reverse().map((doc) => doc.id));
    });

    it("finds an exact word, matches in titles first", async () => {
      const result = await search({ q: "coffee" });
      const coffee = FIXTURE.filter((doc) => doc.category === "coffee").map((doc) => doc.id);
      // Every coffee product (all say so in the title) and the tea whose description mentions coffee, last.
      expect(result.total).toBe(coffee.length + 1);
      expect(ids(result).slice(0, coffee.length).sort()).toEqual([...coffee].sort());
      expect(ids(result).at(-1)).toBe("t5");
    });

    it("forgives a typo: “cofee” finds coffee, coffee first", async () => {
      const result = await search({ q: "cofee" });
      const coffee = FIXTURE.filter((doc) => doc.category === "coffee").map((doc) => doc.id);
      expect(ids(result)).toEqual(expect.arrayContaining(coffee));
      expect(result.hits[0].document.category).toBe("coffee");
      expect(ids(result).slice(0, coffee.length).sort()).toEqual([...coffee].sort());
    });

    it("matches a word being typed by its start: “choc” finds the chocolate", async () => {
      const result = await search({ q: "choc" });
      const chocolate = FIXTURE.filter((doc) => doc.category === "chocolate").map((doc) => doc.id);
      expect(ids(result).sort()).toEqual([...chocolate].sort());
      // "Cacao nibs" only mentions chocolate in its summary: the title matches rank above it.
      expect(ids(result).at(-1)).toBe("h3");
    });

    it("requires every word: “organic honey” is honey that is organic", async () => {
      const result = await search({ q: "organic honey" });
      expect(ids(result).sort()).toEqual(["y1", "y4"]);
    });

    it("forgives a typo in an earlier word: “orgnic honey”", async () => {
      expect(ids(await search({ q: "orgnic honey" })).sort()).toEqual(["y1", "y4"]);
    });

    it("searches label, producer and category names", async () => {
      expect(ids(await search({ q: "women" })).sort()).toEqual(
        sortedIds(FIXTURE.filter((doc) => doc.labels.includes("women-led"))),
      );
      expect(ids(await search({ q: "Hive Commons" })).sort()).toEqual(["y1", "y2", "y3"]);
      expect((await search({ q: "olive oil" })).hits.map((hit) => hit.document.id)).toEqual(
        expect.arrayContaining(["o1", "o2"]),
      );
    });

    it("applies synonyms: “cocoa” finds cacao, “evoo” finds extra virgin olive oil", async () => {
      expect(ids(await search({ q: "cocoa" }))).toContain("h3");
      expect(ids(await search({ q: "evoo" }))).toEqual(["o1"]);
    });

    it("finds nothing for a word in no product, with empty facets", async () => {
      const result = await search({ q: "xylophone" });
      expect(result.total).toBe(0);
      expect(result.hits).toEqual([]);
      expect(result.priceRange).toBeNull();
      expect(result.facets.category).toEqual([]);
    });

    it("counts facet values over the whole result", async () => {
      const result = await search({ q: "" });
      expect(asRecord(result.facets.category)).toEqual(countsBy(FIXTURE, (doc) => [doc.category]));
      expect(asRecord(result.facets.label)).toEqual(countsBy(FIXTURE, (doc) => doc.labels));
      expect(asRecord(result.facets.producer)).toEqual(countsBy(FIXTURE, (doc) => [doc.producer]));
      expect(asRecord(result.facets.country)).toEqual(countsBy(FIXTURE, (doc) => [doc.country]));
      expect(asRecord(result.facets.organizationKind)).toEqual(countsBy(FIXTURE, (doc) => [doc.organizationKind]));
      expect(asRecord(result.facets.inStock)).toEqual(countsBy(FIXTURE, (doc) => [String(doc.inStock)]));
      expect(asRecord(result.facets.wholesale)).toEqual(countsBy(FIXTURE, (doc) => [String(doc.wholesale)]));
      expect(result.facets.brand).toEqual([]);
      // Most frequent first.
      expect(result.facets.category[0]).toEqual({ value: "coffee", count: 8 });
      expect(result.priceRange).toEqual({ min: 299, max: 4500 });
    });

    it("counts a filtered facet without its own filter (disjunctive) and the others with it", async () => {
      const filters: SearchFilters = { category: ["coffee"], label: ["fairtrade"] };
      const result = await search({ q: "", filters });
      expect(ids(result).sort()).toEqual(sortedIds(reference(filters)));
      // Category counts ignore the category filter, label counts ignore the label filter…
      expect(asRecord(result.facets.category)).toEqual(
        countsBy(reference({ label: ["fairtrade"] }), (doc) => [doc.category]),
      );
      expect(asRecord(result.facets.label)).toEqual(countsBy(reference({ category: ["coffee"] }), (doc) => doc.labels));
      // …and every other facet counts the result itself.
      expect(asRecord(result.facets.producer)).toEqual(countsBy(reference(filters), (doc) => [doc.producer]));
      expect(asRecord(result.facets.inStock)).toEqual(countsBy(reference(filters), (doc) => [String(doc.inStock)]));
    });

    it("ORs the values of one facet", async () => {
      const filters: SearchFilters = { category: ["coffee", "tea"] };
      const result = await search({ q: "", filters });
      expect(result.total).toBe(14);
      expect(ids(result).sort()).toEqual(sortedIds(reference(filters)));
    });

    it("ANDs different facets", async () => {
      const filters: SearchFilters = { category: ["coffee", "tea"], label: ["organic", "women-led"], country: ["PE", "KE", "IN"] };
      const result = await search({ q: "", filters });
      expect(ids(result).sort()).toEqual(sortedIds(reference(filters)));
      expect(result.total).toBe(reference(filters).length);
      expect(result.total).toBeGreaterThan(2);
    });

    it("combines words and filters", async () => {
      const result = await search({ q: "coffee", filters: { producer: ["sierra-verde"], label: ["organic"] } });
      expect(ids(result).sort()).toEqual(["c1", "c5"]);
    });

    it("filters by a price range, and reports the range without it", async () => {
      const filters: SearchFilters = { category: ["coffee"], minPriceCents: 1000, maxPriceCents: 1400 };
      const result = await search({ q: "", filters });
      expect(ids(result).sort()).toEqual(sortedIds(reference(filters)));
      for (const hit of result.hits) {
        expect(hit.document.minPriceCents).toBeGreaterThanOrEqual(1000);
        expect(hit.document.minPriceCents).toBeLessThanOrEqual(1400);
      }
      expect(result.priceRange).toEqual({ min: 850, max: 1590 });
      const below = await search({ q: "", filters: { maxPriceCents: 500 } });
      expect(ids(below).sort()).toEqual(sortedIds(reference({ maxPriceCents: 500 })));
    });

    it("filters by stock and by wholesale availability", async () => {
      const inStock = await search({ q: "", filters: { inStock: true } });
      expect(ids(inStock).sort()).toEqual(sortedIds(reference({ inStock: true })));
      expect(asRecord(inStock.facets.inStock)).toEqual(countsBy(FIXTURE, (doc) => [String(doc.inStock)]));
      const soldOut = await search({ q: "", filters: { inStock: false, wholesale: true } });
      expect(ids(soldOut).sort()).toEqual(sortedIds(reference({ inStock: false, wholesale: true })));
      expect(ids(soldOut).sort()).toEqual(["c3"]);
    });

    it("sorts by price, both ways", async () => {
      const ascending = await search({ q: "", sort: "price-asc" });
      const prices = ascending.hits.map((hit) => hit.document.minPriceCents);
      expect(prices).toEqual([...prices].sort((a, b) => a - b));
      expect(prices[0]).toBe(299);
      const descending = await search({ q: "chocolate", sort: "price-desc" });
      const chocolate = descending.hits.map((hit) => hit.document.minPriceCents);
      expect(chocolate).toEqual([...chocolate].sort((a, b) => b - a));
      expect(chocolate.length).toBeGreaterThanOrEqual(5);
    });

    it("sorts by newest", async () => {
      const result = await search({ q: "tea", sort: "newest" });
      const dates = result.hits.map((hit) => hit.document.createdAt);
      expect(dates.length).toBeGreaterThanOrEqual(6);
      expect(dates).toEqual([...dates].sort((a, b) => b - a));
    });

    it("pages through results with a stable total", async () => {
      const pages = await Promise.all(
        [1, 2, 3, 4].map((page) => engine.search(makeSearchQuery({ q: "", page, pageSize: 12 }))),
      );
      for (const page of pages) expect(page.total).toBe(30);
      expect(pages.map((page) => page.hits.length)).toEqual([12, 12, 6, 0]);
      const seen = pages.flatMap(ids);
      expect(new Set(seen).size).toBe(30);
      expect(seen).toEqual([...FIXTURE].reverse().map((doc) => doc.id));
    });

    it("highlights matched words with <mark> and escapes everything else", async () => {
      const coffee = await search({ q: "coffee" });
      expect(coffee.hits[0].highlights.title).toMatch(/<mark>coffee<\/mark>/i);
      expect(typeof coffee.hits[0].highlights.summary).toBe("string");
      const gift = await search({ q: "gift" });
      expect(ids(gift)).toEqual(["t6"]);
      expect(gift.hits[0].highlights.title).toBe("Tea &amp; biscuits &lt;<mark>gift</mark> set&gt;");
      expect(gift.hits[0].highlights.summary).toBe("A tin of breakfast tea with shortbread.");
      expect(gift.hits[0].document.title).toBe("Tea & biscuits <gift set>");
    });

    it("returns the documents as indexed", async () => {
      const result = await search({ q: "peaberry" });
      expect(result.hits.map((hit) => hit.document)).toEqual([FIXTURE.find((doc) => doc.id === "c3")]);
    });

    describe("writes", () => {
      beforeEach(async () => {
        await engine.replaceAll(FIXTURE);
      });
      afterAll(async () => {
        await engine.replaceAll(FIXTURE);
      });

      it("upsert replaces a document: found by its new words, not its old", async () => {
        const before = FIXTURE.find((doc) => doc.id === "c4") as SearchDocument;
        await engine.upsert([{ ...before, title: "Zanzibar blend coffee beans", minPriceCents: 1010 }]);
        const renamed = await search({ q: "zanzibar" });
        expect(ids(renamed)).toEqual(["c4"]);
        expect(renamed.hits[0].document.minPriceCents).toBe(1010);
        expect((await search({ q: "espresso" })).total).toBe(0);
        expect((await search({ q: "" })).total).toBe(30);
      });

      it("upsert adds a new document", async () => {
        const added = { ...FIXTURE[0], id: "n1", slug: "n1", title: "Quinoa from the altiplano", createdAt: clock + 86_400_000 };
        await engine.upsert([added]);
        expect(ids(await search({ q: "quinoa" }))).toEqual(["n1"]);
        const all = await search({ q: "" });
        expect(all.total).toBe(31);
        expect(ids(all)[0]).toBe("n1");
      });

      it("remove drops documents and ignores unknown ids", async () => {
        await engine.remove(["y2", "no-such-product"]);
        expect((await search({ q: "heather" })).total).toBe(0);
        const honey = await search({ q: "", filters: { category: ["honey"] } });
        expect(ids(honey).sort()).toEqual(["y1", "y3", "y4"]);
        expect((await search({ q: "" })).total).toBe(29);
      });

      it("replaceAll swaps the whole index", async () => {
        await engine.replaceAll(FIXTURE.slice(0, 3));
        expect((await search({ q: "" })).total).toBe(3);
        expect((await search({ q: "honey" })).total).toBe(0);
      });
    });

    describe("organisations", () => {
      const findOrganizations = (q: string, limit = 10) => engine.organizations.search({ q, limit });

      it("forgives a half-typed last word: “sierra verd” finds Sierra Verde and neither decoy", async () => {
        const result = await findOrganizations("sierra verd");
        expect(organizationIds(result)).toEqual(["sierra-verde"]);
        expect(result.total).toBe(1);
        expect(result.hits[0].highlights.name).toMatch(/^<mark>Sierra<\/mark> <mark>Verd/);
        expect(result.hits[0].highlights.name).toMatch(/ Cooperativa$/);
        expect(result.hits[0].highlights.region).toBe("Cajamarca");
      });

      it("forgives a typo in a word: “siera verde” and “sierra verdi”", async () => {
        expect(organizationIds(await findOrganizations("siera verde"))).toEqual(["sierra-verde"]);
        expect(organizationIds(await findOrganizations("sierra verdi"))).toEqual(["sierra-verde"]);
      });

      it("matches a word being typed by its start: “kib” finds Kibo", async () => {
        const result = await findOrganizations("kib");
        expect(organizationIds(result)).toEqual(["kibo-growers"]);
        expect(result.hits[0].highlights.name).toMatch(/^<mark>Kib/);
      });

      it("finds nothing for a word in no organisation, and nothing for no words", async () => {
        expect(await findOrganizations("xylophone")).toMatchObject({ hits: [], total: 0 });
        expect(await findOrganizations("")).toMatchObject({ hits: [], total: 0 });
        expect(await findOrganizations("  ,; ")).toMatchObject({ hits: [], total: 0 });
      });

      it("searches the region, the country's name and the story; names rank first", async () => {
        expect(organizationIds(await findOrganizations("cajamarca"))).toEqual(["sierra-verde"]);
        expect(organizationIds(await findOrganizations("kenya"))).toEqual(["kibo-growers"]);
        const union = await findOrganizations("union");
        expect(union.total).toBe(4);
        expect(organizationIds(union).slice(0, 3).sort()).toEqual(["kibo-growers", "olive-union", "weavers-union"]);
        expect(organizationIds(union).at(-1)).toBe("fairway-hub");
      });

      it("returns at most `limit` hits, the best ones, with the full total", async () => {
        const result = await findOrganizations("union", 2);
        expect(result.total).toBe(4);
        expect(result.hits).toHaveLength(2);
        expect(organizationIds(result)).not.toContain("fairway-hub");
      });

      it("applies the synonyms: “cocoa” finds Andes Cacao Workers", async () => {
        expect(organizationIds(await findOrganizations("cocoa"))).toEqual(["andes-cacao"]);
      });

      it("highlights with <mark>, escapes everything else, and returns documents as indexed", async () => {
        const roses = await findOrganizations("roses");
        expect(roses.hits[0].highlights.name).toBe("Bread &amp; <mark>Roses</mark> &lt;Bakers&gt; Collective");
        expect(roses.hits[0].document).toEqual(ORGANIZATIONS.find((doc) => doc.slug === "bread-roses"));
        const kibo = await findOrganizations("nyeri");
        expect(kibo.hits[0].highlights).toEqual({ name: "Kibo Growers Union", region: "<mark>Nyeri</mark>" });
      });

      it("is an index of its own: organisations never show among products, nor products among them", async () => {
        expect((await search({ q: "nevada" })).total).toBe(0);
        expect(organizationIds(await findOrganizations("nevada"))).toEqual(["sierra-nevada"]);
        expect((await findOrganizations("peaberry")).total).toBe(0);
      });

      describe("writes", () => {
        beforeEach(async () => {
          await engine.replaceAll(FIXTURE);
          await engine.organizations.replaceAll(ORGANIZATIONS);
        });
        afterAll(async () => {
          await engine.replaceAll(FIXTURE);
          await engine.organizations.replaceAll(ORGANIZATIONS);
        });

        it("upsert replaces an organisation: found by its new name, not its old", async () => {
          const hive = ORGANIZATIONS.find((doc) => doc.slug === "hive-commons") as OrganizationDocument;
          await engine.organizations.upsert([{ ...hive, name: "Zanzibar Apiary" }]);
          expect(organizationIds(await findOrganizations("zanzibar"))).toEqual(["hive-commons"]);
          expect((await findOrganizations("commons")).total).toBe(0);
        });

        it("upsert adds an organisation, remove drops some and ignores unknown ids", async () => {
          await engine.organizations.upsert([{ ...ORGANIZATIONS[0], id: "org-new", slug: "quinoa-altiplano", name: "Quinoa Altiplano" }]);
          expect(organizationIds(await findOrganizations("quinoa"))).toEqual(["quinoa-altiplano"]);
          await engine.organizations.remove(["org-kibo-growers", "no-such-organisation"]);
          expect((await findOrganizations("kibo")).total).toBe(0);
          expect((await findOrganizations("union")).total).toBe(3);
        });

        it("replaceAll swaps the organisations and leaves the products alone, and the other way round", async () => {
          await engine.organizations.replaceAll(ORGANIZATIONS.slice(0, 2));
          expect((await findOrganizations("union")).total).toBe(0);
          expect(organizationIds(await findOrganizations("sierra")).sort()).toEqual(["sierra-nevada", "sierra-verde"]);
          expect((await search({ q: "" })).total).toBe(30);
          await engine.replaceAll(FIXTURE.slice(0, 3));
          expect(organizationIds(await findOrganizations("sierra")).sort()).toEqual(["sierra-nevada", "sierra-verde"]);
        });
      });
    });
  });
}
