/** Sessions: the token store, refresh before expiry and after a 401 (single-flight), the
 *  auth-state callback and sign-out. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { type AuthState, HavenError, MemoryTokenStore, createHaven, webStorageTokenStore } from "../../src/index.js";
import { FakeApi, gate, json, problem, tokens } from "./fake.js";

const BASE = "http://api.test";
const ME = {
  id: "usr_01h455vb4pex5vsknk084sn02q",
  email: "a@example.com",
  roles: ["member"],
  created_at: "2026-01-01T00:00:00Z",
  marketing_consent: false,
};
const CREDENTIALS = { email: "a@example.com", password: "a long passphrase" };

/** `/me` answering 200 to `access-<good>` and 401 to anything else. */
function meFor(good: number) {
  return (req: { headers: Headers }) =>
    req.headers.get("authorization") === `Bearer access-${good}` ? json(200, ME) : problem(401, "unauthorized");
}

describe("sessions", () => {
  it("signing in stores the tokens, reports it, and secured calls carry the bearer", async () => {
    const api = new FakeApi().on("POST", "/v1/identity/login", () => tokens(1)).on("GET", "/v1/identity/me", meFor(1));
    const states: AuthState[] = [];
    const store = new MemoryTokenStore();
    const haven = createHaven({ baseUrl: BASE, fetch: api.fetch, tokenStore: store, onAuthStateChange: (s) => states.push(s) });
    const result = await haven.auth.signIn(CREDENTIALS);
    assert.equal(result.status, "authenticated");
    assert.equal(store.load()?.accessToken, "access-1");
    assert.deepEqual(states.map((s) => [s.signedIn, s.reason]), [[true, "signIn"]]);
    assert.equal((await haven.call("identityGetMe")).id, ME.id);
    assert.equal(api.calls("POST", "/v1/identity/login")[0]?.headers.get("authorization"), null, "public calls send no token");
  });

  it("an MFA sign-in stores nothing until the second step", async () => {
    const api = new FakeApi()
      .on("POST", "/v1/identity/login", () => json(200, { status: "mfa_required", mfa_token: "m", expires_in: 300 }))
      .on("POST", "/v1/identity/login/mfa", () => tokens(2));
    const haven = createHaven({ baseUrl: BASE, fetch: api.fetch });
    const first = await haven.auth.signIn(CREDENTIALS);
    assert.equal(first.status, "mfa_required");
    assert.equal(await haven.auth.tokens(), null);
    if (first.status === "mfa_required") {
      const done = await haven.auth.completeMfa({ mfa_token: first.mfa_token, code: "123456" });
      assert.equal(done.accessToken, "access-2");
    }
  });

  it("ten concurrent calls with an expired token cause one refresh", async () => {
    const held = gate<void>();
    const api = new FakeApi()
      .on("POST", "/v1/identity/login", () => tokens(1, 0))
      .on("POST", "/v1/identity/token/refresh", async () => {
        await held.promise;
        return tokens(2);
      })
      .on("GET", "/v1/identity/me", meFor(2));
    const states: AuthState[] = [];
    const haven = createHaven({ baseUrl: BASE, fetch: api.fetch, onAuthStateChange: (s) => states.push(s) });
    await haven.auth.signIn(CREDENTIALS);
    const calls = Array.from({ length: 10 }, () => haven.call("identityGetMe"));
    setImmediate(() => held.open());
    const answers = await Promise.all(calls);
    assert.equal(answers.length, 10);
    assert.equal(api.calls("POST", "/v1/identity/token/refresh").length, 1);
    assert.deepEqual(api.calls("POST", "/v1/identity/token/refresh")[0]?.body, { refresh_token: "refresh-1" });
    assert.ok(api.calls("GET", "/v1/identity/me").every((s) => s.headers.get("authorization") === "Bearer access-2"));
    assert.deepEqual(states.map((s) => s.reason), ["signIn", "refresh"]);
  });

  it("a 401 refreshes once and retries; concurrent 401s share the refresh", async () => {
    const api = new FakeApi()
      .on("POST", "/v1/identity/login", () => tokens(1)) // valid for 15 min by its clock
      .on("POST", "/v1/identity/token/refresh", () => tokens(2))
      .on("GET", "/v1/identity/me", meFor(2)); // but the server already refuses access-1
    const haven = createHaven({ baseUrl: BASE, fetch: api.fetch });
    await haven.auth.signIn(CREDENTIALS);
    const answers = await Promise.all(Array.from({ length: 5 }, () => haven.call("identityGetMe")));
    assert.equal(answers.length, 5);
    assert.equal(api.calls("POST", "/v1/identity/token/refresh").length, 1);
    assert.equal(api.calls("GET", "/v1/identity/me").length, 10, "each call: one refused, one retried");
  });

  it("a refused refresh ends the session (expired) and the call fails with its 401", async () => {
    const api = new FakeApi()
      .on("POST", "/v1/identity/login", () => tokens(1))
      .on("POST", "/v1/identity/token/refresh", () => problem(401, "invalid_refresh_token"))
      .on("GET", "/v1/identity/me", meFor(99));
    const states: AuthState[] = [];
    const haven = createHaven({ baseUrl: BASE, fetch: api.fetch, onAuthStateChange: (s) => states.push(s) });
    await haven.auth.signIn(CREDENTIALS);
    const error = await haven.call("identityGetMe").catch((e: unknown) => e);
    assert.ok(error instanceof HavenError && error.status === 401 && error.code === "unauthorized", String(error));
    assert.equal(await haven.auth.tokens(), null);
    assert.deepEqual(states.map((s) => [s.signedIn, s.reason]), [[true, "signIn"], [false, "expired"]]);
    assert.equal(api.calls("GET", "/v1/identity/me").length, 1, "no retry without a session");
  });

  it("signing out revokes the session on the server and clears the store", async () => {
    const api = new FakeApi()
      .on("POST", "/v1/identity/login", () => tokens(1))
      .on("POST", "/v1/identity/logout", () => new Response(null, { status: 204 }));
    const storage = new Map<string, string>();
    const store = webStorageTokenStore({
      getItem: (k) => storage.get(k) ?? null,
      setItem: (k, v) => void storage.set(k, v),
      removeItem: (k) => void storage.delete(k),
    });
    const states: AuthState[] = [];
    const haven = createHaven({ baseUrl: BASE, fetch: api.fetch, tokenStore: store, onAuthStateChange: (s) => states.push(s) });
    await haven.auth.signIn(CREDENTIALS);
    assert.ok(storage.has("haven.tokens"), "kept in the web storage");
    await haven.auth.signOut();
    assert.equal(api.calls("POST", "/v1/identity/logout")[0]?.headers.get("authorization"), "Bearer access-1");
    assert.equal(storage.size, 0);
    assert.deepEqual(states.at(-1), { signedIn: false, reason: "signOut" });
  });

  it("signing out while the server is unreachable still clears the store", async () => {
    const api = new FakeApi().on("POST", "/v1/identity/login", () => tokens(1)).on("POST", "/v1/identity/logout", () => {
      throw new TypeError("offline");
    });
    const haven = createHaven({ baseUrl: BASE, fetch: api.fetch });
    await haven.auth.signIn(CREDENTIALS);
    await haven.auth.signOut();
    assert.equal(await haven.auth.tokens(), null);
  });
});
