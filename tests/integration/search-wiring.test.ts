import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "~/adapters/db.server";
import type { SearchEngine } from "~/adapters/search/types";
import { makeSearchQuery } from "~/domain/search-query";
import { loader as healthLoader } from "~/routes/healthz";
import { loader as searchLoader } from "~/routes/search";
import { createSession } from "~/services/accounts.server";
import { reviewCertification } from "~/services/certifications.server";
import { createOrganization, updateOrganization } from "~/services/organizations.server";
import { setProductStatus, updateProductDetails } from "~/services/products.server";
import { deliverSearchEvents, searchOrganizations, searchProducts } from "~/services/search.server";
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

describe("search over organisations", () => {
  const slugs = async (q: string) => (await searchOrganizations(q, 10))?.hits.map((hit) => hit.document.slug);
  const profileOf = async (slug: string) => {
    const organization = await db.organization.findUniqueOrThrow({ where: { slug } });
    return {
      id: organization.id,
      profile: {
        name: organization.name,
        kind: organization.kind,
        legalForm: organization.legalForm,
        country: organization.country,
        region: organization.region,
        story: organization.story,
      },
    };
  };

  it("indexes every organisation on first use, with typo tolerance", async () => {
    // Other organisations' stories mention Sierra Verde too; its own name ranks it first.
    expect((await slugs("sierra verd"))?.[0]).toBe("sierra-verde-coffee");
    expect((await slugs("siera verde"))?.[0]).toBe("sierra-verde-coffee");
    expect(await slugs("xylophone")).toEqual([]);
    const count = await db.organization.count();
    expect((await searchOrganizations("", 10))?.total).toBe(0);
    expect(count).toBeGreaterThan(5);
  });

  it("/search shows matching organisations above the products, on the first page only", async () => {
    const data = await readJson(await call(searchLoader, get("/search?q=sierra+verd")));
    expect(data.organizations.hits[0]).toMatchObject({ slug: "sierra-verde-coffee", kind: "PRODUCER", country: "PE" });
    expect(data.organizations.hits[0].highlights.name).toContain("<mark>Sierra</mark>");
    expect(data.result.total).toBeGreaterThan(0);
    const second = await readJson(await call(searchLoader, get("/search?q=sierra+verd&page=2")));
    expect(second.organizations).toBeNull();
    const none = await readJson(await call(searchLoader, get("/search?q=xylophone")));
    expect(none.organizations).toBeNull();
    expect((await readJson(await call(searchLoader, get("/search")))).organizations).toBeNull();
  });

  it("shows the products without organisations, and logs why, when the organisation index cannot answer", async () => {
    const holder = globalThis as typeof globalThis & { __searchEngine?: Promise<SearchEngine> };
    const engine = await (holder.__searchEngine as Promise<SearchEngine>);
    const failing = async () => {
      throw new Error("Index `products_organizations` not found.");
    };
    holder.__searchEngine = Promise.resolve({ ...engine, organizations: { ...engine.organizations, search: failing } });
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const data = await readJson(await call(searchLoader, get("/search?q=sierra+verd")));
      expect(data.organizations).toBeNull();
      expect(data.result.total).toBeGreaterThan(0);
      expect(String(logged.mock.calls[0]?.[1])).toMatch(/products_organizations/);
    } finally {
      holder.__searchEngine = Promise.resolve(engine);
      logged.mockRestore();
    }
  });

  it("follows a profile edit through the outbox: the organisation and its products' producer name", async () => {
    const { id, profile } = await profileOf("kwahu-cocoa-union");
    await db.outboxEvent.deleteMany();
    await updateOrganization(id, { ...profile, name: "Quetzaltenango Cocoa Union" });
    expect((await db.outboxEvent.findMany()).map((event) => [event.topic, JSON.parse(event.payload)])).toEqual([
      ["organization.changed", { organizationId: id }],
    ]);
    expect(await slugs("quetzaltenango")).toEqual([]); // not delivered yet
    expect((await deliverSearchEvents()).failed).toBe(0);
    const renamed = await searchOrganizations("quetzaltenango", 10);
    expect(renamed?.hits.map((hit) => [hit.document.slug, hit.document.name])).toEqual([
      ["kwahu-cocoa-union", "Quetzaltenango Cocoa Union"],
    ]);
    const products = await searchProducts(makeSearchQuery({ q: "", filters: { producer: ["kwahu-cocoa-union"] } }));
    expect(products.total).toBeGreaterThan(0);
    for (const hit of products.hits) expect(hit.document.producerName).toBe("Quetzaltenango Cocoa Union");
  });

  it("writes no event when the edit fails", async () => {
    const { profile } = await profileOf("nyambene-honey");
    await db.outboxEvent.deleteMany();
    await expect(updateOrganization("no-such-organisation", profile)).rejects.toThrow();
    expect(await db.outboxEvent.count()).toBe(0);
  });

  it("a new organisation becomes searchable through the outbox", async () => {
    const founder = await createUser();
    const session = await createSession(founder.id);
    const { profile } = await profileOf("nyambene-honey");
    await createOrganization(
      { userId: founder.id, sessionId: session.id },
      { ...profile, name: "Tamarind Grove Collective", region: "Kilifi" },
    );
    await deliverSearchEvents();
    expect(await slugs("tamarind grov")).toEqual(["tamarind-grove-collective"]);
    expect(await slugs("kilif")).toEqual(["tamarind-grove-collective"]);
  });
});
