// Demo trade set-up: distributors' pickup points and fees, producers' wholesale minimums, and invoice terms a
// producer has given a buying co-op — enough to check out every way on a fresh install.
import type { Prisma } from "~/generated/prisma/client";

type Ids = { organizations: Map<string, string>; users: Map<string, string> };

export async function seedTrade(tx: Prisma.TransactionClient, ids: Ids) {
  const org = (slug: string) => {
    const id = ids.organizations.get(slug);
    if (!id) throw new Error(`Demo organisation ${slug} is missing`);
    return id;
  };
  await tx.organization.update({ where: { id: org("fairway-food-hub") }, data: { distributorFeeBps: 500, deliveryFeeCents: 650 } });
  await tx.organization.update({ where: { id: org("elbkai-logistics") }, data: { distributorFeeBps: 400 } });
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
  return { pickupPoints: pickupPoints.length };
}
