// Demo provenance data: the label vocabulary, certifications (including pending, rejected, expired and revoked ones,
// so every state shows up in the demo), provenance chains, price breakdowns for every variant, and a few volume
// price breaks. Everything here is fictional: label criteria are short summaries written for this project in our
// own words (the issuer's standard is always the reference), and certificate numbers, certifiers and dates are
// invented for the demo.
import type {
  CertificationStatus,
  PriceComponentKind,
  Prisma,
  ProvenanceStepKind,
  VerificationKind,
} from "~/generated/prisma/client";
import { products } from "./seed-data";

// ---------------------------------------------------------------------------
// Labels
// ---------------------------------------------------------------------------

export interface SeedLabel {
  slug: string;
  name: string;
  summary: string; // one sentence
  criteria: string; // markdown
  issuer: string;
  verificationKind: VerificationKind;
  website?: string;
}

const bullets = (...lines: string[]) => lines.map((line) => `- ${line}`).join("\n");

export const labels: SeedLabel[] = [
  {
    slug: "fairtrade",
    name: "Fairtrade",
    summary:
      "Producer organisations are paid at least an agreed minimum price, plus a premium that members spend together on projects they choose.",
    criteria: bullets(
      "The producer organisation is run democratically by its members, and they decide together how the premium is spent.",
      "Buyers pay at least the agreed minimum price for the product, or the market price when that is higher.",
      "A premium on top of the price goes into a shared fund for community, farm or business projects.",
      "Forced labour and exploitative child labour are not tolerated, and workers are free to organise.",
      "Pesticides on a restricted list are not used, and farmers take steps to protect soil, water and biodiversity.",
      "Producers and traders are audited regularly by an independent certification body.",
    ),
    issuer: "Fairtrade International; audits by an independent certification body",
    verificationKind: "THIRD_PARTY",
    website: "https://fairtrade.example.org",
  },
  {
    slug: "small-producers-symbol",
    name: "Small Producers' Symbol",
    summary:
      "A mark created and governed by organisations of small-scale farmers themselves, with minimum prices set by the producers' own network.",
    criteria: bullets(
      "Only organisations made up mostly of small-scale producers can hold the symbol.",
      "The minimum price and the premium are set by the small producers' network, not by buyers.",
      "The organisation is independent of buyers and governed democratically by its members.",
      "Buyers commit to lasting trading relationships and to pre-financing part of the harvest when asked.",
      "Members farm with agro-ecological methods, and organic production is encouraged.",
      "Compliance is checked through regular independent evaluations.",
    ),
    issuer: "SPP Global, owned by small producers' organisations",
    verificationKind: "THIRD_PARTY",
    website: "https://spp.example.org",
  },
  {
    slug: "wfto-guaranteed-fair-trade",
    name: "WFTO Guaranteed Fair Trade",
    summary:
      "Guarantees that the whole organisation, not just one product, is built around fair trade in how it trades, pays and decides.",
    criteria: bullets(
      "The organisation exists mainly to create opportunities for marginalised producers, not to maximise profit.",
      "Prices are agreed through dialogue and allow producers a decent income.",
      "Working conditions are safe, and wages move towards a local living wage.",
      "Women and men get equal pay for equal work and an equal say in decisions.",
      "Accounts, supply relationships and decisions are open to members and trading partners.",
      "Compliance is checked through self-assessment, peer visits and independent audits.",
    ),
    issuer: "World Fair Trade Organization",
    verificationKind: "THIRD_PARTY",
    website: "https://wfto.example.org",
  },
  {
    slug: "fair-for-life",
    name: "Fair for Life",
    summary:
      "Certifies fair and responsible supply chains, including for products and regions that other fair-trade schemes do not cover.",
    criteria: bullets(
      "The whole supply chain is covered, from the producer group to the brand that sells the product.",
      "Buyers and producers agree fair prices and a development fund that producers manage.",
      "Workers earn at least the legal minimum wage and are paid more as the business grows.",
      "Trading relationships are long-term and set out in written agreements.",
      "Social and environmental practices are inspected on site by an independent body.",
    ),
    issuer: "Fair for Life programme; inspections by an independent certification body",
    verificationKind: "THIRD_PARTY",
    website: "https://fairforlife.example.org",
  },
  {
    slug: "eu-organic",
    name: "EU Organic",
    summary: "Grown and processed under the European Union's organic rules and inspected at least once a year.",
    criteria: bullets(
      "Synthetic pesticides and fertilisers are not used, apart from a short list of permitted inputs.",
      "No genetically modified organisms are used at any stage.",
      "Crop rotation, composting and other soil-building practices keep the land fertile.",
      "Organic and non-organic goods are kept apart and traceable at every step.",
      "Processed foods are made almost entirely from organic farm ingredients.",
      "Every farm, processor and importer is inspected at least once a year by an approved control body.",
    ),
    issuer: "European Union organic regulation; checked by an approved control body",
    verificationKind: "THIRD_PARTY",
    website: "https://organic-eu.example.org",
  },
  {
    slug: "pgs-organic",
    name: "PGS Organic",
    summary:
      "Organic practice checked by neighbouring farmers and consumers in a participatory guarantee system, rather than by a paid certifier.",
    criteria: bullets(
      "Each farmer signs a pledge to follow the local organic standard.",
      "Every farm is visited at least once a year by other farmers and consumers.",
      "The local council reads the visit reports and decides openly whether the farm keeps the mark.",
      "No synthetic pesticides, synthetic fertilisers or genetically modified seed are used.",
      "A farm that breaks the pledge is helped to put it right, or loses the mark until it does.",
      "Visit reports and decisions are open to anyone who asks.",
    ),
    issuer: "Local PGS council of producers and consumers",
    verificationKind: "PARTICIPATORY",
  },
  {
    slug: "regenerative",
    name: "Regenerative agriculture",
    summary:
      "Farming that rebuilds soil, water and biodiversity, checked by fellow growers and buyers on yearly farm visits.",
    criteria: bullets(
      "Soil is kept covered by crops, cover crops or mulch for most of the year.",
      "Ploughing is reduced, and synthetic nitrogen is phased out over an agreed plan.",
      "Hedgerows, trees or wild margins are kept or planted for wildlife.",
      "Each farm measures soil organic matter, or a comparable indicator, every year.",
      "A peer group of growers and buyers visits each farm yearly and publishes what it found.",
    ),
    issuer: "Regional peer groups of regenerative growers and buyers",
    verificationKind: "PARTICIPATORY",
  },
  {
    slug: "women-led",
    name: "Women-led",
    summary: "Women own a majority of the organisation and hold most of its leadership roles.",
    criteria: bullets(
      "At least half of the members are women.",
      "Women make up most of the board and hold the chair or the manager's role.",
      "Women members receive and control the income from their own produce.",
      "Two other women-led co-operatives on the marketplace review the evidence and interview members.",
      "The review is repeated every two years.",
    ),
    issuer: "Peer review by women-led co-operatives on the marketplace",
    verificationKind: "PARTICIPATORY",
  },
  {
    slug: "worker-owned",
    name: "Worker-owned",
    summary: "The people who work in the business own and control it, one member one vote.",
    criteria: bullets(
      "Most people who work regularly in the business are members, or can become members after a trial period.",
      "Members own the business together and vote as equals: one member, one vote.",
      "Surpluses are shared among members or reinvested, as the members decide.",
      "No outside investor controls the business.",
      "The organisation's rules say so, and the platform has read them.",
    ),
    issuer: "Declared by the organisation; its rules are checked by the platform",
    verificationKind: "SELF_DECLARED",
  },
  {
    slug: "living-wage",
    name: "Living wage commitment",
    summary:
      "Everyone who works for the organisation, seasonal workers included, is paid at least a living wage for the place they live.",
    criteria: bullets(
      "The organisation names the living-wage benchmark it uses and where it comes from.",
      "All employees and worker-members, including seasonal and part-time staff, earn at least that amount for normal hours.",
      "Piece rates are set so that an ordinary day's work earns at least the living wage.",
      "Pay figures are reported to members every year.",
      "This is the organisation's own commitment: nobody else has audited it.",
    ),
    issuer: "Declared by the organisation against a published local living-wage estimate",
    verificationKind: "SELF_DECLARED",
  },
];

// ---------------------------------------------------------------------------
// Certifications
// ---------------------------------------------------------------------------

interface SeedCertification {
  label: string;
  organization: string;
  product?: string; // product-level when set
  status: CertificationStatus;
  certificateNumber?: string;
  certifier: string;
  validFrom: string; // yyyy-mm-dd, from the start of the day (UTC)
  validTo: string | null; // yyyy-mm-dd, to the end of the day (UTC); null = open-ended
  reviewedOn?: string; // reviewed by the platform admin; omitted while PENDING
  reviewNote?: string;
}

const PLATFORM_CHECK = "Solidarity Market platform review";

export const certifications: SeedCertification[] = [
  // Sierra Verde: two verified, one claim still waiting for review.
  {
    label: "fairtrade",
    organization: "sierra-verde-coffee",
    status: "VERIFIED",
    certificateNumber: "FT-PE-40217",
    certifier: "Andean Conformity Services (demo inspection body)",
    validFrom: "2025-03-01",
    validTo: "2028-02-29",
    reviewedOn: "2025-03-12",
  },
  {
    label: "eu-organic",
    organization: "sierra-verde-coffee",
    status: "VERIFIED",
    certificateNumber: "PE-BIO-0173-2025",
    certifier: "Cert-Andes Organic Control (demo control body)",
    validFrom: "2025-09-01",
    validTo: "2027-08-31",
    reviewedOn: "2025-09-08",
  },
  {
    label: "small-producers-symbol",
    organization: "sierra-verde-coffee",
    status: "PENDING",
    certificateNumber: "SPP-PE-2026-118",
    certifier: "Andean Conformity Services (demo inspection body)",
    validFrom: "2026-11-01",
    validTo: "2029-10-31",
  },
  // Kwahu Ridge
  {
    label: "fairtrade",
    organization: "kwahu-cocoa-union",
    status: "VERIFIED",
    certificateNumber: "FT-GH-18834",
    certifier: "West Africa Audit Partners (demo inspection body)",
    validFrom: "2025-05-15",
    validTo: "2028-05-14",
    reviewedOn: "2025-05-27",
  },
  {
    label: "wfto-guaranteed-fair-trade",
    organization: "kwahu-cocoa-union",
    status: "VERIFIED",
    certificateNumber: "WFTO-GH-0412",
    certifier: "World Fair Trade Organization monitoring (demo record)",
    validFrom: "2026-02-01",
    validTo: "2028-01-31",
    reviewedOn: "2026-02-10",
  },
  {
    label: "living-wage",
    organization: "kwahu-cocoa-union",
    status: "VERIFIED",
    certifier: PLATFORM_CHECK,
    validFrom: "2026-01-01",
    validTo: "2027-12-31",
    reviewedOn: "2026-01-14",
  },
  // Thenmalai: the organic certificate ran out at the end of June 2026 and has not been renewed yet.
  {
    label: "women-led",
    organization: "thenmalai-tea-collective",
    status: "VERIFIED",
    certifier: "Peer review by Nyambene Women's Honey Co-operative and a Kerala spice growers' collective",
    validFrom: "2025-07-01",
    validTo: "2027-06-30",
    reviewedOn: "2025-07-09",
  },
  {
    label: "fair-for-life",
    organization: "thenmalai-tea-collective",
    status: "VERIFIED",
    certificateNumber: "FFL-IN-22-0931",
    certifier: "Southern India Certification Trust (demo inspection body)",
    validFrom: "2025-11-01",
    validTo: "2028-10-31",
    reviewedOn: "2025-11-06",
  },
  {
    label: "eu-organic",
    organization: "thenmalai-tea-collective",
    status: "VERIFIED",
    certificateNumber: "IN-ORG-7741-2025",
    certifier: "Southern India Certification Trust (demo control body)",
    validFrom: "2025-01-01",
    validTo: "2026-06-30",
    reviewedOn: "2025-01-20",
  },
  // Cerro Alto
  {
    label: "worker-owned",
    organization: "cerro-alto-olive",
    status: "VERIFIED",
    certifier: PLATFORM_CHECK,
    validFrom: "2025-02-01",
    validTo: "2028-01-31",
    reviewedOn: "2025-02-04",
  },
  {
    label: "regenerative",
    organization: "cerro-alto-olive",
    status: "VERIFIED",
    certifier: "Sierra de Cádiz regenerative growers' peer group",
    validFrom: "2025-10-01",
    validTo: "2027-09-30",
    reviewedOn: "2025-10-15",
  },
  // Nyambene: a Fairtrade claim was rejected.
  {
    label: "women-led",
    organization: "nyambene-honey",
    status: "VERIFIED",
    certifier: "Peer review by Thenmalai Women's Tea Collective and a Meru dairy women's group",
    validFrom: "2025-04-01",
    validTo: "2027-03-31",
    reviewedOn: "2025-04-11",
  },
  {
    label: "pgs-organic",
    organization: "nyambene-honey",
    status: "VERIFIED",
    certificateNumber: "MERU-PGS-117",
    certifier: "Meru PGS council of beekeepers and consumers",
    validFrom: "2025-08-01",
    validTo: "2027-07-31",
    reviewedOn: "2025-08-19",
  },
  {
    label: "fairtrade",
    organization: "nyambene-honey",
    status: "REJECTED",
    certificateNumber: "FT-KE-2291",
    certifier: "East Africa Certification Services (demo inspection body)",
    validFrom: "2026-03-01",
    validTo: "2029-02-28",
    reviewedOn: "2026-03-18",
    reviewNote:
      "The certificate number on the document does not match the one in the certifier's register, and only the first page was uploaded. Please upload the full, current certificate and apply again.",
  },
  // Mun River
  {
    label: "small-producers-symbol",
    organization: "mun-river-rice",
    status: "VERIFIED",
    certificateNumber: "SPP-TH-2025-044",
    certifier: "Mekong Conformity Assessment (demo inspection body)",
    validFrom: "2025-06-01",
    validTo: "2028-05-31",
    reviewedOn: "2025-06-16",
  },
  {
    label: "pgs-organic",
    organization: "mun-river-rice",
    status: "VERIFIED",
    certificateNumber: "SURIN-PGS-0388",
    certifier: "Surin PGS council of farmers and consumers",
    validFrom: "2026-01-15",
    validTo: "2028-01-14",
    reviewedOn: "2026-01-26",
  },
  // Lindenau
  {
    label: "worker-owned",
    organization: "lindenau-roasters",
    status: "VERIFIED",
    certifier: PLATFORM_CHECK,
    validFrom: "2025-01-10",
    validTo: "2028-01-09",
    reviewedOn: "2025-01-13",
  },
  {
    label: "living-wage",
    organization: "lindenau-roasters",
    status: "VERIFIED",
    certifier: PLATFORM_CHECK,
    validFrom: "2025-09-01",
    validTo: "2027-08-31",
    reviewedOn: "2025-09-03",
  },
  // Złoty Kłos: the regenerative mark was withdrawn after a peer visit.
  {
    label: "pgs-organic",
    organization: "zloty-klos-mill",
    status: "VERIFIED",
    certificateNumber: "LUB-PGS-2026-09",
    certifier: "Lubelskie PGS council of farmers and consumers",
    validFrom: "2026-03-01",
    validTo: "2028-02-29",
    reviewedOn: "2026-03-09",
  },
  {
    label: "regenerative",
    organization: "zloty-klos-mill",
    status: "REVOKED",
    certifier: "Roztocze regenerative growers' peer group",
    validFrom: "2025-06-01",
    validTo: "2027-05-31",
    reviewedOn: "2026-06-12",
    reviewNote:
      "Revoked after the May 2026 peer visit: cover crops were not sown on most fields and no soil records were kept for 2025. The co-operative may apply again after next season's visit.",
  },
  // Elbkai (a distributor, also worker-owned)
  {
    label: "worker-owned",
    organization: "elbkai-logistics",
    status: "VERIFIED",
    certifier: PLATFORM_CHECK,
    validFrom: "2025-05-01",
    validTo: "2028-04-30",
    reviewedOn: "2025-05-06",
  },
  // Product-level certifications
  {
    label: "eu-organic",
    organization: "cerro-alto-olive",
    product: "cerro-alto-hojiblanca-evoo",
    status: "VERIFIED",
    certificateNumber: "ES-ECO-023-AN-1187",
    certifier: "Andalusian Organic Control Committee (demo control body)",
    validFrom: "2025-11-01",
    validTo: "2027-10-31",
    reviewedOn: "2025-11-10",
  },
  {
    label: "eu-organic",
    organization: "cerro-alto-olive",
    product: "cerro-alto-early-harvest-evoo",
    status: "VERIFIED",
    certificateNumber: "ES-ECO-023-AN-1188",
    certifier: "Andalusian Organic Control Committee (demo control body)",
    validFrom: "2025-11-01",
    validTo: "2027-10-31",
    reviewedOn: "2025-11-10",
  },
  {
    label: "eu-organic",
    organization: "mun-river-rice",
    product: "mun-river-hom-mali-jasmine-rice",
    status: "VERIFIED",
    certificateNumber: "TH-ORG-5520-2025",
    certifier: "Mekong Conformity Assessment (demo control body)",
    validFrom: "2025-12-01",
    validTo: "2027-11-30",
    reviewedOn: "2025-12-09",
  },
  {
    label: "fair-for-life",
    organization: "mun-river-rice",
    product: "mun-river-coconut-sugar",
    status: "VERIFIED",
    certificateNumber: "FFL-TH-24-0217",
    certifier: "Mekong Conformity Assessment (demo inspection body)",
    validFrom: "2025-10-01",
    validTo: "2028-09-30",
    reviewedOn: "2025-10-07",
  },
  {
    label: "eu-organic",
    organization: "lindenau-roasters",
    product: "lindenau-espresso-blend",
    status: "VERIFIED",
    certificateNumber: "DE-ÖKO-006-44190",
    certifier: "Saxon Organic Inspection (demo control body)",
    validFrom: "2026-01-01",
    validTo: "2027-12-31",
    reviewedOn: "2026-01-08",
  },
  {
    label: "fairtrade",
    organization: "lindenau-roasters",
    product: "lindenau-filter-roast",
    status: "VERIFIED",
    certificateNumber: "FT-DE-70553",
    certifier: "Central Europe Trade Audits (demo inspection body)",
    validFrom: "2025-06-01",
    validTo: "2027-05-31",
    reviewedOn: "2025-06-05",
  },
];

// ---------------------------------------------------------------------------
// Provenance chains
// ---------------------------------------------------------------------------

interface SeedStep {
  kind: ProvenanceStepKind;
  /** An organisation on the platform (by slug), or the name of someone who is not. */
  by: { organization: string } | { actor: string };
  place: string;
  country: string;
  on: string; // yyyy-mm-dd
  description?: string;
  lotCode?: string;
}

const org = (organization: string) => ({ organization });
const actor = (name: string) => ({ actor: name });
const SV = org("sierra-verde-coffee");
const ELBKAI = org("elbkai-logistics");
const FAIRWAY = org("fairway-food-hub");
const LINDENAU = org("lindenau-roasters");

export const provenance: Record<string, SeedStep[]> = {
  "sierra-verde-caturra-bourbon-whole-bean": [
    { kind: "GROWN", by: SV, place: "Member farms at 1,600–1,900 m, San Ignacio province", country: "PE", on: "2025-03-01", description: "Caturra and Red Bourbon under shade trees on 86 member farms." },
    { kind: "HARVESTED", by: SV, place: "San Ignacio province", country: "PE", on: "2025-06-16", description: "Ripe cherries picked by member families over three passes." },
    { kind: "FERMENTED", by: SV, place: "Shared wet mill, San Ignacio", country: "PE", on: "2025-06-17", description: "Pulped the same afternoon and fermented for about 36 hours before washing." },
    { kind: "DRIED", by: SV, place: "Raised drying beds, San Ignacio", country: "PE", on: "2025-07-04", description: "Parchment dried slowly for two to three weeks." },
    { kind: "SHIPPED", by: ELBKAI, place: "Callao to Hamburg", country: "PE", on: "2025-09-12", description: "Shared container with two other producer groups; customs cleared in Hamburg." },
    { kind: "ROASTED", by: LINDENAU, place: "Leipzig", country: "DE", on: "2025-10-20", description: "Medium roast for the marketplace by the partner roastery." },
  ],
  "sierra-verde-ground-filter-coffee": [
    { kind: "HARVESTED", by: SV, place: "San Ignacio province", country: "PE", on: "2025-06-20" },
    { kind: "DRIED", by: SV, place: "Raised drying beds, San Ignacio", country: "PE", on: "2025-07-08" },
    { kind: "MILLED", by: actor("Jaén dry mill (contract huller)"), place: "Jaén, Cajamarca", country: "PE", on: "2025-08-18", description: "Parchment hulled, sorted and graded for export." },
    { kind: "SHIPPED", by: ELBKAI, place: "Callao to Hamburg", country: "PE", on: "2025-09-12" },
    { kind: "ROASTED", by: LINDENAU, place: "Leipzig", country: "DE", on: "2025-11-03" },
    { kind: "PACKED", by: LINDENAU, place: "Leipzig", country: "DE", on: "2025-11-04", description: "Ground medium and packed in valved, dated bags." },
  ],
  "sierra-verde-geisha-microlot": [
    { kind: "GROWN", by: SV, place: "Three member farms above 1,900 m near Tabaconas", country: "PE", on: "2025-02-01" },
    { kind: "HARVESTED", by: SV, place: "Tabaconas", country: "PE", on: "2025-07-10", description: "Hand-picked in four passes; a few hundred kilos in all." },
    { kind: "FERMENTED", by: SV, place: "Shared wet mill, San Ignacio", country: "PE", on: "2025-07-11" },
    { kind: "DRIED", by: SV, place: "Shade-netted beds, Tabaconas", country: "PE", on: "2025-08-02", description: "Dried under shade netting to slow it down." },
    { kind: "SHIPPED", by: ELBKAI, place: "Callao to Hamburg", country: "PE", on: "2025-09-12" },
  ],
  "sierra-verde-white-quinoa": [
    { kind: "GROWN", by: SV, place: "Highland plots above 2,600 m, Baños del Inca", country: "PE", on: "2025-01-10", description: "Grown in rotation with potatoes and broad beans." },
    { kind: "HARVESTED", by: SV, place: "Baños del Inca district", country: "PE", on: "2025-05-22", description: "Cut and threshed by hand." },
    { kind: "PROCESSED", by: SV, place: "Co-operative warehouse, Cajamarca", country: "PE", on: "2025-06-10", description: "Washed and dried to remove the bitter saponin coating." },
    { kind: "PACKED", by: SV, place: "Co-operative warehouse, Cajamarca", country: "PE", on: "2025-07-01" },
    { kind: "SHIPPED", by: ELBKAI, place: "Callao to Hamburg", country: "PE", on: "2025-09-12" },
  ],
  "kwahu-70-dark-chocolate": [
    { kind: "HARVESTED", by: org("kwahu-cocoa-union"), place: "Member farms on the Kwahu plateau", country: "GH", on: "2025-10-15", description: "Main-crop pods harvested and opened on the farm." },
    { kind: "FERMENTED", by: org("kwahu-cocoa-union"), place: "Kwahu plateau", country: "GH", on: "2025-10-16", description: "Heap-fermented under plantain leaves for six days." },
    { kind: "DRIED", by: org("kwahu-cocoa-union"), place: "Kwahu plateau", country: "GH", on: "2025-10-23", description: "Sun-dried on raised mats." },
    { kind: "PROCESSED", by: org("kwahu-cocoa-union"), place: "Chocolate workshop, Nkawkaw", country: "GH", on: "2026-01-12", description: "Roasted, ground, conched and tempered with cane sugar and cocoa butter." },
    { kind: "PACKED", by: org("kwahu-cocoa-union"), place: "Chocolate workshop, Nkawkaw", country: "GH", on: "2026-01-14" },
    { kind: "SHIPPED", by: ELBKAI, place: "Tema to Hamburg, temperature-controlled", country: "GH", on: "2026-02-03" },
  ],
  "kwahu-85-dark-chocolate": [
    { kind: "HARVESTED", by: org("kwahu-cocoa-union"), place: "Member farms on the Kwahu plateau", country: "GH", on: "2025-11-05" },
    { kind: "FERMENTED", by: org("kwahu-cocoa-union"), place: "Kwahu plateau", country: "GH", on: "2025-11-06" },
    { kind: "DRIED", by: org("kwahu-cocoa-union"), place: "Kwahu plateau", country: "GH", on: "2025-11-13" },
    { kind: "PROCESSED", by: org("kwahu-cocoa-union"), place: "Chocolate workshop, Nkawkaw", country: "GH", on: "2026-02-09" },
    { kind: "SHIPPED", by: ELBKAI, place: "Tema to Hamburg, temperature-controlled", country: "GH", on: "2026-03-02" },
  ],
  "kwahu-roasted-cashews": [
    { kind: "HARVESTED", by: actor("Wenchi cashew growers' society"), place: "Wenchi, Bono Region", country: "GH", on: "2026-03-10", description: "Fallen apples collected and the nuts twisted off by hand." },
    { kind: "DRIED", by: actor("Wenchi cashew growers' society"), place: "Wenchi", country: "GH", on: "2026-03-17" },
    { kind: "PROCESSED", by: actor("Wenchi shelling group (40 women, paid by the day)"), place: "Wenchi", country: "GH", on: "2026-04-06", description: "Shelled and peeled by hand." },
    { kind: "ROASTED", by: org("kwahu-cocoa-union"), place: "Wenchi", country: "GH", on: "2026-04-20", description: "Dry-roasted to a light golden colour, unsalted." },
    { kind: "PACKED", by: org("kwahu-cocoa-union"), place: "Wenchi", country: "GH", on: "2026-04-21" },
    { kind: "SHIPPED", by: ELBKAI, place: "Tema to Hamburg", country: "GH", on: "2026-05-12" },
  ],
  "thenmalai-nilgiri-black-tea": [
    { kind: "HARVESTED", by: org("thenmalai-tea-collective"), place: "Members' gardens near Kotagiri, Nilgiris", country: "IN", on: "2026-04-14", description: "Two leaves and a bud, plucked by hand." },
    { kind: "PROCESSED", by: org("thenmalai-tea-collective"), place: "Collective's orthodox factory, Kotagiri", country: "IN", on: "2026-04-15", description: "Withered overnight, rolled and oxidised." },
    { kind: "DRIED", by: org("thenmalai-tea-collective"), place: "Collective's orthodox factory, Kotagiri", country: "IN", on: "2026-04-15", description: "Fired in the dryer and sorted by grade." },
    { kind: "PACKED", by: org("thenmalai-tea-collective"), place: "Kotagiri", country: "IN", on: "2026-04-28" },
    { kind: "SHIPPED", by: ELBKAI, place: "Kochi to Hamburg", country: "IN", on: "2026-05-20" },
    { kind: "RECEIVED", by: FAIRWAY, place: "St Philip's, Bristol", country: "GB", on: "2026-07-02", description: "Broken down into mixed cases for buying groups." },
  ],
  "thenmalai-winter-frost-tea": [
    { kind: "HARVESTED", by: org("thenmalai-tea-collective"), place: "Members' highest gardens near Kotagiri", country: "IN", on: "2026-01-20", description: "Plucked in the frost season, when growth slows." },
    { kind: "PROCESSED", by: org("thenmalai-tea-collective"), place: "Collective's orthodox factory, Kotagiri", country: "IN", on: "2026-01-21" },
    { kind: "DRIED", by: org("thenmalai-tea-collective"), place: "Collective's orthodox factory, Kotagiri", country: "IN", on: "2026-01-21" },
    { kind: "PACKED", by: org("thenmalai-tea-collective"), place: "Kotagiri", country: "IN", on: "2026-02-05" },
    { kind: "SHIPPED", by: ELBKAI, place: "Kochi to Hamburg", country: "IN", on: "2026-02-24" },
  ],
  "thenmalai-green-cardamom": [
    { kind: "GROWN", by: org("thenmalai-tea-collective"), place: "Shaded plots beside members' tea gardens", country: "IN", on: "2025-06-01" },
    { kind: "HARVESTED", by: org("thenmalai-tea-collective"), place: "Kotagiri, Nilgiris", country: "IN", on: "2025-10-08", description: "Pods picked just before they ripen." },
    { kind: "DRIED", by: org("thenmalai-tea-collective"), place: "Curing room, Kotagiri", country: "IN", on: "2025-10-10", description: "Cured with gentle heat to keep the green colour." },
    { kind: "PACKED", by: org("thenmalai-tea-collective"), place: "Kotagiri", country: "IN", on: "2025-11-04" },
    { kind: "SHIPPED", by: ELBKAI, place: "Kochi to Hamburg", country: "IN", on: "2025-11-26" },
  ],
  "cerro-alto-hojiblanca-evoo": [
    { kind: "GROWN", by: actor("Small growers around Olvera"), place: "Rain-fed groves, Sierra de Cádiz", country: "ES", on: "2025-04-01" },
    { kind: "HARVESTED", by: actor("Small growers around Olvera"), place: "Olvera, Sierra de Cádiz", country: "ES", on: "2025-11-20", description: "Picked by pickers on fixed-term contracts." },
    { kind: "PROCESSED", by: org("cerro-alto-olive"), place: "Cerro Alto mill, Olvera", country: "ES", on: "2025-11-20", description: "Cold-extracted the same day the fruit arrived." },
    { kind: "PACKED", by: org("cerro-alto-olive"), place: "Cerro Alto mill, Olvera", country: "ES", on: "2026-01-15", description: "Bottled and tinned after settling for eight weeks." },
    { kind: "SHIPPED", by: actor("Transportes Sierra Sur (road haulier)"), place: "Olvera to Bristol", country: "ES", on: "2026-02-02" },
    { kind: "RECEIVED", by: FAIRWAY, place: "St Philip's, Bristol", country: "GB", on: "2026-02-06" },
  ],
  "cerro-alto-early-harvest-evoo": [
    { kind: "HARVESTED", by: actor("Small growers around Olvera"), place: "Olvera, Sierra de Cádiz", country: "ES", on: "2025-10-14", description: "Green fruit picked early for a grassy, peppery oil." },
    { kind: "PROCESSED", by: org("cerro-alto-olive"), place: "Cerro Alto mill, Olvera", country: "ES", on: "2025-10-14" },
    { kind: "PACKED", by: org("cerro-alto-olive"), place: "Cerro Alto mill, Olvera", country: "ES", on: "2025-12-01" },
    { kind: "SHIPPED", by: actor("Transportes Sierra Sur (road haulier)"), place: "Olvera to Bristol", country: "ES", on: "2025-12-08" },
  ],
  "cerro-alto-sherry-vinegar": [
    { kind: "FERMENTED", by: actor("Family bodega, Jerez de la Frontera"), place: "Jerez de la Frontera", country: "ES", on: "2025-03-10", description: "Palomino wine turned to vinegar in old oak casks." },
    { kind: "BLENDED", by: actor("Family bodega, Jerez de la Frontera"), place: "Jerez de la Frontera", country: "ES", on: "2026-03-16", description: "Drawn from a solera after at least two years of ageing." },
    { kind: "PACKED", by: org("cerro-alto-olive"), place: "Cerro Alto mill, Olvera", country: "ES", on: "2026-04-02", description: "Bottled by the mill's bottling team outside the olive season." },
    { kind: "SHIPPED", by: actor("Transportes Sierra Sur (road haulier)"), place: "Olvera to Bristol", country: "ES", on: "2026-04-20" },
  ],
  "cerro-alto-marcona-almonds": [
    { kind: "HARVESTED", by: actor("Almond growers on the terraces around Olvera"), place: "Olvera, Sierra de Cádiz", country: "ES", on: "2025-08-28" },
    { kind: "PROCESSED", by: org("cerro-alto-olive"), place: "Cerro Alto mill, Olvera", country: "ES", on: "2025-09-22", description: "Shelled, sorted and, for the pouches, blanched." },
    { kind: "ROASTED", by: org("cerro-alto-olive"), place: "Cerro Alto mill, Olvera", country: "ES", on: "2025-10-06", description: "Lightly roasted with olive oil and sea salt." },
    { kind: "PACKED", by: org("cerro-alto-olive"), place: "Cerro Alto mill, Olvera", country: "ES", on: "2025-10-07" },
    { kind: "SHIPPED", by: actor("Transportes Sierra Sur (road haulier)"), place: "Olvera to Bristol", country: "ES", on: "2025-10-20" },
  ],
  "nyambene-acacia-honey": [
    { kind: "HARVESTED", by: org("nyambene-honey"), place: "Top-bar hives in the acacia bushland, Igembe", country: "KE", on: "2026-02-18", description: "Capped combs taken at the end of the acacia flow." },
    { kind: "PROCESSED", by: org("nyambene-honey"), place: "Shared honey house, Igembe", country: "KE", on: "2026-02-20", description: "Pressed and strained cold; never heated." },
    { kind: "PACKED", by: org("nyambene-honey"), place: "Shared honey house, Igembe", country: "KE", on: "2026-03-04" },
    { kind: "SHIPPED", by: ELBKAI, place: "Mombasa to Hamburg", country: "KE", on: "2026-03-25" },
    { kind: "RECEIVED", by: FAIRWAY, place: "St Philip's, Bristol", country: "GB", on: "2026-05-07" },
  ],
  "nyambene-raw-macadamias": [
    { kind: "HARVESTED", by: org("nyambene-honey"), place: "Members' highland plots near Maua", country: "KE", on: "2026-03-15" },
    { kind: "DRIED", by: org("nyambene-honey"), place: "Maua", country: "KE", on: "2026-03-16", description: "Dried in their shells for several weeks." },
    { kind: "PROCESSED", by: org("nyambene-honey"), place: "Shared processing shed, Maua", country: "KE", on: "2026-04-20", description: "Cracked and graded into wholes and halves." },
    { kind: "PACKED", by: org("nyambene-honey"), place: "Shared processing shed, Maua", country: "KE", on: "2026-04-22" },
    { kind: "SHIPPED", by: ELBKAI, place: "Mombasa to Hamburg", country: "KE", on: "2026-05-14" },
  ],
  "mun-river-hom-mali-jasmine-rice": [
    { kind: "GROWN", by: org("mun-river-rice"), place: "Rain-fed paddies, Tha Tum district", country: "TH", on: "2025-07-15", description: "Transplanted with the monsoon rains." },
    { kind: "HARVESTED", by: org("mun-river-rice"), place: "Tha Tum district, Surin", country: "TH", on: "2025-11-25" },
    { kind: "DRIED", by: org("mun-river-rice"), place: "Tha Tum district, Surin", country: "TH", on: "2025-11-28", description: "Paddy sun-dried on the village threshing floors." },
    { kind: "MILLED", by: org("mun-river-rice"), place: "Co-operative mill, Tha Tum", country: "TH", on: "2026-02-09", description: "Husked and polished to order." },
    { kind: "PACKED", by: org("mun-river-rice"), place: "Co-operative mill, Tha Tum", country: "TH", on: "2026-02-10" },
    { kind: "SHIPPED", by: ELBKAI, place: "Laem Chabang to Hamburg", country: "TH", on: "2026-03-03", description: "Shared container with the Amphawa tappers' co-operative." },
  ],
  "mun-river-coconut-sugar": [
    { kind: "HARVESTED", by: actor("Amphawa coconut tappers' co-operative"), place: "Amphawa, Samut Songkhram", country: "TH", on: "2026-01-12", description: "Sap collected twice a day from the cut flower stems." },
    { kind: "PROCESSED", by: actor("Amphawa coconut tappers' co-operative"), place: "Amphawa", country: "TH", on: "2026-01-12", description: "Boiled down over wood fires and stirred until it crystallises." },
    { kind: "PACKED", by: org("mun-river-rice"), place: "Co-operative mill, Tha Tum", country: "TH", on: "2026-02-12" },
    { kind: "SHIPPED", by: ELBKAI, place: "Laem Chabang to Hamburg", country: "TH", on: "2026-03-03" },
  ],
  "lindenau-espresso-blend": [
    { kind: "GROWN", by: SV, place: "Member farms around 1,600 m and higher, San Ignacio province", country: "PE", on: "2025-02-15", description: "A washed Caturra lot and a Bourbon lot from higher up." },
    { kind: "HARVESTED", by: SV, place: "San Ignacio province", country: "PE", on: "2025-06-24" },
    { kind: "SHIPPED", by: ELBKAI, place: "Callao to Hamburg, then by rail to Leipzig", country: "PE", on: "2025-09-12", description: "Green coffee bought directly under a three-year contract." },
    { kind: "ROASTED", by: LINDENAU, place: "Former tram depot, Leipzig", country: "DE", on: "2026-10-19", description: "Roasted a little darker than the filter coffee to build body." },
    { kind: "PACKED", by: LINDENAU, place: "Leipzig", country: "DE", on: "2026-10-19", description: "Packed on roasting day; the price paid to growers is printed on the bag." },
  ],
  "lindenau-filter-roast": [
    { kind: "HARVESTED", by: SV, place: "San Ignacio province", country: "PE", on: "2025-06-16" },
    { kind: "SHIPPED", by: ELBKAI, place: "Callao to Hamburg, then by rail to Leipzig", country: "PE", on: "2025-09-12" },
    { kind: "ROASTED", by: LINDENAU, place: "Leipzig", country: "DE", on: "2026-10-22", description: "Light roast; every batch is cupped before packing." },
    { kind: "PACKED", by: LINDENAU, place: "Leipzig", country: "DE", on: "2026-10-22" },
  ],
  "lindenau-decaf": [
    { kind: "HARVESTED", by: SV, place: "San Ignacio province", country: "PE", on: "2025-06-30" },
    { kind: "SHIPPED", by: ELBKAI, place: "Callao to Hamburg", country: "PE", on: "2025-09-12" },
    { kind: "PROCESSED", by: actor("Contract decaffeination plant, northern Germany"), place: "Bremen", country: "DE", on: "2025-11-18", description: "Decaffeinated with liquid carbon dioxide." },
    { kind: "ROASTED", by: LINDENAU, place: "Leipzig", country: "DE", on: "2026-10-12" },
    { kind: "PACKED", by: LINDENAU, place: "Leipzig", country: "DE", on: "2026-10-12" },
  ],
  "zloty-klos-oat-flakes": [
    { kind: "GROWN", by: org("zloty-klos-mill"), place: "Members' fields, Zamość county", country: "PL", on: "2025-04-08", description: "Sown in rotation with rye and clover." },
    { kind: "HARVESTED", by: org("zloty-klos-mill"), place: "Zamość county", country: "PL", on: "2025-08-12" },
    { kind: "PROCESSED", by: org("zloty-klos-mill"), place: "Restored stone mill, Zamość county", country: "PL", on: "2026-09-15", description: "Hulled and steamed." },
    { kind: "MILLED", by: org("zloty-klos-mill"), place: "Restored stone mill, Zamość county", country: "PL", on: "2026-09-15", description: "Rolled into thick flakes to order." },
    { kind: "PACKED", by: org("zloty-klos-mill"), place: "Zamość county", country: "PL", on: "2026-09-16" },
    { kind: "SHIPPED", by: ELBKAI, place: "Zamość to Hamburg by road", country: "PL", on: "2026-09-22" },
  ],
  "zloty-klos-wholegrain-rye-flour": [
    { kind: "GROWN", by: org("zloty-klos-mill"), place: "Members' fields, Zamość county", country: "PL", on: "2025-09-20", description: "Dańkowskie rye sown in autumn." },
    { kind: "HARVESTED", by: org("zloty-klos-mill"), place: "Zamość county", country: "PL", on: "2026-07-25" },
    { kind: "MILLED", by: org("zloty-klos-mill"), place: "Restored stone mill, Zamość county", country: "PL", on: "2026-09-02", description: "Stone-ground slowly with all of the bran kept in." },
    { kind: "PACKED", by: org("zloty-klos-mill"), place: "Zamość county", country: "PL", on: "2026-09-03" },
  ],
};

// ---------------------------------------------------------------------------
// Price breakdowns: how each retail price splits. Percentages per product profile; amounts are integer cents,
// each rounded, with the last share (the platform fee) taking the remainder so the shares sum exactly to the price.
// ---------------------------------------------------------------------------

interface Share {
  kind: PriceComponentKind;
  recipient: string;
  percent: number;
}

const SOLIDARITY: Share = {
  kind: "SOLIDARITY_FUND",
  recipient: "Marketplace solidarity fund (emergency loans to producer co-operatives)",
  percent: 3,
};
const PLATFORM: Share = { kind: "PLATFORM", recipient: "Solidarity Market (running the platform)", percent: 5 };
const FAIRWAY_SHARE = (percent: number): Share => ({
  kind: "DISTRIBUTOR",
  recipient: "Fairway Food Hub (warehouse, mixed cases and delivery)",
  percent,
});
const SEA_FREIGHT = (from: string, percent: number): Share => ({
  kind: "TRANSPORT",
  recipient: `Elbkai Logistics (sea freight from ${from}, customs)`,
  percent,
});

const share = (kind: PriceComponentKind, recipient: string, percent: number): Share => ({ kind, recipient, percent });
const profile = (...shares: Share[]) => [...shares, SOLIDARITY, PLATFORM];

const PROFILES = {
  sierraVerdeCoffee: profile(
    share("PRODUCER", "Sierra Verde member families", 48),
    share("PROCESSING", "Sierra Verde wet mill and export preparation", 5),
    share("PROCESSING", "Lindenau Roasters Collective (roasting and packing)", 14),
    SEA_FREIGHT("Callao", 7),
    FAIRWAY_SHARE(18),
  ),
  sierraVerdeGeisha: profile(
    share("PRODUCER", "Three Tabaconas member families (separately agreed price)", 55),
    share("OTHER", "Sierra Verde seedling nursery for all members (share of the premium)", 3),
    share("PROCESSING", "Sierra Verde wet mill and export preparation", 4),
    SEA_FREIGHT("Callao", 5),
    FAIRWAY_SHARE(25),
  ),
  sierraVerdePantry: profile(
    share("PRODUCER", "Sierra Verde member families", 52),
    share("PROCESSING", "Sierra Verde drying, cleaning and packing", 12),
    SEA_FREIGHT("Callao", 9),
    FAIRWAY_SHARE(19),
  ),
  kwahuChocolate: profile(
    share("PRODUCER", "Kwahu Ridge cocoa farmers", 40),
    share("PROCESSING", "Kwahu chocolate workshop, Nkawkaw (wages, sugar, packaging)", 24),
    SEA_FREIGHT("Tema", 8),
    FAIRWAY_SHARE(20),
  ),
  kwahuCashews: profile(
    share("PRODUCER", "Wenchi cashew growers' society", 42),
    share("PROCESSING", "Wenchi shelling group and roasting", 18),
    SEA_FREIGHT("Tema", 9),
    FAIRWAY_SHARE(23),
  ),
  thenmalaiTea: profile(
    share("PRODUCER", "Thenmalai members (green leaf and year-end bonus)", 48),
    share("PROCESSING", "Thenmalai factory (withering, rolling, packing)", 14),
    SEA_FREIGHT("Kochi", 9),
    FAIRWAY_SHARE(21),
  ),
  thenmalaiChai: profile(
    share("PRODUCER", "Thenmalai members (tea, cardamom and cloves)", 40),
    share("PRODUCER", "Kerala spice farmers' group (ginger and cinnamon)", 6),
    share("PROCESSING", "Thenmalai factory (grinding and blending)", 13),
    SEA_FREIGHT("Kochi", 9),
    FAIRWAY_SHARE(24),
  ),
  thenmalaiSpices: profile(
    share("PRODUCER", "Thenmalai members", 52),
    share("PROCESSING", "Thenmalai curing, sorting and jarring", 10),
    SEA_FREIGHT("Kochi", 9),
    FAIRWAY_SHARE(21),
  ),
  cerroAltoOil: profile(
    share("PRODUCER", "Olive growers supplying the mill", 40),
    share("PROCESSING", "Cerro Alto worker-members (milling and bottling)", 19),
    share("TRANSPORT", "Road freight from Olvera to Bristol", 7),
    FAIRWAY_SHARE(26),
  ),
  cerroAltoVinegar: profile(
    share("PRODUCER", "Family bodega in Jerez (aged vinegar)", 38),
    share("PROCESSING", "Cerro Alto bottling team", 16),
    share("TRANSPORT", "Road freight from Olvera to Bristol", 8),
    FAIRWAY_SHARE(30),
  ),
  cerroAltoAlmonds: profile(
    share("PRODUCER", "Almond growers around Olvera", 45),
    share("PROCESSING", "Cerro Alto worker-members (shelling, roasting, packing)", 15),
    share("TRANSPORT", "Road freight from Olvera to Bristol", 7),
    FAIRWAY_SHARE(25),
  ),
  cerroAltoOlives: profile(
    share("PRODUCER", "Olive growers supplying the mill", 40),
    share("PROCESSING", "Cerro Alto worker-members (curing and jarring)", 20),
    share("TRANSPORT", "Road freight from Olvera to Bristol", 8),
    FAIRWAY_SHARE(24),
  ),
  nyambeneHoney: profile(
    share("PRODUCER", "Nyambene beekeepers (including the second payment)", 50),
    share("PROCESSING", "Nyambene honey house (extraction and jarring)", 10),
    SEA_FREIGHT("Mombasa", 10),
    FAIRWAY_SHARE(22),
  ),
  nyambeneNuts: profile(
    share("PRODUCER", "Nyambene macadamia growers", 46),
    share("PROCESSING", "Maua processing shed (cracking, grading, roasting)", 14),
    SEA_FREIGHT("Mombasa", 10),
    FAIRWAY_SHARE(22),
  ),
  munRiverRice: profile(
    share("PRODUCER", "Mun River member families", 44),
    share("PROCESSING", "Mun River mill (husking, polishing, packing)", 12),
    SEA_FREIGHT("Laem Chabang", 12),
    FAIRWAY_SHARE(24),
  ),
  munRiverFlour: profile(
    share("PRODUCER", "Mun River member families", 40),
    share("PROCESSING", "Mun River mill (soaking, stone-grinding, drying)", 16),
    SEA_FREIGHT("Laem Chabang", 12),
    FAIRWAY_SHARE(24),
  ),
  munRiverSugar: profile(
    share("PRODUCER", "Amphawa coconut tappers' co-operative", 47),
    share("PROCESSING", "Mun River packing and export paperwork", 6),
    SEA_FREIGHT("Laem Chabang", 12),
    FAIRWAY_SHARE(27),
  ),
  lindenauCoffee: profile(
    share("PRODUCER", "Sierra Verde member families (green coffee)", 36),
    share("PROCESSING", "Lindenau Roasters Collective (roasting, packing, equal hourly pay)", 33),
    SEA_FREIGHT("Callao", 5),
    share("DISTRIBUTOR", "Elbkai Logistics (storage and delivery to buying groups)", 18),
  ),
  lindenauDecaf: profile(
    share("PRODUCER", "Sierra Verde member families (green coffee, same price as regular lots)", 35),
    share("PROCESSING", "Decaffeination plant (contract, carbon dioxide method)", 7),
    share("PROCESSING", "Lindenau Roasters Collective (roasting, packing, equal hourly pay)", 28),
    SEA_FREIGHT("Callao", 5),
    share("DISTRIBUTOR", "Elbkai Logistics (storage and delivery to buying groups)", 17),
  ),
  zlotyKlosGrain: profile(
    share("PRODUCER", "Złoty Kłos farming members (price agreed before sowing)", 52),
    share("PROCESSING", "Złoty Kłos mill (hulling, milling, packing)", 16),
    share("TRANSPORT", "Road freight from Zamość", 8),
    share("DISTRIBUTOR", "Elbkai Logistics (consolidation and delivery)", 16),
  ),
  zlotyKlosFlakes: profile(
    share("PRODUCER", "Złoty Kłos farming members (price agreed before sowing)", 48),
    share("PROCESSING", "Złoty Kłos mill (hulling, steaming, flaking, packing)", 20),
    share("TRANSPORT", "Road freight from Zamość", 8),
    share("DISTRIBUTOR", "Elbkai Logistics (consolidation and delivery)", 16),
  ),
} satisfies Record<string, Share[]>;

type ProfileName = keyof typeof PROFILES;

const ORGANIZATION_PROFILES: Record<string, ProfileName> = {
  "sierra-verde-coffee": "sierraVerdePantry",
  "kwahu-cocoa-union": "kwahuChocolate",
  "thenmalai-tea-collective": "thenmalaiTea",
  "cerro-alto-olive": "cerroAltoOil",
  "nyambene-honey": "nyambeneHoney",
  "mun-river-rice": "munRiverRice",
  "lindenau-roasters": "lindenauCoffee",
  "zloty-klos-mill": "zlotyKlosGrain",
};

const PRODUCT_PROFILES: Record<string, ProfileName> = {
  "sierra-verde-caturra-bourbon-whole-bean": "sierraVerdeCoffee",
  "sierra-verde-ground-filter-coffee": "sierraVerdeCoffee",
  "sierra-verde-geisha-microlot": "sierraVerdeGeisha",
  "kwahu-roasted-cashews": "kwahuCashews",
  "thenmalai-masala-chai": "thenmalaiChai",
  "thenmalai-green-cardamom": "thenmalaiSpices",
  "thenmalai-black-peppercorns": "thenmalaiSpices",
  "thenmalai-whole-cloves": "thenmalaiSpices",
  "cerro-alto-sherry-vinegar": "cerroAltoVinegar",
  "cerro-alto-marcona-almonds": "cerroAltoAlmonds",
  "cerro-alto-manzanilla-olives": "cerroAltoOlives",
  "nyambene-raw-macadamias": "nyambeneNuts",
  "nyambene-roasted-salted-macadamias": "nyambeneNuts",
  "mun-river-coconut-sugar": "munRiverSugar",
  "mun-river-jasmine-rice-flour": "munRiverFlour",
  "lindenau-decaf": "lindenauDecaf",
  "zloty-klos-oat-flakes": "zlotyKlosFlakes",
};

/** Integer cents per share, in order; the last share takes the remainder, so the amounts sum to the retail price. */
export function splitPrice(shares: readonly Share[], retailPriceCents: number) {
  const total = shares.reduce((sum, { percent }) => sum + percent, 0);
  if (Math.abs(total - 100) > 1e-9) throw new Error(`Price shares must add up to 100%, got ${total}%`);
  const amounts = shares.slice(0, -1).map(({ percent }) => Math.round((retailPriceCents * percent) / 100));
  const rest = retailPriceCents - amounts.reduce((sum, amount) => sum + amount, 0);
  if (rest <= 0) throw new Error(`The last price share of ${retailPriceCents} cents would be ${rest} cents`);
  return shares.map((entry, position) => ({
    kind: entry.kind,
    recipient: entry.recipient,
    amountCents: position < amounts.length ? amounts[position] : rest,
    position,
  }));
}

// ---------------------------------------------------------------------------
// Volume price breaks (unit prices strictly below retail, falling as the quantity grows)
// ---------------------------------------------------------------------------

export const priceBreaks: Record<string, { minQuantity: number; unitPriceCents: number }[]> = {
  "SVC-COF-WB-1000": [
    { minQuantity: 3, unitPriceCents: 3050 },
    { minQuantity: 6, unitPriceCents: 2950 },
  ],
  "LRC-ESP-1000": [
    { minQuantity: 2, unitPriceCents: 3090 },
    { minQuantity: 4, unitPriceCents: 2990 },
  ],
  "MRR-JAS-5000": [
    { minQuantity: 2, unitPriceCents: 2090 },
    { minQuantity: 4, unitPriceCents: 2020 },
  ],
  "CAO-EVO-5000": [{ minQuantity: 2, unitPriceCents: 5250 }],
  "NWH-ACA-1000": [
    { minQuantity: 3, unitPriceCents: 1820 },
    { minQuantity: 6, unitPriceCents: 1750 },
  ],
  "ZKM-OAT-1000": [
    { minQuantity: 4, unitPriceCents: 430 },
    { minQuantity: 8, unitPriceCents: 410 },
  ],
};

// ---------------------------------------------------------------------------
// Seeding
// ---------------------------------------------------------------------------

export interface ProvenanceSeedIds {
  /** organisation slug → id */
  organizations: ReadonlyMap<string, string>;
  /** product slug → id */
  products: ReadonlyMap<string, string>;
  /** variant SKU → id and retail price */
  variants: ReadonlyMap<string, { id: string; retailPriceCents: number }>;
  /** the platform admin who reviewed the demo certifications */
  adminUserId: string;
}

const startOfDay = (date: string) => new Date(`${date}T00:00:00.000Z`);
/** validTo is the last valid instant, so a certificate "valid to 30 June" lasts until the end of that day. */
const endOfDay = (date: string) => new Date(`${date}T23:59:59.999Z`);
const reviewTime = (date: string) => new Date(`${date}T10:00:00.000Z`);

function need<T>(map: ReadonlyMap<string, T>, key: string, what: string): T {
  const value = map.get(key);
  if (value === undefined) throw new Error(`Seed data refers to an unknown ${what}: ${key}`);
  return value;
}

/** Creates labels, certifications, provenance chains, price breakdowns and price breaks. Returns what it created. */
export async function seedProvenance(tx: Prisma.TransactionClient, ids: ProvenanceSeedIds) {
  const labelIds = new Map<string, string>();
  for (const label of labels) {
    const row = await tx.label.create({ data: { ...label, website: label.website ?? null } });
    labelIds.set(label.slug, row.id);
  }

  for (const certification of certifications) {
    const reviewed = certification.status !== "PENDING";
    if (reviewed !== Boolean(certification.reviewedOn)) {
      throw new Error(`Certification ${certification.label} of ${certification.organization}: only PENDING claims lack a review`);
    }
    await tx.certification.create({
      data: {
        labelId: need(labelIds, certification.label, "label"),
        organizationId: need(ids.organizations, certification.organization, "organisation"),
        productId: certification.product ? need(ids.products, certification.product, "product") : null,
        certificateNumber: certification.certificateNumber ?? null,
        certifier: certification.certifier,
        validFrom: startOfDay(certification.validFrom),
        validTo: certification.validTo ? endOfDay(certification.validTo) : null,
        status: certification.status,
        reviewedById: reviewed ? ids.adminUserId : null,
        reviewedAt: certification.reviewedOn ? reviewTime(certification.reviewedOn) : null,
        reviewNote: certification.reviewNote ?? null,
      },
    });
  }

  let provenanceSteps = 0;
  for (const [productSlug, steps] of Object.entries(provenance)) {
    const productId = need(ids.products, productSlug, "product");
    await tx.provenanceStep.createMany({
      data: steps.map((step, position) => ({
        productId,
        position,
        kind: step.kind,
        organizationId: "organization" in step.by ? need(ids.organizations, step.by.organization, "organisation") : null,
        actorName: "actor" in step.by ? step.by.actor : null,
        place: step.place,
        country: step.country,
        occurredOn: startOfDay(step.on),
        description: step.description ?? null,
        lotCode: step.lotCode ?? null,
      })),
    });
    provenanceSteps += steps.length;
  }

  let priceComponents = 0;
  for (const product of products) {
    const profileName = PRODUCT_PROFILES[product.slug] ?? ORGANIZATION_PROFILES[product.organizationSlug];
    if (!profileName) throw new Error(`No price breakdown profile for ${product.slug}`);
    for (const { sku } of product.variants) {
      const variant = need(ids.variants, sku, "variant");
      const components = splitPrice(PROFILES[profileName], variant.retailPriceCents);
      await tx.priceComponent.createMany({ data: components.map((component) => ({ ...component, variantId: variant.id })) });
      priceComponents += components.length;
    }
  }

  let priceBreakCount = 0;
  for (const [sku, breaks] of Object.entries(priceBreaks)) {
    const variant = need(ids.variants, sku, "variant");
    let previous = variant.retailPriceCents;
    for (const tier of breaks) {
      if (tier.minQuantity < 2 || tier.unitPriceCents >= previous) {
        throw new Error(`Price breaks for ${sku} must start at 2 units and fall below retail as quantities grow`);
      }
      previous = tier.unitPriceCents;
    }
    await tx.priceBreak.createMany({ data: breaks.map((tier) => ({ ...tier, variantId: variant.id })) });
    priceBreakCount += breaks.length;
  }

  return {
    labels: labels.length,
    certifications: certifications.length,
    provenanceChains: Object.keys(provenance).length,
    provenanceSteps,
    priceComponents,
    priceBreaks: priceBreakCount,
  };
}
