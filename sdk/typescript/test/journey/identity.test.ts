/**
 * The journey through the SDK against the real `haven serve`: register, verify the email,
 * sign in, read the account, refresh, page through the sessions, answer a problem, sign
 * out. Every response body is checked against the document at run time ({@link Contract}).
 *
 * Run: `npm --prefix sdk/typescript run build && npm --prefix sdk/typescript run test:journey`
 * (HAVEN_BIN=… for another binary; see test/support/server.ts).
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { type AuthState, HavenError, createHaven, isHavenError } from "../../src/index.js";
import { Contract } from "../support/contract.js";
import { type Haven as Server, openapiDocument, startHaven } from "../support/server.js";

describe("the identity journey through the SDK, against haven serve", () => {
  let server: Server | undefined;
  const contract = new Contract(openapiDocument());

  before(async () => {
    server = await startHaven();
  });

  after(async () => {
    // Stopped here only when a test failed before the SIGTERM test.
    await server?.stop();
  });

  const live = (): Server => {
    assert.ok(server, "haven serve did not start");
    return server;
  };

  it("the contract check itself refuses a body the document does not allow", () => {
    const user = {
      id: "usr_01h455vb4pex5vsknk084sn02q",
      email: "a@example.com",
      roles: ["member"],
      created_at: "2026-01-01T00:00:00Z",
      marketing_consent: false,
    };
    const check = (body: unknown, status = 200, type = "application/json") =>
      new Contract(openapiDocument()).check("GET", "http://h/v1/identity/me", status, type, JSON.stringify(body));
    assert.equal(check(user), null);
    assert.equal(check({ ...user, display_name: null }), null, "optional fields may be null");
    assert.match(check({ ...user, email: null }) ?? "", /email/, "a required string may not be null");
    const problem = { type: "t", title: "t", status: 401, code: "unauthorized", errors: [] };
    assert.equal(check(problem, 401, "application/problem+json"), null);
    assert.match(check({ ...problem, code: "no_such_code" }, 401, "application/problem+json") ?? "", /allowed values/);
    assert.match(check(problem, 418, "application/problem+json") ?? "", /not documented/);
  });

  it("serves the committed openapi/openapi.json", async () => {
    const res = await fetch(`${live().baseUrl}/openapi.json`);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), openapiDocument());
  });

  it("register, verify, sign in, read me, refresh, page sessions, a problem, sign out", async () => {
    const { baseUrl, logs } = live();
    const states: AuthState[] = [];
    const haven = createHaven({
      baseUrl,
      fetch: contract.wrap((input, init) => fetch(input, init)),
      onAuthStateChange: (s) => states.push(s),
    });
    // Unique per run: the catcher of scripts/test is shared with the Rust tests.
    const email = `sdk.journey.${process.pid}.${Date.now()}@example.com`;
    const password = "a long sdk passphrase";

    const user = await haven.call("identityRegister", { body: { email, password, display_name: "SDK" } });
    assert.equal(user.email, email);
    assert.deepEqual(user.roles, ["member"]);
    assert.equal(user.locale, null, "optional fields are sent as null");

    const taken = await haven
      .call("identityRegister", { body: { email, password } })
      .catch((e: unknown) => e);
    assert.ok(isHavenError(taken, "identityRegister"), String(taken));
    assert.equal(taken.status, 409);
    assert.equal(taken.code, "email_taken");
    assert.ok(taken.requestId, "a request id to quote");

    const [mail] = await live().mailTo(email);
    const token = /https:\/\/app\.haven\.test\/verify-email\?token=([A-Za-z0-9_-]+)/.exec(mail?.text ?? "")?.[1];
    assert.ok(token, `a verification link in: ${mail?.text}`);
    await haven.call("identityConfirmEmail", { body: { token } });

    const wrong = await haven.auth.signIn({ email, password: "not the password" }).catch((e: unknown) => e);
    assert.ok(isHavenError(wrong, "identityLogin"), String(wrong));
    assert.equal(wrong.code, "invalid_credentials");
    assert.equal(await haven.auth.tokens(), null);

    // Three devices: three sessions to page through, one per page.
    for (const device of ["phone", "tablet"]) {
      const other = createHaven({ baseUrl, fetch: contract.wrap((input, init) => fetch(input, init)) });
      assert.equal((await other.auth.signIn({ email, password, device_label: device })).status, "authenticated");
    }
    const login = await haven.auth.signIn({ email: email.toUpperCase(), password, device_label: "laptop" });
    assert.equal(login.status, "authenticated", logs());
    const first = await haven.auth.tokens();
    assert.ok(first);

    const me = await haven.call("identityGetMe");
    assert.equal(me.id, user.id);
    assert.equal(typeof me.email_verified_at, "string", "the address is verified");
    assert.match(me.created_at, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);

    const refreshed = await haven.auth.refresh();
    assert.ok(refreshed);
    assert.equal(refreshed.sessionId, first.sessionId);
    assert.notEqual(refreshed.refreshToken, first.refreshToken);

    const seenPages: number[] = [];
    const labels: Array<string | null | undefined> = [];
    for await (const page of haven.pages("identityListSessions", { params: { query: { limit: 1 } } })) {
      seenPages.push(page.items.length);
      labels.push(...page.items.map((s) => s.device_label));
    }
    assert.deepEqual(seenPages, [1, 1, 1], "one session per page, three pages");
    assert.deepEqual([...labels].sort(), ["laptop", "phone", "tablet"]);
    const current = [];
    for await (const s of haven.paginate("identityListSessions")) if (s.current) current.push(s.device_label);
    assert.deepEqual(current, ["laptop"]);

    const outOfRange = await haven
      .call("identityListSessions", { params: { query: { limit: 0 } } })
      .catch((e: unknown) => e);
    assert.ok(isHavenError(outOfRange, "identityListSessions"), String(outOfRange));
    assert.equal(outOfRange.status, 422);
    assert.equal(outOfRange.code, "validation_failed");
    assert.equal(outOfRange.errors[0]?.field, "limit");

    await haven.auth.signOut();
    assert.equal(await haven.auth.tokens(), null);
    const after = await haven.call("identityGetMe").catch((e: unknown) => e);
    assert.ok(after instanceof HavenError && after.status === 401 && after.code === "unauthorized", String(after));
    const reused = await haven
      .call("identityRefreshToken", { body: { refresh_token: refreshed.refreshToken } })
      .catch((e: unknown) => e);
    assert.ok(isHavenError(reused, "identityRefreshToken") && reused.code === "invalid_refresh_token", String(reused));
    assert.deepEqual(
      states.map((s) => s.reason),
      ["signIn", "refresh", "signOut"],
    );
  });

  it("every response matched the document", () => {
    assert.ok(contract.checked >= 15, `only ${contract.checked} responses checked`);
    assert.deepEqual(contract.violations, []);
  });

  it("stops cleanly on SIGTERM (exit code 0)", async () => {
    const stopped = await live().stop();
    assert.deepEqual(stopped, { code: 0, signal: null }, live().logs());
  });
});
