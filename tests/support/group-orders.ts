/**
 * Fixtures for group-order tests: buying co-ops with named members, group orders opened through the service, the
 * forms as the browser posts them (repeated and nested field names), and the emails a close or the scheduler writes.
 */
import { db } from "~/adapters/db.server";
import type { GroupOrderForm, MemberLinesForm } from "~/domain/group-order-forms";
import type { Role } from "~/domain/permissions";
import { createGroupOrder } from "~/services/group-orders.server";
import { createBuyingOrg } from "./commerce";
import { createUser, sessionCookieFor } from "./factories";

export type TestUser = Awaited<ReturnType<typeof createUser>>;
export type BuyingCoop = Awaited<ReturnType<typeof createBuyingOrg>>;

const HOUR = 3_600_000;
export const hoursFrom = (date: Date, hours: number) => new Date(date.getTime() + hours * HOUR);

/** "2030-06-01T10:00", as `<input type="datetime-local">` sends it (the app reads it as UTC). */
export const dateTimeInput = (date: Date) => date.toISOString().slice(0, 16);
export const dateInput = (date: Date) => date.toISOString().slice(0, 10);

/** A buying co-op whose people are created with the given names and roles; `people[name]` is that user. */
export async function createCoop(roles: Record<string, Role>, { verified = true, existing = [] as { userId: string; role: Role }[] } = {}) {
  const people: Record<string, TestUser> = {};
  // Unique names, so "this name is not in the page" never matches someone else's name by accident.
  const tag = Math.random().toString(36).slice(2, 6);
  for (const [name, role] of Object.entries(roles)) people[name] = await createUser({ name: `${name[0]!.toUpperCase()}${name.slice(1)} (${role.toLowerCase()} ${tag})` });
  const organization = await createBuyingOrg([...Object.entries(roles).map(([name, role]) => ({ userId: people[name]!.id, role })), ...existing], { verified });
  return { organization, people };
}

/** The typed form createGroupOrder takes (what the schema yields); override any field. */
export function groupOrderForm(overrides: Partial<GroupOrderForm> & Pick<GroupOrderForm, "pickupPointId" | "variantIds">, opensAt: Date): GroupOrderForm {
  // An override left undefined keeps the default.
  const given = Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined)) as Partial<GroupOrderForm>;
  return {
    title: `Group order ${Math.random().toString(36).slice(2, 8)}`,
    opensAt,
    closesAt: hoursFrom(opensAt, 48),
    deliveryDate: new Date(`${dateInput(hoursFrom(opensAt, 24 * 7))}T00:00:00Z`),
    sharedFees: 0,
    invitedOrganizationIds: [],
    note: undefined,
    ...given,
    pickupPointId: overrides.pickupPointId,
    variantIds: overrides.variantIds,
  };
}

/** Opens a group order through the service as `coordinator` (an OWNER/ADMIN of `coop`). */
export async function openGroupOrder(
  coordinator: TestUser,
  coop: BuyingCoop,
  form: Partial<GroupOrderForm> & Pick<GroupOrderForm, "pickupPointId" | "variantIds">,
  { opensAt, now = opensAt }: { opensAt: Date; now?: Date },
) {
  return createGroupOrder({ userId: coordinator.id, organization: coop }, groupOrderForm(form, opensAt), { now });
}

export type LineInput = [variantId: string, quantity: number, tolerance?: number];

/** The typed member-lines form saveMemberLines takes. */
export function memberLines(organizationId: string, lines: LineInput[], paymentMethod: MemberLinesForm["paymentMethod"] = "PAY_AT_PICKUP"): MemberLinesForm {
  return { intent: "save-lines", organizationId, paymentMethod, lines: lines.map(([variantId, quantity, tolerance = 0]) => ({ variantId, quantity, tolerance })) };
}

/** The save-lines form as the browser posts it: `lines[0].quantity` and so on, every value a string. */
export function memberLineFields(
  organizationId: string,
  lines: Array<[variantId: string, quantity: string | number, tolerance?: string | number]>,
  paymentMethod = "PAY_AT_PICKUP",
): Array<[string, string]> {
  return [
    ["intent", "save-lines"],
    ["organizationId", organizationId],
    ["paymentMethod", paymentMethod],
    ...lines.flatMap(([variantId, quantity, tolerance = ""], index): Array<[string, string]> => [
      [`lines[${index}].variantId`, variantId],
      [`lines[${index}].quantity`, String(quantity)],
      [`lines[${index}].tolerance`, String(tolerance)],
    ]),
  ];
}

/** The new-group-order form as the browser posts it, with one entry per checked box. */
export function groupOrderFields(fields: {
  title?: string;
  opensAt: string;
  closesAt: string;
  deliveryDate: string;
  pickupPointId: string;
  sharedFees?: string;
  note?: string;
  variantIds: string[];
  invitedOrganizationIds?: string[];
}): Array<[string, string]> {
  return [
    ["title", fields.title ?? "Autumn coffee round"],
    ["opensAt", fields.opensAt],
    ["closesAt", fields.closesAt],
    ["deliveryDate", fields.deliveryDate],
    ["pickupPointId", fields.pickupPointId],
    ["sharedFees", fields.sharedFees ?? ""],
    ["note", fields.note ?? ""],
    ...fields.variantIds.map((id): [string, string] => ["variantIds", id]),
    ...(fields.invitedOrganizationIds ?? []).map((id): [string, string] => ["invitedOrganizationIds", id]),
  ];
}

/** A form POST that may repeat a field (checkboxes), which tests/support/routes.ts `post` cannot express. */
export function postEntries(pathname: string, entries: Array<[string, string]>, cookie?: string) {
  const body = new URLSearchParams();
  for (const [name, value] of entries) body.append(name, value);
  return new Request(`http://localhost${pathname}`, {
    method: "POST",
    body,
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie } : {}) },
  });
}

export type Email = { to: string; subject: string; text: string };

/** email.send events whose subject mentions `title` (group-order emails all name the order), oldest first. */
export async function emailsAbout(title: string): Promise<Email[]> {
  const events = await db.outboxEvent.findMany({ where: { topic: "email.send" }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return events.map((event) => JSON.parse(event.payload) as Email).filter((email) => email.subject.includes(title));
}

const cookies = new Map<string, string>();
/** One session cookie per user, reused across a file's tests. */
export async function cookieOf(user: { id: string }) {
  if (!cookies.has(user.id)) cookies.set(user.id, await sessionCookieFor(user.id));
  return cookies.get(user.id)!;
}
