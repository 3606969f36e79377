/**
 * Fixtures for collective-brand tests: governing organisations (with their kind and legal form), labels and
 * certifications, brands founded through the service, members admitted directly, and products carrying the mark.
 */
import crypto from "node:crypto";
import { db } from "~/adapters/db.server";
import type { BrandForm } from "~/domain/brand-forms";
import type { LegalForm, OrganizationKind } from "~/domain/organization-forms";
import type { Role } from "~/domain/permissions";
import { foundBrand, type BrandActor } from "~/services/brands.server";
import { createVariant } from "./commerce";
import { createOrganization, createUser, sessionCookieFor } from "./factories";

const unique = () => crypto.randomUUID().slice(0, 8);
export const DAY = 24 * 60 * 60 * 1000;

export type Governor = {
  user: { id: string; email: string; name: string };
  organization: { id: string; name: string; kind: OrganizationKind; legalForm: LegalForm; slug: string };
  role: Role;
  actor: BrandActor;
  cookie: string;
};

/** A user acting for an organisation in `role` (OWNER by default), with a session cookie. */
export async function governor(
  options: { kind?: OrganizationKind; legalForm?: LegalForm; role?: Role; name?: string } = {},
): Promise<Governor> {
  const user = await createUser();
  const role = options.role ?? "OWNER";
  const created = await createOrganization({ kind: options.kind ?? "PRODUCER", name: options.name ?? `Co-op ${unique()}` }, [{ userId: user.id, role }]);
  const organization = await db.organization.update({ where: { id: created.id }, data: { legalForm: options.legalForm ?? "PRODUCER_COOP" } });
  const org = { id: organization.id, name: organization.name, kind: organization.kind as OrganizationKind, legalForm: organization.legalForm as LegalForm, slug: organization.slug };
  return { user, organization: org, role, actor: { userId: user.id, organization: org, role }, cookie: await sessionCookieFor(user.id) };
}

/** Another user of an existing organisation, in `role`. */
export async function colleague(of: Governor, role: Role): Promise<Governor> {
  const user = await createUser();
  await db.membership.create({ data: { userId: user.id, organizationId: of.organization.id, role } });
  return { user, organization: of.organization, role, actor: { userId: user.id, organization: of.organization, role }, cookie: await sessionCookieFor(user.id) };
}

export async function createLabel(name = `Label ${unique()}`) {
  return db.label.create({
    data: {
      slug: `label-${unique()}`,
      name,
      summary: "Fair prices and democratic organisation.",
      criteria: "- Minimum price",
      issuer: "A certification body",
      verificationKind: "THIRD_PARTY",
    },
  });
}

/** A certification as an admin would leave it: VERIFIED, valid from a month ago, for a year unless told otherwise. */
export async function certify(
  labelId: string,
  holder: { organizationId: string; productId?: string | null },
  overrides: { validTo?: Date | null; validFrom?: Date; status?: "PENDING" | "VERIFIED" | "EXPIRED" | "REVOKED" } = {},
) {
  return db.certification.create({
    data: {
      labelId,
      organizationId: holder.organizationId,
      productId: holder.productId ?? null,
      certifier: "FLOCERT",
      certificateNumber: `FLO-${unique()}`,
      validFrom: overrides.validFrom ?? new Date(Date.now() - 30 * DAY),
      validTo: overrides.validTo === undefined ? new Date(Date.now() + 365 * DAY) : overrides.validTo,
      status: overrides.status ?? "VERIFIED",
    },
  });
}

export function brandForm(overrides: Partial<Omit<BrandForm, "logo">> = {}): Omit<BrandForm, "logo"> {
  return {
    name: `Andes Coffee ${unique()}`,
    story: "Smallholder co-operatives of the Andes marketing their coffee together.",
    primaryColor: "#1f6f4a",
    accentColor: "#f6e7c1",
    requiredLabelIds: [],
    allowedKinds: [],
    allowedLegalForms: [],
    quorumPercent: 50,
    majorityPercent: 50,
    ...overrides,
  };
}

/** A brand founded through the service by `founder` (who becomes its steward). */
export async function foundTestBrand(founder: Governor, overrides: Partial<Omit<BrandForm, "logo">> = {}) {
  return foundBrand(founder.actor, brandForm(overrides));
}

/** Admits an organisation as if a vote had accepted it. */
export async function admit(brandId: string, member: Governor, role: "STEWARD" | "MEMBER" = "MEMBER") {
  return db.brandMember.create({ data: { brandId, organizationId: member.organization.id, role } });
}

/** A listed product of the organisation (one variant, in the shared test category unless moved). */
export async function productOf(organizationId: string, title?: string) {
  const { product } = await createVariant(organizationId, title ? { title } : {});
  return product;
}

/** A product carrying the brand as a steward's approval would leave it. */
export async function markApproved(brandId: string, productId: string, proposedByOrganizationId: string) {
  return db.brandProduct.create({ data: { brandId, productId, proposedByOrganizationId, status: "APPROVED", decidedAt: new Date() } });
}

export async function outboxEvents(topic: string) {
  const events = await db.outboxEvent.findMany({ where: { topic }, orderBy: { createdAt: "asc" } });
  return events.map((event) => JSON.parse(event.payload) as unknown);
}
