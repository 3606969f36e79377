/**
 * Wholesale (case) prices are for organisations the platform has verified — buying co-ops, shops, distributors —
 * not for anonymous visitors or unverified accounts, so producers' trade terms are not public.
 */
export function seesWholesalePrices(actingFor: { verifiedAt: Date | string | null } | null | undefined): boolean {
  return Boolean(actingFor?.verifiedAt);
}
