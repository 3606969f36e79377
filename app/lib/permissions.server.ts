import { redirect } from "@remix-run/node";
import { db } from "~/adapters/db.server";
import { hasPermission, type Permission, type Role } from "~/domain/permissions";
import { requireSession } from "./auth.server";
import { forbidden } from "./http.server";

/**
 * The organisation the user is acting for: the one chosen in this session, or their first one.
 * Null when they belong to none.
 */
export async function getActiveMembership(session: { userId: string; activeOrganizationId: string | null }) {
  const include = { organization: true } as const;
  const chosen = session.activeOrganizationId
    ? await db.membership.findUnique({
        where: { userId_organizationId: { userId: session.userId, organizationId: session.activeOrganizationId } },
        include,
      })
    : null;
  return chosen ?? db.membership.findFirst({ where: { userId: session.userId }, orderBy: { createdAt: "asc" }, include });
}

/** Requires a logged-in member of an organisation; sends people with none to create one. */
export async function requireActiveMembership(request: Request) {
  const session = await requireSession(request);
  const membership = await getActiveMembership(session);
  if (!membership) throw redirect("/dashboard/organizations/new");
  return { session, user: session.user, membership, organization: membership.organization, role: membership.role as Role };
}

/** Requires `permission` in the active organisation; throws 403 otherwise. */
export async function requireOrganizationPermission(request: Request, permission: Permission) {
  const context = await requireActiveMembership(request);
  if (!hasPermission(context.role, permission)) {
    throw forbidden(
      `Your role in ${context.organization.name} (${context.role.toLowerCase()}) doesn't allow this. Ask an owner or admin.`,
    );
  }
  return context;
}

export async function requirePlatformAdmin(request: Request) {
  const session = await requireSession(request);
  if (!session.user.isPlatformAdmin) throw forbidden("Only platform administrators can open this page.");
  return session.user;
}
