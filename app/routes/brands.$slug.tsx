import { parseWithZod } from "@conform-to/zod";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { BrandMark } from "~/components/brands/brand-mark";
import { ProductCard } from "~/components/cards";
import { Pagination } from "~/components/pagination";
import { Button } from "~/components/ui/button";
import { brandActionSchema } from "~/domain/brand-forms";
import { parseCatalogQuery } from "~/domain/catalog-query";
import { RuleViolation } from "~/domain/errors";
import { LEGAL_FORM_LABELS, ORGANIZATION_KIND_LABELS } from "~/domain/organization-forms";
import { getSession } from "~/lib/auth.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { notFound } from "~/lib/http.server";
import { renderMarkdown } from "~/lib/markdown.server";
import { getActiveMembership, requireOrganizationPermission } from "~/lib/permissions.server";
import {
  applyToBrand,
  brandCollection,
  brandGovernanceView,
  castVote,
  closeVote,
  getBrand,
  proposeProduct,
  reviewCampaign,
  reviewProduct,
  standardsOf,
  type BrandActor,
} from "~/services/brands.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.brand.name} — a collective brand` : "Brand not found" },
  { name: "description", content: data?.brand.story.slice(0, 160) ?? "" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const brand = await getBrand(params.slug ?? "");
  if (!brand) throw notFound("We couldn't find that brand.");
  const session = await getSession(request);
  const membership = session ? await getActiveMembership(session) : null;
  const actor: BrandActor | null = membership && session ? { userId: session.user.id, organization: membership.organization, role: membership.role } : null;
  const query = parseCatalogQuery(new URL(request.url));
  const [governance, collection] = await Promise.all([brandGovernanceView(brand.id, actor), brandCollection(brand, query)]);
  const standards = standardsOf(brand);
  return json({
    brand,
    storyHtml: renderMarkdown(brand.story),
    standards,
    governance,
    collection,
    page: query.page,
    filters: { category: query.category ?? "", label: query.label ?? "" },
    actingFor: membership?.organization.name ?? null,
    signedIn: Boolean(session),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const brand = await getBrand(params.slug ?? "");
  if (!brand) throw notFound("We couldn't find that brand.");
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: brandActionSchema });
  const here = `/brands/${brand.slug}`;
  if (submission.status !== "success") {
    const message = Object.values(submission.error ?? {}).flat()[0] ?? "Check the form and try again.";
    return redirectWithFlash(here, { kind: "error", text: message }, { status: 303 });
  }
  const command = submission.value;
  // Proposing a product is day-to-day catalogue work; every other action is governance, for owners and admins.
  const { user, organization, role } = await requireOrganizationPermission(request, command.intent === "propose-product" ? "catalog:manage" : "brands:govern");
  const actor: BrandActor = { userId: user.id, organization, role };
  try {
    switch (command.intent) {
      case "apply":
        await applyToBrand(actor, brand.id, command.message);
        return redirectWithFlash(here, { kind: "success", text: `${organization.name} has applied to join ${brand.name}. The member organisations will vote.` });
      case "vote": {
        const decision = await castVote(actor, command.applicationId, command.choice);
        return redirectWithFlash(here, { kind: "success", text: decision.outcome === "PENDING" ? `${organization.name}'s vote is recorded.` : `${organization.name}'s vote is recorded. ${decision.reason}` });
      }
      case "close-vote": {
        const decision = await closeVote(actor, command.applicationId);
        return redirectWithFlash(here, { kind: "info", text: decision.outcome === "PENDING" ? "Voting continues." : decision.reason });
      }
      case "propose-product": {
        const result = await proposeProduct(actor, brand.id, command.productId);
        return result.ok
          ? redirectWithFlash(here, { kind: "success", text: `${result.title} is proposed; a steward will review it.` })
          : redirectWithFlash(here, { kind: "error", text: `${result.title} cannot carry ${brand.name}: ${result.reasons.join(" ")}` });
      }
      case "review-product": {
        const result = await reviewProduct(actor, command.brandProductId, command.decision, command.reason);
        return redirectWithFlash(here, { kind: "success", text: result.status === "APPROVED" ? `${result.title} now carries ${brand.name}.` : `${result.title} was refused.` });
      }
      case "review-campaign":
        await reviewCampaign(actor, command.campaignId, command.decision);
        return redirectWithFlash(here, { kind: "success", text: command.decision === "approve" ? "Campaign approved: it shows while it runs." : "Campaign refused." });
    }
  } catch (error) {
    if (!(error instanceof RuleViolation)) throw error;
    return redirectWithFlash(here, { kind: "error", text: error.message });
  }
}

const day = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

export default function BrandPage() {
  const { brand, storyHtml, standards, governance, collection, page, filters, actingFor, signedIn } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const openApplications = governance.applications.filter((application) => application.status === "OPEN");
  const decided = governance.applications.filter((application) => application.status !== "OPEN");
  return (
    <main className="mx-auto max-w-6xl px-4 py-10">
      <p className="text-sm"><Link to="/brands" className="underline">Brands</Link></p>
      <header className="mt-3 flex flex-wrap items-center gap-4 rounded-lg p-5" style={{ backgroundColor: brand.primaryColor, color: "#fff" }}>
        <BrandMark brand={brand} size="lg" />
        <div>
          <h1 className="text-3xl font-bold">{brand.name}</h1>
          <p className="text-sm opacity-90">A collective brand founded by {brand.foundedBy.name} · {brand.members.length} member {brand.members.length === 1 ? "organisation" : "organisations"}</p>
        </div>
      </header>

      <div className="mt-6 grid gap-8 lg:grid-cols-[1fr_20rem]">
        <div className="space-y-8">
          <section aria-labelledby="story-heading">
            <h2 id="story-heading" className="sr-only">Story</h2>
            <div className="prose-product space-y-3 text-stone-800" dangerouslySetInnerHTML={{ __html: storyHtml }} />
          </section>

          {governance.campaigns.length ? (
            <section aria-labelledby="campaigns-heading">
              <h2 id="campaigns-heading" className="text-xl font-semibold">Campaigns</h2>
              <ul className="mt-2 space-y-2">
                {governance.campaigns.map((campaign) => (
                  <li key={campaign.id} className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-stone-200 bg-white p-3">
                    <span>
                      {campaign.status === "APPROVED" ? <Link to={`/brands/${brand.slug}/campaigns/${campaign.slug}`} className="font-medium underline">{campaign.title}</Link> : <span className="font-medium">{campaign.title}</span>}
                      <span className="block text-sm text-stone-600">{day.format(new Date(campaign.startsAt))} – {day.format(new Date(campaign.endsAt))} · {campaign.status.toLowerCase()}</span>
                    </span>
                    {governance.isSteward && campaign.status === "PROPOSED" ? (
                      <span className="flex gap-2">
                        {(["approve", "reject"] as const).map((decision) => (
                          <Form method="post" key={decision}>
                            <input type="hidden" name="intent" value="review-campaign" />
                            <input type="hidden" name="campaignId" value={campaign.id} />
                            <input type="hidden" name="decision" value={decision} />
                            <Button type="submit" variant={decision === "approve" ? "primary" : "danger"} className="px-3 py-1" disabled={busy}>
                              {decision === "approve" ? "Approve" : "Refuse"}<span className="sr-only"> {campaign.title}</span>
                            </Button>
                          </Form>
                        ))}
                      </span>
                    ) : null}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}

          <section aria-labelledby="collection-heading">
            <div className="flex flex-wrap items-end justify-between gap-3">
              <h2 id="collection-heading" className="text-xl font-semibold">The collection ({collection.total})</h2>
              <Form method="get" className="flex flex-wrap items-end gap-2" aria-label="Filter the collection">
                <label className="text-sm">
                  Category
                  <select name="category" defaultValue={filters.category} className="mt-1 block rounded-md border border-stone-300 bg-white px-2 py-1.5">
                    <option value="">All</option>
                    {collection.categories.map((category) => <option key={category.slug} value={category.slug}>{category.name}</option>)}
                  </select>
                </label>
                <label className="text-sm">
                  Label
                  <select name="label" defaultValue={filters.label} className="mt-1 block rounded-md border border-stone-300 bg-white px-2 py-1.5">
                    <option value="">All</option>
                    {collection.labels.map((label) => <option key={label.slug} value={label.slug}>{label.name}</option>)}
                  </select>
                </label>
                <Button type="submit" variant="secondary" className="px-3 py-1.5">Filter</Button>
              </Form>
            </div>
            {collection.products.length === 0 ? (
              <p className="mt-3 rounded-md border border-dashed border-stone-300 p-6 text-center text-stone-700">No products carry {brand.name}{filters.category || filters.label ? " with these filters" : " yet"}.</p>
            ) : (
              <ul className="mt-3 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
                {collection.products.map((product) => <ProductCard key={product.slug} product={product} />)}
              </ul>
            )}
            <Pagination page={page} total={collection.total} pageSize={collection.pageSize} />
          </section>
        </div>

        <aside className="space-y-6">
          <section aria-labelledby="standards-heading" className="rounded-lg border border-stone-200 bg-white p-4">
            <h2 id="standards-heading" className="font-semibold">Standards</h2>
            <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
              {standards.requiredLabels.length ? standards.requiredLabels.map((label) => <li key={label.id}>Holds the <strong>{label.name}</strong> label, verified and current</li>) : <li>No label required</li>}
              <li>{standards.allowedKinds.length ? `Open to: ${standards.allowedKinds.map((kind) => ORGANIZATION_KIND_LABELS[kind]).join(", ")}` : "Open to every kind of organisation"}</li>
              {standards.allowedLegalForms.length ? <li>Legal forms: {standards.allowedLegalForms.map((form) => LEGAL_FORM_LABELS[form]).join(", ")}</li> : null}
              <li>Admission: a quorum of {brand.quorumPercent}% of members voting, and more than {brand.majorityPercent}% of yes and no votes yes. One organisation, one vote.</li>
            </ul>
          </section>

          <section aria-labelledby="members-heading" className="rounded-lg border border-stone-200 bg-white p-4">
            <h2 id="members-heading" className="font-semibold">Members</h2>
            <ul className="mt-2 space-y-1 text-sm">
              {brand.members.map((member) => (
                <li key={member.id}>
                  <Link to={`/producers/${member.organization.slug}`} className="underline">{member.organization.name}</Link>
                  {member.role === "STEWARD" ? <span className="ml-1 rounded bg-stone-100 px-1 text-xs">steward</span> : null}
                </li>
              ))}
            </ul>
          </section>

          <JoinPanel brandName={brand.name} governance={governance} actingFor={actingFor} signedIn={signedIn} busy={busy} />

          {governance.membership ? (
            <section aria-labelledby="votes-heading" className="rounded-lg border border-stone-200 bg-white p-4">
              <h2 id="votes-heading" className="font-semibold">Applications</h2>
              {openApplications.length === 0 ? <p className="mt-1 text-sm text-stone-600">No open applications.</p> : null}
              <ul className="mt-2 space-y-4">
                {openApplications.map((application) => (
                  <li key={application.id} className="text-sm">
                    <p className="font-medium">{application.organization.name}</p>
                    <p className="text-stone-600">{ORGANIZATION_KIND_LABELS[application.organization.kind]} · {LEGAL_FORM_LABELS[application.organization.legalForm]}</p>
                    <p className="mt-1 italic">“{application.message}”</p>
                    <p className="mt-1" data-testid="tally">
                      Tally: {application.tally.yes} yes, {application.tally.no} no, {application.tally.abstain} abstaining
                      {application.decision?.outcome === "PENDING" && application.decision.votesNeededForQuorum > 0 ? ` · ${application.decision.votesNeededForQuorum} more for a quorum` : ""}
                    </p>
                    {application.myVote ? (
                      <p className="text-stone-600">Your organisation voted {application.myVote.toLowerCase()}.</p>
                    ) : governance.canGovern ? (
                      <Form method="post" className="mt-2 flex flex-wrap gap-2">
                        <input type="hidden" name="intent" value="vote" />
                        <input type="hidden" name="applicationId" value={application.id} />
                        {(["YES", "NO", "ABSTAIN"] as const).map((choice) => (
                          <Button key={choice} type="submit" name="choice" value={choice} variant={choice === "YES" ? "primary" : "secondary"} className="px-3 py-1" disabled={busy}>
                            {choice === "YES" ? "Yes" : choice === "NO" ? "No" : "Abstain"}<span className="sr-only"> on {application.organization.name}</span>
                          </Button>
                        ))}
                      </Form>
                    ) : (
                      <p className="text-stone-600">Your organisation's owners and admins vote.</p>
                    )}
                    {governance.isSteward ? (
                      <Form method="post" className="mt-2">
                        <input type="hidden" name="intent" value="close-vote" />
                        <input type="hidden" name="applicationId" value={application.id} />
                        <Button type="submit" variant="secondary" className="px-3 py-1" disabled={busy}>Close voting<span className="sr-only"> on {application.organization.name}</span></Button>
                      </Form>
                    ) : null}
                  </li>
                ))}
              </ul>
              {decided.length ? (
                <>
                  <h3 className="mt-4 text-sm font-semibold">Decided</h3>
                  <ul className="mt-1 space-y-1 text-sm">
                    {decided.map((application) => (
                      <li key={application.id}>
                        <strong>{application.organization.name}</strong>: {application.decisionNote}
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
            </section>
          ) : null}

          {governance.membership ? <ProductsPanel governance={governance} brandSlug={brand.slug} busy={busy} /> : null}
        </aside>
      </div>
    </main>
  );
}

type Governance = ReturnType<typeof useLoaderData<typeof loader>>["governance"];

function JoinPanel({ brandName, governance, actingFor, signedIn, busy }: { brandName: string; governance: Governance; actingFor: string | null; signedIn: boolean; busy: boolean }) {
  if (governance.membership) return null;
  return (
    <section aria-labelledby="join-heading" className="rounded-lg border border-stone-200 bg-white p-4">
      <h2 id="join-heading" className="font-semibold">Join {brandName}</h2>
      {!signedIn ? (
        <p className="mt-1 text-sm"><Link to="/login" className="underline">Log in</Link> to apply for your organisation.</p>
      ) : !actingFor ? (
        <p className="mt-1 text-sm">Create or join an organisation first: brands admit organisations, not people.</p>
      ) : governance.myApplication?.status === "OPEN" ? (
        <p className="mt-1 text-sm">{actingFor}'s application is open: the members are voting.</p>
      ) : governance.eligibility && !governance.eligibility.ok ? (
        <p className="mt-1 text-sm text-stone-700">{actingFor} cannot join: {governance.eligibility.reasons.join(" ")}</p>
      ) : governance.canGovern ? (
        <Form method="post" className="mt-2 space-y-2">
          {governance.myApplication?.decisionNote ? <p className="text-sm text-stone-600">Last time: {governance.myApplication.decisionNote}</p> : null}
          <input type="hidden" name="intent" value="apply" />
          <label className="block text-sm font-medium" htmlFor="apply-message">Why {actingFor} wants to join</label>
          <textarea id="apply-message" name="message" rows={3} required minLength={10} className="block w-full rounded-md border border-stone-300 px-2 py-1 text-sm" />
          <Button type="submit" disabled={busy}>Apply for {actingFor}</Button>
        </Form>
      ) : (
        <p className="mt-1 text-sm">An owner or admin of {actingFor} can apply.</p>
      )}
    </section>
  );
}

function ProductsPanel({ governance, brandSlug, busy }: { governance: Governance; brandSlug: string; busy: boolean }) {
  return (
    <section aria-labelledby="proposals-heading" className="rounded-lg border border-stone-200 bg-white p-4">
      <h2 id="proposals-heading" className="font-semibold">Products for the mark</h2>
      {governance.myProducts.length ? (
        <Form method="post" className="mt-2 flex flex-wrap items-end gap-2">
          <input type="hidden" name="intent" value="propose-product" />
          <label className="text-sm font-medium">
            Propose one of yours
            <select name="productId" required className="mt-1 block max-w-[14rem] rounded-md border border-stone-300 bg-white px-2 py-1.5">
              <option value="">Choose…</option>
              {governance.myProducts.map((product) => <option key={product.id} value={product.id}>{product.title}</option>)}
            </select>
          </label>
          <Button type="submit" disabled={busy} className="px-3 py-1.5">Propose</Button>
        </Form>
      ) : null}
      <ul className="mt-3 space-y-3 text-sm">
        {governance.proposals.map((proposal) => (
          <li key={proposal.id}>
            <Link to={`/products/${proposal.product.slug}`} className="font-medium underline">{proposal.product.title}</Link>{" "}
            <span className="text-stone-600">({proposal.proposedBy.name}) · {proposal.status.toLowerCase()}</span>
            {proposal.reason ? <p className="text-amber-800">{proposal.reason}</p> : null}
            {governance.isSteward && proposal.status === "PROPOSED" ? (
              <div className="mt-1 flex flex-wrap gap-2">
                <Form method="post">
                  <input type="hidden" name="intent" value="review-product" />
                  <input type="hidden" name="brandProductId" value={proposal.id} />
                  <input type="hidden" name="decision" value="approve" />
                  <Button type="submit" className="px-3 py-1" disabled={busy}>Approve<span className="sr-only"> {proposal.product.title}</span></Button>
                </Form>
                <Form method="post" className="flex gap-1">
                  <input type="hidden" name="intent" value="review-product" />
                  <input type="hidden" name="brandProductId" value={proposal.id} />
                  <input type="hidden" name="decision" value="reject" />
                  <label className="sr-only" htmlFor={`reason-${proposal.id}`}>Reason for refusing {proposal.product.title}</label>
                  <input id={`reason-${proposal.id}`} name="reason" required placeholder="Reason" className="w-28 rounded-md border border-stone-300 px-2 py-1" />
                  <Button type="submit" variant="danger" className="px-3 py-1" disabled={busy}>Refuse<span className="sr-only"> {proposal.product.title}</span></Button>
                </Form>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
      <p className="mt-3 text-sm"><Link to={`/brands/${brandSlug}/campaigns/new`} className="underline">Propose a campaign</Link></p>
    </section>
  );
}
