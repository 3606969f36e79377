// Production server: Express in front of the Remix build. We serve it ourselves (rather than `remix-serve`) so
// loaders get the client's address for per-client rate limits; everything else mirrors remix-serve.
import path from "node:path";
import url from "node:url";
import { createRequestHandler } from "@remix-run/express";
import { broadcastDevReady } from "@remix-run/node";
import compression from "compression";
import express from "express";

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "0.0.0.0";
const trustProxy = ["true", "1"].includes(process.env.TRUST_PROXY ?? "");
const buildPath = path.resolve(process.env.REMIX_BUILD ?? "build/index.js");
const build = await import(url.pathToFileURL(buildPath).href);

const app = express();
app.disable("x-powered-by");
// Behind a reverse proxy, req.ip is the first untrusted X-Forwarded-For hop; otherwise the socket address.
app.set("trust proxy", trustProxy);
// Before compression, so a cached page is stored, and served, already compressed.
// Every action reads a form: a POST with another kind of body would make request.formData() throw, which would be a
// 500. Refuse it clearly instead. Webhooks read their raw body and are left alone.
app.use((req, res, next) => {
  if (req.method !== "POST" || req.path.startsWith("/webhooks/")) return next();
  const type = String(req.headers["content-type"] ?? "").split(";")[0].trim().toLowerCase();
  if (type === "application/x-www-form-urlencoded" || type === "multipart/form-data") return next();
  res.status(415).type("text/plain").send("Send forms as application/x-www-form-urlencoded or multipart/form-data.");
});
app.use(anonymousPageCache());
app.use(compression());
// Fingerprinted assets are immutable; everything else in public/ may change between deploys.
app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
app.use(express.static("public", { maxAge: "1h" }));
app.all(
  "*",
  createRequestHandler({
    build,
    mode: build.mode,
    getLoadContext: (req) => ({ clientAddress: req.ip ?? "unknown" }),
  }),
);

/**
 * A few seconds' cache of whole catalog pages (/products, /products/:slug) for requests that carry no cookie at all.
 * Such a request has no session, cart or flash, so its page depends on the URL alone and is the same for every
 * anonymous visitor; requests with any cookie always reach the app. Any request that may change data (not GET or
 * HEAD) empties the cache when it starts and again when it ends, and a page whose rendering overlapped a change is
 * not stored, so in one process a change shows at once; other processes' changes show within the TTL.
 * Only 200 answers without Set-Cookie are kept. PAGE_CACHE_SECONDS sets the TTL (default 0: off).
 * Not shared caching: the HTML is not marked public, since with a cookie the header shows who is signed in and
 * their cart, and a CDN that ignores `Vary: Cookie` could hand one visitor's page to another.
 */
function anonymousPageCache() {
  // Off unless configured: pages changed by background jobs (a group order closing, stock released) would show
  // their old state to anonymous visitors for up to the TTL.
  const ttlMs = Math.max(0, Number(process.env.PAGE_CACHE_SECONDS ?? 0)) * 1000;
  const cacheablePath = /^\/products(?:\/[^/]+)?\/?$/;
  const maxEntries = 2_000;
  const skippedHeaders = new Set(["connection", "keep-alive", "transfer-encoding", "date"]);
  /** key (URL + Accept-Encoding) → stored response */
  const pages = new Map();
  let generation = 0;
  const invalidate = () => {
    generation += 1;
    pages.clear();
  };
  return (req, res, next) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      invalidate();
      res.once("close", invalidate);
      return next();
    }
    if (ttlMs === 0 || req.method !== "GET" || req.headers.cookie || req.headers.authorization || !cacheablePath.test(req.path)) return next();
    const key = `${req.originalUrl}\n${req.headers["accept-encoding"] ?? ""}`;
    const cached = pages.get(key);
    if (cached && cached.expiresAt > Date.now()) {
      res.writeHead(cached.status, { ...cached.headers, "x-page-cache": "hit" });
      return res.end(cached.body);
    }
    if (cached) pages.delete(key);
    res.setHeader("x-page-cache", "miss");
    const startedAt = generation;
    const chunks = [];
    const capture = (chunk, encoding) => {
      if (chunk && typeof chunk !== "function") chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof encoding === "string" ? encoding : "utf8"));
    };
    const write = res.write;
    const end = res.end;
    res.write = function (chunk, encoding, callback) {
      capture(chunk, encoding);
      return write.call(this, chunk, encoding, callback);
    };
    res.end = function (chunk, encoding, callback) {
      capture(chunk, encoding);
      return end.call(this, chunk, encoding, callback);
    };
    res.once("finish", () => {
      if (res.statusCode !== 200 || res.hasHeader("set-cookie") || generation !== startedAt) return;
      if (/no-store|private/.test(String(res.getHeader("cache-control") ?? ""))) return;
      const headers = {};
      for (const [name, value] of Object.entries(res.getHeaders())) if (!skippedHeaders.has(name)) headers[name] = value;
      if (pages.size >= maxEntries) pages.delete(pages.keys().next().value);
      pages.set(key, { status: 200, headers, body: Buffer.concat(chunks), expiresAt: Date.now() + ttlMs });
    });
    next();
  };
}

const server = app.listen(port, host, () => {
  console.log(`Solidarity marketplace listening on http://localhost:${port}`);
  // In-process jobs such as marking lapsed certifications expired (app/services/scheduler.server.ts).
  build.entry.module.startBackgroundJobs?.();
  // `npm run dev` (remix dev --manual) waits for this before it serves rebuilt pages.
  if (build.mode === "development") broadcastDevReady(build);
});
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => server.close(() => process.exit(0)));
}
