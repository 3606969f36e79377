import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useFetcher, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect } from "react";
import { z } from "zod";
import { Button, ErrorList } from "~/components/ui/form";
import { getPaymentGateway } from "~/adapters/payments/index.server";
import { CUT_REASON_TEXT, type CutReason } from "~/domain/allocation";
import { RuleViolation } from "~/domain/errors";
import { GROUP_PAYMENT_LABELS, GROUP_PHASE_LABELS, memberLinesSchema, type MemberLinesForm } from "~/domain/group-order-forms";
import { formatMoney } from "~/domain/money";
import { requireSession } from "~/lib/auth.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { forbidden, notFound } from "~/lib/http.server";
import { cancelGroupOrder, closeGroupOrder, getGroupOrderView, groupOrderOutcome, saveMemberLines, type groupOrderFill } from "~/services/group-orders.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.view.order.title} — Group order` : "Group order not found" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requireSession(request);
  const view = await getGroupOrderView(params.id ?? "", user.id);
  if (!view) throw notFound("We couldn't find that group order among your co-ops' orders.");
  const outcome = view.order.status === "CLOSED" ? await groupOrderOutcome(view.order.id, user.id, { everyone: view.canCoordinate }) : null;
  return json({ view, outcome, cardEnabled: getPaymentGateway() !== null });
}

const coordinatorSchema = z.object({ intent: z.enum(["close-now", "cancel"]) });

export async function action({ request, params }: ActionFunctionArgs) {
  const { user } = await requireSession(request);
  const groupOrderId = params.id ?? "";
  const view = await getGroupOrderView(groupOrderId, user.id);
  if (!view) throw notFound("We couldn't find that group order among your co-ops' orders.");
  const formData = await request.formData();
  const here = `/group-orders/${groupOrderId}`;
  if (formData.get("intent") === "save-lines") {
    const submission = parseWithZod(formData, { schema: memberLinesSchema });
    if (submission.status !== "success") return json(submission.reply(), { status: 400 });
    try {
      const saved = await saveMemberLines(groupOrderId, user.id, submission.value, { cardEnabled: getPaymentGateway() !== null });
      return redirectWithFlash(here, {
        kind: "success",
        text: saved.lines ? `Saved: you have ${saved.lines} ${saved.lines === 1 ? "product" : "products"} in this group order. You can change them until it closes.` : "You have left this group order.",
      });
    } catch (error) {
      if (!(error instanceof RuleViolation)) throw error;
      // When it closed meanwhile, the reloaded page has no form to show the message beside: flash it instead.
      const latest = await getGroupOrderView(groupOrderId, user.id);
      if (latest && latest.order.status !== "OPEN") return redirectWithFlash(here, { kind: "error", text: error.message });
      return json(submission.reply({ formErrors: [error.message] }), { status: 422 });
    }
  }
  const command = coordinatorSchema.safeParse(Object.fromEntries(formData));
  if (!command.success) return json({ status: "error", error: { "": ["Unknown action."] } }, { status: 400 });
  if (!view.canCoordinate) throw forbidden(`Only owners and admins of ${view.order.coordinator.name} can close or cancel this group order.`);
  if (command.data.intent === "cancel") {
    try {
      await cancelGroupOrder(groupOrderId);
    } catch (error) {
      if (!(error instanceof RuleViolation)) throw error;
      return redirectWithFlash(here, { kind: "error", text: error.message });
    }
    return redirectWithFlash(here, { kind: "success", text: "The group order is cancelled. Nobody is charged." });
  }
  const summary = await closeGroupOrder(groupOrderId, { baseUrl: new URL(request.url).origin });
  if (!summary) return redirectWithFlash(here, { kind: "error", text: "This group order is not open, so it cannot be closed." });
  return redirectWithFlash(here, {
    kind: "success",
    text: `Closed: ${summary.cases} ${summary.cases === 1 ? "case" : "cases"} ordered for ${summary.orders} of ${summary.members} members. Everyone has been told what they get.`,
  });
}

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const day = new Intl.DateTimeFormat("en-GB", { dateStyle: "full", timeZone: "UTC" });

type Fill = NonNullable<Awaited<ReturnType<typeof groupOrderFill>>>;

/** Polls the live fill every 3 s while the order is open, so other members' changes show up. */
function useLiveFill(groupOrderId: string, open: boolean) {
  const fetcher = useFetcher<Fill>();
  const { load } = fetcher;
  useEffect(() => {
    if (!open) return;
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") load(`/group-orders/${groupOrderId}/fill`);
    }, 3_000);
    return () => clearInterval(timer);
  }, [groupOrderId, open, load]);
  return fetcher.data ?? null;
}

export default function GroupOrderPage() {
  const { view, outcome, cardEnabled } = useLoaderData<typeof loader>();
  const { order } = view;
  const live = useLiveFill(order.id, view.phase === "open");
  const fillOf = (variantId: string) => live?.offers.find((offer) => offer.variantId === variantId) ?? null;
  const producerOf = (id: string) => live?.producers.find((producer) => producer.id === id) ?? null;
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";

  return (
    <main className="mx-auto max-w-5xl px-4 py-10">
      <p className="text-sm"><Link to="/group-orders" className="underline">Group orders</Link></p>
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <h1 className="text-3xl font-bold">{order.title}</h1>
        <span className="rounded-full bg-stone-100 px-2 py-0.5 text-sm font-medium">{GROUP_PHASE_LABELS[view.phase as keyof typeof GROUP_PHASE_LABELS]}</span>
      </div>
      <p className="mt-1 text-stone-700">
        Coordinated by {order.coordinator.name} ({order.createdBy.name})
        {order.participants.length > 1 ? `, pooled with ${order.participants.filter((participant) => participant.organization.id !== order.coordinator.id).map((participant) => participant.organization.name).join(", ")}` : ""}.
      </p>
      <dl className="mt-4 grid gap-3 rounded-lg border border-stone-200 bg-white p-4 text-sm sm:grid-cols-4">
        <div><dt className="text-stone-600">Opens</dt><dd className="font-medium">{when.format(new Date(order.opensAt))} UTC</dd></div>
        <div><dt className="text-stone-600">Closes</dt><dd className="font-medium">{when.format(new Date(order.closesAt))} UTC</dd></div>
        <div><dt className="text-stone-600">Delivery</dt><dd className="font-medium">{day.format(new Date(order.deliveryDate))}</dd></div>
        <div><dt className="text-stone-600">Pickup</dt><dd className="font-medium">{order.pickupPoint.name}, {order.pickupPoint.city} ({order.distributor.name})</dd></div>
      </dl>
      {order.note ? <p className="mt-3 whitespace-pre-line rounded-md bg-stone-100 p-3 text-sm">{order.note}</p> : null}
      {order.sharedFeesCents ? <p className="mt-2 text-sm text-stone-600">Shared costs of {formatMoney(order.sharedFeesCents)} are split across members by the value of their goods.</p> : null}

      <section aria-labelledby="producers-heading" className="mt-6">
        <h2 id="producers-heading" className="sr-only">Producers' minimums</h2>
        <ul className="flex flex-wrap gap-2">
          {view.producers.map((producer) => {
            const current = producerOf(producer.id) ?? producer;
            return (
              <li key={producer.id} className={`rounded-md px-3 py-2 text-sm ${current.minimumMet ? "bg-emerald-50 text-emerald-900" : "bg-amber-50 text-amber-900"}`}>
                <strong>{producer.name}</strong>:{" "}
                {producer.minimumOrderCents === 0
                  ? "no minimum"
                  : current.minimumMet
                    ? `minimum ${formatMoney(producer.minimumOrderCents)} reached`
                    : `${formatMoney(current.valueIfClosedNow)} of the ${formatMoney(producer.minimumOrderCents)} minimum`}
              </li>
            );
          })}
        </ul>
      </section>

      {outcome ? <Outcome outcome={outcome} groupOrderId={order.id} canCoordinate={view.canCoordinate} /> : null}

      {view.phase === "open" || view.phase === "scheduled" || view.phase === "closing" ? (
        <MemberForm view={view} fillOf={fillOf} cardEnabled={cardEnabled} />
      ) : (
        <CasesTable view={view} />
      )}

      {view.ownCoopMembers.length ? (
        <section aria-labelledby="members-heading" className="mt-8">
          <h2 id="members-heading" className="text-lg font-semibold">Members from your co-op{view.myOrganizations.length > 1 ? "s" : ""} ({view.ownCoopMembers.length})</h2>
          <p className="text-sm text-stone-600">{live?.memberCount ?? view.memberCount} members take part in all.</p>
          <ul className="mt-2 flex flex-wrap gap-2 text-sm">
            {view.ownCoopMembers.map((member) => (
              <li key={`${member.name}-${member.organization}`} className="rounded-full bg-stone-100 px-3 py-1">{member.name} · {member.lines} {member.lines === 1 ? "product" : "products"}</li>
            ))}
          </ul>
        </section>
      ) : null}

      {view.canCoordinate && order.status === "OPEN" ? (
        <section aria-labelledby="coordinate-heading" className="mt-8 rounded-lg border border-stone-200 bg-white p-4">
          <h2 id="coordinate-heading" className="font-semibold">Coordinator</h2>
          <p className="text-sm text-stone-600">It closes by itself at the closing time. Closing now runs the allocation at once and tells everyone.</p>
          <div className="mt-3 flex flex-wrap gap-2">
            <Form method="post" onSubmit={(event) => { if (!confirm("Close the group order now? Members can no longer change their orders.")) event.preventDefault(); }}>
              <input type="hidden" name="intent" value="close-now" />
              <Button type="submit" disabled={busy}>Close now and allocate</Button>
            </Form>
            <Form method="post" onSubmit={(event) => { if (!confirm("Cancel this group order? Nothing will be ordered.")) event.preventDefault(); }}>
              <input type="hidden" name="intent" value="cancel" />
              <Button type="submit" variant="danger" disabled={busy}>Cancel group order</Button>
            </Form>
          </div>
        </section>
      ) : null}
    </main>
  );
}

type View = ReturnType<typeof useLoaderData<typeof loader>>["view"];

function FillBar({ demand, caseSize, fill }: { demand: number; caseSize: number; fill: View["offers"][number]["fill"] }) {
  const label = fill.toGo === 0 ? (demand === 0 ? "No orders yet" : `${fill.fullCases} full ${fill.fullCases === 1 ? "case" : "cases"}`) : `${fill.inOpenCase} of ${caseSize} — ${fill.toGo} to go`;
  return (
    <div>
      <div className="h-2 w-full overflow-hidden rounded bg-stone-200" aria-hidden="true">
        <div className="h-2 bg-brand-600" style={{ width: `${fill.toGo === 0 ? (demand ? 100 : 0) : Math.round((fill.inOpenCase / caseSize) * 100)}%` }} />
      </div>
      <p className="mt-1 text-xs" data-testid="case-fill">
        {label}
        {fill.fullCases > 0 && fill.toGo > 0 ? ` (plus ${fill.fullCases} full)` : ""}
      </p>
    </div>
  );
}

type MemberLinesFields = {
  intent: string;
  organizationId: string;
  paymentMethod: string;
  lines: { variantId: string; quantity: string; tolerance: string }[];
};

function MemberForm({ view, fillOf, cardEnabled }: { view: View; fillOf: (variantId: string) => Pick<View["offers"][number], "demand" | "tolerance" | "fill" | "helpers"> | null; cardEnabled: boolean }) {
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const open = view.phase === "open";
  const [form, fields] = useForm<MemberLinesFields, MemberLinesForm>({
    lastResult: lastResult && "status" in lastResult ? (lastResult as never) : undefined,
    defaultValue: {
      organizationId: view.me?.organizationId ?? view.myOrganizations[0]?.id,
      paymentMethod: view.me?.paymentMethod ?? "PAY_AT_PICKUP",
      lines: view.offers.map((offer) => ({ variantId: offer.variantId, quantity: offer.mine ? String(offer.mine.quantity) : "", tolerance: offer.mine?.tolerance ? String(offer.mine.tolerance) : "" })),
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: memberLinesSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const lineFields = fields.lines.getFieldList();
  const methods = (Object.keys(GROUP_PAYMENT_LABELS) as Array<keyof typeof GROUP_PAYMENT_LABELS>).filter((method) => method !== "CARD" || cardEnabled);
  return (
    <Form method="post" {...getFormProps(form)} className="mt-8">
      <input type="hidden" name="intent" value="save-lines" />
      <h2 className="text-xl font-semibold">{view.me ? "Your order" : "Join with your order"}</h2>
      <p className="text-sm text-stone-600">
        Order by the unit. <strong>Tolerance</strong> is how many extra units you'd accept so a case can be filled; you only get them if that fills a case.
      </p>
      {view.phase === "scheduled" ? <p className="mt-2 rounded-md bg-amber-50 p-3 text-sm">This group order opens at {when.format(new Date(view.order.opensAt))} UTC. You can look, but not order yet.</p> : null}
      {view.phase === "closing" ? <p className="mt-2 rounded-md bg-amber-50 p-3 text-sm">The closing time has passed; the allocation runs in a moment.</p> : null}
      <ErrorList id={form.errorId} errors={form.errors} />
      <div className="mt-4 overflow-x-auto rounded-lg border border-stone-200 bg-white">
        <table className="w-full min-w-[44rem] text-left text-sm">
          <thead>
            <tr className="border-b border-stone-200 text-stone-600">
              <th scope="col" className="px-3 py-2">Product</th>
              <th scope="col" className="px-3 py-2">Case</th>
              <th scope="col" className="px-3 py-2 w-48">Case fill (live)</th>
              <th scope="col" className="px-3 py-2">Quantity</th>
              <th scope="col" className="px-3 py-2">Tolerance</th>
            </tr>
          </thead>
          <tbody>
            {view.offers.map((offer, index) => {
              const line = lineFields[index]?.getFieldset();
              const current = fillOf(offer.variantId) ?? offer;
              const name = `${offer.title}, ${offer.unitLabel}`;
              return (
                <tr key={offer.variantId} className="border-b border-stone-100 align-top">
                  <td className="px-3 py-2">
                    <Link to={`/products/${offer.productSlug}`} className="font-medium underline">{offer.title}</Link>
                    <span className="block text-stone-600">{offer.unitLabel} · {formatMoney(Math.round(offer.casePriceCents / offer.caseSize))} a unit</span>
                  </td>
                  <td className="px-3 py-2">{offer.caseSize} for {formatMoney(offer.casePriceCents)}</td>
                  <td className="px-3 py-2">
                    <FillBar demand={current.demand} caseSize={offer.caseSize} fill={current.fill} />
                    {current.fill.toGo > 0 && current.helpers.length ? (
                      <p className="text-xs text-stone-600">
                        {current.fill.toleranceCovers ? "Tolerance offered would fill it: " : "Tolerance offered by "}
                        {current.helpers.join(", ")}
                      </p>
                    ) : null}
                  </td>
                  <td className="px-3 py-2">
                    {line ? (
                      <>
                        <input {...getInputProps(line.variantId, { type: "hidden" })} />
                        <label className="sr-only" htmlFor={line.quantity.id}>Quantity of {name}</label>
                        <input {...getInputProps(line.quantity, { type: "number" })} min={0} max={999} disabled={!open} className="w-20 rounded-md border border-stone-300 px-2 py-1 aria-[invalid]:border-red-600" />
                        <ErrorList id={line.quantity.errorId} errors={line.quantity.errors} />
                      </>
                    ) : null}
                  </td>
                  <td className="px-3 py-2">
                    {line ? (
                      <>
                        <label className="sr-only" htmlFor={line.tolerance.id}>Tolerance for {name}</label>
                        <input {...getInputProps(line.tolerance, { type: "number" })} min={0} max={99} disabled={!open} className="w-20 rounded-md border border-stone-300 px-2 py-1 aria-[invalid]:border-red-600" />
                        <ErrorList id={line.tolerance.errorId} errors={line.tolerance.errors} />
                      </>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="mt-4 flex flex-wrap items-end gap-4">
        {view.myOrganizations.length > 1 ? (
          <label className="text-sm font-medium">
            Order through
            <select name={fields.organizationId.name} defaultValue={fields.organizationId.initialValue as string} className="mt-1 block rounded-md border border-stone-300 bg-white px-3 py-2">
              {view.myOrganizations.map((organization) => <option key={organization.id} value={organization.id}>{organization.name}</option>)}
            </select>
          </label>
        ) : (
          <input type="hidden" name={fields.organizationId.name} value={view.myOrganizations[0]?.id} />
        )}
        <fieldset className="text-sm">
          <legend className="font-medium">Payment</legend>
          <div className="mt-1 flex flex-wrap gap-3">
            {methods.map((method) => (
              <label key={method} className="inline-flex items-center gap-1">
                <input type="radio" name={fields.paymentMethod.name} value={method} defaultChecked={(fields.paymentMethod.initialValue ?? "PAY_AT_PICKUP") === method} /> {GROUP_PAYMENT_LABELS[method]}
              </label>
            ))}
          </div>
        </fieldset>
        <Button type="submit" disabled={!open} pending={navigation.state === "submitting"} pendingText="Saving…">
          {view.me ? "Save changes" : "Join the group order"}
        </Button>
      </div>
    </Form>
  );
}

function CasesTable({ view }: { view: View }) {
  return (
    <section aria-labelledby="cases-heading" className="mt-8">
      <h2 id="cases-heading" className="text-xl font-semibold">What was ordered</h2>
      <div className="mt-2 overflow-x-auto rounded-lg border border-stone-200 bg-white">
        <table className="w-full text-left text-sm">
          <thead><tr className="border-b border-stone-200 text-stone-600"><th scope="col" className="px-3 py-2">Product</th><th scope="col" className="px-3 py-2">Demand</th><th scope="col" className="px-3 py-2">Tolerance</th><th scope="col" className="px-3 py-2">Cases ordered</th></tr></thead>
          <tbody>
            {view.offers.map((offer) => (
              <tr key={offer.variantId} className="border-b border-stone-100">
                <td className="px-3 py-2">{offer.title}, {offer.unitLabel}</td>
                <td className="px-3 py-2">{offer.demand}</td>
                <td className="px-3 py-2">{offer.tolerance}</td>
                <td className="px-3 py-2">{offer.casesOrdered ?? 0} × {offer.caseSize} = {offer.unitsOrdered ?? 0} units</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

type Outcome = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["outcome"]>;

function Outcome({ outcome, groupOrderId, canCoordinate }: { outcome: Outcome; groupOrderId: string; canCoordinate: boolean }) {
  const mine = outcome.find((member) => member.isMe);
  return (
    <section aria-labelledby="outcome-heading" className="mt-8 space-y-6">
      <h2 id="outcome-heading" className="text-xl font-semibold">Allocation</h2>
      {mine ? (
        <MemberOutcome member={mine} title="What you get" />
      ) : (
        <p className="text-stone-700">You did not order in this group order.</p>
      )}
      {canCoordinate ? (
        <div>
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h3 className="text-lg font-semibold">Summary for the coordinator</h3>
            <a href={`/group-orders/${groupOrderId}/summary.csv`} download className="text-sm font-semibold text-brand-700 underline">Download as CSV</a>
          </div>
          <div className="mt-2 space-y-3">
            {outcome.filter((member) => !member.isMe).map((member) => <MemberOutcome key={member.memberId} member={member} title={`${member.name} (${member.organization})`} />)}
          </div>
        </div>
      ) : null}
    </section>
  );
}

function MemberOutcome({ member, title }: { member: Outcome[number]; title: string }) {
  return (
    <div className="rounded-lg border border-stone-200 bg-white p-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h4 className="font-semibold">{title}</h4>
        {member.order ? (
          <Link to={`/orders/${member.order.id}`} className="text-sm font-semibold text-brand-700 underline">
            Order {member.order.number}: {formatMoney(member.order.totalCents)}
          </Link>
        ) : <span className="text-sm text-stone-600">Nothing to pay</span>}
      </div>
      <ul className="mt-2 space-y-1 text-sm">
        {member.lines.map((line) => (
          <li key={line.id}>
            <strong>{line.product}</strong>: asked {line.requested}
            {line.tolerance ? ` (+${line.tolerance} tolerance)` : ""}, gets <strong>{line.units}</strong>
            {line.fromTolerance ? ` (${line.fromTolerance} from tolerance)` : ""} for {formatMoney(line.costCents)}
            {line.cut ? <span className="block text-amber-800">{CUT_REASON_TEXT[line.cut as CutReason]}</span> : null}
          </li>
        ))}
      </ul>
      {member.order && member.order.totalCents !== member.order.goodsCents ? (
        <p className="mt-1 text-xs text-stone-600">Includes {formatMoney(member.order.totalCents - member.order.goodsCents)} for handling and your share of the shared costs.</p>
      ) : null}
    </div>
  );
}
