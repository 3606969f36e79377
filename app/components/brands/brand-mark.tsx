/** A brand's mark: its logo, or its initial in its colours. Used beside producers on product cards and pages. */
export function BrandMark({ brand, size = "sm" }: { brand: { name: string; slug: string; primaryColor: string; accentColor: string; logoPath?: string | null }; size?: "sm" | "lg" }) {
  const box = size === "lg" ? "h-16 w-16 text-2xl" : "h-6 w-6 text-xs";
  return brand.logoPath ? (
    <img src={`/uploads/${brand.logoPath}`} alt="" className={`${box} rounded-full object-cover`} />
  ) : (
    <span aria-hidden="true" className={`${box} inline-flex items-center justify-center rounded-full font-bold`} style={{ backgroundColor: brand.primaryColor, color: brand.accentColor }}>
      {brand.name.slice(0, 1)}
    </span>
  );
}
