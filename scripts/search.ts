// npm run search:setup   — create the indexes (products, and organisations in `<index>_organizations`) and apply
//                          their settings (Meilisearch; the embedded engine needs nothing)
// npm run search:reindex — rebuild both indexes from the database
import { createSearchEngine } from "~/adapters/search/index.server";
import { env } from "~/lib/env.server";
import { reindexAll } from "~/services/search-index.server";

const command = process.argv[2];
const engine = createSearchEngine(env);
if (command === "setup") {
  await engine.setup();
  console.log(`Search indexes for products and organisations set up (${engine.name}).`);
} else if (command === "reindex") {
  if (engine.name === "embedded") {
    console.log("The embedded engine rebuilds its in-memory index from the database whenever the app starts; nothing to do.");
  } else {
    await engine.setup();
    const count = await reindexAll(engine);
    console.log(`Reindexed ${count.products} products and ${count.organizations} organisations into ${engine.name}.`);
  }
} else {
  console.error("Usage: tsx scripts/search.ts setup|reindex");
  process.exit(1);
}
const { db } = await import("~/adapters/db.server");
await db.$disconnect();
