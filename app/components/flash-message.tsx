import { useEffect, useState } from "react";
import type { FlashMessage as Flash } from "~/lib/flash.server";

const STYLES: Record<Flash["kind"], string> = {
  success: "border-brand-200 bg-brand-50 text-brand-900",
  error: "border-red-200 bg-red-50 text-red-900",
  info: "border-stone-200 bg-white text-stone-900",
};

/** The confirmation after a redirect ("Organisation created"); announced to screen readers. */
export function FlashMessage({ message }: { message: Flash }) {
  const [visible, setVisible] = useState(true);
  useEffect(() => setVisible(true), [message]);
  if (!visible) return null;
  return (
    <div className="no-print mx-auto mt-4 w-full max-w-6xl px-4">
      <div role="status" className={`flex items-start justify-between gap-4 rounded-md border px-4 py-3 ${STYLES[message.kind]}`}>
        <p>{message.text}</p>
        <button type="button" onClick={() => setVisible(false)} className="text-sm underline" aria-label="Dismiss message">
          Dismiss
        </button>
      </div>
    </div>
  );
}
