/**
 * The journey once in headless Chromium (Debian's `chromium`, driven by playwright-core
 * over its own binary): the page is served from `http://localhost:<port>`, the API from
 * `http://127.0.0.1:<port>`, so preflights, exposed headers and the browser's fetch are
 * real. The page loads the built package (`dist/esm`) through an import map.
 *
 * `CHROMIUM` overrides the browser (default /usr/bin/chromium); missing, the test fails.
 */
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { dirname, join, normalize } from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";

import { chromium } from "playwright-core";

import { type Haven as ApiServer, freePorts, startHaven } from "../support/server.js";

const packageRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const CHROMIUM = process.env["CHROMIUM"] ?? "/usr/bin/chromium";
/** How long the page may take for the whole journey. */
const JOURNEY_TIMEOUT_MS = 60_000;

/** The files the page may load, by URL prefix. */
const SERVED: Array<[string, string]> = [
  ["/sdk/", join(packageRoot, "dist", "esm")],
  ["/page/", join(packageRoot, "build", "test", "browser")],
  ["/vendor/openapi-fetch/", join(packageRoot, "node_modules", "openapi-fetch", "dist")],
];

const PAGE = `<!doctype html>
<html><head><meta charset="utf-8"><title>Haven SDK journey</title>
<script type="importmap">{"imports": {
  "@haven/sdk": "/sdk/index.js",
  "openapi-fetch": "/vendor/openapi-fetch/index.mjs"
}}</script>
<script type="module" src="/page/page.js"></script>
</head><body></body></html>`;

/** Serves the page and its modules on `port`. */
function servePage(port: number): Promise<Server> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    if (path === "/") {
      res.writeHead(200, { "content-type": "text/html" }).end(PAGE);
      return;
    }
    for (const [prefix, dir] of SERVED) {
      const file = normalize(join(dir, path.slice(prefix.length)));
      if (path.startsWith(prefix) && file.startsWith(dir) && existsSync(file)) {
        const type = file.endsWith(".map") ? "application/json" : "text/javascript";
        res.writeHead(200, { "content-type": type }).end(readFileSync(file));
        return;
      }
    }
    res.writeHead(404).end();
  });
  return new Promise((done) => server.listen(port, "localhost", () => done(server)));
}

describe("the journey in headless Chromium, from another origin", () => {
  let api: ApiServer | undefined;
  let page: Server | undefined;
  let pagePort = 0;

  before(async () => {
    assert.ok(existsSync(CHROMIUM), `no browser at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM)`);
    [pagePort] = (await freePorts(1)) as [number];
    page = await servePage(pagePort);
    api = await startHaven({
      HAVEN__SERVER__CORS_ORIGINS: `http://localhost:${pagePort}`,
      // Low enough that the page meets a 429 after a few wrong passwords.
      HAVEN__RATE_LIMITS__IDENTITY_LOGIN_EMAIL__LIMIT: "4",
      HAVEN__RATE_LIMITS__IDENTITY_LOGIN_EMAIL__WINDOW_S: "300",
    });
  });

  after(async () => {
    await api?.stop();
    await new Promise((done) => (page ? page.close(done) : done(undefined)));
  });

  it("registers, signs in, reads, refreshes, pages, meets a problem and signs out", async () => {
    assert.ok(api, "haven serve did not start");
    const profile = mkdtempSync(join(tmpdir(), "haven-sdk-chromium-"));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    const consoleLines: string[] = [];
    try {
      const tab = await context.newPage();
      tab.on("console", (m) => consoleLines.push(`${m.type()}: ${m.text()}`));
      tab.on("pageerror", (e) => consoleLines.push(`pageerror: ${e.message}`));
      await tab.goto(`http://localhost:${pagePort}/?api=${encodeURIComponent(api.baseUrl)}`);
      await tab.waitForFunction(() => window.journey?.done === true, undefined, { timeout: JOURNEY_TIMEOUT_MS });
      const report = await tab.evaluate(() => window.journey);
      const context_ = `${JSON.stringify(report)}\n${consoleLines.join("\n")}\n${api.logs()}`;
      assert.equal(report.error, undefined, context_);
      assert.deepEqual(report.steps, ["register", "signIn", "me", "refresh", "sessions", "problem", "signOut"], context_);
      const headers = report.headers ?? {};
      assert.match(headers["x-request-id"] ?? "", /.+/, "X-Request-Id is exposed");
      assert.equal(headers["idempotent-replayed"], "true", "Idempotent-Replayed is exposed");
      assert.match(headers["retry-after"] ?? "", /^\d+$/, "Retry-After is exposed");
      assert.equal(headers["retryAfter"], headers["retry-after"], "the SDK read it");
      assert.equal(headers["ratelimit-limit"], "4", "RateLimit-Limit is exposed");
      assert.equal(headers["ratelimit-remaining"], "0", "RateLimit-Remaining is exposed");
      assert.match(headers["ratelimit-reset"] ?? "", /^\d+$/, "RateLimit-Reset is exposed");
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });
});
