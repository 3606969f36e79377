import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Button, ErrorList, SelectField, TextareaField, TextField } from "~/components/ui/form";
import { RuleViolation } from "~/domain/errors";
import { groupOrderSchema, type GroupOrderForm } from "~/domain/group-order-forms";
import { formatMoney } from "~/domain/money";
import { redirectWithFlash } from "~/lib/flash.server";
import { requireOrganizationPermission } from "~/lib/permissions.server";
import { createGroupOrder, groupOrderFormOptions } from "~/services/group-orders.server";

export const meta: MetaFunction = () => [{ title: "Open a group order — Solidarity Market" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { organization } = await requireOrganizationPermission(request, "group-orders:coordinate");
  const options = await groupOrderFormOptions(organization.id);
  const now = new Date();
  const inDays = (days: number) => new Date(now.getTime() + days * 86_400_000);
  return json({
    organization: { name: organization.name, kind: organization.kind, verified: Boolean(organization.verifiedAt) },
    ...options,
    defaults: {
      opensAt: now.toISOString().slice(0, 16),
      closesAt: `${inDays(7).toISOString().slice(0, 10)}T18:00`,
      deliveryDate: inDays(14).toISOString().slice(0, 10),
    },
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const { organization, user } = await requireOrganizationPermission(request, "group-orders:coordinate");
  const submission = parseWithZod(await request.formData(), { schema: groupOrderSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  try {
    const created = await createGroupOrder({ userId: user.id, organization }, submission.value);
    return redirectWithFlash(`/group-orders/${created.id}`, {
      kind: "success",
      text: `"${created.title}" is open. Members of the participating co-ops are told by email when it opens.`,
    });
  } catch (error) {
    if (!(error instanceof RuleViolation)) throw error;
    return json(submission.reply({ formErrors: [error.message] }), { status: 422 });
  }
}

type GroupOrderFields = {
  title: string;
  opensAt: string;
  closesAt: string;
  deliveryDate: string;
  pickupPointId: string;
  sharedFees: string;
  note: string;
  variantIds: string[];
  invitedOrganizationIds: string[];
};

export default function NewGroupOrderPage() {
  const { organization, pickupPoints, producers, coops, defaults } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm<GroupOrderFields, GroupOrderForm>({
    lastResult,
    defaultValue: defaults,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: groupOrderSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const chosenVariants = new Set(asList(fields.variantIds.value));
  const chosenCoops = new Set(asList(fields.invitedOrganizationIds.value));
  const blocked = organization.kind !== "BUYING_COOP" || !organization.verified;

  return (
    <main className="mx-auto max-w-4xl px-4 py-10">
      <p className="text-sm"><Link to="/group-orders" className="underline">Group orders</Link></p>
      <h1 className="mt-2 text-3xl font-bold">Open a group order for {organization.name}</h1>
      {blocked ? (
        <p role="alert" className="mt-4 rounded-md border border-amber-300 bg-amber-50 p-4">
          Group orders are opened by buying co-ops the platform has verified. Switch to your buying co-op in the dashboard, or ask the platform to verify it.
        </p>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="mt-6 space-y-8">
        <ErrorList id={form.errorId} errors={form.errors} />
        <fieldset className="space-y-4">
          <legend className="text-lg font-semibold">When and where</legend>
          <TextField label="Name" meta={fields.title} placeholder="e.g. December coffee & oil order" />
          <div className="grid gap-4 sm:grid-cols-3">
            <TextField label="Opens (UTC)" meta={fields.opensAt} type="datetime-local" />
            <TextField label="Closes (UTC)" meta={fields.closesAt} type="datetime-local" />
            <TextField label="Delivery date" meta={fields.deliveryDate} type="date" />
          </div>
          <SelectField
            label="Pickup point"
            meta={fields.pickupPointId}
            options={pickupPoints.map((point) => ({ value: point.id, label: `${point.name}, ${point.city} (${point.organization.name})` }))}
            help="The distributor that runs it consolidates the order and hands it over."
          />
          <TextField label="Shared costs (shipping, fees)" meta={fields.sharedFees} optional placeholder="0.00" help="Split across members in proportion to the value of their goods." />
          <TextareaField label="Note to members" meta={fields.note} optional rows={3} />
        </fieldset>

        <fieldset aria-describedby={fields.variantIds.errorId}>
          <legend className="text-lg font-semibold">What's on offer</legend>
          <p className="text-sm text-stone-600">Members order by the unit; the order goes to producers in whole cases at their wholesale price.</p>
          <ErrorList id={fields.variantIds.errorId} errors={fields.variantIds.errors} />
          <div className="mt-3 space-y-2">
            {producers.map((producer) => (
              <details key={producer.id} className="rounded-lg border border-stone-200 bg-white p-3" open={producer.products.some((product) => product.variants.some((variant) => chosenVariants.has(variant.id)))}>
                <summary className="cursor-pointer font-medium">
                  {producer.name}
                  {producer.minimumWholesaleOrderCents ? <span className="text-sm font-normal text-stone-600"> · minimum order {formatMoney(producer.minimumWholesaleOrderCents)}</span> : null}
                </summary>
                <ul className="mt-2 space-y-1">
                  {producer.products.flatMap((product) =>
                    product.variants.map((variant) => (
                      <li key={variant.id}>
                        <label className="flex items-start gap-2 text-sm">
                          <input type="checkbox" name={fields.variantIds.name} value={variant.id} defaultChecked={chosenVariants.has(variant.id)} className="mt-1" />
                          <span>
                            {product.title}, {variant.unitLabel} — case of {variant.caseSize} for {formatMoney(variant.wholesaleCasePriceCents)}
                            <span className="text-stone-500"> ({variant.stock} in stock)</span>
                          </span>
                        </label>
                      </li>
                    )),
                  )}
                </ul>
              </details>
            ))}
          </div>
        </fieldset>

        {coops.length ? (
          <fieldset>
            <legend className="text-lg font-semibold">Pool with other co-ops</legend>
            <p className="text-sm text-stone-600">Their members can join this order; each co-op sees its own members.</p>
            <div className="mt-2 grid gap-1 sm:grid-cols-2">
              {coops.map((coop) => (
                <label key={coop.id} className="flex items-center gap-2 text-sm">
                  <input type="checkbox" name={fields.invitedOrganizationIds.name} value={coop.id} defaultChecked={chosenCoops.has(coop.id)} />
                  {coop.name}
                </label>
              ))}
            </div>
          </fieldset>
        ) : null}

        <Button type="submit" pending={navigation.state === "submitting"} pendingText="Opening…" disabled={blocked}>
          Open the group order
        </Button>
      </Form>
    </main>
  );
}

/** A checkbox group's value: nothing, one value, or several. */
function asList(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === "string");
  return typeof value === "string" ? [value] : [];
}
