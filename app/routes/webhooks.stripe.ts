import type { ActionFunctionArgs } from "@remix-run/node";
import { getPaymentGateway } from "~/adapters/payments/index.server";
import { handleStripeWebhook } from "~/services/payments.server";

// POST /webhooks/stripe — Stripe's events, verified by signature over the raw body. 404 when Stripe is not
// configured, 400 for a bad signature, 200 for everything handled (including duplicates, which change nothing).
export async function action({ request }: ActionFunctionArgs) {
  const gateway = getPaymentGateway();
  if (!gateway) return new Response("Stripe is not configured", { status: 404 });
  if (request.method !== "POST") return new Response("Method not allowed", { status: 405, headers: { Allow: "POST" } });
  const outcome = await handleStripeWebhook(gateway, await request.text(), request.headers.get("stripe-signature"), new URL(request.url).origin);
  return new Response(outcome.body, { status: outcome.status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

export function loader() {
  return new Response("Method not allowed", { status: 405, headers: { Allow: "POST" } });
}
