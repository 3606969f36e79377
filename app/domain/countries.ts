import { COUNTRY_NAMES } from "./country-names";

// Already in alphabetical order by name; not re-sorted here because collation also differs between runtimes.
export const COUNTRIES: readonly { code: string; name: string }[] = Object.entries(COUNTRY_NAMES).map(
  ([code, name]) => ({ code, name }),
);

/** The countries as select options, for every form that asks for one. */
export const COUNTRY_OPTIONS: readonly { value: string; label: string }[] = COUNTRIES.map((country) => ({ value: country.code, label: country.name }));

export function isKnownCountry(code: string): boolean {
  return Object.hasOwn(COUNTRY_NAMES, code);
}

export function countryName(code: string): string {
  return COUNTRY_NAMES[code] ?? code;
}
