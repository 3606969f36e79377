const DEFAULT_REDIRECT = "/";

/**
 * Only same-origin paths may be redirected to: "//evil.example" and "https://…" would send the user off-site
 * after logging in (an open redirect).
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = DEFAULT_REDIRECT): string {
  if (!to || typeof to !== "string") return fallback;
  const target = to.trim();
  if (!target.startsWith("/") || target.startsWith("//") || target.startsWith("/\\")) return fallback;
  if (/[\u0000-\u001f]/.test(target)) return fallback;
  return target;
}
