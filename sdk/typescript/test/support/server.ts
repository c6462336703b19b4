/**
 * Runs the real `haven serve` for the journey tests: two free local ports, a fresh
 * SQLite database in a temp dir, email to an SMTP catcher, readiness polled on
 * `/health/live`, stopped with SIGTERM (a clean exit is part of the test).
 *
 * The binary is `$HAVEN_BIN` (relative paths against the repository root), default
 * `<repo>/target/debug/haven`; a missing binary fails the test, never skips it.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { accessSync, constants, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { type AddressInfo, createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** Attempts (every {@link POLL_INTERVAL_MS}) before giving up on a readiness poll. */
export const POLL_ATTEMPTS = 150;
export const POLL_INTERVAL_MS = 100;

export const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** The repository root: the nearest ancestor holding `Cargo.toml` and `openapi/`. */
export function repoRoot(): string {
  const from = dirname(fileURLToPath(import.meta.url));
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "Cargo.toml")) && existsSync(join(dir, "openapi", "openapi.json"))) return dir;
    if (dirname(dir) === dir) throw new Error(`no repository root above ${from}`);
  }
}

/** The committed OpenAPI document. */
export function openapiDocument(): unknown {
  return JSON.parse(readFileSync(join(repoRoot(), "openapi", "openapi.json"), "utf8"));
}

/** Ports the OS reports free right now (all held open at once, so they differ). */
export async function freePorts(count: number): Promise<number[]> {
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

/** A message as `scripts/smtp-catcher.py` stores it (the decoded `.json` file). */
export interface CaughtMail {
  envelope_to: string[];
  to: string;
  subject: string;
  text: string;
}

/** The SMTP catcher of `scripts/test` (`HAVEN_TEST_SMTP_URL`, `HAVEN_TEST_SMTP_DIR`), or
 *  one started here (never under `CI`: there scripts/test starts it). */
async function smtpCatcher(): Promise<{ url: string; dir: string; stop: () => void }> {
  const url = process.env["HAVEN_TEST_SMTP_URL"];
  const dir = process.env["HAVEN_TEST_SMTP_DIR"];
  if (url && dir) return { url, dir, stop: () => {} };
  if (process.env["CI"]) {
    throw new Error("HAVEN_TEST_SMTP_URL and HAVEN_TEST_SMTP_DIR must be set in CI (scripts/test starts the catcher)");
  }
  const own = mkdtempSync(join(tmpdir(), "haven-sdk-mail-"));
  const catcher = spawn("python3", [join(repoRoot(), "scripts", "smtp-catcher.py"), "--dir", own], {
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

/** A running `haven serve`. */
export interface Haven {
  /** `http://127.0.0.1:<port>`. */
  baseUrl: string;
  /** Messages caught for `to`, oldest first, waiting (bounded) for at least one. */
  mailTo(to: string): Promise<CaughtMail[]>;
  /** The server's output so far, to explain a failure. */
  logs(): string;
  /** SIGTERM; resolves with the exit code and signal (SIGKILL after 10 s). */
  stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `haven serve` with `env` added to its environment; `seed` runs `haven seed`
 * (demo accounts and catalog) on its database first. */
export async function startHaven(env: Record<string, string> = {}, options: { seed?: boolean } = {}): Promise<Haven> {
  const root = repoRoot();
  const bin = resolve(root, process.env["HAVEN_BIN"] ?? "target/debug/haven");
  try {
    accessSync(bin, constants.X_OK);
  } catch {
    throw new Error(`haven binary not found at ${bin}; build it with \`cargo build -p haven-app\` or set HAVEN_BIN`);
  }
  const workDir = mkdtempSync(join(tmpdir(), "haven-sdk-journey-"));
  const catcher = await smtpCatcher();
  const [apiPort, adminPort] = await freePorts(2);
  const baseUrl = `http://127.0.0.1:${apiPort}`;
  let output = "";
  const childEnv = {
      ...process.env,
      HAVEN__SERVER__ADDR: `127.0.0.1:${apiPort}`,
      HAVEN__SERVER__ADMIN_ADDR: `127.0.0.1:${adminPort}`,
      HAVEN__DATABASE__URL: `sqlite://${join(workDir, "haven.db")}`,
      HAVEN__SERVER__DRAIN_DELAY_MS: "0",
      HAVEN__EMAIL__SMTP_URL: catcher.url,
      HAVEN__EMAIL__LINK_BASE_URL: "https://app.haven.test",
      HAVEN__JOBS__POLL_INTERVAL_MS: "50",
      NO_COLOR: "1",
      ...env,
  };
  if (options.seed) {
    const seeded = spawnSync(bin, ["seed"], { cwd: workDir, env: childEnv, encoding: "utf8" });
    if (seeded.status !== 0) {
      rmSync(workDir, { recursive: true, force: true });
      catcher.stop();
      throw new Error(`haven seed failed (${seeded.status}):\n${seeded.stdout}\n${seeded.stderr}`);
    }
  }
  const child: ChildProcess = spawn(bin, ["serve"], {
    cwd: workDir, // no stray ./haven.toml gets picked up
    env: childEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = once(child, "exit") as Promise<[number | null, NodeJS.Signals | null]>;
  exited.catch(() => {});
  let spawnError: Error | undefined;
  child.on("error", (e) => (spawnError = e));
  const logs = () => `--- haven output ---\n${output.slice(-4000)}`;
  const cleanup = () => {
    rmSync(workDir, { recursive: true, force: true });
    catcher.stop();
  };

  // Readiness polling of the subprocess, bounded: the only wait besides the mail poll.
  for (let attempt = 1; ; attempt++) {
    if (spawnError || child.exitCode !== null || child.signalCode !== null) {
      cleanup();
      throw new Error(`haven did not start (${spawnError?.message ?? child.exitCode ?? child.signalCode})\n${logs()}`);
    }
    try {
      if ((await fetch(`${baseUrl}/health/live`)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (attempt >= POLL_ATTEMPTS) {
      child.kill("SIGKILL");
      cleanup();
      throw new Error(`haven did not answer /health/live within ${POLL_ATTEMPTS} polls\n${logs()}`);
    }
    await sleep(POLL_INTERVAL_MS);
  }

  return {
    baseUrl,
    logs,
    async mailTo(to) {
      for (let attempt = 1; ; attempt++) {
        const mails = readdirSync(catcher.dir)
          .filter((name) => name.endsWith(".json") && !name.startsWith("."))
          .sort()
          .map((name) => JSON.parse(readFileSync(join(catcher.dir, name), "utf8")) as CaughtMail)
          .filter((mail) => mail.envelope_to.some((r) => r.toLowerCase() === to.toLowerCase()));
        if (mails.length > 0) return mails;
        if (attempt >= POLL_ATTEMPTS) throw new Error(`no email to ${to} within ${POLL_ATTEMPTS} polls\n${logs()}`);
        await sleep(POLL_INTERVAL_MS);
      }
    },
    async stop() {
      try {
        if (child.exitCode !== null || child.signalCode !== null) {
          return { code: child.exitCode, signal: child.signalCode };
        }
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
        const [code, signal] = await exited;
        clearTimeout(timer);
        return { code, signal };
      } finally {
        cleanup();
      }
    },
  };
}
