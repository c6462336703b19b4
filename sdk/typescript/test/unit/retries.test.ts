/** Retries: which calls, on what, how often, how long apart, and with which key. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { HavenError, createHaven } from "../../src/index.js";
import { backoff, DEFAULT_RETRY } from "../../src/transport.js";
import { FakeApi, json, problem } from "./fake.js";

const BASE = "http://api.test";
const META = { name: "haven", version: "0.1.0", database: "sqlite", modules: [] };
const USER = {
  id: "usr_01h455vb4pex5vsknk084sn02q",
  email: "a@example.com",
  roles: ["member"],
  created_at: "2026-01-01T00:00:00Z",
  marketing_consent: false,
};
/** Retries without waiting long: the tests check counts, not clocks. */
const FAST = { baseDelayMs: 1, maxDelayMs: 2 };

describe("retries", () => {
  it("a GET is retried on 503 and 429, honouring Retry-After, until it succeeds", async () => {
    const api = new FakeApi().on("GET", "/v1/meta", (_, n) =>
      n === 1 ? problem(503, "unavailable", { "retry-after": "0" }) : n === 2 ? problem(429, "rate_limited") : json(200, META),
    );
    const haven = createHaven({ baseUrl: BASE, fetch: api.fetch, retry: FAST });
    assert.equal((await haven.call("metaGet")).name, "haven");
    assert.equal(api.calls("GET", "/v1/meta").length, 3);
  });

  it("retries are bounded: the last answer is the error", async () => {
    const api = new FakeApi().on("GET", "/v1/meta", () => problem(503, "unavailable"));
    const haven = createHaven({ baseUrl: BASE, fetch: api.fetch, retry: { ...FAST, attempts: 4 } });
    const error = await haven.call("metaGet").catch((e: unknown) => e);
    assert.ok(error instanceof HavenError && error.code === "unavailable", String(error));
    assert.equal(api.calls("GET", "/v1/meta").length, 4);
  });

  it("a Retry-After longer than allowed is not waited for", async () => {
    const api = new FakeApi().on("GET", "/v1/meta", () => problem(429, "rate_limited", { "retry-after": "221" }));
    const haven = createHaven({ baseUrl: BASE, fetch: api.fetch, retry: FAST });
    const started = Date.now();
    const error = await haven.call("metaGet").catch((e: unknown) => e);
    assert.ok(error instanceof HavenError && error.retryAfter === 221, String(error));
    assert.equal(api.calls("GET", "/v1/meta").length, 1);
    assert.ok(Date.now() - started < 5_000, "it did not wait 221 s");
  });

  it("a keyed POST gets one generated Idempotency-Key, reused across its retries", async () => {
    let failures = 2;
    const api = new FakeApi().on("POST", "/v1/identity/register", () => {
      if (failures-- > 0) throw new TypeError("socket hang up");
      return json(201, USER);
    });
    const haven = createHaven({ baseUrl: BASE, fetch: api.fetch, retry: FAST });
    await haven.call("identityRegister", { body: { email: "a@example.com", password: "a long passphrase" } });
    const keys = api.calls("POST", "/v1/identity/register").map((s) => s.headers.get("idempotency-key"));
    assert.equal(keys.length, 3);
    assert.match(keys[0] ?? "", /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.deepEqual(new Set(keys).size, 1, "the same key on every attempt");
    await haven.call("identityRegister", { body: { email: "b@example.com", password: "a long passphrase" } });
    assert.notEqual(api.calls("POST", "/v1/identity/register").at(-1)?.headers.get("idempotency-key"), keys[0], "a new call, a new key");
  });

  it("a caller's Idempotency-Key is sent as given", async () => {
    const api = new FakeApi().on("POST", "/v1/identity/register", () => json(201, USER));
    const haven = createHaven({ baseUrl: BASE, fetch: api.fetch });
    await haven.call("identityRegister", { body: { email: "a@example.com", password: "p" }, idempotencyKey: "mine-1" });
    assert.equal(api.seen[0]?.headers.get("idempotency-key"), "mine-1");
  });

  it("a keyed POST whose key is still in use (409) is retried for the stored answer", async () => {
    const api = new FakeApi().on("POST", "/v1/identity/register", (_, n) =>
      n === 1 ? problem(409, "idempotency_key_in_use") : json(201, USER),
    );
    const haven = createHaven({ baseUrl: BASE, fetch: api.fetch, retry: FAST });
    assert.equal((await haven.call("identityRegister", { body: { email: "a@example.com", password: "p" } })).id, USER.id);
    assert.equal(api.calls("POST", "/v1/identity/register").length, 2);
  });

  it("an unkeyed POST is never retried, on 503 nor on a network error", async () => {
    const api = new FakeApi().on("POST", "/v1/identity/login", () => problem(503, "unavailable", { "retry-after": "0" }));
    const haven = createHaven({ baseUrl: BASE, fetch: api.fetch, retry: FAST });
    await assert.rejects(haven.call("identityLogin", { body: { email: "a@example.com", password: "p" } }), HavenError);
    assert.equal(api.calls("POST", "/v1/identity/login").length, 1);
    assert.equal(api.seen[0]?.headers.get("idempotency-key"), null, "login takes no key");
  });

  it("other errors (a 409 conflict, a 422) are not retried", async () => {
    const api = new FakeApi().on("POST", "/v1/identity/register", () => problem(409, "email_taken"));
    const haven = createHaven({ baseUrl: BASE, fetch: api.fetch, retry: FAST });
    await assert.rejects(haven.call("identityRegister", { body: { email: "a@example.com", password: "p" } }), HavenError);
    assert.equal(api.seen.length, 1);
  });

  it("backoff grows exponentially up to the cap, with full jitter", () => {
    const r = { ...DEFAULT_RETRY, baseDelayMs: 100, maxDelayMs: 1_000 };
    for (let i = 0; i < 200; i++) {
      const first = backoff(r, 1);
      const fifth = backoff(r, 5);
      assert.ok(first >= 0 && first <= 100, `${first}`);
      assert.ok(fifth >= 0 && fifth <= 1_000, `${fifth}`);
    }
    const samples = Array.from({ length: 200 }, () => backoff(r, 4));
    assert.ok(Math.max(...samples) > 400, "later retries may wait longer than the base");
    assert.ok(new Set(samples).size > 150, "jittered, not fixed");
  });
});
