import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/lib/auth.server";
import { notFound } from "~/lib/http.server";
import { groupOrderFill } from "~/services/group-orders.server";

// GET /group-orders/:id/fill — the live case fill, polled by open pages every few seconds.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const fill = await groupOrderFill(params.id ?? "", user.id);
  if (!fill) throw notFound("We couldn't find that group order.");
  return json(fill, { headers: { "Cache-Control": "private, no-store" } });
}
