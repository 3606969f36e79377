import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";

export const TEST_CLIENT = "203.0.113.7";
const BASE = "http://localhost";

type Handler = (args: LoaderFunctionArgs & ActionFunctionArgs) => Promise<unknown> | unknown;

/** Runs a loader or action the way Remix does, returning thrown Responses (redirects, 403s) instead of throwing. */
export async function call(
  handler: Handler,
  request: Request,
  { params = {}, clientAddress = TEST_CLIENT }: { params?: Record<string, string>; clientAddress?: string } = {},
): Promise<Response> {
  try {
    const result = await handler({ request, params, context: { clientAddress } });
    if (result instanceof Response) return result;
    return Response.json(result);
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

export function get(pathname: string, cookie?: string) {
  return new Request(BASE + pathname, { headers: cookie ? { Cookie: cookie } : {} });
}

export function post(pathname: string, fields: Record<string, string>, cookie?: string) {
  return new Request(BASE + pathname, {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie } : {}) },
  });
}

/** The Cookie header a browser would send back after this response (name=value pairs only). */
export function cookiesFrom(response: Response, previous = ""): string {
  const jar = new Map(
    previous
      .split(/;\s*/)
      .filter(Boolean)
      .map((pair) => [pair.split("=")[0], pair] as const),
  );
  for (const header of response.headers.getSetCookie()) {
    const pair = header.split(";")[0];
    const [name, value] = [pair.split("=")[0], pair.slice(pair.indexOf("=") + 1)];
    if (value) jar.set(name, pair);
    else jar.delete(name);
  }
  return [...jar.values()].join("; ");
}

export async function readJson<T = any>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

/** The flash message a redirect carries, read the way the next page would read it. */
export async function flashFrom(response: Response) {
  const { flashStorage } = await import("~/lib/cookies.server");
  const session = await flashStorage.getSession(cookiesFrom(response));
  return session.get("message") as { kind: string; text: string } | undefined;
}
