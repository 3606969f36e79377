import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { z } from "zod";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Button, ErrorList, SelectField, TextField } from "~/components/ui/form";
import { COUNTRY_OPTIONS, countryName } from "~/domain/countries";
import { distributionSettingsSchema, pickupPointSchema, pickupPointToggleSchema, WEEKDAYS } from "~/domain/distribution-forms";
import { RuleViolation } from "~/domain/errors";
import { centsToInput, formatMoney } from "~/domain/money";
import { hasPermission } from "~/domain/permissions";
import { redirectWithFlash } from "~/lib/flash.server";
import { forbidden } from "~/lib/http.server";
import { requireOrganizationPermission } from "~/lib/permissions.server";
import { addPickupPoint, distributionOverview, setPickupPointActive, updateDistributionSettings, updatePickupPoint } from "~/services/distribution.server";

export const meta: MetaFunction = () => [{ title: "Pickup points and fees — Solidarity Market" }];

async function requireDistributor(request: Request, permission: "orders:view" | "organization:update") {
  const context = await requireOrganizationPermission(request, permission);
  if (context.organization.kind !== "DISTRIBUTOR") throw forbidden("Pickup points and delivery terms are for distributors.");
  return context;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { organization, role } = await requireDistributor(request, "orders:view");
  return json({ ...(await distributionOverview(organization.id)), canEdit: hasPermission(role, "organization:update") });
}

export async function action({ request }: ActionFunctionArgs) {
  // Terms and pickup points are the organisation's public offer: owners and admins change them.
  const { organization } = await requireDistributor(request, "organization:update");
  const formData = await request.formData();
  const intent = formData.get("intent");
  const here = "/dashboard/distribution";
  try {
    if (intent === "settings") {
      const submission = parseWithZod(formData, { schema: distributionSettingsSchema });
      if (submission.status !== "success") return json({ form: "settings", result: submission.reply() }, { status: 400 });
      await updateDistributionSettings(organization.id, submission.value);
      return redirectWithFlash(here, { kind: "success", text: "Terms saved. They apply to orders placed from now on." });
    }
    if (intent === "toggle-point") {
      const submission = pickupPointToggleSchema.safeParse(Object.fromEntries(formData));
      if (!submission.success) return redirectWithFlash(here, { kind: "error", text: "Reload the page and try again." });
      const point = await setPickupPointActive(organization.id, submission.data.pointId, submission.data.active === "true");
      return redirectWithFlash(here, { kind: "success", text: point.active ? `${point.name} is open again.` : `${point.name} is closed: it no longer appears at checkout.` });
    }
    const submission = parseWithZod(formData, { schema: pickupPointSchema });
    const formId = String(formData.get("pointId") ?? "new");
    if (submission.status !== "success") return json({ form: formId, result: submission.reply() }, { status: 400 });
    if (submission.value.intent === "add-point") {
      const { intent: _intent, ...fields } = submission.value;
      const point = await addPickupPoint(organization.id, fields);
      return redirectWithFlash(here, { kind: "success", text: `${point.name} added.` });
    }
    const { intent: _intent, pointId, ...fields } = submission.value;
    const point = await updatePickupPoint(organization.id, pointId, fields);
    return redirectWithFlash(here, { kind: "success", text: `${point.name} saved.` });
  } catch (error) {
    if (!(error instanceof RuleViolation)) throw error;
    return redirectWithFlash(here, { kind: "error", text: error.message });
  }
}

export default function DistributionPage() {
  const { organization, pickupPoints, canEdit } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-10">
      <div>
        <h1 className="text-2xl font-bold">Pickup points and delivery terms</h1>
        <p className="mt-1 text-stone-700">What buyers see at checkout when they choose {organization.name}.</p>
      </div>
      <SettingsForm organization={organization} canEdit={canEdit} />
      <section aria-labelledby="points-heading" className="space-y-4">
        <h2 id="points-heading" className="text-lg font-semibold">Pickup points</h2>
        {pickupPoints.length === 0 ? <p className="text-stone-600">No pickup points yet.</p> : null}
        {pickupPoints.map((point) => (
          <PointForm key={point.id} point={point} canEdit={canEdit} />
        ))}
        {canEdit ? <PointForm point={null} canEdit /> : null}
      </section>
    </div>
  );
}

type Organization = ReturnType<typeof useLoaderData<typeof loader>>["organization"];
type Point = ReturnType<typeof useLoaderData<typeof loader>>["pickupPoints"][number];

function useFormResult(formId: string) {
  const data = useActionData<typeof action>();
  return data && "form" in data && data.form === formId ? data.result : undefined;
}

function SettingsForm({ organization, canEdit }: { organization: Organization; canEdit: boolean }) {
  const navigation = useNavigation();
  const [form, fields] = useForm<{ feePercent: string; orderFee: string; deliveryFee: string; deliveryWeekdays: string[] }, z.infer<typeof distributionSettingsSchema>>({
    id: "settings",
    lastResult: useFormResult("settings"),
    defaultValue: {
      feePercent: String(organization.distributorFeeBps / 100),
      orderFee: organization.distributorOrderFeeCents ? centsToInput(organization.distributorOrderFeeCents) : "",
      deliveryFee: organization.deliveryFeeCents === null ? "" : centsToInput(organization.deliveryFeeCents),
      deliveryWeekdays: organization.deliveryWeekdays.split(",").filter(Boolean),
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: distributionSettingsSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const days = new Set(organization.deliveryWeekdays.split(",").filter(Boolean).map(Number));
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-4 rounded-lg border border-stone-200 bg-white p-4" aria-labelledby="terms-heading">
      <h2 id="terms-heading" className="text-lg font-semibold">Terms</h2>
      <input type="hidden" name="intent" value="settings" />
      <ErrorList id={form.errorId} errors={form.errors} />
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField label="Handling fee (% of goods)" meta={fields.feePercent} help="Paid by buyers on top of the goods." />
        <TextField label="Fee per order (€)" meta={fields.orderFee} optional help="A flat amount per order, on top of the percentage." />
        <TextField label="Delivery fee (€)" meta={fields.deliveryFee} optional help="Leave empty if you do not deliver to addresses." />
      </div>
      <fieldset aria-describedby={fields.deliveryWeekdays.errorId}>
        <legend className="text-sm font-medium">Delivery days</legend>
        <div className="mt-1 flex flex-wrap gap-3">
          {WEEKDAYS.map((day) => (
            <label key={day.value} className="inline-flex items-center gap-1 text-sm">
              <input type="checkbox" name={fields.deliveryWeekdays.name} value={day.value} defaultChecked={days.has(day.value)} disabled={!canEdit} /> {day.label}
            </label>
          ))}
        </div>
        <ErrorList id={fields.deliveryWeekdays.errorId} errors={fields.deliveryWeekdays.errors} />
      </fieldset>
      <p className="text-sm text-stone-600">
        Now: {organization.distributorFeeBps / 100}% handling
        {organization.distributorOrderFeeCents ? ` + ${formatMoney(organization.distributorOrderFeeCents)} per order` : ""}
        {organization.deliveryFeeCents === null ? ", no delivery to addresses" : `, delivery ${formatMoney(organization.deliveryFeeCents)}`}.
      </p>
      {canEdit ? <Button type="submit" pending={navigation.state === "submitting" && navigation.formData?.get("intent") === "settings"} pendingText="Saving…">Save terms</Button> : <p className="text-sm text-stone-600">Owners and admins change the terms.</p>}
    </Form>
  );
}

function PointForm({ point, canEdit }: { point: Point | null; canEdit: boolean }) {
  const formId = point?.id ?? "new";
  const [form, fields] = useForm({
    id: `point-${formId}`,
    lastResult: useFormResult(formId),
    defaultValue: point
      ? { name: point.name, address: point.address, postcode: point.postcode, city: point.city, country: point.country, openingHours: point.openingHours, capacity: point.capacity === null ? "" : String(point.capacity) }
      : { country: "GB" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: pickupPointSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const title = point ? `${point.name}${point.active ? "" : " (closed)"}` : "Add a pickup point";
  return (
    <div className={`rounded-lg border bg-white p-4 ${point && !point.active ? "border-dashed border-stone-300 opacity-80" : "border-stone-200"}`}>
      <Form method="post" {...getFormProps(form)} className="space-y-3" aria-label={title}>
        <h3 className="font-semibold">{title}</h3>
        {point ? <p className="text-sm text-stone-600">{point.address}, {point.postcode} {point.city}, {countryName(point.country)}</p> : null}
        <input type="hidden" name="intent" value={point ? "update-point" : "add-point"} />
        {point ? <input type="hidden" name="pointId" value={point.id} /> : null}
        <ErrorList id={form.errorId} errors={form.errors} />
        {canEdit ? (
          <>
            <div className="grid gap-3 sm:grid-cols-2">
              <TextField label="Name" meta={fields.name} />
              <TextField label="Opening hours" meta={fields.openingHours} placeholder="Thu 16–19, Sat 10–13" />
              <TextField label="Street and number" meta={fields.address} />
              <TextField label="Postcode" meta={fields.postcode} />
              <TextField label="Town or city" meta={fields.city} />
              <SelectField label="Country" meta={fields.country} options={COUNTRY_OPTIONS} />
              <TextField label="Capacity (orders per delivery day)" meta={fields.capacity} type="number" optional />
            </div>
            <Button type="submit" variant={point ? "secondary" : "primary"}>{point ? "Save" : "Add pickup point"}<span className="sr-only">{point ? ` ${point.name}` : ""}</span></Button>
          </>
        ) : (
          <p className="text-sm">Open {point?.openingHours}{point?.capacity ? ` · up to ${point.capacity} orders a day` : ""}</p>
        )}
      </Form>
      {point && canEdit ? (
        <Form method="post" className="mt-2">
          <input type="hidden" name="intent" value="toggle-point" />
          <input type="hidden" name="pointId" value={point.id} />
          <input type="hidden" name="active" value={point.active ? "false" : "true"} />
          <Button type="submit" variant={point.active ? "danger" : "secondary"} className="px-3 py-1">
            {point.active ? "Close this pickup point" : "Reopen this pickup point"}<span className="sr-only"> {point.name}</span>
          </Button>
        </Form>
      ) : null}
    </div>
  );
}
