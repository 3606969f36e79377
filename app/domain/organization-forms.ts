import { z } from "zod";
import { isKnownCountry } from "./countries";
import { emailField } from "./auth-forms";
import { ROLES } from "./permissions";
import { LEGAL_FORMS, ORGANIZATION_KINDS } from "./organization-kinds";

// Plain data shared with browser bundles lives in organization-kinds.ts (no zod there); re-exported for the forms.
export * from "./organization-kinds";

function isWebAddress(value: string): boolean {
  try {
    return ["http:", "https:"].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** Create and edit use one schema: the organisation profile. */
export const organizationProfileSchema = z.object({
  name: z
    .string({ required_error: "Enter the organisation's name" })
    .trim()
    .min(2, "Use at least 2 characters")
    .max(100, "Use at most 100 characters"),
  kind: z.enum(ORGANIZATION_KINDS, {
    errorMap: () => ({ message: "Choose what kind of organisation this is" }),
  }),
  legalForm: z.enum(LEGAL_FORMS, { errorMap: () => ({ message: "Choose a legal form" }) }),
  country: z
    .string({ required_error: "Choose a country" })
    .refine(isKnownCountry, "Choose a country from the list"),
  region: z
    .string({ required_error: "Enter a region, state or city" })
    .trim()
    .min(2, "Enter a region, state or city")
    .max(100, "Use at most 100 characters"),
  story: z
    .string({ required_error: "Tell buyers who you are in a few sentences" })
    .trim()
    .min(20, "Tell buyers who you are in a few sentences (at least 20 characters)")
    .max(4000, "Use at most 4,000 characters"),
  website: z
    .string()
    .trim()
    .refine(isWebAddress, "Enter a full address starting with https://")
    .optional(),
  memberCount: z.coerce
    .number({ invalid_type_error: "Enter a whole number" })
    .int("Enter a whole number")
    .min(1, "At least 1")
    .max(1_000_000, "That seems too many")
    .optional(),
});
export type OrganizationProfile = z.infer<typeof organizationProfileSchema>;

/** The several forms on the members page, told apart by `intent`. */
export const memberActionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("add"),
    email: emailField,
    role: z.enum(ROLES, { errorMap: () => ({ message: "Choose a role" }) }),
  }),
  z.object({
    intent: z.literal("change-role"),
    membershipId: z.string().min(1),
    role: z.enum(ROLES, { errorMap: () => ({ message: "Choose a role" }) }),
  }),
  z.object({ intent: z.literal("remove"), membershipId: z.string().min(1) }),
  z.object({ intent: z.literal("revoke-invitation"), invitationId: z.string().min(1) }),
]);

export const switchOrganizationSchema = z.object({
  organizationId: z.string().min(1, "Choose an organisation"),
  redirectTo: z.string().optional(),
});
