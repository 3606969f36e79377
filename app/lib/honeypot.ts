/**
 * A field people never see or fill; bots that fill every input give themselves away.
 * The name is plausible on purpose so that form-filling bots take the bait.
 */
export const HONEYPOT_FIELD = "fax_number";

export function isHoneypotFilled(formData: FormData): boolean {
  const value = formData.get(HONEYPOT_FIELD);
  return typeof value === "string" && value.length > 0;
}
