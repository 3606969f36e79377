import { redirect } from "@remix-run/node";
import { createSession, findActiveSession, revokeSession } from "~/services/accounts.server";
import { sessionIdCookie } from "./cookies.server";
import { safeRedirect } from "./safe-redirect";
import { adoptGuestCart } from "./shopper.server";

export type SessionUser = { id: string; email: string; name: string; isPlatformAdmin: boolean };

async function readSessionId(request: Request): Promise<string | null> {
  const value = await sessionIdCookie.parse(request.headers.get("Cookie"));
  return typeof value === "string" ? value : null;
}

/** The current session and user, or null. Expired and revoked sessions count as logged out. */
export async function getSession(request: Request) {
  const sessionId = await readSessionId(request);
  return sessionId ? findActiveSession(sessionId) : null;
}

export async function getUser(request: Request): Promise<SessionUser | null> {
  return (await getSession(request))?.user ?? null;
}

function loginUrl(request: Request) {
  const url = new URL(request.url);
  const redirectTo = `${url.pathname}${url.search}`;
  return `/login?${new URLSearchParams({ redirectTo })}`;
}

export async function requireSession(request: Request) {
  const session = await getSession(request);
  if (!session) throw redirect(loginUrl(request));
  return session;
}

export async function requireUser(request: Request): Promise<SessionUser> {
  return (await requireSession(request)).user;
}

export async function requireAnonymous(request: Request) {
  if (await getSession(request)) throw redirect("/dashboard");
}

/** Starts a session; a guest's cart from before logging in is merged into the user's. */
export async function logIn(request: Request, userId: string, redirectTo: string | undefined, headers = new Headers()) {
  await adoptGuestCart(request, userId, headers);
  const session = await createSession(userId);
  headers.append("Set-Cookie", await sessionIdCookie.serialize(session.id));
  return redirect(safeRedirect(redirectTo, "/dashboard"), { headers });
}

export async function logOut(request: Request) {
  const sessionId = await readSessionId(request);
  if (sessionId) await revokeSession(sessionId);
  return redirect("/", {
    headers: { "Set-Cookie": await sessionIdCookie.serialize("", { maxAge: 0 }) },
  });
}

/** The client's address for rate limits; "unknown" when the server did not provide one. */
export function clientAddress(context: { clientAddress?: string } | undefined): string {
  return context?.clientAddress || "unknown";
}
