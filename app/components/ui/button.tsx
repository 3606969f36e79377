import type { ButtonHTMLAttributes } from "react";

/** The app's button: primary, secondary or danger, with an optional pending label. */
export function Button({
  children,
  variant = "primary",
  pending,
  pendingText,
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: "primary" | "secondary" | "danger";
  pending?: boolean;
  pendingText?: string;
}) {
  const styles = {
    primary: "bg-brand-600 text-white hover:bg-brand-700",
    secondary: "border border-stone-300 bg-white text-stone-800 hover:bg-stone-100",
    danger: "border border-red-300 bg-white text-red-700 hover:bg-red-50",
  }[variant];
  return (
    <button
      {...rest}
      disabled={rest.disabled || pending}
      className={`inline-flex items-center justify-center rounded-md px-4 py-2 text-sm font-semibold shadow-sm disabled:opacity-60 ${styles} ${rest.className ?? ""}`}
    >
      {pending && pendingText ? pendingText : children}
    </button>
  );
}
