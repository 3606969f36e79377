/** What can happen to goods on their way to the buyer, with labels: plain data, safe for any browser bundle (no zod). */
export const PROVENANCE_STEP_KINDS = [
  "GROWN",
  "HARVESTED",
  "FERMENTED",
  "DRIED",
  "PROCESSED",
  "MILLED",
  "ROASTED",
  "BLENDED",
  "PACKED",
  "SHIPPED",
  "RECEIVED",
] as const;
export type ProvenanceStepKind = (typeof PROVENANCE_STEP_KINDS)[number];
export const PROVENANCE_STEP_LABELS: Record<ProvenanceStepKind, string> = {
  GROWN: "Grown",
  HARVESTED: "Harvested",
  FERMENTED: "Fermented",
  DRIED: "Dried",
  PROCESSED: "Processed",
  MILLED: "Milled",
  ROASTED: "Roasted",
  BLENDED: "Blended",
  PACKED: "Packed",
  SHIPPED: "Shipped",
  RECEIVED: "Received",
};
