/** Helpers every benchmark shares. */

/** mulberry32: small, fast, good enough for benchmark data, and the same sequence everywhere. Shared by every benchmark. */
export function prng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
    chance: (p: number) => next() < p,
  };
}

/** A parser for positive whole-number arguments that prints `usage` and exits 2 on anything else ("10_000" is fine). */
export function positiveIntegerArgument(usage: string) {
  return (value: string | undefined, fallback: number, name: string): number => {
    if (value === undefined) return fallback;
    const parsed = Number(value.replaceAll("_", ""));
    if (!Number.isInteger(parsed) || parsed < 1) {
      console.error(`${name} must be a positive whole number (got "${value}")\n${usage}`);
      process.exit(2);
    }
    return parsed;
  };
}
