import fs from "node:fs/promises";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound } from "~/lib/http.server";
import { resolveUploadPath } from "~/lib/uploads.server";

// Public product images only; certification evidence is served with a permission check elsewhere.
export async function loader({ params }: LoaderFunctionArgs) {
  const relative = params["*"] ?? "";
  const absolute = relative.startsWith("images/") ? resolveUploadPath(relative) : null;
  if (!absolute || !relative.endsWith(".webp")) throw notFound();
  try {
    const body = await fs.readFile(absolute);
    // Stored under random, never-reused names, so they can be cached for good.
    return new Response(body, {
      headers: { "Content-Type": "image/webp", "Cache-Control": "public, max-age=31536000, immutable" },
    });
  } catch {
    throw notFound();
  }
}
