/** Money is integer minor units everywhere; this is the only place it becomes text. */
export function formatMoney(cents: number, currency = "EUR", locale = "en-GB"): string {
  if (!Number.isInteger(cents)) throw new Error(`Money must be integer minor units, got ${cents}`);
  return new Intl.NumberFormat(locale, { style: "currency", currency }).format(cents / 100);
}
