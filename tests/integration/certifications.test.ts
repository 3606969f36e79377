import fs from "node:fs";
import { afterAll, describe, expect, it, vi } from "vitest";
import { db } from "~/adapters/db.server";
import { EVIDENCE_REQUIRED_MESSAGE } from "~/domain/certification-forms";
import { isBadgeShown } from "~/domain/certifications";
import { env } from "~/lib/env.server";
import { deleteUpload, resolveUploadPath } from "~/lib/uploads.server";
import { action as adminAction, loader as adminLoader } from "~/routes/admin.certifications";
import { loader as evidenceLoader } from "~/routes/dashboard.certifications.$id.evidence";
import { action as certificationsAction, loader as certificationsLoader } from "~/routes/dashboard.certifications";
import { expireCertifications, listForReview } from "~/services/certifications.server";
import { visibleCertificationWhere } from "~/services/labels.server";
import { startBackgroundJobs } from "~/services/scheduler.server";
import { createOrganization, createUser, sessionCookieFor, userWithRole } from "../support/factories";
import { call, flashFrom, get, post, readJson } from "../support/routes";

const PAGE = "/dashboard/certifications";
const PDF_BYTES = new TextEncoder().encode(
  "%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj\n" +
    "3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 200 200]>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n",
);
const DAY = 24 * 60 * 60 * 1000;
const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);

let counter = 0;
async function createLabel(verificationKind: "THIRD_PARTY" | "PARTICIPATORY" | "SELF_DECLARED" = "THIRD_PARTY") {
  counter += 1;
  return db.label.create({
    data: {
      slug: `label-${counter}`,
      name: `Label ${counter}`,
      summary: "Fair prices and democratic organisation.",
      criteria: "- Minimum price\n- Premium for the community",
      issuer: "An international certification body",
      verificationKind,
    },
  });
}

async function createProduct(organizationId: string) {
  counter += 1;
  const category = await db.category.create({ data: { slug: `category-${counter}`, name: `Category ${counter}` } });
  return db.product.create({
    data: {
      slug: `product-${counter}`,
      title: `Washed Arabica ${counter}`,
      summary: "Washed arabica from the highlands.",
      description: "Grown under shade by smallholder members of the co-operative.",
      organizationId,
      categoryId: category.id,
      originCountry: "PE",
      originRegion: "Cajamarca",
    },
  });
}

const pdf = (name = "cert.pdf") => new File([PDF_BYTES], name, { type: "application/pdf" });

function claimFields(labelId: string, overrides: Record<string, string> = {}) {
  return {
    intent: "claim",
    labelId,
    productId: "",
    certifier: "FLOCERT",
    certificateNumber: "FLO-12345",
    validFrom: isoDay(-30),
    validTo: isoDay(365),
    ...overrides,
  };
}

/** A multipart POST as the browser sends the claim form (Request sets the boundary header itself). */
function multipart(pathname: string, fields: Record<string, string>, cookie: string, file?: File) {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  body.append("evidence", file ?? new File([], "", { type: "application/octet-stream" }));
  return new Request(`http://localhost${pathname}`, { method: "POST", body, headers: { Cookie: cookie } });
}

function evidenceFiles() {
  const dir = resolveUploadPath("evidence/x")!.replace(/x$/, "");
  return fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
}

/** An owner with a claim already sent for review. */
async function ownerWithClaim(kind: "THIRD_PARTY" | "SELF_DECLARED" = "THIRD_PARTY", overrides: Record<string, string> = {}) {
  const owner = await userWithRole("OWNER");
  const label = await createLabel(kind);
  const response = await call(certificationsAction, multipart(PAGE, claimFields(label.id, overrides), owner.cookie, pdf()));
  expect(response.status).toBe(302);
  const certification = await db.certification.findFirstOrThrow({ where: { organizationId: owner.organization.id } });
  return { ...owner, label, certification };
}

async function platformAdmin() {
  const admin = await createUser({ isPlatformAdmin: true });
  return { admin, cookie: await sessionCookieFor(admin.id) };
}

const review = (fields: Record<string, string>, cookie: string) =>
  call(adminAction, post("/admin/certifications?status=PENDING", fields, cookie));

afterAll(async () => {
  const rows = await db.certification.findMany({ select: { evidencePath: true } });
  await Promise.all(rows.map((row) => deleteUpload(row.evidencePath)));
});

describe("claiming a label", () => {
  it("stores a PDF claim as PENDING with its evidence and lists it", async () => {
    const before = evidenceFiles();
    const { cookie, organization, label, certification } = await ownerWithClaim();
    expect(certification).toMatchObject({
      labelId: label.id,
      productId: null,
      status: "PENDING",
      certifier: "FLOCERT",
      certificateNumber: "FLO-12345",
      evidenceName: "cert.pdf",
      evidenceMimeType: "application/pdf",
      validFrom: new Date(`${isoDay(-30)}T00:00:00.000Z`),
      // The expiry day counts in full: its last valid instant is the end of that day.
      validTo: new Date(`${isoDay(365)}T23:59:59.999Z`),
    });
    expect(certification.evidencePath).toMatch(/^evidence\/[\w-]+\.pdf$/);
    expect(new Uint8Array(fs.readFileSync(resolveUploadPath(certification.evidencePath!)!))).toEqual(PDF_BYTES);
    expect(evidenceFiles()).toHaveLength(before.length + 1);

    const page = await readJson(await call(certificationsLoader, get(PAGE, cookie)));
    expect(page.canManage).toBe(true);
    expect(page.certifications).toEqual([
      expect.objectContaining({
        id: certification.id,
        effectiveStatus: "PENDING",
        hasEvidence: true,
        badgeShown: false,
        label: expect.objectContaining({ name: label.name, verificationKind: "THIRD_PARTY" }),
      }),
    ]);
    // The stored path never reaches the browser.
    expect(JSON.stringify(page)).not.toContain(certification.evidencePath);
    expect(organization.id).toBe(certification.organizationId);
  });

  it("sends a flash confirmation", async () => {
    const owner = await userWithRole("OWNER");
    const label = await createLabel();
    const response = await call(certificationsAction, multipart(PAGE, claimFields(label.id), owner.cookie, pdf()));
    expect(response.headers.get("Location")).toBe(PAGE);
    expect(await flashFrom(response)).toMatchObject({ kind: "success", text: expect.stringMatching(/sent for review/) });
  });

  it("refuses a text file renamed .pdf by its content, keeps what was typed and stores nothing", async () => {
    const owner = await userWithRole("OWNER");
    const label = await createLabel();
    const before = evidenceFiles();
    const fake = new File(["just some notes, not a certificate"], "cert.pdf", { type: "application/pdf" });
    const response = await call(
      certificationsAction,
      multipart(PAGE, claimFields(label.id, { certifier: "Bio Inspecta" }), owner.cookie, fake),
    );
    expect(response.status).toBe(422);
    const reply = await readJson(response);
    expect(reply.error.evidence).toEqual([expect.stringMatching(/not a JPG, PNG, WEBP, PDF file/)]);
    expect(reply.initialValue).toMatchObject({ certifier: "Bio Inspecta", labelId: label.id, validFrom: isoDay(-30) });
    expect(await db.certification.count({ where: { organizationId: owner.organization.id } })).toBe(0);
    expect(evidenceFiles()).toEqual(before);
  });

  it("requires evidence for a third-party label but not for a self-declared one", async () => {
    const owner = await userWithRole("OWNER");
    const certified = await createLabel("THIRD_PARTY");
    const missing = await call(certificationsAction, multipart(PAGE, claimFields(certified.id), owner.cookie));
    expect(missing.status).toBe(422);
    const reply = await readJson(missing);
    expect(reply.error.evidence).toEqual([EVIDENCE_REQUIRED_MESSAGE]);
    expect(reply.initialValue).toMatchObject({ certifier: "FLOCERT" });
    expect(await db.certification.count({ where: { organizationId: owner.organization.id } })).toBe(0);

    const selfDeclared = await createLabel("SELF_DECLARED");
    const ok = await call(certificationsAction, multipart(PAGE, claimFields(selfDeclared.id), owner.cookie));
    expect(ok.status).toBe(302);
    const row = await db.certification.findFirstOrThrow({ where: { organizationId: owner.organization.id } });
    expect(row).toMatchObject({ labelId: selfDeclared.id, status: "PENDING", evidencePath: null });
  });

  it("refuses an expiry date before the start date, keeping the typed values", async () => {
    const owner = await userWithRole("OWNER");
    const label = await createLabel();
    const response = await call(
      certificationsAction,
      multipart(PAGE, claimFields(label.id, { validFrom: "2026-06-01", validTo: "2026-05-01" }), owner.cookie, pdf()),
    );
    expect(response.status).toBe(400);
    const reply = await readJson(response);
    expect(reply.error.validTo).toEqual([expect.stringMatching(/expiry date must be after/)]);
    expect(reply.initialValue).toMatchObject({ validFrom: "2026-06-01", validTo: "2026-05-01", certifier: "FLOCERT" });
    expect(await db.certification.count({ where: { organizationId: owner.organization.id } })).toBe(0);
  });

  it("explains a file that is too large and keeps the typed values", async () => {
    const owner = await userWithRole("OWNER");
    const label = await createLabel();
    const big = new Uint8Array(env.MAX_UPLOAD_BYTES + 1);
    big.set(PDF_BYTES);
    const response = await call(
      certificationsAction,
      multipart(PAGE, claimFields(label.id, { certifier: "Naturland" }), owner.cookie, new File([big], "scan.pdf")),
    );
    expect(response.status).toBe(400);
    const reply = await readJson(response);
    expect(reply.error.evidence).toEqual([expect.stringMatching(/larger than 10 MB/)]);
    expect(reply.initialValue).toMatchObject({ certifier: "Naturland", labelId: label.id });
    expect(await db.certification.count({ where: { organizationId: owner.organization.id } })).toBe(0);
  });

  it("explains a file name the upload parser cannot read instead of failing", async () => {
    const owner = await userWithRole("OWNER");
    const label = await createLabel();
    const response = await call(certificationsAction, multipart(PAGE, claimFields(label.id), owner.cookie, pdf("a;b.pdf")));
    expect(response.status).toBe(400);
    expect((await readJson(response)).error.evidence).toEqual([expect.stringMatching(/Rename the file/)]);
    expect(await db.certification.count({ where: { organizationId: owner.organization.id } })).toBe(0);
  });

  it("lets a plain member claim, like every other catalog task", async () => {
    const member = await userWithRole("MEMBER");
    const label = await createLabel();
    const page = await call(certificationsLoader, get(PAGE, member.cookie));
    expect(page.status).toBe(200);
    expect((await readJson(page)).canManage).toBe(true);
    const response = await call(certificationsAction, multipart(PAGE, claimFields(label.id), member.cookie, pdf()));
    expect(response.status).toBe(302);
    expect(await db.certification.count({ where: { organizationId: member.organization.id, status: "PENDING" } })).toBe(1);
  });

  it("sends someone with no organisation to create one, storing nothing", async () => {
    const loner = await createUser();
    const label = await createLabel();
    const response = await call(certificationsAction, multipart(PAGE, claimFields(label.id), await sessionCookieFor(loner.id), pdf()));
    expect(response.headers.get("Location")).toBe("/dashboard/organizations/new");
    expect(await db.certification.count({ where: { labelId: label.id } })).toBe(0);
  });

  it("accepts the organisation's own product and refuses another organisation's (422)", async () => {
    const owner = await userWithRole("OWNER");
    const label = await createLabel();
    const foreign = await createProduct((await createOrganization()).id);
    const refused = await call(
      certificationsAction,
      multipart(PAGE, claimFields(label.id, { productId: foreign.id }), owner.cookie, pdf()),
    );
    expect(refused.status).toBe(422);
    expect((await readJson(refused)).error.productId).toEqual([expect.stringMatching(/your organisation's products/)]);
    expect(await db.certification.count({ where: { organizationId: owner.organization.id } })).toBe(0);

    const own = await createProduct(owner.organization.id);
    const accepted = await call(
      certificationsAction,
      multipart(PAGE, claimFields(label.id, { productId: own.id }), owner.cookie, pdf()),
    );
    expect(accepted.status).toBe(302);
    expect(await db.certification.findFirstOrThrow({ where: { organizationId: owner.organization.id } })).toMatchObject({
      productId: own.id,
    });
  });

  it("refuses a second pending claim for the same label and scope", async () => {
    const { cookie, label, organization } = await ownerWithClaim();
    const again = await call(certificationsAction, multipart(PAGE, claimFields(label.id), cookie, pdf()));
    expect(again.status).toBe(422);
    expect((await readJson(again)).error[""]).toEqual([expect.stringMatching(/already awaiting review/)]);
    expect(await db.certification.count({ where: { organizationId: organization.id } })).toBe(1);
  });
});

describe("withdrawing a claim", () => {
  it("deletes a pending claim and its evidence file", async () => {
    const { cookie, certification } = await ownerWithClaim();
    const file = resolveUploadPath(certification.evidencePath!)!;
    expect(fs.existsSync(file)).toBe(true);
    const response = await call(certificationsAction, post(PAGE, { intent: "withdraw", certificationId: certification.id }, cookie));
    expect(response.status).toBe(302);
    expect(await flashFrom(response)).toMatchObject({ kind: "success", text: expect.stringMatching(/withdrawn/) });
    expect(await db.certification.findUnique({ where: { id: certification.id } })).toBeNull();
    expect(fs.existsSync(file)).toBe(false);
  });

  it("keeps a reviewed claim and says why", async () => {
    const { cookie, certification } = await ownerWithClaim();
    await db.certification.update({ where: { id: certification.id }, data: { status: "VERIFIED" } });
    const response = await call(certificationsAction, post(PAGE, { intent: "withdraw", certificationId: certification.id }, cookie));
    expect(await flashFrom(response)).toMatchObject({ kind: "error", text: expect.stringMatching(/awaiting review/) });
    expect(await db.certification.findUnique({ where: { id: certification.id } })).not.toBeNull();
  });

  it("is not open to other organisations", async () => {
    const { certification } = await ownerWithClaim();
    const otherOwner = await userWithRole("OWNER");
    const foreign = await call(
      certificationsAction,
      post(PAGE, { intent: "withdraw", certificationId: certification.id }, otherOwner.cookie),
    );
    expect(await flashFrom(foreign)).toMatchObject({ kind: "error", text: expect.stringMatching(/no longer exists/) });
    expect(await db.certification.findUnique({ where: { id: certification.id } })).not.toBeNull();
  });
});

describe("reviewing claims", () => {
  it("verifies a claim, which then shows as a badge", async () => {
    const { certification, cookie: ownerCookie } = await ownerWithClaim();
    const { admin, cookie } = await platformAdmin();
    const response = await review({ intent: "verify", certificationId: certification.id }, cookie);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/admin/certifications?status=PENDING");
    expect(await flashFrom(response)).toMatchObject({ kind: "success", text: expect.stringMatching(/is verified/) });
    const stored = await db.certification.findUniqueOrThrow({ where: { id: certification.id } });
    expect(stored).toMatchObject({ status: "VERIFIED", reviewedById: admin.id, reviewNote: null });
    expect(stored.reviewedAt).toBeInstanceOf(Date);
    const now = new Date();
    expect(isBadgeShown(stored, now)).toBe(true);
    expect(await db.certification.count({ where: { id: certification.id, ...visibleCertificationWhere(now) } })).toBe(1);
    const page = await readJson(await call(certificationsLoader, get(PAGE, ownerCookie)));
    expect(page.certifications[0]).toMatchObject({ effectiveStatus: "VERIFIED", badgeShown: true });
  });

  it("requires a reason to reject, then shows it to the organisation", async () => {
    const { certification, cookie: ownerCookie } = await ownerWithClaim();
    const { cookie } = await platformAdmin();
    const empty = await review({ intent: "reject", certificationId: certification.id, reason: "  " }, cookie);
    expect(empty.status).toBe(422);
    expect((await readJson(empty)).error[""]).toEqual([expect.stringMatching(/Give a reason for rejecting/)]);
    expect((await db.certification.findUniqueOrThrow({ where: { id: certification.id } })).status).toBe("PENDING");

    const reason = "The certificate number does not match the certifier's register.";
    const rejected = await review({ intent: "reject", certificationId: certification.id, reason }, cookie);
    expect(rejected.status).toBe(302);
    expect(await db.certification.findUniqueOrThrow({ where: { id: certification.id } })).toMatchObject({
      status: "REJECTED",
      reviewNote: reason,
    });
    const page = await readJson(await call(certificationsLoader, get(PAGE, ownerCookie)));
    expect(page.certifications[0]).toMatchObject({ effectiveStatus: "REJECTED", reviewNote: reason });
  });

  it("revokes a verified claim with a reason, which hides the badge; a pending claim cannot be revoked", async () => {
    const { certification } = await ownerWithClaim();
    const { cookie } = await platformAdmin();
    const tooEarly = await review({ intent: "revoke", certificationId: certification.id, reason: "Suspended by certifier" }, cookie);
    expect(tooEarly.status).toBe(422);
    expect((await readJson(tooEarly)).error[""]).toEqual([expect.stringMatching(/Only a verified, in-date certification/)]);

    await review({ intent: "verify", certificationId: certification.id }, cookie);
    const noReason = await review({ intent: "revoke", certificationId: certification.id }, cookie);
    expect(noReason.status).toBe(422);
    expect((await db.certification.findUniqueOrThrow({ where: { id: certification.id } })).status).toBe("VERIFIED");

    const revoked = await review({ intent: "revoke", certificationId: certification.id, reason: "Suspended by certifier" }, cookie);
    expect(revoked.status).toBe(302);
    expect(await flashFrom(revoked)).toMatchObject({ text: expect.stringMatching(/revoked/) });
    const stored = await db.certification.findUniqueOrThrow({ where: { id: certification.id } });
    expect(stored).toMatchObject({ status: "REVOKED", reviewNote: "Suspended by certifier" });
    const now = new Date();
    expect(isBadgeShown(stored, now)).toBe(false);
    expect(await db.certification.count({ where: { id: certification.id, ...visibleCertificationWhere(now) } })).toBe(0);
  });

  it("is for platform admins only (403)", async () => {
    const { certification, cookie: ownerCookie } = await ownerWithClaim();
    const denied = await review({ intent: "verify", certificationId: certification.id }, ownerCookie);
    expect(denied.status).toBe(403);
    expect((await call(adminLoader, get("/admin/certifications", ownerCookie))).status).toBe(403);
    expect((await db.certification.findUniqueOrThrow({ where: { id: certification.id } })).status).toBe("PENDING");
  });

  it("answers 404 for a claim that no longer exists", async () => {
    const { cookie } = await platformAdmin();
    const response = await review({ intent: "verify", certificationId: "no-such-claim" }, cookie);
    expect(response.status).toBe(404);
  });

  it("lists claims awaiting review first, oldest first, and filters by status", async () => {
    const { cookie } = await platformAdmin();
    const newer = await ownerWithClaim();
    const older = await ownerWithClaim();
    const reviewed = await ownerWithClaim();
    await db.certification.update({ where: { id: older.certification.id }, data: { createdAt: new Date("2020-01-01") } });
    await db.certification.update({
      where: { id: reviewed.certification.id },
      data: { status: "REJECTED", createdAt: new Date("2019-01-01"), reviewNote: "Illegible scan" },
    });

    const pending = await readJson(await call(adminLoader, get("/admin/certifications", cookie)));
    expect(pending.status).toBe("PENDING");
    const pendingIds = pending.certifications.map((row: { id: string }) => row.id);
    expect(pendingIds.indexOf(older.certification.id)).toBeLessThan(pendingIds.indexOf(newer.certification.id));
    expect(pendingIds).not.toContain(reviewed.certification.id);
    expect(pending.certifications[0]).toMatchObject({
      organization: expect.objectContaining({ name: expect.any(String), slug: expect.any(String) }),
      label: expect.objectContaining({ verificationKind: "THIRD_PARTY" }),
      evidenceName: "cert.pdf",
      hasEvidence: true,
    });

    const all = await readJson(await call(adminLoader, get("/admin/certifications?status=ALL", cookie)));
    const statuses = all.certifications.map((row: { status: string }) => row.status);
    expect(statuses.lastIndexOf("PENDING")).toBeLessThan(statuses.indexOf("REJECTED"));
    expect(all.total).toBe(await db.certification.count());

    const rejected = await readJson(await call(adminLoader, get("/admin/certifications?status=rejected", cookie)));
    expect(rejected.certifications.map((row: { id: string }) => row.id)).toContain(reviewed.certification.id);
    expect(rejected.certifications.every((row: { status: string }) => row.status === "REJECTED")).toBe(true);
  });

  it("pages through every status with the pending ones first", async () => {
    const total = await db.certification.count();
    const pendingTotal = await db.certification.count({ where: { status: "PENDING" } });
    const seen: { id: string; status: string }[] = [];
    for (let page = 1; seen.length < total && page < 100; page += 1) {
      seen.push(...(await listForReview({ page })).certifications);
    }
    expect(new Set(seen.map((row) => row.id)).size).toBe(total);
    expect(seen.slice(0, pendingTotal).every((row) => row.status === "PENDING")).toBe(true);
  });
});

describe("expiry", () => {
  it("marks overdue VERIFIED certifications as EXPIRED and leaves the rest", async () => {
    const { organization, label } = await ownerWithClaim();
    const base = { labelId: label.id, organizationId: organization.id, certifier: "Certifier", validFrom: new Date("2024-01-01") };
    const now = new Date();
    const overdue = await db.certification.create({ data: { ...base, status: "VERIFIED", validTo: new Date(now.getTime() - 1000) } });
    const current = await db.certification.create({ data: { ...base, status: "VERIFIED", validTo: new Date(now.getTime() + DAY) } });
    const openEnded = await db.certification.create({ data: { ...base, status: "VERIFIED", validTo: null } });
    const pendingOld = await db.certification.create({ data: { ...base, status: "PENDING", validTo: new Date("2024-06-01") } });

    expect(await expireCertifications(now)).toBe(1);
    const statusOf = async (id: string) => (await db.certification.findUniqueOrThrow({ where: { id } })).status;
    expect(await statusOf(overdue.id)).toBe("EXPIRED");
    expect(await statusOf(current.id)).toBe("VERIFIED");
    expect(await statusOf(openEnded.id)).toBe("VERIFIED");
    expect(await statusOf(pendingOld.id)).toBe("PENDING");
    expect(await expireCertifications(now)).toBe(0);
  });

  it("runs by itself once the background jobs start, and starts only once", async () => {
    const { organization, label } = await ownerWithClaim();
    const overdue = await db.certification.create({
      data: {
        labelId: label.id,
        organizationId: organization.id,
        certifier: "Certifier",
        status: "VERIFIED",
        validFrom: new Date("2024-01-01"),
        validTo: new Date("2025-01-01"),
      },
    });
    expect(startBackgroundJobs()).toBe(true);
    expect(startBackgroundJobs()).toBe(false);
    await vi.waitFor(async () => {
      expect((await db.certification.findUniqueOrThrow({ where: { id: overdue.id } })).status).toBe("EXPIRED");
    });
  });
});

describe("evidence download", () => {
  const evidenceUrl = (id: string) => `/dashboard/certifications/${id}/evidence`;
  const download = (id: string, cookie?: string) => call(evidenceLoader, get(evidenceUrl(id), cookie), { params: { id } });

  it("serves the file to members of the organisation and to platform admins", async () => {
    const { certification, organization } = await ownerWithClaim();
    const member = await createUser();
    await db.membership.create({ data: { userId: member.id, organizationId: organization.id, role: "MEMBER" } });
    const response = await download(certification.id, await sessionCookieFor(member.id));
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    expect(response.headers.get("Content-Disposition")).toMatch(/^inline; filename="cert\.pdf"/);
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(PDF_BYTES);

    const { cookie: adminCookie } = await platformAdmin();
    const asAdmin = await download(certification.id, adminCookie);
    expect(asAdmin.status).toBe(200);
    expect(new Uint8Array(await asAdmin.arrayBuffer())).toEqual(PDF_BYTES);
  });

  it("refuses anyone else (403), asks strangers to log in, and answers 404 when there is nothing", async () => {
    const { certification } = await ownerWithClaim();
    const outsider = await userWithRole("OWNER");
    const denied = await download(certification.id, outsider.cookie);
    expect(denied.status).toBe(403);
    expect(await denied.text()).not.toContain("%PDF");

    const anonymous = await download(certification.id);
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toMatch(/^\/login\?redirectTo=/);

    expect((await download("no-such-claim", outsider.cookie)).status).toBe(404);
  });

  it("sanitises the file name in the header", async () => {
    const owner = await userWithRole("OWNER");
    const label = await createLabel();
    const upload = await call(
      certificationsAction,
      multipart(PAGE, claimFields(label.id), owner.cookie, pdf("Prüfbericht 2026 (final) ✓.pdf")),
    );
    expect(upload.status).toBe(302);
    const certification = await db.certification.findFirstOrThrow({ where: { organizationId: owner.organization.id } });
    const response = await download(certification.id, owner.cookie);
    const disposition = response.headers.get("Content-Disposition")!;
    expect(disposition).toBe(
      `inline; filename="Prufbericht 2026 (final) _.pdf"; filename*=UTF-8''Pr%C3%BCfbericht%202026%20%28final%29%20%E2%9C%93.pdf`,
    );
    await response.body?.cancel();
  });
});

