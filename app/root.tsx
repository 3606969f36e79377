import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { ErrorPage } from "~/components/error-page";
import { FlashMessage } from "~/components/flash-message";
import { SiteFooter, SiteHeader } from "~/components/site-header";
import { getUser } from "~/lib/auth.server";
import { consumeFlash } from "~/lib/flash.server";
import { readGuestCartId } from "~/lib/shopper.server";
import { cartLineCount } from "~/services/cart.server";
import styles from "./tailwind.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [
  { title: "Solidarity Market — fair goods from co-operatives" },
  {
    name: "description",
    content: "Buy directly from producer co-operatives, pool orders with your buying co-op, and see who gets paid what.",
  },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const [user, flash, guestCartId] = await Promise.all([getUser(request), consumeFlash(request), readGuestCartId(request)]);
  const cartCount = await cartLineCount({ userId: user?.id ?? null, guestCartId });
  return json(
    { user: user ? { name: user.name, isPlatformAdmin: user.isPlatformAdmin } : null, flash: flash.message, cartCount },
    flash.message ? { headers: { "Set-Cookie": flash.setCookie } } : undefined,
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  return (
    <html lang="en-GB">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className="flex min-h-screen flex-col">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:p-2">
          Skip to content
        </a>
        <SiteHeader user={data?.user ?? null} cartCount={data?.cartCount ?? 0} />
        {data?.flash ? <FlashMessage message={data.flash} /> : null}
        <div id="main" className="flex-1">
          {children}
        </div>
        <SiteFooter />
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error)) {
    const message = typeof error.data?.message === "string" ? error.data.message : undefined;
    return <ErrorPage status={error.status} message={message} />;
  }
  // Unexpected errors: log on the server, never show a stack trace to the user.
  console.error(error);
  return <ErrorPage status={500} />;
}
