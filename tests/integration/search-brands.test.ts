import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "~/adapters/db.server";
import type { SearchDocument } from "~/adapters/search/types";
import { makeSearchQuery } from "~/domain/search-query";
import { loader as searchLoader } from "~/routes/search";
import { brandsOfProduct } from "~/services/brands.server";
import { expireCertifications } from "~/services/certifications.server";
import { buildSearchDocuments } from "~/services/search-index.server";
import { deliverSearchEvents, searchProducts } from "~/services/search.server";
import { approveBrandProducts, createBrandedCatalog, type BrandedCatalog } from "../support/search-brands";
import { call, get, readJson } from "../support/routes";

const DAY_MS = 86_400_000;

let catalog: BrandedCatalog;

/** What the search engine holds for every listed product, by product slug. */
async function indexedBrands(): Promise<Record<string, string[]>> {
  const result = await searchProducts(makeSearchQuery({ pageSize: 100 }));
  return Object.fromEntries(result.hits.map(({ document }) => [document.slug, document.brands]));
}

type LoaderData = {
  result: { total: number; hits: { document: SearchDocument }[]; facets: { brand: { value: string; count: number }[] } };
  names: { brand?: Record<string, string> };
};

beforeAll(async () => {
  catalog = await createBrandedCatalog();
  // Start the engine (it indexes the database on first use) before any product is approved, so what follows
  // reaches the index through the outbox, as it does in production.
  expect(await indexedBrands()).toEqual({
    "ayllu-puno-quinoa": [],
    "ayllu-maca-powder": [],
    "ayllu-chia-seeds": [],
    "valle-sur-amaranth": [],
  });
  await approveBrandProducts(catalog);
});

afterEach(() => {
  vi.useRealTimers();
});

describe("brands in the search index", () => {
  it("an approved product that meets the standards lists its brands once the outbox is delivered", async () => {
    expect((await indexedBrands())["ayllu-maca-powder"]).toEqual([]); // approved, not delivered yet
    expect((await deliverSearchEvents()).failed).toBe(0);
    expect(await indexedBrands()).toEqual({
      "ayllu-puno-quinoa": ["cordillera-commons"],
      "ayllu-maca-powder": ["cordillera-commons", "highland-pantry"],
      "ayllu-chia-seeds": [], // proposed, never approved
      "valle-sur-amaranth": [], // holds the label, but no brand approved it
    });
  });

  it("agrees with brandsOfProduct, the rule the product page uses, for every product", async () => {
    const documents = await buildSearchDocuments({});
    expect(documents).toHaveLength(4);
    for (const document of documents) {
      const shown = (await brandsOfProduct(document.id)).map((brand) => brand.slug).sort();
      expect(document.brands, document.slug).toEqual(shown);
    }
  });

  it("leaves out an approved brand whose standards the product no longer meets", async () => {
    // An organisation kind the brand does not allow: the approval stands, the mark does not show.
    const [before] = await buildSearchDocuments({ id: catalog.products.lasting.id });
    expect(before.brands).toEqual(["cordillera-commons", "highland-pantry"]);
    await db.organization.update({ where: { id: catalog.ayllu.id }, data: { kind: "SUPPLIER" } });
    try {
      const [after] = await buildSearchDocuments({ id: catalog.products.lasting.id });
      expect(after.brands).toEqual(["highland-pantry"]);
    } finally {
      await db.organization.update({ where: { id: catalog.ayllu.id }, data: { kind: "PRODUCER" } });
    }
  });

  it("/search?brand= returns exactly the brand's products, and the facet names the brand with its count", async () => {
    await deliverSearchEvents();
    const data = await readJson<LoaderData>(await call(searchLoader, get("/search?brand=cordillera-commons")));
    expect(data.result.hits.map((hit) => hit.document.slug).sort()).toEqual(["ayllu-maca-powder", "ayllu-puno-quinoa"]);
    expect(data.result.total).toBe(2);
    // The brand facet ignores its own filter (disjunctive counts), so both brands show with their full counts.
    expect(data.result.facets.brand).toEqual([
      { value: "cordillera-commons", count: 2 },
      { value: "highland-pantry", count: 1 },
    ]);
    expect(data.names.brand).toEqual({ "cordillera-commons": "Cordillera Commons", "highland-pantry": "Highland Pantry" });

    const other = await readJson<LoaderData>(await call(searchLoader, get("/search?brand=highland-pantry")));
    expect(other.result.hits.map((hit) => hit.document.slug)).toEqual(["ayllu-maca-powder"]);
  });

  it("drops the brand from the document when a required certification expires and the product is re-synced", async () => {
    await deliverSearchEvents();
    expect((await indexedBrands())["ayllu-puno-quinoa"]).toEqual(["cordillera-commons"]);

    // A day after the certificate's last valid day; only Date is faked, so the database and timers run as usual.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date(catalog.expiresAt.getTime() + DAY_MS));

    expect((await indexedBrands())["ayllu-puno-quinoa"]).toEqual(["cordillera-commons"]); // stale until re-synced
    expect(await expireCertifications(new Date())).toBe(1);
    expect(await db.certification.findUniqueOrThrow({ where: { id: catalog.expiringCertification.id } })).toMatchObject({ status: "EXPIRED" });
    expect((await deliverSearchEvents()).failed).toBe(0);

    expect(await indexedBrands()).toEqual({
      "ayllu-puno-quinoa": [],
      "ayllu-maca-powder": ["cordillera-commons", "highland-pantry"],
      "ayllu-chia-seeds": [],
      "valle-sur-amaranth": [],
    });
    // The steward's approval still stands (the hourly recheck records the removal later); the standards check is what
    // removed the mark from search.
    const mark = await db.brandProduct.findUniqueOrThrow({
      where: { brandId_productId: { brandId: catalog.brands.cordillera.id, productId: catalog.products.expiring.id } },
    });
    expect(mark.status).toBe("APPROVED");

    const data = await readJson<LoaderData>(await call(searchLoader, get("/search?brand=cordillera-commons")));
    expect(data.result.hits.map((hit) => hit.document.slug)).toEqual(["ayllu-maca-powder"]);
    expect(data.result.facets.brand).toEqual([
      { value: "cordillera-commons", count: 1 },
      { value: "highland-pantry", count: 1 },
    ]);
  });
});
