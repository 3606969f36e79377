import { describe, expect, it } from "vitest";
import { db } from "~/adapters/db.server";
import { action as newOrganizationAction } from "~/routes/dashboard.organizations.new";
import { action as membersAction, loader as membersLoader } from "~/routes/dashboard.members";
import { action as settingsAction, loader as settingsLoader } from "~/routes/dashboard.settings";
import { action as switchAction } from "~/routes/dashboard.switch";
import { action as acceptInvitationAction } from "~/routes/invitations.$token";
import { createOrganization, createUser, sessionCookieFor, userWithRole } from "../support/factories";
import { call, flashFrom, get, post, readJson } from "../support/routes";

const profile = {
  name: "Kiez Food Co-op",
  kind: "BUYING_COOP",
  legalForm: "CONSUMER_COOP",
  country: "DE",
  region: "Berlin",
  story: "Forty households in Neukölln buying staples together since 2019.",
};

describe("creating an organisation", () => {
  it("makes the founder its owner and the session's active organisation", async () => {
    const user = await createUser();
    const cookie = await sessionCookieFor(user.id);
    const response = await call(newOrganizationAction, post("/dashboard/organizations/new", profile, cookie));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/dashboard");
    const organization = await db.organization.findUniqueOrThrow({ where: { slug: "kiez-food-co-op" }, include: { memberships: true } });
    expect(organization).toMatchObject({ kind: "BUYING_COOP", country: "DE", verifiedAt: null });
    expect(organization.memberships).toEqual([expect.objectContaining({ userId: user.id, role: "OWNER" })]);
    const session = await db.session.findFirstOrThrow({ where: { userId: user.id } });
    expect(session.activeOrganizationId).toBe(organization.id);
  });

  it("gives a second organisation of the same name its own slug", async () => {
    const user = await createUser();
    const cookie = await sessionCookieFor(user.id);
    const twin = { ...profile, name: "Twin Café Co-op" };
    await call(newOrganizationAction, post("/dashboard/organizations/new", twin, cookie));
    await call(newOrganizationAction, post("/dashboard/organizations/new", twin, cookie));
    const slugs = (await db.organization.findMany({ where: { name: twin.name } })).map((o) => o.slug).sort();
    expect(slugs).toEqual(["twin-cafe-co-op", "twin-cafe-co-op-2"]);
  });

  it("explains bad input and keeps every typed value", async () => {
    const user = await createUser();
    const cookie = await sessionCookieFor(user.id);
    const bad = { ...profile, name: "Never Saved Co-op", kind: "", country: "XX", story: "short", website: "example.org", memberCount: "2.5" };
    const response = await call(newOrganizationAction, post("/dashboard/organizations/new", bad, cookie));
    expect(response.status).toBe(400);
    const reply = await readJson(response);
    expect(reply.error).toMatchObject({
      kind: ["Choose what kind of organisation this is"],
      country: ["Choose a country from the list"],
      story: [expect.stringMatching(/at least 20 characters/)],
      website: [expect.stringMatching(/https:\/\//)],
      memberCount: ["Enter a whole number"],
    });
    expect(reply.initialValue).toMatchObject({ name: bad.name, region: "Berlin", story: "short", website: "example.org" });
    expect(await db.organization.count({ where: { name: bad.name } })).toBe(0);
  });

  it("requires a login", async () => {
    const response = await call(newOrganizationAction, post("/dashboard/organizations/new", profile));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
  });
});

describe("organisation-scoped permissions", () => {
  it("denies the profile page to a plain member with 403, and allows admins", async () => {
    const member = await userWithRole("MEMBER");
    const denied = await call(settingsLoader, get("/dashboard/settings", member.cookie));
    expect(denied.status).toBe(403);
    expect((await readJson(denied)).message).toMatch(/doesn't allow this/);
    const deniedWrite = await call(settingsAction, post("/dashboard/settings", profile, member.cookie));
    expect(deniedWrite.status).toBe(403);

    const admin = await userWithRole("ADMIN");
    expect((await call(settingsLoader, get("/dashboard/settings", admin.cookie))).status).toBe(200);
    const saved = await call(settingsAction, post("/dashboard/settings", profile, admin.cookie));
    expect(saved.status).toBe(302);
    expect(await db.organization.findUniqueOrThrow({ where: { id: admin.organization.id } })).toMatchObject({ name: profile.name });
  });

  it("checks the active organisation, not any organisation the user is admin of", async () => {
    const user = await createUser();
    const adminOf = await createOrganization({}, [{ userId: user.id, role: "ADMIN" }]);
    const memberOf = await createOrganization({}, [{ userId: user.id, role: "MEMBER" }]);
    const cookie = await sessionCookieFor(user.id);
    await call(switchAction, post("/dashboard/switch", { organizationId: memberOf.id }, cookie));
    expect((await call(settingsLoader, get("/dashboard/settings", cookie))).status).toBe(403);
    await call(switchAction, post("/dashboard/switch", { organizationId: adminOf.id }, cookie));
    expect((await call(settingsLoader, get("/dashboard/settings", cookie))).status).toBe(200);
  });

  it("refuses to switch to an organisation the user is not in", async () => {
    const { cookie } = await userWithRole("OWNER");
    const elsewhere = await createOrganization();
    const response = await call(switchAction, post("/dashboard/switch", { organizationId: elsewhere.id }, cookie));
    expect(response.status).toBe(403);
  });

  it("sends people with no organisation to create one", async () => {
    const user = await createUser();
    const response = await call(membersLoader, get("/dashboard/members", await sessionCookieFor(user.id)));
    expect(response.headers.get("Location")).toBe("/dashboard/organizations/new");
  });
});

describe("managing members", () => {
  it("adds an existing user at once", async () => {
    const owner = await userWithRole("OWNER");
    const newcomer = await createUser({ name: "Rosa Lima" });
    const response = await call(membersAction, post("/dashboard/members", { intent: "add", email: newcomer.email, role: "MEMBER" }, owner.cookie));
    expect(response.status).toBe(302);
    expect(await flashFrom(response)).toMatchObject({ kind: "success", text: expect.stringMatching(/Rosa Lima is now a member/) });
    const membership = await db.membership.findFirstOrThrow({ where: { userId: newcomer.id } });
    expect(membership).toMatchObject({ organizationId: owner.organization.id, role: "MEMBER" });
    const again = await call(membersAction, post("/dashboard/members", { intent: "add", email: newcomer.email, role: "MEMBER" }, owner.cookie));
    expect(again.status).toBe(422);
    expect((await readJson(again)).error[""]).toEqual(["Rosa Lima is already a member."]);
  });

  it("invites someone without an account; the link works once, for that email only", async () => {
    const owner = await userWithRole("OWNER");
    await call(membersAction, post("/dashboard/members", { intent: "add", email: "new@example.org", role: "ADMIN" }, owner.cookie));
    const invitation = await db.invitation.findFirstOrThrow({ where: { email: "new@example.org" } });
    expect(invitation.role).toBe("ADMIN");
    const overview = await readJson(await call(membersLoader, get("/dashboard/members", owner.cookie)));
    expect(overview.invitations).toEqual([expect.objectContaining({ email: "new@example.org", token: invitation.token })]);

    const someoneElse = await createUser({ email: "else@example.org" });
    const wrong = await call(acceptInvitationAction, post(`/invitations/${invitation.token}`, {}, await sessionCookieFor(someoneElse.id)), {
      params: { token: invitation.token },
    });
    expect(wrong.status).toBe(422);

    const invitee = await createUser({ email: "new2@example.org" });
    await db.invitation.update({ where: { id: invitation.id }, data: { email: "new2@example.org" } });
    const accepted = await call(acceptInvitationAction, post(`/invitations/${invitation.token}`, {}, await sessionCookieFor(invitee.id)), {
      params: { token: invitation.token },
    });
    expect(accepted.status).toBe(302);
    expect(await db.membership.findFirst({ where: { userId: invitee.id, organizationId: owner.organization.id, role: "ADMIN" } })).not.toBeNull();
  });

  it("hides invitation links from plain members and forbids them to add anyone", async () => {
    const owner = await userWithRole("OWNER");
    await call(membersAction, post("/dashboard/members", { intent: "add", email: "secret@example.org", role: "MEMBER" }, owner.cookie));
    const member = await createUser();
    await db.membership.create({ data: { userId: member.id, organizationId: owner.organization.id, role: "MEMBER" } });
    const memberCookie = await sessionCookieFor(member.id);
    const overview = await readJson(await call(membersLoader, get("/dashboard/members", memberCookie)));
    expect(overview.canManage).toBe(false);
    expect(overview.invitations).toEqual([]);
    expect(overview.members).toHaveLength(2);
    const response = await call(membersAction, post("/dashboard/members", { intent: "add", email: "x@example.org", role: "MEMBER" }, memberCookie));
    expect(response.status).toBe(403);
  });

  it("never lets the last owner go, and keeps ownership with owners", async () => {
    const owner = await userWithRole("OWNER");
    const ownerMembership = await db.membership.findFirstOrThrow({ where: { userId: owner.user.id } });
    const demote = await call(membersAction, post("/dashboard/members", { intent: "change-role", membershipId: ownerMembership.id, role: "MEMBER" }, owner.cookie));
    expect(demote.status).toBe(302);
    expect(await flashFrom(demote)).toEqual({ kind: "error", text: expect.stringMatching(/at least one owner/) });
    expect((await db.membership.findUniqueOrThrow({ where: { id: ownerMembership.id } })).role).toBe("OWNER");
    const leave = await call(membersAction, post("/dashboard/members", { intent: "remove", membershipId: ownerMembership.id }, owner.cookie));
    expect(leave.status).toBe(302);
    expect(await db.membership.count({ where: { id: ownerMembership.id } })).toBe(1);

    const admin = await createUser();
    await db.membership.create({ data: { userId: admin.id, organizationId: owner.organization.id, role: "ADMIN" } });
    const adminCookie = await sessionCookieFor(admin.id);
    await call(membersAction, post("/dashboard/members", { intent: "remove", membershipId: ownerMembership.id }, adminCookie));
    expect(await db.membership.count({ where: { id: ownerMembership.id } })).toBe(1);
    const adminMembership = await db.membership.findFirstOrThrow({ where: { userId: admin.id } });
    await call(membersAction, post("/dashboard/members", { intent: "change-role", membershipId: adminMembership.id, role: "OWNER" }, adminCookie));
    expect((await db.membership.findUniqueOrThrow({ where: { id: adminMembership.id } })).role).toBe("ADMIN");

    // With a second owner appointed by an owner, the first may step down.
    await call(membersAction, post("/dashboard/members", { intent: "change-role", membershipId: adminMembership.id, role: "OWNER" }, owner.cookie));
    await call(membersAction, post("/dashboard/members", { intent: "change-role", membershipId: ownerMembership.id, role: "MEMBER" }, owner.cookie));
    expect((await db.membership.findUniqueOrThrow({ where: { id: ownerMembership.id } })).role).toBe("MEMBER");
  });

  it("cannot touch memberships of another organisation", async () => {
    const owner = await userWithRole("OWNER");
    const other = await userWithRole("OWNER");
    const otherMembership = await db.membership.findFirstOrThrow({ where: { userId: other.user.id } });
    await call(membersAction, post("/dashboard/members", { intent: "remove", membershipId: otherMembership.id }, owner.cookie));
    expect(await db.membership.count({ where: { id: otherMembership.id } })).toBe(1);
  });

  it("rejects an unknown intent with 400", async () => {
    const owner = await userWithRole("OWNER");
    const response = await call(membersAction, post("/dashboard/members", { intent: "delete-everything" }, owner.cookie));
    expect(response.status).toBe(400);
  });
});
