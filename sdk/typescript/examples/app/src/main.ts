/**
 * A small app on @haven/sdk: sign in, handle each way sign-in can fail, read the account,
 * list the signed-in devices. Run against a server: `HAVEN_URL=http://127.0.0.1:8080
 * HAVEN_EMAIL=… HAVEN_PASSWORD=… npm start`; without HAVEN_URL it only checks that the
 * package loads.
 */
import {
  type AuthState,
  type IdentitySession,
  MemoryTokenStore,
  NetworkError,
  createHaven,
  isHavenError,
} from "@haven/sdk";

/** What to tell the user when signing in failed; every code login can answer is handled
 *  (the `never` check fails to compile when the API adds one). */
export function explainLoginFailure(error: unknown): string {
  if (error instanceof NetworkError) return "You seem to be offline.";
  if (!isHavenError(error, "identityLogin")) throw error;
  switch (error.code) {
    case "invalid_credentials":
      return error.retryAfter !== null ? `Too many attempts; try again in ${error.retryAfter} s.` : "Wrong email or password.";
    case "account_disabled":
      return "This account is disabled.";
    case "rate_limited":
      return `Slow down; try again in ${error.retryAfter ?? 60} s.`;
    case "bad_request":
    case "payload_too_large":
    case "unsupported_media_type":
      return "The app sent a bad request; please update it.";
    case "internal":
    case "unavailable":
    case "request_timeout":
      return `Haven is having trouble (quote ${error.requestId ?? "no request id"}).`;
    default: {
      const unhandled: never = error.code;
      return unhandled;
    }
  }
}

/** The labels of the caller's devices, every page of them. */
export async function deviceLabels(haven: ReturnType<typeof createHaven>): Promise<string[]> {
  const labels: string[] = [];
  for await (const session of haven.paginate("identityListSessions", { params: { query: { limit: 50 } } })) {
    const s: IdentitySession = session;
    labels.push(s.device_label ?? "unnamed device");
  }
  return labels;
}

async function main(): Promise<void> {
  const baseUrl = process.env["HAVEN_URL"];
  const haven = createHaven({
    baseUrl: baseUrl ?? "http://127.0.0.1:8080",
    tokenStore: new MemoryTokenStore(),
    onAuthStateChange: (state: AuthState) => console.log(state.signedIn ? `signed in (${state.reason})` : `signed out (${state.reason})`),
  });
  if (baseUrl === undefined) {
    console.log("@haven/sdk loaded; set HAVEN_URL, HAVEN_EMAIL and HAVEN_PASSWORD to sign in");
    return;
  }
  try {
    const result = await haven.auth.signIn({
      email: process.env["HAVEN_EMAIL"] ?? "",
      password: process.env["HAVEN_PASSWORD"] ?? "",
      device_label: "example app",
    });
    if (result.status === "mfa_required") {
      console.log(`enter your code within ${result.expires_in} s`);
      return;
    }
  } catch (error) {
    console.log(explainLoginFailure(error));
    return;
  }
  const me = await haven.call("identityGetMe");
  console.log(`hello ${me.display_name ?? me.email}; devices: ${(await deviceLabels(haven)).join(", ")}`);
  await haven.auth.signOut();
}

// A tiny shim so the example needs no @types/node.
declare const process: { env: Record<string, string | undefined> };

await main();
