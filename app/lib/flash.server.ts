import { redirect } from "@remix-run/node";
import { flashStorage } from "./cookies.server";

export type FlashMessage = { kind: "success" | "error" | "info"; text: string };

const FLASH_KEY = "message";

export async function redirectWithFlash(url: string, message: FlashMessage, init: ResponseInit = {}) {
  const session = await flashStorage.getSession();
  session.flash(FLASH_KEY, message);
  const headers = new Headers(init.headers);
  headers.append("Set-Cookie", await flashStorage.commitSession(session));
  return redirect(url, { ...init, headers });
}

/** Reads and clears the pending flash message; the caller must send the returned Set-Cookie header. */
export async function consumeFlash(request: Request) {
  const session = await flashStorage.getSession(request.headers.get("Cookie"));
  const message = (session.get(FLASH_KEY) as FlashMessage | undefined) ?? null;
  return { message, setCookie: await flashStorage.commitSession(session) };
}
