/**
 * Collective brands through their services and routes: founding, applying, voting (one organisation, one vote),
 * products proposed and reviewed, losing the mark when a required certification lapses, the brand's collection,
 * shared campaigns and the mark on product pages. Routes read the real clock, so dates here are relative to now.
 */
import { describe, expect, it } from "vitest";
import { db } from "~/adapters/db.server";
import { loader as homeLoader } from "~/routes/_index";
import { loader as campaignLoader } from "~/routes/brands.$slug_.campaigns.$campaign";
import { action as newCampaignAction, loader as newCampaignLoader } from "~/routes/brands.$slug_.campaigns.new";
import { action as brandAction, loader as brandLoader } from "~/routes/brands.$slug";
import { loader as brandsLoader } from "~/routes/brands._index";
import { action as newBrandAction, loader as newBrandLoader } from "~/routes/brands.new";
import { loader as productLoader } from "~/routes/products.$slug";
import {
  applyToBrand,
  brandCollection,
  brandsOfProduct,
  castVote,
  getBrand,
  proposeCampaign,
  recheckBrandMarks,
  runningCampaigns,
} from "~/services/brands.server";
import {
  admit,
  certify,
  colleague,
  createLabel,
  DAY,
  foundTestBrand,
  governor,
  markApproved,
  outboxEvents,
  productOf,
  type Governor,
} from "../support/brands";
import { call, flashFrom, get, post, readJson } from "../support/routes";

const BASE = "http://localhost";
const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);

/** A form post with repeated fields (checkbox groups), as the browser sends it. */
function postEntries(pathname: string, entries: [string, string][], cookie: string) {
  return new Request(BASE + pathname, {
    method: "POST",
    body: new URLSearchParams(entries),
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
  });
}

const onBrandPage = (slug: string, fields: Record<string, string>, cookie: string) =>
  call(brandAction, post(`/brands/${slug}`, fields, cookie), { params: { slug } });

/** The flash text a redirect back to the page carries (303 after an invalid form, 302 otherwise). */
async function flashText(response: Response) {
  expect([302, 303]).toContain(response.status);
  return (await flashFrom(response))?.text;
}

async function brandRow(id: string) {
  return db.brand.findUniqueOrThrow({ where: { id }, include: { members: true, requiredLabels: true } });
}

/** A brand with `size` member organisations (the founder as steward + others admitted) and an applicant. */
async function brandWithMembers(size: number, rules: { quorumPercent: number; majorityPercent?: number } = { quorumPercent: 50 }) {
  const founder = await governor();
  const brand = await foundTestBrand(founder, { quorumPercent: rules.quorumPercent, majorityPercent: rules.majorityPercent ?? 50 });
  const members: Governor[] = [];
  for (let index = 1; index < size; index += 1) {
    const member = await governor();
    await admit(brand.id, member);
    members.push(member);
  }
  const applicant = await governor();
  const application = await applyToBrand(applicant.actor, brand.id, "We roast our members' coffee and would like to join.");
  return { founder, brand, members, applicant, application };
}

const vote = (slug: string, applicationId: string, choice: "YES" | "NO" | "ABSTAIN", who: Governor) =>
  onBrandPage(slug, { intent: "vote", applicationId, choice }, who.cookie);

// ---------------------------------------------------------------------------------------------------------------
// Founding
// ---------------------------------------------------------------------------------------------------------------

describe("founding a brand", () => {
  function foundingEntries(overrides: Record<string, string | string[]> = {}): [string, string][] {
    const fields: Record<string, string | string[]> = {
      name: "Andes Women's Coffee",
      story: "Coffee grown, processed and sold by women-led co-operatives of the Andes.",
      primaryColor: "#1F6F4A",
      accentColor: "#f6e7c1",
      quorumPercent: "50",
      majorityPercent: "50",
      ...overrides,
    };
    return Object.entries(fields).flatMap(([name, value]) => (Array.isArray(value) ? value.map((item) => [name, item] as [string, string]) : [[name, value]]));
  }

  it("an owner founds it with its standards; the founding organisation becomes its steward", async () => {
    const owner = await governor({ kind: "PRODUCER", legalForm: "WORKER_COOP" });
    const [fairtrade, womenLed] = [await createLabel("Fairtrade"), await createLabel("Women-led")];
    expect((await call(newBrandLoader, get("/brands/new", owner.cookie))).status).toBe(200);

    const response = await call(
      newBrandAction,
      postEntries(
        "/brands/new",
        foundingEntries({ requiredLabelIds: [fairtrade.id, womenLed.id], allowedKinds: ["PRODUCER", "SUPPLIER"], allowedLegalForms: ["WORKER_COOP"] }),
        owner.cookie,
      ),
    );
    expect(response.status).toBe(302);
    const brand = await db.brand.findFirstOrThrow({ where: { name: "Andes Women's Coffee" }, include: { members: true, requiredLabels: true } });
    expect(response.headers.get("Location")).toBe(`/brands/${brand.slug}`);
    expect((await flashFrom(response))?.text).toMatch(/first member and steward/);
    expect(brand).toMatchObject({
      primaryColor: "#1f6f4a", // normalised to lower case
      allowedKinds: "PRODUCER,SUPPLIER",
      allowedLegalForms: "WORKER_COOP",
      quorumPercent: 50,
      majorityPercent: 50,
      foundedByOrganizationId: owner.organization.id,
    });
    expect(brand.requiredLabels.map((required) => required.labelId).sort()).toEqual([fairtrade.id, womenLed.id].sort());
    expect(brand.members).toEqual([expect.objectContaining({ organizationId: owner.organization.id, role: "STEWARD" })]);

    // It is listed, with its one member.
    const list = await readJson(await call(brandsLoader, get("/brands", owner.cookie)));
    expect(list.canFound).toBe(true);
    expect(list.brands).toEqual([expect.objectContaining({ slug: brand.slug, _count: { members: 1 } })]);
  });

  it("an admin may found one too", async () => {
    const admin = await governor({ role: "ADMIN" });
    const response = await call(newBrandAction, postEntries("/brands/new", foundingEntries({ name: "Admins' Tea" }), admin.cookie));
    expect(response.status).toBe(302);
  });

  it("a MEMBER of an organisation is refused with 403 and nothing is created", async () => {
    const member = await governor({ role: "MEMBER" });
    expect((await call(newBrandLoader, get("/brands/new", member.cookie))).status).toBe(403);
    const response = await call(newBrandAction, postEntries("/brands/new", foundingEntries({ name: "Members' Brand" }), member.cookie));
    expect(response.status).toBe(403);
    expect(await db.brand.count({ where: { name: "Members' Brand" } })).toBe(0);
    expect((await readJson(await call(brandsLoader, get("/brands", member.cookie)))).canFound).toBe(false);
  });

  it("an invalid form is answered 400 with an error beside each field", async () => {
    const owner = await governor();
    const before = await db.brand.count();
    const response = await call(
      newBrandAction,
      postEntries("/brands/new", foundingEntries({ name: "A", story: "Too short", primaryColor: "green", quorumPercent: "0", majorityPercent: "40" }), owner.cookie),
    );
    expect(response.status).toBe(400);
    const reply = await readJson(response);
    expect(reply.error).toMatchObject({
      name: ["Use at least 2 characters"],
      story: ["Tell its story in at least 20 characters"],
      primaryColor: ["Give the main colour as #rrggbb"],
      quorumPercent: ["At least 1%"],
      majorityPercent: ["At least 50% (more than half)"],
    });
    expect(await db.brand.count()).toBe(before);
  });

  it("a founder whose own organisation would not meet its kind or legal-form standards is refused (422), nothing kept", async () => {
    const owner = await governor({ kind: "BUYING_COOP", legalForm: "CONSUMER_COOP" });
    const before = await db.brand.count();
    const response = await call(
      newBrandAction,
      postEntries("/brands/new", foundingEntries({ name: "Growers Only", allowedKinds: ["PRODUCER"], allowedLegalForms: ["WORKER_COOP"] }), owner.cookie),
    );
    expect(response.status).toBe(422);
    expect((await readJson(response)).error[""]).toEqual([
      "Your own organisation would not meet these standards: Only producer organisations may carry this brand. Only worker co-operatives may carry this brand.",
    ]);
    expect(await db.brand.count()).toBe(before);
    expect(await db.brandMember.count({ where: { organizationId: owner.organization.id } })).toBe(0);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Applying
// ---------------------------------------------------------------------------------------------------------------

describe("applying to join", () => {
  const message = "We are a worker co-op roasting fair coffee and share your values.";

  it("an eligible organisation applies once; a second application while open is refused", async () => {
    const founder = await governor();
    const brand = await foundTestBrand(founder, { allowedKinds: ["PRODUCER", "SUPPLIER"] });
    const applicant = await governor({ kind: "SUPPLIER" });

    const first = await onBrandPage(brand.slug, { intent: "apply", message }, applicant.cookie);
    expect(await flashText(first)).toBe(`${applicant.organization.name} has applied to join ${brand.name}. The member organisations will vote.`);
    expect(await db.brandApplication.findMany({ where: { brandId: brand.id } })).toEqual([
      expect.objectContaining({ organizationId: applicant.organization.id, status: "OPEN", message }),
    ]);

    const second = await onBrandPage(brand.slug, { intent: "apply", message }, applicant.cookie);
    expect(await flashText(second)).toBe("Your application is already open; the members are voting.");
    expect(await db.brandApplication.count({ where: { brandId: brand.id } })).toBe(1);

    // The applicant sees its application on the page, but not the members' governance lists.
    const page = await readJson(await call(brandLoader, get(`/brands/${brand.slug}`, applicant.cookie), { params: { slug: brand.slug } }));
    expect(page.governance.membership).toBeNull();
    expect(page.governance.myApplication).toMatchObject({ status: "OPEN" });
    expect(page.governance.applications).toEqual([]);
  });

  it("enforces the brand's kind and legal-form standards, with the reasons", async () => {
    const founder = await governor({ legalForm: "WORKER_COOP" });
    const brand = await foundTestBrand(founder, { allowedKinds: ["PRODUCER"], allowedLegalForms: ["WORKER_COOP"] });
    const buyingCoop = await governor({ kind: "BUYING_COOP", legalForm: "CONSUMER_COOP" });
    const response = await onBrandPage(brand.slug, { intent: "apply", message }, buyingCoop.cookie);
    expect(await flashText(response)).toBe("Only producer organisations may carry this brand. Only worker co-operatives may carry this brand.");
    expect(await db.brandApplication.count({ where: { brandId: brand.id } })).toBe(0);
  });

  it("members do not apply; a MEMBER-role user cannot apply for the organisation (403)", async () => {
    const founder = await governor();
    const brand = await foundTestBrand(founder);
    expect(await flashText(await onBrandPage(brand.slug, { intent: "apply", message }, founder.cookie))).toBe(
      `${founder.organization.name} is already a member of ${brand.name}.`,
    );
    const clerk = await governor({ role: "MEMBER" });
    expect((await onBrandPage(brand.slug, { intent: "apply", message }, clerk.cookie)).status).toBe(403);
    expect(await db.brandApplication.count({ where: { brandId: brand.id } })).toBe(0);
  });

  it("a message that is too short is refused by the form", async () => {
    const founder = await governor();
    const brand = await foundTestBrand(founder);
    const applicant = await governor();
    expect(await flashText(await onBrandPage(brand.slug, { intent: "apply", message: "pls" }, applicant.cookie))).toBe(
      "Say in a sentence or two why you want to join",
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Voting
// ---------------------------------------------------------------------------------------------------------------

describe("voting on an application", () => {
  it("one organisation, one vote: another user of the same organisation cannot vote again", async () => {
    const { brand, members, application } = await brandWithMembers(3);
    const [alpaca] = members as [Governor];
    expect(await flashText(await vote(brand.slug, application.id, "YES", alpaca))).toBe(`${alpaca.organization.name}'s vote is recorded.`);

    const alpacaAdmin = await colleague(alpaca, "ADMIN");
    expect(await flashText(await vote(brand.slug, application.id, "NO", alpacaAdmin))).toBe("Your organisation has already voted: one organisation, one vote.");
    expect(await db.brandVote.findMany({ where: { applicationId: application.id } })).toEqual([
      expect.objectContaining({ organizationId: alpaca.organization.id, castById: alpaca.user.id, choice: "YES" }),
    ]);
  });

  it("the applicant cannot vote on itself, and non-members cannot vote", async () => {
    const { brand, applicant, application } = await brandWithMembers(3);
    expect(await flashText(await vote(brand.slug, application.id, "YES", applicant))).toBe("An organisation cannot vote on its own application.");
    const outsider = await governor();
    expect(await flashText(await vote(brand.slug, application.id, "YES", outsider))).toBe("Only member organisations of the brand vote.");
    expect(await db.brandVote.count({ where: { applicationId: application.id } })).toBe(0);
  });

  it("a MEMBER-role user of a member organisation is refused with 403", async () => {
    const { brand, members, application } = await brandWithMembers(3);
    const clerk = await colleague(members[0]!, "MEMBER");
    expect((await vote(brand.slug, application.id, "YES", clerk)).status).toBe(403);
    expect(await db.brandVote.count({ where: { applicationId: application.id } })).toBe(0);
  });

  it("is decided as soon as the outcome is certain; the tally is recorded and the organisation admitted", async () => {
    // 3 members, quorum 50% (2 votes), simple majority.
    const { founder, brand, members, applicant, application } = await brandWithMembers(3);
    const [alpaca, llama] = members as [Governor, Governor];
    expect(await flashText(await vote(brand.slug, application.id, "YES", founder))).toBe(`${founder.organization.name}'s vote is recorded.`);
    expect(await db.brandApplication.findUniqueOrThrow({ where: { id: application.id } })).toMatchObject({ status: "OPEN", decidedAt: null });

    // Members see the open application with its running tally.
    const page = await readJson(await call(brandLoader, get(`/brands/${brand.slug}`, llama.cookie), { params: { slug: brand.slug } }));
    expect(page.governance.applications).toEqual([
      expect.objectContaining({ id: application.id, tally: { yes: 1, no: 0, abstain: 0 }, decision: expect.objectContaining({ outcome: "PENDING", votesNeededForQuorum: 1 }) }),
    ]);

    // 2 yes of 3: even a no from the last member leaves 2 of 3.
    const decisive = await vote(brand.slug, application.id, "YES", alpaca);
    expect(await flashText(decisive)).toBe(`${alpaca.organization.name}'s vote is recorded. Admitted: 2 yes, 0 no, 0 abstaining of 3 member organisations.`);
    expect(await db.brandApplication.findUniqueOrThrow({ where: { id: application.id } })).toMatchObject({
      status: "ACCEPTED",
      yesVotes: 2,
      noVotes: 0,
      abstentions: 0,
      eligibleVoters: 3,
      decisionNote: "Admitted: 2 yes, 0 no, 0 abstaining of 3 member organisations.",
      decidedAt: expect.any(Date),
    });
    expect(await db.brandMember.findUnique({ where: { brandId_organizationId: { brandId: brand.id, organizationId: applicant.organization.id } } })).toMatchObject({
      role: "MEMBER",
    });

    // Voting has ended for the last member.
    expect(await flashText(await vote(brand.slug, application.id, "NO", llama))).toBe("Voting on this application has ended.");
    expect((await brandRow(brand.id)).members).toHaveLength(4);
  });

  it("a certain refusal is recorded without admitting anyone", async () => {
    const { founder, brand, members, applicant, application } = await brandWithMembers(3);
    await castVote(founder.actor, application.id, "NO");
    const decision = await castVote(members[0]!.actor, application.id, "NO");
    expect(decision).toMatchObject({ outcome: "REJECTED" });
    expect(await db.brandApplication.findUniqueOrThrow({ where: { id: application.id } })).toMatchObject({
      status: "REJECTED",
      yesVotes: 0,
      noVotes: 2,
      abstentions: 0,
      eligibleVoters: 3,
      decisionNote: "Not admitted: 0 yes, 2 no, 0 abstaining of 3 member organisations; more than 50% of yes and no votes had to be yes.",
    });
    expect(await db.brandMember.count({ where: { brandId: brand.id, organizationId: applicant.organization.id } })).toBe(0);
  });

  it("a steward closes the vote: decided with the votes cast, abstentions counting towards the quorum", async () => {
    // 4 members, quorum 50% (2 votes): 1 yes + 1 abstention is quorate but the other two could still say no.
    const { founder, brand, members, applicant, application } = await brandWithMembers(4);
    const [alpaca, llama] = members as [Governor, Governor];
    await castVote(founder.actor, application.id, "YES");
    expect(await castVote(alpaca.actor, application.id, "ABSTAIN")).toMatchObject({ outcome: "PENDING" });

    // A member organisation that is not a steward cannot close it.
    expect(await flashText(await onBrandPage(brand.slug, { intent: "close-vote", applicationId: application.id }, llama.cookie))).toBe(
      "Only the brand's stewards can do this.",
    );
    expect((await db.brandApplication.findUniqueOrThrow({ where: { id: application.id } })).status).toBe("OPEN");

    const closed = await onBrandPage(brand.slug, { intent: "close-vote", applicationId: application.id }, founder.cookie);
    expect(await flashText(closed)).toBe("Admitted: 1 yes, 0 no, 1 abstaining of 4 member organisations.");
    expect(await db.brandApplication.findUniqueOrThrow({ where: { id: application.id } })).toMatchObject({
      status: "ACCEPTED",
      yesVotes: 1,
      noVotes: 0,
      abstentions: 1,
      eligibleVoters: 4,
    });
    expect(await db.brandMember.count({ where: { brandId: brand.id, organizationId: applicant.organization.id } })).toBe(1);

    // Closing again is refused.
    expect(await flashText(await onBrandPage(brand.slug, { intent: "close-vote", applicationId: application.id }, founder.cookie))).toBe(
      "Voting on this application has already ended.",
    );
  });

  it("a steward closing a vote without a quorum refuses the application for that reason", async () => {
    const { founder, brand, applicant, application } = await brandWithMembers(4);
    await castVote(founder.actor, application.id, "YES");
    const closed = await onBrandPage(brand.slug, { intent: "close-vote", applicationId: application.id }, founder.cookie);
    const note = "Not admitted: the quorum of 2 votes was not reached (1 yes, 0 no, 0 abstaining of 4 member organisations).";
    expect(await flashText(closed)).toBe(note);
    expect(await db.brandApplication.findUniqueOrThrow({ where: { id: application.id } })).toMatchObject({ status: "REJECTED", decisionNote: note, eligibleVoters: 4 });
    expect(await db.brandMember.count({ where: { brandId: brand.id, organizationId: applicant.organization.id } })).toBe(0);
  });

  it("a MEMBER-role user of the steward organisation cannot close the vote (403)", async () => {
    const { founder, brand, application } = await brandWithMembers(2);
    const clerk = await colleague(founder, "MEMBER");
    expect((await onBrandPage(brand.slug, { intent: "close-vote", applicationId: application.id }, clerk.cookie)).status).toBe(403);
    expect((await db.brandApplication.findUniqueOrThrow({ where: { id: application.id } })).status).toBe("OPEN");
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Products proposed to carry the brand
// ---------------------------------------------------------------------------------------------------------------

/** A brand requiring one label, with a member producer whose product does not hold it yet. */
async function brandRequiringLabel() {
  const founder = await governor();
  const label = await createLabel("Fairtrade");
  const brand = await foundTestBrand(founder, { requiredLabelIds: [label.id] });
  const member = await governor();
  await admit(brand.id, member);
  const clerk = await colleague(member, "MEMBER"); // day-to-day catalogue work
  const product = await productOf(member.organization.id, "Cajamarca washed arabica");
  return { founder, label, brand, member, clerk, product };
}

const proposal = (brandId: string, productId: string) => db.brandProduct.findUniqueOrThrow({ where: { brandId_productId: { brandId, productId } } });

describe("proposing products", () => {
  it("a product that does not meet the standards is refused at once, with the reasons stored and shown", async () => {
    const { brand, clerk, product } = await brandRequiringLabel();
    const response = await onBrandPage(brand.slug, { intent: "propose-product", productId: product.id }, clerk.cookie);
    expect(await flashText(response)).toBe(`${product.title} cannot carry ${brand.name}: It needs the Fairtrade label, verified and current.`);
    expect(await proposal(brand.id, product.id)).toMatchObject({
      status: "REJECTED",
      reason: "Does not meet the standards: It needs the Fairtrade label, verified and current.",
      decidedAt: expect.any(Date),
      reviewedById: null,
    });
  });

  it("a certification past its validTo does not count, even before the expiry job marks it EXPIRED", async () => {
    const { label, brand, member, product } = await brandRequiringLabel();
    await certify(label.id, { organizationId: member.organization.id }, { validFrom: new Date(Date.now() - 400 * DAY), validTo: new Date(Date.now() - DAY) });
    const response = await onBrandPage(brand.slug, { intent: "propose-product", productId: product.id }, member.cookie);
    expect(await flashText(response)).toBe(`${product.title} cannot carry ${brand.name}: It needs the Fairtrade label, verified and current.`);
    expect((await proposal(brand.id, product.id)).status).toBe("REJECTED");
  });

  it("a pending or revoked certification does not count either", async () => {
    const { label, brand, member, product } = await brandRequiringLabel();
    await certify(label.id, { organizationId: member.organization.id }, { status: "PENDING" });
    await certify(label.id, { organizationId: member.organization.id, productId: product.id }, { status: "REVOKED" });
    await onBrandPage(brand.slug, { intent: "propose-product", productId: product.id }, member.cookie);
    expect((await proposal(brand.id, product.id)).status).toBe("REJECTED");
  });

  it("a compliant product waits for a steward, who approves it: it carries the mark and search is told", async () => {
    const { founder, label, brand, clerk, member, product } = await brandRequiringLabel();
    // Refused first, then the producer gets certified for this product and proposes again.
    await onBrandPage(brand.slug, { intent: "propose-product", productId: product.id }, clerk.cookie);
    await certify(label.id, { organizationId: member.organization.id, productId: product.id });
    const proposed = await onBrandPage(brand.slug, { intent: "propose-product", productId: product.id }, clerk.cookie);
    expect(await flashText(proposed)).toBe(`${product.title} is proposed; a steward will review it.`);
    const waiting = await proposal(brand.id, product.id);
    expect(waiting).toMatchObject({ status: "PROPOSED", reason: null, decidedAt: null, proposedByOrganizationId: member.organization.id });
    expect(await brandsOfProduct(product.id)).toEqual([]);

    // Proposing it again while it waits is refused.
    expect(await flashText(await onBrandPage(brand.slug, { intent: "propose-product", productId: product.id }, clerk.cookie))).toBe(
      `${product.title} is already waiting for a steward.`,
    );

    // The proposing member is not a steward.
    const byMember = await onBrandPage(brand.slug, { intent: "review-product", brandProductId: waiting.id, decision: "approve" }, member.cookie);
    expect(await flashText(byMember)).toBe("Only the brand's stewards can do this.");
    expect((await proposal(brand.id, product.id)).status).toBe("PROPOSED");

    const eventsBefore = (await outboxEvents("product.changed")).length;
    const approved = await onBrandPage(brand.slug, { intent: "review-product", brandProductId: waiting.id, decision: "approve" }, founder.cookie);
    expect(await flashText(approved)).toBe(`${product.title} now carries ${brand.name}.`);
    expect(await proposal(brand.id, product.id)).toMatchObject({ status: "APPROVED", reviewedById: founder.user.id, decidedAt: expect.any(Date) });
    const events = await outboxEvents("product.changed");
    expect(events.slice(eventsBefore)).toEqual([{ productIds: [product.id] }]);
    expect(await brandsOfProduct(product.id)).toEqual([{ slug: brand.slug, name: brand.name, primaryColor: brand.primaryColor, accentColor: brand.accentColor }]);

    // Already carrying it: a new proposal is refused.
    expect(await flashText(await onBrandPage(brand.slug, { intent: "propose-product", productId: product.id }, clerk.cookie))).toBe(
      `${product.title} already carries ${brand.name}.`,
    );
  });

  it("a steward refusing must say why; the reason is stored", async () => {
    const { founder, label, brand, member, product } = await brandRequiringLabel();
    await certify(label.id, { organizationId: member.organization.id });
    await onBrandPage(brand.slug, { intent: "propose-product", productId: product.id }, member.cookie);
    const waiting = await proposal(brand.id, product.id);

    const noReason = await onBrandPage(brand.slug, { intent: "review-product", brandProductId: waiting.id, decision: "reject", reason: "" }, founder.cookie);
    expect(await flashText(noReason)).toBe("Say why the product is refused: the members proposing it are told.");
    expect((await proposal(brand.id, product.id)).status).toBe("PROPOSED");

    const refused = await onBrandPage(
      brand.slug,
      { intent: "review-product", brandProductId: waiting.id, decision: "reject", reason: "The label photo shows another farm." },
      founder.cookie,
    );
    expect(await flashText(refused)).toBe(`${product.title} was refused.`);
    expect(await proposal(brand.id, product.id)).toMatchObject({ status: "REJECTED", reason: "The label photo shows another farm.", reviewedById: founder.user.id });
    expect(await outboxEvents("product.changed")).not.toContainEqual({ productIds: [product.id] });
  });

  it("a MEMBER-role user of the steward organisation cannot review (403)", async () => {
    const { founder, label, brand, member, product } = await brandRequiringLabel();
    await certify(label.id, { organizationId: member.organization.id });
    await onBrandPage(brand.slug, { intent: "propose-product", productId: product.id }, member.cookie);
    const clerk = await colleague(founder, "MEMBER");
    const waiting = await proposal(brand.id, product.id);
    const response = await onBrandPage(brand.slug, { intent: "review-product", brandProductId: waiting.id, decision: "approve" }, clerk.cookie);
    expect(response.status).toBe(403);
    expect((await proposal(brand.id, product.id)).status).toBe("PROPOSED");
  });

  it("non-members cannot propose, and members propose only their own listed products", async () => {
    const { brand, member, product } = await brandRequiringLabel();
    const outsider = await governor();
    const theirs = await productOf(outsider.organization.id);
    expect(await flashText(await onBrandPage(brand.slug, { intent: "propose-product", productId: theirs.id }, outsider.cookie))).toBe(
      `Only member organisations of ${brand.name} propose products.`,
    );
    expect(await flashText(await onBrandPage(brand.slug, { intent: "propose-product", productId: theirs.id }, member.cookie))).toBe(
      "Choose one of your organisation's listed products.",
    );
    await db.product.update({ where: { id: product.id }, data: { status: "ARCHIVED" } });
    expect(await flashText(await onBrandPage(brand.slug, { intent: "propose-product", productId: product.id }, member.cookie))).toBe(
      "Choose one of your organisation's listed products.",
    );
    expect(await db.brandProduct.count({ where: { brandId: brand.id } })).toBe(0);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Losing the mark when a required certification lapses
// ---------------------------------------------------------------------------------------------------------------

/** A member's product carrying the brand on the strength of one product-level certification. */
async function carryingProduct() {
  const setup = await brandRequiringLabel();
  const certification = await certify(setup.label.id, { organizationId: setup.member.organization.id, productId: setup.product.id });
  await markApproved(setup.brand.id, setup.product.id, setup.member.organization.id);
  const brand = (await getBrand(setup.brand.slug))!;
  expect((await brandCollection(brand, { page: 1 })).products.map((item) => item.slug)).toEqual([setup.product.slug]);
  expect(await brandsOfProduct(setup.product.id)).toHaveLength(1);
  return { ...setup, brand, certification };
}

describe("losing the mark", () => {
  it("when a required certification's validTo passes, the product leaves the collection and its page at once", async () => {
    const { brand, product, certification } = await carryingProduct();
    // Still VERIFIED: the expiry job has not run yet.
    await db.certification.update({ where: { id: certification.id }, data: { validTo: new Date(Date.now() - 60_000) } });

    expect((await brandCollection(brand, { page: 1 })).products).toEqual([]);
    expect(await brandsOfProduct(product.id)).toEqual([]);
    const page = await readJson(await call(productLoader, get(`/products/${product.slug}`), { params: { slug: product.slug } }));
    expect(page.brands).toEqual([]);
  });

  it("the same holds when read at a later instant (brandsOfProduct takes the clock)", async () => {
    const { product, certification } = await carryingProduct();
    const validTo = new Date(Date.now() + 10 * DAY);
    await db.certification.update({ where: { id: certification.id }, data: { validTo } });
    expect(await brandsOfProduct(product.id, new Date(validTo.getTime() - 1))).toHaveLength(1);
    expect(await brandsOfProduct(product.id, new Date(validTo.getTime() + 1))).toEqual([]);
  });

  it("recheckBrandMarks records the removal with its reason and tells search", async () => {
    const { brand, product, certification } = await carryingProduct();
    const untouched = await carryingProduct(); // another brand's product, still compliant
    // Settle whatever earlier tests in this file left behind, so the count below is this test's alone.
    await recheckBrandMarks(new Date());
    await db.certification.update({ where: { id: certification.id }, data: { validTo: new Date(Date.now() - 60_000) } });
    const eventsBefore = (await outboxEvents("product.changed")).length;

    expect(await recheckBrandMarks(new Date())).toBe(1);
    expect(await proposal(brand.id, product.id)).toMatchObject({
      status: "REMOVED",
      reason: "Lost the mark: It needs the Fairtrade label, verified and current.",
      decidedAt: expect.any(Date),
    });
    expect((await outboxEvents("product.changed")).slice(eventsBefore)).toEqual([{ productIds: [product.id] }]);
    expect((await proposal(untouched.brand.id, untouched.product.id)).status).toBe("APPROVED");

    // Idempotent: nothing more to record.
    expect(await recheckBrandMarks(new Date())).toBe(0);
    expect(await outboxEvents("product.changed")).toHaveLength(eventsBefore + 1);
  });

  it("a certification marked EXPIRED or REVOKED removes the mark too", async () => {
    for (const status of ["EXPIRED", "REVOKED"] as const) {
      const { brand, product, certification } = await carryingProduct();
      await db.certification.update({ where: { id: certification.id }, data: { status } });
      expect(await brandsOfProduct(product.id)).toEqual([]);
      expect((await brandCollection(brand, { page: 1 })).total).toBe(0);
      await recheckBrandMarks(new Date());
      expect((await proposal(brand.id, product.id)).status).toBe("REMOVED");
    }
  });

  it("recheckBrandMarks leaves compliant products alone", async () => {
    const { brand, product } = await carryingProduct();
    await recheckBrandMarks(new Date());
    expect((await proposal(brand.id, product.id)).status).toBe("APPROVED");
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The brand's page and collection
// ---------------------------------------------------------------------------------------------------------------

describe("the brand's page", () => {
  it("shows the story, members and standards, and its collection with the catalogue's filters and pages", async () => {
    const founder = await governor();
    const brand = await foundTestBrand(founder, { story: "Coffee and tea from **worker-owned** co-operatives.", allowedKinds: ["PRODUCER"] });
    const member = await governor();
    await admit(brand.id, member);
    const womenLed = await createLabel("Women-led");
    const teas = await db.category.create({ data: { slug: `teas-${brand.id.slice(-6)}`, name: "Teas" } });

    // 25 coffees by the founder, 2 teas by the member (one of them women-led), and products that do not carry it.
    for (let index = 1; index <= 25; index += 1) {
      const product = await productOf(founder.organization.id, `Coffee ${String(index).padStart(2, "0")}`);
      await markApproved(brand.id, product.id, founder.organization.id);
    }
    const greenTea = await productOf(member.organization.id, "Green tea");
    const blackTea = await productOf(member.organization.id, "Black tea");
    for (const tea of [greenTea, blackTea]) {
      await db.product.update({ where: { id: tea.id }, data: { categoryId: teas.id } });
      await markApproved(brand.id, tea.id, member.organization.id);
    }
    await certify(womenLed.id, { organizationId: member.organization.id, productId: greenTea.id });
    const waiting = await productOf(member.organization.id, "Aardvark tea (proposed only)");
    await db.brandProduct.create({ data: { brandId: brand.id, productId: waiting.id, proposedByOrganizationId: member.organization.id, status: "PROPOSED" } });
    await productOf(member.organization.id, "Aaaa unbranded");

    const load = async (search = "", cookie?: string) =>
      readJson(await call(brandLoader, get(`/brands/${brand.slug}${search}`, cookie), { params: { slug: brand.slug } }));

    const first = await load();
    expect(first.storyHtml).toContain("<strong>worker-owned</strong>");
    expect(first.brand.members.map((entry: { organization: { id: string } }) => entry.organization.id)).toEqual([founder.organization.id, member.organization.id]);
    expect(first.standards).toEqual({ requiredLabels: [], allowedKinds: ["PRODUCER"], allowedLegalForms: [] });
    expect(first.collection.total).toBe(27);
    expect(first.collection.products).toHaveLength(24);
    expect(first.collection.products[0].title).toBe("Black tea");
    expect(first.collection.categories.map((category: { name: string }) => category.name)).toEqual(["Teas", "Test goods"]);

    const second = await load("?page=2");
    expect(second.page).toBe(2);
    expect(second.collection.products.map((product: { title: string }) => product.title)).toEqual(["Coffee 24", "Coffee 25", "Green tea"]);

    const byCategory = await load(`?category=${teas.slug}`);
    expect(byCategory.collection.products.map((product: { title: string }) => product.title)).toEqual(["Black tea", "Green tea"]);
    expect(byCategory.filters).toEqual({ category: teas.slug, label: "" });

    const byLabel = await load(`?label=${womenLed.slug}`);
    expect(byLabel.collection.products.map((product: { title: string }) => product.title)).toEqual(["Green tea"]);
    expect((await load(`?category=test-goods&label=${womenLed.slug}`)).collection.total).toBe(0);

    // A visitor sees no governance; a member sees its membership.
    expect(first.governance).toMatchObject({ membership: null, isSteward: false, applications: [], proposals: [] });
    const asMember = await load("", member.cookie);
    expect(asMember.governance).toMatchObject({ membership: { role: "MEMBER" }, isSteward: false, canGovern: true });
    expect(asMember.governance.proposals.map((entry: { product: { title: string } }) => entry.product.title)).toEqual(["Aardvark tea (proposed only)"]);
    expect((await load("", founder.cookie)).governance).toMatchObject({ membership: { role: "STEWARD" }, isSteward: true });
  });

  it("an unknown brand is 404", async () => {
    expect((await call(brandLoader, get("/brands/no-such-brand"), { params: { slug: "no-such-brand" } })).status).toBe(404);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Campaigns
// ---------------------------------------------------------------------------------------------------------------

describe("shared campaigns", () => {
  function campaignEntries(productIds: string[], overrides: Record<string, string> = {}): [string, string][] {
    return [
      ...Object.entries({
        title: "Harvest week",
        bannerText: "New harvest coffee from the Andes, this week only",
        body: "Meet the co-operatives behind this year's harvest.",
        startsAt: isoDay(-1),
        endsAt: isoDay(7),
        ...overrides,
      }),
      ...productIds.map((id) => ["productIds", id] as [string, string]),
    ];
  }

  async function campaignSetup() {
    const { founder, brand, member, clerk, product, certification, label } = await carryingProduct();
    const unbranded = await productOf(member.organization.id, "Unbranded beans");
    await certify(label.id, { organizationId: member.organization.id, productId: unbranded.id });
    return { founder, brand, member, clerk, product, unbranded, certification };
  }

  const propose = (slug: string, entries: [string, string][], cookie: string) =>
    call(newCampaignAction, postEntries(`/brands/${slug}/campaigns/new`, entries, cookie), { params: { slug } });

  it("a member proposes one over the brand's collection; a steward approves; it runs on the home page and its own page", async () => {
    const { founder, brand, member, clerk, product } = await campaignSetup();
    const form = await readJson(await call(newCampaignLoader, get(`/brands/${brand.slug}/campaigns/new`, clerk.cookie), { params: { slug: brand.slug } }));
    expect(form.products.map((item: { slug: string }) => item.slug)).toEqual([product.slug]);

    const proposed = await propose(brand.slug, campaignEntries([product.id]), clerk.cookie);
    expect(await flashText(proposed)).toBe('"Harvest week" is proposed. It shows once a steward approves it.');
    const campaign = await db.brandCampaign.findFirstOrThrow({ where: { brandId: brand.id }, include: { products: true } });
    expect(campaign).toMatchObject({ slug: "harvest-week", status: "PROPOSED", startsAt: new Date(`${isoDay(-1)}T00:00:00Z`), endsAt: new Date(`${isoDay(7)}T23:59:59Z`) });
    expect(campaign.products).toEqual([expect.objectContaining({ productId: product.id, position: 0 })]);

    // Not shown before approval.
    const pageParams = { params: { slug: brand.slug, campaign: campaign.slug } };
    expect((await call(campaignLoader, get(`/brands/${brand.slug}/campaigns/${campaign.slug}`), pageParams)).status).toBe(404);
    expect((await runningCampaigns()).map((entry) => entry.id)).not.toContain(campaign.id);
    expect((await readJson(await call(homeLoader, get("/")))).campaigns).toEqual([]);

    // Only a steward reviews: a member organisation's owner is refused, a MEMBER-role user is 403.
    expect((await onBrandPage(brand.slug, { intent: "review-campaign", campaignId: campaign.id, decision: "approve" }, clerk.cookie)).status).toBe(403);
    expect(await flashText(await onBrandPage(brand.slug, { intent: "review-campaign", campaignId: campaign.id, decision: "approve" }, member.cookie))).toBe(
      "Only the brand's stewards can do this.",
    );
    expect((await db.brandCampaign.findUniqueOrThrow({ where: { id: campaign.id } })).status).toBe("PROPOSED");

    const approved = await onBrandPage(brand.slug, { intent: "review-campaign", campaignId: campaign.id, decision: "approve" }, founder.cookie);
    expect(await flashText(approved)).toBe("Campaign approved: it shows while it runs.");
    expect(await db.brandCampaign.findUniqueOrThrow({ where: { id: campaign.id } })).toMatchObject({ status: "APPROVED", reviewedById: founder.user.id });

    expect((await runningCampaigns()).map((entry) => entry.id)).toContain(campaign.id);
    const home = await readJson(await call(homeLoader, get("/")));
    expect(home.campaigns).toEqual([
      expect.objectContaining({
        id: campaign.id,
        slug: "harvest-week",
        bannerText: "New harvest coffee from the Andes, this week only",
        brand: { slug: brand.slug, name: brand.name, primaryColor: brand.primaryColor, accentColor: brand.accentColor },
      }),
    ]);
    const page = await call(campaignLoader, get(`/brands/${brand.slug}/campaigns/${campaign.slug}`), pageParams);
    expect(page.status).toBe(200);
    const body = await readJson(page);
    expect(body.campaign).toMatchObject({ title: "Harvest week" });
    expect(body.bodyHtml).toContain("Meet the co-operatives");
    expect(body.products.map((item: { slug: string }) => item.slug)).toEqual([product.slug]);

    // Visitors see approved, unfinished campaigns on the brand's page.
    const brandPage = await readJson(await call(brandLoader, get(`/brands/${brand.slug}`), { params: { slug: brand.slug } }));
    expect(brandPage.governance.campaigns.map((entry: { id: string }) => entry.id)).toEqual([campaign.id]);
  });

  it("runs only within its dates", async () => {
    const { founder, brand, member, product } = await campaignSetup();
    const later = await proposeCampaign(member.actor, brand.id, {
      title: "Next month",
      bannerText: "Coming soon",
      body: "A campaign that starts in a fortnight.",
      startsAt: new Date(`${isoDay(14)}T00:00:00Z`),
      endsAt: new Date(`${isoDay(20)}T23:59:59Z`),
      productIds: [product.id],
    });
    await onBrandPage(brand.slug, { intent: "review-campaign", campaignId: later.id, decision: "approve" }, founder.cookie);
    expect((await runningCampaigns()).map((entry) => entry.id)).not.toContain(later.id);
    expect((await runningCampaigns(new Date(`${isoDay(15)}T12:00:00Z`))).map((entry) => entry.id)).toContain(later.id);
    expect((await runningCampaigns(new Date(`${isoDay(21)}T00:00:00Z`))).map((entry) => entry.id)).not.toContain(later.id);
    expect((await readJson(await call(homeLoader, get("/")))).campaigns.map((entry: { id: string }) => entry.id)).not.toContain(later.id);
  });

  it("a product that does not carry the brand is refused, and nothing is created", async () => {
    const { brand, clerk, product, unbranded } = await campaignSetup();
    const response = await propose(brand.slug, campaignEntries([product.id, unbranded.id]), clerk.cookie);
    expect(response.status).toBe(422);
    expect((await readJson(response)).error[""]).toEqual(["Campaigns show products that carry the brand; some of the chosen ones do not (any more)."]);
    expect(await db.brandCampaign.count({ where: { brandId: brand.id } })).toBe(0);
  });

  it("a product that lost the mark cannot be campaigned, and leaves a running campaign's page", async () => {
    const { founder, brand, member, product, certification } = await campaignSetup();
    const campaign = await proposeCampaign(member.actor, brand.id, {
      title: "Harvest week",
      bannerText: "New harvest coffee",
      body: "Meet the co-operatives behind this harvest.",
      startsAt: new Date(`${isoDay(-1)}T00:00:00Z`),
      endsAt: new Date(`${isoDay(7)}T23:59:59Z`),
      productIds: [product.id],
    });
    await onBrandPage(brand.slug, { intent: "review-campaign", campaignId: campaign.id, decision: "approve" }, founder.cookie);
    await db.certification.update({ where: { id: certification.id }, data: { status: "REVOKED" } });
    const page = await readJson(await call(campaignLoader, get("/"), { params: { slug: brand.slug, campaign: campaign.slug } }));
    expect(page.products).toEqual([]);
    const again = await propose(brand.slug, campaignEntries([product.id], { title: "Second week" }), member.cookie);
    expect(again.status).toBe(422);
  });

  it("the form needs at least one product and an end on or after the start", async () => {
    const { brand, clerk } = await campaignSetup();
    const response = await propose(brand.slug, campaignEntries([], { startsAt: isoDay(5), endsAt: isoDay(2) }), clerk.cookie);
    expect(response.status).toBe(400);
    expect((await readJson(response)).error).toMatchObject({
      productIds: ["Choose at least one product from the brand's collection"],
      endsAt: ["The campaign must end on or after its first day"],
    });
  });

  it("only member organisations propose campaigns (404 for others)", async () => {
    const { brand, product } = await campaignSetup();
    const outsider = await governor();
    expect((await call(newCampaignLoader, get(`/brands/${brand.slug}/campaigns/new`, outsider.cookie), { params: { slug: brand.slug } })).status).toBe(404);
    expect((await propose(brand.slug, campaignEntries([product.id]), outsider.cookie)).status).toBe(404);
    await expect(
      proposeCampaign(outsider.actor, brand.id, {
        title: "Gatecrash",
        bannerText: "Not ours",
        body: "An outsider trying to run a campaign.",
        startsAt: new Date(),
        endsAt: new Date(Date.now() + DAY),
        productIds: [product.id],
      }),
    ).rejects.toThrow(`Only member organisations of ${brand.name} propose campaigns.`);
  });

  it("a refused campaign never shows", async () => {
    const { founder, brand, member, product } = await campaignSetup();
    const campaign = await proposeCampaign(member.actor, brand.id, {
      title: "Refused",
      bannerText: "Should not show",
      body: "A campaign the stewards refuse.",
      startsAt: new Date(Date.now() - DAY),
      endsAt: new Date(Date.now() + DAY),
      productIds: [product.id],
    });
    expect(await flashText(await onBrandPage(brand.slug, { intent: "review-campaign", campaignId: campaign.id, decision: "reject" }, founder.cookie))).toBe(
      "Campaign refused.",
    );
    expect((await runningCampaigns()).map((entry) => entry.id)).not.toContain(campaign.id);
    expect((await call(campaignLoader, get("/"), { params: { slug: brand.slug, campaign: campaign.slug } })).status).toBe(404);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The mark on product pages
// ---------------------------------------------------------------------------------------------------------------

describe("the brand on a product page", () => {
  const productPage = async (slug: string) => readJson(await call(productLoader, get(`/products/${slug}`), { params: { slug } }));

  it("shows the brand beside the producer for an approved, compliant product", async () => {
    const { brand, product } = await carryingProduct();
    expect((await productPage(product.slug)).brands).toEqual([
      { slug: brand.slug, name: brand.name, primaryColor: brand.primaryColor, accentColor: brand.accentColor },
    ]);
  });

  it("not for a product only proposed, refused or removed", async () => {
    const { label, brand, member, product } = await brandRequiringLabel();
    await certify(label.id, { organizationId: member.organization.id });
    for (const status of ["PROPOSED", "REJECTED", "REMOVED"] as const) {
      await db.brandProduct.upsert({
        where: { brandId_productId: { brandId: brand.id, productId: product.id } },
        create: { brandId: brand.id, productId: product.id, proposedByOrganizationId: member.organization.id, status },
        update: { status },
      });
      expect((await productPage(product.slug)).brands).toEqual([]);
    }
  });

  it("not for an approved product that no longer meets the standards (organisation-level label revoked)", async () => {
    const { label, brand, member, product } = await brandRequiringLabel();
    const certification = await certify(label.id, { organizationId: member.organization.id });
    await markApproved(brand.id, product.id, member.organization.id);
    expect((await productPage(product.slug)).brands).toHaveLength(1);
    await db.certification.update({ where: { id: certification.id }, data: { status: "REVOKED" } });
    expect((await productPage(product.slug)).brands).toEqual([]);
  });

  it("not when the brand's standards exclude the producer's legal form", async () => {
    const founder = await governor({ legalForm: "WORKER_COOP" });
    const brand = await foundTestBrand(founder, { allowedLegalForms: ["WORKER_COOP"] });
    const product = await productOf(founder.organization.id);
    await markApproved(brand.id, product.id, founder.organization.id);
    expect((await productPage(product.slug)).brands).toHaveLength(1);
    // The co-op converts to a social enterprise: its products lose the mark.
    await db.organization.update({ where: { id: founder.organization.id }, data: { legalForm: "SOCIAL_ENTERPRISE" } });
    expect((await productPage(product.slug)).brands).toEqual([]);
    expect((await brandCollection((await getBrand(brand.slug))!, { page: 1 })).total).toBe(0);
  });
});
