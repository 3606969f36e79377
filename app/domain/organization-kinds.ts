/** Kinds and legal forms of organisations, with their labels: plain data, safe for any browser bundle (no zod). */
export const ORGANIZATION_KINDS = ["PRODUCER", "SUPPLIER", "DISTRIBUTOR", "BUYING_COOP"] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];
export const ORGANIZATION_KIND_LABELS: Record<OrganizationKind, string> = {
  PRODUCER: "Producer",
  SUPPLIER: "Supplier / processor",
  DISTRIBUTOR: "Distributor / food hub",
  BUYING_COOP: "Buying co-op",
};

export const LEGAL_FORMS = [
  "WORKER_COOP",
  "PRODUCER_COOP",
  "CONSUMER_COOP",
  "MULTI_STAKEHOLDER_COOP",
  "SOCIAL_ENTERPRISE",
] as const;
export type LegalForm = (typeof LEGAL_FORMS)[number];
export const LEGAL_FORM_LABELS: Record<LegalForm, string> = {
  WORKER_COOP: "Worker co-operative",
  PRODUCER_COOP: "Producer co-operative",
  CONSUMER_COOP: "Consumer co-operative",
  MULTI_STAKEHOLDER_COOP: "Multi-stakeholder co-operative",
  SOCIAL_ENTERPRISE: "Social enterprise",
};

/** Only producers and suppliers list goods; buying co-ops and distributors buy and move them. */
export function sellsGoods(kind: string): boolean {
  return kind === "PRODUCER" || kind === "SUPPLIER";
}

/** Legal forms in which the workers own the organisation (shown as "worker-owned" on public pages). */
export function isWorkerOwned(legalForm: LegalForm): boolean {
  return legalForm === "WORKER_COOP";
}
