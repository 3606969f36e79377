import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/adapters/db.server";
import { createProduct, setProductStatus } from "~/services/products.server";
import { enqueue, processOutbox, type PartialOutboxHandlers } from "~/services/outbox.server";
import { expireCertifications, reviewCertification } from "~/services/certifications.server";
import { createOrganization, createUser } from "../support/factories";

let organization: { id: string; kind: string };
let counter = 0;

const newProduct = () => {
  counter += 1;
  return {
    product: {
      title: `Outbox coffee ${counter}`,
      summary: "A coffee that announces its changes.",
      description: "Grown by members of the co-op, roasted in town.",
      categorySlug: "coffee",
      originCountry: "PE",
      originRegion: "Cajamarca",
    },
    variant: {
      sku: `OBX-${counter}`,
      unitLabel: "250 g bag",
      caseSize: 12,
      retailPriceCents: 1000,
      wholesaleCasePriceCents: 10000,
      stock: 5,
      minOrderUnits: 1,
    },
  };
};

const events = (topic?: string) => db.outboxEvent.findMany({ where: topic ? { topic } : {}, orderBy: { createdAt: "asc" } });

beforeAll(async () => {
  await db.category.create({ data: { slug: "coffee", name: "Coffee" } });
  organization = await createOrganization({ kind: "PRODUCER" });
});

describe("writing events with the change", () => {
  it("records a product change in the same transaction, and nothing when the change fails", async () => {
    await db.outboxEvent.deleteMany();
    const input = newProduct();
    const product = await createProduct(organization, input);
    expect((await events()).map((event) => [event.topic, JSON.parse(event.payload)])).toEqual([
      ["product.changed", { productIds: [product.id] }],
    ]);
    const next = newProduct();
    const duplicate = { ...next, variant: { ...next.variant, sku: input.variant.sku } };
    await expect(createProduct(organization, duplicate)).rejects.toThrow(/already used/);
    await setProductStatus(organization.id, product.id, "ARCHIVED");
    expect(await db.outboxEvent.count()).toBe(2);
  });

  it("announces label changes when an admin reviews or a certificate lapses", async () => {
    await db.outboxEvent.deleteMany();
    const admin = await createUser({ isPlatformAdmin: true });
    const label = await db.label.create({
      data: { slug: "outbox-label", name: "Outbox label", summary: "s", criteria: "c", issuer: "i", verificationKind: "THIRD_PARTY" },
    });
    const claim = await db.certification.create({
      data: { labelId: label.id, organizationId: organization.id, certifier: "Body", validFrom: new Date("2025-01-01"), validTo: new Date("2026-01-31") },
    });
    await reviewCertification({ id: admin.id }, claim.id, "verify", undefined, new Date("2026-01-15"));
    expect(await expireCertifications(new Date("2026-02-01"))).toBe(1);
    expect((await events()).map((event) => [event.topic, JSON.parse(event.payload)])).toEqual([
      ["organization.products-changed", { organizationId: organization.id }],
      ["organization.products-changed", { organizationId: organization.id }],
    ]);
    expect(await expireCertifications(new Date("2026-02-01"))).toBe(0);
    expect(await db.outboxEvent.count()).toBe(2);
  });
});

describe("delivering events", () => {
  it("delivers in order, retries a failing delivery with backoff, and loses nothing", async () => {
    await db.outboxEvent.deleteMany();
    await db.$transaction(async (tx) => {
      await enqueue(tx, "product.changed", { productIds: ["a"] });
      await enqueue(tx, "product.changed", { productIds: ["b"] });
    });
    const seen: string[][] = [];
    let searchIsDown = true;
    const handlers: PartialOutboxHandlers = {
      "product.changed": async ({ productIds }) => {
        if (searchIsDown && productIds[0] === "b") throw new Error("search engine unreachable");
        seen.push(productIds);
      },
      "organization.products-changed": async () => {},
    };
    const start = new Date();
    expect(await processOutbox(handlers, { now: start })).toEqual({ delivered: 1, failed: 1 });
    const [first, second] = await events();
    expect(first).toMatchObject({ status: "DONE", lastError: null });
    expect(second).toMatchObject({ status: "PENDING", attempts: 1, lastError: "search engine unreachable" });
    expect(second.availableAt.getTime()).toBeGreaterThan(start.getTime());

    // Not due yet: nothing is tried.
    expect(await processOutbox(handlers, { now: start })).toEqual({ delivered: 0, failed: 0 });
    searchIsDown = false;
    expect(await processOutbox(handlers, { now: new Date(Date.now() + 60_000) })).toEqual({ delivered: 1, failed: 0 });
    expect(seen).toEqual([["a"], ["b"]]);
    expect((await events()).every((event) => event.status === "DONE")).toBe(true);
  });

  it("keeps an event whose topic has no handler, with the reason", async () => {
    await db.outboxEvent.deleteMany();
    await db.outboxEvent.create({ data: { topic: "mystery", payload: "{}" } });
    const result = await processOutbox({ "product.changed": async () => {}, "organization.products-changed": async () => {} });
    expect(result).toEqual({ delivered: 0, failed: 1 });
    expect((await events())[0]).toMatchObject({ status: "PENDING", lastError: 'No handler for outbox topic "mystery"' });
  });
});
