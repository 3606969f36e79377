import { radix } from "@orama/orama/trees";
import { describe, expect, it } from "vitest";
import {
  buildOramaWhere,
  createEmbeddedSearchEngine,
  linearFindAllWords,
  originalFindAllWords,
  patchOramaPrefixCollection,
  queryClauses,
} from "~/adapters/search/embedded.server";
import { createSearchEngine } from "~/adapters/search/index.server";
import { makeSearchQuery } from "~/domain/search-query";
import { FIXTURE, searchContract } from "./search-contract";

searchContract("embedded (Orama)", async () => createEmbeddedSearchEngine());

describe("embedded engine specifics", () => {
  async function engineWith(extra: typeof FIXTURE) {
    const engine = createEmbeddedSearchEngine();
    await engine.replaceAll([...FIXTURE, ...extra]);
    return engine;
  }
  const toffee = { ...FIXTURE[0], id: "x1", slug: "x1", title: "Butter toffee", summary: "Chewy.", category: "sweets", categoryName: "Sweets" };

  it("uses typo tolerance only when nothing matches as typed: “coffee” does not find toffee", async () => {
    const engine = await engineWith([toffee]);
    const coffee = await engine.search(makeSearchQuery({ q: "coffee", pageSize: 50 }));
    expect(coffee.hits.map((hit) => hit.document.id)).not.toContain("x1");
    const typo = await engine.search(makeSearchQuery({ q: "tofee", pageSize: 50 }));
    expect(typo.hits.map((hit) => hit.document.id)).toEqual(["x1"]);
    expect(typo.hits[0].highlights.title).toBe("Butter <mark>toffee</mark>");
  });

  it("gives short words no typo tolerance", async () => {
    const engine = await engineWith([]);
    // "tae" is one edit from "tea", but three letters is too short to guess from.
    expect((await engine.search(makeSearchQuery({ q: "tae" }))).total).toBe(0);
  });

  it("matches an earlier word that is in no document by its start", async () => {
    const engine = await engineWith([]);
    const result = await engine.search(makeSearchQuery({ q: "darj tea" }));
    expect(result.hits.map((hit) => hit.document.id).sort()).toEqual(["t1", "t2", "t3"]);
  });

  it("is chosen when MEILISEARCH_HOST is not set", () => {
    expect(createSearchEngine({}).name).toBe("embedded");
    expect(createSearchEngine({ MEILISEARCH_HOST: "" }).name).toBe("embedded");
    expect(createSearchEngine({ MEILISEARCH_HOST: "http://127.0.0.1:7700" }).name).toBe("meilisearch");
  });

  it("applies writes in order: an upsert asked for during replaceAll lands in the new index", async () => {
    const engine = await engineWith([]);
    const rebuilt = engine.replaceAll(FIXTURE.slice(0, 5));
    const added = engine.upsert([toffee]);
    const removed = engine.remove(["c1"]);
    await Promise.all([rebuilt, added, removed]);
    const all = await engine.search(makeSearchQuery({ q: "" }));
    expect(all.hits.map((hit) => hit.document.id).sort()).toEqual(["c2", "c3", "c4", "c5", "x1"]);
  });

  it("keeps answering from the old index until replaceAll has built the new one", async () => {
    const engine = await engineWith([]);
    const pending = engine.replaceAll(FIXTURE.slice(0, 2));
    expect((await engine.search(makeSearchQuery({ q: "" }))).total).toBe(30);
    await pending;
    expect((await engine.search(makeSearchQuery({ q: "" }))).total).toBe(2);
  });
});

describe("query planning", () => {
  it("turns words into clauses with their synonyms", () => {
    expect(queryClauses(["dark", "choc"])).toEqual([
      { alternatives: [["dark"]] },
      { alternatives: [["choc"], ["chocolate"]] },
    ]);
    expect(queryClauses(["cold", "extra", "virgin", "olive", "oil"])).toEqual([
      { alternatives: [["cold"]] },
      { alternatives: [["extra", "virgin", "olive", "oil"], ["evoo"]] },
    ]);
    expect(queryClauses(["evoo"])).toEqual([{ alternatives: [["evoo"], ["extra", "virgin", "olive", "oil"]] }]);
  });

  it("builds Orama filters: OR within a facet, AND across", () => {
    expect(
      buildOramaWhere({
        category: ["coffee", "tea"],
        label: ["fairtrade"],
        brand: ["andes"],
        inStock: true,
        wholesale: false,
        minPriceCents: 500,
        maxPriceCents: 900,
      }),
    ).toEqual({
      category: { in: ["coffee", "tea"] },
      labels: { containsAny: ["fairtrade"] },
      brands: { containsAny: ["andes"] },
      inStock: true,
      wholesale: false,
      minPriceCents: { between: [500, 900] },
    });
    expect(buildOramaWhere({ minPriceCents: 500 })).toEqual({ minPriceCents: { gte: 500 } });
    expect(buildOramaWhere({ maxPriceCents: 900 })).toEqual({ minPriceCents: { lte: 900 } });
    expect(buildOramaWhere({ category: [] })).toEqual({});
  });
});

describe("the linear replacement for Orama's prefix collection", () => {
  function tree() {
    const root = new radix.RadixTree();
    const words = ["coffee", "coffees", "coffer", "cocoa", "cacao", "toffee", "tea", "teapot", "team"];
    words.forEach((word, i) => {
      for (let doc = 1; doc <= 40; doc++) if ((doc + i) % 3 !== 0) root.insert(word, doc * 10 + i);
    });
    return root;
  }

  it.each([
    ["co", false, 0],
    ["coffee", false, 0],
    ["coffee", true, 0],
    ["tea", false, 0],
    ["cofee", false, 1],
    ["coffe", false, 1],
    ["x", false, 0],
  ])("gives the same words and documents as Orama's own for %j (exact %s, tolerance %d)", (term, exact, tolerance) => {
    const root = tree();
    const expected = originalFindAllWords.call(root as never, {}, term, exact, tolerance);
    const actual = linearFindAllWords.call(root as never, {}, term, exact, tolerance);
    expect(actual).toEqual(expected);
    // And through Orama's public entry point, with the patch in place.
    patchOramaPrefixCollection();
    expect(root.find({ term, exact, tolerance })).toEqual(
      (() => {
        const proto = radix.RadixNode.prototype as unknown as { findAllWords: unknown };
        const patched = proto.findAllWords;
        proto.findAllWords = originalFindAllWords;
        try {
          return tree().find({ term, exact, tolerance });
        } finally {
          proto.findAllWords = patched;
        }
      })(),
    );
  });

  it("is applied to the Orama build in use", () => {
    expect(patchOramaPrefixCollection()).toBe(true);
    expect(radix.RadixNode.prototype.findAllWords).toBe(linearFindAllWords);
  });
});
