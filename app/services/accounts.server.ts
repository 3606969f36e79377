import bcrypt from "bcryptjs";
import { db } from "~/adapters/db.server";
import { env } from "~/lib/env.server";
import { SESSION_MAX_AGE_SECONDS } from "~/lib/cookies.server";

export class EmailTakenError extends Error {
  constructor() {
    super("An account with this email already exists. Log in instead?");
  }
}

export function hashPassword(password: string) {
  return bcrypt.hash(password, env.BCRYPT_COST);
}

// Compared against when the email is unknown, so a login takes as long whether or not the account exists.
let dummyHash: Promise<string> | undefined;

/** The user, when the email and password match; null otherwise (without saying which was wrong). */
export async function verifyLogin(email: string, password: string) {
  const user = await db.user.findUnique({ where: { email } });
  if (!user) {
    await bcrypt.compare(password, await (dummyHash ??= hashPassword("not-a-real-password")));
    return null;
  }
  return (await bcrypt.compare(password, user.passwordHash)) ? user : null;
}

/** Creates the account and accepts every pending, unexpired invitation addressed to its email. */
export async function signUp(input: { email: string; name: string; password: string }, now = new Date()) {
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
      throw new EmailTakenError();
    }
    const user = await tx.user.create({ data: { email: input.email, name: input.name, passwordHash } });
    const invitations = await tx.invitation.findMany({
      where: { email: input.email, acceptedAt: null, expiresAt: { gt: now } },
    });
    for (const invitation of invitations) {
      await tx.membership.create({
        data: { userId: user.id, organizationId: invitation.organizationId, role: invitation.role },
      });
      await tx.invitation.update({ where: { id: invitation.id }, data: { acceptedAt: now } });
    }
    return { user, joinedOrganizationIds: invitations.map((invitation) => invitation.organizationId) };
  });
}

export async function createSession(userId: string, activeOrganizationId: string | null = null) {
  const membership = activeOrganizationId
    ? null
    : await db.membership.findFirst({ where: { userId }, orderBy: { createdAt: "asc" } });
  return db.session.create({
    data: {
      userId,
      activeOrganizationId: activeOrganizationId ?? membership?.organizationId ?? null,
      expiresAt: new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000),
    },
  });
}

export async function findActiveSession(sessionId: string, now = new Date()) {
  return db.session.findFirst({
    where: { id: sessionId, expiresAt: { gt: now } },
    include: {
      user: { select: { id: true, email: true, name: true, isPlatformAdmin: true } },
    },
  });
}

export async function revokeSession(sessionId: string) {
  await db.session.deleteMany({ where: { id: sessionId } });
}

export async function revokeAllSessions(userId: string) {
  await db.session.deleteMany({ where: { userId } });
}
