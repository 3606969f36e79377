import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

// Small enough to test the size limit with a modest file; set before the app reads its environment.
vi.hoisted(() => {
  process.env.MAX_UPLOAD_BYTES = "200000";
});

import { db } from "~/adapters/db.server";
import { PRODUCT_CSV_COLUMNS, type ProductCsvColumn } from "~/domain/product-csv";
import { loader as exportLoader } from "~/routes/dashboard.products.export[.]csv";
import { action as importAction, loader as importLoader } from "~/routes/dashboard.products.import";
import { createOrganization, createUser, sessionCookieFor } from "../support/factories";
import { call, flashFrom, get, post, readJson } from "../support/routes";

type Row = Record<ProductCsvColumn, string>;

const baseRow: Row = {
  product_slug: "andean-coffee",
  title: "Andean Coffee",
  summary: "Washed arabica from smallholders",
  description: "Grown at 1,800 m by the members, washed and sun-dried on raised beds.",
  category: "coffee",
  origin_country: "PE",
  origin_region: "Cajamarca",
  origin_place: "San Ignacio",
  sku: "AC-250",
  unit: "250 g bag",
  case_size: "12",
  retail_price: "8.90",
  wholesale_case_price: "90.00",
  stock: "240",
  min_order: "1",
  lot_code: "",
};
const row = (overrides: Partial<Row> = {}): Row => ({ ...baseRow, ...overrides });

function csvOf(...rows: Row[]): string {
  return stringify([[...PRODUCT_CSV_COLUMNS], ...rows.map((r) => PRODUCT_CSV_COLUMNS.map((column) => r[column]))]);
}

const goodFile = () =>
  csvOf(
    row(),
    row({ sku: "AC-1000", unit: "1 kg bag", case_size: "6", retail_price: "29.95", wholesale_case_price: "159.90", stock: "35", min_order: "2" }),
    row({
      product_slug: "highland-tea",
      title: "Highland Black Tea",
      summary: "Orthodox black tea, hand-plucked",
      description: 'Plucked by the collective\'s members; "two leaves and a bud", withered overnight.',
      category: "tea",
      origin_country: "IN",
      origin_region: "Nilgiris",
      origin_place: "",
      sku: "HT-100",
      unit: "100 g tin",
      case_size: "24",
      retail_price: "6.50",
      wholesale_case_price: "132.00",
      stock: "100",
      lot_code: "NIL-2026-3",
    }),
  );

function importRequest(fields: Record<string, string | File>, cookie?: string) {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  return new Request("http://localhost/dashboard/products/import", { method: "POST", body, headers: cookie ? { Cookie: cookie } : {} });
}

const csvFile = (text: string, name = "products.csv") => new File([text], name, { type: "text/csv" });

async function producer(role: "OWNER" | "ADMIN" | "MEMBER" = "OWNER", kind: "PRODUCER" | "SUPPLIER" | "DISTRIBUTOR" = "PRODUCER") {
  const user = await createUser();
  const organization = await createOrganization({ kind }, [{ userId: user.id, role }]);
  return { user, organization, cookie: await sessionCookieFor(user.id) };
}

const preview = (fields: Record<string, string | File>, cookie: string) => call(importAction, importRequest({ intent: "preview", ...fields }, cookie));
const apply = (csv: string, cookie: string) => call(importAction, importRequest({ intent: "apply", csv }, cookie));

beforeAll(async () => {
  await db.category.createMany({
    data: [
      { slug: "coffee", name: "Coffee" },
      { slug: "tea", name: "Tea" },
    ],
  });
});

// Slugs and SKUs are unique across the marketplace: every test starts from an empty catalogue.
beforeEach(async () => {
  await db.product.deleteMany();
});

describe("previewing an import", () => {
  it("lists what would be created, writes nothing, and keeps the text for the confirmation", async () => {
    const { cookie } = await producer();
    const response = await preview({ file: csvFile(goodFile()) }, cookie);
    expect(response.status).toBe(200);
    const body = await readJson(response);
    expect(body.kind).toBe("preview");
    expect(body.preview.errors).toEqual([]);
    expect(body.preview.products).toEqual([
      {
        slug: "andean-coffee",
        title: "Andean Coffee",
        action: "create",
        archived: false,
        variants: [
          { sku: "AC-250", action: "create", removesBreakdown: false, removesPriceBreaks: false },
          { sku: "AC-1000", action: "create", removesBreakdown: false, removesPriceBreaks: false },
        ],
      },
      expect.objectContaining({ slug: "highland-tea", action: "create", variants: [expect.objectContaining({ sku: "HT-100", action: "create" })] }),
    ]);
    expect(body.csv).toBe(goodFile());
    expect(await db.product.count()).toBe(0);
    expect(await db.variant.count()).toBe(0);
  });

  it("lists every error by row and column, and writes nothing", async () => {
    const { cookie } = await producer();
    const text = csvOf(row(), row({ sku: "AC-1000", retail_price: "abc" }), row({ product_slug: "other", sku: "ac-250", category: "spices" }));
    const response = await preview({ csv: text }, cookie);
    expect(response.status).toBe(422);
    const body = await readJson(response);
    expect(body.preview.errors).toEqual([
      { row: 3, column: "retail_price", message: "Enter the retail price as an amount like 12.90" },
      { row: 4, column: "category", message: expect.stringMatching(/There is no category "spices"/) },
      { row: 4, column: "sku", message: expect.stringMatching(/already used on row 2/) },
    ]);
    expect(await db.product.count()).toBe(0);
  });

  it("refuses binary files, files that are not UTF-8, files over the size limit and an empty form", async () => {
    const { cookie } = await producer();
    const png = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])], "photo.csv", { type: "text/csv" });
    const binary = await preview({ file: png }, cookie);
    expect(binary.status).toBe(400);
    expect((await readJson(binary)).result.error.file).toEqual([expect.stringMatching(/not a CSV file/)]);

    const latin1 = new File([new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x0a])], "latin1.csv", { type: "text/csv" });
    const notUtf8 = await preview({ file: latin1 }, cookie);
    expect(notUtf8.status).toBe(400);
    expect((await readJson(notUtf8)).result.error.file).toEqual([expect.stringMatching(/not UTF-8/)]);

    const huge = await preview({ file: csvFile(goodFile() + "x".repeat(210_000)) }, cookie);
    expect(huge.status).toBe(400);
    expect((await readJson(huge)).result.error.file).toEqual([expect.stringMatching(/larger than/)]);

    const empty = await preview({ csv: "  " }, cookie);
    expect(empty.status).toBe(400);
    expect((await readJson(empty)).result.error.file).toEqual(["Choose a CSV file, or paste the CSV into the box below."]);
    expect(await db.product.count()).toBe(0);
  });
});

describe("applying an import", () => {
  it("creates products and variants with exact cents, and says what it did", async () => {
    const { cookie, organization } = await producer();
    const response = await apply(goodFile(), cookie);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/dashboard/products");
    expect(await flashFrom(response)).toEqual({ kind: "success", text: "Imported: 2 created, 0 updated (3 variants added, 0 updated)." });

    const products = await db.product.findMany({
      where: { organizationId: organization.id },
      orderBy: { slug: "asc" },
      include: { category: true, variants: { orderBy: { position: "asc" } } },
    });
    expect(products.map((p) => [p.slug, p.title, p.category.slug, p.status, p.originPlace])).toEqual([
      ["andean-coffee", "Andean Coffee", "coffee", "ACTIVE", "San Ignacio"],
      ["highland-tea", "Highland Black Tea", "tea", "ACTIVE", null],
    ]);
    expect(products[1]!.description).toBe('Plucked by the collective\'s members; "two leaves and a bud", withered overnight.');
    expect(products[0]!.variants.map((v) => [v.sku, v.position, v.retailPriceCents, v.wholesaleCasePriceCents, v.caseSize, v.stock, v.minOrderUnits, v.lotCode])).toEqual([
      ["AC-250", 0, 890, 9000, 12, 240, 1, null],
      ["AC-1000", 1, 2995, 15990, 6, 35, 2, null],
    ]);
    expect(products[1]!.variants).toEqual([expect.objectContaining({ sku: "HT-100", retailPriceCents: 650, wholesaleCasePriceCents: 13200, lotCode: "NIL-2026-3" })]);
  });

  it("imports nothing at all when one row has an error, and shows the errors again", async () => {
    const { cookie } = await producer();
    const text = goodFile() + stringify([PRODUCT_CSV_COLUMNS.map((column) => row({ product_slug: "broken", sku: "BR-1", stock: "-5" })[column])]);
    const response = await apply(text, cookie);
    expect(response.status).toBe(422);
    const body = await readJson(response);
    expect(body.preview.errors).toEqual([{ row: 5, column: "stock", message: "The stock must be at least 0" }]);
    expect(await db.product.count({ where: { slug: { in: ["andean-coffee", "highland-tea", "broken"] } } })).toBe(0);
    expect(await db.variant.count({ where: { sku: { in: ["AC-250", "AC-1000", "HT-100", "BR-1"] } } })).toBe(0);
  });

  it("updates prices and stock in place when an edited export is imported again", async () => {
    const { cookie, organization } = await producer();
    await apply(goodFile(), cookie);
    const before = await db.variant.findMany({ where: { product: { organizationId: organization.id } }, orderBy: { sku: "asc" } });

    const exported = await (await call(exportLoader, get("/dashboard/products/export.csv", cookie))).text();
    const [header, ...records] = parse(exported) as string[][];
    const at = (name: ProductCsvColumn) => header!.indexOf(name);
    const edited = records
      .filter((record) => record[at("sku")] !== "AC-1000") // a variant left out of the file is kept as it is
      .map((record) => {
        if (record[at("sku")] !== "AC-250") return record;
        const copy = [...record];
        copy[at("retail_price")] = "9.40";
        copy[at("stock")] = "180";
        return copy;
      });
    edited.push(records[0]!.map((cell, index) => (index === at("sku") ? "AC-500" : index === at("unit") ? "500 g bag" : cell)));
    const text = stringify([header!, ...edited]);

    const previewed = await readJson(await preview({ csv: text }, cookie));
    expect(previewed.preview.errors).toEqual([]);
    expect(previewed.preview.products.map((p: { slug: string; action: string }) => [p.slug, p.action])).toEqual([
      ["andean-coffee", "update"],
      ["highland-tea", "update"],
    ]);

    const response = await apply(text, cookie);
    expect(await flashFrom(response)).toEqual({ kind: "success", text: "Imported: 0 created, 2 updated (1 variant added, 2 updated)." });
    expect(await db.product.count({ where: { organizationId: organization.id } })).toBe(2);
    const after = await db.variant.findMany({ where: { product: { organizationId: organization.id } }, orderBy: { sku: "asc" } });
    expect(after.map((v) => [v.sku, v.retailPriceCents, v.stock, v.position])).toEqual([
      ["AC-1000", 2995, 35, 1],
      ["AC-250", 940, 180, 0],
      ["AC-500", 890, 240, 2],
      ["HT-100", 650, 100, 0],
    ]);
    const byId = new Map(before.map((v) => [v.sku, v.id]));
    expect(after.filter((v) => byId.has(v.sku)).every((v) => byId.get(v.sku) === v.id)).toBe(true);
  });

  it("removes a price breakdown that no longer adds up, and warns in the preview", async () => {
    const { cookie } = await producer();
    await apply(goodFile(), cookie);
    const variant = await db.variant.findUniqueOrThrow({ where: { sku: "AC-250" } });
    await db.priceComponent.createMany({
      data: [
        { variantId: variant.id, kind: "PRODUCER", recipient: "Members", amountCents: 600 },
        { variantId: variant.id, kind: "TRANSPORT", recipient: "Shipping", amountCents: 290 },
      ],
    });
    const samePrice = await readJson(await preview({ csv: goodFile() }, cookie));
    expect(samePrice.preview.products[0].variants[0]).toMatchObject({ sku: "AC-250", removesBreakdown: false });
    await apply(goodFile(), cookie);
    expect(await db.priceComponent.count({ where: { variantId: variant.id } })).toBe(2);

    const newPrice = csvOf(row({ retail_price: "9.90" }));
    const previewed = await readJson(await preview({ csv: newPrice }, cookie));
    expect(previewed.preview.products[0].variants[0]).toMatchObject({ sku: "AC-250", action: "update", removesBreakdown: true });
    await apply(newPrice, cookie);
    expect(await db.priceComponent.count({ where: { variantId: variant.id } })).toBe(0);
  });

  it("updates an archived product but keeps it archived", async () => {
    const { cookie } = await producer();
    await apply(goodFile(), cookie);
    await db.product.update({ where: { slug: "highland-tea" }, data: { status: "ARCHIVED" } });
    const text = csvOf(row({ product_slug: "highland-tea", title: "Highland Tea, renamed", category: "tea", sku: "HT-100" }));
    const previewed = await readJson(await preview({ csv: text }, cookie));
    expect(previewed.preview.products[0]).toMatchObject({ action: "update", archived: true });
    await apply(text, cookie);
    expect(await db.product.findUniqueOrThrow({ where: { slug: "highland-tea" } })).toMatchObject({ title: "Highland Tea, renamed", status: "ARCHIVED" });
  });
});

describe("other organisations' products", () => {
  it("refuses slugs and SKUs another organisation uses, and changes nothing", async () => {
    const other = await producer();
    await apply(csvOf(row({ product_slug: "shared-name", sku: "THEIRS-1" })), other.cookie);
    const theirs = await db.product.findUniqueOrThrow({ where: { slug: "shared-name" }, include: { variants: true } });

    const me = await producer();
    const text = csvOf(
      row({ product_slug: "shared-name", title: "Not yours", sku: "MINE-1" }),
      row({ product_slug: "my-coffee", sku: "theirs-1", retail_price: "1.00", wholesale_case_price: "10.00" }),
    );
    const previewed = await preview({ csv: text }, me.cookie);
    expect(previewed.status).toBe(422);
    expect((await readJson(previewed)).preview.errors).toEqual([
      { row: 2, column: "product_slug", message: "The product slug shared-name is already used by another organisation: choose a different slug." },
      { row: 3, column: "sku", message: expect.stringMatching(/SKU THEIRS-1 is already used by another organisation's product/) },
    ]);
    const applied = await apply(text, me.cookie);
    expect(applied.status).toBe(422);
    expect(await db.product.count({ where: { organizationId: me.organization.id } })).toBe(0);
    expect(await db.product.findUniqueOrThrow({ where: { slug: "shared-name" }, include: { variants: true } })).toEqual(theirs);
  });

  it("refuses moving one of my SKUs to another of my products", async () => {
    const { cookie } = await producer();
    await apply(goodFile(), cookie);
    const response = await preview({ csv: csvOf(row({ product_slug: "highland-tea", title: "Highland Black Tea", category: "tea", sku: "AC-250" })) }, cookie);
    expect((await readJson(response)).preview.errors).toEqual([
      { row: 2, column: "sku", message: expect.stringMatching(/SKU AC-250 belongs to your product andean-coffee/) },
    ]);
  });
});

describe("who may import and export", () => {
  it("lets a plain member import and export, like every other catalog task", async () => {
    const { cookie, organization } = await producer("MEMBER");
    expect((await call(importLoader, get("/dashboard/products/import", cookie))).status).toBe(200);
    expect((await apply(goodFile(), cookie)).status).toBe(302);
    expect(await db.product.count({ where: { organizationId: organization.id } })).toBeGreaterThan(0);
    expect((await call(exportLoader, get("/dashboard/products/export.csv", cookie))).status).toBe(200);
  });

  it("sends someone with no organisation to create one, importing nothing", async () => {
    const loner = await createUser();
    const cookie = await sessionCookieFor(loner.id);
    const denied = await apply(goodFile(), cookie);
    expect(denied.status).toBe(302);
    expect(denied.headers.get("Location")).toBe("/dashboard/organizations/new");
  });

  it("lets admins import, and explains that distributors do not list products", async () => {
    const admin = await producer("ADMIN", "SUPPLIER");
    expect((await call(importLoader, get("/dashboard/products/import", admin.cookie))).status).toBe(200);
    expect((await apply(goodFile(), admin.cookie)).status).toBe(302);

    const hub = await producer("OWNER", "DISTRIBUTOR");
    const page = await readJson(await call(importLoader, get("/dashboard/products/import", hub.cookie)));
    expect(page.sells).toBe(false);
    const refused = await apply(goodFile(), hub.cookie);
    expect(refused.status).toBe(422);
    expect((await readJson(refused)).result.error[""]).toEqual(["Only producer and supplier organisations list products."]);
    expect(await db.product.count({ where: { organizationId: hub.organization.id } })).toBe(0);
  });

  it("requires a login and a multipart form", async () => {
    const anonymous = await call(exportLoader, get("/dashboard/products/export.csv"));
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toMatch(/^\/login/);
    const { cookie } = await producer();
    const urlEncoded = await call(importAction, post("/dashboard/products/import", { intent: "apply", csv: goodFile() }, cookie));
    expect(urlEncoded.status).toBe(400);
  });
});

describe("exporting", () => {
  it("returns the listed products as a CSV download that matches the database", async () => {
    const { cookie, organization } = await producer("OWNER");
    await apply(goodFile(), cookie);
    await db.product.update({ where: { slug: "highland-tea" }, data: { status: "ARCHIVED" } });
    await db.variant.update({ where: { sku: "AC-250" }, data: { stock: 7, lotCode: "LOT-7" } });

    const response = await call(exportLoader, get("/dashboard/products/export.csv", cookie));
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toBe(`attachment; filename="${organization.slug}-products.csv"`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 byte order mark, for spreadsheets
    const text = new TextDecoder().decode(bytes);
    expect(text.split("\r\n")[0]).toBe(PRODUCT_CSV_COLUMNS.join(","));
    const records = parse(text, { bom: true, columns: true }) as Row[];
    expect(records).toEqual([
      { ...baseRow, stock: "7", lot_code: "LOT-7" },
      row({ sku: "AC-1000", unit: "1 kg bag", case_size: "6", retail_price: "29.95", wholesale_case_price: "159.90", stock: "35", min_order: "2" }),
    ]);
  });

  it("exports only the active organisation's products", async () => {
    const other = await producer();
    await apply(goodFile(), other.cookie);
    const { cookie } = await producer();
    const text = await (await call(exportLoader, get("/dashboard/products/export.csv", cookie))).text();
    expect(text).toBe(`${PRODUCT_CSV_COLUMNS.join(",")}\r\n`);
  });
});
