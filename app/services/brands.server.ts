/**
 * Collective brands: founding, membership by vote (app/domain/brand-governance.ts), products carrying the mark when
 * they meet the standards (app/domain/brand-standards.ts) and a steward approves, and shared campaigns. A product
 * shows the mark only while it meets the standards (checked when read, so an expired certification removes it at
 * once); the hourly job also records the removal with its reason.
 */
import { db } from "~/adapters/db.server";
import { checkRules, decide, canVote, tally, type VoteChoice } from "~/domain/brand-governance";
import type { BrandForm, CampaignForm } from "~/domain/brand-forms";
import { meetsStandards, organizationEligibility, parseList, type BrandStandards } from "~/domain/brand-standards";
import { assertRule, RuleViolation } from "~/domain/errors";
import { LEGAL_FORMS, ORGANIZATION_KINDS, type LegalForm, type OrganizationKind } from "~/domain/organization-forms";
import { slugify, uniqueSlug } from "~/domain/slug";
import type { Prisma } from "~/generated/prisma/client";
import { productCardsByIds } from "./catalog.server";
import { visibleCertificationWhere } from "./labels.server";
import { enqueue } from "./outbox.server";

type Tx = Prisma.TransactionClient;
export type BrandActor = { userId: string; organization: { id: string; name: string; kind: OrganizationKind; legalForm: LegalForm }; role: "OWNER" | "ADMIN" | "MEMBER" };

/** What a brand's standards check needs; search indexing loads the same. */
export const standardsInclude = { requiredLabels: { include: { label: { select: { id: true, name: true, slug: true } } } } } as const;
type BrandWithStandards = Prisma.BrandGetPayload<{ include: typeof standardsInclude }>;

export function standardsOf(brand: BrandWithStandards): BrandStandards {
  return {
    requiredLabels: brand.requiredLabels.map((required) => required.label),
    allowedKinds: parseList(brand.allowedKinds, ORGANIZATION_KINDS),
    allowedLegalForms: parseList(brand.allowedLegalForms, LEGAL_FORMS),
  };
}

/** The database form of "meets the standards now", for listing a brand's collection. */
export function meetsStandardsWhere(brand: BrandWithStandards, now: Date): Prisma.ProductWhereInput {
  const standards = standardsOf(brand);
  return {
    status: "ACTIVE",
    organization: {
      ...(standards.allowedKinds.length ? { kind: { in: [...standards.allowedKinds] } } : {}),
      ...(standards.allowedLegalForms.length ? { legalForm: { in: [...standards.allowedLegalForms] } } : {}),
    },
    AND: standards.requiredLabels.map((label) => ({
      OR: [
        { certifications: { some: { labelId: label.id, ...visibleCertificationWhere(now) } } },
        { organization: { certifications: { some: { labelId: label.id, productId: null, ...visibleCertificationWhere(now) } } } },
      ],
    })),
  };
}

/** Products carrying the brand right now: approved by a steward and still meeting the standards. */
export function carriesBrandWhere(brand: BrandWithStandards, now: Date): Prisma.ProductWhereInput {
  return { AND: [{ brands: { some: { brandId: brand.id, status: "APPROVED" } } }, meetsStandardsWhere(brand, now)] };
}

async function heldLabelIds(client: Tx | typeof db, productId: string, now: Date): Promise<Set<string>> {
  const product = await client.product.findUniqueOrThrow({ where: { id: productId }, select: { organizationId: true } });
  const certifications = await client.certification.findMany({
    // AND, not a spread: visibleCertificationWhere has its own OR (the validTo check), which a second OR would replace.
    where: { AND: [visibleCertificationWhere(now), { OR: [{ productId }, { organizationId: product.organizationId, productId: null }] }] },
    select: { labelId: true },
  });
  return new Set(certifications.map((certification) => certification.labelId));
}

function assertGovernor(actor: BrandActor) {
  if (actor.role === "MEMBER") throw new RuleViolation(`Only owners and admins act for ${actor.organization.name} in a brand's governance.`);
}

export async function brandFormOptions() {
  return { labels: await db.label.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, verificationKind: true } }) };
}

/** Any organisation can found a brand; it becomes the first member and a steward. */
export async function foundBrand(actor: BrandActor, form: Omit<BrandForm, "logo">, logoPath: string | null = null) {
  assertGovernor(actor);
  assertRule(checkRules(form));
  return db.$transaction(async (tx) => {
    const labels = await tx.label.findMany({ where: { id: { in: form.requiredLabelIds } }, select: { id: true } });
    const taken = new Set((await tx.brand.findMany({ select: { slug: true } })).map((brand) => brand.slug));
    const brand = await tx.brand.create({
      data: {
        slug: uniqueSlug(slugify(form.name), taken),
        name: form.name,
        story: form.story,
        primaryColor: form.primaryColor,
        accentColor: form.accentColor,
        logoPath,
        allowedKinds: form.allowedKinds.join(","),
        allowedLegalForms: form.allowedLegalForms.join(","),
        quorumPercent: form.quorumPercent,
        majorityPercent: form.majorityPercent,
        foundedByOrganizationId: actor.organization.id,
        requiredLabels: { create: labels.map((label) => ({ labelId: label.id })) },
        members: { create: { organizationId: actor.organization.id, role: "STEWARD" } },
      },
    });
    const eligibility = organizationEligibility(standardsOf({ ...brand, requiredLabels: [] }), actor.organization);
    if (!eligibility.ok) throw new RuleViolation(`Your own organisation would not meet these standards: ${eligibility.reasons.join(" ")}`);
    return brand;
  });
}

export async function listBrands() {
  return db.brand.findMany({
    orderBy: { name: "asc" },
    include: { ...standardsInclude, _count: { select: { members: true } }, members: { include: { organization: { select: { name: true } } }, take: 6 } },
  });
}

const brandPageInclude = {
  ...standardsInclude,
  foundedBy: { select: { name: true, slug: true } },
  members: { include: { organization: { select: { id: true, name: true, slug: true, kind: true, country: true } } }, orderBy: { admittedAt: "asc" } },
} as const;

export async function getBrand(slug: string) {
  return db.brand.findUnique({ where: { slug }, include: brandPageInclude });
}

/** What the viewer's active organisation can do on this brand's page. */
export async function brandGovernanceView(brandId: string, actor: BrandActor | null, now = new Date()) {
  const brand = await db.brand.findUniqueOrThrow({ where: { id: brandId }, include: brandPageInclude });
  const membership = actor ? brand.members.find((member) => member.organizationId === actor.organization.id) ?? null : null;
  const isSteward = Boolean(membership?.role === "STEWARD" && actor && actor.role !== "MEMBER");
  // Sequential on purpose: SQLite serves one statement at a time anyway, and each list has its own condition.
  const applications = membership
    ? await db.brandApplication.findMany({
        where: { brandId, OR: [{ status: "OPEN" }, { decidedAt: { gte: new Date(now.getTime() - 90 * 86_400_000) } }] },
        include: { organization: { select: { name: true, slug: true, kind: true, legalForm: true } }, votes: { include: { organization: { select: { id: true, name: true } } } } },
        orderBy: { createdAt: "desc" },
      })
    : [];
  const myApplication =
    actor && !membership ? await db.brandApplication.findFirst({ where: { brandId, organizationId: actor.organization.id }, orderBy: { createdAt: "desc" } }) : null;
  const proposals = membership
    ? await db.brandProduct.findMany({
        where: { brandId, status: { in: ["PROPOSED", "REJECTED", "REMOVED"] } },
        include: { product: { select: { title: true, slug: true } }, proposedBy: { select: { name: true } } },
        orderBy: { createdAt: "desc" },
        take: 50,
      })
    : [];
  const myProducts =
    membership && actor
      ? await db.product.findMany({
          where: { organizationId: actor.organization.id, status: "ACTIVE", brands: { none: { brandId, status: { in: ["PROPOSED", "APPROVED"] } } } },
          select: { id: true, title: true },
          orderBy: { title: "asc" },
        })
      : [];
  const campaigns = await db.brandCampaign.findMany({
    where: membership ? { brandId } : { brandId, status: "APPROVED", endsAt: { gte: now } },
    orderBy: { startsAt: "desc" },
    take: 20,
  });
  const eligible = brand.members.length;
  return {
    membership: membership ? { role: membership.role } : null,
    isSteward,
    canGovern: Boolean(actor && actor.role !== "MEMBER"),
    applications: applications.map((application) => {
      const counted = tally(application.votes);
      return {
        ...application,
        tally: counted,
        decision: application.status === "OPEN" ? decide(counted, eligible, brand) : null,
        myVote: actor ? (application.votes.find((vote) => vote.organizationId === actor.organization.id)?.choice ?? null) : null,
      };
    }),
    myApplication,
    proposals,
    myProducts,
    campaigns,
    eligibility: actor ? organizationEligibility(standardsOf(brand), actor.organization) : null,
  };
}

export async function applyToBrand(actor: BrandActor, brandId: string, message: string) {
  assertGovernor(actor);
  return db.$transaction(async (tx) => {
    const brand = await tx.brand.findUniqueOrThrow({ where: { id: brandId }, include: standardsInclude });
    if (await tx.brandMember.findUnique({ where: { brandId_organizationId: { brandId, organizationId: actor.organization.id } } })) {
      throw new RuleViolation(`${actor.organization.name} is already a member of ${brand.name}.`);
    }
    if (await tx.brandApplication.findFirst({ where: { brandId, organizationId: actor.organization.id, status: "OPEN" } })) {
      throw new RuleViolation("Your application is already open; the members are voting.");
    }
    const eligibility = organizationEligibility(standardsOf(brand), actor.organization);
    if (!eligibility.ok) throw new RuleViolation(eligibility.reasons.join(" "));
    return tx.brandApplication.create({ data: { brandId, organizationId: actor.organization.id, message } });
  });
}

async function settle(tx: Tx, applicationId: string, { final }: { final: boolean }, now: Date) {
  const application = await tx.brandApplication.findUniqueOrThrow({ where: { id: applicationId }, include: { votes: true, brand: { include: { _count: { select: { members: true } } } } } });
  const decision = decide(tally(application.votes), application.brand._count.members, application.brand, { final });
  if (decision.outcome === "PENDING") return decision;
  await tx.brandApplication.update({
    where: { id: applicationId },
    data: {
      status: decision.outcome,
      yesVotes: decision.tally.yes,
      noVotes: decision.tally.no,
      abstentions: decision.tally.abstain,
      eligibleVoters: application.brand._count.members,
      decisionNote: decision.reason,
      decidedAt: now,
    },
  });
  if (decision.outcome === "ACCEPTED") {
    await tx.brandMember.create({ data: { brandId: application.brandId, organizationId: application.organizationId, role: "MEMBER" } });
  }
  return decision;
}

/** One organisation, one vote; the application is decided as soon as the outcome is certain. */
export async function castVote(actor: BrandActor, applicationId: string, choice: VoteChoice, now = new Date()) {
  assertGovernor(actor);
  return db.$transaction(async (tx) => {
    const application = await tx.brandApplication.findUnique({ where: { id: applicationId } });
    if (!application) throw new RuleViolation("That application no longer exists.");
    const member = await tx.brandMember.findUnique({ where: { brandId_organizationId: { brandId: application.brandId, organizationId: actor.organization.id } } });
    const already = await tx.brandVote.findUnique({ where: { applicationId_organizationId: { applicationId, organizationId: actor.organization.id } } });
    assertRule(canVote({ organizationId: actor.organization.id, isMember: Boolean(member), alreadyVoted: Boolean(already) }, application));
    await tx.brandVote.create({ data: { applicationId, organizationId: actor.organization.id, castById: actor.userId, choice } });
    return settle(tx, applicationId, { final: false }, now);
  });
}

async function requireSteward(tx: Tx | typeof db, actor: BrandActor, brandId: string) {
  assertGovernor(actor);
  const member = await tx.brandMember.findUnique({ where: { brandId_organizationId: { brandId, organizationId: actor.organization.id } } });
  if (member?.role !== "STEWARD") throw new RuleViolation("Only the brand's stewards can do this.");
}

/** A steward ends the vote: decided with the votes cast (no quorum → not admitted). */
export async function closeVote(actor: BrandActor, applicationId: string, now = new Date()) {
  return db.$transaction(async (tx) => {
    const application = await tx.brandApplication.findUnique({ where: { id: applicationId } });
    if (!application || application.status !== "OPEN") throw new RuleViolation("Voting on this application has already ended.");
    await requireSteward(tx, actor, application.brandId);
    return settle(tx, applicationId, { final: true }, now);
  });
}

/**
 * A member organisation proposes one of its products. One that does not meet the standards is refused at once, with
 * every reason; one that does waits for a steward.
 */
export async function proposeProduct(actor: BrandActor, brandId: string, productId: string, now = new Date()) {
  return db.$transaction(async (tx) => {
    const brand = await tx.brand.findUniqueOrThrow({ where: { id: brandId }, include: standardsInclude });
    const member = await tx.brandMember.findUnique({ where: { brandId_organizationId: { brandId, organizationId: actor.organization.id } } });
    if (!member) throw new RuleViolation(`Only member organisations of ${brand.name} propose products.`);
    const product = await tx.product.findFirst({
      where: { id: productId, organizationId: actor.organization.id, status: "ACTIVE" },
      select: { id: true, title: true, organization: { select: { kind: true, legalForm: true } } },
    });
    if (!product) throw new RuleViolation("Choose one of your organisation's listed products.");
    const existing = await tx.brandProduct.findUnique({ where: { brandId_productId: { brandId, productId } } });
    if (existing && (existing.status === "PROPOSED" || existing.status === "APPROVED")) {
      throw new RuleViolation(existing.status === "APPROVED" ? `${product.title} already carries ${brand.name}.` : `${product.title} is already waiting for a steward.`);
    }
    const result = meetsStandards(standardsOf(brand), { organization: product.organization, heldLabelIds: await heldLabelIds(tx, productId, now) });
    const data = result.ok
      ? { status: "PROPOSED" as const, reason: null, decidedAt: null, reviewedById: null }
      : { status: "REJECTED" as const, reason: `Does not meet the standards: ${result.reasons.join(" ")}`, decidedAt: now, reviewedById: null };
    await tx.brandProduct.upsert({
      where: { brandId_productId: { brandId, productId } },
      create: { brandId, productId, proposedByOrganizationId: actor.organization.id, ...data },
      update: { proposedByOrganizationId: actor.organization.id, ...data },
    });
    return { title: product.title, ...(result.ok ? { ok: true as const } : { ok: false as const, reasons: result.reasons }) };
  });
}

/** A steward approves (only if it still meets the standards) or refuses a proposed product. */
export async function reviewProduct(actor: BrandActor, brandProductId: string, decision: "approve" | "reject", reason: string | undefined, now = new Date()) {
  return db.$transaction(async (tx) => {
    const proposal = await tx.brandProduct.findUnique({ where: { id: brandProductId }, include: { brand: { include: standardsInclude }, product: { select: { title: true, organization: { select: { kind: true, legalForm: true } } } } } });
    if (!proposal) throw new RuleViolation("That proposal no longer exists.");
    await requireSteward(tx, actor, proposal.brandId);
    if (proposal.status !== "PROPOSED") throw new RuleViolation("This proposal has already been decided.");
    if (decision === "reject") {
      if (!reason) throw new RuleViolation("Say why the product is refused: the members proposing it are told.");
      await tx.brandProduct.update({ where: { id: proposal.id }, data: { status: "REJECTED", reason, reviewedById: actor.userId, decidedAt: now } });
      return { title: proposal.product.title, status: "REJECTED" as const };
    }
    const result = meetsStandards(standardsOf(proposal.brand), { organization: proposal.product.organization, heldLabelIds: await heldLabelIds(tx, proposal.productId, now) });
    if (!result.ok) {
      await tx.brandProduct.update({ where: { id: proposal.id }, data: { status: "REJECTED", reason: `No longer meets the standards: ${result.reasons.join(" ")}`, reviewedById: actor.userId, decidedAt: now } });
      throw new RuleViolation(`${proposal.product.title} no longer meets the standards: ${result.reasons.join(" ")}`);
    }
    await tx.brandProduct.update({ where: { id: proposal.id }, data: { status: "APPROVED", reason: null, reviewedById: actor.userId, decidedAt: now } });
    await enqueue(tx, "product.changed", { productIds: [proposal.productId] });
    return { title: proposal.product.title, status: "APPROVED" as const };
  });
}

/**
 * Records the loss of the mark for approved products that no longer meet their brand's standards (a required
 * certification expired or was revoked). Pages already hide the mark the moment that happens; this writes why.
 */
export async function recheckBrandMarks(now = new Date()): Promise<number> {
  const approved = await db.brandProduct.findMany({
    where: { status: "APPROVED" },
    include: { brand: { include: standardsInclude }, product: { select: { id: true, status: true, organization: { select: { kind: true, legalForm: true } } } } },
  });
  let removed = 0;
  for (const mark of approved) {
    const result = meetsStandards(standardsOf(mark.brand), { organization: mark.product.organization, heldLabelIds: await heldLabelIds(db, mark.productId, now) });
    if (result.ok) continue;
    const changed = await db.$transaction(async (tx) => {
      const update = await tx.brandProduct.updateMany({
        where: { id: mark.id, status: "APPROVED" },
        data: { status: "REMOVED", reason: `Lost the mark: ${result.reasons.join(" ")}`, decidedAt: now },
      });
      if (update.count) await enqueue(tx, "product.changed", { productIds: [mark.productId] });
      return update.count;
    });
    removed += changed;
  }
  return removed;
}

/** The brands a product carries right now, for its page and its search document. */
export async function brandsOfProduct(productId: string, now = new Date()) {
  const approved = { productId, status: "APPROVED" } as const;
  // Most products carry no brand: one light query settles that before the brands' standards are loaded.
  if ((await db.brandProduct.count({ where: approved })) === 0) return [];
  const marks = await db.brandProduct.findMany({ where: approved, include: { brand: { include: standardsInclude } } });
  const [product, held] = await Promise.all([
    db.product.findUniqueOrThrow({ where: { id: productId }, select: { status: true, organization: { select: { kind: true, legalForm: true } } } }),
    heldLabelIds(db, productId, now),
  ]);
  return marks
    .filter((mark) => product.status === "ACTIVE" && meetsStandards(standardsOf(mark.brand), { organization: product.organization, heldLabelIds: held }).ok)
    .map((mark) => ({ slug: mark.brand.slug, name: mark.brand.name, primaryColor: mark.brand.primaryColor, accentColor: mark.brand.accentColor }));
}

export const COLLECTION_PAGE_SIZE = 24;

export async function brandCollection(brand: BrandWithStandards, { page, category, label }: { page: number; category?: string; label?: string }, now = new Date()) {
  const where: Prisma.ProductWhereInput = {
    AND: [
      carriesBrandWhere(brand, now),
      ...(category ? [{ category: { slug: category } }] : []),
      ...(label ? [{ OR: [{ certifications: { some: { label: { slug: label }, ...visibleCertificationWhere(now) } } }, { organization: { certifications: { some: { label: { slug: label }, productId: null, ...visibleCertificationWhere(now) } } } }] }] : []),
    ],
  };
  const [ids, total, categories, labels] = await Promise.all([
    db.product.findMany({ where, orderBy: [{ title: "asc" }, { id: "asc" }], skip: (page - 1) * COLLECTION_PAGE_SIZE, take: COLLECTION_PAGE_SIZE, select: { id: true } }),
    db.product.count({ where }),
    db.category.findMany({ where: { products: { some: carriesBrandWhere(brand, now) } }, orderBy: { name: "asc" }, select: { slug: true, name: true } }),
    db.label.findMany({ orderBy: { name: "asc" }, select: { slug: true, name: true } }),
  ]);
  const products = await productCardsByIds(ids.map((product) => product.id));
  return { products, total, categories, labels, pageSize: COLLECTION_PAGE_SIZE };
}

/** Members propose a campaign over products in the collection; it shows once a steward approves it. */
export async function proposeCampaign(actor: BrandActor, brandId: string, form: CampaignForm, now = new Date()) {
  return db.$transaction(async (tx) => {
    const brand = await tx.brand.findUniqueOrThrow({ where: { id: brandId }, include: standardsInclude });
    const member = await tx.brandMember.findUnique({ where: { brandId_organizationId: { brandId, organizationId: actor.organization.id } } });
    if (!member) throw new RuleViolation(`Only member organisations of ${brand.name} propose campaigns.`);
    const products = await tx.product.findMany({ where: { id: { in: form.productIds }, ...carriesBrandWhere(brand, now) }, select: { id: true } });
    if (products.length !== new Set(form.productIds).size) throw new RuleViolation("Campaigns show products that carry the brand; some of the chosen ones do not (any more).");
    const taken = new Set((await tx.brandCampaign.findMany({ where: { brandId }, select: { slug: true } })).map((campaign) => campaign.slug));
    return tx.brandCampaign.create({
      data: {
        brandId,
        slug: uniqueSlug(slugify(form.title), taken),
        title: form.title,
        bannerText: form.bannerText,
        body: form.body,
        startsAt: form.startsAt,
        endsAt: form.endsAt,
        products: { create: form.productIds.map((productId, position) => ({ productId, position })) },
      },
    });
  });
}

export async function reviewCampaign(actor: BrandActor, campaignId: string, decision: "approve" | "reject") {
  return db.$transaction(async (tx) => {
    const campaign = await tx.brandCampaign.findUnique({ where: { id: campaignId } });
    if (!campaign) throw new RuleViolation("That campaign no longer exists.");
    await requireSteward(tx, actor, campaign.brandId);
    if (campaign.status !== "PROPOSED") throw new RuleViolation("This campaign has already been decided.");
    return tx.brandCampaign.update({ where: { id: campaignId }, data: { status: decision === "approve" ? "APPROVED" : "REJECTED", reviewedById: actor.userId } });
  });
}

export async function getCampaign(brandSlug: string, campaignSlug: string, now = new Date()) {
  const brand = await db.brand.findUnique({ where: { slug: brandSlug }, include: standardsInclude });
  if (!brand) return null;
  const campaign = await db.brandCampaign.findUnique({
    where: { brandId_slug: { brandId: brand.id, slug: campaignSlug } },
    include: { products: { orderBy: { position: "asc" }, where: { product: carriesBrandWhere(brand, now) }, select: { productId: true } } },
  });
  if (!campaign || campaign.status !== "APPROVED") return null;
  const { products: entries, ...rest } = campaign;
  return { brand, campaign: rest, products: await productCardsByIds(entries.map((entry) => entry.productId)) };
}

/** Approved campaigns running now, for the home page's banners. */
export async function runningCampaigns(now = new Date()) {
  return db.brandCampaign.findMany({
    where: { status: "APPROVED", startsAt: { lte: now }, endsAt: { gte: now } },
    include: { brand: { select: { slug: true, name: true, primaryColor: true, accentColor: true } } },
    orderBy: { startsAt: "desc" },
    take: 3,
  });
}
