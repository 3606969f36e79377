import { EventEmitter, once } from "node:events";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import compression from "compression";
import express from "express";
import { afterAll, describe, expect, it } from "vitest";
import { ANONYMOUS_CACHE_CONTROL, createPageCache, type PageCacheOptions } from "~/lib/page-cache.server";

/**
 * The page cache in front of a real Express app, mounted as server.js mounts it (before compression), with a route
 * handler the tests steer: what it answers with, and when it may finish.
 */

type Answer = { status?: number; setCookie?: string; cacheControl?: string; size?: number; hold?: Promise<void> };

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((settle) => (resolve = settle));
  return { promise, resolve };
}

/** The page the handler renders: it names the URL and which rendering of it this is, padded to `size` bytes. */
function pageBody(url: string, rendering: number, size: number) {
  const head = `<p>${url} rendering ${rendering}</p>`;
  return head + "-".repeat(Math.max(0, size - head.length));
}

const servers: Server[] = [];

afterAll(async () => {
  await Promise.all(
    servers.map((server) => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    }),
  );
});

async function startSite(options: Partial<PageCacheOptions> = {}) {
  const state = { version: 0, clock: 1_000_000, arrivals: 0 };
  /** Renderings so far, per URL (path and query). */
  const renders = new Map<string, number>();
  /** What the handler answers, per path; a plain 200 page of 2,000 bytes by default. */
  const answers = new Map<string, Answer>();
  const changes = new EventEmitter();
  changes.setMaxListeners(100);

  const cache = createPageCache({
    ttlMs: 60_000,
    cacheablePath: /^\/products(?:\/[^/]+)?$/,
    dataVersion: () => state.version,
    now: () => state.clock,
    ...options,
  });

  const app = express();
  // Counts requests as they reach the server, so a test can wait until they all have.
  app.use((_req, _res, next) => {
    state.arrivals += 1;
    changes.emit("change");
    next();
  });
  app.use(cache.middleware);
  app.use(compression());
  app.all("*", async (req, res) => {
    const rendering = (renders.get(req.originalUrl) ?? 0) + 1;
    renders.set(req.originalUrl, rendering);
    changes.emit("change");
    const answer = answers.get(req.path) ?? {};
    if (answer.hold) await answer.hold;
    res.statusCode = answer.status ?? 200;
    res.setHeader("content-type", "text/html; charset=utf-8");
    if (answer.setCookie) res.setHeader("set-cookie", answer.setCookie);
    if (answer.cacheControl) res.setHeader("cache-control", answer.cacheControl);
    // In two pieces, as a streamed page would be.
    const body = pageBody(req.originalUrl, rendering, answer.size ?? 2_000);
    res.write(body.slice(0, 100));
    res.end(body.slice(100));
  });

  const server = app.listen(0, "127.0.0.1");
  servers.push(server);
  await once(server, "listening");
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    cache,
    state,
    answers,
    rendersOf: (url: string) => renders.get(url) ?? 0,
    /** Resolves once `condition` holds, checked whenever a request arrives or a rendering starts. */
    until(condition: () => boolean) {
      return new Promise<void>((resolve) => {
        const check = () => {
          if (!condition()) return;
          changes.off("change", check);
          resolve();
        };
        changes.on("change", check);
        check();
      });
    },
    async get(path: string, init: { headers?: Record<string, string>; method?: string; signal?: AbortSignal } = {}) {
      const response = await fetch(base + path, { redirect: "manual", ...init });
      return { status: response.status, headers: response.headers, text: await response.text() };
    },
  };
}

const IDENTITY = { "accept-encoding": "identity" };

describe("page cache: what is served from memory", () => {
  it("renders an anonymous page once and serves the same bytes from memory afterwards", async () => {
    const site = await startSite();
    const first = await site.get("/products");
    expect(first.status).toBe(200);
    expect(first.headers.get("x-page-cache")).toBe("miss");
    expect(first.headers.get("cache-control")).toBe(ANONYMOUS_CACHE_CONTROL);
    expect(first.text).toBe(pageBody("/products", 1, 2_000));

    const second = await site.get("/products");
    expect(second.status).toBe(200);
    expect(second.headers.get("x-page-cache")).toBe("hit");
    expect(second.headers.get("cache-control")).toBe(ANONYMOUS_CACHE_CONTROL);
    expect(second.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(second.text).toBe(first.text);
    expect(site.rendersOf("/products")).toBe(1);
    expect(site.cache.size).toBe(1);
  });

  it("keeps each URL, query string included, apart", async () => {
    const site = await startSite();
    await site.get("/products?page=2");
    const other = await site.get("/products?page=3");
    expect(other.headers.get("x-page-cache")).toBe("miss");
    expect(other.text).toBe(pageBody("/products?page=3", 1, 2_000));
    const again = await site.get("/products?page=2");
    expect(again.headers.get("x-page-cache")).toBe("hit");
    expect(again.text).toBe(pageBody("/products?page=2", 1, 2_000));
    expect(site.rendersOf("/products?page=2")).toBe(1);
    expect(site.rendersOf("/products?page=3")).toBe(1);
  });

  it("always renders for a request with a cookie or an Authorization header, and does not call the answer public", async () => {
    const site = await startSite();
    await site.get("/products/coffee"); // cached for anonymous visitors

    const personal: Record<string, string>[] = [{ cookie: "__session=abc" }, { cookie: "theme=dark" }, { authorization: "Bearer token" }];
    for (const headers of personal) {
      const answer = await site.get("/products/coffee", { headers });
      expect(answer.headers.get("x-page-cache")).toBeNull();
      expect(answer.headers.get("cache-control")).toBeNull();
    }
    expect(site.rendersOf("/products/coffee")).toBe(4);

    // Nor does it disturb what anonymous visitors get.
    const anonymous = await site.get("/products/coffee");
    expect(anonymous.headers.get("x-page-cache")).toBe("hit");
    expect(anonymous.text).toBe(pageBody("/products/coffee", 1, 2_000));
    expect(site.rendersOf("/products/coffee")).toBe(4);
  });

  it("never caches a path outside cacheablePath, nor a method other than GET and HEAD", async () => {
    const site = await startSite();
    for (const path of ["/account", "/products/coffee/reviews", "/"]) {
      const first = await site.get(path);
      const second = await site.get(path);
      expect(second.headers.get("x-page-cache")).toBeNull();
      expect(second.headers.get("cache-control")).toBeNull();
      expect(second.text).toBe(pageBody(path, 2, 2_000));
      expect(first.text).toBe(pageBody(path, 1, 2_000));
    }
    await site.get("/products", { method: "POST" });
    const post = await site.get("/products", { method: "POST" });
    expect(post.headers.get("x-page-cache")).toBeNull();
    expect(site.rendersOf("/products")).toBe(2);
    expect(site.cache.size).toBe(0);
  });

  it("re-renders on the next request once the data version moves", async () => {
    const site = await startSite();
    await site.get("/products");
    expect((await site.get("/products")).headers.get("x-page-cache")).toBe("hit");

    site.state.version += 1;
    const after = await site.get("/products");
    expect(after.headers.get("x-page-cache")).toBe("miss");
    expect(after.text).toBe(pageBody("/products", 2, 2_000));
    // …and the new rendering is kept.
    const again = await site.get("/products");
    expect(again.headers.get("x-page-cache")).toBe("hit");
    expect(again.text).toBe(pageBody("/products", 2, 2_000));
    expect(site.rendersOf("/products")).toBe(2);
  });

  it("does not keep a page whose rendering overlapped a change of the data version", async () => {
    const site = await startSite();
    const gate = deferred();
    site.answers.set("/products", { hold: gate.promise });
    const pending = site.get("/products");
    await site.until(() => site.rendersOf("/products") === 1);
    site.state.version += 1; // a write lands while the page is being built
    gate.resolve();
    const first = await pending;
    expect(first.status).toBe(200);
    expect(first.text).toBe(pageBody("/products", 1, 2_000));
    expect(site.cache.size).toBe(0);

    site.answers.delete("/products");
    const second = await site.get("/products");
    expect(second.headers.get("x-page-cache")).toBe("miss");
    expect(second.text).toBe(pageBody("/products", 2, 2_000));
    expect((await site.get("/products")).headers.get("x-page-cache")).toBe("hit");
    expect(site.rendersOf("/products")).toBe(2);
  });

  it("serves a page until its TTL has passed, then renders it again", async () => {
    const site = await startSite({ ttlMs: 1_000 });
    site.state.clock = 5_000;
    await site.get("/products");
    site.state.clock = 5_999;
    expect((await site.get("/products")).headers.get("x-page-cache")).toBe("hit");
    site.state.clock = 6_000;
    const expired = await site.get("/products");
    expect(expired.headers.get("x-page-cache")).toBe("miss");
    expect(expired.text).toBe(pageBody("/products", 2, 2_000));
    // The new rendering gets a full TTL of its own.
    site.state.clock = 6_999;
    expect((await site.get("/products")).headers.get("x-page-cache")).toBe("hit");
    expect(site.rendersOf("/products")).toBe(2);
  });

  it("caches nothing when ttlMs is 0", async () => {
    const site = await startSite({ ttlMs: 0 });
    const first = await site.get("/products");
    const second = await site.get("/products");
    expect(second.headers.get("x-page-cache")).toBeNull();
    expect(second.headers.get("cache-control")).toBeNull();
    expect([first.text, second.text]).toEqual([pageBody("/products", 1, 2_000), pageBody("/products", 2, 2_000)]);
    expect(site.cache.size).toBe(0);
  });
});

describe("page cache: answers that must not be stored", () => {
  it.each([
    ["a 404", { status: 404 }],
    ["a 500", { status: 500 }],
    ["a redirect", { status: 302 }],
    ["an answer setting a cookie", { setCookie: "flash=hello; Path=/; HttpOnly" }],
    ["a private answer", { cacheControl: "private, max-age=0" }],
    ["a no-store answer", { cacheControl: "no-store" }],
  ])("renders %s every time", async (_name, answer: Answer) => {
    const site = await startSite();
    site.answers.set("/products/x", answer);
    const first = await site.get("/products/x");
    const second = await site.get("/products/x");
    expect(first.status).toBe(answer.status ?? 200);
    expect(second.status).toBe(answer.status ?? 200);
    expect(second.headers.get("x-page-cache")).toBe("miss");
    expect(second.text).toBe(pageBody("/products/x", 2, 2_000));
    if (answer.setCookie) expect(second.headers.getSetCookie()).toEqual([answer.setCookie]);
    // Nor may a browser or CDN keep it as public.
    if (answer.cacheControl) expect(second.headers.get("cache-control")).toBe(answer.cacheControl);
    else expect(second.headers.get("cache-control")).toBeNull();
    expect(site.rendersOf("/products/x")).toBe(2);
    expect(site.cache.size).toBe(0);
  });
});

describe("page cache: concurrency", () => {
  it("renders a cold page once for 20 concurrent requests, and gives them all the same page", async () => {
    const site = await startSite();
    const gate = deferred();
    site.answers.set("/products", { hold: gate.promise, size: 5_000 });
    const requests = Array.from({ length: 20 }, () => site.get("/products"));
    // Let all 20 reach the cache while the first rendering is still held.
    await site.until(() => site.state.arrivals === 20 && site.rendersOf("/products") === 1);
    gate.resolve();
    const answers = await Promise.all(requests);

    expect(site.rendersOf("/products")).toBe(1);
    expect(answers.map((answer) => answer.status)).toEqual(Array(20).fill(200));
    expect(new Set(answers.map((answer) => answer.text))).toEqual(new Set([pageBody("/products", 1, 5_000)]));
    const sources = answers.map((answer) => answer.headers.get("x-page-cache"));
    expect(sources.filter((source) => source === "miss")).toHaveLength(1);
    expect(sources.filter((source) => source === "hit")).toHaveLength(19);
  });

  it("lets requests that waited for a page it could not keep render one at a time, not all at once", async () => {
    const site = await startSite();
    const gate = deferred();
    site.answers.set("/products", { hold: gate.promise });
    const requests = Array.from({ length: 5 }, () => site.get("/products"));
    await site.until(() => site.state.arrivals === 5 && site.rendersOf("/products") === 1);
    // The data changes while the first rendering runs: it cannot be kept, so one waiting request renders again
    // (the data version is current now) and the other three are served what it rendered.
    site.state.version += 1;
    gate.resolve();
    site.answers.set("/products", {});
    const answers = await Promise.all(requests);
    expect(site.rendersOf("/products")).toBe(2);
    expect(answers.map((answer) => answer.status)).toEqual(Array(5).fill(200));
    expect(answers.filter((answer) => answer.headers.get("x-page-cache") === "hit")).toHaveLength(3);
  });

  it("still answers a waiting request when the client it waits for hangs up", async () => {
    const site = await startSite();
    const gate = deferred();
    site.answers.set("/products", { hold: gate.promise });
    const hangUp = new AbortController();
    const abandoned = site.get("/products", { signal: hangUp.signal });
    await site.until(() => site.rendersOf("/products") === 1);
    const waiting = site.get("/products");
    await site.until(() => site.state.arrivals === 2);
    hangUp.abort();
    await expect(abandoned).rejects.toThrow();
    gate.resolve();
    const answer = await waiting;
    expect(answer.status).toBe(200);
    expect(answer.text).toMatch(/^<p>\/products rendering [12]<\/p>/);
  });
});

describe("page cache: revalidation", () => {
  it("gives a stored page a weak ETag and answers a matching If-None-Match with an empty 304", async () => {
    const site = await startSite();
    await site.get("/products/coffee");
    const hit = await site.get("/products/coffee");
    const etag = hit.headers.get("etag")!;
    expect(etag).toMatch(/^W\/".+"$/);

    const revalidated = await site.get("/products/coffee", { headers: { "if-none-match": etag } });
    expect(revalidated.status).toBe(304);
    expect(revalidated.text).toBe("");
    expect(revalidated.headers.get("etag")).toBe(etag);
    expect(revalidated.headers.get("x-page-cache")).toBe("hit");
    expect(revalidated.headers.get("cache-control")).toBe(ANONYMOUS_CACHE_CONTROL);

    const otherTag = await site.get("/products/coffee", { headers: { "if-none-match": 'W/"something-else"' } });
    expect(otherTag.status).toBe(200);
    expect(otherTag.text).toBe(pageBody("/products/coffee", 1, 2_000));
    expect(site.rendersOf("/products/coffee")).toBe(1);
  });

  it("gives a changed page a new ETag, so a browser holding the old one gets the new page", async () => {
    const site = await startSite();
    await site.get("/products/coffee");
    const oldTag = (await site.get("/products/coffee")).headers.get("etag")!;
    site.state.version += 1;
    const changed = await site.get("/products/coffee", { headers: { "if-none-match": oldTag } });
    expect(changed.status).toBe(200);
    expect(changed.text).toBe(pageBody("/products/coffee", 2, 2_000));
    const newTag = (await site.get("/products/coffee")).headers.get("etag")!;
    expect(newTag).not.toBe(oldTag);
    expect((await site.get("/products/coffee", { headers: { "if-none-match": oldTag } })).status).toBe(200);
    expect((await site.get("/products/coffee", { headers: { "if-none-match": newTag } })).status).toBe(304);
  });
});

describe("page cache: compression", () => {
  it("stores the gzip answer as compressed bytes, apart from the uncompressed one", async () => {
    const site = await startSite();
    site.answers.set("/products", { size: 20_000 });
    const gzip = { "accept-encoding": "gzip" };

    const first = await site.get("/products", { headers: gzip });
    expect(first.headers.get("content-encoding")).toBe("gzip");
    expect(first.text).toBe(pageBody("/products", 1, 20_000));
    const second = await site.get("/products", { headers: gzip });
    expect(second.headers.get("x-page-cache")).toBe("hit");
    expect(second.headers.get("content-encoding")).toBe("gzip");
    expect(second.headers.get("vary")).toMatch(/accept-encoding/i);
    expect(second.text).toBe(first.text);
    expect(site.rendersOf("/products")).toBe(1);

    // A client that takes no gzip is not handed the gzip bytes: it gets (and then shares) a rendering of its own.
    const plain = await site.get("/products", { headers: IDENTITY });
    expect(plain.headers.get("x-page-cache")).toBe("miss");
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(plain.text).toBe(pageBody("/products", 2, 20_000));
    const plainAgain = await site.get("/products", { headers: IDENTITY });
    expect(plainAgain.headers.get("x-page-cache")).toBe("hit");
    expect(plainAgain.headers.get("content-encoding")).toBeNull();
    expect(plainAgain.text).toBe(pageBody("/products", 2, 20_000));

    // The gzip page is still there, unchanged.
    const gzipAgain = await site.get("/products", { headers: gzip });
    expect(gzipAgain.headers.get("x-page-cache")).toBe("hit");
    expect(gzipAgain.text).toBe(pageBody("/products", 1, 20_000));
    expect(site.rendersOf("/products")).toBe(2);
    expect(site.cache.size).toBe(2);
  });
});

describe("page cache: memory budget", () => {
  it("evicts the least recently used page to make room", async () => {
    // Pages of 1,000 bytes, uncompressed: room for two.
    const site = await startSite({ maxBytes: 2_500 });
    const get = (path: string) => site.get(path, { headers: IDENTITY });
    for (const path of ["/products/a", "/products/b", "/products/c"]) site.answers.set(path, { size: 1_000 });

    await get("/products/a");
    await get("/products/b");
    expect((await get("/products/a")).headers.get("x-page-cache")).toBe("hit"); // b is now the least recently used
    await get("/products/c"); // no room for three: b goes
    expect(site.cache.size).toBe(2);

    expect((await get("/products/a")).headers.get("x-page-cache")).toBe("hit");
    expect((await get("/products/c")).headers.get("x-page-cache")).toBe("hit");
    const b = await get("/products/b");
    expect(b.headers.get("x-page-cache")).toBe("miss");
    expect(b.text).toBe(pageBody("/products/b", 2, 1_000));
    expect([site.rendersOf("/products/a"), site.rendersOf("/products/b"), site.rendersOf("/products/c")]).toEqual([1, 2, 1]);
  });

  it("never stores a page larger than the whole budget", async () => {
    const site = await startSite({ maxBytes: 2_500 });
    site.answers.set("/products/big", { size: 3_000 });
    await site.get("/products/big", { headers: IDENTITY });
    const again = await site.get("/products/big", { headers: IDENTITY });
    expect(again.headers.get("x-page-cache")).toBe("miss");
    expect(again.text).toBe(pageBody("/products/big", 2, 3_000));
    expect(site.cache.size).toBe(0);
  });
});

describe("page cache: HEAD", () => {
  it("answers HEAD for a stored page from memory: its headers, no body", async () => {
    const site = await startSite();
    await site.get("/products/coffee");
    const head = await site.get("/products/coffee", { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("x-page-cache")).toBe("hit");
    expect(head.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(head.headers.get("etag")).toMatch(/^W\//);
    expect(head.text).toBe("");
    expect(site.rendersOf("/products/coffee")).toBe(1);
  });

  it("passes HEAD for a cold page to the app and stores nothing from it", async () => {
    const site = await startSite();
    const head = await site.get("/products/tea", { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("x-page-cache")).toBe("miss");
    expect(head.text).toBe("");
    expect(site.cache.size).toBe(0);
    const get = await site.get("/products/tea");
    expect(get.headers.get("x-page-cache")).toBe("miss");
    expect(get.text).toBe(pageBody("/products/tea", 2, 2_000));
  });
});
