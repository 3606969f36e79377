import { env } from "./env.server";

/** An absolute link for emails and payment pages: PUBLIC_URL when set, else the address the request came in on. */
export function publicUrl(baseUrl: string, path: string): string {
  return new URL(path, env.PUBLIC_URL ?? baseUrl).toString();
}
