import crypto from "node:crypto";
import { db } from "~/adapters/db.server";
import { Prisma } from "~/generated/prisma/client";
import { badgesFor } from "~/domain/certifications";
import { assertRule, RuleViolation } from "~/domain/errors";
import type { OrganizationKind, OrganizationProfile } from "~/domain/organization-forms";
import { canAssignRole, canRemoveMember, type Role } from "~/domain/permissions";
import { slugify, uniqueSlug } from "~/domain/slug";
import { productCardsWhere } from "./catalog.server";
import { visibleCertificationWhere } from "./labels.server";
import { enqueue } from "./outbox.server";

export const INVITATION_TTL_DAYS = 14;

type Actor = { userId: string; role: Role };

function profileData(profile: OrganizationProfile) {
  return {
    name: profile.name,
    kind: profile.kind,
    legalForm: profile.legalForm,
    country: profile.country,
    region: profile.region,
    story: profile.story,
    website: profile.website ?? null,
    memberCount: profile.memberCount ?? null,
  };
}

/** Creates the organisation with its founder as OWNER and makes it the session's active organisation. */
export async function createOrganization(founder: { userId: string; sessionId: string }, profile: OrganizationProfile) {
  return db.$transaction(async (tx) => {
    const base = slugify(profile.name);
    const taken = await tx.organization.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } });
    const organization = await tx.organization.create({
      data: {
        ...profileData(profile),
        slug: uniqueSlug(base, new Set(taken.map((row) => row.slug))),
        memberships: { create: { userId: founder.userId, role: "OWNER" } },
      },
    });
    await tx.session.update({ where: { id: founder.sessionId }, data: { activeOrganizationId: organization.id } });
    await enqueue(tx, "organization.changed", { organizationId: organization.id });
    return organization;
  });
}

export async function updateOrganization(organizationId: string, profile: OrganizationProfile) {
  return db.$transaction(async (tx) => {
    const organization = await tx.organization.update({ where: { id: organizationId }, data: profileData(profile) });
    // Search follows the profile: the organisation's own document and its products' (they carry its name and kind).
    await enqueue(tx, "organization.changed", { organizationId });
    return organization;
  });
}

export async function listMyMemberships(userId: string) {
  return db.membership.findMany({
    where: { userId },
    orderBy: { organization: { name: "asc" } },
    select: { role: true, organization: { select: { id: true, name: true, slug: true, kind: true } } },
  });
}

export async function switchActiveOrganization(session: { id: string; userId: string }, organizationId: string) {
  const membership = await db.membership.findUnique({
    where: { userId_organizationId: { userId: session.userId, organizationId } },
    include: { organization: { select: { name: true } } },
  });
  if (!membership) throw new RuleViolation("You are not a member of that organisation.");
  await db.session.update({ where: { id: session.id }, data: { activeOrganizationId: organizationId } });
  return membership.organization;
}

export async function getMembersOverview(organizationId: string, now = new Date()) {
  const [members, invitations] = await Promise.all([
    db.membership.findMany({
      where: { organizationId },
      orderBy: [{ createdAt: "asc" }],
      select: { id: true, role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
    }),
    db.invitation.findMany({
      where: { organizationId, acceptedAt: null, expiresAt: { gt: now } },
      orderBy: { createdAt: "desc" },
      select: { id: true, email: true, role: true, token: true, expiresAt: true },
    }),
  ]);
  return { members, invitations };
}

function countOwners(organizationId: string) {
  return db.membership.count({ where: { organizationId, role: "OWNER" } });
}

export type AddMemberResult =
  | { kind: "added"; name: string }
  | { kind: "invited"; email: string; token: string };

/** Adds an existing user at once; anyone without an account gets an invitation they accept by signing up. */
export async function addMemberOrInvite(
  actor: Actor,
  organizationId: string,
  input: { email: string; role: Role },
  now = new Date(),
): Promise<AddMemberResult> {
  assertRule(canAssignRole(actor.role, null, input.role, await countOwners(organizationId)));
  const user = await db.user.findUnique({ where: { email: input.email }, select: { id: true, name: true } });
  if (user) {
    const existing = await db.membership.findUnique({
      where: { userId_organizationId: { userId: user.id, organizationId } },
    });
    if (existing) throw new RuleViolation(`${user.name} is already a member.`);
    await db.membership.create({ data: { userId: user.id, organizationId, role: input.role } });
    return { kind: "added", name: user.name };
  }
  const token = crypto.randomBytes(24).toString("base64url");
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_DAYS * 24 * 60 * 60 * 1000);
  await db.invitation.upsert({
    where: { organizationId_email: { organizationId, email: input.email } },
    create: { organizationId, email: input.email, role: input.role, token, expiresAt, invitedById: actor.userId },
    update: { role: input.role, token, expiresAt, acceptedAt: null, invitedById: actor.userId },
  });
  return { kind: "invited", email: input.email, token };
}

async function findMembership(organizationId: string, membershipId: string) {
  const membership = await db.membership.findFirst({
    where: { id: membershipId, organizationId },
    include: { user: { select: { id: true, name: true } } },
  });
  if (!membership) throw new RuleViolation("That person is no longer a member.");
  return membership;
}

export async function changeMemberRole(actor: Actor, organizationId: string, membershipId: string, role: Role) {
  const membership = await findMembership(organizationId, membershipId);
  assertRule(canAssignRole(actor.role, membership.role as Role, role, await countOwners(organizationId)));
  await db.membership.update({ where: { id: membership.id }, data: { role } });
  return membership.user;
}

export async function removeMember(actor: Actor, organizationId: string, membershipId: string) {
  const membership = await findMembership(organizationId, membershipId);
  const isSelf = membership.userId === actor.userId;
  assertRule(canRemoveMember(actor.role, membership.role as Role, await countOwners(organizationId), isSelf));
  await db.membership.delete({ where: { id: membership.id } });
  return { ...membership.user, isSelf };
}

export async function revokeInvitation(organizationId: string, invitationId: string) {
  await db.invitation.deleteMany({ where: { id: invitationId, organizationId, acceptedAt: null } });
}

export async function findOpenInvitation(token: string, now = new Date()) {
  return db.invitation.findFirst({
    where: { token, acceptedAt: null, expiresAt: { gt: now } },
    include: { organization: { select: { id: true, name: true, slug: true } }, invitedBy: { select: { name: true } } },
  });
}

export async function acceptInvitation(
  token: string,
  user: { id: string; email: string },
  sessionId: string,
  now = new Date(),
) {
  const invitation = await findOpenInvitation(token, now);
  if (!invitation) throw new RuleViolation("This invitation has expired or was already used.");
  if (invitation.email !== user.email) {
    throw new RuleViolation(`This invitation is for ${invitation.email}. Log in with that address to accept it.`);
  }
  await db.$transaction([
    db.membership.upsert({
      where: { userId_organizationId: { userId: user.id, organizationId: invitation.organizationId } },
      create: { userId: user.id, organizationId: invitation.organizationId, role: invitation.role },
      update: {},
    }),
    db.invitation.update({ where: { id: invitation.id }, data: { acceptedAt: now } }),
    db.session.update({ where: { id: sessionId }, data: { activeOrganizationId: invitation.organizationId } }),
  ]);
  return invitation.organization;
}

const publicOrganizationSelect = {
  id: true,
  slug: true,
  name: true,
  kind: true,
  legalForm: true,
  country: true,
  region: true,
  story: true,
  website: true,
  memberCount: true,
  verifiedAt: true,
} as const;

export const ORGANIZATIONS_PAGE_SIZE = 24;

export async function listOrganizations(filter: { kind?: OrganizationKind; page: number }) {
  const where = filter.kind ? { kind: filter.kind } : {};
  const [organizations, total] = await Promise.all([
    db.organization.findMany({
      where,
      orderBy: { name: "asc" },
      skip: (filter.page - 1) * ORGANIZATIONS_PAGE_SIZE,
      take: ORGANIZATIONS_PAGE_SIZE,
      select: { ...publicOrganizationSelect, _count: { select: { products: { where: { status: "ACTIVE" } } } } },
    }),
    db.organization.count({ where }),
  ]);
  return { organizations, total, pageSize: ORGANIZATIONS_PAGE_SIZE };
}

/** An organisation's public page: profile, products for sale, and its labels (organisation-level, shown as badges). */
export async function getPublicOrganization(slug: string, now = new Date()) {
  const organization = await db.organization.findUnique({
    where: { slug },
    select: {
      ...publicOrganizationSelect,
      createdAt: true,
      certifications: {
        where: { productId: null, ...visibleCertificationWhere(now) },
        select: {
          status: true,
          validFrom: true,
          validTo: true,
          label: { select: { slug: true, name: true, verificationKind: true } },
        },
      },
    },
  });
  if (!organization) return null;
  const { certifications, ...rest } = organization;
  const { cards: products } = await productCardsWhere(Prisma.sql`p."organizationId" = ${organization.id} AND p."status" = 'ACTIVE'`);
  return { ...rest, products, labels: badgesFor(certifications, now).map((certification) => certification.label) };
}

export async function featuredProducers(limit = 6) {
  return db.organization.findMany({
    where: { kind: { in: ["PRODUCER", "SUPPLIER"] }, verifiedAt: { not: null } },
    orderBy: { name: "asc" },
    take: limit,
    select: publicOrganizationSelect,
  });
}

/** Null when there is no such organisation. */
export async function setOrganizationVerified(organizationId: string, verified: boolean, now = new Date()) {
  const { count } = await db.organization.updateMany({
    where: { id: organizationId },
    data: { verifiedAt: verified ? now : null },
  });
  return count ? db.organization.findUnique({ where: { id: organizationId }, select: { name: true, verifiedAt: true } }) : null;
}
