import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/adapters/db.server";
import { makeSearchQuery } from "~/domain/search-query";
import { loader as healthLoader } from "~/routes/healthz";
import { loader as searchLoader } from "~/routes/search";
import { reviewCertification } from "~/services/certifications.server";
import { setProductStatus, updateProductDetails } from "~/services/products.server";
import { deliverSearchEvents, searchProducts } from "~/services/search.server";
import { seedDemoData } from "../../prisma/seed";
import { createUser } from "../support/factories";
import { call, get, readJson } from "../support/routes";

beforeAll(async () => {
  await seedDemoData(db, { bcryptCost: 4 });
});

const titles = async (q: string) => (await searchProducts(makeSearchQuery({ q }))).hits.map((hit) => hit.document.title);

describe("search over the catalog", () => {
  it("indexes the database on first use and tolerates typos", async () => {
    const result = await searchProducts(makeSearchQuery({ q: "cofee" }));
    expect(result.total).toBeGreaterThan(5);
    expect(result.hits[0].document.category).toBe("coffee");
    expect(result.hits[0].highlights.title ?? result.hits[0].highlights.summary).toContain("<mark>");
  });

  it("follows product edits through the outbox", async () => {
    const product = await db.product.findFirstOrThrow({ where: { slug: "sierra-verde-geisha-microlot" }, include: { category: true } });
    await updateProductDetails(product.organizationId, product.id, {
      title: "Zanzibar Geisha Microlot",
      summary: product.summary,
      description: product.description,
      categorySlug: product.category.slug,
      originCountry: product.originCountry,
      originRegion: product.originRegion,
    });
    expect(await titles("zanzibar")).toEqual([]); // not delivered yet
    expect((await deliverSearchEvents()).failed).toBe(0);
    expect(await titles("zanzibar")).toEqual(["Zanzibar Geisha Microlot"]);

    await setProductStatus(product.organizationId, product.id, "ARCHIVED");
    await deliverSearchEvents();
    expect(await titles("zanzibar")).toEqual([]);
  });

  it("updates the label facet when an admin revokes an organisation's certification", async () => {
    const admin = await createUser({ isPlatformAdmin: true });
    const certification = await db.certification.findFirstOrThrow({
      where: { status: "VERIFIED", productId: null, label: { slug: "fairtrade" }, organization: { slug: "sierra-verde-coffee" } },
    });
    const fairtradeCount = async () =>
      (await searchProducts(makeSearchQuery({ filters: { producer: ["sierra-verde-coffee"], label: ["fairtrade"] } }))).total;
    expect(await fairtradeCount()).toBeGreaterThan(0);
    await reviewCertification({ id: admin.id }, certification.id, "revoke", "Certificate suspended by the certifier");
    await deliverSearchEvents();
    expect(await fairtradeCount()).toBe(0);
  });

  it("serves /search with facets from the URL, and never errors on nonsense", async () => {
    const data = await readJson(await call(searchLoader, get("/search?q=honey&category=honey-sweeteners&sort=price-asc")));
    expect(data.result.total).toBeGreaterThan(0);
    expect(data.result.hits.every((hit: { document: { category: string } }) => hit.document.category === "honey-sweeteners")).toBe(true);
    const prices = data.result.hits.map((hit: { document: { minPriceCents: number } }) => hit.document.minPriceCents);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
    expect(data.names.category["honey-sweeteners"]).toBeTruthy();
    const odd = await call(searchLoader, get("/search?page=-3&sort=sideways&minPrice=abc&inStock=maybe"));
    expect(odd.status).toBe(200);
  });

  it("reports search health in /healthz", async () => {
    const health = await readJson(await call(healthLoader, get("/healthz")));
    expect(health.search).toMatchObject({ status: "ok", engine: "embedded" });
  });
});
