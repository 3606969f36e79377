import fs from "node:fs";
import { createReadableStreamFromReadable, type LoaderFunctionArgs } from "@remix-run/node";
import { requireSession } from "~/lib/auth.server";
import { forbidden, notFound } from "~/lib/http.server";
import { canOpenOrganizationDocuments, evidenceFor } from "~/services/certifications.server";

/** A file name safe inside a quoted header value: printable ASCII only, no quotes or backslashes. */
function asciiFileName(name: string) {
  const cleaned = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9._ ()-]+/g, "_")
    .trim()
    .slice(0, 150);
  return cleaned.replace(/^\.+/, "") || "evidence";
}

/** RFC 5987 encoding for filename*, so the original (non-ASCII) name survives in browsers that read it. */
function encodeRfc5987(name: string) {
  return encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

// Evidence is private to the organisation that claimed the label and to the platform admins who review it.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const session = await requireSession(request);
  const evidence = await evidenceFor(params.id ?? "");
  if (!evidence) throw notFound("This certification has no evidence document.");
  if (!(await canOpenOrganizationDocuments(session.user, evidence.organizationId))) {
    throw forbidden("Only members of the organisation that made this claim and platform administrators can open its evidence.");
  }
  let size: number;
  try {
    size = (await fs.promises.stat(evidence.absolutePath)).size;
  } catch {
    throw notFound("The evidence document is missing. Ask the organisation to send it again.");
  }
  const name = asciiFileName(evidence.name);
  return new Response(createReadableStreamFromReadable(fs.createReadStream(evidence.absolutePath)), {
    headers: {
      "Content-Type": evidence.mimeType,
      "Content-Length": String(size),
      "Content-Disposition": `inline; filename="${name}"; filename*=UTF-8''${encodeRfc5987(evidence.name.slice(0, 200))}`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
