// Demo data for the solidarity-economy marketplace.
// Every organisation, person and product below is fictional. Nothing here should
// be read as a claim about a real co-operative, company or certification body.

export type OrganizationKind = "PRODUCER" | "SUPPLIER" | "DISTRIBUTOR" | "BUYING_COOP";
export type LegalForm =
  | "WORKER_COOP"
  | "PRODUCER_COOP"
  | "CONSUMER_COOP"
  | "MULTI_STAKEHOLDER_COOP"
  | "SOCIAL_ENTERPRISE";
export type Role = "OWNER" | "ADMIN" | "MEMBER";

export interface SeedOrganization {
  slug: string; // lowercase-kebab, unique
  name: string;
  kind: OrganizationKind;
  legalForm: LegalForm;
  country: string; // ISO 3166-1 alpha-2, upper case
  region: string;
  story: string;
  website?: string;
  memberCount: number;
  verified: boolean;
}

export interface SeedUser {
  email: string;
  name: string;
  isPlatformAdmin?: boolean;
  memberships: { organizationSlug: string; role: Role }[];
}

export interface SeedCategory {
  slug: string;
  name: string;
}

export interface SeedVariant {
  sku: string; // unique across the whole file
  unitLabel: string; // what one unit is
  caseSize: number; // units per case
  retailPriceCents: number; // euro cents per unit
  wholesaleCasePriceCents: number; // cents for a whole case, 70-85% of caseSize x retail
  stock: number; // units in stock
  minOrderUnits?: number;
}

export interface SeedProduct {
  slug: string;
  title: string;
  summary: string;
  description: string;
  organizationSlug: string; // a PRODUCER or SUPPLIER organisation
  categorySlug: string;
  originCountry: string;
  originRegion: string;
  originPlace?: string;
  featured?: boolean;
  variants: SeedVariant[];
}

// ---------------------------------------------------------------------------
// Organisations
// ---------------------------------------------------------------------------

export const organizations: SeedOrganization[] = [
  {
    slug: "sierra-verde-coffee",
    name: "Sierra Verde Coffee Cooperative",
    kind: "PRODUCER",
    legalForm: "PRODUCER_COOP",
    country: "PE",
    region: "Cajamarca",
    story:
      "Founded in 2004 by 38 smallholder families in San Ignacio province, Sierra Verde now has 214 member farms growing Caturra, Bourbon and Typica between 1,500 and 2,000 metres. Members built a shared wet mill and drying beds in 2011, so cherries are processed the same day they are picked. Since the co-operative began selling directly to roasters under a fixed floor price, members have replanted ageing plots and pay pickers on a daily wage rather than by the tin.",
    website: "https://sierraverde.example.org",
    memberCount: 214,
    verified: true,
  },
  {
    slug: "kwahu-cocoa-union",
    name: "Kwahu Ridge Cocoa Farmers' Union",
    kind: "PRODUCER",
    legalForm: "PRODUCER_COOP",
    country: "GH",
    region: "Eastern Region",
    story:
      "The union was formed in 1998 when 12 village societies on the Kwahu plateau pooled their beans to negotiate with buyers together. It now represents 1,380 farmers, about 40 per cent of them women, on family plots of two to four hectares. In 2016 the union opened a small chocolate workshop in Nkawkaw, so part of the harvest leaves Ghana as finished bars and the value added stays in the district.",
    website: "https://kwahuridge.example.org",
    memberCount: 1380,
    verified: true,
  },
  {
    slug: "thenmalai-tea-collective",
    name: "Thenmalai Women's Tea Collective",
    kind: "PRODUCER",
    legalForm: "PRODUCER_COOP",
    country: "IN",
    region: "Tamil Nadu",
    story:
      "Thenmalai started in 2009 as a savings group of 22 women who picked leaf for neighbouring estates near Kotagiri in the Nilgiris. Today 310 members tend their own small gardens at around 1,800 metres and run a shared orthodox factory that the collective bought and refitted in 2015. Selling made tea rather than green leaf roughly doubled what members earn per kilo, and the collective now also dries and packs spices grown alongside the tea.",
    website: "https://thenmalai.example.org",
    memberCount: 310,
    verified: true,
  },
  {
    slug: "cerro-alto-olive",
    name: "Cerro Alto Olive Workers' Co-operative",
    kind: "PRODUCER",
    legalForm: "WORKER_COOP",
    country: "ES",
    region: "Andalucía",
    story:
      "Cerro Alto was set up in 2013 by 17 workers who took over an olive mill in the Sierra de Cádiz after its owner closed it. The co-operative now has 46 worker-members and presses fruit from 380 hectares of mostly rain-fed groves, much of it Hojiblanca and Lechín. Longer contracts with buyers abroad let the co-operative hire seasonal pickers on fixed terms and keep the mill open for small growers who used to sell their olives at the roadside.",
    website: "https://cerroalto.example.org",
    memberCount: 46,
    verified: true,
  },
  {
    slug: "nyambene-honey",
    name: "Nyambene Women's Honey Co-operative",
    kind: "PRODUCER",
    legalForm: "PRODUCER_COOP",
    country: "KE",
    region: "Meru",
    story:
      "Nyambene grew out of a 2012 women's group of 30 beekeepers in Igembe who wanted a shared place to extract and store honey. It now has 265 members keeping around 2,400 top-bar and log hives in the acacia bushland below the Nyambene Hills, and several members also grow macadamia on their highland plots. Collective selling replaced middlemen who paid by the bucket, and members now receive a second payment once each season's sales are settled.",
    website: "https://nyambene.example.org",
    memberCount: 265,
    verified: true,
  },
  {
    slug: "mun-river-rice",
    name: "Mun River Jasmine Rice Co-operative",
    kind: "PRODUCER",
    legalForm: "PRODUCER_COOP",
    country: "TH",
    region: "Surin",
    story:
      "The co-operative was founded in 2001 by 64 rice-farming households on the edge of the Thung Kula Ronghai plain. It now has 520 member families growing Hom Mali jasmine rice and several pigmented varieties on rain-fed paddies, and runs its own mill so that rice is husked and polished to order. A fixed premium paid before planting means members no longer have to borrow from traders at the start of the season.",
    website: "https://munriver.example.org",
    memberCount: 520,
    verified: true,
  },
  {
    slug: "lindenau-roasters",
    name: "Lindenau Roasters Collective",
    kind: "SUPPLIER",
    legalForm: "WORKER_COOP",
    country: "DE",
    region: "Saxony",
    story:
      "Lindenau Roasters is a worker-owned roastery in a former tram depot in Leipzig, set up in 2014 by five baristas. Its 14 worker-members roast around 60 tonnes a year, almost all of it green coffee bought directly from Sierra Verde under a three-year contract. Everyone in the collective is paid the same hourly rate, and the price paid to growers is printed on every bag.",
    website: "https://lindenau.example.org",
    memberCount: 14,
    verified: true,
  },
  {
    slug: "zloty-klos-mill",
    name: "Złoty Kłos Mill Co-operative",
    kind: "SUPPLIER",
    legalForm: "PRODUCER_COOP",
    country: "PL",
    region: "Lubelskie",
    story:
      "Złoty Kłos was founded in 2018 by 23 grain farmers near Zamość who restored a pre-war stone mill rather than keep selling to the local elevator. It now has 41 farming members who grow rye, oats, spelt, buckwheat and millet in rotation, and mills and flakes to order. Members agree a price per tonne before sowing, which has made it possible for several younger farmers to stay on the land.",
    website: "https://zlotyklos.example.org",
    memberCount: 41,
    verified: false,
  },
  {
    slug: "fairway-food-hub",
    name: "Fairway Food Hub",
    kind: "DISTRIBUTOR",
    legalForm: "MULTI_STAKEHOLDER_COOP",
    country: "GB",
    region: "Bristol",
    story:
      "Fairway is a multi-stakeholder food hub opened in 2017 in a warehouse in St Philip's, Bristol. Its 182 members include warehouse workers, producer co-operatives and around 90 buying groups and shops, each with a seat on the board. The hub breaks down pallets from overseas producers into mixed cases and runs two electric vans on weekly routes across the South West and South Wales.",
    website: "https://fairwayhub.example.org",
    memberCount: 182,
    verified: true,
  },
  {
    slug: "elbkai-logistics",
    name: "Elbkai Logistics Co-operative",
    kind: "DISTRIBUTOR",
    legalForm: "WORKER_COOP",
    country: "DE",
    region: "Hamburg",
    story:
      "Elbkai was founded in 2010 by nine drivers and warehouse staff who left a large freight firm to work on their own terms. The co-operative now has 37 worker-members and handles container imports, customs clearance and bonded storage for fair-trade importers and producer groups. It consolidates small shipments from co-operatives into shared containers, which brings freight costs within reach of groups selling a few pallets a year.",
    website: "https://elbkai.example.org",
    memberCount: 37,
    verified: true,
  },
  {
    slug: "northside-food-coop",
    name: "Northside Food Co-op",
    kind: "BUYING_COOP",
    legalForm: "CONSUMER_COOP",
    country: "GB",
    region: "Greater Manchester",
    story:
      "Northside began in 2008 as a monthly bulk-buying club in a church hall in Levenshulme. It now runs a shop and a weekly order scheme for 1,150 household members, who each give three hours a month or pay a slightly higher mark-up. Members vote each spring on which suppliers to buy from, and most dry goods now come directly from producer co-operatives.",
    website: "https://northside.example.org",
    memberCount: 1150,
    verified: true,
  },
  {
    slug: "kiezkorb-berlin",
    name: "Kiezkorb Buying Group",
    kind: "BUYING_COOP",
    legalForm: "CONSUMER_COOP",
    country: "DE",
    region: "Berlin",
    story:
      "Kiezkorb is a buying group of 240 households in Neukölln, founded in 2015 by neighbours who wanted to order coffee and oil directly from growers. Orders are collected every four weeks and packed by volunteers in a rented basement. The group pays producers on order rather than on delivery, which helps co-operatives cover harvest costs.",
    website: "https://kiezkorb.example.org",
    memberCount: 240,
    verified: true,
  },
  {
    slug: "voisins-du-plateau",
    name: "Coopérative Les Voisins du Plateau",
    kind: "BUYING_COOP",
    legalForm: "CONSUMER_COOP",
    country: "CA",
    region: "Québec",
    story:
      "Les Voisins du Plateau is a consumer co-operative founded in 2021 by 60 households in Montréal's Plateau-Mont-Royal. It now has 410 members and runs a small grocery counter with a members' pick-up day each Saturday. The co-operative joined the marketplace in its first season of direct imports and is still completing verification.",
    website: "https://voisinsduplateau.example.org",
    memberCount: 410,
    verified: false,
  },
];

// ---------------------------------------------------------------------------
// Users (all share one demo password, set by the seed script)
// ---------------------------------------------------------------------------

export const users: SeedUser[] = [
  {
    email: "admin@marketplace.demo",
    name: "Platform Admin",
    isPlatformAdmin: true,
    memberships: [],
  },
  {
    email: "lucia@sierraverde.demo",
    name: "Lucía Huamán",
    memberships: [{ organizationSlug: "sierra-verde-coffee", role: "OWNER" }],
  },
  {
    email: "mateo@sierraverde.demo",
    name: "Mateo Quispe",
    memberships: [{ organizationSlug: "sierra-verde-coffee", role: "MEMBER" }],
  },
  {
    email: "sam@fairwayhub.demo",
    name: "Sam Okafor",
    memberships: [{ organizationSlug: "fairway-food-hub", role: "OWNER" }],
  },
  {
    email: "priya@northside.demo",
    name: "Priya Raman",
    memberships: [
      { organizationSlug: "northside-food-coop", role: "OWNER" },
      { organizationSlug: "kiezkorb-berlin", role: "MEMBER" },
    ],
  },
  {
    email: "jo@northside.demo",
    name: "Jo Whitfield",
    memberships: [{ organizationSlug: "northside-food-coop", role: "ADMIN" }],
  },
  {
    email: "alex@northside.demo",
    name: "Alex Byrne",
    memberships: [{ organizationSlug: "northside-food-coop", role: "MEMBER" }],
  },
  {
    email: "casey@shopper.demo",
    name: "Casey Morgan",
    memberships: [],
  },
  {
    email: "ama@kwahuridge.demo",
    name: "Ama Boateng",
    memberships: [{ organizationSlug: "kwahu-cocoa-union", role: "OWNER" }],
  },
  {
    email: "kavitha@thenmalai.demo",
    name: "Kavitha Murugan",
    memberships: [{ organizationSlug: "thenmalai-tea-collective", role: "OWNER" }],
  },
  {
    email: "carmen@cerroalto.demo",
    name: "Carmen Ruiz Ortega",
    memberships: [{ organizationSlug: "cerro-alto-olive", role: "OWNER" }],
  },
  {
    email: "kendi@nyambene.demo",
    name: "Kendi Mwiti",
    memberships: [{ organizationSlug: "nyambene-honey", role: "OWNER" }],
  },
  {
    email: "malee@munriver.demo",
    name: "Malee Srisuk",
    memberships: [{ organizationSlug: "mun-river-rice", role: "OWNER" }],
  },
  {
    email: "jonas@lindenau.demo",
    name: "Jonas Weber",
    memberships: [{ organizationSlug: "lindenau-roasters", role: "OWNER" }],
  },
  {
    email: "agnieszka@zlotyklos.demo",
    name: "Agnieszka Nowak",
    memberships: [{ organizationSlug: "zloty-klos-mill", role: "OWNER" }],
  },
  {
    email: "deniz@elbkai.demo",
    name: "Deniz Aydın",
    memberships: [{ organizationSlug: "elbkai-logistics", role: "OWNER" }],
  },
  {
    email: "lena@kiezkorb.demo",
    name: "Lena Hoffmann",
    memberships: [{ organizationSlug: "kiezkorb-berlin", role: "OWNER" }],
  },
  {
    email: "genevieve@voisinsduplateau.demo",
    name: "Geneviève Tremblay",
    memberships: [{ organizationSlug: "voisins-du-plateau", role: "OWNER" }],
  },
];

// ---------------------------------------------------------------------------
// Categories
// ---------------------------------------------------------------------------

export const categories: SeedCategory[] = [
  { slug: "coffee", name: "Coffee" },
  { slug: "tea", name: "Tea" },
  { slug: "cocoa-chocolate", name: "Cocoa & Chocolate" },
  { slug: "oils-vinegars", name: "Oils & Vinegars" },
  { slug: "honey-sweeteners", name: "Honey & Sweeteners" },
  { slug: "grains-rice", name: "Grains & Rice" },
  { slug: "flour-baking", name: "Flour & Baking" },
  { slug: "nuts-dried-fruit", name: "Nuts & Dried Fruit" },
  { slug: "spices", name: "Spices" },
  { slug: "pantry", name: "Pantry" },
];

// ---------------------------------------------------------------------------
// Products
// ---------------------------------------------------------------------------

export const products: SeedProduct[] = [
  // --- Sierra Verde Coffee Cooperative (Peru) -------------------------------
  {
    slug: "sierra-verde-caturra-bourbon-whole-bean",
    title: "Sierra Verde Caturra & Bourbon, Whole Bean",
    summary: "A washed Caturra and Bourbon coffee from smallholder farms at 1,600 to 1,900 metres in San Ignacio.",
    description:
      "This is the co-operative's main lot: Caturra and Red Bourbon picked ripe by member families, pulped the same afternoon at the shared wet mill and fermented for around 36 hours before washing. The parchment is dried slowly on raised beds for two to three weeks.\n\nExpect milk chocolate, red apple and a little panela sweetness, with a rounded, medium body. It works as filter coffee and as a gentle espresso.\n\nThe lot is roasted to a medium profile for the marketplace by a partner roastery and shipped within a week of roasting. Every member farm contributing to the lot is paid the same floor price per kilo of parchment.",
    organizationSlug: "sierra-verde-coffee",
    categorySlug: "coffee",
    originCountry: "PE",
    originRegion: "Cajamarca",
    originPlace: "San Ignacio province",
    featured: true,
    variants: [
      {
        sku: "SVC-COF-WB-250",
        unitLabel: "250 g bag",
        caseSize: 12,
        retailPriceCents: 895,
        wholesaleCasePriceCents: 8375,
        stock: 640,
      },
      {
        sku: "SVC-COF-WB-1000",
        unitLabel: "1 kg bag",
        caseSize: 6,
        retailPriceCents: 3150,
        wholesaleCasePriceCents: 14365,
        stock: 180,
      },
    ],
  },
  {
    slug: "sierra-verde-ground-filter-coffee",
    title: "Sierra Verde Filter Coffee, Ground",
    summary: "The co-operative's washed house lot, ground medium for filter, cafetière and drip machines.",
    description:
      "The same Caturra and Bourbon blend as the whole-bean lot, ground to a medium setting that suits pour-over, batch brewers and cafetières.\n\nIn the cup it is soft and sweet, with cocoa, brown sugar and a light citrus finish. Ground coffee loses aroma faster than whole bean, so the bags are valved and dated, and we suggest using them within six weeks of opening.\n\nLots are assembled at the co-operative's warehouse in San Ignacio, where every sack is cupped and graded before export.",
    organizationSlug: "sierra-verde-coffee",
    categorySlug: "coffee",
    originCountry: "PE",
    originRegion: "Cajamarca",
    originPlace: "San Ignacio province",
    variants: [
      {
        sku: "SVC-COF-GR-250",
        unitLabel: "250 g bag",
        caseSize: 12,
        retailPriceCents: 845,
        wholesaleCasePriceCents: 8110,
        stock: 420,
      },
    ],
  },
  {
    slug: "sierra-verde-geisha-microlot",
    title: "Sierra Verde Geisha Microlot",
    summary: "A small washed Geisha lot from three member farms above 1,900 metres near Tabaconas.",
    description:
      "Geisha was planted by three member families in 2017 as an experiment, on steep plots near the Tabaconas-Namballe forest reserve. Yields are low, so the whole harvest comes to a few hundred kilos a year.\n\nThe coffee is washed and dried under shade netting to slow it down. It tastes of jasmine, bergamot and white peach, with a light, tea-like body.\n\nThe co-operative agreed a separate price for this lot with the three families, and a share of the premium goes into the seedling nursery that all members use.",
    organizationSlug: "sierra-verde-coffee",
    categorySlug: "coffee",
    originCountry: "PE",
    originRegion: "Cajamarca",
    originPlace: "Tabaconas",
    variants: [
      {
        sku: "SVC-GEI-250",
        unitLabel: "250 g bag",
        caseSize: 6,
        retailPriceCents: 1150,
        wholesaleCasePriceCents: 5315,
        stock: 0,
        minOrderUnits: 2,
      },
    ],
  },
  {
    slug: "sierra-verde-cacao-nibs",
    title: "Roasted Cacao Nibs",
    summary: "Lightly roasted, crushed cacao beans from members who grow cacao in the lower valleys.",
    description:
      "Some Sierra Verde members farm land below 1,200 metres in the Chinchipe valley, where coffee does poorly and cacao does well. Their beans are fermented for six days in wooden boxes and sun-dried at the co-operative's lower collection centre.\n\nThe beans are roasted gently, winnowed and cracked into nibs. They are crunchy and bitter, with notes of roasted nuts and dried fruit, and work well on porridge, in granola or in baking.\n\nCacao gives members a second harvest at a different time of year from coffee, which spreads their income more evenly.",
    organizationSlug: "sierra-verde-coffee",
    categorySlug: "cocoa-chocolate",
    originCountry: "PE",
    originRegion: "Cajamarca",
    originPlace: "Chinchipe valley",
    variants: [
      {
        sku: "SVC-NIB-200",
        unitLabel: "200 g pouch",
        caseSize: 12,
        retailPriceCents: 590,
        wholesaleCasePriceCents: 5595,
        stock: 260,
      },
    ],
  },
  {
    slug: "sierra-verde-white-quinoa",
    title: "Andean White Quinoa",
    summary: "Washed white quinoa grown in rotation with potatoes by highland members.",
    description:
      "Members farming above 2,600 metres near Cajamarca city grow quinoa in rotation with potatoes and broad beans. The grain is threshed by hand, then washed and dried at the co-operative to remove the bitter saponin coating.\n\nIt cooks in about 15 minutes and has a mild, nutty flavour. Rinse briefly before cooking.\n\nQuinoa was added to the co-operative's range in 2019 so that highland families without coffee land could also sell through Sierra Verde.",
    organizationSlug: "sierra-verde-coffee",
    categorySlug: "grains-rice",
    originCountry: "PE",
    originRegion: "Cajamarca",
    originPlace: "Baños del Inca district",
    variants: [
      {
        sku: "SVC-QUI-500",
        unitLabel: "500 g bag",
        caseSize: 12,
        retailPriceCents: 495,
        wholesaleCasePriceCents: 4455,
        stock: 380,
      },
      {
        sku: "SVC-QUI-1000",
        unitLabel: "1 kg bag",
        caseSize: 6,
        retailPriceCents: 890,
        wholesaleCasePriceCents: 4165,
        stock: 150,
      },
    ],
  },
  {
    slug: "sierra-verde-dried-golden-berries",
    title: "Dried Golden Berries (Aguaymanto)",
    summary: "Sun-dried aguaymanto, the tart golden berry that grows wild along field edges in Cajamarca.",
    description:
      "Aguaymanto grows along field borders and coffee terraces across the region. Members pick the ripe berries from their papery husks and dry them on covered racks for around ten days, with no added sugar or oil.\n\nThey are chewy, tart and sweet, somewhere between a raisin and a sour cherry. Good on their own, in muesli or in fruit cake.\n\nThe drying racks were built by the co-operative's women's committee, which manages this product line and its income.",
    organizationSlug: "sierra-verde-coffee",
    categorySlug: "nuts-dried-fruit",
    originCountry: "PE",
    originRegion: "Cajamarca",
    originPlace: "San Ignacio province",
    variants: [
      {
        sku: "SVC-AGU-150",
        unitLabel: "150 g pouch",
        caseSize: 12,
        retailPriceCents: 450,
        wholesaleCasePriceCents: 4105,
        stock: 210,
      },
    ],
  },

  // --- Kwahu Ridge Cocoa Farmers' Union (Ghana) -----------------------------
  {
    slug: "kwahu-70-dark-chocolate",
    title: "70% Dark Chocolate",
    summary: "A 70% dark chocolate bar made at the union's own workshop in Nkawkaw from members' cocoa.",
    description:
      "Made from a blend of Amelonado and mixed-hybrid cocoa grown on members' farms on the Kwahu plateau. The beans are heap-fermented under plantain leaves for six days and sun-dried on raised mats before roasting.\n\nThe bar has a red-fruit and roasted-nut flavour with a gentle bitterness. Ingredients are cocoa beans, cane sugar and cocoa butter, nothing else.\n\nThe workshop employs 28 people from member families. Making bars in Ghana means the union earns several times more per tonne than it would by selling raw beans.",
    organizationSlug: "kwahu-cocoa-union",
    categorySlug: "cocoa-chocolate",
    originCountry: "GH",
    originRegion: "Eastern Region",
    originPlace: "Nkawkaw",
    featured: true,
    variants: [
      {
        sku: "KCU-D70-100",
        unitLabel: "100 g bar",
        caseSize: 20,
        retailPriceCents: 395,
        wholesaleCasePriceCents: 6320,
        stock: 900,
      },
    ],
  },
  {
    slug: "kwahu-85-dark-chocolate",
    title: "85% Dark Chocolate",
    summary: "An intense, low-sugar dark bar from the same plateau cocoa.",
    description:
      "The same members' cocoa as the 70% bar, conched for longer with less sugar. It is dense and dry, with notes of coffee, tobacco and dark plum.\n\nIngredients are cocoa beans, cocoa butter and cane sugar. Best eaten in small pieces or grated over desserts.\n\nThe workshop produces bars in batches of around 400 kg, and each batch code can be traced back to the village societies that supplied the beans.",
    organizationSlug: "kwahu-cocoa-union",
    categorySlug: "cocoa-chocolate",
    originCountry: "GH",
    originRegion: "Eastern Region",
    originPlace: "Nkawkaw",
    variants: [
      {
        sku: "KCU-D85-100",
        unitLabel: "100 g bar",
        caseSize: 20,
        retailPriceCents: 420,
        wholesaleCasePriceCents: 6470,
        stock: 540,
      },
    ],
  },
  {
    slug: "kwahu-42-milk-chocolate",
    title: "42% Milk Chocolate",
    summary: "A creamy milk chocolate with a high cocoa content and a caramel finish.",
    description:
      "A milk chocolate with 42% cocoa solids, made with members' cocoa, cane sugar and whole milk powder. It is sweeter and softer than the dark bars, with caramel and malt notes.\n\nThe bars are moulded in Nkawkaw and wrapped by hand in recycled paper printed locally.\n\nSales of the milk bar pay for the union's extension officers, who visit member farms to help with pruning, shade trees and replanting.",
    organizationSlug: "kwahu-cocoa-union",
    categorySlug: "cocoa-chocolate",
    originCountry: "GH",
    originRegion: "Eastern Region",
    originPlace: "Nkawkaw",
    variants: [
      {
        sku: "KCU-M42-100",
        unitLabel: "100 g bar",
        caseSize: 20,
        retailPriceCents: 350,
        wholesaleCasePriceCents: 5530,
        stock: 720,
      },
    ],
  },
  {
    slug: "kwahu-cocoa-powder",
    title: "Unsweetened Cocoa Powder",
    summary: "Natural, non-alkalised cocoa powder for baking and hot drinks.",
    description:
      "Pressed from roasted cocoa liquor at the union's workshop, then milled and sieved. It is natural rather than Dutch-processed, so it is lighter in colour and more acidic, which suits recipes that use bicarbonate of soda.\n\nThe flavour is fruity and strongly chocolatey. Use it in brownies, cakes or whisked into hot milk.\n\nThe cocoa butter pressed out in the same process goes into the union's chocolate bars, so nothing from the bean is sold off cheaply.",
    organizationSlug: "kwahu-cocoa-union",
    categorySlug: "cocoa-chocolate",
    originCountry: "GH",
    originRegion: "Eastern Region",
    originPlace: "Nkawkaw",
    variants: [
      {
        sku: "KCU-COC-250",
        unitLabel: "250 g tin",
        caseSize: 12,
        retailPriceCents: 690,
        wholesaleCasePriceCents: 6210,
        stock: 330,
      },
    ],
  },
  {
    slug: "kwahu-drinking-chocolate",
    title: "Drinking Chocolate",
    summary: "Grated dark chocolate for making thick hot chocolate with milk or a plant drink.",
    description:
      "Rather than a sweetened powder, this is 60% dark chocolate grated into flakes. Whisk four heaped teaspoons into a mug of hot milk until it melts.\n\nIt is rich and slightly smoky, with less sugar than most drinking chocolate.\n\nThe flakes are made from bars that come out of the moulds with surface marks, so the workshop wastes less of its production.",
    organizationSlug: "kwahu-cocoa-union",
    categorySlug: "cocoa-chocolate",
    originCountry: "GH",
    originRegion: "Eastern Region",
    originPlace: "Nkawkaw",
    variants: [
      {
        sku: "KCU-DRK-300",
        unitLabel: "300 g pouch",
        caseSize: 12,
        retailPriceCents: 750,
        wholesaleCasePriceCents: 7020,
        stock: 190,
      },
    ],
  },
  {
    slug: "kwahu-roasted-cashews",
    title: "Roasted Cashew Nuts",
    summary: "Dry-roasted whole cashews from the union's sister society in the Bono Region.",
    description:
      "In 2019 the union took in a society of 85 cashew growers near Wenchi, who had been selling raw nuts to exporters at a fraction of their value. The nuts are now shelled, peeled and dry-roasted in Ghana.\n\nThey are whole, unsalted and roasted to a light golden colour, sweet and buttery.\n\nShelling is done by a group of 40 women in Wenchi, who are paid by the day rather than by the kilo.",
    organizationSlug: "kwahu-cocoa-union",
    categorySlug: "nuts-dried-fruit",
    originCountry: "GH",
    originRegion: "Bono Region",
    originPlace: "Wenchi",
    variants: [
      {
        sku: "KCU-CSH-200",
        unitLabel: "200 g pouch",
        caseSize: 12,
        retailPriceCents: 620,
        wholesaleCasePriceCents: 5655,
        stock: 280,
      },
    ],
  },

  // --- Thenmalai Women's Tea Collective (India) -----------------------------
  {
    slug: "thenmalai-nilgiri-black-tea",
    title: "Nilgiri Black Tea, Loose Leaf",
    summary: "An orthodox black tea from members' gardens at around 1,800 metres near Kotagiri.",
    description:
      "Leaf is plucked by hand as two leaves and a bud, withered overnight and rolled at the collective's orthodox factory. The result is a bright, brisk tea with notes of citrus peel and a clean, slightly floral finish.\n\nIt makes a good everyday cup with or without milk. Use one teaspoon per cup and brew for three to four minutes.\n\nThe collective pays members a fixed price for green leaf each week, and a bonus at the end of the year when the made tea has been sold.",
    organizationSlug: "thenmalai-tea-collective",
    categorySlug: "tea",
    originCountry: "IN",
    originRegion: "Tamil Nadu",
    originPlace: "Kotagiri, Nilgiris",
    featured: true,
    variants: [
      {
        sku: "TTC-BLK-100",
        unitLabel: "100 g pouch",
        caseSize: 12,
        retailPriceCents: 650,
        wholesaleCasePriceCents: 6240,
        stock: 500,
      },
      {
        sku: "TTC-BLK-250",
        unitLabel: "250 g tin",
        caseSize: 6,
        retailPriceCents: 1390,
        wholesaleCasePriceCents: 6420,
        stock: 160,
      },
    ],
  },
  {
    slug: "thenmalai-green-tea",
    title: "Nilgiri Green Tea",
    summary: "A pan-fired green tea with a fresh, grassy taste.",
    description:
      "Young shoots are steamed briefly to stop oxidation, then rolled and pan-fired in small batches. The leaves are dark green and twisted.\n\nThe tea is fresh and grassy, with a sweet, mildly nutty finish. Brew at around 80 degrees for two minutes; the leaves can be infused twice.\n\nGreen tea was introduced in 2018 after members visited a producer group in Darjeeling and brought back the method.",
    organizationSlug: "thenmalai-tea-collective",
    categorySlug: "tea",
    originCountry: "IN",
    originRegion: "Tamil Nadu",
    originPlace: "Kotagiri, Nilgiris",
    variants: [
      {
        sku: "TTC-GRN-100",
        unitLabel: "100 g pouch",
        caseSize: 12,
        retailPriceCents: 695,
        wholesaleCasePriceCents: 6590,
        stock: 310,
      },
    ],
  },
  {
    slug: "thenmalai-masala-chai",
    title: "Masala Chai Blend",
    summary: "Strong black tea blended with cardamom, ginger, cinnamon and clove.",
    description:
      "A blend of the collective's broken-leaf black tea with its own green cardamom and cloves, plus ginger and cinnamon bought from a farmers' group in Kerala.\n\nSimmer two teaspoons in a mix of water and milk for four to five minutes and sweeten to taste. It is warming and spicy, with cardamom at the front.\n\nThe spices are ground and blended at the factory in small batches so the aroma holds.",
    organizationSlug: "thenmalai-tea-collective",
    categorySlug: "tea",
    originCountry: "IN",
    originRegion: "Tamil Nadu",
    originPlace: "Kotagiri, Nilgiris",
    variants: [
      {
        sku: "TTC-CHA-100",
        unitLabel: "100 g pouch",
        caseSize: 12,
        retailPriceCents: 595,
        wholesaleCasePriceCents: 5355,
        stock: 450,
      },
    ],
  },
  {
    slug: "thenmalai-winter-frost-tea",
    title: "Winter Frost Black Tea",
    summary: "A limited winter-flush black tea picked after the first night frosts.",
    description:
      "Between December and February, cold nights at high altitude slow the bushes down and concentrate the flavour of the leaf. The collective makes a small amount of tea from these pickings each year.\n\nIt is lighter and more aromatic than the main black tea, with notes of honey, muscat grape and a cooling, minty edge.\n\nThis season's lot has sold out. The next picking will be available from March.",
    organizationSlug: "thenmalai-tea-collective",
    categorySlug: "tea",
    originCountry: "IN",
    originRegion: "Tamil Nadu",
    originPlace: "Kotagiri, Nilgiris",
    variants: [
      {
        sku: "TTC-FRO-50",
        unitLabel: "50 g tin",
        caseSize: 12,
        retailPriceCents: 890,
        wholesaleCasePriceCents: 8330,
        stock: 0,
      },
    ],
  },
  {
    slug: "thenmalai-green-cardamom",
    title: "Green Cardamom Pods",
    summary: "Whole green cardamom grown under shade trees in members' tea gardens.",
    description:
      "Several members grow cardamom in the damp, shaded gullies of their gardens where tea does not thrive. The pods are picked just before they ripen and dried in a wood-fired curing house to keep their green colour.\n\nThey are highly aromatic, with eucalyptus and citrus notes. Crush the pods lightly before use in curries, rice, chai or baking.\n\nSpices give members income in the months when tea plucking slows down.",
    organizationSlug: "thenmalai-tea-collective",
    categorySlug: "spices",
    originCountry: "IN",
    originRegion: "Tamil Nadu",
    originPlace: "Kotagiri, Nilgiris",
    variants: [
      {
        sku: "TTC-CAR-50",
        unitLabel: "50 g jar",
        caseSize: 12,
        retailPriceCents: 520,
        wholesaleCasePriceCents: 4740,
        stock: 270,
      },
    ],
  },
  {
    slug: "thenmalai-black-peppercorns",
    title: "Black Peppercorns",
    summary: "Whole black pepper from vines trained up the shade trees in members' gardens.",
    description:
      "Pepper vines climb the silver oak trees that shade members' tea bushes. The berries are picked by hand, blanched briefly and sun-dried until black and wrinkled.\n\nThe pepper is bold and warm, with a citrusy, resinous aroma. Grind fresh for the best flavour.\n\nEach jar is labelled with the picking month so buyers can rotate stock.",
    organizationSlug: "thenmalai-tea-collective",
    categorySlug: "spices",
    originCountry: "IN",
    originRegion: "Tamil Nadu",
    originPlace: "Kotagiri, Nilgiris",
    variants: [
      {
        sku: "TTC-PEP-100",
        unitLabel: "100 g jar",
        caseSize: 12,
        retailPriceCents: 450,
        wholesaleCasePriceCents: 4320,
        stock: 340,
      },
    ],
  },
  {
    slug: "thenmalai-whole-cloves",
    title: "Whole Cloves",
    summary: "Hand-picked, sun-dried cloves from the lower slopes of the Nilgiris.",
    description:
      "Clove trees grow on members' land at lower altitudes, below the tea line. The flower buds are picked before they open and dried in the sun for four to five days.\n\nThey are pungent and sweet, with a strong, numbing warmth. Use whole in rice dishes, mulled drinks and pickles.\n\nThe collective sorts cloves by hand, and stems and broken buds are sold locally rather than mixed into the export grade.",
    organizationSlug: "thenmalai-tea-collective",
    categorySlug: "spices",
    originCountry: "IN",
    originRegion: "Tamil Nadu",
    originPlace: "Mettupalayam foothills",
    variants: [
      {
        sku: "TTC-CLO-40",
        unitLabel: "40 g jar",
        caseSize: 12,
        retailPriceCents: 390,
        wholesaleCasePriceCents: 3605,
        stock: 230,
      },
    ],
  },

  // --- Cerro Alto Olive Workers' Co-operative (Spain) -----------------------
  {
    slug: "cerro-alto-hojiblanca-evoo",
    title: "Hojiblanca Extra Virgin Olive Oil",
    summary: "A cold-extracted Hojiblanca oil from rain-fed groves in the Sierra de Cádiz.",
    description:
      "Olives are picked from November, taken to the co-operative's mill near Olvera the same day and extracted below 27 degrees. The oil is left to settle in stainless steel tanks and bottled to order.\n\nIt is green and fruity, with artichoke and green almond on the nose and a peppery finish. Good for dressing salads, finishing soups and for everyday cooking.\n\nThe 5 litre tin is intended for co-op shops and kitchens and is sold in cases of two.",
    organizationSlug: "cerro-alto-olive",
    categorySlug: "oils-vinegars",
    originCountry: "ES",
    originRegion: "Andalucía",
    originPlace: "Olvera, Sierra de Cádiz",
    featured: true,
    variants: [
      {
        sku: "CAO-EVO-500",
        unitLabel: "500 ml bottle",
        caseSize: 12,
        retailPriceCents: 1290,
        wholesaleCasePriceCents: 12230,
        stock: 860,
      },
      {
        sku: "CAO-EVO-5000",
        unitLabel: "5 l tin",
        caseSize: 2,
        retailPriceCents: 5450,
        wholesaleCasePriceCents: 8175,
        stock: 120,
        minOrderUnits: 2,
      },
    ],
  },
  {
    slug: "cerro-alto-early-harvest-evoo",
    title: "Early Harvest Extra Virgin Olive Oil",
    summary: "A limited oil pressed from green olives in the first two weeks of October.",
    description:
      "Picked while still green, the olives give about half the oil of a normal harvest, but it is much more intense. The co-operative makes one small pressing each year from Hojiblanca and Lechín trees.\n\nExpect cut grass, tomato leaf and a strong bitterness and pepper that soften over the months after bottling.\n\nThis year's early harvest has sold out. The co-operative will open pre-orders for the next pressing in September.",
    organizationSlug: "cerro-alto-olive",
    categorySlug: "oils-vinegars",
    originCountry: "ES",
    originRegion: "Andalucía",
    originPlace: "Olvera, Sierra de Cádiz",
    variants: [
      {
        sku: "CAO-EHV-500",
        unitLabel: "500 ml bottle",
        caseSize: 6,
        retailPriceCents: 1490,
        wholesaleCasePriceCents: 6975,
        stock: 0,
      },
    ],
  },
  {
    slug: "cerro-alto-sherry-vinegar",
    title: "Sherry Vinegar Reserva",
    summary: "A vinegar aged for at least two years in an American oak solera in Jerez.",
    description:
      "The co-operative buys the vinegar in bulk from a small family bodega in Jerez de la Frontera and bottles it at the mill. It is made from Palomino wine and aged in a solera of old oak casks.\n\nIt is nutty and woody, with a sharp but rounded acidity. Use it in dressings, gazpacho, or to deglaze a pan.\n\nBottling the vinegar alongside the oil gives the mill's bottling team work outside the olive harvest.",
    organizationSlug: "cerro-alto-olive",
    categorySlug: "oils-vinegars",
    originCountry: "ES",
    originRegion: "Andalucía",
    originPlace: "Jerez de la Frontera",
    variants: [
      {
        sku: "CAO-SHV-250",
        unitLabel: "250 ml bottle",
        caseSize: 12,
        retailPriceCents: 790,
        wholesaleCasePriceCents: 7205,
        stock: 300,
      },
    ],
  },
  {
    slug: "cerro-alto-marcona-almonds",
    title: "Marcona Almonds",
    summary: "Round, sweet Marcona almonds from rain-fed terraces around the mill.",
    description:
      "Several of the small growers who bring olives to the mill also keep old Marcona almond trees on terraces too steep for olives. The almonds are harvested in August and September, shelled and sorted at the mill.\n\nThe 200 g pouch is blanched and lightly roasted with olive oil and sea salt. The 1 kg bag is raw and skin-on, for baking and for making turrón or almond milk.\n\nThe co-operative pays growers a price agreed before harvest, so they no longer wait months to learn what their crop is worth.",
    organizationSlug: "cerro-alto-olive",
    categorySlug: "nuts-dried-fruit",
    originCountry: "ES",
    originRegion: "Andalucía",
    originPlace: "Olvera, Sierra de Cádiz",
    variants: [
      {
        sku: "CAO-ALM-200",
        unitLabel: "200 g pouch, roasted and salted",
        caseSize: 12,
        retailPriceCents: 695,
        wholesaleCasePriceCents: 6670,
        stock: 410,
      },
      {
        sku: "CAO-ALM-1000",
        unitLabel: "1 kg bag, raw",
        caseSize: 4,
        retailPriceCents: 2690,
        wholesaleCasePriceCents: 8285,
        stock: 90,
      },
    ],
  },
  {
    slug: "cerro-alto-manzanilla-olives",
    title: "Manzanilla Olives in Brine",
    summary: "Green Manzanilla olives, cracked and dressed with garlic, thyme and fennel.",
    description:
      "Manzanilla olives from members' groves are picked green in September and cured slowly in brine for around four months. They are then cracked and dressed with garlic, wild thyme and fennel, the way they are eaten locally.\n\nThey are firm and savoury, with a light herbal flavour. Keep refrigerated after opening.\n\nTable olives are prepared by the co-operative's two full-time curing staff, who were previously employed only during the oil harvest.",
    organizationSlug: "cerro-alto-olive",
    categorySlug: "pantry",
    originCountry: "ES",
    originRegion: "Andalucía",
    originPlace: "Olvera, Sierra de Cádiz",
    variants: [
      {
        sku: "CAO-OLV-350",
        unitLabel: "350 g jar",
        caseSize: 12,
        retailPriceCents: 450,
        wholesaleCasePriceCents: 4265,
        stock: 370,
      },
    ],
  },

  // --- Nyambene Women's Honey Co-operative (Kenya) --------------------------
  {
    slug: "nyambene-acacia-honey",
    title: "Raw Acacia Honey",
    summary: "Pale, mild honey from hives in the acacia bushland below the Nyambene Hills.",
    description:
      "Members keep top-bar and traditional log hives in dry acacia bushland in Igembe. The main flow comes after the short rains, when the acacias flower.\n\nThe honey is cold-extracted by pressing and straining at the co-operative's honey house, never heated, so it may set over time. It is pale gold with a delicate floral taste and very little bitterness.\n\nEvery jar carries the number of the hive group that produced it, and members are paid within two weeks of delivering their combs.",
    organizationSlug: "nyambene-honey",
    categorySlug: "honey-sweeteners",
    originCountry: "KE",
    originRegion: "Meru",
    originPlace: "Igembe",
    featured: true,
    variants: [
      {
        sku: "NWH-ACA-350",
        unitLabel: "350 g jar",
        caseSize: 12,
        retailPriceCents: 795,
        wholesaleCasePriceCents: 7155,
        stock: 520,
      },
      {
        sku: "NWH-ACA-1000",
        unitLabel: "1 kg jar",
        caseSize: 6,
        retailPriceCents: 1890,
        wholesaleCasePriceCents: 8845,
        stock: 140,
      },
    ],
  },
  {
    slug: "nyambene-raw-honeycomb",
    title: "Raw Honeycomb",
    summary: "Whole pieces of capped comb cut straight from top-bar hives.",
    description:
      "Top-bar hives let beekeepers lift out single combs without breaking up the colony. Members cut the fully capped comb into blocks and pack it at the honey house within a day.\n\nThe wax is edible. Eat the comb on toast or with cheese, or drain it for honey.\n\nComb is the highest-value product the co-operative makes, and its price is set so that beekeepers earn the same per hive whether they sell comb or extracted honey.",
    organizationSlug: "nyambene-honey",
    categorySlug: "honey-sweeteners",
    originCountry: "KE",
    originRegion: "Meru",
    originPlace: "Igembe",
    variants: [
      {
        sku: "NWH-CMB-250",
        unitLabel: "250 g box",
        caseSize: 8,
        retailPriceCents: 1150,
        wholesaleCasePriceCents: 6990,
        stock: 75,
      },
    ],
  },
  {
    slug: "nyambene-forest-honey",
    title: "Forest Wildflower Honey",
    summary: "A dark, strong honey from hives on the forested upper slopes of the Nyambene Hills.",
    description:
      "Hives placed on the edge of the Nyambene forest collect nectar from a wide mix of trees and wildflowers. The honey is darker and thicker than the acacia honey, with a malty, slightly smoky taste.\n\nIt is strained and jarred raw. Good in baking, marinades and hot drinks.\n\nBeekeepers near the forest agreed with the local forest association to keep hives on the boundary rather than clearing land, and hive rents go to the association's tree nursery.",
    organizationSlug: "nyambene-honey",
    categorySlug: "honey-sweeteners",
    originCountry: "KE",
    originRegion: "Meru",
    originPlace: "Tigania",
    variants: [
      {
        sku: "NWH-FOR-500",
        unitLabel: "500 g jar",
        caseSize: 12,
        retailPriceCents: 950,
        wholesaleCasePriceCents: 9120,
        stock: 260,
      },
    ],
  },
  {
    slug: "nyambene-raw-macadamias",
    title: "Raw Macadamia Nuts",
    summary: "Whole and half macadamia kernels from members' highland smallholdings.",
    description:
      "Members with land on the wetter upper slopes grow macadamia alongside tea and bananas. Nuts are dried in their shells for several weeks, then cracked and graded at a shared processing shed in Maua.\n\nThe kernels are creamy, sweet and rich. Eat them raw, roast them lightly or use them in baking.\n\nBefore the co-operative started buying, many growers sold nuts unripe to brokers at the farm gate. Now they are paid per kilo of dried nut-in-shell at an agreed minimum.",
    organizationSlug: "nyambene-honey",
    categorySlug: "nuts-dried-fruit",
    originCountry: "KE",
    originRegion: "Meru",
    originPlace: "Maua",
    variants: [
      {
        sku: "NWH-MAC-200",
        unitLabel: "200 g pouch",
        caseSize: 12,
        retailPriceCents: 790,
        wholesaleCasePriceCents: 7300,
        stock: 310,
      },
    ],
  },
  {
    slug: "nyambene-roasted-salted-macadamias",
    title: "Roasted & Salted Macadamias",
    summary: "Dry-roasted macadamia kernels with a light coating of sea salt.",
    description:
      "Whole kernels from the same members' trees, dry-roasted in small batches and tossed with a little sea salt.\n\nThey are crisp outside and buttery inside. A good snack or a topping for salads.\n\nThe roasting was brought in-house in 2022, creating six new jobs for members' daughters and sons.",
    organizationSlug: "nyambene-honey",
    categorySlug: "nuts-dried-fruit",
    originCountry: "KE",
    originRegion: "Meru",
    originPlace: "Maua",
    variants: [
      {
        sku: "NWH-MCS-150",
        unitLabel: "150 g pouch",
        caseSize: 12,
        retailPriceCents: 690,
        wholesaleCasePriceCents: 6540,
        stock: 240,
      },
    ],
  },

  // --- Mun River Jasmine Rice Co-operative (Thailand) -----------------------
  {
    slug: "mun-river-hom-mali-jasmine-rice",
    title: "Hom Mali Jasmine Rice",
    summary: "Fragrant white jasmine rice from rain-fed paddies on the Thung Kula Ronghai plain.",
    description:
      "Members grow the Khao Dawk Mali 105 variety in a single rain-fed crop each year, transplanted in July and harvested in November. Saline soils and cool nights at harvest give the rice its strong pandan-like fragrance.\n\nIt cooks soft and slightly sticky. Rinse twice and cook with a little less water than usual for long-grain rice.\n\nThe co-operative mills to order, so the rice is never more than a few months old when it is shipped. The 5 kg bag is intended for kitchens and buying groups.",
    organizationSlug: "mun-river-rice",
    categorySlug: "grains-rice",
    originCountry: "TH",
    originRegion: "Surin",
    originPlace: "Tha Tum district",
    featured: true,
    variants: [
      {
        sku: "MRR-JAS-1000",
        unitLabel: "1 kg bag",
        caseSize: 10,
        retailPriceCents: 490,
        wholesaleCasePriceCents: 3675,
        stock: 1200,
      },
      {
        sku: "MRR-JAS-5000",
        unitLabel: "5 kg bag",
        caseSize: 4,
        retailPriceCents: 2150,
        wholesaleCasePriceCents: 6710,
        stock: 260,
        minOrderUnits: 4,
      },
    ],
  },
  {
    slug: "mun-river-red-jasmine-rice",
    title: "Red Jasmine Rice",
    summary: "A whole-grain red jasmine rice with a nutty flavour and chewy texture.",
    description:
      "Hom Mali Daeng is a red-bran relative of white jasmine rice. Only the husk is removed, so the red bran layer stays on the grain.\n\nIt has a nutty, lightly floral flavour and a chewy bite. Cook for about 30 minutes, or soak for an hour first to shorten the time.\n\nMembers grow red rice on their smaller plots, and the higher price helps families who cannot expand their land.",
    organizationSlug: "mun-river-rice",
    categorySlug: "grains-rice",
    originCountry: "TH",
    originRegion: "Surin",
    originPlace: "Tha Tum district",
    variants: [
      {
        sku: "MRR-RED-1000",
        unitLabel: "1 kg bag",
        caseSize: 10,
        retailPriceCents: 560,
        wholesaleCasePriceCents: 4255,
        stock: 480,
      },
    ],
  },
  {
    slug: "mun-river-riceberry",
    title: "Riceberry Rice",
    summary: "A deep purple whole-grain rice, soft when cooked, with a slightly sweet taste.",
    description:
      "Riceberry is a cross between jasmine rice and a black rice variety, bred in Thailand in the early 2000s. Members started growing it in 2016 on a trial plot and now plant around 60 hectares.\n\nThe grains are dark purple and cook to a soft, slightly sticky texture with a sweet, earthy flavour. Good in salads and rice bowls.\n\nThe co-operative mills the rice lightly to keep the bran intact.",
    organizationSlug: "mun-river-rice",
    categorySlug: "grains-rice",
    originCountry: "TH",
    originRegion: "Surin",
    originPlace: "Chom Phra district",
    variants: [
      {
        sku: "MRR-RBY-500",
        unitLabel: "500 g bag",
        caseSize: 12,
        retailPriceCents: 390,
        wholesaleCasePriceCents: 3745,
        stock: 560,
      },
    ],
  },
  {
    slug: "mun-river-brown-jasmine-rice",
    title: "Brown Jasmine Rice",
    summary: "Hom Mali jasmine rice with only the husk removed.",
    description:
      "The same jasmine rice as the white grade, husked but not polished. It keeps the fragrance of jasmine rice with more bite and a fuller, nutty flavour.\n\nCook for around 25 minutes with one and a half parts water to one part rice.\n\nBecause brown rice loses less weight in milling, members earn more per kilo of paddy sold in this form.",
    organizationSlug: "mun-river-rice",
    categorySlug: "grains-rice",
    originCountry: "TH",
    originRegion: "Surin",
    originPlace: "Tha Tum district",
    variants: [
      {
        sku: "MRR-BRN-1000",
        unitLabel: "1 kg bag",
        caseSize: 10,
        retailPriceCents: 520,
        wholesaleCasePriceCents: 4005,
        stock: 640,
      },
    ],
  },
  {
    slug: "mun-river-coconut-sugar",
    title: "Coconut Blossom Sugar",
    summary: "Granulated sugar made from coconut palm sap, from a partner co-operative in Samut Songkhram.",
    description:
      "The sap is collected twice a day from the cut flower stems of coconut palms by a tappers' co-operative in Amphawa, then boiled down over wood fires and stirred until it crystallises.\n\nIt tastes of caramel and toffee and can replace brown sugar in most recipes.\n\nMun River distributes the sugar under a mutual trade agreement between the two co-operatives, which share export paperwork and container space.",
    organizationSlug: "mun-river-rice",
    categorySlug: "honey-sweeteners",
    originCountry: "TH",
    originRegion: "Samut Songkhram",
    originPlace: "Amphawa",
    variants: [
      {
        sku: "MRR-CSG-250",
        unitLabel: "250 g bag",
        caseSize: 12,
        retailPriceCents: 450,
        wholesaleCasePriceCents: 4265,
        stock: 420,
      },
    ],
  },
  {
    slug: "mun-river-jasmine-rice-flour",
    title: "Jasmine Rice Flour",
    summary: "Finely milled white jasmine rice flour for gluten-free baking and noodles.",
    description:
      "Made from broken grains of jasmine rice that are sorted out during milling. The rice is soaked, stone-ground and dried to a fine, bright white flour.\n\nUse it for pancakes, tempura batter, shortbread or to thicken sauces. It has no gluten, so combine it with other flours for bread.\n\nTurning broken rice into flour means the co-operative sells it at a fair price instead of as animal feed.",
    organizationSlug: "mun-river-rice",
    categorySlug: "flour-baking",
    originCountry: "TH",
    originRegion: "Surin",
    originPlace: "Tha Tum district",
    variants: [
      {
        sku: "MRR-FLR-500",
        unitLabel: "500 g bag",
        caseSize: 12,
        retailPriceCents: 350,
        wholesaleCasePriceCents: 3150,
        stock: 330,
      },
    ],
  },

  // --- Lindenau Roasters Collective (Germany) -------------------------------
  {
    slug: "lindenau-espresso-blend",
    title: "Lindenau Espresso Blend",
    summary: "An espresso blend of two Sierra Verde lots, roasted in Leipzig.",
    description:
      "The blend combines a washed Caturra lot from farms around 1,600 metres with a Bourbon lot from higher up, both bought directly from Sierra Verde. It is roasted a little darker than the filter coffee to build body.\n\nAs espresso it is syrupy, with dark chocolate, hazelnut and a dried-cherry sweetness. It also holds up well in milk.\n\nThe collective roasts on Mondays and Thursdays and ships within two days of roasting.",
    organizationSlug: "lindenau-roasters",
    categorySlug: "coffee",
    originCountry: "PE",
    originRegion: "Cajamarca",
    originPlace: "Sierra Verde Coffee Cooperative",
    featured: true,
    variants: [
      {
        sku: "LRC-ESP-250",
        unitLabel: "250 g bag",
        caseSize: 12,
        retailPriceCents: 895,
        wholesaleCasePriceCents: 8375,
        stock: 480,
      },
      {
        sku: "LRC-ESP-1000",
        unitLabel: "1 kg bag",
        caseSize: 6,
        retailPriceCents: 3190,
        wholesaleCasePriceCents: 14545,
        stock: 150,
      },
    ],
  },
  {
    slug: "lindenau-filter-roast",
    title: "Lindenau Filter Roast",
    summary: "A light roast of Sierra Verde's house lot for pour-over and batch brew.",
    description:
      "A light roast of the Sierra Verde Caturra and Bourbon lot, developed to keep the fruit and acidity of the coffee.\n\nExpect red apple, orange zest and cane sugar, with a clean finish. Suits V60, Chemex and filter machines.\n\nThe collective cups every roast batch before it is packed and records the results on the bag's batch page.",
    organizationSlug: "lindenau-roasters",
    categorySlug: "coffee",
    originCountry: "PE",
    originRegion: "Cajamarca",
    originPlace: "Sierra Verde Coffee Cooperative",
    variants: [
      {
        sku: "LRC-FIL-250",
        unitLabel: "250 g bag",
        caseSize: 12,
        retailPriceCents: 850,
        wholesaleCasePriceCents: 8160,
        stock: 360,
      },
    ],
  },
  {
    slug: "lindenau-decaf",
    title: "Lindenau Decaf",
    summary: "Sierra Verde coffee decaffeinated with the carbon dioxide method, roasted medium.",
    description:
      "Green coffee from Sierra Verde is decaffeinated with liquid carbon dioxide at a contract plant in northern Germany before roasting. The process removes caffeine while keeping most of the coffee's flavour.\n\nIt is smooth and sweet, with milk chocolate and toasted almond. Works as espresso and as filter.\n\nThe collective pays Sierra Verde the same price for decaf-grade coffee as for its regular lots.",
    organizationSlug: "lindenau-roasters",
    categorySlug: "coffee",
    originCountry: "PE",
    originRegion: "Cajamarca",
    originPlace: "Sierra Verde Coffee Cooperative",
    variants: [
      {
        sku: "LRC-DEC-250",
        unitLabel: "250 g bag",
        caseSize: 12,
        retailPriceCents: 950,
        wholesaleCasePriceCents: 8780,
        stock: 200,
      },
    ],
  },
  {
    slug: "lindenau-moka-pot-ground",
    title: "Lindenau Moka Pot Roast, Ground",
    summary: "A darker roast of Sierra Verde coffee, ground fine for stovetop moka pots.",
    description:
      "A medium-dark roast of Sierra Verde's Bourbon lot, ground slightly coarser than espresso so it works in a moka pot without clogging the filter.\n\nIt is bold and rounded, with cocoa, toasted bread and a little smoke.\n\nThe 500 g bag was introduced at the request of buying groups who wanted a larger pack for households that drink a lot of coffee.",
    organizationSlug: "lindenau-roasters",
    categorySlug: "coffee",
    originCountry: "PE",
    originRegion: "Cajamarca",
    originPlace: "Sierra Verde Coffee Cooperative",
    variants: [
      {
        sku: "LRC-MOK-500",
        unitLabel: "500 g bag",
        caseSize: 6,
        retailPriceCents: 1590,
        wholesaleCasePriceCents: 7535,
        stock: 170,
      },
    ],
  },
  {
    slug: "lindenau-cold-brew-coarse",
    title: "Lindenau Cold Brew, Coarse Ground",
    summary: "A medium roast of Sierra Verde coffee, ground coarse for steeping cold.",
    description:
      "Roasted a touch darker than the filter coffee and ground coarse for cold steeping. Use 100 g of coffee to one litre of cold water and leave in the fridge for 12 to 16 hours before straining.\n\nThe result is low in acidity, with chocolate, caramel and a little stone fruit.\n\nThe collective roasts cold-brew batches from late spring to early autumn.",
    organizationSlug: "lindenau-roasters",
    categorySlug: "coffee",
    originCountry: "PE",
    originRegion: "Cajamarca",
    originPlace: "Sierra Verde Coffee Cooperative",
    variants: [
      {
        sku: "LRC-CBR-500",
        unitLabel: "500 g bag",
        caseSize: 6,
        retailPriceCents: 1450,
        wholesaleCasePriceCents: 6525,
        stock: 110,
      },
    ],
  },

  // --- Złoty Kłos Mill Co-operative (Poland) --------------------------------
  {
    slug: "zloty-klos-oat-flakes",
    title: "Jumbo Oat Flakes",
    summary: "Thick-rolled oat flakes from members' fields, steamed and flaked at the mill.",
    description:
      "Members grow oats in rotation with rye and clover on light soils around Zamość. The grain is hulled, steamed and rolled into thick flakes at the co-operative's restored mill.\n\nThe flakes hold their shape in porridge and give muesli and flapjacks a chewy texture.\n\nThe co-operative agrees an oat price with members before sowing and flakes to order, so most bags reach buyers within a month of milling.",
    organizationSlug: "zloty-klos-mill",
    categorySlug: "grains-rice",
    originCountry: "PL",
    originRegion: "Lubelskie",
    originPlace: "Zamość county",
    featured: true,
    variants: [
      {
        sku: "ZKM-OAT-500",
        unitLabel: "500 g bag",
        caseSize: 12,
        retailPriceCents: 260,
        wholesaleCasePriceCents: 2435,
        stock: 1500,
      },
      {
        sku: "ZKM-OAT-1000",
        unitLabel: "1 kg bag",
        caseSize: 8,
        retailPriceCents: 450,
        wholesaleCasePriceCents: 2735,
        stock: 700,
      },
    ],
  },
  {
    slug: "zloty-klos-wholegrain-rye-flour",
    title: "Wholegrain Rye Flour",
    summary: "Stone-ground wholegrain rye flour for sourdough and dark breads.",
    description:
      "Made from Dańkowskie rye grown by members and ground slowly between millstones, with all of the bran kept in.\n\nThe flour is grey-brown and earthy, and ferments readily. It is well suited to sourdough rye loaves, żurek starter and mixed-grain breads.\n\nRye is the crop that does best on the region's poorer soils, and a fair price for it has made the co-operative's rotations viable.",
    organizationSlug: "zloty-klos-mill",
    categorySlug: "flour-baking",
    originCountry: "PL",
    originRegion: "Lubelskie",
    originPlace: "Zamość county",
    variants: [
      {
        sku: "ZKM-RYE-1000",
        unitLabel: "1 kg bag",
        caseSize: 10,
        retailPriceCents: 320,
        wholesaleCasePriceCents: 2560,
        stock: 820,
      },
    ],
  },
  {
    slug: "zloty-klos-roasted-buckwheat",
    title: "Roasted Buckwheat Groats",
    summary: "Whole roasted buckwheat (kasza gryczana) from members' summer crops.",
    description:
      "Buckwheat is sown in late spring and harvested in September. The co-operative hulls the seeds and roasts them in a drum until they turn a reddish brown.\n\nCooked groats are fluffy and nutty, with a toasty flavour. Serve them with mushrooms, in stuffed cabbage or as a side instead of rice.\n\nBuckwheat fields flower for several weeks, and several members keep bees alongside them.",
    organizationSlug: "zloty-klos-mill",
    categorySlug: "grains-rice",
    originCountry: "PL",
    originRegion: "Lubelskie",
    originPlace: "Zamość county",
    variants: [
      {
        sku: "ZKM-BUK-500",
        unitLabel: "500 g bag",
        caseSize: 12,
        retailPriceCents: 350,
        wholesaleCasePriceCents: 3235,
        stock: 640,
      },
    ],
  },
  {
    slug: "zloty-klos-spelt-flour",
    title: "Light Spelt Flour",
    summary: "A sifted spelt flour for bread, pastry and cakes.",
    description:
      "Members grow spelt on their heavier soils. The grain is dehulled and stone-ground, then sifted to remove most of the bran, giving a pale flour that is easy to work with.\n\nIt has a mild, nutty flavour and a softer gluten than wheat, so knead gently. Good for bread rolls, pizza bases and sponge cakes.\n\nThe mill's sifting machine was bought in 2021 with a loan from a solidarity finance fund, repaid from spelt sales.",
    organizationSlug: "zloty-klos-mill",
    categorySlug: "flour-baking",
    originCountry: "PL",
    originRegion: "Lubelskie",
    originPlace: "Zamość county",
    variants: [
      {
        sku: "ZKM-SPE-1000",
        unitLabel: "1 kg bag",
        caseSize: 10,
        retailPriceCents: 390,
        wholesaleCasePriceCents: 3080,
        stock: 540,
      },
    ],
  },
  {
    slug: "zloty-klos-millet-groats",
    title: "Hulled Millet Groats",
    summary: "Hulled proso millet (kasza jaglana), washed and ready to cook.",
    description:
      "Proso millet is a traditional summer crop in eastern Poland that needs little water. The co-operative hulls it and polishes it lightly.\n\nRinse well in hot water before cooking to remove any bitterness. It cooks in about 15 minutes to a soft, sweet grain that suits porridge, stuffing and pilaf.\n\nMillet was reintroduced by two younger members in 2020 and is now grown on 35 hectares.",
    organizationSlug: "zloty-klos-mill",
    categorySlug: "grains-rice",
    originCountry: "PL",
    originRegion: "Lubelskie",
    originPlace: "Zamość county",
    variants: [
      {
        sku: "ZKM-MIL-500",
        unitLabel: "500 g bag",
        caseSize: 12,
        retailPriceCents: 340,
        wholesaleCasePriceCents: 3060,
        stock: 380,
      },
    ],
  },
];
