import { db } from "~/adapters/db.server";

export async function getDashboardOverview(
  user: { id: string; email: string; name: string },
  organizationId: string | null,
  now = new Date(),
) {
  const [organization, invitations] = await Promise.all([
    organizationId
      ? db.organization.findUnique({
          where: { id: organizationId },
          select: {
            name: true,
            slug: true,
            kind: true,
            verifiedAt: true,
            _count: {
              select: {
                memberships: true,
                products: { where: { status: "ACTIVE" } },
                certifications: { where: { status: "PENDING" } },
              },
            },
          },
        })
      : null,
    db.invitation.findMany({
      where: { email: user.email, acceptedAt: null, expiresAt: { gt: now } },
      select: { token: true, organization: { select: { name: true } } },
    }),
  ]);
  return { user: { name: user.name }, organization, invitations };
}
