import { Link } from "@remix-run/react";
import { countryName } from "~/domain/countries";
import { PROVENANCE_STEP_LABELS, type ProvenanceStepKind } from "~/domain/provenance-steps";

type Step = {
  kind: ProvenanceStepKind;
  place: string;
  country: string;
  occurredOn: string | Date | null;
  description: string | null;
  lotCode: string | null;
  actorName: string | null;
  organization: { slug: string; name: string } | null;
};

/** The product's journey from field to shelf, as an ordered list with a line between the steps. */
export function ProvenanceTimeline({ steps }: { steps: Step[] }) {
  return (
    <ol className="relative ml-3 border-l-2 border-brand-200">
      {steps.map((step, index) => (
        <li key={index} className="mb-6 ml-6 last:mb-0">
          <span aria-hidden="true" className="absolute -left-[9px] mt-1.5 h-4 w-4 rounded-full border-2 border-white bg-brand-600" />
          <p className="font-semibold">
            {PROVENANCE_STEP_LABELS[step.kind]}
            {step.occurredOn ? (
              <time dateTime={new Date(step.occurredOn).toISOString().slice(0, 10)} className="ml-2 text-sm font-normal text-stone-600">
                {new Date(step.occurredOn).toLocaleDateString("en-GB", { month: "long", year: "numeric", timeZone: "UTC" })}
              </time>
            ) : null}
          </p>
          <p className="text-sm text-stone-700">
            {step.organization ? (
              <Link to={`/producers/${step.organization.slug}`} className="text-brand-700 underline">
                {step.organization.name}
              </Link>
            ) : (
              step.actorName
            )}{" "}
            · {step.place}, {countryName(step.country)}
            {step.lotCode ? ` · lot ${step.lotCode}` : ""}
          </p>
          {step.description ? <p className="mt-1 text-sm text-stone-700">{step.description}</p> : null}
        </li>
      ))}
    </ol>
  );
}
