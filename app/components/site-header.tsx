import { Form, Link, NavLink, useLocation } from "@remix-run/react";
import { useState } from "react";

type HeaderUser = { name: string; isPlatformAdmin: boolean } | null;

const navLinkClass = ({ isActive }: { isActive: boolean }) =>
  `whitespace-nowrap rounded-md px-3 py-2 text-sm font-medium ${isActive ? "bg-brand-100 text-brand-900" : "text-stone-700 hover:bg-stone-100"}`;

export function SiteHeader({ user, cartCount }: { user: HeaderUser; cartCount: number }) {
  const [open, setOpen] = useState(false);
  const location = useLocation();
  const links = (
    <>
      <NavLink to="/products" className={navLinkClass}>
        Products
      </NavLink>
      <NavLink to="/producers" className={navLinkClass}>
        Co-ops
      </NavLink>
      <NavLink to="/labels" className={navLinkClass}>
        Labels
      </NavLink>
      <NavLink to="/brands" className={navLinkClass}>
        Brands
      </NavLink>
      {user ? (
        <>
          <NavLink to="/group-orders" className={navLinkClass}>
            Group orders
          </NavLink>
          <NavLink to="/orders" className={navLinkClass}>
            Orders
          </NavLink>
          <NavLink to="/dashboard" className={navLinkClass}>
            Dashboard
          </NavLink>
        </>
      ) : null}
      <NavLink to="/search" className={(state) => `${navLinkClass(state)} 2xl:hidden`}>
        Search
      </NavLink>
      {user?.isPlatformAdmin ? (
        <NavLink to="/admin" className={navLinkClass}>
          Admin
        </NavLink>
      ) : null}
    </>
  );
  const account = user ? (
    <Form method="post" action="/logout" className="flex items-center gap-3">
      {/* The name is for screen readers only: the menu needs the room, and the dashboard shows who is signed in. */}
      <span className="sr-only">
        <span>Signed in as </span>
        <span className="font-medium text-stone-900">{user.name}</span>
      </span>
      <button type="submit" className="whitespace-nowrap rounded-md px-3 py-2 text-sm font-medium text-stone-700 hover:bg-stone-100">
        Log out
      </button>
    </Form>
  ) : (
    <div className="flex items-center gap-2">
      <Link
        to={`/login?redirectTo=${encodeURIComponent(location.pathname)}`}
        className="rounded-md px-3 py-2 text-sm font-medium text-stone-700 hover:bg-stone-100"
      >
        Log in
      </Link>
      <Link to="/signup" className="rounded-md bg-brand-600 px-3 py-2 text-sm font-semibold text-white hover:bg-brand-700">
        Join
      </Link>
    </div>
  );
  const searchBox = (id: string) => (
    <Form method="get" action="/search" role="search" aria-label="Site search" className="flex">
      <label htmlFor={id} className="sr-only">
        Search products
      </label>
      <input
        id={id}
        type="search"
        name="q"
        placeholder="Search products…"
        className="w-full rounded-md border border-stone-300 bg-stone-50 px-3 py-1.5 text-sm 2xl:w-48"
      />
    </Form>
  );
  return (
    <header className="no-print border-b border-stone-200 bg-white">
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-3">
        <Link to="/" className="flex items-center gap-2 whitespace-nowrap text-lg font-bold text-brand-900">
          <span aria-hidden="true" className="inline-block h-7 w-7 rounded-full bg-brand-600" />
          Solidarity Market
        </Link>
        <nav aria-label="Main" className="hidden items-center gap-1 xl:flex">
          {links}
        </nav>
        <div className="hidden items-center gap-3 xl:flex">
          {location.pathname === "/search" ? null : <div className="hidden 2xl:block">{searchBox("site-search")}</div>}
          {account}
        </div>
        <NavLink to="/cart" className={(state) => `${navLinkClass(state)} ml-auto xl:ml-0 xl:order-last`}>
          Cart{cartCount ? " " : null}{cartCount ? <span className="ml-1 rounded-full bg-brand-600 px-1.5 text-xs text-white">{cartCount}<span className="sr-only"> {cartCount === 1 ? "item" : "items"}</span></span> : null}
        </NavLink>
        <button
          type="button"
          className="rounded-md border border-stone-300 px-3 py-2 text-sm xl:hidden"
          aria-expanded={open}
          aria-controls="mobile-menu"
          onClick={() => setOpen((value) => !value)}
        >
          Menu
        </button>
      </div>
      {open ? (
        <div id="mobile-menu" className="space-y-2 border-t border-stone-200 px-4 py-3 xl:hidden">
          {searchBox("site-search-mobile")}
          <nav aria-label="Main (mobile)" className="flex flex-col gap-1">
            {links}
          </nav>
          {account}
        </div>
      ) : null}
    </header>
  );
}

export function SiteFooter() {
  return (
    <footer className="no-print mt-16 border-t border-stone-200 bg-white">
      <div className="mx-auto max-w-6xl px-4 py-8 text-sm text-stone-600">
        <p>
          A co-operative marketplace: producers set their prices, buyers see who gets paid what, and members govern it
          together.
        </p>
      </div>
    </footer>
  );
}
