/**
 * Organisation-scoped permissions. Pure: no I/O, so the rules are unit-tested here and enforced by
 * app/lib/permissions.server.ts, which throws 403.
 */
export const ROLES = ["OWNER", "ADMIN", "MEMBER"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = { OWNER: "Owner", ADMIN: "Admin", MEMBER: "Member" };

export type Permission =
  | "organization:view-dashboard"
  | "organization:update"
  | "members:view"
  | "members:manage"
  /** List and edit products, their provenance and prices, and claim labels for them. */
  | "catalog:manage"
  /** See the organisation's sales (fulfilments) and its ledger. */
  | "orders:view"
  /** Give buying organisations invoice terms; export the ledger. */
  | "orders:manage"
  /** Open, close and cancel group orders for a buying co-op. */
  | "group-orders:coordinate"
  /** Found brands, apply to and vote in them, steward them, for the organisation. */
  | "brands:govern";

const GRANTS: Record<Role, readonly Permission[]> = {
  OWNER: ["organization:view-dashboard", "organization:update", "members:view", "members:manage", "catalog:manage", "orders:view", "orders:manage", "group-orders:coordinate", "brands:govern"],
  ADMIN: ["organization:view-dashboard", "organization:update", "members:view", "members:manage", "catalog:manage", "orders:view", "orders:manage", "group-orders:coordinate", "brands:govern"],
  // Members do the day-to-day work of listing goods; governance (profile, membership) stays with owners and admins.
  MEMBER: ["organization:view-dashboard", "members:view", "catalog:manage", "orders:view"],
};

export function hasPermission(role: Role | null | undefined, permission: Permission): boolean {
  return role ? GRANTS[role].includes(permission) : false;
}

export type RuleResult = { ok: true } | { ok: false; reason: string };
const allowed: RuleResult = { ok: true };
const denied = (reason: string): RuleResult => ({ ok: false, reason });

/** Can `actor` give someone (currently `currentRole`, or a newcomer when null) the role `newRole`? */
export function canAssignRole(
  actor: Role,
  currentRole: Role | null,
  newRole: Role,
  ownerCount: number,
): RuleResult {
  if (!hasPermission(actor, "members:manage")) return denied("Only owners and admins can manage members.");
  if (actor !== "OWNER" && (newRole === "OWNER" || currentRole === "OWNER")) {
    return denied("Only an owner can appoint or change an owner.");
  }
  if (currentRole === "OWNER" && newRole !== "OWNER" && ownerCount <= 1) {
    return denied("An organisation needs at least one owner: appoint another owner first.");
  }
  return allowed;
}

/** Can `actor` remove a member whose role is `targetRole`? `isSelf` covers leaving the organisation. */
export function canRemoveMember(actor: Role, targetRole: Role, ownerCount: number, isSelf: boolean): RuleResult {
  if (targetRole === "OWNER" && ownerCount <= 1) {
    return denied("An organisation needs at least one owner: appoint another owner first.");
  }
  if (isSelf) return allowed;
  if (!hasPermission(actor, "members:manage")) return denied("Only owners and admins can remove members.");
  if (targetRole === "OWNER" && actor !== "OWNER") return denied("Only an owner can remove an owner.");
  return allowed;
}
