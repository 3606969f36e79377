// Demo trade set-up: distributors' pickup points and fees, producers' wholesale minimums, and invoice terms a
// producer has given a buying co-op — enough to check out every way on a fresh install.
import type { Prisma } from "~/generated/prisma/client";

type Ids = { organizations: Map<string, string>; users: Map<string, string>; variants: Map<string, { id: string }> };

export async function seedTrade(tx: Prisma.TransactionClient, ids: Ids) {
  const org = (slug: string) => {
    const id = ids.organizations.get(slug);
    if (!id) throw new Error(`Demo organisation ${slug} is missing`);
    return id;
  };
  await tx.organization.update({ where: { id: org("fairway-food-hub") }, data: { distributorFeeBps: 500, deliveryFeeCents: 650, deliveryWeekdays: "4,6" } });
  await tx.organization.update({ where: { id: org("elbkai-logistics") }, data: { distributorFeeBps: 400, deliveryWeekdays: "2,5" } });
  await tx.organization.update({ where: { id: org("sierra-verde-coffee") }, data: { minimumWholesaleOrderCents: 15_000 } });
  await tx.organization.update({ where: { id: org("cerro-alto-olive") }, data: { minimumWholesaleOrderCents: 10_000 } });
  const pickupPoints = [
    { organizationId: org("fairway-food-hub"), name: "Fairway warehouse", address: "Unit 4, Feeder Road", postcode: "BS2 0SB", city: "Bristol", country: "GB", openingHours: "Thu 16:00–19:00, Sat 10:00–13:00", capacity: 120 },
    { organizationId: org("fairway-food-hub"), name: "Northside shop", address: "212 Stockport Road", postcode: "M19 3AF", city: "Manchester", country: "GB", openingHours: "Fri 15:00–19:00", capacity: 60 },
    { organizationId: org("elbkai-logistics"), name: "Kiezkorb basement", address: "Weserstraße 58", postcode: "12045", city: "Berlin", country: "DE", openingHours: "Every fourth Sat 11:00–14:00", capacity: 40 },
    { organizationId: org("elbkai-logistics"), name: "Elbkai depot", address: "Am Veringhof 9", postcode: "21107", city: "Hamburg", country: "DE", openingHours: "Mon–Fri 08:00–16:00", capacity: null },
  ];
  await tx.pickupPoint.createMany({ data: pickupPoints });
  const approvedById = ids.users.get("lucia@sierraverde.demo");
  if (!approvedById) throw new Error("Demo user lucia@sierraverde.demo is missing");
  await tx.creditTerms.create({
    data: { sellerOrganizationId: org("sierra-verde-coffee"), buyerOrganizationId: org("northside-food-coop"), netDays: 30, approvedById },
  });
  await seedGroupOrder(tx, ids, org);
  return { pickupPoints: pickupPoints.length };
}

/**
 * An open group order, coordinated by Northside with Kiezkorb invited, with members' lines: the coffee has two
 * cases' worth only thanks to tolerance, so the demo shows live fill and a fair tolerance split at close.
 * Times are relative to seeding; the scheduler closes it when its time comes.
 */
async function seedGroupOrder(tx: Prisma.TransactionClient, ids: Ids, org: (slug: string) => string) {
  const user = (email: string) => {
    const id = ids.users.get(email);
    if (!id) throw new Error(`Demo user ${email} is missing`);
    return id;
  };
  const variant = (sku: string) => {
    const found = ids.variants.get(sku);
    if (!found) throw new Error(`Demo variant ${sku} is missing`);
    return found.id;
  };
  const now = Date.now();
  const day = 86_400_000;
  const point = await tx.pickupPoint.findFirstOrThrow({ where: { name: "Northside shop" } });
  const skus = ["SVC-COF-WB-250", "SVC-NIB-200", "CAO-EVO-500", "MRR-JAS-1000", "KCU-D70-100"];
  const variants = await tx.variant.findMany({
    where: { sku: { in: skus } },
    select: { id: true, sku: true, caseSize: true, wholesaleCasePriceCents: true, product: { select: { organizationId: true, organization: { select: { minimumWholesaleOrderCents: true } } } } },
  });
  const producers = new Map(variants.map((row) => [row.product.organizationId, row.product.organization.minimumWholesaleOrderCents]));
  const order = await tx.groupOrder.create({
    data: {
      title: "December pantry order",
      coordinatorOrganizationId: org("northside-food-coop"),
      createdById: user("priya@northside.demo"),
      opensAt: new Date(now - day),
      closesAt: new Date(now + 5 * day),
      deliveryDate: new Date(Math.floor((now + 12 * day) / day) * day),
      pickupPointId: point.id,
      distributorOrganizationId: point.organizationId,
      sharedFeesCents: 2_400,
      note: "Pallet shipping from Fairway is shared by value. Tolerance helps us fill the coffee cases!",
      openNoticeSentAt: new Date(now - day),
      producers: { create: [...producers].map(([organizationId, minimumOrderCents]) => ({ organizationId, minimumOrderCents })) },
      offers: { create: variants.map((row) => ({ variantId: row.id, caseSize: row.caseSize, casePriceCents: row.wholesaleCasePriceCents })) },
      participants: { create: [{ organizationId: org("northside-food-coop") }, { organizationId: org("kiezkorb-berlin") }] },
    },
  });
  const members: Array<{ email: string; coop: string; lines: Array<[sku: string, quantity: number, tolerance: number]> }> = [
    { email: "priya@northside.demo", coop: "northside-food-coop", lines: [["SVC-COF-WB-250", 8, 0], ["CAO-EVO-500", 3, 1]] },
    { email: "jo@northside.demo", coop: "northside-food-coop", lines: [["SVC-COF-WB-250", 6, 2], ["MRR-JAS-1000", 2, 0], ["SVC-NIB-200", 4, 2]] },
    { email: "alex@northside.demo", coop: "northside-food-coop", lines: [["SVC-COF-WB-250", 4, 3], ["KCU-D70-100", 10, 0]] },
    { email: "lena@kiezkorb.demo", coop: "kiezkorb-berlin", lines: [["SVC-COF-WB-250", 3, 0], ["KCU-D70-100", 8, 4], ["SVC-NIB-200", 5, 0]] },
  ];
  let minute = 0;
  for (const member of members) {
    const row = await tx.groupOrderMember.create({ data: { groupOrderId: order.id, userId: user(member.email), organizationId: org(member.coop) } });
    for (const [sku, quantity, tolerance] of member.lines) {
      minute += 7;
      await tx.groupOrderLine.create({
        data: { groupOrderId: order.id, memberId: row.id, variantId: variant(sku), quantity, tolerance, createdAt: new Date(now - day + minute * 60_000) },
      });
    }
  }
}
