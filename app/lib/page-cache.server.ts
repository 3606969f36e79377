import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * A shared cache of whole catalog pages for visitors who carry no cookie at all, in front of the Remix handler
 * (server.js mounts it before compression, so pages are stored and served already compressed).
 *
 * Why it is safe: a request with no cookie has no session, cart or flash message, so its page depends on the URL
 * alone and is the same for every anonymous visitor. Requests with any cookie (or an Authorization header) always
 * reach the app, and only 200 answers without Set-Cookie or `private`/`no-store` are kept.
 *
 * Why it stays correct: each page is stored with the catalog data version it was rendered at (see
 * app/adapters/catalog-version.server.ts) and is served only while that version is current, so a change made through
 * this process (a new price, a sale that lowers stock, a revoked certification) shows on the very next request. A page
 * whose rendering overlapped a change is not stored. The TTL bounds what the version cannot see: writes by other
 * processes and changes that come with time alone (a certification passing its end date).
 *
 * Why it is fast under load: concurrent requests for a page being rendered wait for that one rendering instead of
 * rendering it again, and a browser (or CDN) that revalidates with If-None-Match gets a 304 (the first, rendered answer
 * carries no ETag: it is streamed before its hash is known).
 */
export type PageCacheOptions = {
  /** How long a page may be served without re-rendering; 0 turns the cache off. */
  ttlMs: number;
  /** Pathnames (no query string) whose anonymous GETs are cached. */
  cacheablePath: RegExp;
  /** Changes whenever data the cached pages show may have changed. */
  dataVersion: () => number;
  /** Memory budget for stored bodies; the least recently used pages go first. */
  maxBytes?: number;
  now?: () => number;
};

type StoredPage = {
  status: number;
  headers: Record<string, number | string | string[]>;
  body: Buffer;
  etag: string;
  version: number;
  expiresAt: number;
};

type Next = (error?: unknown) => void;
type Request = IncomingMessage & { originalUrl?: string };

/** Headers that describe one connection or one moment, never a stored page. */
const PER_RESPONSE_HEADERS = new Set(["connection", "keep-alive", "transfer-encoding", "date", "x-page-cache"]);

/** Anonymous pages may be stored by browsers and CDNs but must be revalidated (cheap: a 304 from this cache). */
export const ANONYMOUS_CACHE_CONTROL = "public, max-age=0, must-revalidate";

export function createPageCache(options: PageCacheOptions) {
  const now = options.now ?? Date.now;
  const maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
  /** key → page, in least-recently-used-first order. */
  const pages = new Map<string, StoredPage>();
  /** Pages being rendered now: later requests for the same key wait for the first. */
  const rendering = new Map<string, Promise<void>>();
  let storedBytes = 0;

  const remove = (key: string) => {
    const page = pages.get(key);
    if (!page) return;
    pages.delete(key);
    storedBytes -= page.body.byteLength;
  };

  /** A page that may still be served: rendered at the current data version and within its TTL. */
  const lookup = (key: string): StoredPage | null => {
    const page = pages.get(key);
    if (!page) return null;
    if (page.version !== options.dataVersion() || page.expiresAt <= now()) {
      remove(key);
      return null;
    }
    pages.delete(key);
    pages.set(key, page); // most recently used
    return page;
  };

  const store = (key: string, page: StoredPage) => {
    remove(key);
    if (page.body.byteLength > maxBytes) return;
    while (storedBytes + page.body.byteLength > maxBytes) remove(pages.keys().next().value!);
    pages.set(key, page);
    storedBytes += page.body.byteLength;
  };

  const serve = (req: Request, res: ServerResponse, page: StoredPage) => {
    const notModified = ifNoneMatch(req.headers["if-none-match"], page.etag);
    if (notModified) {
      const { "content-length": _length, "content-type": _type, "content-encoding": _encoding, ...headers } = page.headers;
      res.writeHead(304, { ...headers, "x-page-cache": "hit" });
      res.end();
      return;
    }
    res.writeHead(page.status, { ...page.headers, "x-page-cache": "hit" });
    res.end(req.method === "HEAD" ? undefined : page.body);
  };

  function middleware(req: Request, res: ServerResponse, next: Next): void {
    if (options.ttlMs <= 0 || (req.method !== "GET" && req.method !== "HEAD") || req.headers.cookie || req.headers.authorization) return next();
    const url = req.originalUrl ?? req.url ?? "/";
    if (!options.cacheablePath.test(url.split("?")[0])) return next();
    // Compressed and uncompressed answers are different bodies.
    const key = `${url}\n${req.headers["accept-encoding"] ?? ""}`;
    const cached = lookup(key);
    if (cached) return serve(req, res, cached);
    const inFlight = rendering.get(key);
    if (inFlight) {
      // Then served from the cache, or (when that rendering could not be kept) waiting for or doing the next one.
      void inFlight.then(() => middleware(req, res, next));
      return;
    }
    render(key, req, res, next);
  }

  function render(key: string, req: Request, res: ServerResponse, next: Next) {
    res.setHeader("x-page-cache", "miss");
    // Marked public only as it is sent, and only if it is a page the cache would keep (a 404 or an answer that sets
    // a cookie must not be stored by a CDN either).
    const writeHead = res.writeHead;
    res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
      const status = typeof args[0] === "number" ? args[0] : this.statusCode;
      if (status === 200 && !this.hasHeader("cache-control") && !this.hasHeader("set-cookie")) this.setHeader("cache-control", ANONYMOUS_CACHE_CONTROL);
      return (writeHead as (...args: unknown[]) => ServerResponse).apply(this, args);
    } as ServerResponse["writeHead"];
    // HEAD has no body to keep; it is answered by the app.
    if (req.method === "HEAD") return next();
    const startedAt = options.dataVersion();
    let settle!: () => void;
    const rendered = new Promise<void>((resolve) => (settle = resolve));
    rendering.set(key, rendered);
    const done = () => {
      if (rendering.get(key) === rendered) rendering.delete(key);
      settle();
    };
    const chunks: Buffer[] = [];
    const capture = (chunk: unknown, encoding: unknown) => {
      if (chunk === undefined || chunk === null || typeof chunk === "function") return;
      chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8"));
    };
    const write = res.write;
    const end = res.end;
    res.write = function (this: ServerResponse, chunk: unknown, encoding?: unknown, callback?: unknown) {
      capture(chunk, encoding);
      return (write as (...args: unknown[]) => boolean).call(this, chunk, encoding, callback);
    } as ServerResponse["write"];
    res.end = function (this: ServerResponse, chunk?: unknown, encoding?: unknown, callback?: unknown) {
      capture(chunk, encoding);
      return (end as (...args: unknown[]) => ServerResponse).call(this, chunk, encoding, callback);
    } as ServerResponse["end"];
    res.once("finish", () => {
      if (isStorable(res) && options.dataVersion() === startedAt) {
        const body = Buffer.concat(chunks);
        const headers: StoredPage["headers"] = {};
        for (const [name, value] of Object.entries(res.getHeaders())) {
          if (value !== undefined && !PER_RESPONSE_HEADERS.has(name)) headers[name] = value;
        }
        const etag = `W/"${createHash("sha1").update(body).digest("base64url").slice(0, 27)}"`;
        headers.etag = etag;
        store(key, { status: res.statusCode, headers, body, etag, version: startedAt, expiresAt: now() + options.ttlMs });
      }
      done();
    });
    // A client that hangs up early: nothing to store, but whoever waits must not wait for ever.
    res.once("close", done);
    next();
  }

  return {
    middleware,
    /** For tests and diagnostics. */
    get size() {
      return pages.size;
    },
  };
}

function isStorable(res: ServerResponse): boolean {
  if (res.statusCode !== 200 || res.hasHeader("set-cookie")) return false;
  return !/no-store|private/i.test(String(res.getHeader("cache-control") ?? ""));
}

function ifNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const strip = (tag: string) => tag.trim().replace(/^W\//, "");
  return header.split(",").some((tag) => tag.trim() === "*" || strip(tag) === strip(etag));
}
