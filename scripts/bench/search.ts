/**
 * Search benchmark for the embedded engine (Orama): builds an index of 100,000 generated products and times
 * queries of three kinds through the real `SearchEngine.search` (so every number includes disjunctive facet counts,
 * the price range and highlighting, exactly what the /search page pays).
 *
 *   npx tsx scripts/bench/search.ts            # 100,000 products, 2,100 timed queries
 *   npx tsx scripts/bench/search.ts 20000      # a smaller catalogue
 *
 * Everything is generated from a fixed seed, so two runs on the same machine search the same data with the same
 * queries.
 */
import { pathToFileURL } from "node:url";
import { createEmbeddedSearchEngine } from "~/adapters/search/embedded.server";
import type { SearchDocument, SearchQuery } from "~/adapters/search/types";
import { makeSearchQuery, type SearchFilters, type SearchSort } from "~/domain/search-query";
import { prng } from "./support";

const PRODUCTS = Number(process.argv[2] ?? 100_000);
const QUERIES_PER_KIND = 700;
const WARM_UP_QUERIES = 150;
const TARGET_P95_MS = 10;


type CategorySpec = {
  slug: string;
  name: string;
  nouns: string[];
  adjectives: string[];
  priceCents: [number, number];
};

const CATEGORIES: CategorySpec[] = [
  { slug: "coffee", name: "Coffee", nouns: ["coffee", "espresso", "beans", "roast", "ground coffee", "decaf"], adjectives: ["washed", "natural", "honey-processed", "single-origin", "dark", "medium", "light", "high-altitude"], priceCents: [650, 2400] },
  { slug: "tea", name: "Tea", nouns: ["tea", "green tea", "black tea", "oolong", "chai", "rooibos", "matcha"], adjectives: ["loose-leaf", "first-flush", "smoked", "jasmine", "spiced", "hand-rolled"], priceCents: [390, 1900] },
  { slug: "chocolate", name: "Chocolate", nouns: ["chocolate", "cacao nibs", "cocoa powder", "drinking chocolate", "chocolate bar"], adjectives: ["dark", "milk", "70%", "raw", "sea-salt", "orange", "bean-to-bar"], priceCents: [250, 1200] },
  { slug: "honey", name: "Honey", nouns: ["honey", "honeycomb", "beeswax", "propolis"], adjectives: ["raw", "wildflower", "acacia", "forest", "set", "runny", "mountain"], priceCents: [550, 2200] },
  { slug: "olive-oil", name: "Olive oil", nouns: ["olive oil", "olives", "tapenade"], adjectives: ["extra virgin", "cold-pressed", "early-harvest", "unfiltered", "peppery"], priceCents: [890, 3500] },
  { slug: "spices", name: "Spices", nouns: ["pepper", "cinnamon", "vanilla", "cardamom", "turmeric", "cloves", "saffron", "ginger"], adjectives: ["whole", "ground", "smoked", "sun-dried", "wild"], priceCents: [300, 2800] },
  { slug: "grains", name: "Grains & pulses", nouns: ["quinoa", "rice", "lentils", "chickpeas", "amaranth", "millet", "beans"], adjectives: ["red", "white", "black", "wholegrain", "heritage", "sprouted"], priceCents: [280, 1100] },
  { slug: "nuts", name: "Nuts & dried fruit", nouns: ["cashews", "brazil nuts", "almonds", "dates", "mango", "raisins", "figs", "apricots"], adjectives: ["roasted", "salted", "dried", "unsulphured", "sun-dried", "organic"], priceCents: [350, 1800] },
  { slug: "sugar", name: "Sugar & sweeteners", nouns: ["sugar", "panela", "coconut sugar", "maple syrup", "agave syrup"], adjectives: ["raw", "unrefined", "golden", "dark", "muscovado"], priceCents: [220, 1500] },
  { slug: "textiles", name: "Textiles", nouns: ["scarf", "blanket", "tote bag", "t-shirt", "socks", "cushion cover"], adjectives: ["alpaca", "cotton", "hand-woven", "naturally dyed", "recycled", "wool"], priceCents: [900, 12000] },
  { slug: "crafts", name: "Crafts & homeware", nouns: ["basket", "bowl", "soap dish", "candle", "mug", "chopping board"], adjectives: ["hand-carved", "ceramic", "woven", "olive-wood", "clay", "bamboo"], priceCents: [600, 6500] },
  { slug: "cosmetics", name: "Soap & cosmetics", nouns: ["soap", "shea butter", "lip balm", "argan oil", "shampoo bar"], adjectives: ["unscented", "lavender", "coconut", "argan", "calendula", "vegan"], priceCents: [350, 2500] },
];

const ORIGINS: { country: string; regions: string[] }[] = [
  { country: "PE", regions: ["Cajamarca", "Cusco", "Junín", "Puno", "San Martín"] },
  { country: "CO", regions: ["Huila", "Nariño", "Cauca", "Tolima"] },
  { country: "ET", regions: ["Yirgacheffe", "Sidama", "Guji", "Jimma"] },
  { country: "KE", regions: ["Nyeri", "Kericho", "Meru"] },
  { country: "IN", regions: ["Darjeeling", "Assam", "Kerala", "Nilgiris"] },
  { country: "GH", regions: ["Ashanti", "Western", "Volta"] },
  { country: "MX", regions: ["Chiapas", "Oaxaca", "Yucatán"] },
  { country: "PS", regions: ["Jenin", "Nablus", "Tulkarm"] },
  { country: "ES", regions: ["Andalucía", "Catalonia", "Extremadura"] },
  { country: "IT", regions: ["Puglia", "Sicily", "Calabria"] },
  { country: "GB", regions: ["Devon", "Yorkshire", "Cumbria"] },
  { country: "DE", regions: ["Brandenburg", "Bavaria", "Saxony"] },
  { country: "NP", regions: ["Ilam", "Dhankuta"] },
  { country: "UG", regions: ["Mount Elgon", "Rwenzori"] },
  { country: "BO", regions: ["Yungas", "Potosí", "Oruro"] },
  { country: "MA", regions: ["Souss", "Essaouira"] },
];

const LABELS = ["fairtrade", "organic", "spp", "wfto", "worker-owned", "women-led", "rainforest", "demeter", "pgs-organic", "b-corp"];
const KINDS = ["PRODUCER", "PRODUCER", "PRODUCER", "SUPPLIER", "DISTRIBUTOR"];
const BRANDS = ["", "", "", "", "andes-collective", "solidarity-roasters", "commons-pantry"];
const NAME_PARTS = {
  first: ["Sierra", "Valle", "Kiez", "Northside", "Fairway", "Aurora", "Monte", "Rio", "Green", "Harvest", "Kibo", "Lago", "Terra", "Sol", "Luna", "Nueva", "Alto", "Oasis", "Cedar", "Baobab"],
  second: ["Verde", "Azul", "Hills", "Valley", "Roots", "Commons", "Union", "Alliance", "Growers", "Makers", "Weavers", "Beekeepers", "Farmers", "Collective", "Hands", "Fields"],
  form: ["Co-operative", "Co-op", "Cooperativa", "Workers' Co-op", "Producers' Association", "Social Enterprise"],
};
const SENTENCES = [
  "Grown by {producer} members in {region} and {adjective} by hand.",
  "Every harvest is traceable to the farm; the co-op pays a premium for quality.",
  "Small batches, packed at origin so more of the value stays with the growers.",
  "Part of each sale goes to the solidarity fund for training and equipment.",
  "Perfect for everyday use, or as a gift for someone who cares where things come from.",
  "Certified {label} and checked every year by the co-op's own inspectors.",
  "The members vote on prices, premiums and how the community fund is spent.",
  "Tasting notes: {note}, with a long, clean finish.",
  "Store in a cool, dry place away from sunlight.",
  "Shipped in plastic-free, compostable packaging.",
];
const NOTES = ["caramel", "citrus", "stone fruit", "cocoa", "floral", "nutty", "berry", "spice", "malt", "honey"];

function slugify(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

type Producer = { slug: string; name: string; kind: string; country: string; regions: string[] };

function generateProducers(count: number, rand: ReturnType<typeof prng>): Producer[] {
  const producers: Producer[] = [];
  const slugs = new Set<string>();
  while (producers.length < count) {
    const origin = rand.pick(ORIGINS);
    const name = `${rand.pick(NAME_PARTS.first)} ${rand.pick(NAME_PARTS.second)} ${rand.pick(NAME_PARTS.form)}`;
    let slug = slugify(name);
    for (let n = 2; slugs.has(slug); n++) slug = `${slugify(name)}-${n}`;
    slugs.add(slug);
    producers.push({ slug, name, kind: rand.pick(KINDS), country: origin.country, regions: origin.regions });
  }
  return producers;
}

export function generateProducts(count: number, seed = 20261122): SearchDocument[] {
  const rand = prng(seed);
  const producers = generateProducers(600, rand);
  const docs: SearchDocument[] = [];
  const start = Date.UTC(2024, 0, 1);
  for (let i = 0; i < count; i++) {
    const category = rand.pick(CATEGORIES);
    const producer = rand.pick(producers);
    const region = rand.pick(producer.regions);
    const adjective = rand.pick(category.adjectives);
    const noun = rand.pick(category.nouns);
    const other = rand.pick(category.adjectives);
    const second = other !== adjective && rand.chance(0.4) ? ` ${other}` : "";
    const title = `${capitalise(adjective)}${second} ${noun} from ${region}`;
    const labels = LABELS.filter(() => rand.chance(0.18));
    const sentences = Array.from({ length: rand.int(2, 4) }, () =>
      rand
        .pick(SENTENCES)
        .replace("{producer}", producer.name)
        .replace("{region}", region)
        .replace("{adjective}", rand.pick(["sorted", "picked", "packed", "processed", "dried"]))
        .replace("{label}", labels[0] ?? "organic")
        .replace("{note}", `${rand.pick(NOTES)} and ${rand.pick(NOTES)}`),
    );
    const [low, high] = category.priceCents;
    const brand = rand.pick(BRANDS);
    docs.push({
      id: `p${i.toString(36).padStart(5, "0")}`,
      slug: `${slugify(title)}-${i}`,
      title,
      summary: `${capitalise(noun)} from ${producer.name}, ${region}.`,
      description: sentences.join(" "),
      category: category.slug,
      categoryName: category.name,
      labels,
      producer: producer.slug,
      producerName: producer.name,
      organizationKind: producer.kind,
      country: producer.country,
      region,
      brands: brand ? [brand] : [],
      minPriceCents: Math.round(rand.int(low, high) / 5) * 5,
      wholesale: rand.chance(0.55),
      inStock: rand.chance(0.85),
      createdAt: start + Math.floor(rand.next() * 700 * 86_400_000),
    });
  }
  return docs;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const TYPED = [
  "coffee", "organic coffee", "dark chocolate", "green tea", "honey", "raw honey", "olive oil", "extra virgin",
  "quinoa", "peru", "cajamarca", "alpaca scarf", "cashews", "vanilla", "chai", "fairtrade coffee", "soap",
  "hand-woven basket", "women-led", "sierra verde", "ethiopia yirgacheffe", "cocoa", "darjeeling", "espresso beans",
  "lentils", "cinnamon", "matcha", "sea-salt chocolate", "coconut sugar", "choc", "oolong", "brazil nuts",
];

/** One random edit (drop, double, swap or replace a letter) in the middle of a word: typos people make. */
function typo(word: string, rand: ReturnType<typeof prng>): string {
  const at = rand.int(1, Math.max(1, word.length - 2));
  switch (rand.int(0, 3)) {
    case 0:
      return word.slice(0, at) + word.slice(at + 1);
    case 1:
      return word.slice(0, at) + word[at] + word.slice(at);
    case 2:
      return word.slice(0, at) + (word[at + 1] ?? "") + word[at] + word.slice(at + 2);
    default:
      return word.slice(0, at) + "aeiou"[rand.int(0, 4)] + word.slice(at + 1);
  }
}

const TYPO_BASES = [
  "coffee", "chocolate", "honey", "quinoa", "cashews", "vanilla", "cinnamon", "espresso", "oolong", "turmeric",
  "lentils", "alpaca", "blanket", "basket", "almonds", "cardamom", "saffron", "rooibos", "panela", "beeswax",
];

function queriesOfKind(kind: string, n: number, rand: ReturnType<typeof prng>): SearchQuery[] {
  const queries: SearchQuery[] = [];
  for (let i = 0; i < n; i++) {
    if (kind === "typed words") {
      queries.push(makeSearchQuery({ q: rand.pick(TYPED), page: rand.chance(0.2) ? 2 : 1 }));
    } else if (kind === "typos") {
      const words = [typo(rand.pick(TYPO_BASES), rand)];
      if (rand.chance(0.25)) words.unshift(rand.pick(["organic", "raw", "dark", "fairtrade"]));
      queries.push(makeSearchQuery({ q: words.join(" ") }));
    } else {
      // What shoppers narrow by, weighted by how often (category most): each query uses 2–3 different ones.
      const filters: SearchFilters = {};
      const options: [number, () => void][] = [
        [30, () => (filters.category = rand.chance(0.3) ? [rand.pick(CATEGORIES).slug, rand.pick(CATEGORIES).slug] : [rand.pick(CATEGORIES).slug])],
        [20, () => (filters.label = [rand.pick(LABELS)])],
        [15, () => (filters.country = [rand.pick(ORIGINS).country])],
        [15, () => {
          const min = rand.int(2, 10) * 100;
          filters.minPriceCents = min;
          filters.maxPriceCents = min + rand.int(5, 20) * 100;
        }],
        [10, () => (filters.inStock = true)],
        [5, () => (filters.wholesale = true)],
        [5, () => (filters.organizationKind = ["PRODUCER"])],
      ];
      const chosen = new Set<number>();
      const wanted = rand.int(2, 3);
      const totalWeight = options.reduce((sum, [weight]) => sum + weight, 0);
      while (chosen.size < wanted) {
        let roll = rand.next() * totalWeight;
        const index = options.findIndex(([weight]) => (roll -= weight) < 0);
        chosen.add(index);
      }
      for (const option of chosen) options[option][1]();
      const sort: SearchSort = rand.pick(["price-asc", "price-desc", "newest", "relevance"] as const);
      const q = rand.chance(0.5) ? rand.pick(["coffee", "organic", "raw", "tea", "chocolate", "peru", "scarf"]) : "";
      queries.push(makeSearchQuery({ q, filters, sort }));
    }
  }
  return queries;
}

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)];
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

async function main() {
  const gcAvailable = typeof globalThis.gc === "function";
  const heapBefore = process.memoryUsage().heapUsed;
  const generateStarted = performance.now();
  const docs = generateProducts(PRODUCTS);
  const generateMs = performance.now() - generateStarted;

  const engine = createEmbeddedSearchEngine();
  await engine.setup();
  const buildStarted = performance.now();
  await engine.replaceAll(docs);
  const buildMs = performance.now() - buildStarted;
  globalThis.gc?.();
  const heapAfter = process.memoryUsage().heapUsed;

  const rand = prng(7);
  const kinds = ["typed words", "typos", "faceted + sort"] as const;
  const warmUp = kinds.flatMap((kind) => queriesOfKind(kind, Math.ceil(WARM_UP_QUERIES / kinds.length), rand));
  for (const query of warmUp) await engine.search(query);

  const rows: { kind: string; queries: number; p50: number; p95: number; p99: number; avgHits: number }[] = [];
  for (const kind of kinds) {
    const queries = queriesOfKind(kind, QUERIES_PER_KIND, rand);
    const times: number[] = [];
    let hits = 0;
    for (const query of queries) {
      const started = performance.now();
      const result = await engine.search(query);
      times.push(performance.now() - started);
      hits += result.total;
    }
    times.sort((a, b) => a - b);
    rows.push({
      kind,
      queries: queries.length,
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      p99: percentile(times, 99),
      avgHits: Math.round(hits / queries.length),
    });
  }

  const ms = (value: number) => value.toFixed(2).padStart(7);
  console.log(`\nEmbedded search (Orama) — ${docs.length.toLocaleString("en-GB")} products, Node ${process.version}`);
  console.log(`generate ${(generateMs / 1000).toFixed(1)} s · index build ${(buildMs / 1000).toFixed(1)} s`);
  console.log(
    `heapUsed ${megabytes(heapAfter)} (index + documents ≈ ${megabytes(heapAfter - heapBefore)})` +
      (gcAvailable ? "" : " — run with --expose-gc for a settled number"),
  );
  console.log("");
  console.log("| kind            | queries | p50 ms  | p95 ms  | p99 ms  | avg total hits | target p95 ≤ 10 ms |");
  console.log("|-----------------|---------|---------|---------|---------|----------------|--------------------|");
  for (const row of rows) {
    const verdict = row.p95 <= TARGET_P95_MS ? "PASS" : "MISS";
    console.log(
      `| ${row.kind.padEnd(15)} | ${String(row.queries).padStart(7)} | ${ms(row.p50)} | ${ms(row.p95)} | ${ms(row.p99)} | ${String(row.avgHits).padStart(14)} | ${verdict.padEnd(18)} |`,
    );
  }
  console.log("");
  console.log("typed words: 1–2 everyday words · typos: one slip in a word of 5+ letters (a quarter after a correct word)");
  console.log("faceted + sort: 2–3 filters (category, label, country, price, stock, wholesale, kind), half with a word");
  console.log("Each time is one SearchEngine.search: hits, disjunctive facet counts, price range and highlights.");
  console.log("");
}

// Runs when started as a script; importing the generator (e.g. to profile one query) does not start the benchmark.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
