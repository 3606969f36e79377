import { describe, expect, it } from "vitest";
import { db } from "~/adapters/db.server";
import { action as loginAction } from "~/routes/login";
import { action as logoutAction } from "~/routes/logout";
import { action as signupAction } from "~/routes/signup";
import { loader as dashboardLoader } from "~/routes/dashboard";
import { createOrganization, createUser, sessionCookieFor } from "../support/factories";
import { call, cookiesFrom, get, post, readJson } from "../support/routes";

const goodSignup = { name: "Ada Okafor", email: "Ada@Example.org", password: "a long enough password" };

describe("sign up", () => {
  it("creates the account, a DB session and a Lax, HttpOnly cookie, then redirects", async () => {
    const response = await call(signupAction, post("/signup", { ...goodSignup, redirectTo: "/products" }));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/products");
    const setCookie = response.headers.get("Set-Cookie")!;
    expect(setCookie).toMatch(/__session=/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    const user = await db.user.findUniqueOrThrow({ where: { email: "ada@example.org" }, include: { sessions: true } });
    expect(user.passwordHash).not.toContain(goodSignup.password);
    expect(user.sessions).toHaveLength(1);
    // The cookie really logs in.
    const dashboard = await call(dashboardLoader, get("/dashboard", cookiesFrom(response)));
    expect(dashboard.status).toBe(200);
  });

  it("rejects bad input with field messages and keeps what was typed (but never the password)", async () => {
    const response = await call(signupAction, post("/signup", { name: "Bo", email: "not-an-email", password: "short" }));
    expect(response.status).toBe(400);
    const reply = await readJson(response);
    expect(reply.error.email).toEqual(["Enter an email address like name@example.org"]);
    expect(reply.error.password).toEqual(["Use at least 10 characters"]);
    expect(reply.initialValue).toMatchObject({ name: "Bo", email: "not-an-email" });
    expect(reply.initialValue.password).toBeUndefined();
  });

  it("says when the email is taken, keeping name and email", async () => {
    await createUser({ email: "taken@example.org" });
    const response = await call(signupAction, post("/signup", { ...goodSignup, email: "taken@example.org" }));
    expect(response.status).toBe(422);
    const reply = await readJson(response);
    expect(reply.error.email[0]).toMatch(/already exists/);
    expect(reply.initialValue).toMatchObject({ name: "Ada Okafor", email: "taken@example.org" });
  });

  it("rejects a filled honeypot without creating anyone", async () => {
    const response = await call(signupAction, post("/signup", { ...goodSignup, email: "bot@example.org", fax_number: "123" }));
    expect(response.status).toBe(400);
    expect(await db.user.count({ where: { email: "bot@example.org" } })).toBe(0);
  });

  it("limits sign-ups per client", async () => {
    const client = "198.51.100.20";
    for (let i = 0; i < 10; i++) {
      const ok = await call(signupAction, post("/signup", { ...goodSignup, email: `many${i}@example.org` }), { clientAddress: client });
      expect(ok.status).toBe(302);
    }
    const limited = await call(signupAction, post("/signup", { ...goodSignup, email: "eleventh@example.org" }), { clientAddress: client });
    expect(limited.status).toBe(429);
    expect((await readJson(limited)).error[""][0]).toMatch(/Too many sign-ups/);
    // Another client is not affected.
    const other = await call(signupAction, post("/signup", { ...goodSignup, email: "other@example.org" }), { clientAddress: "198.51.100.21" });
    expect(other.status).toBe(302);
  });

  it("accepts pending invitations for the new account's email", async () => {
    const inviter = await createUser();
    const organization = await createOrganization({}, [{ userId: inviter.id, role: "OWNER" }]);
    await db.invitation.create({
      data: {
        organizationId: organization.id,
        email: "invited@example.org",
        role: "ADMIN",
        token: "tok",
        invitedById: inviter.id,
        expiresAt: new Date(Date.now() + 86_400_000),
      },
    });
    await call(signupAction, post("/signup", { ...goodSignup, email: "invited@example.org" }));
    const membership = await db.membership.findFirstOrThrow({ where: { user: { email: "invited@example.org" } } });
    expect(membership).toMatchObject({ organizationId: organization.id, role: "ADMIN" });
  });
});

describe("log in and out", () => {
  it("logs in with the right password and only redirects within the site", async () => {
    const user = await createUser();
    const response = await call(
      loginAction,
      post("/login", { email: user.email.toUpperCase(), password: user.password, redirectTo: "//evil.example/phish" }),
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/dashboard");
  });

  it("says the credentials don't match without revealing which was wrong, keeping the email", async () => {
    const user = await createUser();
    for (const email of [user.email, "nobody@example.org"]) {
      const response = await call(loginAction, post("/login", { email, password: "wrong password!" }));
      expect(response.status).toBe(422);
      const reply = await readJson(response);
      expect(reply.error[""]).toEqual(["That email and password don't match an account."]);
      expect(reply.initialValue.email).toBe(email);
    }
  });

  it("locks an account after 10 attempts in 15 minutes", async () => {
    const user = await createUser();
    for (let i = 0; i < 10; i++) {
      const response = await call(loginAction, post("/login", { email: user.email, password: "wrong password!" }));
      expect(response.status).toBe(422);
    }
    const locked = await call(loginAction, post("/login", { email: user.email, password: user.password }));
    expect(locked.status).toBe(429);
    expect((await readJson(locked)).error[""][0]).toMatch(/Too many login attempts/);
  });

  it("logging out revokes the session in the database", async () => {
    const user = await createUser();
    const cookie = await sessionCookieFor(user.id);
    expect((await call(dashboardLoader, get("/dashboard", cookie))).status).toBe(200);
    const response = await call(logoutAction, post("/logout", {}, cookie));
    expect(response.headers.get("Location")).toBe("/");
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    // The old cookie no longer works even if a client kept it.
    const after = await call(dashboardLoader, get("/dashboard", cookie));
    expect(after.status).toBe(302);
    expect(after.headers.get("Location")).toBe("/login?redirectTo=%2Fdashboard");
  });

  it("treats an expired session as logged out", async () => {
    const user = await createUser();
    const cookie = await sessionCookieFor(user.id);
    await db.session.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await call(dashboardLoader, get("/dashboard", cookie))).status).toBe(302);
  });

  it("ignores a forged cookie", async () => {
    const user = await createUser();
    const session = await db.session.create({ data: { userId: user.id, expiresAt: new Date(Date.now() + 60_000) } });
    const unsigned = `__session=${Buffer.from(JSON.stringify(session.id)).toString("base64")}`;
    expect((await call(dashboardLoader, get("/dashboard", unsigned))).status).toBe(302);
  });
});
