// Demo collective brand: "Common Harvest", founded by Sierra Verde with Kwahu as a member, requiring Fairtrade.
// Shows a collection, an open application with one vote cast, a proposal waiting for a steward, and a running
// campaign (the home page's banner). Relative dates, so the campaign is running whenever the demo is seeded.
import type { Prisma } from "~/generated/prisma/client";

type Ids = { organizations: Map<string, string>; users: Map<string, string>; products: Map<string, string> };

export async function seedBrands(tx: Prisma.TransactionClient, ids: Ids) {
  const get = (map: Map<string, string>, key: string) => {
    const id = map.get(key);
    if (!id) throw new Error(`Demo data is missing ${key}`);
    return id;
  };
  const org = (slug: string) => get(ids.organizations, slug);
  const product = (slug: string) => get(ids.products, slug);
  const fairtrade = await tx.label.findUniqueOrThrow({ where: { slug: "fairtrade" } });
  const now = Date.now();
  const day = 86_400_000;
  const brand = await tx.brand.create({
    data: {
      slug: "common-harvest",
      name: "Common Harvest",
      story:
        "Common Harvest is a shared mark of producer co-operatives that sell under **Fairtrade** terms and govern the mark together. " +
        "Members pool their marketing — one story, one shelf, one campaign each season — and decide together, one co-op one vote, who joins.\n\n" +
        "Every product carrying the mark holds a current Fairtrade certification, checked by the platform; when one lapses, the mark comes off by itself.",
      primaryColor: "#7a3e1d",
      accentColor: "#f3d9a4",
      allowedKinds: "PRODUCER,SUPPLIER",
      quorumPercent: 50,
      majorityPercent: 50,
      foundedByOrganizationId: org("sierra-verde-coffee"),
      createdAt: new Date(now - 60 * day),
      requiredLabels: { create: [{ labelId: fairtrade.id }] },
      members: {
        create: [
          { organizationId: org("sierra-verde-coffee"), role: "STEWARD", admittedAt: new Date(now - 60 * day) },
          { organizationId: org("kwahu-cocoa-union"), role: "MEMBER", admittedAt: new Date(now - 40 * day) },
        ],
      },
    },
  });
  const approved = [
    ["sierra-verde-caturra-bourbon-whole-bean", "sierra-verde-coffee"],
    ["sierra-verde-ground-filter-coffee", "sierra-verde-coffee"],
    ["kwahu-70-dark-chocolate", "kwahu-cocoa-union"],
    ["kwahu-85-dark-chocolate", "kwahu-cocoa-union"],
  ] as const;
  const reviewer = get(ids.users, "lucia@sierraverde.demo");
  for (const [slug, proposer] of approved) {
    await tx.brandProduct.create({
      data: { brandId: brand.id, productId: product(slug), proposedByOrganizationId: org(proposer), status: "APPROVED", reviewedById: reviewer, decidedAt: new Date(now - 30 * day) },
    });
  }
  await tx.brandProduct.create({ data: { brandId: brand.id, productId: product("kwahu-42-milk-chocolate"), proposedByOrganizationId: org("kwahu-cocoa-union") } });
  const application = await tx.brandApplication.create({
    data: {
      brandId: brand.id,
      organizationId: org("lindenau-roasters"),
      message: "We roast Fairtrade coffee from Sierra Verde already and would like to sell it under the shared mark.",
      createdAt: new Date(now - 2 * day),
    },
  });
  await tx.brandVote.create({ data: { applicationId: application.id, organizationId: org("kwahu-cocoa-union"), castById: get(ids.users, "ama@kwahuridge.demo"), choice: "YES" } });
  await tx.brandCampaign.create({
    data: {
      brandId: brand.id,
      slug: "harvest-season",
      title: "Harvest season",
      bannerText: "New-crop coffee and this season's chocolate from the co-ops of Common Harvest.",
      body: "The new coffee crop from Cajamarca has landed, and Kwahu's bars are made from this season's beans. Every one carries Fairtrade terms.",
      startsAt: new Date(now - 3 * day),
      endsAt: new Date(now + 30 * day),
      status: "APPROVED",
      reviewedById: reviewer,
      products: { create: approved.map(([slug], position) => ({ productId: product(slug), position })) },
    },
  });
}
