// ISO 3166-1 alpha-2 codes with English names from the runtime's own CLDR data, so no list needs maintaining.
const regionNames = new Intl.DisplayNames(["en"], { type: "region" });

// Codes Intl knows that are groupings, reserved or withdrawn aliases (UK for GB, DD for DE …), not countries.
const NOT_COUNTRIES = new Set(
  "EU EZ UN QO XA XB ZZ AN CP DG EA IC TA CQ BU CS DD DY FX HV NH RH SU TP UK VD YD YU ZR".split(" "),
);

function isCountryCode(code: string): boolean {
  if (NOT_COUNTRIES.has(code)) return false;
  try {
    return regionNames.of(code) !== code;
  } catch {
    return false;
  }
}

const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
export const COUNTRIES: readonly { code: string; name: string }[] = [...letters]
  .flatMap((a) => [...letters].map((b) => a + b))
  .filter(isCountryCode)
  .map((code) => ({ code, name: regionNames.of(code)! }))
  .sort((a, b) => a.name.localeCompare(b.name));

const COUNTRY_CODES = new Set(COUNTRIES.map((country) => country.code));

export function isKnownCountry(code: string): boolean {
  return COUNTRY_CODES.has(code);
}

export function countryName(code: string): string {
  return isKnownCountry(code) ? regionNames.of(code)! : code;
}
