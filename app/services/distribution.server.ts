/** A distributor's terms (handling fee, delivery fee, delivery days) and its pickup points. */
import { db } from "~/adapters/db.server";
import type { z } from "zod";
import type { distributionSettingsSchema, pickupPointFields } from "~/domain/distribution-forms";
import { RuleViolation } from "~/domain/errors";

type Settings = z.infer<typeof distributionSettingsSchema>;
type PointFields = z.infer<z.ZodObject<typeof pickupPointFields>>;

export async function distributionOverview(organizationId: string) {
  const [organization, pickupPoints] = await Promise.all([
    db.organization.findUniqueOrThrow({
      where: { id: organizationId },
      select: { name: true, kind: true, distributorFeeBps: true, distributorOrderFeeCents: true, deliveryFeeCents: true, deliveryWeekdays: true },
    }),
    db.pickupPoint.findMany({ where: { organizationId }, orderBy: [{ active: "desc" }, { city: "asc" }, { name: "asc" }] }),
  ]);
  return { organization, pickupPoints };
}

/** New terms apply to orders placed from now on; placed orders keep the fees they were charged. */
export async function updateDistributionSettings(organizationId: string, settings: Settings) {
  await db.organization.update({
    where: { id: organizationId },
    data: {
      distributorFeeBps: settings.feePercent,
      distributorOrderFeeCents: settings.orderFee,
      deliveryFeeCents: settings.deliveryFee,
      deliveryWeekdays: [...new Set(settings.deliveryWeekdays)].sort().join(","),
    },
  });
}

export async function addPickupPoint(organizationId: string, fields: PointFields) {
  return db.pickupPoint.create({ data: { organizationId, ...fields, capacity: fields.capacity ?? null } });
}

async function ownPoint(organizationId: string, pointId: string) {
  const point = await db.pickupPoint.findFirst({ where: { id: pointId, organizationId } });
  if (!point) throw new RuleViolation("That pickup point is not one of yours.");
  return point;
}

export async function updatePickupPoint(organizationId: string, pointId: string, fields: PointFields) {
  await ownPoint(organizationId, pointId);
  return db.pickupPoint.update({ where: { id: pointId }, data: { ...fields, capacity: fields.capacity ?? null } });
}

/** Closed points disappear from checkout and group orders; orders already placed keep theirs. */
export async function setPickupPointActive(organizationId: string, pointId: string, active: boolean) {
  await ownPoint(organizationId, pointId);
  return db.pickupPoint.update({ where: { id: pointId }, data: { active } });
}
