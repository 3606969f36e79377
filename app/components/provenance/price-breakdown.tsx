import { formatMoney } from "~/domain/money";
import {
  formatPermille,
  PRICE_COMPONENT_LABELS,
  producerSharePercent,
  shareSegments,
  type PriceComponentKind,
} from "~/domain/price-breakdown";

const SEGMENT_COLOURS: Record<PriceComponentKind, string> = {
  PRODUCER: "bg-brand-600",
  PROCESSING: "bg-amber-500",
  TRANSPORT: "bg-sky-600",
  DISTRIBUTOR: "bg-indigo-500",
  RETAILER: "bg-fuchsia-600",
  PLATFORM: "bg-stone-500",
  SOLIDARITY_FUND: "bg-rose-500",
  TAX: "bg-stone-300",
  OTHER: "bg-stone-400",
};

type Share = { kind: PriceComponentKind; recipient: string; amountCents: number };

/** Where one unit's price goes: a stacked bar for the eye, a table that says the same for everyone. */
export function PriceBreakdown({ shares, retailPriceCents, unitLabel }: { shares: Share[]; retailPriceCents: number; unitLabel: string }) {
  const segments = shareSegments(shares, retailPriceCents);
  const producerShare = producerSharePercent(shares, retailPriceCents);
  return (
    <div>
      <p className="text-lg">
        <strong className="text-2xl text-brand-700">{producerShare.toFixed(1)}%</strong> of the {formatMoney(retailPriceCents)}{" "}
        you pay for a {unitLabel} goes to the producers.
      </p>
      <div aria-hidden="true" className="mt-3 flex h-6 w-full overflow-hidden rounded-md bg-stone-100">
        {segments.map((segment, index) => (
          <div
            key={index}
            className={SEGMENT_COLOURS[segment.kind]}
            style={{ width: `${segment.permille / 10}%` }}
            title={`${PRICE_COMPONENT_LABELS[segment.kind]}: ${formatPermille(segment.permille)}`}
          />
        ))}
      </div>
      <table className="mt-3 w-full text-left text-sm">
        <caption className="sr-only">Price breakdown of one {unitLabel}</caption>
        <thead className="text-stone-600">
          <tr>
            <th scope="col" className="py-1">Share</th>
            <th scope="col" className="py-1">Paid to</th>
            <th scope="col" className="py-1 text-right">Amount</th>
            <th scope="col" className="py-1 text-right">Share</th>
          </tr>
        </thead>
        <tbody>
          {segments.map((segment, index) => (
            <tr key={index} className="border-t border-stone-100">
              <td className="py-1">
                <span aria-hidden="true" className={`mr-2 inline-block h-3 w-3 rounded-sm align-middle ${SEGMENT_COLOURS[segment.kind]}`} />
                {PRICE_COMPONENT_LABELS[segment.kind]}
              </td>
              <td className="py-1">{segment.recipient}</td>
              <td className="py-1 text-right">{formatMoney(segment.amountCents)}</td>
              <td className="py-1 pl-4 text-right">{formatPermille(segment.permille)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="border-t border-stone-300 font-semibold">
            <td className="py-1" colSpan={2}>
              Retail price
            </td>
            <td className="py-1 pl-4 text-right">{formatMoney(retailPriceCents)}</td>
            <td className="py-1 pl-4 text-right">100.0%</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
