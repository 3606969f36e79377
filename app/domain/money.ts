/** Money is integer minor units everywhere; this is the only place it becomes text. */
// Building an Intl.NumberFormat is costly (about 0.3 ms); one per locale and currency is kept.
const formatters = new Map<string, Intl.NumberFormat>();

export function formatMoney(cents: number, currency = "EUR", locale = "en-GB"): string {
  if (!Number.isInteger(cents)) throw new Error(`Money must be integer minor units, got ${cents}`);
  const key = `${locale}|${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: "currency", currency });
    formatters.set(key, formatter);
  }
  return formatter.format(cents / 100);
}

/**
 * "12.90", "12,90", "€12.9" or "12" → 1290 cents. Null for anything that is not a non-negative amount with at most
 * two decimals: money is never rounded silently.
 */
export function parseMoneyToCents(input: string): number | null {
  const cleaned = input.trim().replace(/^€\s*/, "");
  const match = /^(\d{1,9})(?:[.,](\d{1,2}))?$/.exec(cleaned);
  if (!match) return null;
  const [, whole, fraction = ""] = match;
  return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
}

/** 1290 → "12.90", for putting an amount back into a form field. */
export function centsToInput(cents: number): string {
  return (cents / 100).toFixed(2);
}
