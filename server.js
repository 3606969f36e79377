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
// Every action reads a form: a POST with another kind of body would make request.formData() throw, which would be a
// 500. Refuse it clearly instead. Webhooks read their raw body and are left alone.
app.use((req, res, next) => {
  if (req.method !== "POST" || req.path.startsWith("/webhooks/")) return next();
  const type = String(req.headers["content-type"] ?? "").split(";")[0].trim().toLowerCase();
  if (type === "application/x-www-form-urlencoded" || type === "multipart/form-data") return next();
  res.status(415).type("text/plain").send("Send forms as application/x-www-form-urlencoded or multipart/form-data.");
});
// Anonymous catalog pages from memory (app/lib/page-cache.server.ts). Before compression, so pages are stored, and
// served, already compressed.
app.use(build.entry.module.catalogPageCache.middleware);
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
