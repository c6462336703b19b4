/**
 * The journey, run by Chromium in a page served from another origin than the API (see
 * journey.test.ts). It reports through `window.journey`, which the test awaits.
 */
import { HavenError, createHaven, isHavenError, webStorageTokenStore } from "@haven/sdk";

interface Report {
  done: boolean;
  steps: string[];
  error?: string;
  headers?: Record<string, string | null>;
}

declare global {
  interface Window {
    journey: Report;
  }
}

window.journey = { done: false, steps: [] };

async function run(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const baseUrl = params.get("api") ?? "";
  const report = window.journey;
  const step = (name: string) => report.steps.push(name);
  const haven = createHaven({ baseUrl, tokenStore: webStorageTokenStore(sessionStorage) });
  const email = `browser.${Date.now()}@example.com`;
  const password = "a long browser passphrase";

  // A keyed write: the SDK's key, then the same key again (the server replays).
  const first = await haven.send("identityRegister", {
    body: { email, password },
    idempotencyKey: `browser-${email}`,
  });
  const replay = await haven.send("identityRegister", {
    body: { email, password },
    idempotencyKey: `browser-${email}`,
  });
  if (replay.data.id !== first.data.id) throw new Error("the replay answered another account");
  step("register");

  const signedIn = await haven.auth.signIn({ email, password, device_label: "chromium" });
  if (signedIn.status !== "authenticated") throw new Error(`sign-in: ${signedIn.status}`);
  if (!sessionStorage.getItem("haven.tokens")) throw new Error("tokens not in sessionStorage");
  step("signIn");

  const me = await haven.send("identityGetMe");
  if (me.data.email !== email) throw new Error("me is someone else");
  step("me");

  const refreshed = await haven.auth.refresh();
  if (!refreshed) throw new Error("refresh ended the session");
  step("refresh");

  let sessions = 0;
  for await (const s of haven.paginate("identityListSessions", { params: { query: { limit: 1 } } })) {
    if (s.device_label === "chromium") sessions++;
  }
  if (sessions !== 1) throw new Error(`sessions: ${sessions}`);
  step("sessions");

  // Wrong passwords until the (lowered) per-address limit answers 429 with its headers.
  let limited: HavenError<"identityLogin"> | null = null;
  for (let i = 0; i < 10 && limited === null; i++) {
    try {
      await haven.call("identityLogin", { body: { email, password: "not the password" } });
    } catch (e) {
      if (!isHavenError(e, "identityLogin")) throw e;
      if (e.code === "rate_limited") limited = e;
      else if (e.code !== "invalid_credentials") throw e;
    }
  }
  if (limited === null) throw new Error("never rate limited");
  step("problem");

  await haven.auth.signOut();
  if (sessionStorage.getItem("haven.tokens") !== null) throw new Error("tokens kept after sign-out");
  try {
    await haven.call("identityGetMe");
    throw new Error("signed out, yet /me answered");
  } catch (e) {
    if (!(e instanceof HavenError) || e.code !== "unauthorized") throw e;
  }
  step("signOut");

  // What a browser app can read only because CORS exposes it.
  report.headers = {
    "x-request-id": me.response.headers.get("x-request-id"),
    "idempotent-replayed": replay.response.headers.get("idempotent-replayed"),
    "retry-after": limited.response.headers.get("retry-after"),
    "ratelimit-limit": limited.response.headers.get("ratelimit-limit"),
    "ratelimit-remaining": limited.response.headers.get("ratelimit-remaining"),
    "ratelimit-reset": limited.response.headers.get("ratelimit-reset"),
    retryAfter: limited.retryAfter === null ? null : String(limited.retryAfter),
  };
}

run().then(
  () => (window.journey.done = true),
  (error: unknown) => {
    window.journey.error = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    window.journey.done = true;
  },
);
