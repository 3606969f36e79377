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
