import type { EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToString } from "react-dom/server";

// Used by server.js: background jobs start with the server; the anonymous catalog page cache sits in front of Remix.
export { startBackgroundJobs } from "~/services/scheduler.server";
export { catalogPageCache } from "~/lib/catalog-page-cache.server";

/**
 * Every page is rendered to one string. No route defers data or suspends, so streaming would send the same bytes
 * later, after a Node → web → Node stream round trip and an abort timer per request (measured: scripts/bench/catalog.ts).
 * A render error is thrown to Remix, which renders the route's error boundary instead.
 */
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
) {
  const html = renderToString(<RemixServer context={remixContext} url={request.url} />);
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  return new Response(`<!DOCTYPE html>${html}`, { status: responseStatusCode, headers: responseHeaders });
}
