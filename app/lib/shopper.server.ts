/** Who is shopping: a guest (cart in a signed cookie) or a user, acting for their active organisation or not. */
import { seesWholesalePrices } from "~/domain/wholesale";
import { mergeGuestCart, type CartOwner } from "~/services/cart.server";
import { getSession } from "./auth.server";
import { guestCartCookie } from "./cookies.server";
import { getActiveMembership } from "./permissions.server";

export async function readGuestCartId(request: Request): Promise<string | null> {
  const value = await guestCartCookie.parse(request.headers.get("Cookie"));
  return typeof value === "string" ? value : null;
}

export async function getShopper(request: Request) {
  const session = await getSession(request);
  const membership = session ? await getActiveMembership(session) : null;
  const organization = membership?.organization ?? null;
  const cartOwner: CartOwner = session
    ? { userId: session.user.id, guestCartId: null }
    : { userId: null, guestCartId: await readGuestCartId(request) };
  return {
    session,
    user: session?.user ?? null,
    organization,
    canBuyWholesale: seesWholesalePrices(organization),
    cartOwner,
  };
}

/** Set-Cookie for a guest whose cart was just created; nothing for logged-in users. */
export async function guestCartHeaders(shopper: { user: unknown; cartOwner: CartOwner }, cartId: string): Promise<HeadersInit> {
  if (shopper.user || shopper.cartOwner.guestCartId === cartId) return {};
  return { "Set-Cookie": await guestCartCookie.serialize(cartId) };
}

/** At login or sign-up: the guest's cart joins the user's, and the guest cookie is cleared. */
export async function adoptGuestCart(request: Request, userId: string, headers: Headers) {
  const guestCartId = await readGuestCartId(request);
  if (!guestCartId) return;
  await mergeGuestCart(guestCartId, userId);
  headers.append("Set-Cookie", await guestCartCookie.serialize("", { maxAge: 0 }));
}
