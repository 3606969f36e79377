import { parseWithZod } from "@conform-to/zod";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { RuleViolation } from "~/domain/errors";
import { formatMoney } from "~/domain/money";
import { cartActionSchema } from "~/domain/order-forms";
import { redirectWithFlash } from "~/lib/flash.server";
import { safeRedirect } from "~/lib/safe-redirect";
import { getShopper, guestCartHeaders } from "~/lib/shopper.server";
import { addToCart, getPricedCart, removeCartLine, updateCartLine } from "~/services/cart.server";

export const meta: MetaFunction = () => [{ title: "Your cart — Solidarity Market" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const shopper = await getShopper(request);
  const cart = await getPricedCart(shopper.cartOwner, { canBuyWholesale: shopper.canBuyWholesale });
  return json({ cart, signedIn: Boolean(shopper.user), buysFor: cart.hasWholesale ? shopper.organization?.name ?? null : null });
}

/**
 * Add (from product pages), update and remove. Every outcome is a redirect with a message, so it works without
 * JavaScript and a reload never repeats it; `redirectTo` brings the shopper back to the product they were on.
 */
export async function action({ request }: ActionFunctionArgs) {
  const shopper = await getShopper(request);
  const formData = await request.formData();
  const back = safeRedirect(formData.get("redirectTo"), "/cart");
  const submission = parseWithZod(formData, { schema: cartActionSchema });
  if (submission.status !== "success") {
    const problems = Object.values(submission.error ?? {}).flat().filter(Boolean);
    return redirectWithFlash(back, { kind: "error", text: problems[0] ?? "Check the quantity and try again." }, { status: 303 });
  }
  const command = submission.value;
  try {
    switch (command.intent) {
      case "add": {
        const { cartId, message } = await addToCart(shopper.cartOwner, command, { canBuyWholesale: shopper.canBuyWholesale });
        return redirectWithFlash(back, { kind: "success", text: message }, { headers: await guestCartHeaders(shopper, cartId) });
      }
      case "update":
        return redirectWithFlash("/cart", { kind: "success", text: await updateCartLine(shopper.cartOwner, command.lineId, command.quantity) });
      case "remove":
        return redirectWithFlash("/cart", { kind: "success", text: await removeCartLine(shopper.cartOwner, command.lineId) });
    }
  } catch (error) {
    if (!(error instanceof RuleViolation)) throw error;
    return redirectWithFlash(command.intent === "add" ? back : "/cart", { kind: "error", text: error.message });
  }
}

export default function CartPage() {
  const { cart, signedIn, buysFor } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  if (cart.lineCount === 0) {
    return (
      <main className="mx-auto max-w-3xl px-4 py-10">
        <h1 className="text-3xl font-bold">Your cart</h1>
        <p className="mt-4 text-stone-700">Your cart is empty.</p>
        <Link to="/products" className="mt-4 inline-block rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700">
          Browse the catalog
        </Link>
      </main>
    );
  }
  return (
    <main className="mx-auto max-w-4xl px-4 py-10">
      <h1 className="text-3xl font-bold">Your cart</h1>
      <p className="mt-2 text-stone-700">
        One cart for every producer: each one receives their share of what you pay.
        {buysFor ? <> Case lines are bought for <strong>{buysFor}</strong> at wholesale prices.</> : null}
      </p>
      {cart.problems.length ? (
        <div role="alert" className="mt-4 rounded-md border border-red-300 bg-red-50 p-4 text-sm text-red-800">
          <p className="font-semibold">Before you can check out:</p>
          <ul className="mt-1 list-disc pl-5">
            {cart.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {cart.groups.map((group) => (
        <section key={group.seller.id} aria-labelledby={`seller-${group.seller.id}`} className="mt-6 rounded-lg border border-stone-200 bg-white">
          <header className="flex flex-wrap items-baseline justify-between gap-2 border-b border-stone-200 px-4 py-3">
            <h2 id={`seller-${group.seller.id}`} className="font-semibold">
              From <Link to={`/producers/${group.seller.slug}`} className="text-brand-700 underline">{group.seller.name}</Link>
            </h2>
            <p className="text-sm text-stone-700">
              Subtotal <strong>{formatMoney(group.goodsCents)}</strong>
            </p>
          </header>
          <ul className="divide-y divide-stone-100">
            {group.lines.map((line) => (
              <li key={line.lineId} className="grid gap-3 px-4 py-3 sm:grid-cols-[1fr_auto_auto] sm:items-center">
                <div>
                  <Link to={`/products/${line.product.slug}?variant=${line.variant.sku}`} className="font-medium underline">
                    {line.product.title}
                  </Link>
                  <p className="text-sm text-stone-600">
                    {line.variant.unitLabel} ·{" "}
                    {line.mode === "CASE"
                      ? `wholesale, ${formatMoney(line.unitPriceCents)} per case of ${line.variant.caseSize} (${line.units} units)`
                      : `${formatMoney(line.unitPriceCents)} each`}
                  </p>
                  {line.problem ? <p className="text-sm text-red-700">{line.problem}</p> : null}
                </div>
                <div className="flex items-center gap-2">
                  <Form method="post" className="flex items-center gap-2">
                    <input type="hidden" name="intent" value="update" />
                    <input type="hidden" name="lineId" value={line.lineId} />
                    <label htmlFor={`qty-${line.lineId}`} className="text-sm text-stone-700">
                      {line.mode === "CASE" ? "Cases" : "Quantity"}
                      <span className="sr-only"> of {line.product.title}</span>
                    </label>
                    <input
                      id={`qty-${line.lineId}`}
                      name="quantity"
                      type="number"
                      min={1}
                      max={9999}
                      defaultValue={line.quantity}
                      key={line.quantity}
                      required
                      className="w-20 rounded-md border border-stone-300 px-2 py-1"
                    />
                    <Button type="submit" variant="secondary" className="px-3 py-1" disabled={busy} aria-label={`Update ${line.product.title}`}>
                      Update
                    </Button>
                  </Form>
                  <Form method="post">
                    <input type="hidden" name="intent" value="remove" />
                    <input type="hidden" name="lineId" value={line.lineId} />
                    <Button type="submit" variant="danger" className="px-3 py-1" disabled={busy} aria-label={`Remove ${line.product.title}`}>
                      Remove
                    </Button>
                  </Form>
                </div>
                <p className="text-right font-semibold sm:w-24">{formatMoney(line.lineTotalCents)}</p>
              </li>
            ))}
          </ul>
          {group.problem ? <p className="border-t border-stone-100 px-4 py-2 text-sm text-red-700">{group.problem}</p> : null}
        </section>
      ))}
      <div className="mt-6 flex flex-wrap items-center justify-between gap-4 rounded-lg bg-stone-100 p-4">
        <p>
          Goods total <strong className="text-lg">{formatMoney(cart.goodsCents)}</strong>
          <span className="block text-sm text-stone-600">Handling and delivery are added at checkout, where you choose pickup or delivery.</span>
        </p>
        {cart.problems.length ? (
          <button type="button" disabled className="rounded-md bg-stone-300 px-4 py-2 font-semibold text-stone-600">
            Check out
          </button>
        ) : (
          <Link to={signedIn ? "/checkout" : "/login?redirectTo=/checkout"} className="rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700">
            {signedIn ? "Check out" : "Log in to check out"}
          </Link>
        )}
      </div>
    </main>
  );
}
