import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_PAGE_SIZE,
  MAX_VALUES_PER_FILTER,
  SEARCH_SORTS,
  isFacetFiltered,
  makeSearchQuery,
  parseSearchQuery,
  searchQuerySchema,
  toSearchParams,
  withoutFacetFilter,
  withoutPriceFilter,
  type SearchQuery,
} from "~/domain/search-query";

const parse = (query: string) => parseSearchQuery(new URLSearchParams(query));

describe("parseSearchQuery", () => {
  it("gives the defaults for an empty query string", () => {
    expect(parse("")).toEqual({ q: "", filters: {}, sort: "relevance", page: 1, pageSize: DEFAULT_PAGE_SIZE });
  });

  it("reads every parameter", () => {
    expect(
      parse(
        "q=dark+chocolate&category=chocolate&category=coffee&label=fairtrade&producer=andes-cacao&country=bo" +
          "&organizationKind=producer&brand=andes-collective&inStock=1&wholesale=true&minPrice=2.50&maxPrice=12" +
          "&sort=price-asc&page=3&pageSize=48",
      ),
    ).toEqual({
      q: "dark chocolate",
      filters: {
        category: ["chocolate", "coffee"],
        label: ["fairtrade"],
        producer: ["andes-cacao"],
        country: ["BO"],
        organizationKind: ["PRODUCER"],
        brand: ["andes-collective"],
        inStock: true,
        wholesale: true,
        minPriceCents: 250,
        maxPriceCents: 1200,
      },
      sort: "price-asc",
      page: 3,
      pageSize: 48,
    });
  });

  it("accepts a query string or a record as well as URLSearchParams", () => {
    expect(parseSearchQuery("q=tea&label=organic&label=spp").filters.label).toEqual(["organic", "spp"]);
    expect(parseSearchQuery({ q: "tea", category: ["tea", "coffee"], inStock: "1" })).toMatchObject({
      q: "tea",
      filters: { category: ["tea", "coffee"], inStock: true },
    });
  });

  it("tidies the text: whitespace collapsed, control characters dropped, at most 200 characters", () => {
    expect(parse("q=%20%20organic%0A%0D%09coffee%20%20").q).toBe("organic coffee");
    expect(parse(`q=${"a".repeat(500)}`).q).toHaveLength(200);
    expect(parse("q=a&q=b").q).toBe("a");
  });

  it.each([
    ["category=Coffee", { category: ["coffee"] }],
    ["category=coffee&category=coffee", { category: ["coffee"] }],
    ["category=", {}],
    ["category=-coffee", {}],
    ["category=coffee%20beans", {}],
    ["category=%3Cscript%3E", {}],
    ["label=fair_trade&label=organic", { label: ["organic"] }],
    ["country=UK1&country=pe", { country: ["PE"] }],
    ["country=PER", {}],
    ["organizationKind=BUYING_COOP&organizationKind=ALIEN", { organizationKind: ["BUYING_COOP"] }],
  ])("drops malformed facet values one by one: %s", (query, filters) => {
    expect(parse(query).filters).toEqual(filters);
  });

  it(`keeps at most ${MAX_VALUES_PER_FILTER} values per facet`, () => {
    const query = Array.from({ length: 50 }, (_, i) => `label=l${i}`).join("&");
    expect(parse(query).filters.label).toHaveLength(MAX_VALUES_PER_FILTER);
  });

  it.each([
    ["inStock=1", true],
    ["inStock=true", true],
    ["inStock=on", true],
    ["inStock=0", false],
    ["inStock=false", false],
    ["inStock=maybe", undefined],
    ["inStock=", undefined],
    ["inStock=0&inStock=1", true],
  ])("reads a yes/no flag: %s", (query, expected) => {
    expect(parse(query).filters.inStock).toBe(expected);
  });

  it.each([
    ["minPrice=12.50", { minPriceCents: 1250 }],
    ["minPrice=12,5", { minPriceCents: 1250 }],
    ["minPrice=€7", { minPriceCents: 700 }],
    ["maxPrice=0", { maxPriceCents: 0 }],
    ["minPrice=0", {}],
    ["minPrice=12.999", {}],
    ["minPrice=-5", {}],
    ["minPrice=abc&maxPrice=1e3", {}],
    ["minPrice=20&maxPrice=5", { minPriceCents: 500, maxPriceCents: 2000 }],
  ])("reads prices in euros as cents: %s", (query, expected) => {
    expect(parse(query).filters).toEqual(expected);
  });

  it.each([
    ["sort=newest", "newest"],
    ["sort=price-desc", "price-desc"],
    ["sort=name", "relevance"],
    ["sort=", "relevance"],
  ])("reads the sort: %s", (query, expected) => {
    expect(parse(query).sort).toBe(expected);
  });

  it.each([
    ["page=2", 2, DEFAULT_PAGE_SIZE],
    ["page=0", 1, DEFAULT_PAGE_SIZE],
    ["page=-3", 1, DEFAULT_PAGE_SIZE],
    ["page=2.5", 1, DEFAULT_PAGE_SIZE],
    ["page=abc", 1, DEFAULT_PAGE_SIZE],
    ["page=99999999", 1, DEFAULT_PAGE_SIZE],
    ["pageSize=10", 1, 10],
    ["pageSize=500", 1, 100],
    ["pageSize=0", 1, DEFAULT_PAGE_SIZE],
    ["pageSize=ten", 1, DEFAULT_PAGE_SIZE],
  ])("reads the page and page size: %s", (query, page, pageSize) => {
    expect(parse(query)).toMatchObject({ page, pageSize });
  });

  it("never throws, whatever it is given", () => {
    for (const input of [null, undefined, 42, [], {}, { q: { nested: true } }, { category: 7 }, "%%%", Symbol("x")]) {
      expect(() => searchQuerySchema.parse(input)).not.toThrow();
    }
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string(), fc.string()), { maxLength: 20 }), (pairs) => {
        const query = parseSearchQuery(new URLSearchParams(pairs));
        expect(SEARCH_SORTS).toContain(query.sort);
        expect(query.page).toBeGreaterThanOrEqual(1);
        expect(query.pageSize).toBeGreaterThanOrEqual(1);
        expect(query.pageSize).toBeLessThanOrEqual(100);
      }),
    );
  });
});

describe("toSearchParams", () => {
  it("leaves defaults out", () => {
    expect(toSearchParams(makeSearchQuery()).toString()).toBe("");
    expect(toSearchParams(makeSearchQuery({ q: "tea", filters: { inStock: true }, page: 2 })).toString()).toBe(
      "q=tea&inStock=1&page=2",
    );
  });

  it("round-trips through parseSearchQuery", () => {
    const slug = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/);
    const values = fc.uniqueArray(slug, { maxLength: 4 });
    const query: fc.Arbitrary<SearchQuery> = fc.record({
      q: fc.stringMatching(/^[a-z]+( [a-z]+)?$/),
      filters: fc.record(
        {
          category: values,
          label: values,
          producer: values,
          country: fc.uniqueArray(fc.constantFrom("PE", "GB", "KE"), { minLength: 1 }),
          organizationKind: fc.uniqueArray(fc.constantFrom("PRODUCER", "SUPPLIER"), { minLength: 1 }),
          inStock: fc.boolean(),
          wholesale: fc.boolean(),
          minPriceCents: fc.integer({ min: 1, max: 5000 }),
        },
        { requiredKeys: [] },
      ),
      sort: fc.constantFrom(...SEARCH_SORTS),
      page: fc.integer({ min: 1, max: 50 }),
      pageSize: fc.integer({ min: 1, max: 100 }),
    });
    fc.assert(
      fc.property(query, (original) => {
        const filters = Object.fromEntries(
          Object.entries(original.filters).filter(([, value]) => !Array.isArray(value) || value.length > 0),
        );
        const expected = { ...original, filters };
        expect(parseSearchQuery(toSearchParams(expected))).toEqual(expected);
      }),
    );
  });
});

describe("facet filter helpers", () => {
  it("know which facets are filtered and drop one facet's filter", () => {
    const filters = { category: ["tea"], label: [], inStock: false, minPriceCents: 100, maxPriceCents: 900 };
    expect(isFacetFiltered(filters, "category")).toBe(true);
    expect(isFacetFiltered(filters, "label")).toBe(false);
    expect(isFacetFiltered(filters, "inStock")).toBe(true);
    expect(isFacetFiltered(filters, "wholesale")).toBe(false);
    expect(withoutFacetFilter(filters, "category")).toEqual({ label: [], inStock: false, minPriceCents: 100, maxPriceCents: 900 });
    expect(withoutPriceFilter(filters)).toEqual({ category: ["tea"], label: [], inStock: false });
    expect(filters.category).toEqual(["tea"]);
  });
});

describe("parameters named like Object's own methods", () => {
  it("are ignored instead of crashing the page", () => {
    for (const name of ["constructor", "toString", "__proto__", "hasOwnProperty", "valueOf"]) {
      expect(parseSearchQuery(new URLSearchParams(`${name}=x&q=tea`)).q).toBe("tea");
    }
  });
});
