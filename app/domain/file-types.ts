/**
 * Identifies an uploaded file by its first bytes rather than by the name or the browser's claim, which anyone can
 * forge. Returns null for anything that is not one of the types we accept anywhere.
 */
export type KnownMimeType = "image/jpeg" | "image/png" | "image/webp" | "application/pdf";

export const IMAGE_TYPES: readonly KnownMimeType[] = ["image/jpeg", "image/png", "image/webp"];
export const EVIDENCE_TYPES: readonly KnownMimeType[] = [...IMAGE_TYPES, "application/pdf"];

export const EXTENSIONS: Record<KnownMimeType, string> = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
  "application/pdf": "pdf",
};

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) =>
  signature.every((byte, index) => bytes[offset + index] === byte);

export function sniffMimeType(bytes: Uint8Array): KnownMimeType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return "image/webp";
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "application/pdf";
  return null;
}

export function describeTypes(types: readonly KnownMimeType[]): string {
  return types.map((type) => EXTENSIONS[type].toUpperCase()).join(", ");
}
