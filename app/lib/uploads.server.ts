import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { unstable_parseMultipartFormData } from "@remix-run/node";
import sharp from "sharp";
import { describeTypes, EXTENSIONS, sniffMimeType, type KnownMimeType } from "~/domain/file-types";
import { env } from "./env.server";

/** An upload we refuse (wrong type, too big, unreadable image); the message is shown beside the field. */
export class UploadRejected extends Error {
  readonly name = "UploadRejected";
}

/**
 * Parses a multipart form with files held in memory (up to MAX_UPLOAD_BYTES each). A file that is too large is left
 * out and reported in `tooLarge`, while every other field is kept, so the form can say so and keep what was typed.
 */
export async function parseMultipartForm(request: Request): Promise<{ formData: FormData; tooLarge: boolean }> {
  let tooLarge = false;
  const formData = await unstable_parseMultipartFormData(request, async ({ filename, contentType, data }) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    // Read the whole part even past the limit: the parser needs it drained to reach the next field.
    for await (const chunk of data) {
      size += chunk.byteLength;
      if (size <= env.MAX_UPLOAD_BYTES) chunks.push(chunk);
    }
    if (size > env.MAX_UPLOAD_BYTES) {
      tooLarge = true;
      return undefined;
    }
    const parts = chunks as BlobPart[];
    return typeof filename === "string" ? new File(parts, filename, { type: contentType }) : new Blob(parts).text();
  });
  return { formData, tooLarge };
}

/**
 * Reads a form that may or may not be multipart (file forms and plain buttons can post to one action).
 * `unreadable`: the multipart parser refuses some bodies (e.g. file names containing ";" or "="), which is the
 * sender's input, so it is reported rather than allowed to become a 500.
 */
export async function readSubmittedForm(
  request: Request,
): Promise<{ formData: FormData; tooLarge: boolean; unreadable: boolean }> {
  if (!(request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) {
    return { formData: await request.formData(), tooLarge: false, unreadable: false };
  }
  try {
    return { ...(await parseMultipartForm(request)), unreadable: false };
  } catch {
    return { formData: new FormData(), tooLarge: false, unreadable: true };
  }
}

export function maxUploadDescription() {
  return `${Math.round(env.MAX_UPLOAD_BYTES / 1024 / 1024)} MB`;
}

function uploadRoot() {
  return path.resolve(env.UPLOAD_DIR);
}

/** The absolute path of a stored upload, refusing anything that would escape UPLOAD_DIR. */
export function resolveUploadPath(relative: string): string | null {
  const root = uploadRoot();
  const absolute = path.resolve(root, relative);
  return absolute.startsWith(root + path.sep) ? absolute : null;
}

async function writeUpload(folder: string, extension: string, bytes: Uint8Array) {
  const relative = path.posix.join(folder, `${crypto.randomUUID()}.${extension}`);
  const absolute = resolveUploadPath(relative)!;
  await fs.mkdir(path.dirname(absolute), { recursive: true });
  await fs.writeFile(absolute, bytes);
  return relative;
}

async function readAndCheck(file: File, allowed: readonly KnownMimeType[]) {
  if (file.size === 0) throw new UploadRejected("The file is empty.");
  if (file.size > env.MAX_UPLOAD_BYTES) throw new UploadRejected(`The file is larger than ${maxUploadDescription()}.`);
  const bytes = new Uint8Array(await file.arrayBuffer());
  const mimeType = sniffMimeType(bytes);
  if (!mimeType || !allowed.includes(mimeType)) {
    throw new UploadRejected(`This file is not a ${describeTypes(allowed)} file.`);
  }
  return { bytes, mimeType };
}

/** Stores a document as it is (evidence for a certification). */
export async function storeDocument(file: File, folder: string, allowed: readonly KnownMimeType[]) {
  const { bytes, mimeType } = await readAndCheck(file, allowed);
  const storedPath = await writeUpload(folder, EXTENSIONS[mimeType], bytes);
  return { path: storedPath, mimeType, name: file.name.slice(0, 200) || `document.${EXTENSIONS[mimeType]}` };
}

export const IMAGE_MAX_EDGE = 1600;
export const THUMBNAIL_EDGE = 480;

/** Stores a product image re-encoded as WebP (at most 1600 px; strips metadata such as GPS) plus a square thumbnail. */
export async function storeProductImage(file: File, allowed: readonly KnownMimeType[]) {
  const { bytes } = await readAndCheck(file, allowed);
  try {
    const image = sharp(bytes, { limitInputPixels: 40_000_000 }).rotate();
    const main = await image
      .clone()
      .resize({ width: IMAGE_MAX_EDGE, height: IMAGE_MAX_EDGE, fit: "inside", withoutEnlargement: true })
      .webp({ quality: 82 })
      .toBuffer({ resolveWithObject: true });
    const thumbnail = await image
      .clone()
      .resize({ width: THUMBNAIL_EDGE, height: THUMBNAIL_EDGE, fit: "cover" })
      .webp({ quality: 78 })
      .toBuffer();
    return {
      path: await writeUpload("images", "webp", main.data),
      thumbPath: await writeUpload("images", "webp", thumbnail),
      width: main.info.width,
      height: main.info.height,
    };
  } catch {
    throw new UploadRejected("We could not read this image. Try saving it again as JPEG or PNG.");
  }
}

export async function deleteUpload(relative: string | null | undefined) {
  const absolute = relative ? resolveUploadPath(relative) : null;
  if (absolute) await fs.rm(absolute, { force: true });
}
