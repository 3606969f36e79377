import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { meetsStandards, organizationEligibility, parseList, type BrandStandards, type Candidate } from "~/domain/brand-standards";
import { LEGAL_FORMS, ORGANIZATION_KINDS } from "~/domain/organization-forms";

const fairtrade = { id: "label-fairtrade", name: "Fairtrade" };
const organic = { id: "label-organic", name: "Organic" };
const womenLed = { id: "label-women-led", name: "Women-led" };

const standards = (overrides: Partial<BrandStandards> = {}): BrandStandards => ({
  requiredLabels: [],
  allowedKinds: [],
  allowedLegalForms: [],
  ...overrides,
});

const candidate = (heldLabelIds: string[] = [], organization: Partial<Candidate["organization"]> = {}): Candidate => ({
  organization: { kind: "PRODUCER", legalForm: "PRODUCER_COOP", ...organization },
  heldLabelIds: new Set(heldLabelIds),
});

describe("organizationEligibility", () => {
  it("empty lists allow every kind and legal form", () => {
    for (const kind of ORGANIZATION_KINDS) {
      for (const legalForm of LEGAL_FORMS) {
        expect(organizationEligibility(standards(), { kind, legalForm })).toEqual({ ok: true });
      }
    }
  });

  it("allows an organisation whose kind and legal form are both listed", () => {
    expect(
      organizationEligibility(standards({ allowedKinds: ["PRODUCER", "SUPPLIER"], allowedLegalForms: ["WORKER_COOP", "PRODUCER_COOP"] }), {
        kind: "SUPPLIER",
        legalForm: "WORKER_COOP",
      }),
    ).toEqual({ ok: true });
  });

  it("explains a kind restriction in words, one kind", () => {
    expect(organizationEligibility(standards({ allowedKinds: ["PRODUCER"] }), { kind: "BUYING_COOP", legalForm: "CONSUMER_COOP" })).toEqual({
      ok: false,
      reasons: ["Only producer organisations may carry this brand."],
    });
  });

  it("explains a kind restriction in words, several kinds", () => {
    expect(
      organizationEligibility(standards({ allowedKinds: ["PRODUCER", "SUPPLIER", "BUYING_COOP"] }), { kind: "DISTRIBUTOR", legalForm: "WORKER_COOP" }),
    ).toEqual({ ok: false, reasons: ["Only producer, supplier / processor or buying co-op organisations may carry this brand."] });
  });

  // Each legal form is pluralised, not only the last: "worker co-operatives or producer co-operatives".
  it("explains a legal-form restriction in words", () => {
    expect(organizationEligibility(standards({ allowedLegalForms: ["WORKER_COOP"] }), { kind: "PRODUCER", legalForm: "SOCIAL_ENTERPRISE" })).toEqual({
      ok: false,
      reasons: ["Only worker co-operatives may carry this brand."],
    });
    expect(
      organizationEligibility(standards({ allowedLegalForms: ["WORKER_COOP", "PRODUCER_COOP"] }), { kind: "PRODUCER", legalForm: "CONSUMER_COOP" }),
    ).toEqual({ ok: false, reasons: ["Only worker co-operatives or producer co-operatives may carry this brand."] });
  });

  it("gives both reasons when both restrictions fail, kind first", () => {
    const result = organizationEligibility(standards({ allowedKinds: ["PRODUCER"], allowedLegalForms: ["WORKER_COOP"] }), {
      kind: "DISTRIBUTOR",
      legalForm: "CONSUMER_COOP",
    });
    expect(result).toEqual({
      ok: false,
      reasons: ["Only producer organisations may carry this brand.", "Only worker co-operatives may carry this brand."],
    });
  });

  it("property: eligible exactly when each non-empty list contains the organisation's value", () => {
    fc.assert(
      fc.property(
        fc.subarray([...ORGANIZATION_KINDS]),
        fc.subarray([...LEGAL_FORMS]),
        fc.constantFrom(...ORGANIZATION_KINDS),
        fc.constantFrom(...LEGAL_FORMS),
        (allowedKinds, allowedLegalForms, kind, legalForm) => {
          const result = organizationEligibility({ allowedKinds, allowedLegalForms }, { kind, legalForm });
          const kindOk = allowedKinds.length === 0 || allowedKinds.includes(kind);
          const formOk = allowedLegalForms.length === 0 || allowedLegalForms.includes(legalForm);
          expect(result.ok).toBe(kindOk && formOk);
          if (!result.ok) expect(result.reasons).toHaveLength(Number(!kindOk) + Number(!formOk));
        },
      ),
    );
  });
});

describe("meetsStandards", () => {
  it("no standards: any product qualifies", () => {
    expect(meetsStandards(standards(), candidate())).toEqual({ ok: true });
  });

  it("holds every required label: qualifies (extra labels do no harm)", () => {
    expect(meetsStandards(standards({ requiredLabels: [fairtrade, organic] }), candidate([organic.id, fairtrade.id, womenLed.id]))).toEqual({ ok: true });
  });

  it("names every missing label, in the brand's order", () => {
    expect(meetsStandards(standards({ requiredLabels: [fairtrade, organic, womenLed] }), candidate([organic.id]))).toEqual({
      ok: false,
      reasons: ["It needs the Fairtrade label, verified and current.", "It needs the Women-led label, verified and current."],
    });
  });

  it("lists the organisation's reasons and the missing labels together", () => {
    const result = meetsStandards(
      standards({ requiredLabels: [fairtrade], allowedKinds: ["PRODUCER"], allowedLegalForms: ["WORKER_COOP"] }),
      candidate([], { kind: "SUPPLIER", legalForm: "SOCIAL_ENTERPRISE" }),
    );
    expect(result).toEqual({
      ok: false,
      reasons: [
        "Only producer organisations may carry this brand.",
        "Only worker co-operatives may carry this brand.",
        "It needs the Fairtrade label, verified and current.",
      ],
    });
  });

  it("labels held by the product and by its organisation count together, as one set", () => {
    // The caller merges both sources into one set; one label from each satisfies two requirements.
    const productLabels = [fairtrade.id];
    const organizationLabels = [organic.id, fairtrade.id];
    const held = new Set([...productLabels, ...organizationLabels]);
    expect(meetsStandards(standards({ requiredLabels: [fairtrade, organic] }), { organization: candidate().organization, heldLabelIds: held })).toEqual({
      ok: true,
    });
    expect(meetsStandards(standards({ requiredLabels: [fairtrade, organic] }), candidate(productLabels)).ok).toBe(false);
  });

  it("matches labels by id, not by name", () => {
    expect(meetsStandards(standards({ requiredLabels: [fairtrade] }), candidate(["Fairtrade"])).ok).toBe(false);
  });

  it("property: the reasons are exactly the missing labels plus the organisation's reasons", () => {
    const labels = [fairtrade, organic, womenLed, { id: "label-spp", name: "SPP" }];
    fc.assert(
      fc.property(
        fc.subarray(labels),
        fc.subarray(labels.map((label) => label.id)),
        fc.subarray([...ORGANIZATION_KINDS]),
        fc.subarray([...LEGAL_FORMS]),
        fc.constantFrom(...ORGANIZATION_KINDS),
        fc.constantFrom(...LEGAL_FORMS),
        (requiredLabels, held, allowedKinds, allowedLegalForms, kind, legalForm) => {
          const brand = standards({ requiredLabels, allowedKinds, allowedLegalForms });
          const result = meetsStandards(brand, candidate(held, { kind, legalForm }));
          const missing = requiredLabels.filter((label) => !held.includes(label.id));
          const eligibility = organizationEligibility(brand, { kind, legalForm });
          const expected = [...(eligibility.ok ? [] : eligibility.reasons), ...missing.map((label) => `It needs the ${label.name} label, verified and current.`)];
          expect(result).toEqual(expected.length ? { ok: false, reasons: expected } : { ok: true });
        },
      ),
    );
  });
});

describe("parseList", () => {
  it("reads a comma-separated list, trimming spaces", () => {
    expect(parseList("PRODUCER, SUPPLIER", ORGANIZATION_KINDS)).toEqual(["PRODUCER", "SUPPLIER"]);
  });

  it("an empty value is an empty list (allow all)", () => {
    expect(parseList("", ORGANIZATION_KINDS)).toEqual([]);
    expect(parseList(" , ", LEGAL_FORMS)).toEqual([]);
  });

  it("ignores unknown values (for instance one removed from the app since the brand was founded)", () => {
    expect(parseList("WORKER_COOP,CHARITY,producer_coop,PRODUCER_COOP", LEGAL_FORMS)).toEqual(["WORKER_COOP", "PRODUCER_COOP"]);
  });

  it("property: round-trips any list of allowed values joined with commas", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...LEGAL_FORMS), { maxLength: 8 }), fc.array(fc.string(), { maxLength: 4 }), (forms, junk) => {
        const noise = junk.filter((item) => !(LEGAL_FORMS as readonly string[]).includes(item.trim()) && !item.includes(","));
        expect(parseList([...forms, ...noise].join(","), LEGAL_FORMS)).toEqual(forms);
      }),
    );
  });
});
