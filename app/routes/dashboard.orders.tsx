import { parseWithZod } from "@conform-to/zod";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { FulfillmentStatusBadge, OrderStatusBadge } from "~/components/orders/status-badge";
import { Pagination } from "~/components/pagination";
import { Button } from "~/components/ui/button";
import { RuleViolation } from "~/domain/errors";
import { formatMoney } from "~/domain/money";
import { PAYMENT_METHOD_LABELS } from "~/domain/order-forms";
import { sellsGoods } from "~/domain/organization-forms";
import { parsePage } from "~/domain/pagination";
import { hasPermission } from "~/domain/permissions";
import { redirectWithFlash } from "~/lib/flash.server";
import { requireOrganizationPermission } from "~/lib/permissions.server";
import { creditTermsOverview, grantCreditTerms, listSellerFulfillments, revokeCreditTerms, SELLER_PAGE_SIZE } from "~/services/orders.server";

export const meta: MetaFunction = () => [{ title: "Orders & ledger — Solidarity Market" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { organization, role } = await requireOrganizationPermission(request, "orders:view");
  const page = parsePage(new URL(request.url));
  const sells = sellsGoods(organization.kind);
  const canManage = hasPermission(role, "orders:manage");
  const [sales, terms] = await Promise.all([
    listSellerFulfillments(organization.id, page),
    sells && canManage ? creditTermsOverview(organization.id) : null,
  ]);
  return json({ organizationName: organization.name, sells, canManage, page, sales, terms });
}

export const creditTermsActionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("grant-terms"),
    buyerOrganizationId: z.string({ required_error: "Choose an organisation" }).min(1, "Choose an organisation"),
    netDays: z.coerce.number({ invalid_type_error: "Enter the number of days" }).int("Enter whole days").min(7, "At least 7 days").max(90, "At most 90 days"),
  }),
  z.object({ intent: z.literal("revoke-terms"), termsId: z.string().min(1) }),
]);

export async function action({ request }: ActionFunctionArgs) {
  const { organization, user } = await requireOrganizationPermission(request, "orders:manage");
  const submission = parseWithZod(await request.formData(), { schema: creditTermsActionSchema });
  if (submission.status !== "success") {
    const message = Object.values(submission.error ?? {}).flat()[0] ?? "Check the form and try again.";
    return redirectWithFlash("/dashboard/orders", { kind: "error", text: message });
  }
  try {
    if (submission.value.intent === "grant-terms") {
      const name = await grantCreditTerms(organization.id, submission.value.buyerOrganizationId, submission.value.netDays, user.id);
      return redirectWithFlash("/dashboard/orders", { kind: "success", text: `${name} may now order from ${organization.name} on invoice, net ${submission.value.netDays} days.` });
    }
    await revokeCreditTerms(organization.id, submission.value.termsId);
    return redirectWithFlash("/dashboard/orders", { kind: "success", text: "Invoice terms withdrawn. Orders already placed keep their terms." });
  } catch (error) {
    if (!(error instanceof RuleViolation)) throw error;
    return redirectWithFlash("/dashboard/orders", { kind: "error", text: error.message });
  }
}

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

export default function DashboardOrdersPage() {
  const { organizationName, sells, canManage, page, sales, terms } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  return (
    <div className="space-y-10">
      <div>
        <h1 className="text-2xl font-bold">Orders &amp; ledger</h1>
        <p className="mt-1 text-stone-700">
          {sells ? `What to prepare for buyers, and what ${organizationName} is owed.` : `${organizationName}'s ledger. Orders your members placed are under Orders in the main menu.`}
        </p>
        <div className="mt-3 flex flex-wrap items-center gap-4">
          <p className="rounded-md bg-emerald-50 px-3 py-2 text-sm">
            Owed to {organizationName} so far: <strong>{formatMoney(sales.earnedCents)}</strong>
          </p>
          {canManage ? (
            <a href="/dashboard/ledger.csv" className="text-sm font-semibold text-brand-700 underline" download>
              Download the ledger (CSV)
            </a>
          ) : null}
        </div>
      </div>

      {sells ? (
        <section aria-labelledby="sales-heading">
          <h2 id="sales-heading" className="text-lg font-semibold">Sales ({sales.total})</h2>
          {sales.fulfillments.length === 0 ? (
            <p className="mt-2 rounded-md border border-dashed border-stone-300 p-6 text-center text-stone-700">No orders yet. They appear here as soon as a buyer checks out.</p>
          ) : (
            <ul className="mt-3 space-y-3">
              {sales.fulfillments.map((fulfillment) => (
                <li key={fulfillment.id} className="rounded-lg border border-stone-200 bg-white p-4">
                  <div className="flex flex-wrap items-center justify-between gap-2">
                    <p className="font-semibold">
                      {fulfillment.order.number} <OrderStatusBadge status={fulfillment.order.status} /> <FulfillmentStatusBadge status={fulfillment.status} />
                    </p>
                    <p className="text-sm">
                      Goods {formatMoney(fulfillment.goodsCents)} · you receive <strong>{formatMoney(fulfillment.sellerPayoutCents)}</strong>
                    </p>
                  </div>
                  <p className="text-sm text-stone-600">
                    {dateFormat.format(new Date(fulfillment.order.placedAt))} · {fulfillment.order.buyerOrganization?.name ?? fulfillment.order.contactName}
                    {fulfillment.order.poNumber ? ` · PO ${fulfillment.order.poNumber}` : ""} · {PAYMENT_METHOD_LABELS[fulfillment.order.paymentMethod]} ·{" "}
                    {fulfillment.order.handover === "PICKUP" && fulfillment.order.pickupPoint
                      ? `to ${fulfillment.order.distributor?.name ?? "the distributor"} for ${fulfillment.order.pickupPoint.name}, ${fulfillment.order.pickupPoint.city}`
                      : `delivered by ${fulfillment.order.distributor?.name ?? "the distributor"}`}
                    {fulfillment.order.deliveryDate ? ` · bring in for ${dateFormat.format(new Date(fulfillment.order.deliveryDate))}` : ""}
                  </p>
                  <ul className="mt-2 list-disc pl-5 text-sm">
                    {fulfillment.lines.map((line) => (
                      <li key={line.id}>
                        {line.mode === "CASE" ? `${line.quantity} × case (${line.units} units)` : `${line.quantity} ×`} {line.productTitle}, {line.unitLabel} ({line.sku})
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          )}
          <Pagination page={page} total={sales.total} pageSize={SELLER_PAGE_SIZE} />
        </section>
      ) : null}

      {terms ? (
        <section aria-labelledby="terms-heading">
          <h2 id="terms-heading" className="text-lg font-semibold">Invoice terms</h2>
          <p className="text-sm text-stone-700">Buying organisations listed here may order wholesale from {organizationName} and pay by invoice later.</p>
          {terms.terms.length ? (
            <ul className="mt-3 divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
              {terms.terms.map((term) => (
                <li key={term.id} className="flex flex-wrap items-center justify-between gap-2 p-3">
                  <span>
                    <Link to={`/producers/${term.buyer.slug}`} className="font-medium underline">{term.buyer.name}</Link> · net {term.netDays} days
                    <span className="block text-xs text-stone-600">approved by {term.approvedBy.name}</span>
                  </span>
                  <Form method="post">
                    <input type="hidden" name="intent" value="revoke-terms" />
                    <input type="hidden" name="termsId" value={term.id} />
                    <Button type="submit" variant="danger" className="px-3 py-1" disabled={navigation.state !== "idle"}>Withdraw</Button>
                  </Form>
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-2 text-sm text-stone-600">No organisation has invoice terms yet.</p>
          )}
          {terms.candidates.length ? (
            <Form method="post" className="mt-3 flex flex-wrap items-end gap-3">
              <input type="hidden" name="intent" value="grant-terms" />
              <label className="text-sm font-medium">
                Organisation
                <select name="buyerOrganizationId" required className="mt-1 block rounded-md border border-stone-300 bg-white px-3 py-2">
                  <option value="">Choose…</option>
                  {terms.candidates.map((candidate) => (
                    <option key={candidate.id} value={candidate.id}>{candidate.name}</option>
                  ))}
                </select>
              </label>
              <label className="text-sm font-medium">
                Days to pay
                <input name="netDays" type="number" min={7} max={90} defaultValue={30} required className="mt-1 block w-24 rounded-md border border-stone-300 px-3 py-2" />
              </label>
              <Button type="submit" disabled={navigation.state !== "idle"}>Allow invoices</Button>
            </Form>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
