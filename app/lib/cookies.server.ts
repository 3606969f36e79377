import { createCookie, createCookieSessionStorage } from "@remix-run/node";
import { env } from "./env.server";
import { sessionSecret } from "./session-secret.server";

export const SESSION_MAX_AGE_SECONDS = 60 * 60 * 24 * 30;

// Browsers accept Secure cookies on http://localhost, so production defaults to Secure even for a local run.
const secure = env.COOKIE_SECURE ?? env.NODE_ENV === "production";
const secrets = [sessionSecret()];

/** Holds only the signed id of a DB-backed session; the row is the source of truth and can be revoked. */
export const sessionIdCookie = createCookie("__session", {
  httpOnly: true,
  sameSite: "lax",
  path: "/",
  secure,
  secrets,
  maxAge: SESSION_MAX_AGE_SECONDS,
});

/** One-shot messages ("Organisation created") shown after a redirect. */
export const flashStorage = createCookieSessionStorage({
  cookie: { name: "__flash", httpOnly: true, sameSite: "lax", path: "/", secure, secrets },
});

/** A guest's cart id (signed). Merged into their own cart when they log in or sign up. */
export const guestCartCookie = createCookie("__cart", {
  httpOnly: true,
  sameSite: "lax",
  path: "/",
  secure,
  secrets,
  maxAge: 60 * 60 * 24 * 30,
});
