import { beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { db } from "~/adapters/db.server";
import { CERTIFICATION_STATUSES, isBadgeShown, VERIFICATION_KINDS } from "~/domain/certifications";
import { checkBreakdown, producerSharePercent } from "~/domain/price-breakdown";
import { checkPriceBreaks } from "~/domain/price-breaks";
import { loader as labelLoader } from "~/routes/labels.$slug";
import { loader as labelsLoader } from "~/routes/labels._index";
import { loader as producerLoader } from "~/routes/producers.$slug";
import { getLabel, listLabels, visibleCertificationWhere } from "~/services/labels.server";
import { seedDemoData } from "../../prisma/seed";
import { products } from "../../prisma/seed-data";
import { labels as seededLabels } from "../../prisma/seed-labels";
import { createOrganization } from "../support/factories";
import { call, get, readJson } from "../support/routes";

const LABEL_SLUGS = [
  "fairtrade",
  "small-producers-symbol",
  "wfto-guaranteed-fair-trade",
  "fair-for-life",
  "eu-organic",
  "pgs-organic",
  "worker-owned",
  "women-led",
  "living-wage",
  "regenerative",
];

let seedCounts: Awaited<ReturnType<typeof seedDemoData>>;

beforeAll(async () => {
  seedCounts = await seedDemoData(db, { bcryptCost: 4 });
});

async function labelPage(slug: string) {
  return call(labelLoader, get(`/labels/${slug}`), { params: { slug } });
}

describe("visibleCertificationWhere", () => {
  it("returns exactly the certifications isBadgeShown accepts, for every status and date combination", async () => {
    const label = await db.label.create({
      data: { slug: "grid-test", name: "Grid test", summary: "s", criteria: "- c", issuer: "i", verificationKind: "THIRD_PARTY" },
    });
    const organization = await createOrganization();
    // Removed afterwards even when the check fails, so the counts below only see the demo data.
    onTestFinished(() => db.label.delete({ where: { id: label.id } }).then(() => undefined));
    const pivot = new Date("2026-05-15T12:00:00.000Z").getTime();
    const at = (offsetMs: number) => new Date(pivot + offsetMs);
    const DAY = 24 * 60 * 60 * 1000;
    const instants = [-DAY, -1, 0, 1, DAY];
    const rows = [];
    for (const status of CERTIFICATION_STATUSES) {
      for (const from of instants) {
        for (const to of [null, ...instants]) {
          rows.push({
            labelId: label.id,
            organizationId: organization.id,
            certifier: `${status} ${from} ${to}`,
            status,
            validFrom: at(from),
            validTo: to === null ? null : at(to),
          });
        }
      }
    }
    await db.certification.createMany({ data: rows });
    const all = await db.certification.findMany({ where: { labelId: label.id } });
    expect(all).toHaveLength(CERTIFICATION_STATUSES.length * instants.length * (instants.length + 1));

    // Check at the boundaries themselves and on either side of them, plus far before and after.
    for (const now of [...instants.map(at), at(-400 * DAY), at(400 * DAY)]) {
      const fromDatabase = await db.certification.findMany({
        where: { labelId: label.id, ...visibleCertificationWhere(now) },
        select: { id: true },
      });
      const expected = all.filter((certification) => isBadgeShown(certification, now)).map((certification) => certification.id);
      expect(fromDatabase.map((row) => row.id).sort()).toEqual(expected.sort());
    }
    // The grid is not trivial: at the pivot some rows are shown and most are not.
    const shownAtPivot = all.filter((certification) => isBadgeShown(certification, at(0)));
    expect(shownAtPivot.length).toBeGreaterThan(0);
    expect(shownAtPivot.length).toBeLessThan(all.length / 4);
  });
});

describe("demo provenance seed", () => {
  it("creates every label in the vocabulary, with criteria as a markdown list", async () => {
    expect(seedCounts.labels).toBe(seededLabels.length);
    const rows = await db.label.findMany();
    expect(rows.map((label) => label.slug).sort()).toEqual(expect.arrayContaining(LABEL_SLUGS));
    expect(rows.length).toBeGreaterThanOrEqual(10);
    for (const label of rows) {
      const bulletCount = label.criteria.split("\n").filter((line) => line.startsWith("- ")).length;
      expect(bulletCount).toBeGreaterThanOrEqual(4);
      expect(bulletCount).toBeLessThanOrEqual(8);
      if (label.website) expect(new URL(label.website).hostname).toMatch(/(^|\.)example\.org$/);
    }
    expect(rows.find((label) => label.slug === "pgs-organic")?.verificationKind).toBe("PARTICIPATORY");
    expect(rows.find((label) => label.slug === "worker-owned")?.verificationKind).toBe("SELF_DECLARED");
    expect(rows.find((label) => label.slug === "fairtrade")?.verificationKind).toBe("THIRD_PARTY");
  });

  it("splits every variant's retail price exactly, with an honest producer share", async () => {
    const variants = await db.variant.findMany({ include: { priceComponents: true } });
    expect(variants).toHaveLength(products.flatMap((product) => product.variants).length);
    for (const variant of variants) {
      const shares = variant.priceComponents;
      const sum = shares.reduce((total, share) => total + share.amountCents, 0);
      expect(sum, variant.sku).toBe(variant.retailPriceCents);
      expect(shares.some((share) => share.kind === "PRODUCER"), variant.sku).toBe(true);
      expect(checkBreakdown(shares, variant.retailPriceCents), variant.sku).toEqual({ ok: true });
      const producerShare = producerSharePercent(shares, variant.retailPriceCents);
      expect(producerShare, variant.sku).toBeGreaterThanOrEqual(35);
      expect(producerShare, variant.sku).toBeLessThanOrEqual(60);
      expect(shares.some((share) => share.kind === "SOLIDARITY_FUND")).toBe(true);
      expect(shares.some((share) => share.kind === "PLATFORM")).toBe(true);
      expect(shares.map((share) => share.position).sort((a, b) => a - b)).toEqual(shares.map((_, index) => index));
    }
  });

  it("adds valid volume price breaks to some variants", async () => {
    const variants = await db.variant.findMany({ where: { priceBreaks: { some: {} } }, include: { priceBreaks: true } });
    expect(variants.length).toBeGreaterThanOrEqual(2);
    for (const variant of variants) {
      expect(checkPriceBreaks(variant.priceBreaks, variant.retailPriceCents), variant.sku).toEqual({ ok: true });
    }
  });

  it("records ordered provenance chains for at least 15 products, across organisations", async () => {
    const chains = await db.product.findMany({
      where: { provenance: { some: {} } },
      select: { slug: true, provenance: { orderBy: { position: "asc" }, include: { organization: true } } },
    });
    expect(chains.length).toBeGreaterThanOrEqual(15);
    for (const { slug, provenance } of chains) {
      expect(provenance.length, slug).toBeGreaterThanOrEqual(3);
      expect(provenance.length, slug).toBeLessThanOrEqual(6);
      expect(provenance.map((step) => step.position)).toEqual(provenance.map((_, index) => index));
      for (const step of provenance) expect(Boolean(step.organizationId) !== Boolean(step.actorName), slug).toBe(true);
      const dates = provenance.map((step) => step.occurredOn!.getTime());
      expect(dates, slug).toEqual([...dates].sort((a, b) => a - b));
    }
    const espresso = chains.find((chain) => chain.slug === "lindenau-espresso-blend")!;
    expect(espresso.provenance.map((step) => [step.kind, step.organization?.slug])).toEqual([
      ["GROWN", "sierra-verde-coffee"],
      ["HARVESTED", "sierra-verde-coffee"],
      ["SHIPPED", "elbkai-logistics"],
      ["ROASTED", "lindenau-roasters"],
      ["PACKED", "lindenau-roasters"],
    ]);
  });

  it("includes certifications in every review state, reviewed by the platform admin", async () => {
    const certifications = await db.certification.findMany({ include: { reviewedBy: true } });
    const now = new Date();
    const statuses = new Set(certifications.map((certification) => certification.status));
    for (const status of ["VERIFIED", "PENDING", "REJECTED", "REVOKED"]) expect(statuses).toContain(status);
    for (const certification of certifications) {
      if (certification.status === "PENDING") {
        expect(certification.reviewedById).toBeNull();
      } else {
        expect(certification.reviewedBy?.isPlatformAdmin).toBe(true);
      }
      if (["REJECTED", "REVOKED"].includes(certification.status)) expect(certification.reviewNote).toBeTruthy();
    }
    const lapsed = certifications.filter((c) => c.status === "VERIFIED" && c.validTo !== null && c.validTo < now);
    expect(lapsed.length).toBeGreaterThanOrEqual(1);
    expect(certifications.some((certification) => certification.productId !== null)).toBe(true);
  });
});

describe("/labels", () => {
  it("lists every label, strongest verification first, with how many hold it now", async () => {
    const data = await readJson(await call(labelsLoader, get("/labels")));
    const bySlug = new Map<string, { holderCount: number; verificationKind: string }>(
      data.labels.map((label: { slug: string; holderCount: number; verificationKind: string }) => [label.slug, label]),
    );
    expect([...bySlug.keys()].sort()).toEqual([...LABEL_SLUGS].sort());
    const kinds = data.labels.map((label: { verificationKind: string }) => VERIFICATION_KINDS.indexOf(label.verificationKind as never));
    expect(kinds).toEqual([...kinds].sort((a: number, b: number) => a - b));
    // Sierra Verde (organic), plus four products; Thenmalai's organic certificate lapsed in June 2026.
    expect(bySlug.get("eu-organic")?.holderCount).toBe(5);
    // Sierra Verde and Kwahu, plus Lindenau's filter roast; Nyambene's claim was rejected.
    expect(bySlug.get("fairtrade")?.holderCount).toBe(3);
    // Mun River only: Sierra Verde's claim is still pending.
    expect(bySlug.get("small-producers-symbol")?.holderCount).toBe(1);
    // Cerro Alto only: Złoty Kłos's mark was revoked.
    expect(bySlug.get("regenerative")?.holderCount).toBe(1);
    expect(bySlug.get("worker-owned")?.holderCount).toBe(3);
  });

  it("counts a holder once even when it has two in-date certificates for the same label", async () => {
    const cerroAlto = await db.organization.findUniqueOrThrow({ where: { slug: "cerro-alto-olive" } });
    const label = await db.label.findUniqueOrThrow({ where: { slug: "regenerative" } });
    const renewal = await db.certification.create({
      data: {
        labelId: label.id,
        organizationId: cerroAlto.id,
        certifier: "Renewal",
        status: "VERIFIED",
        validFrom: new Date("2026-01-01T00:00:00Z"),
        validTo: null,
      },
    });
    try {
      const regenerative = (await listLabels()).find((entry) => entry.slug === "regenerative");
      expect(regenerative?.holderCount).toBe(1);
      const page = await getLabel("regenerative");
      expect(page?.organizations).toHaveLength(1);
      // The open-ended renewal outlasts the older certificate, so it is the one described.
      expect(page?.organizations[0]).toMatchObject({ slug: "cerro-alto-olive", certifier: "Renewal", validTo: null });
    } finally {
      await db.certification.delete({ where: { id: renewal.id } });
    }
  });
});

describe("/labels/:slug", () => {
  it("shows the label, its criteria as safe HTML, and only verified, in-date holders", async () => {
    const response = await labelPage("eu-organic");
    expect(response.status).toBe(200);
    const { label } = await readJson(response);
    expect(label).toMatchObject({ slug: "eu-organic", name: "EU Organic", verificationKind: "THIRD_PARTY" });
    expect(label.criteriaHtml).toMatch(/^<ul>/);
    expect(label.criteriaHtml).toContain("<li>");
    expect(label.organizations.map((o: { slug: string }) => o.slug)).toEqual(["sierra-verde-coffee"]);
    expect(label.products.map((p: { slug: string }) => p.slug).sort()).toEqual(
      [
        "cerro-alto-early-harvest-evoo",
        "cerro-alto-hojiblanca-evoo",
        "lindenau-espresso-blend",
        "mun-river-hom-mali-jasmine-rice",
      ].sort(),
    );
    expect(label.products.find((p: { slug: string }) => p.slug === "lindenau-espresso-blend").organization).toMatchObject({
      slug: "lindenau-roasters",
      name: "Lindenau Roasters Collective",
    });
  });

  it("hides pending, rejected and revoked claims", async () => {
    const holders = async (slug: string) =>
      (await readJson(await labelPage(slug))).label.organizations.map((o: { slug: string }) => o.slug).sort();
    expect(await holders("small-producers-symbol")).toEqual(["mun-river-rice"]); // Sierra Verde pending
    expect(await holders("fairtrade")).toEqual(["kwahu-cocoa-union", "sierra-verde-coffee"]); // Nyambene rejected
    expect(await holders("regenerative")).toEqual(["cerro-alto-olive"]); // Złoty Kłos revoked
  });

  it("shows an expiring certificate until its last day and hides it afterwards", async () => {
    const holders = async (now: Date) => (await getLabel("eu-organic", now))!.organizations.map((o) => o.slug).sort();
    expect(await holders(new Date("2026-06-30T23:59:59.000Z"))).toContain("thenmalai-tea-collective");
    expect(await holders(new Date("2026-07-01T00:00:00.000Z"))).not.toContain("thenmalai-tea-collective");
    expect(await holders(new Date())).not.toContain("thenmalai-tea-collective");
  });

  it("leaves out products that are no longer for sale", async () => {
    const espresso = { slug: "lindenau-espresso-blend" };
    await db.product.update({ where: espresso, data: { status: "ARCHIVED" } });
    try {
      const { label } = await readJson(await labelPage("eu-organic"));
      expect(label.products.map((p: { slug: string }) => p.slug)).not.toContain("lindenau-espresso-blend");
      expect((await listLabels()).find((entry) => entry.slug === "eu-organic")?.holderCount).toBe(4);
    } finally {
      await db.product.update({ where: espresso, data: { status: "ACTIVE" } });
    }
  });

  it("404s for an unknown label", async () => {
    expect((await labelPage("no-such-label")).status).toBe(404);
  });
});

describe("producer page labels", () => {
  it("shows an organisation's visible labels, strongest verification first, without product-level ones", async () => {
    const labelsOf = async (slug: string) =>
      (await readJson(await call(producerLoader, get(`/producers/${slug}`), { params: { slug } }))).organization.labels;
    expect(await labelsOf("thenmalai-tea-collective")).toEqual([
      { slug: "fair-for-life", name: "Fair for Life", verificationKind: "THIRD_PARTY" },
      { slug: "women-led", name: "Women-led", verificationKind: "PARTICIPATORY" },
    ]);
    expect((await labelsOf("lindenau-roasters")).map((label: { slug: string }) => label.slug)).toEqual([
      "living-wage",
      "worker-owned",
    ]);
    expect((await labelsOf("zloty-klos-mill")).map((label: { slug: string }) => label.slug)).toEqual(["pgs-organic"]);
    expect(await labelsOf("northside-food-coop")).toEqual([]);
  });
});
