import { db } from "~/adapters/db.server";
import { sessionIdCookie } from "~/lib/cookies.server";
import { createSession, signUp } from "~/services/accounts.server";
import type { Role } from "~/domain/permissions";

let counter = 0;

export async function createUser(overrides: { email?: string; name?: string; password?: string; isPlatformAdmin?: boolean } = {}) {
  counter += 1;
  const password = overrides.password ?? "correct horse battery";
  const { user } = await signUp({
    email: overrides.email ?? `person${counter}@example.org`,
    name: overrides.name ?? `Person ${counter}`,
    password,
  });
  if (overrides.isPlatformAdmin) await db.user.update({ where: { id: user.id }, data: { isPlatformAdmin: true } });
  return { ...user, password };
}

/** A Cookie header for a fresh session of this user, as the browser would send it. */
export async function sessionCookieFor(userId: string) {
  const session = await createSession(userId);
  const setCookie = await sessionIdCookie.serialize(session.id);
  return setCookie.split(";")[0];
}

export async function createOrganization(
  overrides: Partial<{ name: string; slug: string; kind: "PRODUCER" | "SUPPLIER" | "DISTRIBUTOR" | "BUYING_COOP" }> = {},
  members: { userId: string; role: Role }[] = [],
) {
  counter += 1;
  return db.organization.create({
    data: {
      name: overrides.name ?? `Co-op ${counter}`,
      slug: overrides.slug ?? `co-op-${counter}`,
      kind: overrides.kind ?? "PRODUCER",
      legalForm: "PRODUCER_COOP",
      country: "PE",
      region: "Cajamarca",
      story: "A producer co-operative of smallholder coffee farmers.",
      memberships: { create: members },
    },
  });
}

export async function userWithRole(role: Role) {
  const user = await createUser();
  const organization = await createOrganization({}, [{ userId: user.id, role }]);
  return { user, organization, cookie: await sessionCookieFor(user.id) };
}
