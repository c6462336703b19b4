/**
 * End-to-end test of the SDK against the real `haven` binary.
 *
 * Starts `haven serve` on two free local ports with a fresh SQLite database, calls it
 * through the SDK, then stops it with SIGTERM and expects a clean exit (code 0).
 *
 * Email goes to a real SMTP server: the catcher of `scripts/test`
 * (`$HAVEN_TEST_SMTP_URL`, messages in `$HAVEN_TEST_SMTP_DIR`), or, when those are unset
 * and `CI` is not, one this test starts (`python3 scripts/smtp-catcher.py`, needs
 * `pip install aiosmtpd==1.4.6`). The verification link is read from the caught message.
 *
 * The binary is `$HAVEN_BIN` (relative paths are resolved against the repository
 * root), default `<repo>/target/debug/haven`. A missing binary is a test failure,
 * never a skip: build it with `cargo build -p haven-app`.
 *
 * Run: `npm --prefix openapi run build && npm --prefix openapi test`.
 */
import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { accessSync, constants, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer, type AddressInfo, type Server } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { after, describe, it } from "node:test";
import { fileURLToPath } from "node:url";

import { createHavenClient, type components, type HavenClient, type Problem } from "../src/index.js";

/**
 * Compile-time checks that the generated types match what the server sends: an optional
 * field is sent as `null` when absent (the document declares it `nullable`), so its type
 * must admit `null`; `tsc --strict` fails on `false`.
 */
type Admits<T, V> = [V] extends [T] ? true : false;
type User = components["schemas"]["IdentityUser"];
export const optionalFieldsAdmitNull: [
  Admits<User["display_name"], null>,
  Admits<User["email_verified_at"], null>,
  Admits<User["locale"], null>,
  Admits<User["marketing_consent_at"], null>,
  Admits<components["schemas"]["Page_IdentitySession"]["next_cursor"], null>,
] = [true, true, true, true, true];
/** Required fields stay non-null. */
export const requiredFieldsRefuseNull: Admits<User["email"], null> = false;

/** Attempts (every {@link POLL_INTERVAL_MS}) before giving up on `/health/live`. */
const POLL_ATTEMPTS = 150;
const POLL_INTERVAL_MS = 100;
/** How long the server may take to exit after SIGTERM. */
const EXIT_TIMEOUT_MS = 10_000;

/** The repository root: the nearest ancestor holding `Cargo.toml` and `openapi/`. */
function findRepoRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "Cargo.toml")) && existsSync(join(dir, "openapi", "package.json"))) {
      return dir;
    }
    if (dirname(dir) === dir) {
      throw new Error(`no repository root (Cargo.toml + openapi/) above ${from}`);
    }
  }
}

/** Ports the OS reports free right now (all held open at once, so they differ). */
async function freePorts(count: number): Promise<number[]> {
  const servers: Server[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const server = createServer();
      servers.push(server);
      server.listen(0, "127.0.0.1");
      await once(server, "listening");
    }
    return servers.map((s) => (s.address() as AddressInfo).port);
  } finally {
    await Promise.all(servers.map((s) => new Promise((done) => s.close(done))));
  }
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** A message as `scripts/smtp-catcher.py` stores it (the decoded `.json` file). */
interface CaughtMail {
  envelope_to: string[];
  to: string;
  subject: string;
  text: string;
}

/** The SMTP catcher the server sends to. */
interface Catcher {
  url: string;
  dir: string;
  stop: () => void;
}

/** The catcher of `scripts/test`, or one started here (never outside it under `CI`). */
async function smtpCatcher(repoRoot: string): Promise<Catcher> {
  const url = process.env["HAVEN_TEST_SMTP_URL"];
  const dir = process.env["HAVEN_TEST_SMTP_DIR"];
  if (url && dir) return { url, dir, stop: () => {} };
  if (process.env["CI"]) {
    throw new Error("HAVEN_TEST_SMTP_URL and HAVEN_TEST_SMTP_DIR must be set in CI (scripts/test starts the catcher)");
  }
  const own = mkdtempSync(join(tmpdir(), "haven-sdk-mail-"));
  const catcher = spawn("python3", [join(repoRoot, "scripts", "smtp-catcher.py"), "--dir", own], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const line = await new Promise<string>((done) => {
    let out = "";
    catcher.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes("\n")) done(out.split("\n")[0] ?? "");
    });
    catcher.on("exit", () => done(out));
    catcher.on("error", (e) => done(`error: ${e.message}`));
  });
  if (!line.startsWith("listening on ")) {
    catcher.kill("SIGKILL");
    throw new Error(`the SMTP catcher did not start (pip install aiosmtpd==1.4.6?): ${line}`);
  }
  return {
    url: `smtp://${line.slice("listening on ".length)}`,
    dir: own,
    stop: () => {
      catcher.kill("SIGTERM");
      rmSync(own, { recursive: true, force: true });
    },
  };
}

/** Messages caught for `to` so far, oldest first. */
function mailTo(dir: string, to: string): CaughtMail[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith(".json") && !name.startsWith("."))
    .sort()
    .map((name) => JSON.parse(readFileSync(join(dir, name), "utf8")) as CaughtMail)
    .filter((mail) => mail.envelope_to.some((r) => r.toLowerCase() === to.toLowerCase()));
}

/** Never called: `tsc` fails the build if the SDK's types stop rejecting these. */
export function typeChecks(client: HavenClient): void {
  // @ts-expect-error: not a documented path
  void client.GET("/v1/no-such-route");
  // @ts-expect-error: not a documented method of this path
  void client.POST("/v1/meta");
  void client.GET("/v1/meta").then(({ data }) => {
    // @ts-expect-error: `Meta` has no such field
    void data?.no_such_field;
  });
}

const repoRoot = findRepoRoot(dirname(fileURLToPath(import.meta.url)));
const havenBin = resolve(repoRoot, process.env["HAVEN_BIN"] ?? "target/debug/haven");

describe("haven serve, through the TypeScript SDK", () => {
  let workDir: string | undefined;
  let child: ChildProcess | undefined;
  let exited: Promise<[number | null, NodeJS.Signals | null]> | undefined;
  let output = "";
  let baseUrl = "";
  let client: HavenClient | undefined;
  let catcher: Catcher | undefined;

  /** The server's output so far, to explain a failure. */
  const logs = () => `--- haven output ---\n${output.slice(-4000)}`;

  /** The client, once `haven serve` is live; fails the calling test otherwise. */
  const started = (): HavenClient => {
    assert.ok(client, "haven serve did not start (see the first failure)");
    return client;
  };

  // Startup is a test of its own (not a `before` hook) so that a missing binary or a
  // failed start is counted in `# fail`, and every later test fails with it.
  it("starts `haven serve` and answers /health/live", async () => {
    try {
      accessSync(havenBin, constants.X_OK);
    } catch {
      throw new Error(
        `haven binary not found or not executable at ${havenBin}; ` +
          "build it with `cargo build -p haven-app` or point HAVEN_BIN at it",
      );
    }

    workDir = mkdtempSync(join(tmpdir(), "haven-sdk-e2e-"));
    catcher = await smtpCatcher(repoRoot);
    const [apiPort, adminPort] = await freePorts(2);
    baseUrl = `http://127.0.0.1:${apiPort}`;
    child = spawn(havenBin, ["serve"], {
      cwd: workDir, // no stray ./haven.toml gets picked up
      env: {
        ...process.env,
        HAVEN__SERVER__ADDR: `127.0.0.1:${apiPort}`,
        HAVEN__SERVER__ADMIN_ADDR: `127.0.0.1:${adminPort}`,
        // sqlite:// + an absolute path = three slashes.
        HAVEN__DATABASE__URL: `sqlite://${join(workDir, "haven.db")}`,
        HAVEN__SERVER__DRAIN_DELAY_MS: "0",
        HAVEN__EMAIL__SMTP_URL: catcher.url,
        HAVEN__EMAIL__LINK_BASE_URL: "https://app.haven.test",
        HAVEN__JOBS__POLL_INTERVAL_MS: "50",
        NO_COLOR: "1",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    exited = once(child, "exit") as Promise<[number | null, NodeJS.Signals | null]>;
    exited.catch(() => {}); // a spawn error is reported by the polling below
    let spawnError: Error | undefined;
    child.on("error", (e) => (spawnError = e));

    // Readiness polling of the subprocess, bounded: the only wait in this test.
    for (let attempt = 1; ; attempt++) {
      if (spawnError) throw new Error(`cannot start ${havenBin}: ${spawnError.message}`);
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`haven exited early (${child.exitCode ?? child.signalCode})\n${logs()}`);
      }
      try {
        const res = await fetch(`${baseUrl}/health/live`);
        if (res.ok) break;
      } catch {
        // Not listening yet.
      }
      if (attempt >= POLL_ATTEMPTS) {
        throw new Error(`haven did not answer /health/live within ${POLL_ATTEMPTS} attempts\n${logs()}`);
      }
      await sleep(POLL_INTERVAL_MS);
    }
    client = createHavenClient(baseUrl);
  });

  after(() => {
    // Only reached with a live child if a test failed before the SIGTERM test.
    if (child && child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    if (workDir) rmSync(workDir, { recursive: true, force: true });
    catcher?.stop();
  });

  it("GET /v1/meta describes the service", async () => {
    const { data, error, response } = await started().GET("/v1/meta");
    assert.equal(response.status, 200, logs());
    assert.equal(error, undefined);
    assert.ok(data);
    assert.equal(data.name, "haven");
    assert.equal(data.database, "sqlite");
    assert.ok(Array.isArray(data.modules), "modules is an array");
    assert.equal(typeof data.version, "string");
  });

  it("GET /health/ready is ready", async () => {
    const { data, error, response } = await started().GET("/health/ready");
    assert.equal(response.status, 200, `${JSON.stringify(error)}\n${logs()}`);
    assert.equal(data?.status, "ready");
  });

  it("an unknown path is a 404 problem with a request id", async () => {
    started();
    const res = await fetch(`${baseUrl}/v1/no-such-route`);
    assert.equal(res.status, 404);
    assert.match(res.headers.get("content-type") ?? "", /^application\/problem\+json\b/);
    const problem = (await res.json()) as Problem;
    assert.equal(problem.status, 404);
    assert.equal(typeof problem.request_id, "string");
    assert.ok(problem.request_id, "request_id is not empty");
    assert.equal(res.headers.get("x-request-id"), problem.request_id, "body and header ids agree");
  });

  it("serves the committed openapi/openapi.json", async () => {
    started();
    const res = await fetch(`${baseUrl}/openapi.json`);
    assert.equal(res.status, 200);
    const committed: unknown = JSON.parse(readFileSync(join(repoRoot, "openapi", "openapi.json"), "utf8"));
    assert.deepEqual(await res.json(), committed);
  });

  it("identity: register, verify the email, log in, read me, refresh, list sessions, log out", async () => {
    const haven = started();
    assert.ok(catcher);
    // Unique per run: the catcher of scripts/test is shared with the Rust tests.
    const email = `sdk.e2e.${process.pid}.${Date.now()}@example.com`;
    const password = "a long sdk passphrase";
    const reg = await haven.POST("/v1/identity/register", {
      body: { email, password, display_name: "SDK" },
      params: { header: { "Idempotency-Key": "sdk-e2e-register" } },
    });
    assert.equal(reg.response.status, 201, `${JSON.stringify(reg.error)}\n${logs()}`);
    assert.equal(reg.data?.email, email);
    assert.deepEqual(reg.data?.roles, ["member"]);

    // Registration queued a verification email; the server's job workers send it.
    let mail: CaughtMail | undefined;
    for (let attempt = 1; !mail; attempt++) {
      mail = mailTo(catcher.dir, email)[0];
      if (!mail && attempt >= POLL_ATTEMPTS) {
        throw new Error(`no verification email to ${email} within ${POLL_ATTEMPTS} polls\n${logs()}`);
      }
      if (!mail) await sleep(POLL_INTERVAL_MS);
    }
    assert.equal(mail.to, email);
    const link = /https:\/\/app\.haven\.test\/verify-email\?token=([A-Za-z0-9_-]+)/.exec(mail.text);
    assert.ok(link?.[1], `a verification link in: ${mail.text}`);
    const verified = await haven.POST("/v1/identity/email-verification/confirm", { body: { token: link[1] } });
    assert.equal(verified.response.status, 204, JSON.stringify(verified.error));
    const reused = await haven.POST("/v1/identity/email-verification/confirm", { body: { token: link[1] } });
    assert.equal(reused.response.status, 422);
    assert.equal(reused.error?.code, "email_token_invalid");

    const login = await haven.POST("/v1/identity/login", {
      body: { email: email.toUpperCase(), password, device_label: "e2e" },
    });
    assert.equal(login.response.status, 200, JSON.stringify(login.error));
    assert.ok(login.data);
    // Without two-step verification a login answers the tokens at once.
    assert.ok(login.data.status === "authenticated", JSON.stringify(login.data));
    assert.equal(login.data.token_type, "Bearer");
    assert.equal(login.data.mfa_enrollment_required, false);
    assert.equal(login.response.headers.get("cache-control"), "no-store", "tokens are never cached");

    const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });
    const me = await haven.GET("/v1/identity/me", bearer(login.data.access_token));
    assert.equal(me.response.status, 200, JSON.stringify(me.error));
    assert.equal(me.data?.id, reg.data?.id);
    assert.equal(typeof me.data?.email_verified_at, "string", "the address is verified");
    assert.equal(me.response.headers.get("cache-control"), "private", "member reads are private");
    // Optional fields without a value are sent as null, as the document declares.
    assert.equal(me.data?.locale, null);
    assert.equal(me.data?.marketing_consent_at, null);
    // Every timestamp is RFC 3339 in UTC with `Z`.
    assert.match(me.data?.created_at ?? "", /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
    assert.match(me.data?.email_verified_at ?? "", /Z$/);

    const refreshed = await haven.POST("/v1/identity/token/refresh", {
      body: { refresh_token: login.data.refresh_token },
    });
    assert.equal(refreshed.response.status, 200, JSON.stringify(refreshed.error));
    assert.ok(refreshed.data);
    assert.equal(refreshed.data.session_id, login.data.session_id);
    assert.notEqual(refreshed.data.refresh_token, login.data.refresh_token);
    assert.equal(refreshed.response.headers.get("cache-control"), "no-store");

    const sessions = await haven.GET("/v1/identity/me/sessions", bearer(refreshed.data.access_token));
    assert.equal(sessions.response.status, 200, JSON.stringify(sessions.error));
    assert.deepEqual(
      sessions.data?.items.map((s) => [s.id, s.device_label, s.current]),
      [[login.data.session_id, "e2e", true]],
    );

    const out = await haven.POST("/v1/identity/logout", bearer(refreshed.data.access_token));
    assert.equal(out.response.status, 204, JSON.stringify(out.error));
    const again = await haven.POST("/v1/identity/token/refresh", {
      body: { refresh_token: refreshed.data.refresh_token },
    });
    assert.equal(again.response.status, 401);
    assert.equal(again.error?.code, "invalid_refresh_token");

    const wrong = await haven.POST("/v1/identity/login", { body: { email, password: "not the password" } });
    assert.equal(wrong.response.status, 401);
    assert.equal(wrong.error?.code, "invalid_credentials");
  });

  it("stops cleanly on SIGTERM (exit code 0)", async () => {
    started();
    assert.ok(child && exited);
    assert.ok(child.kill("SIGTERM"), "SIGTERM delivered");
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no exit ${EXIT_TIMEOUT_MS} ms after SIGTERM\n${logs()}`)), EXIT_TIMEOUT_MS);
    });
    try {
      const [code, signal] = await Promise.race([exited, timeout]);
      assert.deepEqual({ code, signal }, { code: 0, signal: null }, logs());
    } finally {
      clearTimeout(timer);
    }
  });
});
