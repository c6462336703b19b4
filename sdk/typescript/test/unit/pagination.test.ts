/** Cursor pagination: pages follow next_cursor; items flatten them. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { createHaven } from "../../src/index.js";
import { FakeApi, json, tokens } from "./fake.js";

const BASE = "http://api.test";

function session(id: number) {
  return {
    id: `ses_01h455vb4pex5vsknk084sn0${id.toString().padStart(2, "0")}`,
    created_at: "2026-01-01T00:00:00Z",
    last_used_at: "2026-01-01T00:00:00Z",
    current: id === 0,
  };
}

describe("pagination", () => {
  it("paginate yields every item across pages, passing each next_cursor and the caller's limit", async () => {
    const pages: Record<string, { items: unknown[]; next_cursor: string | null }> = {
      "": { items: [session(0), session(1)], next_cursor: "c1" },
      c1: { items: [session(2), session(3)], next_cursor: "c2" },
      c2: { items: [session(4)], next_cursor: null },
    };
    const api = new FakeApi()
      .on("POST", "/v1/identity/login", () => tokens(1))
      .on("GET", "/v1/identity/me/sessions", (req) => json(200, pages[req.query.get("cursor") ?? ""]));
    const haven = createHaven({ baseUrl: BASE, fetch: api.fetch });
    await haven.auth.signIn({ email: "a@example.com", password: "p" });
    const ids: string[] = [];
    for await (const s of haven.paginate("identityListSessions", { params: { query: { limit: 2 } } })) ids.push(s.id);
    assert.deepEqual(ids, [0, 1, 2, 3, 4].map((i) => session(i).id));
    const seen = api.calls("GET", "/v1/identity/me/sessions");
    assert.deepEqual(seen.map((s) => s.query.get("cursor")), [null, "c1", "c2"]);
    assert.ok(seen.every((s) => s.query.get("limit") === "2"));
  });

  it("pages can be stopped early without fetching the rest", async () => {
    const api = new FakeApi()
      .on("POST", "/v1/identity/login", () => tokens(1))
      .on("GET", "/v1/identity/me/sessions", () => json(200, { items: [session(0)], next_cursor: "more" }));
    const haven = createHaven({ baseUrl: BASE, fetch: api.fetch });
    await haven.auth.signIn({ email: "a@example.com", password: "p" });
    for await (const page of haven.pages("identityListSessions")) {
      assert.equal(page.items.length, 1);
      break;
    }
    assert.equal(api.calls("GET", "/v1/identity/me/sessions").length, 1);
  });
});
