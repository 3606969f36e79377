import { Link } from "@remix-run/react";
import { VERIFICATION_KIND_LABELS, type VerificationKind } from "~/domain/certifications";

/**
 * Each verification level has its own colour, border style and symbol, and always its name in words, so the level
 * never depends on colour alone. Text colours meet WCAG AA contrast on their backgrounds.
 */
const LEVEL_STYLES: Record<VerificationKind, { badge: string; hover: string; caption: string; symbol: string }> = {
  THIRD_PARTY: {
    badge: "border-solid border-brand-600 bg-brand-50 text-brand-900",
    hover: "hover:bg-brand-100",
    caption: "text-brand-700",
    symbol: "✓",
  },
  PARTICIPATORY: {
    badge: "border-dashed border-sky-700 bg-sky-50 text-sky-950",
    hover: "hover:bg-sky-100",
    caption: "text-sky-800",
    symbol: "◎",
  },
  SELF_DECLARED: {
    badge: "border-dotted border-stone-500 bg-white text-stone-900",
    hover: "hover:bg-stone-100",
    caption: "text-stone-700",
    symbol: "○",
  },
};

export type LabelBadgeData = { slug: string; name: string; verificationKind: VerificationKind };

/** A label someone holds, linking to what it means; shows how the claim is checked, visibly and to screen readers. */
export function LabelBadge({ label }: { label: LabelBadgeData }) {
  const style = LEVEL_STYLES[label.verificationKind];
  return (
    <Link
      to={`/labels/${label.slug}`}
      className={`inline-flex items-center gap-2 rounded-md border-2 px-2.5 py-1 text-left leading-tight ${style.badge} ${style.hover}`}
    >
      <span aria-hidden="true" className="text-base">
        {style.symbol}
      </span>
      <span className="flex flex-col">
        <span className="text-sm font-semibold">{label.name}</span>
        <span className="sr-only">, </span>
        <span className={`text-xs ${style.caption}`}>{VERIFICATION_KIND_LABELS[label.verificationKind]}</span>
      </span>
    </Link>
  );
}

/** The verification level on its own, e.g. on a label's card or page. */
export function VerificationLevelTag({ kind }: { kind: VerificationKind }) {
  const style = LEVEL_STYLES[kind];
  return (
    <span className={`inline-flex items-center gap-1 rounded-full border-2 px-2 py-0.5 text-xs font-medium ${style.badge}`}>
      <span aria-hidden="true">{style.symbol}</span>
      {VERIFICATION_KIND_LABELS[kind]}
    </span>
  );
}
