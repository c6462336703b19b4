/** The error model: one class per kind of failure, typed problem codes, timeouts, aborts. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { HavenError, HttpError, NetworkError, TimeoutError, createHaven, isHavenError } from "../../src/index.js";
import { FakeApi, gate, json, problem } from "./fake.js";

const BASE = "http://api.test";

describe("errors", () => {
  it("a problem is a HavenError with its typed code, request id, field errors and Retry-After", async () => {
    const api = new FakeApi().on("POST", "/v1/identity/register", () =>
      problem(422, "validation_failed", { "retry-after": "7" }, [{ field: "email", code: "invalid", message: "m" }]),
    );
    const haven = createHaven({ baseUrl: BASE, fetch: api.fetch, retry: false });
    const error = await haven
      .call("identityRegister", { body: { email: "x", password: "p" } })
      .then(() => assert.fail("resolved"), (e: unknown) => e);
    assert.ok(isHavenError(error, "identityRegister"));
    assert.ok(!isHavenError(error, "identityLogin"), "narrowed by operation");
    assert.equal(error.status, 422);
    assert.equal(error.code, "validation_failed");
    assert.equal(error.requestId, "req-1");
    assert.deepEqual(error.errors, [{ field: "email", code: "invalid", message: "m" }]);
    assert.equal(error.retryAfter, 7);
  });

  it("an HTML 502 from a proxy is an HttpError, not a problem", async () => {
    const api = new FakeApi().on("GET", "/v1/meta", () =>
      new Response("<html>bad gateway</html>", { status: 502, headers: { "content-type": "text/html" } }),
    );
    const haven = createHaven({ baseUrl: BASE, fetch: api.fetch, retry: false });
    const error = await haven.call("metaGet").catch((e: unknown) => e);
    assert.ok(error instanceof HttpError, String(error));
    assert.equal(error.status, 502);
    assert.equal(error.contentType, "text/html");
    assert.match(error.bodyText, /bad gateway/);
    assert.ok(!(error instanceof HavenError));
  });

  it("JSON that claims to be a problem but is not one is an HttpError", async () => {
    const api = new FakeApi().on("GET", "/v1/meta", () =>
      new Response(JSON.stringify({ message: "nope" }), {
        status: 500,
        headers: { "content-type": "application/problem+json" },
      }),
    );
    const haven = createHaven({ baseUrl: BASE, fetch: api.fetch, retry: false });
    assert.ok((await haven.call("metaGet").catch((e: unknown) => e)) instanceof HttpError);
  });

  it("a failed fetch is a NetworkError that keeps its cause", async () => {
    const cause = new TypeError("fetch failed");
    const haven = createHaven({
      baseUrl: BASE,
      retry: false,
      fetch: () => Promise.reject(cause),
    });
    const error = await haven.call("metaGet").catch((e: unknown) => e);
    assert.ok(error instanceof NetworkError && !(error instanceof TimeoutError), String(error));
    assert.equal(error.cause, cause);
  });

  it("no answer within the timeout is a TimeoutError", async () => {
    const never = gate<Response>();
    const api = new FakeApi().on("GET", "/v1/meta", () => never.promise);
    const haven = createHaven({ baseUrl: BASE, fetch: api.fetch, retry: false, timeoutMs: 20 });
    const error = await haven.call("metaGet").catch((e: unknown) => e);
    assert.ok(error instanceof TimeoutError, String(error));
    assert.equal(error.timeoutMs, 20);
    assert.ok(error instanceof NetworkError, "a timeout is a network failure");
  });

  it("the caller's AbortSignal rejects with its reason, and is not retried", async () => {
    const held = gate<Response>();
    const api = new FakeApi().on("GET", "/v1/meta", () => held.promise);
    const haven = createHaven({ baseUrl: BASE, fetch: api.fetch });
    const controller = new AbortController();
    const pending = haven.call("metaGet", { signal: controller.signal });
    const reason = new Error("user left the page");
    setImmediate(() => controller.abort(reason));
    assert.equal(await pending.catch((e: unknown) => e), reason);
    assert.equal(api.calls("GET", "/v1/meta").length, 1);
  });

  it("a success resolves with the body; send also gives the response", async () => {
    const api = new FakeApi().on("GET", "/v1/meta", () =>
      json(200, { name: "haven", version: "0.1.0", database: "sqlite", modules: [] }, { etag: '"v1"' }),
    );
    const haven = createHaven({ baseUrl: BASE, fetch: api.fetch });
    assert.equal((await haven.call("metaGet")).name, "haven");
    const { data, response } = await haven.send("metaGet");
    assert.equal(data.version, "0.1.0");
    assert.equal(response.headers.get("etag"), '"v1"');
  });
});
