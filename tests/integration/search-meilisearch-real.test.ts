/**
 * The search contract against a real Meilisearch server, when one is configured:
 *   MEILISEARCH_HOST=http://127.0.0.1:7700 MEILISEARCH_API_KEY=… npx vitest run tests/integration/search-meilisearch-real.test.ts
 * It works in indexes of its own (`contract_<random>` and `contract_<random>_organizations`), deleted afterwards, so
 * it never touches the app's indexes.
 */
import { randomUUID } from "node:crypto";
import { Meilisearch } from "meilisearch";
import { afterAll, describe, it } from "vitest";
import { createMeilisearchEngine, organizationIndexUid } from "~/adapters/search/meilisearch.server";
import { searchContract } from "./search-contract";

const host = process.env.MEILISEARCH_HOST;
const apiKey = process.env.MEILISEARCH_API_KEY || undefined;

if (host) {
  const index = `contract_${randomUUID().slice(0, 8)}`;
  searchContract(`real Meilisearch at ${host}`, async () => createMeilisearchEngine({ host, apiKey, index }));
  afterAll(async () => {
    const client = new Meilisearch({ host, apiKey });
    const organizations = organizationIndexUid(index);
    for (const uid of [index, `${index}_tmp`, organizations, `${organizations}_tmp`]) await client.deleteIndex(uid).waitTask();
  });
} else {
  describe.skip("real Meilisearch (skipped: set MEILISEARCH_HOST to run)", () => {
    it("passes the search contract", () => {});
  });
}
