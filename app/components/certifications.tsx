import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { CERTIFICATION_STATUS_LABELS, type CertificationStatus } from "~/domain/certifications";

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });
export const formatCertificateDate = (value: string | Date) => dateFormat.format(new Date(value));

const STATUS_STYLES: Record<CertificationStatus, string> = {
  PENDING: "border-amber-300 bg-amber-50 text-amber-900",
  VERIFIED: "border-brand-300 bg-brand-50 text-brand-900",
  REJECTED: "border-red-300 bg-red-50 text-red-900",
  EXPIRED: "border-stone-300 bg-stone-100 text-stone-800",
  REVOKED: "border-red-300 bg-red-50 text-red-900",
};

/** The status in words (colour is only a second cue). */
export function CertificationStatusChip({ status }: { status: CertificationStatus }) {
  return (
    <span className={`inline-block rounded-full border px-2.5 py-0.5 text-xs font-semibold ${STATUS_STYLES[status]}`}>
      {CERTIFICATION_STATUS_LABELS[status]}
    </span>
  );
}

export function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt className="inline text-stone-600">{term}: </dt>
      <dd className="inline">{children}</dd>
    </div>
  );
}

type CertificationFactsData = {
  certifier: string;
  certificateNumber: string | null;
  validFrom: string | Date;
  validTo: string | Date | null;
  product: { slug?: string; title: string } | null;
};

/** What a claim covers, who certified it and for how long; `children` adds more facts in the same list. */
export function CertificationFacts({
  certification,
  className = "sm:grid-cols-2",
  children,
}: {
  certification: CertificationFactsData;
  className?: string;
  children?: ReactNode;
}) {
  const { product } = certification;
  return (
    <dl className={`grid gap-x-6 gap-y-1 text-sm ${className}`}>
      <Fact term="Covers">
        {product?.slug ? (
          <Link to={`/products/${product.slug}`} className="underline">
            {product.title}
          </Link>
        ) : (
          (product?.title ?? "Whole organisation")
        )}
      </Fact>
      <Fact term="Certified by">{certification.certifier}</Fact>
      <Fact term="Certificate number">{certification.certificateNumber ?? "—"}</Fact>
      <Fact term="Valid">
        {formatCertificateDate(certification.validFrom)} to{" "}
        {certification.validTo ? formatCertificateDate(certification.validTo) : "no end date"}
      </Fact>
      {children}
    </dl>
  );
}
