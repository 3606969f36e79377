import { z } from "zod";

export const organizationVerificationSchema = z.object({
  intent: z.enum(["verify", "unverify"]),
  organizationId: z.string().min(1),
});
