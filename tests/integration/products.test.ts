import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/adapters/db.server";
import { action as newProductAction } from "~/routes/dashboard.products.new";
import { action as detailsAction } from "~/routes/dashboard.products.$productId._index";
import { action as imagesAction } from "~/routes/dashboard.products.$productId.images";
import { action as provenanceAction } from "~/routes/dashboard.products.$productId.provenance";
import { action as addVariantAction } from "~/routes/dashboard.products.$productId.variants._index";
import { action as variantAction } from "~/routes/dashboard.products.$productId.variants.$variantId";
import { loader as productPageLoader } from "~/routes/products.$slug";
import { loader as catalogLoader } from "~/routes/products._index";
import { createOrganization, createUser, sessionCookieFor } from "../support/factories";
import { call, get, post, readJson } from "../support/routes";

const product = {
  "product.title": "Washed Caturra Coffee",
  "product.summary": "A bright, clean coffee from smallholders in Cajamarca.",
  "product.description": "Grown at **1,800 m** by members of the co-op.\n\n<script>alert(1)</script>Picked by hand.",
  "product.categorySlug": "coffee",
  "product.originCountry": "PE",
  "product.originRegion": "Cajamarca",
  "variant.sku": "tst-caf-250",
  "variant.unitLabel": "250 g bag",
  "variant.caseSize": "12",
  "variant.retailPriceCents": "12.90",
  "variant.wholesaleCasePriceCents": "120.00",
  "variant.stock": "40",
  "variant.minOrderUnits": "1",
};

let producer: { cookie: string; organizationId: string };
const uploadsCreated: string[] = [];

function multipart(pathname: string, fields: Record<string, string | File>, cookie: string) {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  return new Request(`http://localhost${pathname}`, { method: "POST", body, headers: { Cookie: cookie } });
}

async function createProduct(overrides: Record<string, string> = {}) {
  const response = await call(newProductAction, post("/dashboard/products/new", { ...product, ...overrides }, producer.cookie));
  expect(response.status).toBe(302);
  const id = response.headers.get("Location")!.split("/").pop()!;
  return db.product.findUniqueOrThrow({ where: { id }, include: { variants: true } });
}

beforeAll(async () => {
  await db.category.create({ data: { slug: "coffee", name: "Coffee" } });
  const user = await createUser();
  // A plain MEMBER: listing goods is members' day-to-day work.
  const organization = await createOrganization({ kind: "PRODUCER" }, [{ userId: user.id, role: "MEMBER" }]);
  producer = { cookie: await sessionCookieFor(user.id), organizationId: organization.id };
});

afterAll(async () => {
  const images = await db.productImage.findMany();
  for (const image of images) uploadsCreated.push(image.path, image.thumbPath);
  for (const file of uploadsCreated) fs.rmSync(path.resolve("data/uploads", file), { force: true });
});

describe("creating products", () => {
  it("lets a member of a producer create a product with its first variant, in exact cents", async () => {
    const created = await createProduct();
    expect(created).toMatchObject({ slug: "washed-caturra-coffee", organizationId: producer.organizationId, status: "ACTIVE" });
    expect(created.variants).toEqual([
      expect.objectContaining({ sku: "TST-CAF-250", retailPriceCents: 1290, wholesaleCasePriceCents: 12000, caseSize: 12, stock: 40 }),
    ]);
  });

  it("explains bad input and keeps what was typed", async () => {
    const response = await call(
      newProductAction,
      post("/dashboard/products/new", { ...product, "variant.retailPriceCents": "12.999", "variant.sku": "x", "product.categorySlug": "" }, producer.cookie),
    );
    expect(response.status).toBe(400);
    const reply = await readJson(response);
    expect(reply.error["variant.retailPriceCents"]).toEqual(["Enter the retail price as an amount like 12.90"]);
    expect(reply.error["variant.sku"][0]).toMatch(/2–40 letters/);
    expect(reply.error["product.categorySlug"]).toEqual(["Choose a category"]);
    expect(reply.initialValue.product.title).toBe(product["product.title"]);
    expect(reply.initialValue.variant.retailPriceCents).toBe("12.999");
  });

  it("refuses a case dearer than its units and a SKU already in use", async () => {
    const dear = await call(newProductAction, post("/dashboard/products/new", { ...product, "variant.wholesaleCasePriceCents": "200.00" }, producer.cookie));
    expect((await readJson(dear)).error["variant.wholesaleCasePriceCents"][0]).toMatch(/should not cost more/);
    await createProduct({ "variant.sku": "TST-DUP-1", "product.title": "Dup one" });
    const duplicate = await call(newProductAction, post("/dashboard/products/new", { ...product, "variant.sku": "TST-DUP-1" }, producer.cookie));
    expect(duplicate.status).toBe(422);
    expect((await readJson(duplicate)).error[""][0]).toMatch(/already used/);
  });

  it("does not let a buying co-op list products", async () => {
    const user = await createUser();
    await createOrganization({ kind: "BUYING_COOP" }, [{ userId: user.id, role: "OWNER" }]);
    const response = await call(newProductAction, post("/dashboard/products/new", { ...product, "variant.sku": "TST-COOP-1" }, await sessionCookieFor(user.id)));
    expect(response.status).toBe(422);
    expect((await readJson(response)).error[""]).toEqual(["Only producer and supplier organisations list products."]);
  });

  it("hides another organisation's products from its editor", async () => {
    const created = await createProduct({ "variant.sku": "TST-OWN-1", "product.title": "Owned" });
    const stranger = await createUser();
    await createOrganization({ kind: "PRODUCER" }, [{ userId: stranger.id, role: "OWNER" }]);
    const response = await call(detailsAction, post(`/dashboard/products/${created.id}`, { intent: "archive" }, await sessionCookieFor(stranger.id)), {
      params: { productId: created.id },
    });
    expect(response.status).toBe(404);
    expect((await db.product.findUniqueOrThrow({ where: { id: created.id } })).status).toBe("ACTIVE");
  });
});

describe("price breakdown and volume prices", () => {
  it("accepts only a breakdown that adds up to the retail price, and shows it to shoppers", async () => {
    const created = await createProduct({ "variant.sku": "TST-BRK-1", "product.title": "Breakdown coffee" });
    const variant = created.variants[0];
    const params = { productId: created.id, variantId: variant.id };
    const url = `/dashboard/products/${created.id}/variants/${variant.id}`;
    const shares = (amounts: string[]) => ({
      intent: "breakdown",
      "shares[0].kind": "PRODUCER",
      "shares[0].recipient": "Co-op members",
      "shares[0].amountCents": amounts[0],
      "shares[1].kind": "TRANSPORT",
      "shares[1].recipient": "Shipping",
      "shares[1].amountCents": amounts[1],
    });
    const short = await call(variantAction, post(url, shares(["6.00", "6.40"]), producer.cookie), { params });
    expect(short.status).toBe(422);
    const reply = await readJson(short);
    expect(reply.formId).toBe("breakdown");
    expect(reply.result.error[""][0]).toBe("The shares add up to €12.40: €0.50 less than the retail price of €12.90.");
    expect(await db.priceComponent.count({ where: { variantId: variant.id } })).toBe(0);

    const saved = await call(variantAction, post(url, shares(["6.50", "6.40"]), producer.cookie), { params });
    expect(saved.status).toBe(302);
    const page = await readJson(await call(productPageLoader, get(`/products/${created.slug}`), { params: { slug: created.slug } }));
    expect(page.selected.shares.map((share: { amountCents: number }) => share.amountCents)).toEqual([650, 640]);

    // A new retail price makes the old breakdown wrong, so it is cleared rather than shown.
    const variantFields = {
      intent: "variant", sku: variant.sku, unitLabel: variant.unitLabel, caseSize: "12", retailPriceCents: "13.50",
      wholesaleCasePriceCents: "120.00", stock: "40", minOrderUnits: "1",
    };
    expect((await call(variantAction, post(url, variantFields, producer.cookie), { params })).status).toBe(302);
    expect(await db.priceComponent.count({ where: { variantId: variant.id } })).toBe(0);
  });

  it("checks volume price tiers", async () => {
    const created = await createProduct({ "variant.sku": "TST-TIER-1", "product.title": "Tier coffee" });
    const variant = created.variants[0];
    const params = { productId: created.id, variantId: variant.id };
    const url = `/dashboard/products/${created.id}/variants/${variant.id}`;
    const rising = await call(
      variantAction,
      post(url, { intent: "breaks", "breaks[0].minQuantity": "6", "breaks[0].unitPriceCents": "11.00", "breaks[1].minQuantity": "12", "breaks[1].unitPriceCents": "11.50" }, producer.cookie),
      { params },
    );
    expect(rising.status).toBe(422);
    expect((await readJson(rising)).result.error[""][0]).toMatch(/From 12 units/);
    const good = await call(
      variantAction,
      post(url, { intent: "breaks", "breaks[0].minQuantity": "6", "breaks[0].unitPriceCents": "11.90", "breaks[1].minQuantity": "12", "breaks[1].unitPriceCents": "10.90" }, producer.cookie),
      { params },
    );
    expect(good.status).toBe(302);
    const page = await readJson(await call(productPageLoader, get(`/products/${created.slug}`), { params: { slug: created.slug } }));
    expect(page.product.variants[0].priceBreaks).toEqual([
      { minQuantity: 6, unitPriceCents: 1190 },
      { minQuantity: 12, unitPriceCents: 1090 },
    ]);
  });

  it("adds a second variant and will not delete the last one", async () => {
    const created = await createProduct({ "variant.sku": "TST-VAR-1", "product.title": "Variant coffee" });
    const params = { productId: created.id };
    const added = await call(
      addVariantAction,
      post(`/dashboard/products/${created.id}/variants`, { sku: "TST-VAR-2", unitLabel: "1 kg bag", caseSize: "6", retailPriceCents: "39.00", wholesaleCasePriceCents: "190.00", stock: "10", minOrderUnits: "1" }, producer.cookie),
      { params },
    );
    expect(added.status).toBe(302);
    const [first, second] = await db.variant.findMany({ where: { productId: created.id }, orderBy: { position: "asc" } });
    expect(second.sku).toBe("TST-VAR-2");
    await call(variantAction, post("/x", { intent: "delete" }, producer.cookie), { params: { productId: created.id, variantId: second.id } });
    const refused = await call(variantAction, post("/x", { intent: "delete" }, producer.cookie), { params: { productId: created.id, variantId: first.id } });
    expect(refused.status).toBe(302);
    expect(await db.variant.count({ where: { productId: created.id } })).toBe(1);
  });
});

describe("provenance", () => {
  it("adds ordered steps, needs someone who did each step, and reorders", async () => {
    const created = await createProduct({ "variant.sku": "TST-PRV-1", "product.title": "Journey coffee" });
    const params = { productId: created.id };
    const url = `/dashboard/products/${created.id}/provenance`;
    const nobody = await call(provenanceAction, post(url, { intent: "add", kind: "GROWN", place: "Jaén", country: "PE" }, producer.cookie), { params });
    expect(nobody.status).toBe(400);
    expect((await readJson(nobody)).error.actorName[0]).toMatch(/Choose the organisation/);
    for (const [kind, actor] of [["GROWN", ""], ["SHIPPED", "Atlantic Line"], ["ROASTED", "Roastery"]]) {
      const response = await call(
        provenanceAction,
        post(url, { intent: "add", kind, place: "Somewhere", country: "PE", occurredOn: "2026-03-15", organizationId: actor ? "" : producer.organizationId, actorName: actor }, producer.cookie),
        { params },
      );
      expect(response.status).toBe(302);
    }
    const steps = () => db.provenanceStep.findMany({ where: { productId: created.id }, orderBy: { position: "asc" } });
    expect((await steps()).map((step) => step.kind)).toEqual(["GROWN", "SHIPPED", "ROASTED"]);
    const roasted = (await steps())[2];
    await call(provenanceAction, post(url, { intent: "up", stepId: roasted.id }, producer.cookie), { params });
    expect((await steps()).map((step) => step.kind)).toEqual(["GROWN", "ROASTED", "SHIPPED"]);
    await call(provenanceAction, post(url, { intent: "remove", stepId: roasted.id }, producer.cookie), { params });
    expect((await steps()).map((step) => [step.kind, step.position])).toEqual([["GROWN", 0], ["SHIPPED", 1]]);
    const page = await readJson(await call(productPageLoader, get(`/products/${created.slug}`), { params: { slug: created.slug } }));
    expect(page.product.provenance.map((step: { kind: string }) => step.kind)).toEqual(["GROWN", "SHIPPED"]);
    expect(page.product.provenance[0].organization).not.toBeNull();
    expect(page.product.provenance[1].actorName).toBe("Atlantic Line");
  });
});

describe("photos", () => {
  it("stores an uploaded photo as WebP with a thumbnail, and refuses a file that is not an image", async () => {
    const created = await createProduct({ "variant.sku": "TST-IMG-1", "product.title": "Photo coffee" });
    const params = { productId: created.id };
    const url = `/dashboard/products/${created.id}/images`;
    const png = await sharp({ create: { width: 2400, height: 1200, channels: 3, background: "#2f8a57" } }).png().toBuffer();
    const ok = await call(imagesAction, multipart(url, { image: new File([new Uint8Array(png)], "beans.png", { type: "image/png" }), alt: "Coffee cherries" }, producer.cookie), { params });
    expect(ok.status).toBe(302);
    const image = await db.productImage.findFirstOrThrow({ where: { productId: created.id } });
    expect(image).toMatchObject({ alt: "Coffee cherries", width: 1600, height: 800 });
    const thumbnail = await sharp(path.resolve("data/uploads", image.thumbPath)).metadata();
    expect(thumbnail).toMatchObject({ format: "webp", width: 480, height: 480 });

    const fake = new File([new TextEncoder().encode("just some text")], "photo.png", { type: "image/png" });
    const refused = await call(imagesAction, multipart(url, { image: fake, alt: "Not a photo" }, producer.cookie), { params });
    expect(refused.status).toBe(422);
    const reply = await readJson(refused);
    expect(reply.error.image).toEqual(["This file is not a JPG, PNG, WEBP file."]);
    expect(reply.initialValue.alt).toBe("Not a photo");
    expect(await db.productImage.count({ where: { productId: created.id } })).toBe(1);

    const page = await readJson(await call(productPageLoader, get(`/products/${created.slug}`), { params: { slug: created.slug } }));
    expect(page.product.images).toEqual([expect.objectContaining({ alt: "Coffee cherries", path: image.path })]);
  });
});

describe("what shoppers see", () => {
  it("renders the description as sanitised markdown", async () => {
    const created = await createProduct({ "variant.sku": "TST-MD-1", "product.title": "Markdown coffee" });
    const page = await readJson(await call(productPageLoader, get(`/products/${created.slug}`), { params: { slug: created.slug } }));
    expect(page.product.descriptionHtml).toContain("<strong>1,800 m</strong>");
    expect(page.product.descriptionHtml).not.toContain("<script");
  });

  it("shows wholesale case prices only to members of verified organisations", async () => {
    const created = await createProduct({ "variant.sku": "TST-WHS-1", "product.title": "Wholesale coffee" });
    const load = async (cookie?: string) =>
      (await readJson(await call(productPageLoader, get(`/products/${created.slug}`, cookie), { params: { slug: created.slug } }))).product.variants[0]
        .wholesaleCasePriceCents;
    expect(await load()).toBeNull();
    const buyer = await createUser();
    const coop = await createOrganization({ kind: "BUYING_COOP" }, [{ userId: buyer.id, role: "MEMBER" }]);
    const cookie = await sessionCookieFor(buyer.id);
    expect(await load(cookie)).toBeNull();
    await db.organization.update({ where: { id: coop.id }, data: { verifiedAt: new Date() } });
    expect(await load(cookie)).toBe(12000);
  });

  it("archiving hides a product from shoppers; listing it again brings it back", async () => {
    const created = await createProduct({ "variant.sku": "TST-ARC-1", "product.title": "Archived coffee" });
    const params = { productId: created.id };
    await call(detailsAction, post(`/dashboard/products/${created.id}`, { intent: "archive" }, producer.cookie), { params });
    expect((await call(productPageLoader, get(`/products/${created.slug}`), { params: { slug: created.slug } })).status).toBe(404);
    await call(detailsAction, post(`/dashboard/products/${created.id}`, { intent: "restore" }, producer.cookie), { params });
    expect((await call(productPageLoader, get(`/products/${created.slug}`), { params: { slug: created.slug } })).status).toBe(200);
  });

  it("filters the catalog by label and sorts it by price", async () => {
    const cheap = await createProduct({ "variant.sku": "TST-SRT-1", "product.title": "Zz cheap", "variant.retailPriceCents": "1.00", "variant.wholesaleCasePriceCents": "10.00" });
    const dear = await createProduct({ "variant.sku": "TST-SRT-2", "product.title": "Aa dear", "variant.retailPriceCents": "99.00", "variant.wholesaleCasePriceCents": "900.00" });
    const label = await db.label.create({
      data: { slug: "test-organic", name: "Test organic", summary: "s", criteria: "c", issuer: "i", verificationKind: "THIRD_PARTY" },
    });
    await db.certification.create({
      data: { labelId: label.id, organizationId: producer.organizationId, productId: dear.id, certifier: "Cert body", validFrom: new Date("2025-01-01"), status: "VERIFIED" },
    });
    const labelled = await readJson(await call(catalogLoader, get("/products?label=test-organic")));
    expect(labelled.products.map((p: { slug: string }) => p.slug)).toEqual([dear.slug]);
    const ascending = await readJson(await call(catalogLoader, get("/products?sort=price-asc")));
    expect(ascending.products[0].slug).toBe(cheap.slug);
    const descending = await readJson(await call(catalogLoader, get("/products?sort=price-desc")));
    expect(descending.products[0].slug).toBe(dear.slug);
    const page = await readJson(await call(productPageLoader, get(`/products/${dear.slug}`), { params: { slug: dear.slug } }));
    expect(page.product.badges).toEqual([{ slug: "test-organic", name: "Test organic", verificationKind: "THIRD_PARTY" }]);
    // Nonsense in the URL falls back to defaults instead of an error.
    expect((await call(catalogLoader, get("/products?sort=sideways&label=%3Cscript%3E"))).status).toBe(200);
  });
});
