import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CERTIFICATION_STATUSES,
  CERTIFICATION_STATUS_LABELS,
  VERIFICATION_KINDS,
  VERIFICATION_KIND_DESCRIPTIONS,
  VERIFICATION_KIND_LABELS,
  badgesFor,
  canReview,
  checkValidityDates,
  effectiveStatus,
  isBadgeShown,
  statusAfterReview,
  type CertificationDates,
  type CertificationStatus,
  type ReviewAction,
  type VerificationKind,
} from "~/domain/certifications";

const now = new Date("2026-03-15T12:00:00Z");
const ms = (offset: number) => new Date(now.getTime() + offset);
const DAY = 24 * 60 * 60 * 1000;
const lastYear = ms(-365 * DAY);
const nextYear = ms(365 * DAY);

const cert = (status: CertificationStatus, validTo: Date | null = nextYear, validFrom = lastYear): CertificationDates => ({
  status,
  validFrom,
  validTo,
});

describe("labels", () => {
  it("names every kind and status", () => {
    expect(VERIFICATION_KINDS.map((kind) => VERIFICATION_KIND_LABELS[kind])).toEqual([
      "Third-party certified",
      "Participatory guarantee",
      "Self-declared",
    ]);
    for (const kind of VERIFICATION_KINDS) expect(VERIFICATION_KIND_DESCRIPTIONS[kind]).toMatch(/^[A-Z].+\.$/);
    expect(CERTIFICATION_STATUSES.map((status) => CERTIFICATION_STATUS_LABELS[status])).toEqual([
      "Awaiting review",
      "Verified",
      "Rejected",
      "Expired",
      "Revoked",
    ]);
  });
});

describe("effectiveStatus", () => {
  it("treats a verified claim as expired only once its last valid instant has passed", () => {
    expect(effectiveStatus(cert("VERIFIED", ms(1)), now)).toBe("VERIFIED");
    expect(effectiveStatus(cert("VERIFIED", now), now)).toBe("VERIFIED"); // validTo is still valid
    expect(effectiveStatus(cert("VERIFIED", ms(-1)), now)).toBe("EXPIRED");
    expect(effectiveStatus(cert("VERIFIED", null), now)).toBe("VERIFIED");
  });
  it.each(["PENDING", "REJECTED", "EXPIRED", "REVOKED"] as const)("leaves %s unchanged, in or out of date", (status) => {
    expect(effectiveStatus(cert(status, ms(-DAY)), now)).toBe(status);
    expect(effectiveStatus(cert(status, nextYear), now)).toBe(status);
    expect(effectiveStatus(cert(status, null), now)).toBe(status);
  });
});

describe("isBadgeShown", () => {
  it("shows verified, in-date claims that have started", () => {
    expect(isBadgeShown(cert("VERIFIED"), now)).toBe(true);
    expect(isBadgeShown(cert("VERIFIED", null), now)).toBe(true);
    expect(isBadgeShown(cert("VERIFIED", now, now), now)).toBe(true);
  });
  it("hides claims that have not started yet", () => {
    expect(isBadgeShown(cert("VERIFIED", nextYear, ms(1)), now)).toBe(false);
  });
  it("hides lapsed claims", () => {
    expect(isBadgeShown(cert("VERIFIED", ms(-1)), now)).toBe(false);
  });
  it.each(["PENDING", "REJECTED", "EXPIRED", "REVOKED"] as const)("hides %s claims", (status) => {
    expect(isBadgeShown(cert(status), now)).toBe(false);
  });
});

describe("canReview", () => {
  const reason = "Certificate number not found in the certifier's register";

  it("lets an admin verify or reject a pending claim", () => {
    expect(canReview(cert("PENDING"), "verify", undefined, now)).toEqual({ ok: true });
    expect(canReview(cert("PENDING", null), "verify", "", now)).toEqual({ ok: true });
    expect(canReview(cert("PENDING"), "reject", reason, now)).toEqual({ ok: true });
  });

  it("lets an admin revoke a verified, in-date claim", () => {
    expect(canReview(cert("VERIFIED"), "revoke", reason, now)).toEqual({ ok: true });
    expect(canReview(cert("VERIFIED", now), "revoke", reason, now)).toEqual({ ok: true });
  });

  it("refuses to revoke a claim that has already lapsed", () => {
    const result = canReview(cert("VERIFIED", ms(-1)), "revoke", reason, now);
    expect(result).toEqual({ ok: false, reason: "Only a verified, in-date certification can be revoked; this one is expired." });
  });

  it("refuses to verify a pending claim whose validity has already ended", () => {
    const result = canReview(cert("PENDING", ms(-1)), "verify", undefined, now);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/already ended/);
    // rejecting it is still possible
    expect(canReview(cert("PENDING", ms(-1)), "reject", reason, now)).toEqual({ ok: true });
  });

  const disallowed: [CertificationStatus, ReviewAction][] = [
    ["VERIFIED", "verify"],
    ["VERIFIED", "reject"],
    ["REJECTED", "verify"],
    ["REJECTED", "reject"],
    ["REJECTED", "revoke"],
    ["EXPIRED", "verify"],
    ["EXPIRED", "reject"],
    ["EXPIRED", "revoke"],
    ["REVOKED", "verify"],
    ["REVOKED", "reject"],
    ["REVOKED", "revoke"],
    ["PENDING", "revoke"],
  ];
  it.each(disallowed)("refuses to %2$s a %1$s claim and says why", (status, action) => {
    const result = canReview(cert(status), action, reason, now);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toMatch(/^Only a .* can be (verified|rejected|revoked); this one is [a-z ]+\.$/);
      expect(result.reason).toContain(CERTIFICATION_STATUS_LABELS[status].toLowerCase());
    }
  });

  it.each([
    ["reject", "PENDING"],
    ["revoke", "VERIFIED"],
  ] as const)("needs a reason of at least 5 characters to %s", (action, status) => {
    for (const missing of [undefined, "", "    "]) {
      const result = canReview(cert(status), action, missing, now);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason).toMatch(/^Give a reason/);
    }
    const short = canReview(cert(status), action, "  abcd  ", now);
    expect(short.ok).toBe(false);
    if (!short.ok) expect(short.reason).toMatch(/at least 5 characters/);
    expect(canReview(cert(status), action, "  abcde ", now)).toEqual({ ok: true });
  });

  it("checks the state before the reason", () => {
    const result = canReview(cert("REVOKED"), "revoke", "", now);
    expect(result.ok === false && result.reason).toMatch(/^Only a verified/);
  });
});

describe("statusAfterReview", () => {
  it("maps each action to its status", () => {
    expect(statusAfterReview("verify")).toBe("VERIFIED");
    expect(statusAfterReview("reject")).toBe("REJECTED");
    expect(statusAfterReview("revoke")).toBe("REVOKED");
  });
});

type Claim = CertificationDates & {
  id: string;
  label: { slug: string; name: string; verificationKind: VerificationKind };
};
const label = (slug: string, name: string, verificationKind: VerificationKind) => ({ slug, name, verificationKind });
const organic = label("organic", "EU Organic", "THIRD_PARTY");
const fairtrade = label("fairtrade", "Fairtrade", "THIRD_PARTY");
const pgs = label("pgs", "Ecovida PGS", "PARTICIPATORY");
const vegan = label("vegan", "Vegan", "SELF_DECLARED");
const claim = (id: string, lbl: Claim["label"], status: CertificationStatus = "VERIFIED", validTo: Date | null = nextYear, validFrom = lastYear): Claim => ({
  id,
  label: lbl,
  status,
  validTo,
  validFrom,
});

describe("badgesFor", () => {
  it("shows only badges that are shown, sorted by kind then label name", () => {
    const badges = badgesFor(
      [
        claim("v", vegan),
        claim("p", pgs),
        claim("o", organic),
        claim("f", fairtrade),
        claim("pending", label("rainforest", "Rainforest", "THIRD_PARTY"), "PENDING"),
        claim("lapsed", label("bio", "Bio Suisse", "THIRD_PARTY"), "VERIFIED", ms(-1)),
        claim("future", label("demeter", "Demeter", "THIRD_PARTY"), "VERIFIED", null, ms(DAY)),
      ],
      now,
    );
    expect(badges.map((badge) => badge.id)).toEqual(["o", "f", "p", "v"]);
    expect(badges.map((badge) => badge.label.name)).toEqual(["EU Organic", "Fairtrade", "Ecovida PGS", "Vegan"]);
  });

  it("keeps one badge per label: the one valid longest, open-ended beating any date", () => {
    const badges = badgesFor(
      [
        claim("short", organic, "VERIFIED", ms(DAY)),
        claim("open", organic, "VERIFIED", null),
        claim("long", organic, "VERIFIED", ms(1000 * DAY)),
        claim("f1", fairtrade, "VERIFIED", ms(DAY)),
        claim("f2", fairtrade, "VERIFIED", ms(2 * DAY)),
        claim("f-revoked", fairtrade, "REVOKED", null),
      ],
      now,
    );
    expect(badges.map((badge) => badge.id)).toEqual(["open", "f2"]);
  });

  it("keeps the first given on an exact tie", () => {
    const badges = badgesFor([claim("a", organic), claim("b", organic)], now);
    expect(badges.map((badge) => badge.id)).toEqual(["a"]);
  });

  it("returns nothing for no claims", () => {
    expect(badgesFor([], now)).toEqual([]);
  });

  it("always returns shown claims, one per label, in kind order", () => {
    const kinds = fc.constantFrom(...VERIFICATION_KINDS);
    const arbitraryClaim = fc.record({
      id: fc.string(),
      status: fc.constantFrom(...CERTIFICATION_STATUSES),
      validFrom: fc.integer({ min: -10, max: 10 }).map((days) => ms(days * DAY)),
      validTo: fc.option(fc.integer({ min: -10, max: 10 }).map((days) => ms(days * DAY))),
      label: fc.record({ slug: fc.constantFrom("a", "b", "c", "d"), name: fc.constantFrom("A", "B", "C"), verificationKind: kinds }),
    });
    fc.assert(
      fc.property(fc.array(arbitraryClaim, { maxLength: 12 }), (claims) => {
        const badges = badgesFor(claims, now);
        expect(new Set(badges.map((badge) => badge.label.slug)).size).toBe(badges.length);
        for (const badge of badges) expect(isBadgeShown(badge, now)).toBe(true);
        const shownSlugs = new Set(claims.filter((c) => isBadgeShown(c, now)).map((c) => c.label.slug));
        expect(badges.length).toBe(shownSlugs.size);
        const kindOrder = badges.map((badge) => VERIFICATION_KINDS.indexOf(badge.label.verificationKind));
        expect(kindOrder).toEqual([...kindOrder].sort((a, b) => a - b));
      }),
    );
  });
});

describe("checkValidityDates", () => {
  it("accepts an open-ended claim or one that ends after it starts", () => {
    expect(checkValidityDates(lastYear, null)).toEqual({ ok: true });
    expect(checkValidityDates(lastYear, nextYear)).toEqual({ ok: true });
    expect(checkValidityDates(now, ms(1))).toEqual({ ok: true });
  });
  it("rejects an expiry on or before the start", () => {
    expect(checkValidityDates(now, now)).toEqual({
      ok: false,
      reason: "The expiry date must be after the date the certificate is valid from.",
    });
    expect(checkValidityDates(nextYear, lastYear).ok).toBe(false);
  });
  it("rejects dates that are not real dates", () => {
    expect(checkValidityDates(new Date("nonsense"), null).ok).toBe(false);
    expect(checkValidityDates(now, new Date("nonsense")).ok).toBe(false);
  });
});
